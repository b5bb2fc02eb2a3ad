from odoo import api
from odoo import models


class SopProcedureContent(models.AbstractModel):
    """Content of an SOP (box lines, sections, steps): editable only in draft, by the users
    who may edit the SOP (record rules through ``procedure_id``, see security/sop_security.xml).
    Only the workflow (``tools.workflow``: the copy of a revision) and data files change the
    content of a non-draft SOP; no context key a client sends opens that lock."""

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
            # moved into another SOP: it must be a draft the user may edit (record rules)
            self.procedure_id._check_editable()
            self.check_access("write")
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft(self):
        self.procedure_id._check_editable()
