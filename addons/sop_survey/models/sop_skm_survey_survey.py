from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.workflow import written_fields
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

    def _skm_in_use(self):
        """The questionnaires of ``self`` used by an SKM period (its public form shows them)."""
        if not self:
            return self
        periods = self.env["sop.skm.period"].sudo().search([("survey_id", "in", self.ids)])
        return self.browse([survey.id for survey in self if survey in periods.survey_id])

    def _skm_check_questionnaire_change(self, key_change=True):
        """Refuse a change of these questionnaires to everybody but the SOP Administrator when one is used by
        an SKM period (any change: the public form depends on it) or, for a ``key_change`` (what gives the
        answered lines their meaning), has citizens' answers. Return the answered questionnaires (their key
        changes are logged).
        """
        answered = self._skm_answered() if key_change else self.browse()
        if self.env["survey.user_input"]._skm_is_corrector():
            return answered
        if answered:
            raise AccessError(
                self.env._(
                    "The questionnaire %(survey)s already has citizens' answers: only the SOP Administrator "
                    "changes or deletes its questions and answer options, and every change is logged.",
                    survey=answered[0].sudo().title,
                )
            )
        in_use = self._skm_in_use()
        if in_use:
            period = self.env["sop.skm.period"].sudo().search([("survey_id", "in", in_use.ids)], limit=1)
            raise AccessError(
                self.env._(
                    "The questionnaire %(survey)s is used by the SKM period %(period)s: only the SOP "
                    "Administrator changes, archives or deletes it, its questions and its answer options.",
                    survey=in_use[0].sudo().title,
                    period=period.name,
                )
            )
        return answered

    def write(self, vals):
        if not self.env.su and written_fields(vals):
            self._skm_check_questionnaire_change(key_change=False)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_skm_in_use_by_administrator(self):
        if not self.env.su:
            self._skm_check_questionnaire_change(key_change=False)

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=None):
        """The translation dialog writes with SQL: the same rule as ``write``."""
        if not self.env.su:
            self._skm_check_questionnaire_change(key_change=False)
        return super()._update_field_translations(field_name, translations, digest=digest, source_lang=source_lang)

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
