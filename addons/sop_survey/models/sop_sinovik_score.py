from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.number_format import format_number
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

# what a juror (or the Division for them) enters; everything else is set with the assignment
SCORE_INPUT_FIELDS = {"score", "comment"}


class SopSinovikScore(models.Model):
    _name = "sop.sinovik.score"
    _description = "SINOVIK Juror Score per Criterion"
    _order = "assignment_id, sequence, id"

    assignment_id = fields.Many2one("sop.sinovik.assignment", required=True, ondelete="cascade", index=True)
    criterion_id = fields.Many2one("sop.sinovik.criterion", required=True, ondelete="cascade")
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    weight = fields.Float(related="criterion_id.weight")
    min_score = fields.Float(related="criterion_id.min_score")
    max_score = fields.Float(related="criterion_id.max_score")
    score = fields.Float()
    comment = fields.Text()

    _sql_constraints = [
        ("criterion_unique", "unique(assignment_id, criterion_id)", "Each criterion is scored once per assignment.")
    ]

    @api.constrains("score", "criterion_id")
    def _check_score(self):
        for line in self:
            criterion = line.criterion_id
            if not criterion.min_score <= line.score <= criterion.max_score:
                raise ValidationError(
                    self.env._(
                        "The score of %(criterion)s must lie between %(min)s and %(max)s (got %(score)s).",
                        criterion=criterion.name,
                        min=format_number(criterion.min_score, self.env.lang),
                        max=format_number(criterion.max_score, self.env.lang),
                        score=format_number(line.score, self.env.lang),
                    )
                )
            if criterion.stage_id != line.assignment_id.stage_id:
                raise ValidationError(self.env._("The criterion belongs to another stage."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(self.env._("Score lines are created with the juror assignment, one per criterion."))
        return super().create(vals_list)

    def write(self, vals):
        # the criterion and the assignment of a line are the workflow's, for the Division as well
        if set(vals) - SCORE_INPUT_FIELDS and not self.env.su:
            raise AccessError(self.env._("Jurors can only enter the score and the comment."))
        for assignment in self.assignment_id:
            reason = assignment._scoring_lock_reason()
            if reason:
                raise UserError(reason)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_assignment_only(self):
        if not self.env.su:
            raise AccessError(self.env._("Score lines are deleted with their juror assignment only."))
