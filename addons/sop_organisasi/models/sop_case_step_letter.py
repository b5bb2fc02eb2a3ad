from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class SopCaseStep(models.Model):
    """Letters of a case step: the templates attached to its SOP step."""

    _inherit = "sop.case.step"

    letter_template_ids = fields.Many2many(
        "sop.letter.template",
        compute="_compute_letter_template_ids",
        string="Letter Templates",
        help="The letter templates attached to the SOP step this step was copied from.",
    )
    letter_ids = fields.One2many("sop.letter", "case_step_id", string="Letters")
    related_letter_ids = fields.Many2many(
        "sop.letter",
        compute="_compute_related_letter_ids",
        string="Letters of the Step",
        help="The letters made at this step or at an earlier step of its section: the draft the "
        "Kabag corrects, the letter the OPD receives.",
    )
    letter_count = fields.Integer(compute="_compute_related_letter_ids")

    @api.depends("source_step_id")
    def _compute_letter_template_ids(self):
        templates = self.env["sop.letter.template"].sudo().search([("step_ids", "in", self.source_step_id.ids)])
        for step in self:
            step.letter_template_ids = templates.filtered(lambda t, s=step: s.source_step_id in t.step_ids).sudo(False)

    @api.depends("letter_ids", "case_id", "sequence", "section_code")
    def _compute_related_letter_ids(self):
        """Letters are made at one step (e.g. A.2, the draft) and used by the steps after it in
        the same section (A.4 the Kabag corrects it, A.8 the OPD receives it)."""
        cases = self.case_id.filtered("id")
        letters = self.env["sop.letter"].search([("case_id", "in", cases.ids)]) if cases else self.env["sop.letter"]
        for step in self:
            step.related_letter_ids = letters.filtered(
                lambda letter, s=step: (
                    letter.case_id == s.case_id
                    and letter.case_step_id
                    and (
                        letter.case_step_id == s
                        or (
                            letter.case_step_id.sequence < s.sequence
                            and (letter.case_step_id.section_code or "") == (s.section_code or "")
                        )
                    )
                )
            )
            step.letter_count = len(step.related_letter_ids)

    def _sop_letter_log_target(self):
        """Letters generated at a step are logged in the case chatter."""
        return self.case_id.sudo()

    def _sop_letter_attach(self, attachment):
        """The letter's PDF is an output document of the step."""
        self.sudo().attachment_ids = [fields.Command.link(attachment.id)]

    def action_generate_letter(self, template=None, date=None, extra_vals=None):
        """Generate the step's letter(s) for the case's OPD; the PDF becomes an output document.

        Open a choice when the SOP step has several templates and none is given.
        """
        self.ensure_one()
        self._check_can_act()
        if self.state not in ("current", "to_approve"):
            raise UserError(self.env._("Letters are generated while step %(code)s is in progress.", code=self.code))
        templates = template or self.letter_template_ids
        if not templates:
            raise UserError(self.env._("No letter template is attached to step %(code)s of the SOP.", code=self.code))
        if len(templates) > 1:
            return self.env["sop.letter"]._get_generate_wizard_action(
                {
                    "default_case_step_id": self.id,
                    "default_template_id": templates[0].id,
                    "default_opd_id": self.opd_id.id,
                }
            )
        letter = self.env["sop.letter"]._generate(
            templates, opd=self.case_id.opd_id, date=date, record=self, extra_vals=extra_vals
        )
        return letter._get_form_action()

    def action_view_letters(self):
        self.ensure_one()
        self.check_access("read")
        letters = self.related_letter_ids
        if len(letters) == 1:
            return letters._get_form_action()
        return self.env["sop.letter"]._get_letters_action([("id", "in", letters.ids)])
