from odoo import fields
from odoo import models


class SopSinovikResult(models.Model):
    _name = "sop.sinovik.result"
    _description = "SINOVIK Stage Result"
    _order = "stage_id, rank, id"

    stage_id = fields.Many2one("sop.sinovik.stage", required=True, ondelete="cascade", index=True)
    competition_id = fields.Many2one(related="stage_id.competition_id", store=True)
    proposal_id = fields.Many2one("sop.sinovik.proposal", required=True, ondelete="cascade", index=True)
    opd_id = fields.Many2one(related="proposal_id.opd_id", store=True)
    score = fields.Float(
        digits=(16, 2), aggregator="avg", help="Mean over the jurors of the normalised weighted score (0-100)."
    )
    key_score = fields.Float(
        string="Tie-break Score",
        digits=(16, 2),
        aggregator="avg",
        help="Mean score in the criterion with the highest weight.",
    )
    juror_count = fields.Integer(string="Jurors", aggregator="max")
    rank = fields.Integer(aggregator="min")
    advanced = fields.Boolean()
