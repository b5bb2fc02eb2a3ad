from odoo import api
from odoo import models


class ReportSinovikProposal(models.AbstractModel):
    """The proposal with its answers in the order of the national (KIPP) form."""

    _name = "report.sop_survey.report_sinovik_proposal"
    _description = "SINOVIK Proposal Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        proposals = self.env["sop.sinovik.proposal"].browse(docids)
        return {
            "doc_ids": proposals.ids,
            "doc_model": proposals._name,
            "docs": proposals,
            "answers": {proposal.id: proposal._answers_in_form_order() for proposal in proposals},
        }
