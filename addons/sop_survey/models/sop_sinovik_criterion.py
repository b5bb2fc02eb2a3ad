from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

# what a criterion says, not how it counts
WORDING_FIELDS = {"name", "description", "sequence"}


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

    # ------------------------------------------------------------------ closed stages
    @api.model_create_multi
    def create(self, vals_list):
        self.env["sop.sinovik.stage"].browse(
            {vals["stage_id"] for vals in vals_list if vals.get("stage_id")}
        )._check_criteria_editable()
        return super().create(vals_list)

    def write(self, vals):
        stages = self.stage_id
        if vals.get("stage_id"):
            stages |= self.env["sop.sinovik.stage"].browse(vals["stage_id"])
        stages._check_criteria_editable(wording_only=set(vals) <= WORDING_FIELDS)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_stage_not_closed(self):
        """Deleting a criterion deletes its score lines (database cascade)."""
        self.stage_id._check_criteria_editable()
