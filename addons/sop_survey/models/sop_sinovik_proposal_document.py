from odoo import api
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

    @api.constrains("type_id", "proposal_id")
    def _check_type_competition(self):
        self._check_same_competition(
            "type_id",
            lambda document: self.env._(
                "The attachment type %(type)s belongs to another competition than the proposal %(proposal)s.",
                type=document.type_id.name,
                proposal=document.proposal_id.name,
            ),
        )
