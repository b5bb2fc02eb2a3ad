from odoo.addons.sop_organisasi.tests.case_common import SopCaseRunCase
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import tagged

# JPT Pratama (structural) and a pelaksana (functional) graded at level 1 of every factor except F1
LEVELS = {"structural": 1, "functional": 2}


@tagged("post_install", "-at_install")
class TestGradingFlow(SopCaseRunCase):
    """A case of the job grading SOP: every factor must be graded and justified before the OPD hands its job
    data in; once approved, the case gets the berita acara."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        as_workflow(cls.skj).write({"work_product": "job_grading"})
        Job = cls.env["hr.job"]
        cls.head = Job.create({"name": "Kepala Dinas Uji", "department_id": cls.opd.id, "job_kind": "jpt_pratama"})
        cls.clerk = Job.create(
            {
                "name": "Pengadministrasi Uji",
                "department_id": cls.opd.id,
                "job_kind": "pelaksana",
                "parent_id": cls.head.id,
            }
        )

    def _grade(self, sheet, user, level):
        with Form(sheet.with_user(user), view="sop_jabatan.sop_jabatan_sheet_view_form") as form:
            with form.task_ids.new() as task:
                task.name = f"Tugas {sheet.name}"
                task.volume = 100
                task.standard_time = 6
            for index in range(len(form.grading_line_ids)):
                with form.grading_line_ids.edit(index) as line:
                    line.level_id = line.factor_id.level_ids.sorted("level")[level - 1]
                    line.justification = "Sesuai uraian tugas"

    def test_job_grading_case(self):
        case = self._new_case(year=2026)
        analysis = self.env["sop.jabatan.analysis"].search([("opd_id", "=", self.opd.id), ("year", "=", 2026)])
        self.assertEqual(analysis.case_ids, case)
        analysis.with_user(self.liaison).action_load_grading_factors()
        head_sheet = analysis.sheet_ids.filtered(lambda s: s.post_id == self.head)
        clerk_sheet = analysis.sheet_ids.filtered(lambda s: s.post_id == self.clerk)
        self.assertEqual(len(head_sheet.grading_line_ids), 7)
        self.assertEqual(len(clerk_sheet.grading_line_ids), 9)
        self._grade(clerk_sheet, self.liaison, LEVELS["functional"])
        with Form(head_sheet.with_user(self.liaison), view="sop_jabatan.sop_jabatan_sheet_view_form") as form:
            with form.task_ids.new() as task:
                task.name = "Memimpin dinas"
                task.volume = 12
                task.standard_time = 60
        # a grading case: the head's factors are not graded yet
        with self.assertRaisesRegex(UserError, "F1, F2, F3, F4a, F4b, F5, F6"):
            analysis.with_user(self.liaison).action_submit()
        self._grade(head_sheet, self.liaison, LEVELS["structural"])
        # 200+125+125+75+75+25+50+20+20 = 715 points: kelas 6; the lowest structural grading: 1,165, kelas 8
        self.assertEqual((clerk_sheet.total_points, clerk_sheet.grading_kelas), (715, 6))
        self.assertEqual((head_sheet.total_points, head_sheet.grading_kelas), (1165, 8))
        analysis.with_user(self.liaison).action_submit()
        analysis.with_user(self.tim1).action_verify()
        analysis.with_user(self.kabag).validate_tier()
        self.assertEqual(analysis.state, "effective")
        self.assertEqual(self.clerk.grading_kelas, 6)
        self.assertEqual(self.head.grading_kelas, 8)
        self.env["sop.document.version.mixin"]._cron_sop_render_documents()  # the background job
        attachments = self.env["ir.attachment"].search([("res_model", "=", "sop.case"), ("res_id", "=", case.id)])
        names = attachments.mapped("name")
        self.assertTrue(
            {"Evaluasi Jabatan Dinas Kesehatan Uji 2026.pdf", "Job Grading Dinas Kesehatan Uji 2026.pdf"} & set(names),
            names,
        )
        # a revision starts from the approved grading
        revision = analysis._sop_open_revision()
        self.assertEqual(revision.sheet_ids.mapped("grading_kelas"), analysis.sheet_ids.mapped("grading_kelas"))
