from odoo import api
from odoo import models


class ReportSinovikCertificate(models.AbstractModel):
    """The certificate is only printed once the jury is done and the signatory is known."""

    _name = "report.sop_survey.report_sinovik_certificate"
    _description = "SINOVIK Certificate Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        proposals = self.env["sop.sinovik.proposal"].browse(docids)
        for competition in proposals.competition_id:
            competition._check_certificate_printable()
        return {"doc_ids": proposals.ids, "doc_model": proposals._name, "docs": proposals}
