from odoo.exceptions import AccessError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged

from .common import TEACHER_TASKS
from .common import JabatanCase

FORM = "sop_jabatan.hr_job_view_form_sop_jabatan"


@tagged("post_install", "-at_install")
class TestAbkPosts(JabatanCase):
    """The figures of a post as the ORM stores them, from its tasks, staff and the settings."""

    def test_worked_example(self):
        post = self._post(
            "Guru Kelas", self.unit_a1, TEACHER_TASKS, job_kind="fungsional", functional_level="ahli_pertama"
        )
        self._staff(post, ["pns", "pns", "pns", "pppk", False])
        self.assertEqual(post.opd_id, self.opd_a, "the OPD of a sub-unit is the OPD above it")
        self.assertEqual(post.task_ids[0].standard_minutes, 480, "8 hours are 480 minutes")
        self.assertAlmostEqual(post.workload_minutes, 44760)
        self.assertEqual(post.jke_minutes, 75000)
        self.assertAlmostEqual(post.staff_need_raw, 0.5968)
        self.assertEqual(post.staff_need, 1)
        self.assertEqual((post.staff_pns, post.staff_pppk, post.staff_other, post.staff_in_post), (3, 1, 1, 5))
        self.assertEqual(post.staff_gap, 4, "surplus of 4")
        self.assertTrue(post.efficiency_defined)
        self.assertAlmostEqual(post.efficiency, 0.1194)
        self.assertEqual(post.efficiency_band_id, self.env.ref("sop_jabatan.band_e"))
        self.assertEqual(post.efficiency_text, "0.1194 (E)")

    def test_no_staff_in_post(self):
        post = self._post("Analis Kebijakan", self.opd_a, [("Menyusun kajian", 10, 6000, "minutes")])
        self.assertEqual(post.staff_in_post, 0)
        self.assertAlmostEqual(post.staff_need_raw, 0.8)
        self.assertEqual(post.staff_need, 1)
        self.assertEqual(post.staff_gap, -1, "shortfall of 1")
        self.assertFalse(post.efficiency_defined)
        self.assertFalse(post.efficiency_band_id)
        self.assertEqual(post.efficiency_text, "Undefined: nobody in post")
        # someone takes the post: EJ = 60,000 / (1 x 75,000) = 0.80 -> C
        self._staff(post, ["pns"])
        self.assertTrue(post.efficiency_defined)
        self.assertAlmostEqual(post.efficiency, 0.8)
        self.assertEqual(post.efficiency_band_id.code, "C")
        self.assertEqual(post.staff_gap, 0)

    def test_rounding_once_per_post(self):
        """Ten tasks of 0.3 staff each need 3 staff, not 10 (per task rounded up then summed)."""
        tasks = [(f"Tugas {i}", 100, 225, "minutes") for i in range(10)]
        post = self._post("Pengadministrasi Umum", self.opd_a, tasks)
        self.assertAlmostEqual(post.staff_need_raw, 3.0)
        self.assertEqual(post.staff_need, 3)

    def test_jke_by_year_and_settings(self):
        post = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS, year=2019)
        self.assertEqual(post.jke_minutes, 72000)
        self.assertAlmostEqual(post.staff_need_raw, 0.6217)
        post.abk_year = 2003
        self.assertFalse(post.jke_minutes)
        self.assertFalse(post.staff_need)
        self.assertEqual(post.efficiency_text, "Undefined: no JKE for the ABK year")
        post.abk_year = 2026
        self.assertAlmostEqual(post.staff_need_raw, 0.5968)
        # the settings are data: a change recomputes the posts
        jke = self.env.ref("sop_jabatan.jke_2020")
        jke.with_user(self.admin_sop).write({"rounding": "down"})
        self.assertEqual(post.staff_need, 0)
        self.env["sop.jabatan.jke"].with_user(self.admin_sop).create(
            {"year_from": 2025, "minutes": 44760, "source": "Uji"}
        )
        self.assertAlmostEqual(post.staff_need_raw, 1.0)
        self.assertEqual(post.staff_need, 1)
        self._staff(post, ["pns"])
        self.assertEqual(post.efficiency_band_id.code, "B", "EJ 1.00 is in band B (0.90-1.00)")
        self.env.ref("sop_jabatan.band_b").with_user(self.admin_sop).write({"upper_inclusive": False})
        self.assertFalse(post.efficiency_band_id, "1.00 is then in no band (A starts above 1.00)")

    def test_settings_are_the_administrators(self):
        jke = self.env.ref("sop_jabatan.jke_2020")
        for user in (self.staff, self.liaison_a, self.internal):
            with self.assertRaises(AccessError):
                jke.with_user(user).write({"minutes": 1})
        self.assertEqual(jke.with_user(self.internal).minutes, 75000, "everyone reads the settings")

    def test_opd_recap(self):
        post = self._post("Guru Kelas", self.unit_a1, TEACHER_TASKS)
        self._staff(post, ["pns"] * 5)
        other = self._post("Analis Kebijakan", self.opd_a, [("Menyusun kajian", 10, 6000, "minutes")])
        self.assertEqual(other.staff_gap, -1)
        recap = self.opd_a.with_user(self.staff)
        self.assertEqual(recap.abk_post_count, 2)
        self.assertAlmostEqual(recap.abk_workload_minutes, 104760)
        self.assertEqual(recap.abk_staff_need, 2)
        self.assertEqual(recap.abk_staff_in_post, 5)
        self.assertEqual(recap.abk_staff_gap, 3)
        # EU = 104,760 / (5 x 75,000) = 0.2794 -> E
        self.assertEqual(recap.abk_efficiency_text, "0.2794 (E)")
        self.assertEqual(self.opd_b.abk_efficiency_text, "Undefined: nobody in post")


