# pylint: disable=consider-merging-classes-inherited
from odoo import api
from odoo import fields
from odoo import models


class SopJabatanSheet(models.Model):
    """The post of a version may take its name from the national nomenclature (name and kind filled,
    the kelas suggested); the effective version passes it on to the post."""

    _inherit = "sop.jabatan.sheet"

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

    @api.model
    def _sop_identity_from_post(self, post):
        return {**super()._sop_identity_from_post(post), "nomenclature_id": post.nomenclature_id.id}

    def _sop_push_identity(self):
        res = super()._sop_push_identity()
        for sheet in self.sudo():
            if sheet.post_id.nomenclature_id != sheet.nomenclature_id:
                sheet.post_id.nomenclature_id = sheet.nomenclature_id
        return res
