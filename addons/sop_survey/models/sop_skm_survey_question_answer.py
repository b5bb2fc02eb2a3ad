from odoo import api
from odoo import models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    @api.constrains("answer_score")
    def _check_skm_score(self):
        self.question_id._skm_check_element()
