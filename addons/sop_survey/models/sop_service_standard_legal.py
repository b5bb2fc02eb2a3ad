from odoo import fields
from odoo import models


class SopServiceStandardLegal(models.Model):
    """One regulation of a service standard's legal basis (dasar hukum)."""

    _name = "sop.service.standard.legal"
    _description = "Service Standard Legal Basis"
    _inherit = ["sop.document.content.mixin"]
    _order = "standard_id, sequence, id"
    _sop_document_path = "standard_id"

    standard_id = fields.Many2one(
        "sop.service.standard", string="Service Standard", required=True, index=True, ondelete="cascade"
    )
    opd_id = fields.Many2one(related="standard_id.opd_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(
        string="Regulation", required=True, help="e.g. Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
    )
