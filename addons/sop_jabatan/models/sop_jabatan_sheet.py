from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import ValidationError

from ..tools import abk
from .sop_jabatan_grading_factor import GRADING_SCHEMES
from .sop_jabatan_grading_factor import grading_scheme_for
from .sop_jabatan_requirement_option import ANJAB_REQUIREMENT_FIELDS
from .sop_jabatan_requirement_option import requirement_field

ABK_FIELDS = (
    "jke_minutes",
    "staff_need_raw",
    "staff_need",
    "staff_gap",
    "efficiency",
    "efficiency_defined",
    "efficiency_band_id",
)
# the staff in post as counted from the employees: written by the workflow only (snapshot of the version)
STAFF_FIELDS = ("staff_pns", "staff_pppk", "staff_other", "staff_in_post")


class SopJabatanSheet(models.Model):
    """One post in one year's job data of an OPD (ANJAB, ABK and grading of the post for that version)."""

    _name = "sop.jabatan.sheet"
    _description = "Post Sheet (ANJAB/ABK of a Post for a Year)"
    _inherit = [
        "sop.jabatan.post.line.mixin",
        "sop.jabatan.nomenclature.mixin",
        "sop.document.content.mixin",
        "sop.workflow.state.mixin",
    ]
    _sop_document_path = "analysis_id"
    _workflow_fields = STAFF_FIELDS
    _order = "analysis_id, sequence, id"
    _rec_names_search = ["name", "job_code"]

    analysis_id = fields.Many2one(
        "sop.jabatan.analysis", string="Job Data", required=True, ondelete="cascade", index=True
    )
    opd_id = fields.Many2one(related="analysis_id.opd_id", store=True, string="OPD", index=True)
    year = Year(related="analysis_id.year", store=True)
    state = fields.Selection(related="analysis_id.state", store=True, string="Status")
    department_id = fields.Many2one("hr.department", string="Unit", help="The unit of the post (the OPD or below).")
    parent_post_id = fields.Many2one(
        "hr.job", string="Post Above", index=True, domain="[('opd_id', '=', opd_id), ('id', '!=', post_id)]"
    )
    # ABK
    task_ids = fields.One2many("sop.jabatan.task", "sheet_id", string="Tasks", copy=True)
    workload_minutes = fields.Float(
        string="Total Workload (Minutes)", compute="_compute_workload", store=True, digits=(16, 2)
    )
    jke_minutes = fields.Integer(
        string="JKE (Minutes)",
        compute="_compute_abk",
        store=True,
        help="The effective working time in force in the year (Configuration > Effective Working Time).",
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
    staff_pns = fields.Integer(string="In Post (PNS)", readonly=True)
    staff_pppk = fields.Integer(string="In Post (PPPK)", readonly=True)
    staff_other = fields.Integer(string="In Post (Other)", readonly=True)
    staff_in_post = fields.Integer(
        string="Staff in Post",
        readonly=True,
        help="The employees of the post by status, counted while the job data is a draft and kept with the version.",
    )
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

    # --- ANJAB elements (Permenpan RB 1/2020; elements per Peraturan BKN 9/2022): lines in models/sop_jabatan_anjab_*.py,
    # the lists in sop.jabatan.requirement.option, the report in report/informasi_jabatan_report.xml
    summary = fields.Text(string="Job Summary", help="Ikhtisar jabatan: the post's purpose in one or two sentences.")
    qualification_ids = fields.One2many(
        "sop.jabatan.anjab.qualification", "sheet_id", string="Qualifications", copy=True
    )
    result_ids = fields.One2many("sop.jabatan.anjab.result", "sheet_id", string="Work Results", copy=True)
    material_ids = fields.One2many("sop.jabatan.anjab.material", "sheet_id", string="Work Materials", copy=True)
    tool_ids = fields.One2many("sop.jabatan.anjab.tool", "sheet_id", string="Work Tools", copy=True)
    responsibility_ids = fields.One2many(
        "sop.jabatan.anjab.responsibility", "sheet_id", string="Responsibilities", copy=True
    )
    authority_ids = fields.One2many("sop.jabatan.anjab.authority", "sheet_id", string="Authorities", copy=True)
    relation_ids = fields.One2many("sop.jabatan.anjab.relation", "sheet_id", string="Job Relations", copy=True)
    hazard_ids = fields.One2many("sop.jabatan.anjab.hazard", "sheet_id", string="Hazards", copy=True)
    condition_place = fields.Char(string="Workplace", help="e.g. Di dalam ruangan.")
    condition_temperature = fields.Char(string="Temperature", help="e.g. Dingin, sedang, panas.")
    condition_air = fields.Char(string="Air", help="e.g. Kering, lembab.")
    condition_room = fields.Char(string="Room", help="e.g. Cukup, luas, sempit.")
    condition_location = fields.Char(string="Location", help="e.g. Strategis.")
    condition_lighting = fields.Char(string="Lighting", help="e.g. Terang.")
    condition_noise = fields.Char(string="Noise", help="e.g. Tenang, bising.")
    condition_workplace = fields.Char(string="State of the Workplace", help="e.g. Bersih.")
    condition_vibration = fields.Char(string="Vibration", help="e.g. Tidak ada.")
    skills = fields.Text(string="Work Skills", help="Keterampilan kerja the post needs.")
    aptitude_ids = requirement_field("aptitude", "Aptitudes")
    temperament_ids = requirement_field("temperament", "Temperaments")
    interest_ids = requirement_field("interest", "Interests")
    physical_effort_ids = requirement_field("physical_effort", "Physical Effort")
    physical_condition_ids = requirement_field("physical_condition", "Physical Condition")
    physical_condition_note = fields.Char(
        string="Other Physical Conditions", help="e.g. age, height or weight where the post needs them."
    )
    job_function_ids = requirement_field("job_function", "Job Functions")
    expected_performance = fields.Text(help="Prestasi kerja yang diharapkan.")

    @api.constrains(*ANJAB_REQUIREMENT_FIELDS)
    def _check_requirement_kinds(self):
        for sheet in self:
            for name, kind in ANJAB_REQUIREMENT_FIELDS.items():
                if any(option.kind != kind for option in sheet[name]):
                    label = self._fields[name]._description_string(self.env)
                    raise ValidationError(self.env._("%(field)s takes entries of its own list only.", field=label))

    # --- job grading

    grading_line_ids = fields.One2many("sop.jabatan.grading.line", "sheet_id", string="Job Grading", copy=True)
    grading_scheme = fields.Selection(
        GRADING_SCHEMES,
        compute="_compute_grading_scheme",
        help="Chosen by the kind of post: structural for JPT, administrator and pengawas, otherwise functional "
        "and pelaksana.",
    )
    total_points = fields.Integer(compute="_compute_grading", store=True)
    grading_complete = fields.Boolean(
        compute="_compute_grading", store=True, help="Every factor of the post's scheme has its level."
    )
    grading_kelas = fields.Integer(
        string="Kelas",
        compute="_compute_grading",
        store=True,
        help="The kelas band holding the total points once every factor has its level (0: undefined).",
    )
    grading_kelas_text = fields.Char(string="Kelas Jabatan", compute="_compute_grading_kelas_text")

    @api.depends("job_kind")
    def _compute_grading_scheme(self):
        for sheet in self:
            sheet.grading_scheme = grading_scheme_for(sheet.job_kind)

    @api.depends("job_kind", "grading_line_ids.factor_id", "grading_line_ids.level_id", "grading_line_ids.points")
    def _compute_grading(self):
        Line = self.env["sop.jabatan.grading.line"]
        for sheet in self:
            sheet.total_points, sheet.grading_kelas, sheet.grading_complete = Line._sop_grading_of(sheet)

    @api.depends("grading_kelas", "grading_complete", "total_points")
    def _compute_grading_kelas_text(self):
        for sheet in self:
            sheet.grading_kelas_text = self.env["sop.jabatan.grading.line"]._sop_kelas_text(sheet)

    def action_load_grading_factors(self):
        """Add a grading line per factor of the post's scheme (a draft only)."""
        self._sop_check_document_editable()
        self.env["sop.jabatan.grading.line"]._sop_load_factors(self)
        return True

    _sql_constraints = [
        ("post_once", "UNIQUE(analysis_id, post_id)", "A post has one sheet in the job data of a year."),
    ]

    # ------------------------------------------------------------------ compute
    @api.depends("task_ids.workload_minutes")
    def _compute_workload(self):
        for sheet in self:
            sheet.workload_minutes = float(
                sum((abk.as_decimal(w) for w in sheet.task_ids.mapped("workload_minutes")), Decimal(0))
            )

    @api.depends("workload_minutes", "year", "staff_in_post")
    def _compute_abk(self):
        Jke = self.env["sop.jabatan.jke"]
        table = self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        for sheet in self:
            jke, rounding = Jke._setting_for_year(sheet.year) if sheet.year else (None, None)
            workload = abk.as_decimal(sheet.workload_minutes)
            if jke is None:
                sheet.update(dict.fromkeys(ABK_FIELDS, False))
                sheet.staff_gap = sheet.staff_in_post
                continue
            raw, rounded = abk.staff_need([workload], jke, rounding)
            ej = abk.efficiency(workload, sheet.staff_in_post, jke)
            code = abk.band_for(ej, table)
            band = next((row["id"] for row in table if row["code"] == code), False) if code else False
            sheet.jke_minutes = int(jke)
            sheet.staff_need_raw = float(raw)
            sheet.staff_need = rounded
            sheet.staff_gap = sheet.staff_in_post - rounded
            sheet.efficiency = float(ej.quantize(Decimal("0.0001"))) if ej is not None else 0.0
            sheet.efficiency_defined = ej is not None
            sheet.efficiency_band_id = band

    @api.depends("efficiency", "efficiency_defined", "efficiency_band_id", "jke_minutes")
    def _compute_efficiency_text(self):
        for sheet in self:
            sheet.efficiency_text = abk_efficiency_text(sheet)

    @api.model
    def _sop_abk_refresh(self):
        """Recompute the figures of the versions still open after a change of the JKE or band tables:
        an effective or superseded version keeps the figures it was approved with."""
        sheets = self.sudo().search([("state", "in", ("draft", "submitted", "review"))])
        for name in ABK_FIELDS:
            self.env.add_to_compute(self._fields[name], sheets)

    # ------------------------------------------------------------------ identity
    @api.model
    def _sop_identity_from_post(self, post):
        return {
            **super()._sop_identity_from_post(post),
            "department_id": post.department_id.id,
            "parent_post_id": post.parent_id.id,
            "nomenclature_id": post.nomenclature_id.id,
        }

    @api.constrains("post_id", "analysis_id")
    def _check_post_in_opd(self):
        return super()._check_post_in_opd()

    @api.constrains("department_id", "analysis_id")
    def _check_unit_in_opd(self):
        """The unit of the post stays in the OPD: the effective version moves the post to it."""
        Department = self.env["hr.department"].sudo()
        for sheet in self.filtered("department_id"):
            opd = Department.search(
                [("id", "parent_of", sheet.department_id.id), ("is_opd", "=", True)], order="parent_path desc", limit=1
            )
            if opd != sheet.analysis_id.opd_id:
                raise ValidationError(
                    self.env._(
                        "The unit '%(unit)s' is not a unit of %(opd)s.",
                        unit=sheet.department_id.sudo().name,
                        opd=sheet.analysis_id.opd_id.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        sheets = super().create(vals_list)
        sheets.filtered(lambda s: s.state == "draft")._sop_count_staff()
        return sheets

    def _sop_count_staff(self):
        """Count the employees in post by status (while the version is open): the workflow writes it."""
        for sheet in self.sudo():
            post = sheet.post_id
            values = {name: post[name] for name in STAFF_FIELDS}
            if any(sheet[name] != value for name, value in values.items()):
                sheet.write(values)

    def _sop_push_identity(self):
        """The effective version names the post: its name, kind, code, unit, the post above and its name in the
        national nomenclature."""
        for sheet in self.sudo():
            values = self._sop_identity_from_post(sheet.post_id)
            wanted = {
                "name": sheet.name,
                "job_kind": sheet.job_kind,
                "functional_level": sheet.functional_level,
                "job_code": sheet.job_code,
                "department_id": sheet.department_id.id,
                "parent_id": sheet.parent_post_id.id,
                "nomenclature_id": sheet.nomenclature_id.id,
            }
            values["parent_id"] = values.pop("parent_post_id")
            changed = {key: value for key, value in wanted.items() if values.get(key) != value}
            if changed:
                sheet.post_id.write(changed)

    def action_open_sheet(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }


def abk_efficiency_text(record):
    """'0.1194 (E)', or why the efficiency is undefined (a sheet, or a post through its current sheet)."""
    _ = record.env._
    if not record.jke_minutes:
        return _("Undefined: no JKE for the year")
    if not record.efficiency_defined:
        return _("Undefined: nobody in post")
    return f"{record.efficiency:.4f} ({record.efficiency_band_id.code or '-'})"
