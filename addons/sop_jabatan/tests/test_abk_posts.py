from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged

from .common import TEACHER_TASKS
from .common import JabatanCase

FORM = "sop_jabatan.hr_job_view_form_sop_jabatan"
SHEET_FORM = "sop_jabatan.sop_jabatan_sheet_view_form"


@tagged("post_install", "-at_install")
class TestAbkPosts(JabatanCase):
    """The figures of a post's sheet as the ORM stores them, from its tasks, staff and the settings."""

    def test_worked_example(self):
        sheet = self._post(
            "Guru Kelas", self.unit_a1, TEACHER_TASKS, job_kind="fungsional", functional_level="ahli_pertama"
        )
        self._staff(sheet, ["pns", "pns", "pns", "pppk", False])
        self.assertEqual(sheet.opd_id, self.opd_a, "the OPD of a sub-unit is the OPD above it")
        self.assertEqual(sheet.task_ids[0].standard_minutes, 480, "8 hours are 480 minutes")
        self.assertAlmostEqual(sheet.workload_minutes, 44760)
        self.assertEqual(sheet.jke_minutes, 75000)
        self.assertAlmostEqual(sheet.staff_need_raw, 0.5968)
        self.assertEqual(sheet.staff_need, 1)
        self.assertEqual((sheet.staff_pns, sheet.staff_pppk, sheet.staff_other, sheet.staff_in_post), (3, 1, 1, 5))
        self.assertEqual(sheet.staff_gap, 4, "surplus of 4")
        self.assertTrue(sheet.efficiency_defined)
        self.assertAlmostEqual(sheet.efficiency, 0.1194)
        self.assertEqual(sheet.efficiency_band_id, self.env.ref("sop_jabatan.band_e"))
        self.assertEqual(sheet.efficiency_text, "0.1194 (E)")
        self.assertFalse(sheet.post_id.current_sheet_id, "a draft is not the post's figures yet")

    def test_no_staff_in_post(self):
        sheet = self._post("Analis Kebijakan", self.opd_a, [("Menyusun kajian", 10, 6000, "minutes")])
        self.assertEqual(sheet.staff_in_post, 0)
        self.assertAlmostEqual(sheet.staff_need_raw, 0.8)
        self.assertEqual(sheet.staff_need, 1)
        self.assertEqual(sheet.staff_gap, -1, "shortfall of 1")
        self.assertFalse(sheet.efficiency_defined)
        self.assertFalse(sheet.efficiency_band_id)
        self.assertEqual(sheet.efficiency_text, "Undefined: nobody in post")
        # someone takes the post: EJ = 60,000 / (1 x 75,000) = 0.80 -> C
        self._staff(sheet, ["pns"])
        self.assertTrue(sheet.efficiency_defined)
        self.assertAlmostEqual(sheet.efficiency, 0.8)
        self.assertEqual(sheet.efficiency_band_id.code, "C")
        self.assertEqual(sheet.staff_gap, 0)

    def test_rounding_once_per_post(self):
        """Ten tasks of 0.3 staff each need 3 staff, not 10 (per task rounded up then summed)."""
        tasks = [(f"Tugas {i}", 100, 225, "minutes") for i in range(10)]
        sheet = self._post("Pengadministrasi Umum", self.opd_a, tasks)
        self.assertAlmostEqual(sheet.staff_need_raw, 3.0)
        self.assertEqual(sheet.staff_need, 3)

    def test_jke_by_year_and_settings(self):
        sheet_2019 = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS, year=2019)
        self.assertEqual(sheet_2019.jke_minutes, 72000)
        self.assertAlmostEqual(sheet_2019.staff_need_raw, 0.6217)
        sheet_2003 = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS, year=2003)
        self.assertFalse(sheet_2003.jke_minutes)
        self.assertFalse(sheet_2003.staff_need)
        self.assertEqual(sheet_2003.efficiency_text, "Undefined: no JKE for the year")
        sheet = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS, year=2026)
        self.assertAlmostEqual(sheet.staff_need_raw, 0.5968)
        # the settings are data: a change recomputes the versions being prepared
        jke = self.env.ref("sop_jabatan.jke_2020")
        jke.with_user(self.admin_sop).write({"rounding": "down"})
        self.assertEqual(sheet.staff_need, 0)
        self.env["sop.jabatan.jke"].with_user(self.admin_sop).create(
            {"year_from": 2025, "minutes": 44760, "source": "Uji"}
        )
        self.assertAlmostEqual(sheet.staff_need_raw, 1.0)
        self.assertEqual(sheet.staff_need, 1)
        self._staff(sheet, ["pns"])
        self.assertEqual(sheet.efficiency_band_id.code, "B", "EJ 1.00 is in band B (0.90-1.00)")
        self.env.ref("sop_jabatan.band_b").with_user(self.admin_sop).write({"upper_inclusive": False})
        self.assertFalse(sheet.efficiency_band_id, "1.00 is then in no band (A starts above 1.00)")

    def test_effective_figures_stay(self):
        """An effective version keeps the figures it was approved with: a later JKE change does not move them."""
        sheet = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS, job_kind="fungsional")
        self._make_effective(sheet.analysis_id)
        self.assertEqual(sheet.state, "effective")
        self.assertEqual(sheet.post_id.current_sheet_id, sheet)
        self.assertAlmostEqual(sheet.post_id.staff_need_raw, 0.5968)
        self.env.ref("sop_jabatan.jke_2020").with_user(self.admin_sop).write({"minutes": 44760})
        self.assertAlmostEqual(sheet.staff_need_raw, 0.5968, "approved with 75,000 minutes")
        self.assertEqual(sheet.jke_minutes, 75000)

    def test_settings_are_the_administrators(self):
        jke = self.env.ref("sop_jabatan.jke_2020")
        for user in (self.staff, self.liaison_a, self.internal):
            with self.assertRaises(AccessError):
                jke.with_user(user).write({"minutes": 1})
        self.assertEqual(jke.with_user(self.internal).minutes, 75000, "everyone reads the settings")

    def test_opd_recap(self):
        sheet = self._post("Guru Kelas", self.unit_a1, TEACHER_TASKS, job_kind="fungsional")
        self._staff(sheet, ["pns"] * 5)
        other = self._post(
            "Analis Kebijakan", self.opd_a, [("Menyusun kajian", 10, 6000, "minutes")], job_kind="pelaksana"
        )
        self.assertEqual(other.staff_gap, -1)
        analysis = sheet.analysis_id.with_user(self.staff)
        self.assertEqual(analysis.sheet_count, 2)
        self.assertAlmostEqual(analysis.workload_minutes, 104760)
        self.assertEqual(analysis.staff_need, 2)
        self.assertEqual(analysis.staff_in_post, 5)
        self.assertEqual(analysis.staff_gap, 3)
        # EU = 104,760 / (5 x 75,000) = 0.2794 -> E
        self.assertEqual(analysis.efficiency_text, "0.2794 (E)")
        self.assertEqual(self.opd_a.abk_efficiency_text, "No effective job data", "a draft is not the OPD's recap")
        self._make_effective(analysis.sudo())
        recap = self.opd_a.with_user(self.staff)
        self.assertEqual(recap.abk_analysis_id, analysis)
        self.assertEqual((recap.abk_post_count, recap.abk_staff_need, recap.abk_staff_gap), (2, 2, 3))
        self.assertEqual(recap.abk_efficiency_text, "0.2794 (E)")
        self.assertEqual(self.analysis_b.efficiency_text, "Undefined: nobody in post")


