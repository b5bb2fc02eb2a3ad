from odoo import api
from odoo import models


class SopJabatanAbkSettingMixin(models.AbstractModel):
    """A setting of the workload analysis (JKE, efficiency bands): every change recomputes the posts."""

    _name = "sop.jabatan.abk.setting.mixin"
    _description = "Workload Analysis Setting"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env["sop.jabatan.sheet"]._sop_abk_refresh()
        return records

    def write(self, vals):
        res = super().write(vals)
        self.env["sop.jabatan.sheet"]._sop_abk_refresh()
        return res

    def unlink(self):
        res = super().unlink()
        self.env["sop.jabatan.sheet"]._sop_abk_refresh()
        return res
