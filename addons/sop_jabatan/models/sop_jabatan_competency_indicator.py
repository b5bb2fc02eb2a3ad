from odoo import fields
from odoo import models


class SopJabatanCompetencyIndicator(models.Model):
    """A behavioural indicator of a competency level of the dictionary."""

    _name = "sop.jabatan.competency.indicator"
    _description = "Behavioural Indicator of a Competency Level"
    _order = "level_id, sequence, id"

    level_id = fields.Many2one(
        "sop.jabatan.competency.level", string="Competency Level", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Indicator", required=True)
