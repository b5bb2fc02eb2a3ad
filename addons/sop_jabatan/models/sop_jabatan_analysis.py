from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.exceptions import UserError

from ..tools import abk

INFORMASI_JABATAN_REPORT = "sop_jabatan.action_report_informasi_jabatan"


class SopJabatanAnalysis(models.Model):
    """The job data of an OPD for a year: a sheet per post (ANJAB, ABK, grading), made by a case of SOP 1 or 2,
    filled in by the OPD, verified by the division, approved by the Kabag and kept per version."""

    _name = "sop.jabatan.analysis"
    _description = "Job Data of an OPD for a Year"
    _inherit = ["sop.jabatan.opd.year.mixin"]
    _sop_lines_field = "sheet_ids"

    previous_id = fields.Many2one(
        "sop.jabatan.analysis", string="Previous Version", copy=False, readonly=True, index=True
    )
    sheet_ids = fields.One2many("sop.jabatan.sheet", "analysis_id", string="Posts", copy=True)
    sheet_count = fields.Integer(string="Number of Posts", compute="_compute_totals", store=True)
    workload_minutes = fields.Float(
        string="Total Workload (Minutes)", compute="_compute_totals", store=True, digits=(16, 2)
    )
    staff_need = fields.Integer(
        string="Staff Needed", compute="_compute_totals", store=True, help="The sum of the posts' rounded staff needs."
    )
    staff_in_post = fields.Integer(string="Staff in Post", compute="_compute_totals", store=True)
    staff_gap = fields.Integer(string="Surplus (+) / Shortfall (−)", compute="_compute_totals", store=True)
    efficiency = fields.Float(
        string="Unit Efficiency (EU)",
        compute="_compute_totals",
        store=True,
        digits=(16, 4),
        help="Σ workload ÷ Σ (staff in post x JKE) over the OPD's posts.",
    )
    efficiency_defined = fields.Boolean(string="Unit Efficiency Defined", compute="_compute_totals", store=True)
    efficiency_text = fields.Char(string="Efficiency", compute="_compute_efficiency_text")

    # --- job grading
    grading_team_ids = fields.One2many("sop.jabatan.grading.team", "analysis_id", string="Job Grading Team", copy=True)

    def action_load_grading_factors(self):
        """Add the grading factors to every post sheet (a draft only)."""
        self.check_access("write")
        self._sop_check_editable()
        self.env["sop.jabatan.grading.line"]._sop_load_factors(self.sheet_ids)
        return True

    def _sop_grading_problems(self):
        """Graded factors need a justification; job data opened by a job grading case needs every factor graded."""
        self.ensure_one()
        grading_case = any(case.procedure_id._sop_work_product() == "job_grading" for case in self.case_ids)
        return self.env["sop.jabatan.grading.line"]._sop_grading_problems(self.sheet_ids, require_all=grading_case)

    def _sop_grading_on_effective(self):
        """Job data of a job grading case gives the case its berita acara with the result."""
        for rec in self:
            if any(case.procedure_id._sop_work_product() == "job_grading" for case in rec.case_ids):
                filename = self.env._("Job Grading %(opd)s %(year)s.pdf", opd=rec.opd_id.name, year=rec.year)
                rec._sop_attach_to_cases("sop_jabatan.action_report_grading_minutes", filename)

    _sql_constraints = [
        ("year_real", "CHECK(year > 1900)", "The year of the job data must be a real year."),
    ]

    # ------------------------------------------------------------------ compute
    def _sop_name_prefix(self):
        return self.env._("Job Data")

    @api.depends(
        "sheet_ids.workload_minutes", "sheet_ids.staff_need", "sheet_ids.staff_in_post", "sheet_ids.jke_minutes"
    )
    def _compute_totals(self):
        for rec in self:
            sheets = rec.sheet_ids
            workload = sum((abk.as_decimal(w) for w in sheets.mapped("workload_minutes")), Decimal(0))
            capacity = sum((Decimal(s.staff_in_post * s.jke_minutes) for s in sheets), Decimal(0))
            eu = abk.efficiency(workload, 1, capacity) if capacity else None
            rec.sheet_count = len(sheets)
            rec.workload_minutes = float(workload)
            rec.staff_need = sum(sheets.mapped("staff_need"))
            rec.staff_in_post = sum(sheets.mapped("staff_in_post"))
            rec.staff_gap = rec.staff_in_post - rec.staff_need
            rec.efficiency = float(eu.quantize(Decimal("0.0001"))) if eu is not None else 0.0
            rec.efficiency_defined = eu is not None

    @api.depends("efficiency", "efficiency_defined")
    def _compute_efficiency_text(self):
        table = self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        for rec in self:
            if not rec.efficiency_defined:
                rec.efficiency_text = self.env._("Undefined: nobody in post")
            else:
                code = abk.band_for(abk.as_decimal(rec.efficiency), table) or "-"
                rec.efficiency_text = f"{rec.efficiency:.4f} ({code})"

    # ------------------------------------------------------------------ checks
    def _sop_check_complete(self):
        for rec in self:
            problems = []
            if not rec.sheet_ids:
                problems.append(self.env._("it has no posts"))
            without_tasks = rec.sheet_ids.filtered(lambda s: not s.task_ids)
            if without_tasks:
                problems.append(
                    self.env._(
                        "these posts have no tasks: %(posts)s", posts=", ".join(without_tasks.mapped("name")[:10])
                    )
                )
            without_kind = rec.sheet_ids.filtered(lambda s: not s.job_kind)
            if without_kind:
                problems.append(
                    self.env._(
                        "these posts have no kind of post: %(posts)s",
                        posts=", ".join(without_kind.mapped("name")[:10]),
                    )
                )
            problems += rec._sop_grading_problems()
            if problems:
                raise UserError(
                    self.env._(
                        "%(document)s is not complete: %(problems)s.", document=rec.name, problems="; ".join(problems)
                    )
                )

    # ------------------------------------------------------------------ flow
    def action_submit(self):
        self.check_access("write")
        self.sheet_ids._sop_count_staff()  # the staff in post as it is when the OPD hands it in
        return super().action_submit()

    def _sop_on_effective(self):
        for rec in self:
            rec.sheet_ids._sop_push_identity()
            rec._sop_grading_on_effective()
            if self.env.ref(INFORMASI_JABATAN_REPORT, raise_if_not_found=False):
                filename = self.env._("Job Information %(opd)s %(year)s.pdf", opd=rec.opd_id.name, year=rec.year)
                rec._sop_attach_to_cases(INFORMASI_JABATAN_REPORT, filename)
        return True

    def action_refresh_staff(self):
        """Count the staff in post again (a draft only)."""
        self.check_access("write")
        self._sop_check_editable()
        self.sheet_ids._sop_count_staff()
        return True

    def _sop_load_posts(self):
        new_sheets = super()._sop_load_posts()
        as_workflow(self.sheet_ids)._sop_count_staff()
        # a post seen for the first time gets the grading factors of its scheme (the others keep theirs)
        as_workflow(self.env["sop.jabatan.grading.line"])._sop_load_factors(new_sheets.filtered("job_kind"))
        return new_sheets

    def action_open_sheets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sop_jabatan.sop_jabatan_sheet_action")
        action["domain"] = [("analysis_id", "=", self.id)]
        action["context"] = {"default_analysis_id": self.id}
        return action
