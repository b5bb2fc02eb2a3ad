import io

from reportlab.pdfgen import canvas

from odoo.tests import tagged
from odoo.tests.common import BaseCase
from odoo.tools.pdf import PdfFileReader

from ..tools.pdf_pages import number_pages


def _pdf(pages):
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer, pagesize=(609, 935))  # F4 portrait in points
    for index in range(pages):
        document.drawString(72, 800, f"Isi halaman {index + 1}")
        document.showPage()
    document.save()
    buffer.seek(0)
    return buffer


@tagged("post_install", "-at_install")
class TestPdfPages(BaseCase):
    def test_every_page_gets_its_number_and_keeps_its_content(self):
        reader = PdfFileReader(number_pages(_pdf(3)))
        self.assertEqual(reader.getNumPages(), 3)
        for index in range(3):
            text = reader.getPage(index).extractText()
            self.assertIn(f"Isi halaman {index + 1}", text)
            self.assertIn(f"Halaman {index + 1} dari 3", text)
        self.assertEqual(float(reader.getPage(0).mediaBox.getWidth()), 609)
