from odoo import api
from odoo import fields
from odoo import models


class SopSinovikProposalDocument(models.Model):
    _name = "sop.sinovik.proposal.document"
    _description = "SINOVIK Proposal Attachment"
    _order = "proposal_id, sequence, id"

    proposal_id = fields.Many2one("sop.sinovik.proposal", required=True, ondelete="cascade", index=True)
    type_id = fields.Many2one("sop.sinovik.attachment.type", required=True, ondelete="restrict")
    sequence = fields.Integer(related="type_id.sequence", store=True)
    required = fields.Boolean(related="type_id.required")
    datas = fields.Binary(string="File", attachment=True)
    filename = fields.Char()

    @api.model_create_multi
    def create(self, vals_list):
        documents = super().create(vals_list)
        if not (self.env.su and self.env.context.get("sinovik_workflow")):
            documents.proposal_id._check_unlocked()
        return documents

    def write(self, vals):
        self.proposal_id._check_unlocked()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unlocked(self):
        self.proposal_id._check_unlocked()
