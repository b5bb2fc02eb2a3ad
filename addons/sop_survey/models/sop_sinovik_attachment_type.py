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
