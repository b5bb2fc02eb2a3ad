import base64

from odoo import api
from odoo import fields
from odoo import models


class SopImportWizard(models.TransientModel):
    """Import an SOP from a workbook in the export layout (all or nothing)."""

    _name = "sop.import.wizard"
    _description = "Import SOP from XLSX"

    file = fields.Binary(string="Workbook (XLSX)", required=True)
    filename = fields.Char()
    target = fields.Selection(
        [("new", "New draft SOP"), ("revision", "New revision of an effective SOP")],
        string="Create",
        required=True,
        default="new",
    )
    procedure_id = fields.Many2one(
        "sop.procedure",
        string="SOP to Revise",
        domain=[("state", "=", "effective")],
        help="The effective SOP the imported workbook becomes the next revision of.",
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if self.env.context.get("active_model") == "sop.procedure" and self.env.context.get("active_id"):
            procedure = self.env["sop.procedure"].browse(self.env.context["active_id"])
            if procedure.state == "effective":
                values.setdefault("procedure_id", procedure.id)
        return values

    def action_download_template(self):
        return {"type": "ir.actions.act_url", "url": "/sop_organisasi/xlsx/template", "target": "download"}

    def action_import(self):
        self.ensure_one()
        procedure = self.env["sop.procedure"]._import_xlsx(
            base64.b64decode(self.file),
            revise=self.procedure_id if self.target == "revision" else None,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "sop.procedure",
            "res_id": procedure.id,
            "view_mode": "form",
            "target": "current",
        }
