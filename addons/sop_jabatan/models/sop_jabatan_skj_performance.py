from odoo import fields
from odoo import models


class SopJabatanSkjPerformance(models.Model):
    """A performance indicator of the post in its SKJ."""

    _name = "sop.jabatan.skj.performance"
    _inherit = "sop.document.content.mixin"
    _description = "Performance Indicator of a Post (SKJ)"
    _order = "skj_id, sequence, id"
    _sop_document_path = "skj_id.skj_set_id"

    skj_id = fields.Many2one("sop.jabatan.skj", string="SKJ", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Performance Indicator", required=True)
