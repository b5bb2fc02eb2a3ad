from odoo import fields
from odoo import models


class SopLetterVoidWizard(models.TransientModel):
    """Void issued letters with a reason (the correction of a letter: its number stays void)."""

    _name = "sop.letter.void.wizard"
    _description = "Void Letter"

    letter_ids = fields.Many2many("sop.letter", string="Letters", required=True)
    reason = fields.Text(required=True, help="Kept in the agenda book with the void number.")

    def action_void(self):
        self.ensure_one()
        self.letter_ids._void(self.reason)
        return {"type": "ir.actions.act_window_close"}
