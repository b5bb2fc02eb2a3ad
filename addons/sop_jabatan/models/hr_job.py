from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools import abk

JOB_KINDS = [
    ("jpt_utama", "JPT Utama"),
    ("jpt_madya", "JPT Madya"),
    ("jpt_pratama", "JPT Pratama"),
    ("administrator", "Administrator"),
    ("pengawas", "Pengawas"),
    ("pelaksana", "Pelaksana"),
    ("fungsional", "Fungsional"),
]
FUNCTIONAL_LEVELS = [
    ("pemula", "Pemula"),
    ("terampil", "Terampil"),
    ("mahir", "Mahir"),
    ("penyelia", "Penyelia"),
    ("ahli_pertama", "Ahli Pertama"),
    ("ahli_muda", "Ahli Muda"),
    ("ahli_madya", "Ahli Madya"),
    ("ahli_utama", "Ahli Utama"),
]
ABK_FIELDS = (
    "jke_minutes",
    "staff_need_raw",
    "staff_need",
    "staff_gap",
    "efficiency",
    "efficiency_defined",
    "efficiency_band_id",
)


class HrJob(models.Model):
    _inherit = "hr.job"

    def _default_sop_department(self):
        """A liaison of exactly one OPD starts his posts in it."""
        opds = self.env["hr.department"].search([("liaison_user_ids", "in", self.env.uid), ("is_opd", "=", True)])
        return opds if len(opds) == 1 else False

    department_id = fields.Many2one(default=_default_sop_department)
    opd_id = fields.Many2one(
        "hr.department",
        string="OPD",
        compute="_compute_opd_id",
        store=True,
        index=True,
        help="The OPD of the post's unit (the unit itself or the nearest unit above it that is an OPD).",
    )
    job_kind = fields.Selection(JOB_KINDS, string="Kind of Post")
    functional_level = fields.Selection(FUNCTIONAL_LEVELS)
    job_code = fields.Char(string="Post Code")
    parent_id = fields.Many2one(
        "hr.job", string="Post Above", index=True, ondelete="set null", domain="[('id', '!=', id)]"
    )
    child_ids = fields.One2many("hr.job", "parent_id", string="Posts Below")
    task_ids = fields.One2many("sop.jabatan.task", "post_id", string="Tasks")
    abk_year = fields.Integer(
        string="ABK Year",
        default=lambda self: fields.Date.context_today(self).year,
        help="The year of the workload figures: it chooses the effective working time (JKE).",
    )
    workload_minutes = fields.Float(
        string="Total Workload (Minutes)", compute="_compute_workload", store=True, digits=(16, 2)
    )
    jke_minutes = fields.Integer(
        string="JKE (Minutes)",
        compute="_compute_abk",
        store=True,
        help="The effective working time in force in the ABK year (Configuration > Effective Working Time).",
    )
    staff_need_raw = fields.Float(
        string="Staff Needed (Raw)",
        compute="_compute_abk",
        store=True,
        digits=(16, 4),
        help="Total workload ÷ JKE, to four decimals.",
    )
    staff_need = fields.Integer(
        string="Staff Needed",
        compute="_compute_abk",
        store=True,
        help="Total workload ÷ JKE rounded once for the post, as the JKE setting says.",
    )
    staff_pns = fields.Integer(string="In Post (PNS)", compute="_compute_staff", store=True)
    staff_pppk = fields.Integer(string="In Post (PPPK)", compute="_compute_staff", store=True)
    staff_other = fields.Integer(string="In Post (Other)", compute="_compute_staff", store=True)
    staff_in_post = fields.Integer(string="Staff in Post", compute="_compute_staff", store=True)
    staff_gap = fields.Integer(
        string="Surplus (+) / Shortfall (−)",
        compute="_compute_abk",
        store=True,
        help="Staff in post minus staff needed.",
    )
    efficiency = fields.Float(
        string="Job Efficiency (EJ)",
        compute="_compute_abk",
        store=True,
        digits=(16, 4),
        help="Total workload ÷ (staff in post x JKE). Not the staff need.",
    )
    efficiency_defined = fields.Boolean(
        compute="_compute_abk",
        store=True,
        help="False when nobody is in post or no JKE applies: the efficiency is then undefined.",
    )
    efficiency_band_id = fields.Many2one("sop.jabatan.efficiency.band", compute="_compute_abk", store=True)
    efficiency_text = fields.Char(string="Efficiency", compute="_compute_efficiency_text")

    @api.depends("department_id", "department_id.parent_path", "department_id.is_opd")
    def _compute_opd_id(self):
        Department = self.env["hr.department"].sudo()
        for job in self:
            department = job.department_id.sudo()
            opd = Department
            if department:
                ids = [int(i) for i in (department.parent_path or "").split("/") if i] or [department.id]
                chain = Department.browse(ids).filtered("is_opd")
                opd = chain[-1:] if chain else Department
            job.opd_id = opd

    @api.depends("task_ids.workload_minutes")
    def _compute_workload(self):
        for job in self:
            job.workload_minutes = float(sum((abk.as_decimal(w) for w in job.task_ids.mapped("workload_minutes")), 0))

    @api.depends("employee_ids.employment_status", "employee_ids.job_id", "employee_ids.active")
    def _compute_staff(self):
        for job in self:
            employees = job.employee_ids
            job.staff_pns = len(employees.filtered(lambda e: e.employment_status == "pns"))
            job.staff_pppk = len(employees.filtered(lambda e: e.employment_status == "pppk"))
            job.staff_other = len(employees) - job.staff_pns - job.staff_pppk
            job.staff_in_post = len(employees)

    @api.depends("workload_minutes", "abk_year", "staff_in_post")
    def _compute_abk(self):
        Jke = self.env["sop.jabatan.jke"]
        bands = self.env["sop.jabatan.efficiency.band"].sudo().search([])
        table = bands._as_table()
        for job in self:
            jke, rounding = Jke._setting_for_year(job.abk_year) if job.abk_year else (None, None)
            workload = abk.as_decimal(job.workload_minutes)
            if jke is None:
                job.update(dict.fromkeys(ABK_FIELDS, False))
                job.staff_gap = job.staff_in_post
                continue
            raw, rounded = abk.staff_need([workload], jke, rounding)
            ej = abk.efficiency(workload, job.staff_in_post, jke)
            code = abk.band_for(ej, table)
            band = next((row["id"] for row in table if row["code"] == code), False) if code else False
            job.jke_minutes = int(jke)
            job.staff_need_raw = float(raw)
            job.staff_need = rounded
            job.staff_gap = job.staff_in_post - rounded
            job.efficiency = float(ej.quantize(Decimal("0.0001"))) if ej is not None else 0.0
            job.efficiency_defined = ej is not None
            job.efficiency_band_id = band

    @api.depends("efficiency", "efficiency_defined", "efficiency_band_id", "jke_minutes")
    def _compute_efficiency_text(self):
        for job in self:
            if not job.jke_minutes:
                job.efficiency_text = self.env._("Undefined: no JKE for the ABK year")
            elif not job.efficiency_defined:
                job.efficiency_text = self.env._("Undefined: nobody in post")
            else:
                band = job.efficiency_band_id.code or "-"
                job.efficiency_text = f"{job.efficiency:.4f} ({band})"

    @api.model
    def _sop_abk_refresh(self):
        """Recompute the ABK figures of every post after a change of the JKE or band tables."""
        jobs = self.sudo().with_context(active_test=False).search([])
        for name in (*ABK_FIELDS, "staff_gap"):
            self.env.add_to_compute(self._fields[name], jobs)

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A post cannot be above itself."))

    @api.onchange("job_kind")
    def _onchange_job_kind(self):
        if self.job_kind != "fungsional":
            self.functional_level = False

    @api.constrains("job_kind", "functional_level")
    def _check_functional_level(self):
        for job in self:
            if job.functional_level and job.job_kind != "fungsional":
                raise ValidationError(self.env._("Only a functional post (Fungsional) has a functional level."))

    def write(self, vals):
        res = super().write(vals)
        if "department_id" in vals and not self.env.su:
            # the rules are checked before a write: the post must stay where the user may edit it
            self.check_access("write")
        return res
