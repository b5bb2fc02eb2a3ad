from odoo import fields
from odoo import models


class SopJabatanAnjabRelation(models.Model):
    _name = "sop.jabatan.anjab.relation"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Job Relation (ANJAB)"

    name = fields.Char(string="Post", required=True, help="The post the holder works with (korelasi jabatan).")
    unit = fields.Char(string="Unit / Agency", help="The unit or agency of that post.")
    subject = fields.Char(string="About", help="In which matter they work together (dalam hal).")
