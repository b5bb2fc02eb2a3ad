from odoo import api
from odoo import fields
from odoo import models


class SopCase(models.Model):
    """The letters generated at the steps of a case."""

    _inherit = "sop.case"

    letter_ids = fields.One2many("sop.letter", "case_id", string="Letters")
    letter_count = fields.Integer(compute="_compute_letter_count")

    @api.depends("letter_ids")
    def _compute_letter_count(self):
        for case in self:
            case.letter_count = len(case.letter_ids)

    def action_view_letters(self):
        self.ensure_one()
        self.check_access("read")
        return self.env["sop.letter"]._get_letters_action([("case_id", "=", self.id)])
