from odoo import fields
from odoo import models


class SopJabatanAnjabResponsibility(models.Model):
    _name = "sop.jabatan.anjab.responsibility"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Responsibility (ANJAB)"

    name = fields.Char(string="Responsibility", required=True, help="What the post answers for (tanggung jawab).")
