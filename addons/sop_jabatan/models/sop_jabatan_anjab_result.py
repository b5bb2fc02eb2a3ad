from odoo import fields
from odoo import models


class SopJabatanAnjabResult(models.Model):
    _name = "sop.jabatan.anjab.result"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Work Result (ANJAB)"

    name = fields.Char(string="Work Result", required=True, help="What the post produces (hasil kerja).")
    unit = fields.Char(string="Result Unit", help="The unit the result is counted in, e.g. dokumen, laporan.")
