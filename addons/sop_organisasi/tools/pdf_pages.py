"""Page numbers stamped on a finished PDF.

Debian's wkhtmltopdf (unpatched Qt) drops the header and footer of Odoo's layouts, so a report that
needs page numbers gets them afterwards: each page receives "Halaman n dari N" centred in its
bottom margin (the documents are Indonesian, like their templates).
"""

import io

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from odoo.tools.pdf import PdfFileReader
from odoo.tools.pdf import PdfFileWriter

PAGE_LABEL = "Halaman %(page)s dari %(pages)s"


def number_pages(pdf_stream, label=PAGE_LABEL, bottom=7 * mm, font_size=8):
    """A copy of ``pdf_stream`` (a file-like PDF) with ``label`` (``page`` and ``pages`` substituted)
    centred ``bottom`` points above the lower edge of every page; returns a new ``BytesIO``."""
    original = PdfFileReader(pdf_stream, strict=False, overwriteWarnings=False)
    count = original.getNumPages()
    packet = io.BytesIO()
    stamp = canvas.Canvas(packet)
    for index in range(count):
        box = original.getPage(index).mediaBox
        width, height = float(abs(box.getWidth())), float(abs(box.getHeight()))
        stamp.setPageSize((width, height))
        stamp.setFont("Helvetica", font_size)
        stamp.drawCentredString(width / 2, bottom, label % {"page": index + 1, "pages": count})
        stamp.showPage()
    stamp.save()
    stamps = PdfFileReader(packet, overwriteWarnings=False)
    result = PdfFileWriter()
    for index in range(count):
        page = original.getPage(index)
        page.mergePage(stamps.getPage(index))
        result.addPage(page)
    output = io.BytesIO()
    result.write(output)
    output.seek(0)
    return output
