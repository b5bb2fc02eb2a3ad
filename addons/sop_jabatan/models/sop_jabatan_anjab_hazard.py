from odoo import fields
from odoo import models


class SopJabatanAnjabHazard(models.Model):
    _name = "sop.jabatan.anjab.hazard"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Hazard (ANJAB)"

    name = fields.Char(string="Hazard", required=True, help="The risk the holder runs (risiko bahaya).")
    cause = fields.Char(help="What causes it.")
