from odoo import fields
from odoo import models
from odoo.exceptions import UserError


class SopDocumentSendBack(models.TransientModel):
    """Send a submitted work product (or one under review) back to draft, with the reason."""

    _name = "sop.document.send.back"
    _description = "Send Back to Draft"

    reason = fields.Text(required=True, help="Shown on the draft and posted in its chatter.")

    def _document(self):
        model = self.env.context.get("sop_document_model")
        if not model or model not in self.env or not hasattr(self.env[model], "_sop_make_effective"):
            raise UserError(self.env._("There is no document to send back."))
        return self.env[model].browse(self.env.context.get("sop_document_id")).exists()

    def action_send_back(self):
        self.ensure_one()
        self._document().action_send_back(self.reason)
        return {"type": "ir.actions.act_window_close"}
