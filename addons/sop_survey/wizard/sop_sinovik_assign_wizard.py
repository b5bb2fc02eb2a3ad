from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.access import DIVISION
from ..tools.access import require_group


class SopSinovikAssignWizard(models.TransientModel):
    _name = "sop.sinovik.assign.wizard"
    _description = "SINOVIK: Assign Jurors"

    stage_id = fields.Many2one("sop.sinovik.stage", required=True, domain="[('is_scored', '=', True)]")
    proposal_ids = fields.Many2many(
        "sop.sinovik.proposal",
        string="Proposals",
        domain="[('current_stage_id', '=', stage_id), ('state', '=', 'evaluation')]",
    )
    juror_ids = fields.Many2many(
        "res.users",
        string="Jurors",
        required=True,
        domain=lambda self: self.env["sop.sinovik.assignment"]._juror_domain(),
    )
    skip_conflicts = fields.Boolean(
        string="Skip Conflicts of Interest",
        default=True,
        help="Leave out the pairs where the juror belongs to the proposal's OPD instead of refusing the whole batch.",
    )

    @api.onchange("stage_id")
    def _onchange_stage_id(self):
        self.proposal_ids = self.stage_id._stage_proposals() if self.stage_id else False

    def action_assign(self):
        """Create every missing (proposal, juror) assignment in one go (all-or-nothing)."""
        require_group(self.env, DIVISION, self.env._("Only the Organization Division can assign jurors."))
        self.ensure_one()
        if not self.proposal_ids:
            raise UserError(self.env._("Select the proposals to assign."))
        Assignment = self.env["sop.sinovik.assignment"]
        Assignment._check_juror_users(self.juror_ids)
        existing = {(a.proposal_id.id, a.juror_id.id) for a in self.stage_id.assignment_ids}
        vals_list, conflicts = [], []
        for proposal in self.proposal_ids:
            for juror in self.juror_ids:
                if (proposal.id, juror.id) in existing:
                    continue
                if proposal.opd_id in Assignment._juror_opds(juror):
                    conflicts.append(f"{juror.name} / {proposal.name} ({proposal.opd_id.name})")
                    continue
                vals_list.append({"stage_id": self.stage_id.id, "proposal_id": proposal.id, "juror_id": juror.id})
        if conflicts and not self.skip_conflicts:
            raise ValidationError(
                self.env._("Conflicts of interest, nothing was assigned:")
                + "\n"
                + "\n".join(f"- {c}" for c in conflicts)
            )
        Assignment.create(vals_list)
        message = self.env._("%(count)s assignment(s) created.", count=len(vals_list))
        if conflicts:
            message += " " + self.env._("Skipped (conflict of interest): %(list)s.", list="; ".join(conflicts))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"message": message, "type": "warning" if conflicts else "success", "sticky": bool(conflicts)},
        }
