import io

import xlsxwriter

from odoo import api
from odoo import models

from ..tools.dates import format_date_long

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        return self.env.ref(self._assessment_report).report_action(self)

    def _export_xlsx(self):
        """The records as a workbook, one sheet per record. Returns the file content."""
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"in_memory": True})
        styles = {
            "title": workbook.add_format({"bold": True, "font_size": 13, "align": "center"}),
            "bold": workbook.add_format({"bold": True}),
            "head": workbook.add_format(
                {
                    "bold": True,
                    "border": 1,
                    "align": "center",
                    "valign": "vcenter",
                    "text_wrap": True,
                    "bg_color": "#D9D9D9",
                }
            ),
            "cell": workbook.add_format({"border": 1, "valign": "top", "text_wrap": True}),
            "center": workbook.add_format({"border": 1, "valign": "top", "align": "center"}),
        }
        for index, rec in enumerate(self, start=1):
            rec._xlsx_write_sheet(workbook, styles, index)
        workbook.close()
        return output.getvalue()

    def _xlsx_write_sheet(self, workbook, styles, index):
        """Add the sheet number ``index`` of this record to ``workbook`` (cell formats in ``styles``)."""
        raise NotImplementedError

    def action_export_xlsx(self):
        """Store the XLSX export as an attachment of the record and return the download action."""
        self.ensure_one()
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"{self.name}.xlsx".replace("/", "-"),
                "raw": self._export_xlsx(),
                "mimetype": XLSX_MIMETYPE,
                "res_model": self._name,
                "res_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }
