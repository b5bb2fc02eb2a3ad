from odoo import fields
from odoo import models

REQUIREMENT_KINDS = [
    ("rank", "Rank"),
    ("education", "Education"),
    ("training", "Training"),
    ("experience", "Experience"),
]
REQUIREMENT_GRADES = [
    ("mutlak", "Mutlak"),
    ("penting", "Penting"),
    ("perlu", "Perlu"),
]


class SopJabatanSkjRequirement(models.Model):
    """A requirement of a post's SKJ (rank, education, training, experience) with its grade:
    Mutlak (absolute), Penting (important) or Perlu (needed)."""

    _name = "sop.jabatan.skj.requirement"
    _inherit = "sop.document.content.mixin"
    _description = "Requirement of a Post (SKJ)"
    _order = "skj_id, kind, sequence, id"
    _sop_document_path = "skj_id.skj_set_id"

    skj_id = fields.Many2one("sop.jabatan.skj", string="SKJ", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(REQUIREMENT_KINDS, required=True, default="education")
    name = fields.Text(string="Requirement", required=True)
    grade = fields.Selection(REQUIREMENT_GRADES, required=True, default="penting")
