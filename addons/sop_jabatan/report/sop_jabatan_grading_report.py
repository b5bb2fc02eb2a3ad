import babel.dates

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.dates import format_date_long

from ..models.sop_jabatan_grading_factor import grading_scheme_for


class ReportSopJabatanGradingResult(models.AbstractModel):
    """Values of the job grading result of an OPD (posts x factors, Σ, kelas) and of its berita acara."""

    _name = "report.sop_jabatan.report_grading_result"
    _description = "Job Grading Result Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        analyses = self.env["sop.jabatan.analysis"].browse(docids)
        analyses.check_access("read")
        return {
            "doc_ids": analyses.ids,
            "doc_model": analyses._name,
            "docs": analyses,
            "grading": {analysis.id: self._grading_values(analysis) for analysis in analyses},
        }

    @api.model
    def _grading_values(self, analysis):
        """Per scheme with posts: its factors and a row per post (the chosen line of each factor, total, kelas);
        the posts without a kind; the team by role; the date of the document in Indonesian."""
        Factor = self.env["sop.jabatan.grading.factor"].sudo()
        labels = dict(Factor._fields["scheme"]._description_selection(self.env))
        sheets = analysis.sheet_ids
        tables = []
        for scheme in ("structural", "functional"):
            scheme_sheets = sheets.filtered(lambda s, scheme=scheme: grading_scheme_for(s.job_kind) == scheme)
            if not scheme_sheets:
                continue
            factors = Factor.with_context(active_test=False).search([("scheme", "=", scheme)])
            factors = factors.filtered(lambda f, lines=scheme_sheets.grading_line_ids: f.active or f in lines.factor_id)
            rows = []
            for number, sheet in enumerate(scheme_sheets, start=1):
                by_factor = {line.factor_id.id: line for line in sheet.grading_line_ids}
                rows.append({"number": number, "sheet": sheet, "lines": [by_factor.get(f.id) for f in factors]})
            tables.append({"scheme": scheme, "label": labels.get(scheme, scheme), "factors": factors, "rows": rows})
        day = analysis.date_effective or fields.Date.context_today(analysis)
        return {
            "tables": tables,
            "ungraded": sheets.filtered(lambda s: not grading_scheme_for(s.job_kind)),
            "team": analysis.grading_team_ids.filtered(lambda m: m.role != "opd"),
            "opd_signers": analysis.grading_team_ids.filtered(lambda m: m.role == "opd"),
            "weekday": babel.dates.format_date(day, "EEEE", locale="id_ID"),
            "date_long": format_date_long(day),
        }


class ReportSopJabatanGradingMinutes(models.AbstractModel):
    _name = "report.sop_jabatan.report_grading_minutes"
    _inherit = "report.sop_jabatan.report_grading_result"
    _description = "Job Grading Berita Acara Report"
