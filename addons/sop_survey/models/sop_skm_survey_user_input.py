from odoo import fields
from odoo import models


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    skm_unit_id = fields.Many2one("sop.skm.unit", string="SKM Service Unit", index=True, ondelete="restrict")
    skm_service_id = fields.Many2one("sop.skm.service", string="SKM Service", index=True, ondelete="restrict")
    skm_period_id = fields.Many2one("sop.skm.period", string="SKM Period", index=True, ondelete="restrict")
