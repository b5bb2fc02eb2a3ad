from odoo import fields
from odoo import models


class SopJabatanAnjabLine(models.AbstractModel):
    """A line of an ANJAB element of a post sheet (results, materials, tools, ...): it changes only while
    the analysis of the sheet is a draft the user may write (``sop.document.content.mixin``)."""

    _name = "sop.jabatan.anjab.line"
    _inherit = "sop.document.content.mixin"
    _description = "ANJAB Element Line"
    _order = "sheet_id, sequence, id"
    _sop_document_path = "sheet_id.analysis_id"

    sheet_id = fields.Many2one("sop.jabatan.sheet", string="Post Sheet", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
