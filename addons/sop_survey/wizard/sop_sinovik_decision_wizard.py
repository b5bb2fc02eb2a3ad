from odoo import fields
from odoo import models


class SopSinovikDecisionWizard(models.TransientModel):
    _name = "sop.sinovik.decision.wizard"
    _description = "SINOVIK Administrative Decision"

    proposal_ids = fields.Many2many("sop.sinovik.proposal", required=True)
    decision = fields.Selection(
        [("return", "Return for Correction"), ("reject", "Reject")], required=True, default="return"
    )
    comment = fields.Text(required=True, help="What must be corrected, or why the proposal is rejected.")

    def action_confirm(self):
        self.proposal_ids._check_division()
        self.ensure_one()
        if self.decision == "return":
            self.proposal_ids.action_return(self.comment)
        else:
            self.proposal_ids.action_reject(self.comment)
        return {"type": "ir.actions.act_window_close"}
