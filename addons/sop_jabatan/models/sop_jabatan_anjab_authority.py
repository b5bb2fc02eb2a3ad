from odoo import fields
from odoo import models


class SopJabatanAnjabAuthority(models.Model):
    _name = "sop.jabatan.anjab.authority"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Authority (ANJAB)"

    name = fields.Char(string="Authority", required=True, help="What the post may decide (wewenang).")
