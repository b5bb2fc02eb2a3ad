import base64
import io
import zipfile

import openpyxl

from odoo.tests import tagged

from .common import TEACHER_TASKS
from .common import JabatanCase


@tagged("post_install", "-at_install")
class TestAbkRecapXlsx(JabatanCase):
    """The ABK recap of an OPD as XLSX: a row per post with its figures, the OPD's total, text as text."""

    def _sheet(self, content):
        return openpyxl.load_workbook(io.BytesIO(content)).active

    def test_recap_figures_and_total(self):
        post = self._post("Guru Kelas", self.unit_a1, TEACHER_TASKS, job_code="G-01", job_kind="fungsional")
        self._staff(post, ["pns", "pns", "pns", "pppk", False])
        self._post("Analis Kebijakan", self.opd_a, [("Menyusun kajian", 10, 6000, "minutes")], job_code="A-01")
        action = self.opd_a.with_user(self.liaison_a).action_sop_abk_recap_xlsx()
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "hr.department"), ("res_id", "=", self.opd_a.id)]
        )
        self.assertEqual(len(attachment), 1)
        self.assertIn(f"/web/content/{attachment.id}", action["url"])
        sheet = self._sheet(base64.b64decode(attachment.datas))
        self.assertEqual(sheet["A2"].value, "Dinas Pendidikan")
        rows = {sheet.cell(row, 3).value: [c.value for c in sheet[row]] for row in range(5, sheet.max_row + 1)}
        self.assertEqual(set(rows), {"Guru Kelas", "Analis Kebijakan", "Total of the OPD"})
        teacher = rows["Guru Kelas"]
        # code, post, kind, unit, workload, JKE, raw, need, PNS, PPPK, other, in post, +/-, EJ, band
        self.assertEqual(teacher[1:5], ["G-01", "Guru Kelas", "Fungsional", "Bidang Pembinaan SD"])
        self.assertEqual(teacher[5:14], [44760, 75000, 0.5968, 1, 3, 1, 1, 5, 4])
        self.assertAlmostEqual(teacher[14], 0.1194)
        self.assertEqual(teacher[15], "E")
        analyst = rows["Analis Kebijakan"]
        self.assertEqual(analyst[12:14], [0, -1])
        self.assertIsNone(analyst[14], "EJ undefined: an empty cell, not 0")
        self.assertEqual(analyst[15], "Undefined: nobody in post")
        total = rows["Total of the OPD"]
        self.assertEqual(total[5], 104760)
        self.assertEqual(total[8], 2)
        self.assertEqual(total[12:14], [5, 3])
        self.assertAlmostEqual(total[14], 0.2794)
        self.assertEqual(total[15], "0.2794 (E)")

    def test_user_text_stays_text(self):
        self._post('=HYPERLINK("http://evil.example","klik")', self.opd_a, job_code="=1+1")
        content = self.opd_a.with_user(self.staff)._sop_abk_recap_xlsx()
        sheet = self._sheet(content)
        self.assertEqual(sheet["C5"].value, '=HYPERLINK("http://evil.example","klik")')
        self.assertEqual(sheet["C5"].data_type, "s")
        self.assertEqual(sheet["B5"].data_type, "s")
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml")
        self.assertNotIn(b"<f>", xml, "no formula in the sheet")
        self.assertNotIn(b"<hyperlink", xml, "no link in the sheet")
