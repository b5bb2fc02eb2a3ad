from odoo import api
from odoo import models

# what the answered lines (their meaning, the IKM, the breakdowns) of a questionnaire in use depend on
SKM_KEY_FIELDS = ("value", "answer_score", "question_id", "matrix_question_id")


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    @api.constrains("answer_score")
    def _check_skm_score(self):
        self.question_id._skm_check_element()

    # ------------------------------------------------------------------ questionnaires in use
    def _skm_survey(self):
        return (self.sudo().question_id or self.sudo().matrix_question_id).survey_id

    def _skm_answered_options(self, new_question_ids=(), key_change=True):
        """Check the change of these options (administrator only if their questionnaire is in use, or answered
        for a ``key_change``); return the answered ones."""
        questions = self.env["survey.question"].sudo().browse(list(new_question_ids)).exists()
        surveys = self.sudo().question_id.survey_id | self.sudo().matrix_question_id.survey_id | questions.survey_id
        answered = self.env["survey.survey"].browse(surveys.ids)._skm_check_questionnaire_change(key_change)
        return self.filtered(lambda option: option._skm_survey() in answered), answered

    @api.model_create_multi
    def create(self, vals_list):
        """A new option changes the public form of a questionnaire in use."""
        if not self.env.su:
            question_ids = {vals.get(name) for vals in vals_list for name in ("question_id", "matrix_question_id")}
            self.browse()._skm_answered_options([qid for qid in question_ids if qid], key_change=False)
        return super().create(vals_list)

    def _skm_log(self, operation, logged, answered, texts):
        self.env["sop.skm.correction"]._log_questionnaire(
            operation,
            logged,
            {
                option.id: (
                    option._skm_survey() or answered[:1],
                    self.env._(
                        "Answer option of %(question)s: %(change)s",
                        question=(option.sudo().question_id or option.sudo().matrix_question_id).title,
                        change=texts[option.id],
                    ),
                )
                for option in logged
            },
        )

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        changed = [name for name in SKM_KEY_FIELDS if name in vals]
        new_questions = [vals[name] for name in ("question_id", "matrix_question_id") if vals.get(name)]
        logged, answered = self._skm_answered_options(new_questions, key_change=bool(changed))
        if not changed:
            return super().write(vals)
        Log = self.env["sop.skm.correction"]
        before = Log._values_text(logged, changed)
        result = super().write(vals)
        if logged:
            after = Log._values_text(logged, changed)
            texts = {
                option.id: self.env._(
                    "Before:\n%(before)s\nAfter:\n%(after)s", before=before[option.id], after=after[option.id]
                )
                for option in logged
            }
            self._skm_log("write", logged, answered, texts)
        return result

    def _update_field_translations(self, field_name, translations, digest=None, source_lang=None):
        """The translation dialog writes the label with SQL: the same rule as ``write``."""
        if not self.env.su:
            logged, answered = self._skm_answered_options(key_change=field_name in SKM_KEY_FIELDS)
            if logged:
                texts = {
                    option.id: self.env._("New translations: %(values)s", values=translations) for option in logged
                }
                self._skm_log("write", logged, answered, texts)
        return super()._update_field_translations(field_name, translations, digest=digest, source_lang=source_lang)

    @api.ondelete(at_uninstall=False)
    def _unlink_answered_skm_by_administrator(self):
        """Deleting an option empties the answered lines that chose it: administrator only, logged."""
        if self.env.su:
            return
        logged, answered = self._skm_answered_options()
        if logged:
            Line = self.env["survey.user_input.line"].sudo()
            texts = {
                option.id: self.env._(
                    "deleted %(value)s (score %(score)s), chosen in %(lines)s answered line(s).",
                    value=option.value,
                    score=option.answer_score,
                    lines=Line.search_count(
                        ["|", ("suggested_answer_id", "=", option.id), ("matrix_row_id", "=", option.id)]
                    ),
                )
                for option in logged
            }
            self._skm_log("unlink", logged, answered, texts)
