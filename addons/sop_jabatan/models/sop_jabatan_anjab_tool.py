from odoo import fields
from odoo import models


class SopJabatanAnjabTool(models.Model):
    _name = "sop.jabatan.anjab.tool"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Work Tool (ANJAB)"

    name = fields.Char(string="Work Tool", required=True, help="What the post works with (perangkat kerja).")
    use = fields.Char(string="Used For", help="For which task the tool is used.")
