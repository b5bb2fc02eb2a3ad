from odoo import models

JOB_DATA_PRODUCTS = ("anjab_abk", "job_grading")


class SopCase(models.Model):
    _inherit = "sop.case"

    def _sop_open_work_products(self):
        """A case of SOP 1 (ANJAB/ABK) or SOP 2 (job grading) opens the OPD's job data of the case's year, a case
        of the SKJ SOP its competency standards (SKJ)."""
        res = super()._sop_open_work_products()
        Analysis = self.env["sop.jabatan.analysis"]
        SkjSet = self.env["sop.jabatan.skj.set"]
        for case in self:
            if case.procedure_id._sop_work_product() in JOB_DATA_PRODUCTS:
                analysis = Analysis._sop_open_for(case.opd_id, case.year, case)
                case.message_post(body=self.env._("Job data to fill in: %s", analysis._get_html_link()))
            elif case.procedure_id._sop_work_product() == "skj":
                skj_set = SkjSet._sop_open_for(case.opd_id, case.year, case)
                case.message_post(body=self.env._("Competency standards to fill in: %s", skj_set._get_html_link()))
        return res
