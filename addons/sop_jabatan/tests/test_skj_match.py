import base64
import io
from unittest.mock import patch

import openpyxl
from lxml import etree

from odoo.addons.sop_organisasi.tests.no_english import NoEnglishCase
from odoo.addons.sop_organisasi.tests.no_english import screen_strings
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from ..tools import skj_assessment_xlsx
from .common import JabatanCase
from .test_anjab import _two_pages
from .test_skj_match_arithmetic import workbook

NIP_BUDI = "198001012005011003"
NIP_SITI = "198502022010012004"
NIP_EKO = "199003032015031005"


@tagged("post_install", "-at_install")
class TestSkjMatch(JabatanCase):
    """Who meets the standard (docs/jabatan.md): the holders of a post with an effective SKJ, their assessed
    levels (hr_skills), the JPM and its category, the training needs, the import of assessment results, the gap
    report, and who sees what."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Job = cls.env["hr.job"]
        cls.post_a = Job.create(
            {"name": "Kepala Seksi Kurikulum", "department_id": cls.opd_a.id, "job_kind": "pengawas"}
        )
        cls.post_b2 = Job.create({"name": "Kepala Seksi Gizi", "department_id": cls.opd_b.id, "job_kind": "pengawas"})
        cls.skj_a = cls._effective_skj(cls.post_a)
        cls.skj_b = cls._effective_skj(cls.post_b2)
        Employee = cls.env["hr.employee"]
        cls.budi = Employee.create({"name": "Budi Santoso", "job_id": cls.post_a.id, "identification_id": NIP_BUDI})
        cls.siti = Employee.create({"name": "Siti Aminah", "job_id": cls.post_a.id, "identification_id": NIP_SITI})
        cls.eko = Employee.create({"name": "Eko Prasetyo", "job_id": cls.post_b2.id, "identification_id": NIP_EKO})
        cls.hr_officer = new_test_user(cls.env, "skj_hr_officer", groups="base.group_user,hr.group_hr_user")
        cls.skills = {line.skill_id.name: line.skill_id for line in cls.skj_a.competency_ids}
        # Budi: all 9 at level 2 but Integritas 1 and Komunikasi 3 (17 of 18); Siti: only Integritas (3)
        cls._assess(cls.budi, dict.fromkeys(cls.skills, 2) | {"Integritas": 1, "Komunikasi": 3})
        cls._assess(cls.siti, {"Integritas": 3})

    @classmethod
    def _effective_skj(cls, post, year=2026):
        """The SKJ of ``post`` in an effective SKJ of its OPD (the flow is tested with the SKJ documents)."""
        skj_set = cls.env["sop.jabatan.skj.set"].create({"opd_id": post.opd_id.id, "year": year})
        skj = cls.env["sop.jabatan.skj"].create({"skj_set_id": skj_set.id, "post_id": post.id})
        cls.env.flush_all()
        cls.env.cr.execute("UPDATE sop_jabatan_skj_set SET state = 'effective' WHERE id = %s", [skj_set.id])
        cls.env.invalidate_all()
        return skj

    @classmethod
    def _assess(cls, employee, levels):
        EmployeeSkill = cls.env["hr.employee.skill"].sudo()
        for name, level in levels.items():
            skill = cls.skills[name]
            skill_level = skill.skill_type_id.skill_level_ids.filtered(
                lambda lvl, level=level: lvl.level_progress == 20 * level
            )
            EmployeeSkill.create(
                {
                    "employee_id": employee.id,
                    "skill_id": skill.id,
                    "skill_type_id": skill.skill_type_id.id,
                    "skill_level_id": skill_level.id,
                }
            )
        cls.env.flush_all()

    def _spec(self, model, view_type):
        """The fields of the view as a web_read specification (what the screen reads)."""
        arch = etree.fromstring(model.get_views([(False, view_type)])["views"][view_type]["arch"])
        spec = {}
        for node in arch.xpath("//field[not(ancestor::field)]"):
            name = node.get("name")
            field = model._fields[name]
            if field.type == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif field.type == "one2many":
                lines = model.env[field.comodel_name]
                names = [sub.get("name") for sub in node.xpath(".//list//field")]
                spec[name] = {
                    "fields": {
                        sub: {"fields": {"display_name": {}}} if lines._fields[sub].type == "many2one" else {}
                        for sub in names
                    }
                }
            else:
                spec[name] = {}
        return spec

    def _holders(self, user):
        Holder = self.env["sop.jabatan.skj.holder"].with_user(user)
        result = Holder.web_search_read([], self._spec(Holder, "list"))
        return {row["employee_name"]: row for row in result["records"]}

    def test_match_of_a_holder_through_the_screens(self):
        rows = self._holders(self.staff)
        self.assertEqual(set(rows), {"Budi Santoso", "Siti Aminah", "Eko Prasetyo"})
        budi = rows["Budi Santoso"]
        self.assertEqual(budi["post_id"]["display_name"], "Kepala Seksi Kurikulum")
        self.assertEqual((budi["competency_count"], budi["not_assessed_count"], budi["training_need_count"]), (9, 0, 1))
        self.assertAlmostEqual(
            budi["jpm"], 94.44, places=2, msg="17 / 18: the level above does not make up for one below"
        )
        self.assertEqual(budi["category_id"]["display_name"], "Optimal")
        self.assertFalse(budi["meets_standard"])
        siti = rows["Siti Aminah"]
        self.assertAlmostEqual(siti["jpm"], 11.11, places=2, msg="2 / 18: eight competencies not assessed count 0")
        self.assertEqual((siti["not_assessed_count"], siti["training_need_count"]), (8, 0))
        self.assertEqual(siti["category_id"]["display_name"], "Kurang Optimal")
        eko = rows["Eko Prasetyo"]
        self.assertEqual((eko["jpm"], eko["not_assessed_count"]), (0.0, 9))
        # the holder's form: a line per competency with the level required and assessed, and the gap
        Holder = self.env["sop.jabatan.skj.holder"].with_user(self.staff)
        form = Holder.browse(budi["id"]).web_read(self._spec(Holder, "form"))[0]
        lines = {line["skill_id"]["display_name"]: line for line in form["match_ids"]}
        self.assertEqual(len(lines), 9)
        self.assertEqual((lines["Integritas"]["assessed_level"], lines["Integritas"]["gap"]), (1, -1))
        self.assertTrue(lines["Integritas"]["training_need"])
        self.assertEqual((lines["Komunikasi"]["assessed_level"], lines["Komunikasi"]["gap"]), (3, 1))
        self.assertFalse(lines["Komunikasi"]["training_need"])
        # from the post's form: its holders
        form_view = self.env.ref("sop_jabatan.hr_job_view_form_sop_jabatan")
        for user, shown in ((self.staff, True), (self.liaison_a, True), (self.internal, False)):
            arch = self.env["hr.job"].with_user(user).get_views([(form_view.id, "form")])["views"]["form"]["arch"]
            self.assertEqual("search_default_post_id" in arch, shown, user.login)
        post_holders = Holder.web_search_read([("post_id", "=", self.post_a.id)], {"employee_name": {}})["records"]
        self.assertEqual(sorted(r["employee_name"] for r in post_holders), ["Budi Santoso", "Siti Aminah"])

    def test_group_jpm_is_the_sum_of_levels(self):
        Match = self.env["sop.jabatan.skj.match"].with_user(self.staff)
        groups = Match.read_group([("post_id", "=", self.post_a.id)], ["jpm", "required_level:sum"], ["post_id"])
        # Budi 17 + Siti 2 of 36: not the mean of the rows' percentages
        self.assertEqual(groups[0]["required_level"], 36)
        self.assertAlmostEqual(groups[0]["jpm"], 52.78, places=2)
        needs = self.env["sop.jabatan.training.need"].with_user(self.staff).search([("employee_count", ">", 0)])
        self.assertEqual(
            [(n.skill_id.name, n.required_level, n.employee_count, n.opd_names) for n in needs],
            [("Integritas", 2, 1, "Dinas Pendidikan")],
        )

    def test_an_assessment_changes_the_match(self):
        self.env["hr.employee.skill"].sudo().search(
            [("employee_id", "=", self.budi.id), ("skill_id", "=", self.skills["Integritas"].id)]
        ).skill_level_id = self.skills["Integritas"].skill_type_id.skill_level_ids.filtered(
            lambda lvl: lvl.level_progress == 40
        )
        self.env.flush_all()
        holder = self.env["sop.jabatan.skj.holder"].with_user(self.staff).browse(self.budi.id)
        self.assertEqual((holder.jpm, holder.category_id.name, holder.meets_standard), (100.0, "Optimal", True))

    def test_liaison_sees_his_opd_only(self):
        rows = self._holders(self.liaison_a)
        self.assertEqual(set(rows), {"Budi Santoso", "Siti Aminah"}, "not the holders of Dinas Kesehatan")
        Match = self.env["sop.jabatan.skj.match"].with_user(self.liaison_a)
        self.assertEqual(Match.search([]).mapped("opd_id"), self.opd_a)
        self.assertFalse(Match.search([("employee_id", "=", self.eko.id)]))
        with self.assertRaises(AccessError):
            self.env["sop.jabatan.training.need"].with_user(self.liaison_a).search([])
        wizard = self.env["sop.jabatan.skj.gap.wizard"].with_user(self.liaison_a).create({})
        self.assertEqual([h["employee"] for h in wizard._sop_holders()], ["Budi Santoso", "Siti Aminah"])

    def test_assessed_levels_are_personal_data(self):
        for model in ("sop.jabatan.skj.match", "sop.jabatan.skj.holder", "sop.jabatan.training.need"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(self.internal).search([])
        # Odoo's hr_skills shows every employee's skills to every internal user: not the competency levels
        EmployeeSkill = self.env["hr.employee.skill"]
        self.assertFalse(EmployeeSkill.with_user(self.internal).search([("employee_id", "=", self.budi.id)]))
        self.assertEqual(len(EmployeeSkill.with_user(self.hr_officer).search([("employee_id", "=", self.budi.id)])), 9)
        budi_user = new_test_user(self.env, "skj_budi", groups="base.group_user")
        self.budi.user_id = budi_user
        own = EmployeeSkill.with_user(budi_user).search([("employee_id", "=", self.budi.id)])
        self.assertEqual(len(own), 9, "the employee sees his own levels")
        with self.assertRaises(AccessError):
            own[0].with_user(budi_user).skill_level_id = own[0].skill_type_id.skill_level_ids[-1]
        with self.assertRaises(AccessError):
            self.env["sop.jabatan.skj.assessment.wizard"].with_user(self.liaison_a).create({})

    # ------------------------------------------------------------------ import
    def _import(self, user, rows):
        wizard = (
            self.env["sop.jabatan.skj.assessment.wizard"]
            .with_user(user)
            .create({"file": base64.b64encode(workbook(rows)), "filename": "hasil.xlsx"})
        )
        wizard.action_import()
        return wizard

    def _level(self, employee, name):
        record = (
            self.env["hr.employee.skill"]
            .sudo()
            .search([("employee_id", "=", employee.id), ("skill_id", "=", self.skills[name].id)])
        )
        return record.skill_level_id.level_progress // 20 if record else None

    def test_import_assessment_results(self):
        wizard = self._import(
            self.staff,
            [
                [NIP_EKO, "", "Integritas", 3],
                ["1990 0303 2015 03 1 005", "", "Kerja Sama", "Level 2"],
                ["", "Siti Aminah", "Integritas", 4],
            ],
        )
        self.assertIn("3", wizard.result)
        self.assertEqual((self._level(self.eko, "Integritas"), self._level(self.eko, "Kerja Sama")), (3, 2))
        self.assertEqual(self._level(self.siti, "Integritas"), 4, "replaced")
        eko = self.env["sop.jabatan.skj.holder"].with_user(self.staff).browse(self.eko.id)
        self.assertAlmostEqual(eko.jpm, 22.22, places=2, msg="2 + 2 of 18")
        # HR officers import as well
        self._import(self.hr_officer, [[NIP_EKO, "", "Komunikasi", 1]])
        self.assertEqual(self._level(self.eko, "Komunikasi"), 1)

    def test_import_is_all_or_nothing(self):
        with self.assertRaises(UserError) as caught:
            self._import(
                self.staff,
                [
                    [NIP_EKO, "", "Integritas", 3],
                    ["199901012020011001", "", "Integritas", 3],
                    [NIP_EKO, "", "Kejujuran", 3],
                    [NIP_EKO, "", "Komunikasi", 7],
                ],
            )
        message = str(caught.exception)
        self.assertIn("Penilaian!A5: unknown employee '199901012020011001'", message)
        self.assertIn("Penilaian!C6: unknown competency 'Kejujuran'", message)
        self.assertIn("Penilaian!D7: '7' is not a level from 1 to 5", message)
        self.assertIsNone(self._level(self.eko, "Integritas"), "nothing imported")

    def test_import_bounds(self):
        rows = [[NIP_EKO, "", "Integritas", 3]] * (skj_assessment_xlsx.LIMITS.rows + 1)
        with self.assertRaises(UserError) as caught:
            self._import(self.staff, rows)
        self.assertIn("too large", str(caught.exception))
        with self.assertRaises(UserError):
            wizard = (
                self.env["sop.jabatan.skj.assessment.wizard"]
                .with_user(self.staff)
                .create({"file": base64.b64encode(b"PK not a workbook"), "filename": "x.xlsx"})
            )
            wizard.action_import()
        self.assertIsNone(self._level(self.eko, "Integritas"))

    def test_template_of_an_opd(self):
        wizard = self.env["sop.jabatan.skj.assessment.wizard"].with_user(self.staff).create({"opd_id": self.opd_a.id})
        action = wizard.action_template()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        rows = list(book["Penilaian"].iter_rows(min_row=4, values_only=True))
        self.assertEqual(len(rows), 18, "two holders x nine competencies")
        self.assertIn((NIP_BUDI, "Budi Santoso", "Integritas", 1), rows)
        self.assertIn((NIP_SITI, "Siti Aminah", "Kerja Sama", None), rows)

    # ------------------------------------------------------------------ report and settings
    def test_gap_report(self):
        wizard = self.env["sop.jabatan.skj.gap.wizard"].with_user(self.staff).create({"opd_id": self.opd_a.id})
        report = self.env["ir.actions.report"].with_user(self.staff)
        html = report._render_qweb_html("sop_jabatan.action_report_skj_gap", wizard.ids)[0].decode()
        for text in (
            "KESENJANGAN KOMPETENSI",
            "Kepala Seksi Kurikulum",
            "Budi Santoso",
            "94.44",
            "Kurang Optimal",
            "Kebutuhan Pelatihan",
            "Integritas",
        ):
            self.assertIn(text, html)
        self.assertNotIn("Eko Prasetyo", html)
        # wkhtmltopdf replaced by a stand-in: it would fetch the assets from an HTTP server this test blocks
        with patch.object(type(report), "_run_wkhtmltopdf", _two_pages):
            pdf = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                "sop_jabatan.action_report_skj_gap", wizard.ids
            )[0]
        self.assertEqual(PdfFileReader(io.BytesIO(pdf)).getNumPages(), 2)
        city = self.env["sop.jabatan.skj.gap.wizard"].with_user(self.staff).create({})
        html = report._render_qweb_html("sop_jabatan.action_report_skj_gap", city.ids)[0].decode()
        self.assertIn("Dinas Kesehatan", html)
        action = city.action_xlsx()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))
        self.assertEqual(book.sheetnames, ["Ringkasan", "JPM", "Kebutuhan Pelatihan"])
        holders = {row[3]: row for row in book["JPM"].iter_rows(min_row=5, values_only=True)}
        self.assertEqual(holders["Budi Santoso"][4], NIP_BUDI, "a NIP stays text")
        self.assertAlmostEqual(holders["Budi Santoso"][9], 94.44)
        self.assertEqual(holders["Budi Santoso"][11], "Integritas 1/2")
        self.assertIsNone(holders["Eko Prasetyo"][11])
        total = list(book["Ringkasan"].iter_rows(min_row=5, values_only=True))[-1]
        self.assertEqual(total[1:4], (3, 1, 0), "3 holders, 1 fully assessed, none meets the standard")

    def test_categories_are_settings(self):
        Band = self.env["sop.jabatan.jpm.band"]
        with self.assertRaises(AccessError):
            Band.with_user(self.staff).create({"name": "Baik", "min_percent": 80, "source": "x"})
        with Form(Band.with_user(self.admin_sop)) as form:
            form.name = "Sangat Optimal"
            form.min_percent = 100
            form.source = "Kota"
        self.env.flush_all()
        self.assertEqual(self.env["sop.jabatan.skj.holder"].browse(self.budi.id).category_id.name, "Optimal")
        with self.assertRaises(ValidationError):
            Band.with_user(self.admin_sop).create({"name": "Dua", "min_percent": 90, "source": "x"})


# the screens of "who meets the standard", as an Indonesian user sees them
SCREENS = [
    ("sop.jabatan.skj.holder", "sop_jabatan.sop_jabatan_skj_holder_view_list", "list"),
    ("sop.jabatan.skj.holder", "sop_jabatan.sop_jabatan_skj_holder_view_form", "form"),
    ("sop.jabatan.skj.holder", "sop_jabatan.sop_jabatan_skj_holder_view_search", "search"),
    ("sop.jabatan.skj.holder", "sop_jabatan.sop_jabatan_skj_holder_view_pivot", "pivot"),
    ("sop.jabatan.skj.match", "sop_jabatan.sop_jabatan_skj_match_view_list", "list"),
    ("sop.jabatan.skj.match", "sop_jabatan.sop_jabatan_skj_match_view_search", "search"),
    ("sop.jabatan.skj.match", "sop_jabatan.sop_jabatan_skj_match_view_pivot", "pivot"),
    ("sop.jabatan.training.need", "sop_jabatan.sop_jabatan_training_need_view_list", "list"),
    ("sop.jabatan.training.need", "sop_jabatan.sop_jabatan_training_need_view_search", "search"),
    ("sop.jabatan.jpm.band", "sop_jabatan.sop_jabatan_jpm_band_view_list", "list"),
    ("sop.jabatan.skj.gap.wizard", "sop_jabatan.sop_jabatan_skj_gap_wizard_view_form", "form"),
    ("sop.jabatan.skj.assessment.wizard", "sop_jabatan.sop_jabatan_skj_assessment_wizard_view_form", "form"),
]


@tagged("post_install", "-at_install")
class TestSkjMatchScreensIndonesian(NoEnglishCase):
    def test_match_screens_are_indonesian(self):
        self.assertNoEnglish(SCREENS)
        form = screen_strings(self.env_id, *SCREENS[1][:2], "form")
        self.assertIn(("jpm label", "JPM (%)"), form)
        with self.assertRaises(UserError) as caught:
            self.env_id["sop.jabatan.skj.assessment.wizard"].create(
                {"file": base64.b64encode(workbook([["", "Tidak Ada", "Integritas", 9]]))}
            ).action_import()
        self.assertIn("Penilaian!B4: pegawai 'Tidak Ada' tidak dikenal", str(caught.exception))
        self.assertIn("Penilaian!D4: '9' bukan level 1 sampai 5", str(caught.exception))
