from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import ValidationError

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


class HrJob(models.Model):
    _name = "hr.job"
    _inherit = ["hr.job", "sop.jabatan.nomenclature.mixin"]

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
    sheet_ids = fields.One2many("sop.jabatan.sheet", "post_id", string="Sheets by Year")
    current_sheet_id = fields.Many2one(
        "sop.jabatan.sheet",
        string="Effective Sheet",
        compute="_compute_current_sheet",
        store=True,
        index=True,
        help="The post's sheet in the latest effective job data of its OPD: its figures are the post's.",
    )
    abk_year = Year(related="current_sheet_id.year", string="ABK Year")
    task_ids = fields.One2many(related="current_sheet_id.task_ids", string="Tasks")
    workload_minutes = fields.Float(related="current_sheet_id.workload_minutes")
    jke_minutes = fields.Integer(related="current_sheet_id.jke_minutes")
    staff_need_raw = fields.Float(related="current_sheet_id.staff_need_raw")
    staff_need = fields.Integer(related="current_sheet_id.staff_need")
    staff_gap = fields.Integer(related="current_sheet_id.staff_gap")
    efficiency = fields.Float(related="current_sheet_id.efficiency")
    efficiency_defined = fields.Boolean(related="current_sheet_id.efficiency_defined")
    efficiency_band_id = fields.Many2one(related="current_sheet_id.efficiency_band_id")
    efficiency_text = fields.Char(related="current_sheet_id.efficiency_text")

    # --- job grading
    grading_total_points = fields.Integer(related="current_sheet_id.total_points", string="Total Points")
    grading_kelas = fields.Integer(related="current_sheet_id.grading_kelas", string="Kelas")
    grading_kelas_text = fields.Char(related="current_sheet_id.grading_kelas_text", string="Kelas Jabatan")
    staff_pns = fields.Integer(string="In Post (PNS)", compute="_compute_staff", store=True)
    staff_pppk = fields.Integer(string="In Post (PPPK)", compute="_compute_staff", store=True)
    staff_other = fields.Integer(string="In Post (Other)", compute="_compute_staff", store=True)
    staff_in_post = fields.Integer(string="Staff in Post", compute="_compute_staff", store=True)

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

    @api.depends("sheet_ids.state", "sheet_ids.year")
    def _compute_current_sheet(self):
        for job in self:
            sheets = job.sheet_ids.filtered(lambda s: s.state == "effective")
            job.current_sheet_id = sheets.sorted(lambda s: (s.year, s.analysis_id.revision))[-1:]

    @api.depends("employee_ids.employment_status", "employee_ids.job_id", "employee_ids.active")
    def _compute_staff(self):
        for job in self:
            employees = job.employee_ids
            job.staff_pns = len(employees.filtered(lambda e: e.employment_status == "pns"))
            job.staff_pppk = len(employees.filtered(lambda e: e.employment_status == "pppk"))
            job.staff_other = len(employees) - job.staff_pns - job.staff_pppk
            job.staff_in_post = len(employees)

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
