from odoo import api
from odoo import models


class ResUsers(models.Model):
    """A SINOVIK juror starts on their assignments."""

    _inherit = "res.users"

    @api.model
    def _sop_home_groups(self):
        return super()._sop_home_groups() | self.env.ref("sop_survey.group_sinovik_juror")

    def _sop_home_action_xmlid(self):
        self.ensure_one()
        if not self.has_group("sop_organisasi.group_sop_user") and self.has_group("sop_survey.group_sinovik_juror"):
            return "sop_survey.sop_sinovik_assignment_action_mine"
        return super()._sop_home_action_xmlid()
