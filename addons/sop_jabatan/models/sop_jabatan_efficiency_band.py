from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SopJabatanEfficiencyBand(models.Model):
    _name = "sop.jabatan.efficiency.band"
    _inherit = "sop.jabatan.abk.setting.mixin"
    _description = "Job Efficiency Band"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="The band's letter, e.g. A.")
    label = fields.Char(required=True, help="What the band means, e.g. very good.")
    lower = fields.Float(string="Lower Bound", digits=(16, 4))
    has_lower = fields.Boolean(string="Has a Lower Bound", default=True)
    lower_inclusive = fields.Boolean(string="Lower Bound Included", default=True)
    upper = fields.Float(string="Upper Bound", digits=(16, 4))
    has_upper = fields.Boolean(string="Has an Upper Bound", default=True)
    upper_inclusive = fields.Boolean(string="Upper Bound Included")
    source = fields.Char(required=True, help="The regulation or guide the band is taken from.")

    _sql_constraints = [("code_unique", "unique(code)", "There is already a band with that code.")]

    @api.constrains("lower", "upper", "has_lower", "has_upper")
    def _check_bounds(self):
        for band in self:
            if band.has_lower and band.has_upper and band.lower > band.upper:
                raise ValidationError(self.env._("The lower bound of band %s is above its upper bound.", band.code))

    @api.depends("code", "label")
    def _compute_display_name(self):
        for band in self:
            band.display_name = f"{band.code} ({band.label})" if band.label else band.code

    def _as_table(self):
        """The bands as the rows of ``tools.abk.band_for``."""
        return [
            {
                "code": band.code,
                "id": band.id,
                "lower": str(band.lower) if band.has_lower else None,
                "lower_inclusive": band.lower_inclusive,
                "upper": str(band.upper) if band.has_upper else None,
                "upper_inclusive": band.upper_inclusive,
            }
            for band in self
        ]
