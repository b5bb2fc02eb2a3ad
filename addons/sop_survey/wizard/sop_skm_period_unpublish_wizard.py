from odoo import fields
from odoo import models


class SopSkmPeriodUnpublishWizard(models.TransientModel):
    _name = "sop.skm.period.unpublish.wizard"
    _description = "Unpublish SKM Results"

    period_ids = fields.Many2many("sop.skm.period", string="Periods", required=True)
    reason = fields.Text(required=True, help="Why the results are withdrawn from the public page.")

    def action_confirm(self):
        self.ensure_one()
        self.period_ids._skm_unpublish(self.reason)
        return {"type": "ir.actions.act_window_close"}
