from odoo import fields
from odoo import models


class SopServiceStandardRequirement(models.Model):
    """One requirement (persyaratan) of a service standard: a document or condition the citizen brings."""

    _name = "sop.service.standard.requirement"
    _description = "Service Standard Requirement"
    _inherit = ["sop.document.content.mixin"]
    _order = "standard_id, sequence, id"
    _sop_document_path = "standard_id"

    standard_id = fields.Many2one(
        "sop.service.standard", string="Service Standard", required=True, index=True, ondelete="cascade"
    )
    opd_id = fields.Many2one(related="standard_id.opd_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Requirement", required=True)
    copies = fields.Char(string="Copies/Form", help="e.g. 'asli', '1 lembar fotokopi', 'formulir F-1.01'")
    mandatory = fields.Boolean(default=True)
