from odoo import api
from odoo import models

from ..tools.service_standard import DELIVERY_KEYS


class ReportServiceStandardLampiran(models.AbstractModel):
    """Lampiran of the decree setting an OPD's service standards (Permenpan RB 15/2014): the 14 components
    of every service, per unit, with the flowchart of the SOP of each procedure (sop_organisasi's SOP
    document pages, drawn by its flowchart tool)."""

    _name = "report.sop_survey.report_service_standard_lampiran"
    _description = "Service Standards Lampiran"

    @api.model
    def _get_report_values(self, docids, data=None):
        standards = self.env["sop.service.standard"].browse(docids)
        standards.check_access("read")
        groups = []
        for opd in standards.opd_id:
            of_opd = standards.filtered(lambda s, opd=opd: s.opd_id == opd)
            units = [(unit, of_opd.filtered(lambda s, unit=unit: s.unit_id == unit)) for unit in of_opd.unit_id]
            groups.append({"opd": opd, "units": units})
        # the SOP is the library's: printed as it stands, whoever prints the standard referring to it
        procedures = standards.sudo().procedure_id
        sop_report = self.env["report.sop_organisasi.report_sop_document"].sudo()
        paper = procedures._get_paper_size()
        return {
            "doc_ids": standards.ids,
            "doc_model": standards._name,
            "docs": standards,
            "groups": groups,
            "sop_documents": {procedure.id: sop_report._document_values(procedure, paper) for procedure in procedures},
            "procedures": {procedure.id: procedure for procedure in procedures},
        }


class ReportServiceStandardBoard(models.AbstractModel):
    """Public board of a service (large print): the six service-delivery components."""

    _name = "report.sop_survey.report_service_standard_board"
    _description = "Service Standard Public Board"

    @api.model
    def _get_report_values(self, docids, data=None):
        standards = self.env["sop.service.standard"].browse(docids)
        standards.check_access("read")
        return {
            "doc_ids": standards.ids,
            "doc_model": standards._name,
            "docs": standards,
            "delivery_keys": DELIVERY_KEYS,
            "steps": {
                rec.id: [step.name for step in rec.sudo().procedure_id._get_ordered_steps()] if rec.procedure_id else []
                for rec in standards
            },
        }
