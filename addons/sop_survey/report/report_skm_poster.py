import base64

from odoo import api
from odoo import models


class ReportSkmPoster(models.AbstractModel):
    """Poster of a unit for the service counter: its QR code leads to the public SKM form."""

    _name = "report.sop_survey.report_skm_poster"
    _description = "SKM Poster Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        units = self.env["sop.skm.unit"].browse(docids)
        return {
            "doc_ids": units.ids,
            "doc_model": units._name,
            "docs": units,
            "qr_codes": {unit.id: self._qr_data_uri(unit) for unit in units},
        }

    @api.model
    def _qr_data_uri(self, unit):
        png = unit._skm_qr_png(unit.public_url)
        return "data:image/png;base64," + base64.b64encode(png).decode()
