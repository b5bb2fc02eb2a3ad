from odoo import api
from odoo import fields
from odoo import models

NOMENCLATURE_KINDS = [("pelaksana", "Pelaksana"), ("fungsional", "Fungsional")]


class SopJabatanNomenclature(models.Model):
    """A post name of the national lists (nomenklatur jabatan): a post may take its name from here,
    with the kelas the list gives as a suggestion. Loaded as data, or imported from the full list
    (Odoo's Import of CSV/XLSX: columns name, kind, code, kelas, classification, source)."""

    _name = "sop.jabatan.nomenclature"
    _description = "Post Name of the National Nomenclature"
    _order = "kind, name"

    name = fields.Char(string="Post Name", required=True)
    kind = fields.Selection(NOMENCLATURE_KINDS, string="Kind of Post", required=True, default="pelaksana")
    code = fields.Char(help="The code the list gives the post, if any.")
    kelas = fields.Integer(
        string="Grade (Kelas)", help="The kelas the list gives the post (1-17): suggested to the posts named after it."
    )
    classification = fields.Char(help="The group of the list, e.g. Klerek, Operator, Teknisi for pelaksana posts.")
    source = fields.Char(required=True, help="The regulation (and its annex) the name comes from.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("name_kind_unique", "UNIQUE(kind, name)", "This post name is already in the nomenclature."),
        ("kelas_range", "CHECK(kelas >= 0 AND kelas <= 17)", "A kelas is between 1 and 17."),
    ]

    @api.depends("name", "kelas")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.name} (kelas {rec.kelas})" if rec.kelas else rec.name
