import base64
import contextlib
import io

import openpyxl

from odoo.addons.sop_organisasi.tests.case_common import SopCaseRunCase
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools import skj
from ..tools import skj_xlsx

TABLE = [
    ("pelaksana", None, 1),
    ("pengawas", None, 2),
    ("administrator", None, 3),
    ("jpt_pratama", None, 4),
    ("jpt_madya", None, 5),
    ("fungsional", None, 2),
    ("fungsional", "ahli_utama", 4),
]


@tagged("post_install", "-at_install")
class TestSkjDefaultLevel(BaseCase):
    """tools/skj.py: the default level by kind of post and the levels of hr_skills progress."""

    def test_default_level(self):
        self.assertEqual(skj.default_level("pelaksana", None, TABLE), 1)
        self.assertEqual(skj.default_level("jpt_madya", None, TABLE), 5)
        self.assertEqual(skj.default_level("fungsional", "ahli_utama", TABLE), 4, "the functional level's row wins")
        self.assertEqual(skj.default_level("fungsional", "ahli_muda", TABLE), 2, "else the kind's row")
        self.assertEqual(skj.default_level("fungsional", None, TABLE), 2)
        self.assertIsNone(skj.default_level("jpt_utama", None, TABLE), "a kind the table does not name")
        self.assertIsNone(skj.default_level(False, None, TABLE))
        self.assertIsNone(skj.default_level("pelaksana", None, []))

    def test_levels(self):
        self.assertEqual([skj.level_from_progress(p) for p in (20, 40, 60, 80, 100)], [1, 2, 3, 4, 5])
        for progress in (0, 10, 50, 120, None):
            self.assertIsNone(skj.level_from_progress(progress))
        self.assertTrue(skj.is_level(3))
        for value in (0, 6, 2.5, True, "3", None):
            self.assertFalse(skj.is_level(value))


