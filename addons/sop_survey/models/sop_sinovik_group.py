from odoo import fields
from odoo import models


class SopSinovikGroup(models.Model):
    _name = "sop.sinovik.group"
    _description = "SINOVIK Participant Group"
    _order = "competition_id, sequence, id"

    competition_id = fields.Many2one("sop.sinovik.competition", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, help="E.g. Kelompok Umum, Kelompok Khusus, Kelompok Replikasi.")
