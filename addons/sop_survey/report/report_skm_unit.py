from odoo import api
from odoo import models


class ReportSkmUnit(models.AbstractModel):
    """SKM report of a unit and period (Permenpan RB 14/2017): the figures of
    ``sop.skm.population._skm_report_data``, prepared once per population."""

    _name = "report.sop_survey.report_skm_unit"
    _description = "SKM Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        populations = self.env["sop.skm.population"].browse(docids)
        return {
            "doc_ids": populations.ids,
            "doc_model": populations._name,
            "docs": populations,
            "skm_data": {population.id: population._skm_report_data() for population in populations},
        }
