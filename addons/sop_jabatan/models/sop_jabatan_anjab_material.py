from odoo import fields
from odoo import models


class SopJabatanAnjabMaterial(models.Model):
    _name = "sop.jabatan.anjab.material"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Work Material (ANJAB)"

    name = fields.Char(string="Work Material", required=True, help="What the post works on (bahan kerja).")
    use = fields.Char(string="Use in the Task", help="For which task the material is used.")
