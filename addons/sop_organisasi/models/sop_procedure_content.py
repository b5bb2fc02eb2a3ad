from odoo import api
from odoo import models


class SopProcedureContent(models.AbstractModel):
    """Content of an SOP (box lines, sections, steps): editable only in draft."""

    _name = "sop.procedure.content"
    _description = "SOP Content (editable while the SOP is a draft)"

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        records.procedure_id._check_editable()
        return records

    def write(self, vals):
        self.check_access("write")
        self.procedure_id._check_editable()
        res = super().write(vals)
        if {"procedure_id", "section_id"} & set(vals):
            self.procedure_id._check_editable()  # moved into another SOP
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        self.procedure_id._check_editable()
