from odoo import models

from ..tools.year import is_year_field
from ..tools.year import year_text


class MailTrackingValue(models.Model):
    _inherit = "mail.tracking.value"

    def _tracking_value_format_model(self, model):
        """A changed year reads "2025 → 2026" in the chatter and in e-mails, not "2.025 → 2.026".

        The web client formats integer tracking values with thousands separators; a
        :class:`~odoo.addons.sop_organisasi.tools.year.Year` field is sent as text instead.
        """
        formatted = super()._tracking_value_format_model(model)
        model_fields = self.env[model]._fields if model and model in self.env else {}
        for info in formatted:
            if info["fieldType"] == "integer" and is_year_field(model_fields.get(info["fieldName"])):
                info["fieldType"] = "char"
                for side in ("oldValue", "newValue"):
                    info[side]["value"] = year_text(info[side]["value"])
        return formatted
