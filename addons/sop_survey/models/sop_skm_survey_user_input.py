from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from ..tools.access import ADMINISTRATOR

SKM_FIELDS = ("skm_unit_id", "skm_service_id", "skm_period_id")
# technical fields the mail framework may set on any record
HARMLESS_FIELDS = {"message_main_attachment_id"}


class SurveyUserInput(models.Model):
    """Citizens' SKM answers are append-only: only the SOP Administrator corrects them, with a trace."""

    _inherit = "survey.user_input"

    skm_unit_id = fields.Many2one("sop.skm.unit", string="SKM Service Unit", index=True, ondelete="restrict")
    skm_service_id = fields.Many2one("sop.skm.service", string="SKM Service", index=True, ondelete="restrict")
    skm_period_id = fields.Many2one("sop.skm.period", string="SKM Period", index=True, ondelete="restrict")

    def _skm_answers(self):
        return self.filtered(lambda answer: answer.skm_period_id or answer.skm_unit_id)

    def _skm_is_corrector(self):
        return self.env.su or self.env.user.has_group(ADMINISTRATOR)

    def _skm_check_correction(self, moving=False):
        """Refuse a change of SKM answers unless the user is the SOP Administrator (or the system)."""
        if (moving or self._skm_answers()) and not self._skm_is_corrector():
            raise AccessError(
                self.env._(
                    "Citizens' SKM answers cannot be changed, moved or deleted: only the SOP Administrator "
                    "corrects them, and every correction is logged."
                )
            )

    def _skm_values(self, field_names):
        """{answer id: 'field: value' lines} of the given fields, for the correction log."""
        return self.env["sop.skm.correction"]._values_text(self, field_names)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._skm_is_corrector() and any(vals.get(name) for vals in vals_list for name in SKM_FIELDS):
            raise AccessError(self.env._("SKM answers are given by citizens through the public form only."))
        answers = super().create(vals_list)
        if not self.env.su and answers._skm_answers():
            self.env["sop.skm.correction"]._log("create", answers._skm_answers(), self._name, {})
        return answers

    def write(self, vals):
        changed = sorted(name for name in set(vals) - HARMLESS_FIELDS if name in self._fields)
        if self.env.su or not changed:
            return super().write(vals)
        self._skm_check_correction(moving=any(name in vals for name in SKM_FIELDS))
        logged = self._skm_answers()
        before = logged._skm_values(changed)
        result = super().write(vals)
        logged |= self._skm_answers()
        if logged:
            after = logged._skm_values(changed)
            changes = {
                answer.id: self.env._(
                    "Before:\n%(before)s\nAfter:\n%(after)s", before=before.get(answer.id, "-"), after=after[answer.id]
                )
                for answer in logged
            }
            self.env["sop.skm.correction"]._log("write", logged, self._name, changes)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_skm_answers_by_administrator(self):
        self._skm_check_correction()
        if not self.env.su and self._skm_answers():
            answers = self._skm_answers()
            summary = {
                answer.id: self.env._(
                    "State: %(state)s, answered lines: %(lines)s",
                    state=answer.state,
                    lines=len(answer.user_input_line_ids),
                )
                for answer in answers
            }
            self.env["sop.skm.correction"]._log("unlink", answers, self._name, summary)
