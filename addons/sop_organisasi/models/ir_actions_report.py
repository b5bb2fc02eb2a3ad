from collections import OrderedDict

from odoo import fields
from odoo import models

from ..tools.pdf_pages import number_pages

# (company.sop_paper_size, orientation) -> paper format
SOP_PAPERFORMATS = {
    ("f4", "portrait"): "sop_organisasi.paperformat_f4_portrait",
    ("f4", "landscape"): "sop_organisasi.paperformat_f4_landscape",
    ("a4", "portrait"): "sop_organisasi.paperformat_a4_portrait",
    ("a4", "landscape"): "sop_organisasi.paperformat_a4_landscape",
}


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    sop_paper_orientation = fields.Selection(
        [("portrait", "Portrait"), ("landscape", "Landscape")],
        string="SOP Paper Orientation",
        help="When set, the paper (F4 or A4) follows the 'SOP Paper Size' of the company "
        "and this orientation, instead of the fixed paper format.",
    )
    render_one_per_call = fields.Boolean(
        string="Render One Record per Call",
        help="Print several records with one wkhtmltopdf call per record, then merge the PDFs "
        "in the order of the records (Debian's wkhtmltopdf fails on several input pages in one call).",
    )
    sop_page_numbers = fields.Boolean(
        string="Stamp Page Numbers",
        help="Number the pages of each printed record ('Halaman n dari N' in the bottom margin) after "
        "wkhtmltopdf, which drops the layout's footer on Debian.",
    )

    def get_paperformat(self):
        if self.sop_paper_orientation:
            key = (self.env.company.sop_paper_size or "f4", self.sop_paper_orientation)
            paperformat = self.env.ref(SOP_PAPERFORMATS[key], raise_if_not_found=False)
            if paperformat:
                return paperformat
        return super().get_paperformat()

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Render the records of a ``render_one_per_call`` report one at a time.

        Odoo prints several records in one wkhtmltopdf call, which Debian's wkhtmltopdf (unpatched
        Qt) fails on; one call per record (``_render_qweb_pdf`` then merges the streams in the
        order of ``res_ids`` with Odoo's PDF tools) lets the Print menu of a list print many.
        """
        report = self._get_report(report_ref)
        if not report.render_one_per_call or not res_ids or len(set(res_ids)) < 2:
            collected = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        else:
            collected = OrderedDict()
            for res_id in dict.fromkeys(res_ids):
                collected.update(
                    super()._render_qweb_pdf_prepare_streams(report_ref, dict(data or {}), res_ids=[res_id])
                )
        if report.sop_page_numbers:
            report._sop_number_pages(collected)
        return collected

    def _sop_number_pages(self, collected):
        """Stamp the page numbers on the streams wkhtmltopdf just made (a reloaded attachment has them)."""
        for values in collected.values():
            stream = values.get("stream")
            if stream is None or (self.attachment_use and values.get("attachment")):
                continue
            stream.seek(0)
            values["stream"] = number_pages(stream)
