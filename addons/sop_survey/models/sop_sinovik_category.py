from odoo import fields
from odoo import models


class SopSinovikCategory(models.Model):
    _name = "sop.sinovik.category"
    _description = "SINOVIK Innovation Category"
    _order = "competition_id, sequence, id"

    competition_id = fields.Many2one("sop.sinovik.competition", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
