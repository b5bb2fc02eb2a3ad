from odoo import api
from odoo import fields
from odoo import models


class SopJabatanNomenclatureMixin(models.AbstractModel):
    """A post (or its sheet in a version) may take its name from the national nomenclature: the name and kind
    are filled, the kelas suggested."""

    _name = "sop.jabatan.nomenclature.mixin"
    _description = "Post Named from the National Nomenclature"

    nomenclature_id = fields.Many2one(
        "sop.jabatan.nomenclature",
        index=True,
        ondelete="restrict",
        help="The name of the national list this post takes (pelaksana and functional posts).",
    )
    nomenclature_kelas = fields.Integer(
        related="nomenclature_id.kelas", string="Suggested Grade (Kelas)", help="The kelas the national list gives."
    )

    @api.onchange("nomenclature_id")
    def _onchange_nomenclature_id(self):
        if self.nomenclature_id:
            self.name = self.nomenclature_id.name
            self.job_kind = self.nomenclature_id.kind
