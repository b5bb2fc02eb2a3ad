import base64

from odoo import fields
from odoo import models


class SopJabatanSkjImportWizard(models.TransientModel):
    """Import the SKJ of an OPD's posts from its XLSX export into a draft (all or nothing)."""

    _name = "sop.jabatan.skj.import.wizard"
    _description = "Import Competency Standards from XLSX"

    skj_set_id = fields.Many2one("sop.jabatan.skj.set", string="SKJ of the OPD", required=True, ondelete="cascade")
    file = fields.Binary(string="Workbook (XLSX)", required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        self.skj_set_id._sop_import_xlsx(base64.b64decode(self.file))
        return self.skj_set_id._sop_form_action()
