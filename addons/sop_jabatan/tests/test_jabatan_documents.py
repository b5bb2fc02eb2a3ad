import base64
import io
from decimal import Decimal

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import tagged
from odoo.tests.common import BaseCase
from odoo.tools import mute_logger

from ..tools import analysis_xlsx
from ..tools import pages
from ..tools import peta
from .common import TEACHER_TASKS
from .common import JabatanCase


@tagged("post_install", "-at_install")
class TestPetaTree(BaseCase):
    """tools/peta.py: the posts as a tree, pelaksana/fungsional leaves stacked under their post."""

    def test_tree(self):
        posts = [
            {"id": 1, "parent_id": None, "kind": "jpt_pratama"},
            {"id": 2, "parent_id": 1, "kind": "administrator"},
            {"id": 3, "parent_id": 2, "kind": "pelaksana"},
            {"id": 4, "parent_id": 2, "kind": "pengawas"},
            {"id": 5, "parent_id": 4, "kind": "fungsional"},
            {"id": 6, "parent_id": 1, "kind": "administrator"},
            {"id": 7, "parent_id": 99, "kind": "pelaksana"},  # its post above is elsewhere: a root
        ]
        roots = peta.build_tree(posts)
        self.assertEqual([root["id"] for root in roots], [1, 7])
        head = roots[0]
        self.assertEqual([child["id"] for child in head["children"]], [2, 6])
        secretary = head["children"][0]
        self.assertEqual([leaf["id"] for leaf in secretary["stack"]], [3])
        self.assertEqual([child["id"] for child in secretary["children"]], [4])
        self.assertEqual([leaf["id"] for leaf in secretary["children"][0]["stack"]], [5])
        self.assertEqual(head["columns"], 2)
        self.assertEqual(peta.count(roots), 7)
        self.assertEqual(peta.columns(roots), 3)

    def test_cycle_is_drawn_once(self):
        roots = peta.build_tree([{"id": 1, "parent_id": 2, "kind": "x"}, {"id": 2, "parent_id": 1, "kind": "x"}])
        self.assertEqual(peta.count(roots), 2)


@tagged("post_install", "-at_install")
class TestAnalysisWorkbookTools(BaseCase):
    """tools/analysis_xlsx.py: numbers and units of the import."""

    def test_read_number(self):
        self.assertEqual(analysis_xlsx.read_number(None), 0)
        self.assertEqual(analysis_xlsx.read_number(12), 12)
        self.assertEqual(analysis_xlsx.read_number(0.1), Decimal("0.1"))
        self.assertEqual(analysis_xlsx.read_number("1,5"), Decimal("1.5"))
        self.assertEqual(analysis_xlsx.read_number(" 2.25 "), Decimal("2.25"))
        self.assertIsNone(analysis_xlsx.read_number("dua"))
        self.assertIsNone(analysis_xlsx.read_number("=1+1"))
        self.assertIsNone(analysis_xlsx.read_number(True))


@tagged("post_install", "-at_install")
class TestReportPages(BaseCase):
    """tools/pages.py: the rows of a recap split into printed pages."""

    def test_split_rows(self):
        self.assertEqual(pages.split_rows([], 2, 3), [[]])
        self.assertEqual(pages.split_rows([1, 2], 2, 3), [[1, 2]])
        self.assertEqual(pages.split_rows(range(1, 9), 2, 3), [[1, 2], [3, 4, 5], [6, 7, 8]])
        self.assertEqual(pages.split_rows(range(1, 10), 2, 3), [[1, 2], [3, 4, 5], [6, 7, 8], [9]])
        with self.assertRaises(ValueError):
            pages.split_rows([1], 0, 3)


