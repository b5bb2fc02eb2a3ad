from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.workflow import as_workflow


class SopProcedure(models.Model):
    _inherit = "sop.procedure"

    work_product = fields.Selection(
        selection_add=[("service_standard", "Service Standards")], ondelete={"service_standard": "set null"}
    )

    @api.model
    def _sop_survey_mark_work_products(self):
        """Data: the shipped SOP 11 (Penyusunan Standar Pelayanan) makes the service standards (skipped if it
        was deleted, kept if an administrator chose another work product)."""
        procedure = self.env.ref("sop_organisasi.sop_draft_11", raise_if_not_found=False)
        if procedure and not procedure.work_product:
            as_workflow(procedure).write({"work_product": "service_standard"})
        return True
