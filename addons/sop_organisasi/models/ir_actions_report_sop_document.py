# pylint: disable=consider-merging-classes-inherited
from collections import OrderedDict

from odoo import models

SOP_DOCUMENT_REPORT = "sop_organisasi.report_sop_document"


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Render the SOP document one SOP at a time.

        Debian's wkhtmltopdf (unpatched Qt) fails on several input pages in one call, which is
        how Odoo prints several records at once; one call per SOP (the PDFs are then merged by
        ``_render_qweb_pdf``) lets the Print menu of the list print many SOPs.
        """
        report = self._get_report(report_ref)
        if report.report_name != SOP_DOCUMENT_REPORT or not res_ids or len(set(res_ids)) < 2:
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        collected = OrderedDict()
        for res_id in dict.fromkeys(res_ids):
            collected.update(super()._render_qweb_pdf_prepare_streams(report_ref, dict(data or {}), res_ids=[res_id]))
        return collected
