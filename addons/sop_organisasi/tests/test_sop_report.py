import os
import re
import shutil
import subprocess
import tempfile
import unittest

from odoo.addons.base.models.ir_qweb import QWebException
from odoo.exceptions import AccessError
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

REPORT = "sop_organisasi.report_sop_document"


def _normalize(text):
    return re.sub(r"\s+", " ", text or "").strip()


def pdf_text(pdf):
    """Text of a PDF (pdftotext -raw keeps the text of a table cell together)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "doc.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        out = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, check=True)
    return _normalize(out.stdout.decode())


def pdf_pages(pdf):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "doc.pdf")
        with open(path, "wb") as handle:
            handle.write(pdf)
        out = subprocess.run(["pdfinfo", path], capture_output=True, check=True).stdout.decode()
    pages = int(re.search(r"Pages:\s+(\d+)", out).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out)
    return pages, (float(size.group(1)), float(size.group(2)))


@tagged("post_install", "-at_install")
@unittest.skipUnless(shutil.which("pdftotext") and shutil.which("wkhtmltopdf"), "needs wkhtmltopdf and poppler")
class TestSopReport(HttpCase):
    """Real PDFs. HttpCase: wkhtmltopdf asks the test server for the report assets, which are
    then served inside the test transaction (a TransactionCase would block on its own rows)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skj = cls.env.ref("sop_organisasi.sop_skj")
        cls.Report = cls.env["ir.actions.report"].with_context(force_report_rendering=True)
        # a second company printing on A4
        cls.company_a4 = cls.env["res.company"].create({"name": "Pemerintah Uji A4", "sop_paper_size": "a4"})

    def _render(self, records, company=None):
        report = self.Report.with_company(company) if company else self.Report
        pdf, report_type = report._render_qweb_pdf(REPORT, records.ids)

        self.assertEqual(report_type, "pdf")
        dump = os.environ.get("SOP_REPORT_DUMP")
        if dump:  # to look at the result: SOP_REPORT_DUMP=/tmp/skj.pdf
            with open(dump, "wb") as handle:
                handle.write(pdf)
        return pdf

    def test_skj_pdf_content(self):
        self.assertEqual(self.env.company.sop_paper_size, "f4", "F4 is the default paper")
        pdf = self._render(self.skj)
        text = pdf_text(pdf)
        steps = self.skj._get_ordered_steps()
        self.assertEqual(len(steps), 26)
        for step in steps:
            self.assertIn(_normalize(step.name), text, f"step {step.code} missing")
            self.assertIn(step.duration_display, text, f"time of {step.code} missing")
        for section in self.skj.section_ids:
            self.assertIn(_normalize(section.name), text)
            for role in section.role_ids:
                self.assertIn(_normalize(role._get_column_label()), text, f"actor {role.name} missing")
        for expected in (
            "065/SOP/417.112/02",
            "13-03-2018",
            "01/13-03-2018",
            "13 Maret 2018",
            "PLT. SEKRETARIS DAERAH KOTA MOJOKERTO",  # printed in capitals
            "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.",
            "Pembina Utama Madya",
            "19590109 198712 1 002",
            "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)",
            "URAIAN PROSEDUR",
            "Mutu Baku",
            "Kelengkapan",
            "Keterangan",
            "Dasar Hukum",
            "Pencatatan dan Pendataan",
        ):
            self.assertIn(expected, text)
        for kind in ("legal", "qualification", "related", "equipment", "warning", "record"):
            for line in self.skj._get_lines(kind):
                self.assertIn(_normalize(line.name), text)
        pages, (width, height) = pdf_pages(pdf)
        self.assertGreaterEqual(pages, 3, "identity page and procedure pages of both sections")
        # F4 landscape: 330 x 215 mm
        self.assertAlmostEqual(width, 330 / 25.4 * 72, delta=3)
        self.assertAlmostEqual(height, 215 / 25.4 * 72, delta=3)

    def test_paper_setting_and_several_sops(self):
        action = self.env.ref("sop_organisasi.action_report_sop_document")
        self.assertEqual(action.binding_model_id.model, "sop.procedure", "in the Print menu of form and list")
        self.assertEqual(action.get_paperformat(), self.env.ref("sop_organisasi.paperformat_f4_landscape"))
        self.assertEqual(
            action.with_company(self.company_a4).get_paperformat(),
            self.env.ref("sop_organisasi.paperformat_a4_landscape"),
        )
        other = self.env.ref("sop_organisasi.sop_draft_01")
        pdf = self._render(self.skj | other, company=self.company_a4)
        text = pdf_text(pdf)
        self.assertIn("PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)", text)
        self.assertIn(_normalize(other.name), text)
        for step in other._get_ordered_steps():
            self.assertIn(_normalize(step.name), text)
        _pages, (width, height) = pdf_pages(pdf)
        self.assertAlmostEqual(width, 297 / 25.4 * 72, delta=3)
        self.assertAlmostEqual(height, 210 / 25.4 * 72, delta=3)

    def test_document_rows_and_columns(self):
        """The HTML puts every step's symbol in its actor's column (one SVG cell per actor)."""
        document = self.skj._get_report_document(paper="f4")
        for page in document["pages"]:
            roles = page["section"].role_ids
            self.assertEqual(page["roles"], [r._get_column_label() for r in roles])
            for row in page["rows"]:
                step = row["step"]
                self.assertEqual(len(row["cells"]), len(roles))
                column = list(roles).index(step.role_id)
                for index, cell in enumerate(row["cells"]):
                    self.assertEqual(f'class="{step.kind}"' in cell, index == column, step.code)
        html = self.env["ir.actions.report"]._render_qweb_html(REPORT, self.skj.ids)[0].decode()
        self.assertEqual(
            html.count('class="sop-flow"'), sum(len(p["rows"]) * len(p["roles"]) for p in document["pages"])
        )

    def test_print_access(self):
        """OPD users print effective SOPs only (the report reads as the user)."""
        opd = new_test_user(self.env, "sop_print_opd", groups="sop_organisasi.group_sop_opd_user")
        Report = self.env["ir.actions.report"].with_user(opd)
        html = Report._render_qweb_html(REPORT, self.skj.ids)[0].decode()
        self.assertIn("URAIAN PROSEDUR", html)
        self.assertIn("Kabag Organisasi melakukan koreksi dan persetujuan konsep surat", html)
        draft = self.env.ref("sop_organisasi.sop_draft_01")
        # QWeb wraps the AccessError raised while rendering
        with self.assertRaisesRegex((AccessError, QWebException), "doesn't have 'read' access"):
            Report._render_qweb_html(REPORT, draft.ids)
