from odoo import api
from odoo import fields
from odoo import models


class SopSinovikAttachmentType(models.Model):
    _name = "sop.sinovik.attachment.type"
    _description = "SINOVIK Required Attachment Type"
    _order = "competition_id, sequence, id"

    competition_id = fields.Many2one("sop.sinovik.competition", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    required = fields.Boolean(default=True)

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        # proposals still being written get a line for the new item
        records.competition_id.proposal_ids.filtered(lambda p: p.state in ("draft", "returned"))._sync_lines()
        return records
