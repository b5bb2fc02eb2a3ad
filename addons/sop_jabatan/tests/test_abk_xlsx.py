import base64
import io
import zipfile

import openpyxl

from odoo.tests import tagged

from ..tools import abk_xlsx
from .common import TEACHER_TASKS
from .common import JabatanCase

KEYS = [key for key, _width, _format in abk_xlsx.COLUMNS]


@tagged("post_install", "-at_install")
class TestAbkRecapXlsx(JabatanCase):
    """The ABK recap of a job data version as XLSX: a row per post with its figures in the e-Formasi
    order (docs/jabatan.md), the OPD's total equal to the sheets' sums, text as text."""

    def _sheet(self, content):
        return openpyxl.load_workbook(io.BytesIO(content)).active

    def _rows(self, sheet):
        return {
            sheet.cell(row, KEYS.index("post") + 1).value: dict(zip(KEYS, [c.value for c in sheet[row]], strict=False))
            for row in range(5, sheet.max_row + 1)
        }

    def test_recap_figures_and_total(self):
        teacher = self._post("Guru Kelas", self.unit_a1, TEACHER_TASKS, job_code="G-01", job_kind="fungsional")
        self._staff(teacher, ["pns", "pns", "pns", "pppk", False])
        self._post("Analis Kebijakan", self.opd_a, [("Menyusun kajian", 10, 6000, "minutes")], job_code="A-01")
        analysis = teacher.analysis_id
        action = analysis.with_user(self.liaison_a).action_abk_recap_xlsx()
        attachment = self.env["ir.attachment"].browse(int(action["url"].split("/")[3].split("?")[0]))
        self.assertEqual(attachment.with_user(self.liaison_a).name, "ABK Recap Dinas Pendidikan 2026.xlsx")
        sheet = self._sheet(base64.b64decode(attachment.datas))
        self.assertIn("Dinas Pendidikan", sheet["A2"].value)
        rows = self._rows(sheet)
        self.assertEqual(set(rows), {"Guru Kelas", "Analis Kebijakan", "Total of the OPD"})
        row = rows["Guru Kelas"]
        self.assertEqual(
            [row[k] for k in ("unit", "post", "code", "kind", "level")],
            ["Bidang Pembinaan SD", "Guru Kelas", "G-01", "Fungsional", None],
        )
        self.assertEqual(
            [row[k] for k in ("workload", "jke", "need_raw", "need", "pns", "pppk", "other", "in_post", "gap")],
            [44760, 75000, 0.5968, 1, 3, 1, 1, 5, 4],
        )
        self.assertAlmostEqual(row["efficiency"], 0.1194)
        self.assertEqual(row["band"], "E")
        analyst = rows["Analis Kebijakan"]
        self.assertEqual([analyst["in_post"], analyst["gap"]], [0, -1])
        self.assertIsNone(analyst["efficiency"], "EJ undefined: an empty cell, not 0")
        self.assertEqual(analyst["band"], "Undefined: nobody in post")
        total = rows["Total of the OPD"]
        sheets = analysis.sheet_ids
        self.assertEqual(total["workload"], sum(sheets.mapped("workload_minutes")))
        self.assertEqual(total["need"], sum(sheets.mapped("staff_need")))
        self.assertEqual(total["in_post"], sum(sheets.mapped("staff_in_post")))
        self.assertEqual([total["workload"], total["need"], total["in_post"], total["gap"]], [104760, 2, 5, 3])
        self.assertAlmostEqual(total["efficiency"], 0.2794)
        self.assertEqual(total["band"], "E")

    def test_user_text_stays_text(self):
        sheet_record = self._post('=HYPERLINK("http://evil.example","klik")', self.opd_a, job_code="=1+1")
        content = sheet_record.analysis_id.with_user(self.staff)._sop_abk_recap_xlsx()
        sheet = self._sheet(content)
        post_cell = sheet.cell(5, KEYS.index("post") + 1)
        self.assertEqual(post_cell.value, '=HYPERLINK("http://evil.example","klik")')
        self.assertEqual(post_cell.data_type, "s")
        self.assertEqual(sheet.cell(5, KEYS.index("code") + 1).data_type, "s")
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml")
        self.assertNotIn(b"<f>", xml, "no formula in the sheet")
        self.assertNotIn(b"<hyperlink", xml, "no link in the sheet")
