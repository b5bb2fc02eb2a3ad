from odoo import models


class SopCase(models.Model):
    _inherit = "sop.case"

    def _sop_open_work_products(self):
        """A case of SOP 11 (Penyusunan Standar Pelayanan) opens the drafts of its OPD's service standards."""
        res = super()._sop_open_work_products()
        Standard = self.env["sop.service.standard"]
        for case in self:
            if case.procedure_id._sop_work_product() != "service_standard":
                continue
            drafts = Standard._sop_open_for_case(case)
            case.sudo().message_post(
                body=self.env._(
                    "Service standards opened for %(opd)s: %(count)s.", opd=case.opd_id.name, count=len(drafts)
                )
            )
        return res
