from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError


class SopSkmCorrection(models.Model):
    """Audit trail of the corrections of submitted SKM answers (append-only, written by the system)."""

    _name = "sop.skm.correction"
    _description = "SKM Answer Correction Log"
    _order = "id desc"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now)
    user_id = fields.Many2one("res.users", string="Corrected by", required=True, readonly=True)
    operation = fields.Selection(
        [("write", "Changed"), ("unlink", "Deleted"), ("create", "Answer Added")], required=True, readonly=True
    )
    record_model = fields.Char(string="Record Type", required=True, readonly=True)
    answer_ref = fields.Integer(
        string="Answer ID", readonly=True, help="Id of the citizen's answer (survey.user_input)."
    )
    period_id = fields.Many2one("sop.skm.period", readonly=True, ondelete="set null", index=True)
    unit_id = fields.Many2one("sop.skm.unit", string="Service Unit", readonly=True, ondelete="set null")
    service_id = fields.Many2one("sop.skm.service", readonly=True, ondelete="set null")
    changes = fields.Text(readonly=True, help="Values before and after the correction.")

    @api.model
    def _log(self, operation, user_input, record_model, changes):
        """Store one trace per answer (sudo: nobody writes this log directly)."""
        return self.sudo().create(
            [
                {
                    "user_id": self.env.uid,
                    "operation": operation,
                    "record_model": record_model,
                    "answer_ref": answer.id,
                    "period_id": answer.skm_period_id.id,
                    "unit_id": answer.skm_unit_id.id,
                    "service_id": answer.skm_service_id.id,
                    "changes": changes.get(answer.id, ""),
                }
                for answer in user_input
            ]
        )

    @api.model
    def _log_questionnaire(self, operation, records, texts):
        """One trace per changed question or answer option of a questionnaire with citizens' answers.

        ``texts`` maps each record id to (questionnaire, description of the change).
        """
        Period = self.env["sop.skm.period"].sudo()
        vals_list = []
        for record in records:
            survey, text = texts[record.id]
            vals_list.append(
                {
                    "user_id": self.env.uid,
                    "operation": operation,
                    "record_model": record._name,
                    "period_id": Period.search([("survey_id", "=", survey.id)], order="date_start desc", limit=1).id,
                    "changes": text,
                }
            )
        return self.sudo().create(vals_list)

    @api.model
    def _values_text(self, records, field_names):
        """{record id: 'Field: value' lines} of the given fields, for the log."""
        return {
            record.id: "\n".join(
                f"{record._fields[name]._description_string(self.env)}: "
                f"{record._fields[name].convert_to_display_name(record[name], record)}"
                for name in field_names
            )
            for record in records
        }

    def write(self, vals):
        if not self.env.su:
            raise AccessError(self.env._("The SKM correction log cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        if not self.env.su:
            raise AccessError(self.env._("The SKM correction log cannot be deleted."))
