from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase

# the worked example of docs/jabatan.md (a teacher post): 44,760 minutes a year
TEACHER_TASKS = [
    ("Menyusun program tahunan", 2, 8, "hours"),  # 2 x 480 minutes, entered in hours
    ("Melaksanakan pembelajaran", 864, 45, "minutes"),
    ("Menyusun evaluasi", 8, 120, "minutes"),
    ("Memeriksa tugas", 288, 5, "minutes"),
    ("Melaksanakan remedial", 8, 90, "minutes"),
    ("Menyusun laporan semester", 2, 180, "minutes"),
    ("Membimbing kegiatan", 12, 120, "minutes"),
]


class JabatanCase(TransactionCase):
    """Two OPDs (A with a sub-unit), a liaison of OPD A, division staff, an SOP administrator and an
    internal user; a post in OPD B with one task."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.opd_a = Department.create({"name": "Dinas Pendidikan", "is_opd": True})
        cls.unit_a1 = Department.create({"name": "Bidang Pembinaan SD", "parent_id": cls.opd_a.id})
        cls.opd_b = Department.create({"name": "Dinas Kesehatan", "is_opd": True})
        cls.liaison_a = new_test_user(
            cls.env, "jabatan_liaison_a", groups="base.group_user,sop_organisasi.group_sop_opd_user"
        )
        cls.staff = new_test_user(cls.env, "jabatan_staff", groups="base.group_user,sop_organisasi.group_sop_user")
        cls.admin_sop = new_test_user(
            cls.env, "jabatan_admin", groups="base.group_user,sop_organisasi.group_sop_manager"
        )
        cls.internal = new_test_user(cls.env, "jabatan_internal", groups="base.group_user")
        cls.opd_a.liaison_user_ids = [(4, cls.liaison_a.id)]
        cls.post_b = cls.env["hr.job"].create(
            {"name": "Pengelola Data Kesehatan", "department_id": cls.opd_b.id, "job_kind": "pelaksana"}
        )
        cls.analysis_b = cls.env["sop.jabatan.analysis"].create({"opd_id": cls.opd_b.id, "year": 2025})
        cls.sheet_b = cls.env["sop.jabatan.sheet"].create({"analysis_id": cls.analysis_b.id, "post_id": cls.post_b.id})
        cls.task_b = cls.env["sop.jabatan.task"].create(
            {"sheet_id": cls.sheet_b.id, "name": "Mengolah data", "volume": 100, "standard_time": 60}
        )

    @classmethod
    def _analysis(cls, opd, year=2026):
        """The draft job data of ``opd`` for ``year`` (created when there is none)."""
        Analysis = cls.env["sop.jabatan.analysis"]
        domain = [("opd_id", "=", opd.id), ("year", "=", year), ("state", "=", "draft")]
        return Analysis.search(domain, limit=1) or Analysis.create({"opd_id": opd.id, "year": year})

    @classmethod
    def _post(cls, name, department, tasks=(), year=2026, **vals):
        """A new post of ``department`` and its sheet in the draft job data of its OPD for ``year``."""
        post_vals = {key: vals.pop(key) for key in ("parent_id",) if key in vals}
        Job = cls.env["hr.job"]
        post = Job.search([("name", "=", name), ("department_id", "=", department.id)], limit=1)
        post = post or Job.create({"name": name, "department_id": department.id, **post_vals})
        return cls.env["sop.jabatan.sheet"].create(
            {
                "analysis_id": cls._analysis(post.opd_id, year).id,
                "post_id": post.id,
                "task_ids": [
                    (0, 0, {"name": task, "volume": volume, "standard_time": time, "time_unit": unit})
                    for task, volume, time, unit in tasks
                ],
                **vals,
            }
        )

    @classmethod
    def _staff(cls, sheet, statuses):
        """Employees in the sheet's post, counted again on the (draft) sheet."""
        employees = cls.env["hr.employee"].create(
            [
                {"name": f"Pegawai {i} {sheet.name}", "job_id": sheet.post_id.id, "employment_status": status}
                for i, status in enumerate(statuses)
            ]
        )
        sheet._sop_count_staff()
        return employees

    @classmethod
    def _make_effective(cls, analysis):
        """The job data through the workflow: submitted, verified, approved by the Kabag's tier."""
        approver = cls.env.ref("base.user_admin")
        approver.groups_id = [(4, cls.env.ref("sop_organisasi.group_sop_approver").id)]
        analysis.action_submit()
        analysis.action_verify()
        if analysis.state == "review":
            analysis.with_user(approver).validate_tier()
        return analysis
