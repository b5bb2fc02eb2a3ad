from odoo import api
from odoo import fields
from odoo import models


class SopSinovikPartMixin(models.AbstractModel):
    """A part of a SINOVIK proposal (section answer, attachment): editable only while the proposal is unlocked."""

    _name = "sop.sinovik.part.mixin"
    _description = "SINOVIK Proposal Part (answer, attachment)"

    proposal_id = fields.Many2one("sop.sinovik.proposal", required=True, ondelete="cascade", index=True)

    @api.model_create_multi
    def create(self, vals_list):
        parts = super().create(vals_list)
        if not (self.env.su and self.env.context.get("sinovik_workflow")):
            parts.proposal_id._check_unlocked()
        return parts

    def write(self, vals):
        self.proposal_id._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unlocked(self):
        self.proposal_id._check_unlocked()
