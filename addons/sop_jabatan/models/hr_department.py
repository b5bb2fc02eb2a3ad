from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.xlsx_writer import attach_xlsx
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action

from ..tools import abk
from ..tools import abk_xlsx


class HrDepartment(models.Model):
    _inherit = "hr.department"

    sop_job_ids = fields.One2many("hr.job", "opd_id", string="Posts of the OPD")
    abk_post_count = fields.Integer(string="Posts", compute="_compute_abk_recap")
    abk_workload_minutes = fields.Float(string="Total Workload (Minutes)", compute="_compute_abk_recap", digits=(16, 2))
    abk_staff_need = fields.Integer(
        string="Staff Needed", compute="_compute_abk_recap", help="The sum of the posts' rounded staff needs."
    )
    abk_staff_in_post = fields.Integer(string="Staff in Post", compute="_compute_abk_recap")
    abk_staff_gap = fields.Integer(string="Surplus (+) / Shortfall (−)", compute="_compute_abk_recap")
    abk_efficiency = fields.Float(
        string="Unit Efficiency (EU)",
        compute="_compute_abk_recap",
        digits=(16, 4),
        help="Σ workload ÷ Σ (staff in post x JKE) over the OPD's posts.",
    )
    abk_efficiency_defined = fields.Boolean(string="Unit Efficiency Defined", compute="_compute_abk_recap")
    abk_efficiency_text = fields.Char(string="Efficiency", compute="_compute_abk_recap")

    def write(self, vals):
        res = super().write(vals)
        if {"is_opd", "parent_id"} & set(vals):
            # the OPD of the posts below follows the unit that became (or stopped being) an OPD
            jobs = (
                self.env["hr.job"]
                .sudo()
                .with_context(active_test=False)
                .search([("department_id", "child_of", self.ids)])
            )
            self.env.add_to_compute(self.env["hr.job"]._fields["opd_id"], jobs)
        return res

    @api.depends("sop_job_ids.workload_minutes", "sop_job_ids.staff_need", "sop_job_ids.staff_in_post")
    def _compute_abk_recap(self):
        table = self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        for opd in self:
            jobs = opd.sudo().sop_job_ids
            workload = sum((abk.as_decimal(w) for w in jobs.mapped("workload_minutes")), Decimal(0))
            capacity = sum((Decimal(job.staff_in_post * job.jke_minutes) for job in jobs), Decimal(0))
            opd.abk_post_count = len(jobs)
            opd.abk_workload_minutes = float(workload)
            opd.abk_staff_need = sum(jobs.mapped("staff_need"))
            opd.abk_staff_in_post = sum(jobs.mapped("staff_in_post"))
            opd.abk_staff_gap = opd.abk_staff_in_post - opd.abk_staff_need
            # EU: the posts' staff in post, each with the JKE of its year (one year: Σ staff x JKE)
            eu = abk.efficiency(workload, 1, capacity) if capacity else None
            opd.abk_efficiency = float(eu.quantize(Decimal("0.0001"))) if eu is not None else 0.0
            opd.abk_efficiency_defined = eu is not None
            if eu is None:
                opd.abk_efficiency_text = self.env._("Undefined: nobody in post")
            else:
                opd.abk_efficiency_text = f"{eu:.4f} ({abk.band_for(eu, table) or '-'})"

    # ------------------------------------------------------------------ the ABK recap as XLSX
    def _sop_abk_recap_rows(self):
        """The recap rows of this OPD's posts and its total (figures as stored, see tools/abk.py)."""
        self.ensure_one()
        kinds = dict(self.env["hr.job"]._fields["job_kind"]._description_selection(self.env))
        jobs = self.sop_job_ids.sorted(
            lambda job: (job.department_id.complete_name or "", job.job_code or "", job.name)
        )
        rows = []
        for number, job in enumerate(jobs, start=1):
            rows.append(
                {
                    "number": number,
                    "code": job.job_code,
                    "post": job.name,
                    "kind": kinds.get(job.job_kind, ""),
                    "unit": job.department_id.name,
                    "workload": job.workload_minutes,
                    "jke": job.jke_minutes or None,
                    "need_raw": job.staff_need_raw if job.jke_minutes else None,
                    "need": job.staff_need if job.jke_minutes else None,
                    "pns": job.staff_pns,
                    "pppk": job.staff_pppk,
                    "other": job.staff_other,
                    "in_post": job.staff_in_post,
                    "gap": job.staff_gap,
                    "efficiency": job.efficiency if job.efficiency_defined else None,
                    "band": job.efficiency_band_id.code if job.efficiency_defined else job.efficiency_text,
                }
            )
        total = {
            "post": self.env._("Total of the OPD"),
            "workload": self.abk_workload_minutes,
            "need": self.abk_staff_need,
            "pns": sum(jobs.mapped("staff_pns")),
            "pppk": sum(jobs.mapped("staff_pppk")),
            "other": sum(jobs.mapped("staff_other")),
            "in_post": self.abk_staff_in_post,
            "gap": self.abk_staff_gap,
            "efficiency": self.abk_efficiency if self.abk_efficiency_defined else None,
            "band": self.abk_efficiency_text,
        }
        return rows, total

    def _sop_abk_recap_xlsx(self):
        """The ABK recap of this OPD as XLSX bytes."""
        self.ensure_one()
        _ = self.env._
        headers = {
            "number": _("No."),
            "code": _("Post Code"),
            "post": _("Post"),
            "kind": _("Kind of Post"),
            "unit": _("Unit"),
            "workload": _("Total Workload (Minutes)"),
            "jke": _("JKE (Minutes)"),
            "need_raw": _("Staff Needed (Raw)"),
            "need": _("Staff Needed"),
            "pns": _("PNS"),
            "pppk": _("PPPK"),
            "other": _("Other"),
            "in_post": _("Staff in Post"),
            "gap": "+/−",
            "efficiency": _("EJ"),
            "band": _("Band"),
        }
        rows, total = self._sop_abk_recap_rows()
        title = _("Workload Analysis (ABK) Recap")
        return abk_xlsx.recap_workbook(title, self.name, headers, rows, total)

    def action_sop_abk_recap_xlsx(self):
        """Download the ABK recap of this OPD (stored as an attachment of the OPD)."""
        self.ensure_one()
        content = self._sop_abk_recap_xlsx()
        filename = self.env._("ABK Recap %s.xlsx", self.name)
        return download_action(attach_xlsx(self, filename, content))
