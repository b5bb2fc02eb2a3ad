from odoo import fields
from odoo import models


class SopSinovikSdg(models.Model):
    _name = "sop.sinovik.sdg"
    _description = "Sustainable Development Goal"
    _order = "number"
    _rec_names_search = ["name", "number"]

    number = fields.Integer(required=True)
    name = fields.Char(required=True, translate=True)
    display_name = fields.Char(compute="_compute_display_name")

    _sql_constraints = [("number_unique", "unique(number)", "Each SDG number exists once.")]

    def _compute_display_name(self):
        for sdg in self:
            sdg.display_name = f"{sdg.number}. {sdg.name}"
