from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.nip import display_nip
from odoo.addons.sop_organisasi.tools.nip import is_valid_nip
from odoo.exceptions import ValidationError

TEAM_ROLES = [
    ("chair", "Chair"),
    ("secretary", "Secretary"),
    ("member", "Member"),
    ("opd", "For the OPD"),
]


class SopJabatanGradingTeam(models.Model):
    """A signer of the berita acara of the job grading: the evaluation team and the OPD's representative."""

    _name = "sop.jabatan.grading.team"
    _inherit = "sop.document.content.mixin"
    _description = "Job Grading Team Member"
    _order = "analysis_id, sequence, id"
    _sop_document_path = "analysis_id"

    analysis_id = fields.Many2one(
        "sop.jabatan.analysis", string="Job Data", required=True, index=True, ondelete="cascade"
    )
    opd_id = fields.Many2one(related="analysis_id.opd_id", store=True, index=True)
    sequence = fields.Integer(default=10)
    role = fields.Selection(TEAM_ROLES, string="Role in the Evaluation", required=True, default="member")
    name = fields.Char(required=True)
    position = fields.Char(help="The member's own post, as printed under the signature.")
    nip = fields.Char(string="NIP")
    nip_display = fields.Char(compute="_compute_nip_display")

    @api.depends("nip")
    def _compute_nip_display(self):
        for member in self:
            member.nip_display = display_nip(member.nip)

    @api.constrains("nip")
    def _check_nip(self):
        for member in self.filtered("nip"):
            if not is_valid_nip(member.nip):
                raise ValidationError(
                    self.env._(
                        "The NIP '%(nip)s' of %(name)s is not valid: a NIP has 18 digits.",
                        nip=member.nip,
                        name=member.name,
                    )
                )
