from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.skm_questionnaire import SKM_ELEMENT_SELECTION
from odoo.addons.sop_organisasi.tools.skm_questionnaire import SKM_PROFILE_SELECTION
from odoo.exceptions import ValidationError


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    skm_element = fields.Selection(
        SKM_ELEMENT_SELECTION,
        string="SKM Element",
        index=True,
        copy=True,
        help="Element (unsur) of Permenpan RB 14/2017 measured by this question. "
        "The IKM uses these codes only, never the question order.",
    )
    skm_profile = fields.Selection(
        SKM_PROFILE_SELECTION,
        string="SKM Profile",
        copy=True,
        help="Respondent profile item used for the breakdowns of the SKM report.",
    )

    @api.constrains("skm_element", "question_type", "suggested_answer_ids")
    def _check_skm_element(self):
        self._skm_check_element()

    def _skm_check_element(self):
        for question in self.filtered("skm_element"):
            if question.question_type != "simple_choice":
                raise ValidationError(
                    self.env._("The SKM element question %(q)s must be a single choice.", q=question.title)
                )
            scores = sorted(question.suggested_answer_ids.mapped("answer_score"))
            if scores and scores != [1.0, 2.0, 3.0, 4.0]:
                raise ValidationError(
                    self.env._(
                        "The answers of the SKM element question %(q)s must score 1, 2, 3 and 4.", q=question.title
                    )
                )