@tagged("post_install", "-at_install")
class TestPostForms(JabatanCase):
    """New and Save of the post form with its task lines, as the liaison and the division staff."""

    def test_liaison_fills_in_his_opd(self):
        form = Form(self.env["hr.job"].with_user(self.liaison_a), view=FORM)
        self.assertEqual(form.department_id, self.opd_a, "the liaison's OPD is proposed")
        form.name = "Pengolah Data Pendidikan"
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
        post = form.save()
        self.assertEqual(post.opd_id, self.opd_a)
        self.assertAlmostEqual(post.workload_minutes, 12 * 150 + 4 * 300)
        self.assertAlmostEqual(post.staff_need_raw, 0.04)
        # he edits it again
        with Form(post.with_user(self.liaison_a), view=FORM) as form:
            with form.task_ids.edit(1) as task:
                task.volume = 8
        self.assertAlmostEqual(post.workload_minutes, 12 * 150 + 8 * 300)

    def test_liaison_only_his_opd(self):
        Task = self.env["sop.jabatan.task"].with_user(self.liaison_a)
        self.assertFalse(Task.search([("post_id", "=", self.post_b.id)]), "he does not see OPD B's tasks")
        with self.assertRaises(AccessError):
            self.post_b.with_user(self.liaison_a).write({"job_code": "X"})
        with self.assertRaises(AccessError):
            Task.create({"post_id": self.post_b.id, "name": "Menyusup"})
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.liaison_a).read(["name"])
        with self.assertRaises(AccessError):
            self.env["hr.job"].with_user(self.liaison_a).create({"name": "Pos B", "department_id": self.opd_b.id})
        post = self._post("Guru Kelas", self.opd_a, TEACHER_TASKS[:1])
        with self.assertRaises(AccessError):
            post.with_user(self.liaison_a).write({"department_id": self.opd_b.id})
        with self.assertRaises(AccessError):
            post.task_ids.with_user(self.liaison_a).write({"post_id": self.post_b.id})
        with self.assertRaises(AccessError), Form(self.env["hr.job"].with_user(self.liaison_a), view=FORM) as form:
            form.name = "Pos di OPD lain"
            form.department_id = self.opd_b

    def test_staff_fills_in_every_opd(self):
        form = Form(self.env["hr.job"].with_user(self.staff), view=FORM)
        form.name = "Kepala Dinas Kesehatan"
        form.department_id = self.opd_b
        form.job_kind = "jpt_pratama"
        with form.task_ids.new() as task:
            task.name = "Memimpin dinas"
            task.volume = 1
            task.standard_time = 1250
            task.time_unit = "hours"
        post = form.save()
        self.assertEqual(post.opd_id, self.opd_b)
        self.assertEqual(post.staff_need, 1)
        # a functional level goes with a functional post only
        with Form(post.with_user(self.staff), view=FORM) as form:
            form.job_kind = "fungsional"
            form.functional_level = "ahli_madya"
        self.assertEqual(post.functional_level, "ahli_madya")
        with Form(post.with_user(self.staff), view=FORM) as form:
            form.job_kind = "jpt_pratama"
        self.assertFalse(post.functional_level, "cleared with the kind")
        with self.assertRaises(ValidationError):
            post.write({"functional_level": "ahli_muda"})
        self.post_b.with_user(self.staff).write({"parent_id": post.id})
        self.assertEqual(post.child_ids, self.post_b)
        with self.assertRaises(ValidationError):
            post.with_user(self.staff).write({"parent_id": self.post_b.id})
        with Form(self.task_b.post_id.with_user(self.staff), view=FORM) as form:
            with form.task_ids.edit(0) as task:
                task.volume = 200

    def test_others_read_only(self):
        self.assertEqual(self.post_b.with_user(self.internal).staff_need_raw, self.post_b.staff_need_raw)
        self.assertEqual(self.task_b.with_user(self.internal).name, "Mengolah data")
        with self.assertRaises(AccessError):
            self.task_b.with_user(self.internal).write({"volume": 1})
        with self.assertRaises(AccessError):
            self.post_b.with_user(self.internal).write({"job_code": "X"})


@tagged("post_install", "-at_install")
class TestPostOpd(JabatanCase):
    def test_opd_follows_the_units(self):
        """A post of a sub-unit belongs to the OPD above it, and follows when the units change."""
        post = self._post("Guru Kelas", self.unit_a1, TEACHER_TASKS)
        self.assertEqual(post.opd_id, self.opd_a)
        self.unit_a1.is_opd = True
        self.assertEqual(post.opd_id, self.unit_a1, "the unit itself became an OPD")
        self.unit_a1.is_opd = False
        self.unit_a1.parent_id = self.opd_b
        self.assertEqual(post.opd_id, self.opd_b, "the unit moved to another OPD")
        self.assertIn(post, self.opd_b.sop_job_ids)
        post.department_id = False
        self.assertFalse(post.opd_id)
