from collections import defaultdict

from odoo import models

CHANGE_MODES = ("create", "write", "unlink")


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def check(self, mode, values=None):
        """Files of locked records are not replaced, added or removed through ``ir.attachment``.

        One check for every locked model of both addons: a model opts in with
        ``_check_attachment_change()`` on its records (a case step, a letter, the parts of a SINOVIK
        proposal), which raises unless the current user may change its files now; the files
        follow the record's lock whatever way a client writes them. The workflow's own writes run
        as superuser. A file that is an issued letter's PDF is changed by the letter's workflow only.
        """
        result = super().check(mode, values=values)
        if mode in CHANGE_MODES and not self.env.su:
            for res_model, res_ids in self._sop_attached_records(values).items():
                if res_model in self.env and hasattr(self.env[res_model], "_check_attachment_change"):
                    self.env[res_model].browse(res_ids).exists()._check_attachment_change()
            if self and mode != "create":
                self.env["sop.letter"]._check_letter_files(self)
        return result

    def _sop_attached_records(self, values):
        """{model: ids} of the records the attachments are (or will be) attached to."""
        targets = defaultdict(set)
        values = values or {}
        for attachment in self.sudo():
            if attachment.res_model and attachment.res_id:
                targets[attachment.res_model].add(attachment.res_id)
            new_model = values.get("res_model") or attachment.res_model
            if new_model and values.get("res_id"):
                targets[new_model].add(values["res_id"])
        if not self and values.get("res_model") and values.get("res_id"):
            targets[values["res_model"]].add(values["res_id"])
        return targets
