from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from ..tools.skm_questionnaire import SKM_ELEMENT_SELECTION

# set by the workflow methods only (sudo)


class SopSkmFollowup(models.Model):
    """Rencana tindak lanjut (RTL) for a weak SKM element of a unit in a period."""

    _name = "sop.skm.followup"
    _description = "SKM Follow-up Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sop.workflow.state.mixin"]
    _order = "deadline, id"

    population_id = fields.Many2one(
        "sop.skm.population",
        string="Unit and Period",
        required=True,
        index=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one(related="population_id.unit_id", store=True)
    period_id = fields.Many2one(related="population_id.period_id", store=True)
    opd_id = fields.Many2one(related="population_id.unit_id.opd_id", store=True)
    element = fields.Selection(SKM_ELEMENT_SELECTION, required=True, tracking=True)
    name = fields.Text(string="Improvement Action", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, tracking=True, default=lambda self: self.env.user
    )
    deadline = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Planned"), ("progress", "In Progress"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    result = fields.Text(help="What was done, reported in the next period's SKM report.")

    def action_start(self):
        self.check_access("write")
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only planned follow-ups can be started."))
            plan.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=plan.deadline,
                summary=self.env._("SKM follow-up: %(element)s", element=plan.element),
                note=plan.name,
                user_id=plan.user_id.id,
            )
        self._set_state("progress")

    def action_done(self):
        self.check_access("write")
        for plan in self:
            if plan.state not in ("draft", "progress"):
                raise UserError(self.env._("Only open follow-ups can be marked done."))
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._set_state("done")

    def action_cancel(self):
        self.check_access("write")
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self._set_state("cancel")
