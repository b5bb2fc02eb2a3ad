from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError


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
                        min=criterion.min_score,
                        max=criterion.max_score,
                        score=line.score,
                    )
                )
            if criterion.stage_id != line.assignment_id.stage_id:
                raise ValidationError(self.env._("The criterion belongs to another stage."))

    def write(self, vals):
        if (
            set(vals) - {"score", "comment"}
            and not self.env.su
            and not self.env.user.has_group("sop_organisasi.group_sop_user")
        ):
            raise AccessError(self.env._("Jurors can only enter the score and the comment."))
        for line in self:
            assignment = line.assignment_id
            if assignment.state == "done" or assignment.stage_id.state != "open":
                raise UserError(self.env._("The scores of %(name)s are locked.", name=assignment.display_name))
        return super().write(vals)
