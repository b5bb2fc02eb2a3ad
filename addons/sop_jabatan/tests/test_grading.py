from odoo.addons.sop_organisasi.tests.no_english import NoEnglishCase
from odoo.addons.sop_organisasi.tests.no_english import screen_strings
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

# a typical administrative pelaksana: 1-3, 2-2, 3-2, 4-2, 5-2, 6-2, 7-1, 8-1, 9-1 = 805 points, kelas 6
PELAKSANA_LEVELS = {"F1": 3, "F2": 2, "F3": 2, "F4": 2, "F5": 2, "F6": 2, "F7": 1, "F8": 1, "F9": 1}


@tagged("post_install", "-at_install")
class TestGrading(TransactionCase):
    """Job grading on the post sheets of an OPD's job data: a liaison grades his OPD's draft, the figures
    follow the tables while it is a draft and are kept once it is effective."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Department = cls.env["hr.department"]
        cls.opd = Department.create({"name": "Dinas Grading", "is_opd": True})
        cls.other_opd = Department.create({"name": "Dinas Lain", "is_opd": True})
        cls.liaison = new_test_user(
            cls.env, "grading_liaison", groups="base.group_user,sop_organisasi.group_sop_opd_user"
        )
        cls.staff = new_test_user(cls.env, "grading_staff", groups="base.group_user,sop_organisasi.group_sop_user")
        cls.opd.liaison_user_ids = [(4, cls.liaison.id)]
        Job = cls.env["hr.job"]
        cls.pelaksana = Job.create(
            {"name": "Pengadministrasi Umum", "department_id": cls.opd.id, "job_kind": "pelaksana"}
        )
        cls.kabid = Job.create(
            {"name": "Kepala Bidang Grading", "department_id": cls.opd.id, "job_kind": "administrator"}
        )
        cls.analysis = cls.env["sop.jabatan.analysis"].create({"opd_id": cls.opd.id, "year": 2026})
        Sheet = cls.env["sop.jabatan.sheet"]
        task = {"name": "Mengolah surat", "volume": 100, "standard_time": 30}
        cls.sheet = Sheet.create(
            {"analysis_id": cls.analysis.id, "post_id": cls.pelaksana.id, "task_ids": [(0, 0, task)]}
        )
        cls.kabid_sheet = Sheet.create(
            {"analysis_id": cls.analysis.id, "post_id": cls.kabid.id, "task_ids": [(0, 0, task)]}
        )
        cls.Factor = cls.env["sop.jabatan.grading.factor"]
        cls.Line = cls.env["sop.jabatan.grading.line"]

    def _level(self, scheme, code, level):
        return self.env["sop.jabatan.grading.factor.level"].search(
            [("factor_id.scheme", "=", scheme), ("factor_id.code", "=", code), ("level", "=", level)]
        )

    def _grade_as_liaison(self, sheet, levels, justify=True):
        sheet = sheet.with_user(self.liaison)
        sheet.action_load_grading_factors()
        with Form(sheet) as form:
            for index in range(len(form.grading_line_ids)):
                with form.grading_line_ids.edit(index) as line:
                    code = line.factor_id.code
                    line.level_id = self._level(sheet.grading_scheme, code, levels[code])
                    if justify:
                        line.justification = f"Uraian tugas jabatan sesuai tingkat {code}"
        return sheet

    # ---------------------------------------------------------------- the tables
    def test_shipped_tables(self):
        structural = self.Factor.search([("scheme", "=", "structural")])
        functional = self.Factor.search([("scheme", "=", "functional")])
        self.assertEqual(structural.mapped("code"), ["F1", "F2", "F3", "F4a", "F4b", "F5", "F6"])
        self.assertEqual(functional.mapped("code"), [f"F{n}" for n in range(1, 10)])
        self.assertEqual(functional[0].level_ids.mapped("points"), [50, 200, 350, 550, 750, 950, 1250, 1550, 1850])
        self.assertEqual(structural[5].level_ids.mapped("points"), [75, 205, 340, 505, 650, 800, 930, 1030])
        self.assertTrue(all(structural.level_ids.mapped("descriptor") + functional.level_ids.mapped("descriptor")))
        Band = self.env["sop.jabatan.grading.band"]
        self.assertEqual(len(Band.search([])), 17)
        self.assertEqual([Band._kelas_for(p) for p in (189, 190, 240, 241, 4050, 4051)], [None, 1, 1, 2, 16, 17])

    def test_band_table_refuses_overlaps_and_shows_gaps(self):
        band_1 = self.env.ref("sop_jabatan.grading_band_1")
        band_2 = self.env.ref("sop_jabatan.grading_band_2")
        with self.assertRaises(ValidationError):
            band_1.max_points = 250  # kelas 1 and 2 would overlap
        band_2.min_points = 246  # first step of moving the limit: a gap, shown
        self.assertTrue(band_1.problem)
        self.assertIsNone(self.env["sop.jabatan.grading.band"]._kelas_for(243))
        band_1.max_points = 245
        self.assertFalse(band_1.problem)
        self.assertEqual(self.env["sop.jabatan.grading.band"]._kelas_for(243), 1)

    def test_only_the_administrator_edits_the_tables(self):
        level = self._level("functional", "F1", 1)
        with self.assertRaises(AccessError):
            level.with_user(self.staff).points = 60
        with self.assertRaises(AccessError):
            self.env.ref("sop_jabatan.grading_band_1").with_user(self.liaison).min_points = 180

    # ---------------------------------------------------------------- a liaison grades
    def test_liaison_grades_a_draft_sheet(self):
        sheet = self._grade_as_liaison(self.sheet, PELAKSANA_LEVELS)
        self.assertEqual(sheet.grading_scheme, "functional")
        self.assertEqual(len(sheet.grading_line_ids), 9)
        self.assertEqual(sheet.total_points, 805)
        self.assertTrue(sheet.grading_complete)
        self.assertEqual(sheet.grading_kelas, 6)
        self.assertIn("6", sheet.grading_kelas_text)

    def test_structural_scheme_by_kind(self):
        sheet = self.kabid_sheet.with_user(self.liaison)
        sheet.action_load_grading_factors()
        self.assertEqual(sheet.grading_scheme, "structural")
        self.assertEqual(sheet.grading_line_ids.mapped("factor_id.code"), ["F1", "F2", "F3", "F4a", "F4b", "F5", "F6"])
        self.assertFalse(sheet.grading_complete)
        self.assertEqual(sheet.grading_kelas, 0)
        # the kind changes: loading again replaces the factors by the other scheme's
        sheet.job_kind = "pelaksana"
        sheet.action_load_grading_factors()
        self.assertEqual(len(sheet.grading_line_ids), 9)
        self.assertEqual(set(sheet.grading_line_ids.mapped("scheme")), {"functional"})

    def test_level_must_be_of_the_factor(self):
        self.sheet.action_load_grading_factors()
        line = self.sheet.grading_line_ids.filtered(lambda line: line.factor_id.code == "F2")
        with self.assertRaises(ValidationError):
            line.with_user(self.liaison).level_id = self._level("functional", "F3", 1)

    def test_liaison_cannot_grade_another_opd(self):
        post = self.env["hr.job"].create(
            {"name": "Pengadministrasi Lain", "department_id": self.other_opd.id, "job_kind": "pelaksana"}
        )
        analysis = self.env["sop.jabatan.analysis"].create({"opd_id": self.other_opd.id, "year": 2026})
        sheet = self.env["sop.jabatan.sheet"].create({"analysis_id": analysis.id, "post_id": post.id})
        sheet.action_load_grading_factors()
        with self.assertRaises(AccessError):
            sheet.grading_line_ids[0].with_user(self.liaison).level_id = self._level("functional", "F1", 1)

    def test_submit_needs_justifications(self):
        self._grade_as_liaison(self.sheet, PELAKSANA_LEVELS, justify=False)
        with self.assertRaises(UserError):
            self.analysis.with_user(self.liaison)._sop_check_complete()

    # ---------------------------------------------------------------- versions
    def _refused(self, call):
        try:
            with self.env.cr.savepoint():
                call()
        except (UserError, AccessError):
            return True
        return False

    def _make_effective(self):
        self._grade_as_liaison(self.sheet, PELAKSANA_LEVELS)
        approver = self.env.ref("base.user_admin")
        approver.groups_id = [(4, self.env.ref("sop_organisasi.group_sop_approver").id)]
        self.analysis.with_user(self.liaison).action_submit()
        self.analysis.with_user(self.staff).action_verify()
        if self.analysis.state == "review":
            self.analysis.with_user(approver).validate_tier()
        self.assertEqual(self.analysis.state, "effective")

    def test_effective_grading_cannot_change(self):
        self._make_effective()
        line = self.sheet.grading_line_ids[0]
        for user in (self.liaison, self.staff):
            as_user = line.with_user(user)
            self.assertTrue(
                self._refused(lambda as_user=as_user: as_user.write({"level_id": line.factor_id.level_ids[-1].id}))
            )
            self.assertTrue(self._refused(lambda as_user=as_user: as_user.write({"justification": "changed"})))
            self.assertTrue(self._refused(as_user.unlink))
            self.assertTrue(self._refused(self.sheet.with_user(user).action_load_grading_factors))
            other_factor = self.Factor.search([("scheme", "=", "structural")], limit=1)
            new_line = {"sheet_id": self.sheet.id, "factor_id": other_factor.id}
            self.assertTrue(self._refused(lambda user=user, vals=new_line: self.Line.with_user(user).create(vals)))
        self.assertEqual(line.level_id.level, 3)
        self.assertEqual(self.pelaksana.grading_kelas, 6)
        self.assertEqual(self.pelaksana.grading_total_points, 805)

    def test_table_changes_reach_drafts_only(self):
        self._make_effective()
        revision = self.analysis._sop_open_revision()
        new_sheet = revision.sheet_ids.filtered(lambda s: s.post_id == self.pelaksana)
        self.assertEqual(len(new_sheet.grading_line_ids), 9)  # the revision copies the grading
        self.assertEqual(new_sheet.total_points, 805)
        self._level("functional", "F1", 3).points = 400
        self.assertEqual(new_sheet.total_points, 855)
        self.assertEqual(new_sheet.grading_kelas, 7)
        self.assertEqual(self.sheet.total_points, 805)  # the effective version keeps its figures
        self.assertEqual(self.sheet.grading_kelas, 6)
        self.env.ref("sop_jabatan.grading_band_7").min_points = 860  # 851..859 fall in a gap now
        self.assertEqual(new_sheet.grading_kelas, 0)
        self.assertEqual(self.sheet.grading_kelas, 6)

    # ---------------------------------------------------------------- reports
    def test_reports(self):
        self._grade_as_liaison(self.sheet, PELAKSANA_LEVELS)
        self.analysis.grading_team_ids = [(0, 0, {"role": "chair", "name": "Ketua Tim Uji"})]
        Report = self.env["ir.actions.report"].with_user(self.liaison)
        html = str(Report._render_qweb_html("sop_jabatan.action_report_grading_factor_info", self.sheet.ids)[0])
        self.assertIn("INFORMASI FAKTOR JABATAN", html)
        self.assertIn("Uraian tugas jabatan sesuai tingkat F7", html)
        html = str(Report._render_qweb_html("sop_jabatan.action_report_grading_result", self.analysis.ids)[0])
        self.assertIn("HASIL EVALUASI JABATAN", html)
        self.assertIn("805", html)
        html = str(Report._render_qweb_html("sop_jabatan.action_report_grading_minutes", self.analysis.ids)[0])
        self.assertIn("BERITA ACARA", html)
        self.assertIn("Ketua Tim Uji", html)


GRADING_SCREENS = [
    ("sop.jabatan.grading.factor", "sop_jabatan.sop_jabatan_grading_factor_view_list", "list"),
    ("sop.jabatan.grading.factor", "sop_jabatan.sop_jabatan_grading_factor_view_form", "form"),
    ("sop.jabatan.grading.factor", "sop_jabatan.sop_jabatan_grading_factor_view_search", "search"),
    ("sop.jabatan.grading.factor.level", "sop_jabatan.sop_jabatan_grading_factor_level_view_list", "list"),
    ("sop.jabatan.grading.factor.level", "sop_jabatan.sop_jabatan_grading_factor_level_view_search", "search"),
    ("sop.jabatan.grading.band", "sop_jabatan.sop_jabatan_grading_band_view_list", "list"),
    ("sop.jabatan.analysis", "sop_jabatan.sop_jabatan_analysis_view_form", "form"),
]


@tagged("post_install", "-at_install")
class TestGradingScreensIndonesian(NoEnglishCase):
    maxDiff = None

    def test_grading_screens_are_indonesian(self):
        found = self.untranslated(GRADING_SCREENS)
        self.assertEqual([line for line in found if "grading" in line.lower() or "kelas" in line.lower()], [])
        sheet_form = screen_strings(self.env_id, "sop.jabatan.sheet", "sop_jabatan.sop_jabatan_sheet_view_form", "form")
        self.assertIn(("page@string", "Evaluasi Jabatan"), sheet_form)
        self.assertIn(("total_points label", "Jumlah Nilai"), sheet_form)

    def test_kelas_text_in_indonesian(self):
        sheet = self.env_id["sop.jabatan.sheet"].new({"job_kind": "pelaksana"})
        self.assertEqual(sheet.grading_kelas_text, "Tidak terdefinisi: belum semua faktor dinilai")
