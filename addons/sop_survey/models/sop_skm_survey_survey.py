from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from ..tools.access import DIVISION
from ..tools.access import require_group
from ..tools.skm_questionnaire import SKM_ELEMENTS
from ..tools.skm_questionnaire import SKM_PROFILE_QUESTIONS
from ..tools.skm_questionnaire import SKM_SUGGESTION_QUESTION


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    is_skm = fields.Boolean(
        string="SKM Questionnaire",
        compute="_compute_is_skm",
        store=True,
        help="Has questions tagged with SKM elements.",
    )

    @api.depends("question_and_page_ids.skm_element")
    def _compute_is_skm(self):
        for survey in self:
            survey.is_skm = any(survey.question_and_page_ids.mapped("skm_element"))

    # ------------------------------------------------------------------ answered questionnaires
    def _skm_answered(self):
        """The questionnaires of ``self`` with citizens' SKM answers (any state)."""
        if not self:
            return self
        groups = (
            self.env["survey.user_input"]
            .sudo()
            ._read_group(
                [("survey_id", "in", self.ids), "|", ("skm_period_id", "!=", False), ("skm_unit_id", "!=", False)],
                groupby=["survey_id"],
            )
        )
        return self.browse([survey.id for (survey,) in groups])

    def _skm_check_questionnaire_change(self):
        """Refuse to change the questions or answer options of answered questionnaires (the answered lines
        and the IKM depend on them) to everybody but the SOP Administrator; return those questionnaires.
        """
        answered = self._skm_answered()
        if answered and not self.env["survey.user_input"]._skm_is_corrector():
            raise AccessError(
                self.env._(
                    "The questionnaire %(survey)s already has citizens' answers: only the SOP Administrator "
                    "changes or deletes its questions and answer options, and every change is logged.",
                    survey=answered[0].sudo().title,
                )
            )
        return answered

    @api.model
    def _skm_create_questionnaire(self, title=None):
        """Create an SKM questionnaire from the model of Permenpan RB 14/2017."""
        sequence = 0
        questions = []

        def next_sequence():
            nonlocal sequence
            sequence += 10
            return sequence

        questions.append(
            Command.create(
                {"title": "Profil Responden", "is_page": True, "question_type": False, "sequence": next_sequence()}
            )
        )
        for code, kind, text, choices, mandatory in SKM_PROFILE_QUESTIONS:
            vals = {
                "title": text,
                "question_type": kind,
                "skm_profile": code,
                "constr_mandatory": mandatory,
                "sequence": next_sequence(),
            }
            if kind == "numerical_box":
                vals.update(validation_required=True, validation_min_float_value=10, validation_max_float_value=120)
            if choices:
                vals["suggested_answer_ids"] = [
                    Command.create({"value": label, "sequence": i}) for i, label in enumerate(choices, 1)
                ]
            questions.append(Command.create(vals))
        questions.append(
            Command.create(
                {"title": "Pendapat Responden", "is_page": True, "question_type": False, "sequence": next_sequence()}
            )
        )
        for code, element, text, labels in SKM_ELEMENTS:
            questions.append(
                Command.create(
                    {
                        "title": text,
                        "description": f"<p>{code}. {element}</p>",
                        "question_type": "simple_choice",
                        "skm_element": code,
                        "constr_mandatory": True,
                        "sequence": next_sequence(),
                        "suggested_answer_ids": [
                            Command.create({"value": label, "answer_score": score, "sequence": score})
                            for score, label in enumerate(labels, 1)
                        ],
                    }
                )
            )
        questions.append(
            Command.create(
                {
                    "title": SKM_SUGGESTION_QUESTION,
                    "question_type": "text_box",
                    "skm_profile": "suggestion",
                    "sequence": next_sequence(),
                }
            )
        )
        return self.create(
            {
                "title": title or "Survei Kepuasan Masyarakat",
                "survey_type": "survey",
                "access_mode": "public",
                "users_login_required": False,
                "questions_layout": "one_page",
                "scoring_type": "no_scoring",
                "description_done": "<p>Terima kasih atas partisipasi Anda.</p>",
                "question_and_page_ids": questions,
            }
        )

    @api.model
    def action_skm_create_questionnaire(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division creates SKM questionnaires."))
        survey = self._skm_create_questionnaire()
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.survey",
            "res_id": survey.id,
            "view_mode": "form",
            "target": "current",
        }
