from odoo import api
from odoo import models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        res = super()._get_tier_validation_model_names()
        res += ["sop.jabatan.analysis", "sop.jabatan.skj.set"]
        return res
