from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class MailActivity(models.Model):
    _inherit = "mail.activity"

    sop_case_step_id = fields.Many2one(
        "sop.case.step",
        string="SOP Case Step",
        index="btree_not_null",
        ondelete="cascade",
        help="The case step this activity asks to perform.",
    )
    sop_review_step_id = fields.Many2one(
        "sop.case.step",
        string="SOP Case Step to Review",
        index="btree_not_null",
        ondelete="cascade",
        help="The case step waiting for this reviewer's approval.",
    )

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking a step's activity done (activity widget) finishes the step itself."""
        if self.env.context.get("sop_step_closing"):
            return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        step_activities = self.filtered(lambda a: a.sudo().sop_case_step_id.state == "current")
        steps = step_activities.sudo().sop_case_step_id.with_env(self.env)
        for step in steps:
            if step.kind == "decision":
                raise UserError(
                    self.env._(
                        "Step %(code)s is a decision: answer it yes or no on the step itself.",
                        code=step.code,
                    )
                )
            if attachment_ids:
                step.sudo().attachment_ids = [fields.Command.link(att_id) for att_id in attachment_ids]
            step.with_context(sop_step_feedback=feedback).action_finish()
        rest = (self - step_activities).exists()
        if not rest:
            return self.env["mail.message"], self.env["mail.activity"]
        return super(MailActivity, rest)._action_done(feedback=feedback, attachment_ids=attachment_ids)