@tagged("post_install", "-at_install")
class TestSkjFlow(SopCaseRunCase):
    """From a case of the SKJ SOP to the effective, versioned SKJ of an OPD: the OPD fills in, the division
    verifies, the Kabag approves through the tier; the case gets the lampiran; revisions keep the old one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Job = cls.env["hr.job"]
        cls.head = Job.create(
            {"name": "Kepala Dinas Kesehatan Uji", "department_id": cls.opd.id, "job_kind": "jpt_pratama"}
        )
        cls.clerk = Job.create(
            {
                "name": "Pengadministrasi Umum Uji",
                "department_id": cls.opd.id,
                "job_kind": "pelaksana",
                "job_code": "PU-01",
            }
        )
        cls.analyst = Job.create(
            {
                "name": "Analis Kebijakan Uji",
                "department_id": cls.opd.id,
                "job_kind": "fungsional",
                "functional_level": "ahli_madya",
            }
        )
        cls.Set = cls.env["sop.jabatan.skj.set"]
        cls.managerial = cls.env.ref("sop_jabatan.skill_type_managerial")
        cls.integrity = cls.env.ref("sop_jabatan.competency_integritas")

    def _set(self, year=2026):
        return self.Set.search([("opd_id", "=", self.opd.id), ("year", "=", year)], order="revision desc", limit=1)

    def _skj(self, skj_set, post):
        return skj_set.skj_ids.filtered(lambda s: s.post_id == post)

    def _fill_in(self, skj_set, user):
        """The liaison adds a requirement and a performance indicator to every post through the form."""
        for rec in skj_set.skj_ids:
            with Form(rec.with_user(user), view="sop_jabatan.sop_jabatan_skj_view_form") as form:
                with form.requirement_ids.new() as line:
                    line.kind = "education"
                    line.name = f"S1 untuk {rec.name}"
                    line.grade = "mutlak"
                with form.indicator_ids.new() as line:
                    line.name = f"Indikator kinerja {rec.name}"

    def _approve(self, skj_set):
        skj_set.with_user(self.liaison).action_submit()
        skj_set.with_user(self.tim1).action_verify()
        self.assertEqual(skj_set.state, "review")
        skj_set.with_user(self.kabag).validate_tier()
        self.assertEqual(skj_set.state, "effective")

    def test_dictionary_and_default_levels(self):
        self.assertEqual(len(self.managerial.skill_ids), 8)
        self.assertEqual(
            self.managerial.skill_level_ids.sorted("level_progress").mapped("level_progress"), [20, 40, 60, 80, 100]
        )
        socio = self.env.ref("sop_jabatan.skill_type_socio_cultural")
        self.assertEqual(socio.skill_ids.mapped("name"), ["Perekat Bangsa"])
        for skill in self.managerial.skill_ids | socio.skill_ids:
            self.assertEqual(skill.sop_level_ids.mapped("level"), [1, 2, 3, 4, 5], skill.name)
            self.assertTrue(all(level.description and level.indicator_ids for level in skill.sop_level_ids))
        Default = self.env["sop.jabatan.skj.default.level"]
        expected = {
            ("pelaksana", False): 1,
            ("pengawas", False): 2,
            ("administrator", False): 3,
            ("jpt_pratama", False): 4,
            ("jpt_madya", False): 5,
            ("jpt_utama", False): 5,
            ("fungsional", "ahli_pertama"): 2,
            ("fungsional", "ahli_madya"): 4,
        }
        for (kind, functional), level in expected.items():
            self.assertEqual(Default._sop_level_for(kind, functional), level, (kind, functional))
        self.assertTrue(all(Default.search([]).mapped("source")))
        # a technical type added by the administrator gets its five levels
        admin = self.env.ref("base.user_admin")
        admin.groups_id = [(4, self.env.ref("sop_organisasi.group_sop_manager").id)]
        technical = (
            self.env["hr.skill.type"]
            .with_user(admin)
            .create(
                {"name": "Teknis Kepegawaian", "sop_competency_group": "technical", "government_affair": "Kepegawaian"}
            )
        )
        self.assertEqual(sorted(technical.skill_level_ids.mapped("level_progress")), [20, 40, 60, 80, 100])
        with self.assertRaises(AccessError):
            self.env["hr.skill.type"].with_user(self.tim1).create({"name": "X", "sop_competency_group": "technical"})

    def _liaison_edits(self, skj_set):
        """The liaison fills in, sets a level and adds a post created meanwhile (New / Save)."""
        self._fill_in(skj_set, self.liaison)
        with Form(self._skj(skj_set, self.clerk).with_user(self.liaison)) as form:
            with form.competency_ids.edit(0) as competency:
                competency.level = 2
        newcomer = self.env["hr.job"].create(
            {"name": "Pengawas Farmasi Uji", "department_id": self.opd.id, "job_kind": "pengawas"}
        )
        Skj = self.env["sop.jabatan.skj"].with_user(self.liaison).with_context(default_skj_set_id=skj_set.id)
        with Form(Skj, view="sop_jabatan.sop_jabatan_skj_view_form") as form:
            form.post_id = newcomer
            self.assertEqual(form.name, "Pengawas Farmasi Uji")
            self.assertEqual(len(form.competency_ids), 9)
            form.government_affair = "Kesehatan"
            with form.requirement_ids.new() as req:
                req.kind = "rank"
                req.name = "Penata (III/c)"
                req.grade = "penting"
        created = form.record
        self.assertEqual(set(created.competency_ids.mapped("level")), {2}, "pengawas: level 2")
        self.assertEqual(created.requirement_ids.grade, "penting")

    def test_case_to_effective_skj(self):
        case = self._new_case(year=2026)
        skj_set = self._set()
        self.assertEqual(len(skj_set), 1, "starting a case of the SKJ SOP opened the OPD's SKJ of the year")
        self.assertEqual((skj_set.state, skj_set.case_ids), ("draft", case))
        self.assertEqual(skj_set.skj_ids.post_id, self.head | self.clerk | self.analyst, "an SKJ per post")
        levels = {rec.post_id: set(rec.competency_ids.mapped("level")) for rec in skj_set.skj_ids}
        self.assertEqual(levels, {self.head: {4}, self.clerk: {1}, self.analyst: {4}}, "default levels by kind")
        head_skj = self._skj(skj_set, self.head)
        self.assertEqual(len(head_skj.competency_ids), 9, "8 managerial and 1 socio-cultural")
        self.assertEqual(set(head_skj.competency_ids.mapped("group")), {"managerial", "socio_cultural"})
        line = head_skj.competency_ids.filtered(lambda c: c.skill_id == self.integrity)
        self.assertTrue(line.description.startswith("Mampu menciptakan situasi kerja"), line.description)
        self.assertIn("4.1", line.indicators)

        self._liaison_edits(skj_set)
        with self.assertRaises(AccessError):
            skj_set.with_user(self.other_liaison).read(["name"])

        skj_set.with_user(self.liaison).action_submit()
        self.assertEqual(skj_set.state, "submitted")
        with self.assertRaises(UserError):
            head_skj.competency_ids.with_user(self.liaison).write({"level": 5})
        with self.assertRaises(AccessError):
            skj_set.with_user(self.liaison).action_verify()
        skj_set.with_user(self.tim1).action_send_back("Level Pelayanan Publik Kepala Dinas perlu ditinjau.")
        self.assertEqual((skj_set.state, skj_set.return_reason[:5]), ("draft", "Level"))
        head_skj.competency_ids.filtered(lambda c: c.skill_id == self.integrity).with_user(self.liaison).write(
            {"level": 5}
        )
        skj_set.with_user(self.liaison).action_submit()
        skj_set.with_user(self.tim1).action_verify()
        with contextlib.suppress(AccessError, UserError):
            skj_set.with_user(self.liaison).validate_tier()
        self.assertEqual(skj_set.state, "review", "the liaison does not approve")
        skj_set.with_user(self.kabag).validate_tier()
        self.assertEqual(skj_set.state, "effective")
        self.env["sop.document.version.mixin"]._cron_sop_render_documents()  # the background job
        attachments = self.env["ir.attachment"].search([("res_model", "=", "sop.case"), ("res_id", "=", case.id)])
        self.assertEqual(len(attachments), 1, "the lampiran on the case")
        self.assertTrue(attachments.name.startswith("Lampiran SKJ"))
        self.assertIn(b"STANDAR KOMPETENSI JABATAN", base64.b64decode(attachments.datas), "rendered from the data")
        # effective: read-only for every client, the lines too
        for user in (self.liaison, self.tim1, self.kabag):
            with self.assertRaises(UserError):
                skj_set.with_user(user).write({"year": 2027})
            with self.assertRaises(UserError):
                head_skj.with_user(user).write({"summary": "x"})
            with self.assertRaises(UserError):
                head_skj.competency_ids.with_user(user).write({"level": 1})
            with self.assertRaises(UserError):
                head_skj.requirement_ids.with_user(user).unlink()

    def test_submit_needs_the_standard_competencies(self):
        self._new_case(year=2026)
        skj_set = self._set()
        self._skj(skj_set, self.clerk).competency_ids.filtered(lambda c: c.group == "socio_cultural").unlink()
        with self.assertRaisesRegex(UserError, "socio-cultural"):
            skj_set.with_user(self.liaison).action_submit()

    def test_revision_keeps_the_earlier_version(self):
        self._new_case(year=2026)
        first = self._set()
        self._fill_in(first, self.liaison)
        self._approve(first)
        action = first.with_user(self.tim1).action_revise()
        revision = self.Set.browse(action["res_id"])
        self.assertEqual((revision.revision, revision.previous_id, revision.state), (1, first, "draft"))
        clerk_old = self._skj(first, self.clerk)
        clerk_new = self._skj(revision, self.clerk)
        self.assertEqual(clerk_new.requirement_ids.name, clerk_old.requirement_ids.name, "copied with its lines")
        clerk_new.competency_ids[0].with_user(self.liaison).write({"level": 3})
        self.assertEqual(clerk_old.competency_ids[0].level, 1, "the effective version is not touched")
        self._approve(revision)
        self.assertEqual(first.state, "superseded")
        # the earlier version stays readable and printable
        self.assertEqual(first.with_user(self.liaison).skj_ids.mapped("name"), revision.skj_ids.mapped("name"))
        html = self._html("sop_jabatan.action_report_skj_lampiran", first.with_user(self.liaison))
        self.assertIn("Superseded", html)
        self.assertEqual(html.count("o_skj_title"), 3)
        # next year's case starts from the latest effective SKJ of each post
        self._new_case(year=2027)
        next_year = self._set(2027)
        self.assertEqual(self._skj(next_year, self.clerk).competency_ids[0].level, 3)

    def _html(self, report, records):
        action = self.env.ref(report)
        html, _type = action._render_qweb_html(action.report_name, records.ids)
        return html.decode()

    def test_reports_render_the_rows(self):
        self._new_case(year=2026)
        skj_set = self._set()
        self._fill_in(skj_set, self.liaison)
        clerk = self._skj(skj_set, self.clerk)
        sheet = self._html("sop_jabatan.action_report_skj_sheet", clerk)
        for text in (
            "STANDAR KOMPETENSI JABATAN",
            "Pengadministrasi Umum Uji",
            "PU-01",
            "Integritas",
            "Perekat Bangsa",
            "S1 untuk Pengadministrasi Umum Uji",
            "Mutlak",
            "Indikator kinerja Pengadministrasi Umum Uji",
        ):
            self.assertIn(text, sheet)
        self.assertEqual(sheet.count("o_skj_competency_row"), 9)
        lampiran = self._html("sop_jabatan.action_report_skj_lampiran", skj_set)
        self.assertIn("LAMPIRAN", lampiran)
        self.assertIn("DINAS KESEHATAN UJI".lower(), lampiran.lower())
        self.assertEqual(lampiran.count("o_skj_competency_row"), 27, "every post's 9 competencies")
        self.assertEqual(lampiran.count("o_skj_title"), 3)
        # the PDF itself: tests/test_skj_tours.py downloads it over HTTP (wkhtmltopdf needs the server)

    def _workbook(self, skj_set):
        action = skj_set.with_user(self.liaison).action_export_xlsx()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        return attachment.raw

    def test_import_export_round_trip(self):
        self._new_case(year=2026)
        skj_set = self._set()
        self._fill_in(skj_set, self.liaison)
        data = self._workbook(skj_set)
        book = openpyxl.load_workbook(io.BytesIO(data))
        self.assertEqual(book.sheetnames, ["Jabatan", "Kompetensi", "Persyaratan", "Indikator Kinerja"])
        self.assertEqual(book["Kompetensi"].max_row, 4 + 27)
        # the liaison edits the workbook: a level, the affair, a requirement's grade
        sheet = book["Kompetensi"]
        row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == "PU-01")
        competency = sheet.cell(row, 4).value
        sheet.cell(row, 5).value = 3
        posts = book["Jabatan"]
        prow = next(r for r in range(5, posts.max_row + 1) if posts.cell(r, 1).value == "PU-01")
        posts.cell(prow, 4).value = "Kesehatan"
        requirements = book["Persyaratan"]
        rrow = next(r for r in range(5, requirements.max_row + 1) if requirements.cell(r, 1).value == "PU-01")
        requirements.cell(rrow, 5).value = "Perlu"
        out = io.BytesIO()
        book.save(out)
        changed = skj_set.with_user(self.liaison)._sop_import_xlsx(out.getvalue())
        self.assertEqual(len(changed), 3)
        clerk = self._skj(skj_set, self.clerk)
        self.assertEqual(clerk.government_affair, "Kesehatan")
        self.assertEqual(clerk.competency_ids.filtered(lambda c: c.skill_id.name == competency).level, 3)
        self.assertEqual(clerk.requirement_ids.grade, "perlu")
        self.assertEqual(len(clerk.competency_ids), 9)
        # all or nothing: one bad level and one unknown competency, nothing changes; the errors name the cells
        sheet.cell(row, 5).value = 7
        sheet.cell(row + 1, 4).value = "Kecerdasan Buatan"
        requirements.cell(rrow, 5).value = "Mutlak"
        out = io.BytesIO()
        book.save(out)
        with self.assertRaises(UserError) as caught:
            skj_set.with_user(self.liaison)._sop_import_xlsx(out.getvalue())
        message = str(caught.exception)
        self.assertIn(f"Kompetensi!E{row}", message)
        self.assertIn(f"Kompetensi!D{row + 1}", message)
        self.assertEqual(clerk.requirement_ids.grade, "perlu", "nothing imported")
        # bounded: a sheet past the row limit is refused before its cells are read
        with self.assertRaisesRegex(UserError, "too large"):
            big = openpyxl.Workbook()
            for name in book.sheetnames:
                big.create_sheet(name)
            big["Kompetensi"].cell(skj_xlsx.LIMITS.rows + 5, 1).value = "x"
            out = io.BytesIO()
            big.save(out)
            skj_set.with_user(self.liaison)._sop_import_xlsx(out.getvalue())
        # only a draft the user may write
        with self.assertRaises(AccessError):
            skj_set.with_user(self.other_liaison)._sop_import_xlsx(data)
        self._approve(skj_set)
        with self.assertRaises(UserError):
            skj_set.with_user(self.tim1)._sop_import_xlsx(data)
