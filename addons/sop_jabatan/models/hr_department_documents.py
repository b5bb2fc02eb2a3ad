# pylint: disable=consider-merging-classes-inherited
from odoo import models
from odoo.exceptions import UserError


class HrDepartment(models.Model):
    """The printed documents of an OPD's latest effective job data, from the ABK Recap per OPD list."""

    _inherit = "hr.department"

    def _sop_effective_analysis(self):
        self.ensure_one()
        if not self.abk_analysis_id:
            raise UserError(self.env._("%(opd)s has no effective job data yet.", opd=self.name))
        return self.abk_analysis_id

    def action_sop_abk_recap_pdf(self):
        return self._sop_effective_analysis().action_abk_recap_pdf()

    def action_sop_peta_jabatan_pdf(self):
        return self._sop_effective_analysis().action_peta_jabatan_pdf()
