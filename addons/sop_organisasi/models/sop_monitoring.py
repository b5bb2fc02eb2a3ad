from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from ..tools.year import Year

MONITORING_REPORT = "sop_organisasi.action_report_sop_monitoring"


class SopMonitoring(models.Model):
    """Tabel 7 of Permenpan RB 35/2012: 'Monitoring Pelaksanaan SOP AP' of a unit for a period."""

    _name = "sop.monitoring"
    _description = "SOP Implementation Monitoring"
    _inherit = ["mail.thread", "sop.assessment.mixin"]
    _order = "date desc, id desc"
    _assessment_report = MONITORING_REPORT

    name = fields.Char(compute="_compute_name", store=True, readonly=False)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    unit_id = fields.Many2one(
        "hr.department",
        string="Organisational Unit",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user.sop_unit_ids[:1],
        help="The unit whose SOPs are monitored.",
    )
    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    semester = fields.Selection(
        [("1", "Semester I (January - June)"), ("2", "Semester II (July - December)")],
        required=True,
        default=lambda self: "1" if fields.Date.context_today(self).month <= 6 else "2",
        tracking=True,
        help="Monitoring takes place every six months.",
    )
    date = fields.Date(string="Monitoring Date", required=True, default=fields.Date.context_today, tracking=True)
    date_long = fields.Char(compute="_compute_date_long")
    reviewer_id = fields.Many2one(
        "res.users", string="Reviewer (Penilai)", default=lambda self: self.env.user, tracking=True
    )
    method = fields.Selection(
        [
            ("observation", "Observation by the supervisor"),
            ("interview_executor", "Interview with executors"),
            ("interview_customer", "Interview with customers / the public"),
            ("meeting", "Working group meeting and discussion"),
            ("briefing", "Briefing during execution"),
        ],
        default="observation",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True, tracking=True, copy=False
    )
    line_ids = fields.One2many("sop.monitoring.line", "monitoring_id", string="Monitored SOPs", copy=True)
    note = fields.Html()
    good_count = fields.Integer(compute="_compute_counts", string="Running Well")
    not_good_count = fields.Integer(compute="_compute_counts", string="Not Running Well")

    @api.depends("unit_id", "year", "semester")
    def _compute_name(self):
        for rec in self:
            semester = "I" if rec.semester == "1" else "II"
            rec.name = f"Monitoring SOP {rec.unit_id.name or ''} - Semester {semester} {rec.year}".replace("  ", " ")

    @api.depends("line_ids.assessment")
    def _compute_counts(self):
        for rec in self:
            rec.good_count = len(rec.line_ids.filtered(lambda line: line.assessment == "good"))
            rec.not_good_count = len(rec.line_ids.filtered(lambda line: line.assessment == "not_good"))

    def _check_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(self.env._("A finished monitoring can no longer be changed; set it back to draft first."))

    def action_load_procedures(self):
        """Add a line for every effective SOP of the unit (and its sub-units) not yet listed."""
        self.check_access("write")
        self._check_draft()
        for rec in self:
            procedures = self.env["sop.procedure"].search(
                [("state", "=", "effective"), ("unit_id", "child_of", rec.unit_id.id)], order="number, name"
            )
            missing = procedures - rec.line_ids.procedure_id
            if not missing:
                continue
            start = max(rec.line_ids.mapped("sequence") or [0])
            rec.line_ids = [
                Command.create({"procedure_id": procedure.id, "sequence": start + 10 * index})
                for index, procedure in enumerate(missing, start=1)
            ]
        return True

    def action_done(self):
        self.check_access("write")
        self._check_draft()
        for rec in self:
            if not rec.line_ids:
                raise UserError(self.env._("'%(name)s' has no SOP to assess.", name=rec.name))
            missing = rec.line_ids.filtered(lambda line: not line.assessment)
            if missing:
                raise UserError(
                    self.env._(
                        "Assess every SOP before finishing the monitoring; missing: %(sops)s.",
                        sops=", ".join(missing.procedure_id.mapped("name")),
                    )
                )
            unsigned = rec.line_ids.filtered(lambda line: not line.reviewer_id)
            unsigned._workflow_sign(rec.reviewer_id or self.env.user, rec.date)
            rec._workflow_write({"state": "done"})
        return True

    def action_draft(self):
        self._workflow_write({"state": "draft"})
        return True

    # ---------------------------------------------------------------- xlsx
    def _xlsx_write_sheet(self, workbook, styles, index):
        """Tabel 7: one sheet per monitoring."""
        self.ensure_one()
        title, bold, head, cell, center = (styles[key] for key in ("title", "bold", "head", "cell", "center"))
        sheet = workbook.add_worksheet(f"Monitoring {index}")
        sheet.set_landscape()
        sheet.set_paper(9)
        for col, width in enumerate((5, 45, 14, 14, 35, 35, 22)):
            sheet.set_column(col, col, width)
        sheet.merge_range(0, 0, 0, 6, "MONITORING PELAKSANAAN SOP AP", title)
        sheet.write(2, 0, "Unit", bold)
        sheet.write(2, 2, self.unit_id.name or "")
        sheet.write(3, 0, "Periode", bold)
        sheet.write(3, 2, f"Semester {'I' if self.semester == '1' else 'II'} {self.year}")
        sheet.write(4, 0, "Tanggal", bold)
        sheet.write(4, 2, self.date_long)
        sheet.merge_range(6, 0, 7, 0, "No", head)
        sheet.merge_range(6, 1, 7, 1, "Prosedur", head)
        sheet.merge_range(6, 2, 6, 3, "Penilaian terhadap penerapan", head)
        sheet.write(7, 2, "Berjalan dengan baik", head)
        sheet.write(7, 3, "Tidak berjalan dengan baik", head)
        sheet.merge_range(6, 4, 7, 4, "Catatan hasil penilaian", head)
        sheet.merge_range(6, 5, 7, 5, "Tindakan yang harus diambil", head)
        sheet.merge_range(6, 6, 7, 6, "Paraf penilai", head)
        for col in range(7):
            sheet.write(8, col, f"({col + 1})" if col < 2 else "", center)
        sheet.merge_range(8, 2, 8, 3, "(3)", center)
        for col, label in ((4, "(4)"), (5, "(5)"), (6, "(6)")):
            sheet.write(8, col, label, center)
        row = 9
        for line in self.line_ids:
            sheet.write(row, 0, line.number, center)
            sheet.write(row, 1, line.procedure_id.display_name, cell)
            sheet.write(row, 2, "V" if line.assessment == "good" else "", center)
            sheet.write(row, 3, "V" if line.assessment == "not_good" else "", center)
            sheet.write(row, 4, line.note or "", cell)
            sheet.write(row, 5, line.action or "", cell)
            sheet.write(row, 6, line.signature_display or "", cell)
            row += 1
