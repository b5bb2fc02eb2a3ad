from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SopSinovikCriterion(models.Model):
    _name = "sop.sinovik.criterion"
    _description = "SINOVIK Scoring Criterion"
    _order = "stage_id, sequence, id"

    stage_id = fields.Many2one("sop.sinovik.stage", required=True, ondelete="cascade", index=True)
    competition_id = fields.Many2one(related="stage_id.competition_id", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    description = fields.Text()
    weight = fields.Float(required=True, default=1.0, help="Relative weight of the criterion in the stage.")
    min_score = fields.Float(string="Minimum Score", default=0.0)
    max_score = fields.Float(string="Maximum Score", default=100.0)

    @api.constrains("weight", "min_score", "max_score")
    def _check_range(self):
        for criterion in self:
            if criterion.weight <= 0:
                raise ValidationError(
                    self.env._("The weight of criterion %(name)s must be positive.", name=criterion.name)
                )
            if criterion.min_score < 0 or criterion.max_score <= criterion.min_score:
                raise ValidationError(
                    self.env._(
                        "The score range of criterion %(name)s must satisfy 0 <= minimum < maximum.",
                        name=criterion.name,
                    )
                )
