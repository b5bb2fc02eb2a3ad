from odoo import fields
from odoo import models

QUALIFICATION_KINDS = [
    ("education", "Formal Education"),
    ("training_leadership", "Leadership Training"),
    ("training_technical", "Technical Training"),
    ("training_functional", "Functional Training"),
    ("experience", "Work Experience"),
]


class SopJabatanAnjabQualification(models.Model):
    _name = "sop.jabatan.anjab.qualification"
    _inherit = "sop.jabatan.anjab.line"
    _description = "Post Qualification (ANJAB)"

    kind = fields.Selection(QUALIFICATION_KINDS, required=True, default="education")
    name = fields.Char(
        string="Qualification", required=True, help="e.g. S-1 Ilmu Administrasi; Diklat PIM IV; 2 tahun di bidangnya."
    )