class JabatanDocumentsCase(JabatanCase):
    """OPD A's job data: a head (2 in post), a secretary above an analyst (nobody in post) and a teacher."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head = cls._post("Kepala Dinas", cls.opd_a, [("Memimpin", 12, 10, "hours")], job_kind="jpt_pratama")
        cls.secretary = cls._post(
            "Sekretaris", cls.opd_a, [("Mengoordinasikan", 100, 60, "minutes")], job_kind="administrator"
        )
        cls.analyst = cls._post(
            "Analis Kebijakan", cls.unit_a1, [("Menyusun kajian", 10, 6000, "minutes")], job_code="A-01"
        )
        cls.teacher = cls._post("Guru Kelas", cls.unit_a1, TEACHER_TASKS, job_code="G-01", job_kind="fungsional")
        cls.secretary.parent_post_id = cls.head.post_id
        cls.teacher.parent_post_id = cls.head.post_id
        cls.analyst.write({"parent_post_id": cls.secretary.post_id.id, "job_kind": "pelaksana"})
        cls._staff(cls.head, ["pns", "pns"])
        cls._staff(cls.teacher, ["pns", "pns", "pns", "pppk", False])
        cls.analysis = cls.head.analysis_id
        cls.report = cls.env["ir.actions.report"]

    def _html(self, report_ref, records, user=None):
        report = self.report.with_user(user) if user else self.report
        return report._render_qweb_html(report_ref, records.ids)[0].decode()


@tagged("post_install", "-at_install")
class TestJabatanReports(JabatanDocumentsCase):
    """The peta jabatan, the ABK recap PDF and the city recap: figures as the sheets sum them."""

    def test_recap_rows_equal_the_sheets(self):
        rows, total = self.analysis._sop_abk_recap_rows()
        sheets = self.analysis.sheet_ids
        self.assertEqual(len(rows), len(sheets))
        by_post = {row["post"]: row for row in rows}
        for sheet in sheets:
            row = by_post[sheet.name]
            self.assertEqual(row["workload"], sheet.workload_minutes)
            self.assertEqual(row["need"], sheet.staff_need)
            self.assertEqual(row["in_post"], sheet.staff_in_post)
            self.assertEqual(row["gap"], sheet.staff_gap)
        self.assertAlmostEqual(total["workload"], sum(sheets.mapped("workload_minutes")))
        self.assertEqual(total["need"], sum(sheets.mapped("staff_need")))
        self.assertEqual(total["in_post"], sum(sheets.mapped("staff_in_post")))
        self.assertEqual(total["gap"], total["in_post"] - total["need"])
        self.assertIsNone(by_post["Analis Kebijakan"]["efficiency"])
        self.assertEqual(by_post["Analis Kebijakan"]["efficiency_label"], "Undefined: nobody in post")

    def test_recap_pdf_shows_undefined_ej(self):
        html = self._html("sop_jabatan.action_report_abk_recap", self.analysis, self.liaison_a)
        self.assertIn("REKAPITULASI ANALISIS BEBAN KERJA", html)
        self.assertIn("Analis Kebijakan", html)
        self.assertIn("Undefined: nobody in post", html)
        self.assertIn("0.1194", html)  # the teacher's EJ
        self.assertIn("44,760.00", html)

    def test_peta_jabatan(self):
        roots = self.analysis._sop_peta_tree()
        self.assertEqual([root["name"] for root in roots], ["Kepala Dinas"])
        head = roots[0]
        self.assertEqual([child["name"] for child in head["children"]], ["Sekretaris"])
        self.assertEqual([leaf["name"] for leaf in head["stack"]], ["Guru Kelas"])
        self.assertEqual([leaf["name"] for leaf in head["children"][0]["stack"]], ["Analis Kebijakan"])
        self.assertEqual((head["in_post"], head["need"]), (2, self.head.staff_need))
        html = self._html("sop_jabatan.action_report_peta_jabatan", self.analysis, self.staff)
        self.assertIn("PETA JABATAN", html)
        for name in ("Kepala Dinas", "Sekretaris", "Analis Kebijakan", "Guru Kelas"):
            self.assertIn(name, html)

    def test_documents_from_the_recap_per_opd(self):
        opd = self.opd_a.with_user(self.staff)
        with self.assertRaisesRegex(UserError, "no effective job data"):
            opd.action_sop_abk_recap_pdf()
        self._make_effective(self.analysis)
        opd.invalidate_recordset()
        action = opd.action_sop_abk_recap_pdf()
        self.assertEqual(
            (action["report_name"], action["context"]["active_ids"]),
            ("sop_jabatan.report_abk_recap", self.analysis.ids),
        )
        self.assertEqual(opd.action_sop_peta_jabatan_pdf()["report_name"], "sop_jabatan.report_peta_jabatan")
        # an effective version takes no attachment: the XLSX is a download of its own
        self.assertIn("/web/content/", opd.action_sop_abk_recap_xlsx()["url"])

    def test_city_recap(self):
        self._post("Pengelola Data", self.opd_b, [("Mengolah data", 100, 60, "minutes")])
        wizard = Form(self.env["sop.jabatan.recap.wizard"].with_user(self.staff))
        wizard.year = 2026
        wizard.include_open = True
        wizard = wizard.save()
        rows, total = wizard._sop_recap()
        self.assertEqual([row["opd"] for row in rows], ["Dinas Kesehatan", "Dinas Pendidikan"])
        analyses = self.env["sop.jabatan.analysis"].search([("year", "=", 2026)])
        self.assertEqual(total["posts"], sum(analyses.mapped("sheet_count")))
        self.assertAlmostEqual(total["workload"], sum(analyses.sheet_ids.mapped("workload_minutes")))
        self.assertEqual(total["need"], sum(analyses.sheet_ids.mapped("staff_need")))
        self.assertEqual(total["in_post"], sum(analyses.sheet_ids.mapped("staff_in_post")))
        capacity = sum(s.staff_in_post * s.jke_minutes for s in analyses.sheet_ids)
        self.assertAlmostEqual(total["efficiency"], total["workload"] / capacity, places=4)
        opd_b = next(row for row in rows if row["opd"] == "Dinas Kesehatan")
        self.assertIsNone(opd_b["efficiency"], "nobody in post in OPD B: EU undefined")
        # only effective versions without the option: none yet
        self.assertEqual(self.env["sop.jabatan.analysis"]._sop_city_recap(2026)[0], [])
        book = openpyxl.load_workbook(io.BytesIO(wizard._sop_recap_xlsx())).active
        self.assertEqual(book.cell(5, 2).value, "Dinas Kesehatan")
        self.assertIsNone(book.cell(5, 9).value, "EU undefined: an empty cell")
        self.assertEqual(book.cell(7, 2).value, "Total of the city")
        html = self._html("sop_jabatan.action_report_city_recap", wizard, self.staff)
        self.assertIn("Dinas Kesehatan", html)
        self.assertIn("Total of the city", html)


@tagged("post_install", "-at_install")
class TestJabatanImport(JabatanDocumentsCase):
    """The XLSX template of a draft and its import: all or nothing, bounded, errors naming the cell."""

    def _template(self, user):
        action = self.analysis.with_user(user).action_download_template()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        return openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))

    def _bytes(self, book):
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def _import(self, content, user=None):
        wizard = Form(
            self.env["sop.jabatan.import.wizard"]
            .with_user(user or self.liaison_a)
            .with_context(active_model="sop.jabatan.analysis", active_id=self.analysis.id)
        )
        wizard.file = base64.b64encode(content)
        return wizard.save().action_import()

    def _task_rows(self, sheet):
        return [tuple(row) for row in sheet.iter_rows(min_row=5, values_only=True) if any(row)]

    def test_template_round_trip_by_the_liaison(self):
        book = self._template(self.liaison_a)
        tasks = book["Tugas"]
        self.assertEqual([c.value for c in tasks[4]][:9], [label for _k, label, _w in analysis_xlsx.TASK_COLUMNS])
        self.assertEqual(len(self._task_rows(tasks)), 3 + len(TEACHER_TASKS))
        # the analyst gets two new tasks (one in hours), the teacher keeps its tasks (rows left as they are)
        for row in range(5, tasks.max_row + 1):
            if tasks.cell(row, 2).value == "Analis Kebijakan":
                tasks.delete_rows(row)
                break
        last = tasks.max_row
        tasks.append(
            ["A-01", "Analis Kebijakan", 1, '=HYPERLINK("http://x","y")', "Kajian", "dokumen", 4, "1,5", "jam"]
        )
        tasks.append(["", "Analis Kebijakan", 2, "Menelaah", "Telaahan", "dokumen", 20, 90, "menit"])
        tasks.cell(last + 1, 4).data_type = "s"  # typed as text ('=...), not a formula
        self.assertEqual(tasks.max_row, last + 2)
        self._import(self._bytes(book))
        analyst_tasks = self.analyst.task_ids.sorted("sequence")
        self.assertEqual(analyst_tasks.mapped("name"), ['=HYPERLINK("http://x","y")', "Menelaah"])
        self.assertEqual(analyst_tasks.mapped("time_unit"), ["hours", "minutes"])
        self.assertEqual(self.analyst.workload_minutes, 4 * 90 + 20 * 90)
        self.assertEqual(len(self.teacher.task_ids), len(TEACHER_TASKS))
        self.assertEqual(self.teacher.workload_minutes, 44760)

    def test_import_is_all_or_nothing(self):
        book = self._template(self.staff)
        tasks = book["Tugas"]
        tasks.append(["A-01", "Analis Kebijakan", 9, "Tugas baru", "", "", 5, 10, "menit"])
        tasks.append(["X-99", "Tidak Ada", 1, "Tugas", "", "", "lima", -1, "detik"])
        before = {sheet.id: sheet.task_ids.ids for sheet in self.analysis.sheet_ids}
        bad_row = tasks.max_row
        with self.assertRaises(UserError) as caught:
            self._import(self._bytes(book), self.staff)
        message = str(caught.exception)
        self.assertIn(f"Tugas!A{bad_row}: unknown post 'X-99'", message)
        self.assertIn(f"Tugas!G{bad_row}: 'lima' is not a number", message)
        self.assertIn(f"Tugas!I{bad_row}: unknown time unit 'detik'", message)
        self.assertEqual({sheet.id: sheet.task_ids.ids for sheet in self.analysis.sheet_ids}, before)

    def test_import_bounds(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "Tugas"
        for col, (_key, label, _width) in enumerate(analysis_xlsx.TASK_COLUMNS, start=1):
            sheet.cell(4, col, label)
        sheet.cell(analysis_xlsx.LIMITS.rows + 1, 1, "A-01")
        with self.assertRaisesRegex(UserError, "too large"):
            self._import(self._bytes(book))
        with self.assertRaisesRegex(UserError, "not an XLSX workbook"):
            self.analysis.with_user(self.liaison_a)._sop_import_xlsx(b"not a workbook")

    def test_import_only_into_a_draft_the_user_may_write(self):
        content = self._bytes(self._template(self.staff))
        other = self.env["res.users"].create(
            {
                "name": "Liaison B",
                "login": "jabatan_liaison_b",
                "groups_id": [(6, 0, [self.env.ref("sop_organisasi.group_sop_opd_user").id])],
            }
        )
        self.opd_b.liaison_user_ids = [(4, other.id)]
        with self.assertRaises(Exception):  # noqa: B017 - AccessError, or the record rule hides the record
            self.analysis.with_user(other)._sop_import_xlsx(content)
        self._make_effective(self.analysis)
        with self.assertRaisesRegex(UserError, "Only a draft"):
            self.analysis.with_user(self.staff)._sop_import_xlsx(content)
        export = self.analysis.with_user(self.staff).action_export_figures()
        attachment = self.env["ir.attachment"].browse(int(export["url"].split("/")[3].split("?")[0]))
        posts = openpyxl.load_workbook(io.BytesIO(base64.b64decode(attachment.datas)))["Jabatan"]
        header = [c.value for c in posts[4]]
        self.assertIn("Σ Beban Kerja (menit)", header)
        analyst_row = next(row for row in posts.iter_rows(min_row=5, values_only=True) if row[1] == "Analis Kebijakan")
        self.assertIsNone(analyst_row[header.index("EJ")], "EJ undefined: an empty cell")
        self.assertEqual(analyst_row[header.index("Predikat")], "Undefined: nobody in post")


@tagged("post_install", "-at_install")
class TestNomenclature(JabatanCase):
    """A post takes its name from the national nomenclature: name and kind filled, kelas suggested."""

    def test_post_name_from_the_nomenclature(self):
        name = self.env["sop.jabatan.nomenclature"].create(
            {"name": "Pengolah Data Uji", "kind": "pelaksana", "kelas": 6, "source": "Uji"}
        )
        view = "sop_jabatan.hr_job_view_form_sop_jabatan"
        with Form(self.env["hr.job"].with_user(self.liaison_a), view=view) as form:
            form.nomenclature_id = name
            self.assertEqual(form.name, "Pengolah Data Uji")
            self.assertEqual(form.job_kind, "pelaksana")
            self.assertEqual(form.nomenclature_kelas, 6)
            form.department_id = self.opd_a
        post = form.record
        self.assertEqual((post.name, post.nomenclature_id), ("Pengolah Data Uji", name))
        sheet = self._post("Pos Lama", self.opd_a)
        with Form(sheet.with_user(self.liaison_a)) as form:
            form.nomenclature_id = name
            self.assertEqual(form.name, "Pengolah Data Uji")
        self.assertEqual(sheet.nomenclature_id, name)

    def test_full_list_is_imported_from_csv(self):
        """The full national list is loaded with Odoo's import (Favorites > Import records), all or nothing."""
        admin = self.admin_sop.with_context(lang="en_US")
        header = "name,kind,code,classification,kelas,source\n"
        good = "Penata Uji Satu,pelaksana,,Klerek,7,KepmenPANRB 282/2025\nPenata Uji Dua,pelaksana,,Operator,6,KepmenPANRB 282/2025\n"
        fields_ = ["name", "kind", "code", "classification", "kelas", "source"]
        options = {"has_headers": True, "separator": ",", "quoting": '"', "encoding": "utf-8"}

        def run(content):
            wizard = (
                self.env["base_import.import"]
                .with_user(admin)
                .create({"res_model": "sop.jabatan.nomenclature", "file": content.encode(), "file_type": "text/csv"})
            )
            return wizard.execute_import(fields_, fields_, dict(options))

        Name = self.env["sop.jabatan.nomenclature"]
        with mute_logger("odoo.sql_db"):
            result = run(header + good + "Penata Uji Tiga,pelaksana,,,99,KepmenPANRB 282/2025\n")
        self.assertTrue(result["messages"], "a kelas of 99 is refused")
        self.assertFalse(Name.search([("name", "like", "Penata Uji")]), "nothing imported")
        self.assertFalse(run(header + good)["messages"])
        self.assertEqual(Name.search([("name", "like", "Penata Uji")]).mapped("kelas"), [6, 7])

    def test_sample_data_names_its_source(self):
        shipped = self.env.ref("sop_jabatan.nomenclature_pengadministrasi_perkantoran")
        self.assertIn("282/2025", shipped.source)
