from odoo import api
from odoo import models


class SurveyUserInputLine(models.Model):
    """The answered lines of a citizen's SKM answer follow its append-only rule (see survey.user_input)."""

    _inherit = "survey.user_input.line"

    def _skm_log(self, operation, user_inputs, changes=None):
        answers = user_inputs._skm_answers()
        if answers and not self.env.su:
            self.env["sop.skm.correction"]._log(operation, answers, self._name, changes or {})

    def _skm_line_values(self, field_names):
        values = {}
        for line in self:
            text = "\n".join(
                f"{line.question_id.title}: {line._fields[name].string} = "
                f"{line._fields[name].convert_to_display_name(line[name], line)}"
                for name in field_names
            )
            values[line.user_input_id.id] = "\n".join(filter(None, [values.get(line.user_input_id.id), text]))
        return values

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            user_inputs = self.env["survey.user_input"].browse(
                [vals["user_input_id"] for vals in vals_list if vals.get("user_input_id")]
            )
            user_inputs._skm_check_correction()
        lines = super().create(vals_list)
        if not self.env.su:
            lines._skm_log("write", lines.user_input_id, lines._skm_line_values(["display_name"]))
        return lines

    def write(self, vals):
        if self.env.su:
            return super().write(vals)
        self.user_input_id._skm_check_correction(moving="user_input_id" in vals)
        changed = sorted(name for name in vals if name in self._fields)
        before = self._skm_line_values(changed)
        user_inputs = self.user_input_id
        result = super().write(vals)
        after = self._skm_line_values(changed)
        changes = {
            uid: self.env._(
                "Before:\n%(before)s\nAfter:\n%(after)s", before=before.get(uid, "-"), after=after.get(uid, "-")
            )
            for uid in (user_inputs | self.user_input_id).ids
        }
        self._skm_log("write", user_inputs | self.user_input_id, changes)
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_skm_lines_by_administrator(self):
        if self.env.su:
            return
        self.user_input_id._skm_check_correction()
        self._skm_log("write", self.user_input_id, self._skm_line_values(["display_name"]))
