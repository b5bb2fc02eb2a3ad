from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools.skm_questionnaire import SKM_ELEMENT_SELECTION
from ..tools.skm_questionnaire import SKM_PROFILE_SELECTION

# what the answered lines and the IKM of a questionnaire in use depend on
SKM_KEY_FIELDS = ("skm_element", "skm_profile", "question_type", "is_page", "survey_id")


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

    # ------------------------------------------------------------------ questionnaires in use
    @api.model_create_multi
    def create(self, vals_list):
        """A question added to a questionnaire in use changes its public form; a new element or profile
        question in an answered one changes its IKM or breakdowns."""
        if not self.env.su:
            Survey = self.env["survey.survey"]
            Survey.browse(
                {vals["survey_id"] for vals in vals_list if vals.get("survey_id")}
            )._skm_check_questionnaire_change(key_change=False)
            tagged = [vals.get("survey_id") for vals in vals_list if vals.get("skm_element") or vals.get("skm_profile")]
            Survey.browse([survey_id for survey_id in tagged if survey_id])._skm_check_questionnaire_change()
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        changed = [name for name in SKM_KEY_FIELDS if name in vals]
        surveys = self.env["survey.survey"].browse([*self.sudo().survey_id.ids, vals.get("survey_id") or 0])
        answered = surveys.exists()._skm_check_questionnaire_change(key_change=bool(changed))
        if not changed:
            return super().write(vals)
        logged = self.filtered(lambda q: q.sudo().survey_id in answered)
        Log = self.env["sop.skm.correction"]
        before = Log._values_text(logged, changed)
        result = super().write(vals)
        if logged:
            after = Log._values_text(logged, changed)
            Log._log_questionnaire(
                "write",
                logged,
                {
                    question.id: (
                        question.sudo().survey_id or answered[:1],
                        self.env._(
                            "Question: %(question)s\nBefore:\n%(before)s\nAfter:\n%(after)s",
                            question=question.title,
                            before=before[question.id],
                            after=after[question.id],
                        ),
                    )
                    for question in logged
                },
            )
        return result

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=None):
        """The translation dialog writes with SQL: the same rule as ``write``."""
        if not self.env.su:
            self.sudo().survey_id.with_env(self.env)._skm_check_questionnaire_change(key_change=False)
        return super()._update_field_translations(field_name, translations, digest=digest, source_lang=source_lang)

    @api.ondelete(at_uninstall=False)
    def _unlink_answered_skm_by_administrator(self):
        """Deleting a question changes the public form of a questionnaire in use and deletes its answered lines
        (database cascade): administrator only, logged when it had answers."""
        if self.env.su:
            return
        answered = self.sudo().survey_id.with_env(self.env)._skm_check_questionnaire_change()
        if not answered:
            return
        logged = self.filtered(lambda q: q.sudo().survey_id in answered)
        Line = self.env["survey.user_input.line"].sudo()
        self.env["sop.skm.correction"]._log_questionnaire(
            "unlink",
            logged,
            {
                question.id: (
                    question.sudo().survey_id,
                    self.env._(
                        "Question deleted: %(question)s (%(code)s), with %(lines)s answered line(s).",
                        question=question.title,
                        code=question.skm_element or question.skm_profile or "-",
                        lines=Line.search_count([("question_id", "=", question.id)]),
                    ),
                )
                for question in logged
            },
        )
