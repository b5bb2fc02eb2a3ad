from odoo import fields
from odoo import models


class SopSinovikProposalDocument(models.Model):
    _name = "sop.sinovik.proposal.document"
    _inherit = ["sop.sinovik.part.mixin"]
    _description = "SINOVIK Proposal Attachment"
    _order = "proposal_id, sequence, id"

    type_id = fields.Many2one("sop.sinovik.attachment.type", required=True, ondelete="restrict")
    sequence = fields.Integer(related="type_id.sequence", store=True)
    required = fields.Boolean(related="type_id.required")
    datas = fields.Binary(string="File", attachment=True)
    filename = fields.Char()
