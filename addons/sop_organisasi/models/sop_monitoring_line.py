from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from ..tools.dates import format_date_short


class SopMonitoringLine(models.Model):
    """One row of Tabel 7: an SOP, its assessment, notes, action and the reviewer's initials."""

    _name = "sop.monitoring.line"
    _inherit = ["sop.assessment.line.mixin"]
    _description = "SOP Monitoring Line"
    _assessment_parent_field = "monitoring_id"
    _assessment_line_workflow_fields = ("reviewer_id", "review_date")
    _order = "monitoring_id, sequence, id"

    monitoring_id = fields.Many2one("sop.monitoring", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="monitoring_id.company_id", store=True, index=True)
    monitoring_date = fields.Date(related="monitoring_id.date", store=True)
    monitoring_state = fields.Selection(related="monitoring_id.state", store=True, string="Monitoring Status")
    sequence = fields.Integer(default=10)
    number = fields.Integer(string="No.", compute="_compute_number")
    procedure_id = fields.Many2one(
        "sop.procedure",
        string="SOP (Prosedur)",
        required=True,
        index=True,
        ondelete="restrict",
        domain=[("state", "=", "effective")],
    )
    assessment = fields.Selection(
        [("good", "Berjalan dengan baik"), ("not_good", "Tidak berjalan dengan baik")],
        help="Penilaian terhadap penerapan: running well / not running well.",
    )
    note = fields.Text(string="Assessment Notes", help="Catatan hasil penilaian.")
    action = fields.Text(string="Action to Take", help="Tindakan yang harus diambil.")
    reviewer_id = fields.Many2one("res.users", string="Initialled by", help="Paraf penilai.")
    review_date = fields.Date(string="Initialled on")
    signature_display = fields.Char(compute="_compute_signature_display", string="Initials (Paraf)")

    _sql_constraints = [
        ("procedure_unique", "unique(monitoring_id, procedure_id)", "An SOP can only be listed once per monitoring.")
    ]

    @api.depends("monitoring_id.line_ids.sequence")
    def _compute_number(self):
        for monitoring in self.monitoring_id:
            for index, line in enumerate(monitoring.line_ids.sorted(lambda r: (r.sequence, r.id or 0)), start=1):
                line.number = index
        for line in self.filtered(lambda r: not r.monitoring_id):
            line.number = 0

    @api.depends("reviewer_id", "review_date")
    def _compute_signature_display(self):
        for line in self:
            if line.reviewer_id:
                line.signature_display = f"{line.reviewer_id.name} ({format_date_short(line.review_date)})"
            else:
                line.signature_display = ""

    def action_sign(self):
        """Initial the row as the current user (paraf penilai)."""
        if any(line.monitoring_id.state != "draft" for line in self):
            raise UserError(self.env._("The monitoring is finished: its rows can no longer be initialled."))
        unassessed = self.filtered(lambda line: not line.assessment)
        if unassessed:
            raise UserError(self.env._("Assess the SOP before initialling the row."))
        self._workflow_sign(self.env.user, fields.Date.context_today(self))
        return True

    def _workflow_sign(self, reviewer, date):
        """Initial the rows (paraf) in the name of ``reviewer``, for a user who may write them."""
        self.check_access("write")
        self.sudo().write({"reviewer_id": reviewer.id, "review_date": date})