@tagged("post_install", "-at_install")
class TestPostForms(JabatanCase):
    """New and Save of the post sheet with its task lines, as the liaison and the division staff."""

    def test_liaison_fills_in_his_opd(self):
        analysis = self._analysis(self.opd_a)
        post = self.env["hr.job"].with_user(self.liaison_a).create({"name": "Pengolah Data Pendidikan"})
        self.assertEqual(post.opd_id, self.opd_a, "the liaison's OPD is proposed")
        form = Form(
            self.env["sop.jabatan.sheet"].with_user(self.liaison_a).with_context(default_analysis_id=analysis.id),
            view=SHEET_FORM,
        )
        form.post_id = post
        self.assertEqual(form.name, "Pengolah Data Pendidikan", "the sheet starts from the post")
        form.job_kind = "pelaksana"
        with form.task_ids.new() as task:
            task.name = "Mengolah data peserta didik"
            task.volume = 12
            task.standard_time = 2.5
            task.time_unit = "hours"
        with form.task_ids.new() as task:
            task.name = "Menyusun laporan"
            task.volume = 4
            task.standard_time = 300
        sheet = form.save()
        self.assertEqual(sheet.opd_id, self.opd_a)
        self.assertAlmostEqual(sheet.workload_minutes, 12 * 150 + 4 * 300)
        self.assertAlmostEqual(sheet.staff_need_raw, 0.04)
        # he edits it again
        with Form(sheet.with_user(self.liaison_a), view=SHEET_FORM) as form:
            with form.task_ids.edit(1) as task:
                task.volume = 8
        self.assertAlmostEqual(sheet.workload_minutes, 12 * 150 + 8 * 300)
        # submitted: locked for him
        analysis.with_user(self.liaison_a).action_submit()
        with self.assertRaises(UserError):
            sheet.task_ids[0].with_user(self.liaison_a).write({"volume": 1})
        with self.assertRaises(UserError):
            sheet.with_user(self.liaison_a).write({"name": "Lain"})

    def test_liaison_only_his_opd(self):
        Task = self.env["sop.jabatan.task"].with_user(self.liaison_a)
        self.assertFalse(Task.search([("post_id", "=", self.post_b.id)]), "he does not see OPD B's tasks")
        with self.assertRaises(AccessError):
            self.post_b.with_user(self.liaison_a).write({"job_code": "X"})
        with self.assertRaises(AccessError):
            Task.create({"sheet_id": self.sheet_b.id, "name": "Menyusup"})
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.liaison_a).read(["name"])
        with self.assertRaises(AccessError):
            self.analysis_b.with_user(self.liaison_a).read(["name"])
        with self.assertRaises(AccessError):
            self.env["hr.job"].with_user(self.liaison_a).create({"name": "Pos B", "department_id": self.opd_b.id})
        sheet = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS[:1])
        with self.assertRaises(AccessError):
            sheet.post_id.with_user(self.liaison_a).write({"department_id": self.opd_b.id})
        with self.assertRaises(AccessError):
            sheet.task_ids.with_user(self.liaison_a).write({"sheet_id": self.sheet_b.id})
        with self.assertRaises(AccessError), Form(self.env["hr.job"].with_user(self.liaison_a), view=FORM) as form:
            form.name = "Pos di OPD lain"
            form.department_id = self.opd_b
        with self.assertRaises(ValidationError):
            self.env["sop.jabatan.sheet"].with_user(self.staff).create(
                {"analysis_id": sheet.analysis_id.id, "post_id": self.post_b.id}
            )

    def test_staff_cannot_set_staff_in_post(self):
        with self.assertRaises(AccessError):
            self.sheet_b.with_user(self.staff).write({"staff_pns": 9})
        with self.assertRaises(AccessError):
            self.env["sop.jabatan.sheet"].with_user(self.staff).create(
                {"analysis_id": self.analysis_b.id, "post_id": self.post_b.id, "staff_in_post": 3}
            )

    def test_functional_level_and_parent(self):
        sheet = self._post("Kepala Dinas Kesehatan", self.opd_b, [("Memimpin dinas", 1, 1250, "hours")])
        with Form(sheet.with_user(self.staff), view=SHEET_FORM) as form:
            form.job_kind = "fungsional"
            form.functional_level = "ahli_madya"
        self.assertEqual(sheet.functional_level, "ahli_madya")
        with Form(sheet.with_user(self.staff), view=SHEET_FORM) as form:
            form.job_kind = "jpt_pratama"
        self.assertFalse(sheet.functional_level, "cleared with the kind")
        with self.assertRaises(ValidationError):
            sheet.write({"functional_level": "ahli_muda"})
        self.assertEqual(sheet.staff_need, 1)
        self.post_b.with_user(self.staff).write({"parent_id": sheet.post_id.id})
        self.assertEqual(sheet.post_id.child_ids, self.post_b)
        with self.assertRaises(ValidationError):
            sheet.post_id.with_user(self.staff).write({"parent_id": self.post_b.id})

    def test_others_read_only(self):
        self.assertEqual(self.post_b.with_user(self.internal).name, "Pengelola Data Kesehatan")
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.internal).read(["name"])
        with self.assertRaises(AccessError):
            self.post_b.with_user(self.internal).write({"job_code": "X"})


@tagged("post_install", "-at_install")
class TestPostOpd(JabatanCase):
    def test_opd_follows_the_units(self):
        """A post of a sub-unit belongs to the OPD above it, and follows when the units change."""
        post = self.env["hr.job"].create({"name": "Guru Kelas", "department_id": self.unit_a1.id})
        self.assertEqual(post.opd_id, self.opd_a)
        self.unit_a1.is_opd = True
        self.assertEqual(post.opd_id, self.unit_a1, "the unit itself became an OPD")
        self.unit_a1.is_opd = False
        self.unit_a1.parent_id = self.opd_b
        self.assertEqual(post.opd_id, self.opd_b, "the unit moved to another OPD")
        self.assertIn(post, self.opd_b.sop_job_ids)
        post.department_id = False
        self.assertFalse(post.opd_id)
