from odoo import api
from odoo import models

from ..tools.dates import format_date_long
from ..tools.xlsx_writer import SafeWorkbook
from ..tools.xlsx_writer import attach_xlsx
from ..tools.xlsx_writer import download_action


class SopAssessmentMixin(models.AbstractModel):
    """What the SOP assessment forms of Permenpan RB 35/2012 share (monitoring, Tabel 7;
    evaluation, Tabel 8): the date in words, the PDF report and the XLSX export, one
    sheet per record, downloaded as an attachment.

    The inheriting model has the fields ``name``, ``date`` and ``date_long``
    (computed by ``_compute_date_long``), sets ``_assessment_report`` (XML id of its
    PDF report) and writes its sheet in ``_xlsx_write_sheet``.
    """

    _name = "sop.assessment.mixin"
    _description = "SOP Assessment Form"
    _assessment_report = None

    @api.depends("date")
    def _compute_date_long(self):
        for rec in self:
            rec.date_long = format_date_long(rec.date)

    def action_print_pdf(self):
        # config=False: our reports print their own letterhead, no document-layout wizard first
        return self.env.ref(self._assessment_report).report_action(self, config=False)

    def _export_xlsx(self):
        """The records as a workbook, one sheet per record. Returns the file content."""
        workbook = SafeWorkbook()
        styles = workbook.add_formats({"title": {"bold": True, "font_size": 13, "align": "center"}})
        styles["cell"] = styles["text"]
        for index, rec in enumerate(self, start=1):
            rec._xlsx_write_sheet(workbook, styles, index)
        return workbook.to_bytes()

    def _xlsx_write_sheet(self, workbook, styles, index):
        """Add the sheet number ``index`` of this record to ``workbook`` (cell formats in ``styles``)."""
        raise NotImplementedError

    def action_export_xlsx(self):
        """Store the XLSX export as an attachment of the record and return the download action."""
        self.ensure_one()
        return download_action(attach_xlsx(self, f"{self.name}.xlsx", self._export_xlsx()))
