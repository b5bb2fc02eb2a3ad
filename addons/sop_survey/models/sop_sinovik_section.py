from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SopSinovikSection(models.Model):
    _name = "sop.sinovik.section"
    _description = "SINOVIK Proposal Section"
    _order = "competition_id, sequence, id"

    competition_id = fields.Many2one("sop.sinovik.competition", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10, help="Order of the section in the national proposal form.")
    name = fields.Char(required=True)
    guidance = fields.Text(help="What the section must contain (shown to the proposal writers).")
    max_words = fields.Integer(string="Word Limit", help="0 = no limit.")
    required = fields.Boolean(default=True)

    @api.constrains("max_words")
    def _check_max_words(self):
        if any(section.max_words < 0 for section in self):
            raise ValidationError(self.env._("A word limit cannot be negative."))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        # proposals still being written get a line for the new item
        records.competition_id.proposal_ids.filtered(lambda p: p.state in ("draft", "returned"))._sync_lines()
        return records
