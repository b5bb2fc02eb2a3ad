from odoo import fields
from odoo import models


class SopLetterWizard(models.TransientModel):
    """Generate a letter from a template for an OPD, without a case."""

    _name = "sop.letter.wizard"
    _description = "Generate SOP Letter"

    template_id = fields.Many2one("sop.letter.template", required=True, ondelete="cascade")
    opd_id = fields.Many2one("hr.department", string="Addressed OPD", domain=[("is_opd", "=", True)])
    date = fields.Date(required=True, default=fields.Date.context_today)
    addressee = fields.Char(help="Leave empty to address the head of the OPD.")
    case_step_id = fields.Many2one("sop.case.step", ondelete="cascade")

    def action_generate(self):
        self.ensure_one()
        extra = {"addressee": self.addressee} if self.addressee else None
        if self.case_step_id:
            return self.case_step_id.action_generate_letter(template=self.template_id, date=self.date, extra_vals=extra)
        letter = self.env["sop.letter"]._generate(self.template_id, opd=self.opd_id, date=self.date, extra_vals=extra)
        return letter._get_form_action()
