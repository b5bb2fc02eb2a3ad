from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError


class SopSinovikPartMixin(models.AbstractModel):
    """A part of a SINOVIK proposal (section answer, attachment): editable only while the proposal is unlocked.

    A part never moves to another proposal, and its stored file (``ir.attachment``) follows the same lock.
    """

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
        if "proposal_id" in vals and self.filtered(lambda part: part.proposal_id.id != vals["proposal_id"]):
            raise UserError(
                self.env._("A section answer or attachment belongs to its proposal: it cannot be moved to another one.")
            )
        result = super().write(vals)
        if not self.env.su:
            # record rules are checked before a write only: the parts must still be the user's afterwards
            self.check_access("write")
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unlocked(self):
        self.proposal_id._check_unlocked()

    def _check_same_competition(self, template_field, message):
        """Raise ``message(part)`` unless each part's template line (its section or attachment type,
        ``template_field``) belongs to its proposal's competition."""
        for part in self.sudo():  # portal liaisons may not read every competition
            if part[template_field].competition_id != part.proposal_id.competition_id:
                raise ValidationError(message(part))

    def _check_attachment_change(self):
        """Called by ``ir.attachment.check``: the files stored on a part change only while it is unlocked."""
        self.proposal_id._check_unlocked()
