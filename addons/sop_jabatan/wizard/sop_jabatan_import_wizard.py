import base64

from odoo import api
from odoo import fields
from odoo import models


class SopJabatanImportWizard(models.TransientModel):
    """Import the posts' tasks of a draft job data from its XLSX template (all or nothing)."""

    _name = "sop.jabatan.import.wizard"
    _description = "Import Job Data from XLSX"

    analysis_id = fields.Many2one("sop.jabatan.analysis", string="Job Data", required=True, ondelete="cascade")
    file = fields.Binary(string="Workbook (XLSX)", required=True)
    filename = fields.Char()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "sop.jabatan.analysis" and self.env.context.get("active_id"):
            values.setdefault("analysis_id", self.env.context["active_id"])
        return values

    def action_import(self):
        self.ensure_one()
        self.analysis_id._sop_import_xlsx(base64.b64decode(self.file))
        return {
            "type": "ir.actions.act_window",
            "res_model": "sop.jabatan.analysis",
            "res_id": self.analysis_id.id,
            "view_mode": "form",
            "target": "current",
        }
