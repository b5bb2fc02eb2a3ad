from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.sinovik_scoring import juror_score
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError


class SopSinovikAssignment(models.Model):
    _name = "sop.sinovik.assignment"
    _description = "SINOVIK Juror Assignment"
    _inherit = ["mail.activity.mixin"]
    _order = "stage_id, proposal_id, id"

    stage_id = fields.Many2one(
        "sop.sinovik.stage", required=True, ondelete="cascade", index=True, domain="[('is_scored', '=', True)]"
    )
    competition_id = fields.Many2one(related="stage_id.competition_id", store=True)
    proposal_id = fields.Many2one(
        "sop.sinovik.proposal",
        required=True,
        ondelete="cascade",
        index=True,
        domain="[('current_stage_id', '=', stage_id), ('state', '=', 'evaluation')]",
    )
    opd_id = fields.Many2one(related="proposal_id.opd_id", string="OPD")
    juror_id = fields.Many2one("res.users", required=True, index=True)
    state = fields.Selection([("todo", "To Score"), ("done", "Done")], default="todo", required=True, readonly=True)
    score_ids = fields.One2many("sop.sinovik.score", "assignment_id", string="Scores")
    total = fields.Float(
        string="Score (0-100)",
        digits=(16, 2),
        compute="_compute_total",
        help="Σ(score × weight) / Σ(max × weight) × 100 of this juror.",
    )

    _sql_constraints = [
        (
            "juror_unique",
            "unique(stage_id, proposal_id, juror_id)",
            "A juror is assigned once per proposal and stage.",
        )
    ]

    @api.depends("score_ids.score", "stage_id.criterion_ids.weight", "stage_id.criterion_ids.max_score")
    def _compute_total(self):
        for assignment in self:
            criteria = {c.id: (c.weight, c.max_score) for c in assignment.stage_id.criterion_ids}
            scores = {s.criterion_id.id: s.score for s in assignment.score_ids}
            assignment.total = juror_score(scores, criteria)

    @api.depends("proposal_id", "juror_id", "stage_id")
    def _compute_display_name(self):
        for assignment in self:
            assignment.display_name = f"{assignment.juror_id.name} / {assignment.proposal_id.name}"

    @api.model
    def _juror_opds(self, user):
        """OPDs a user belongs to: those they act for as liaison, and their employee department."""
        Department = self.env["hr.department"].sudo()
        opds = Department.search([("liaison_user_ids", "in", user.id)])
        employees = self.env["hr.employee"].sudo().search([("user_id", "=", user.id)])
        return opds | employees.department_id

    @api.constrains("juror_id", "proposal_id")
    def _check_conflict_of_interest(self):
        for assignment in self:
            if assignment.proposal_id.opd_id in self._juror_opds(assignment.juror_id):
                raise ValidationError(
                    self.env._(
                        "Conflict of interest: juror %(juror)s belongs to %(opd)s and cannot score its "
                        "proposal '%(proposal)s'.",
                        juror=assignment.juror_id.name,
                        opd=assignment.proposal_id.opd_id.name,
                        proposal=assignment.proposal_id.name,
                    )
                )

    @api.constrains("stage_id", "proposal_id")
    def _check_stage(self):
        for assignment in self:
            if not assignment.stage_id.is_scored:
                raise ValidationError(self.env._("Jurors are assigned to scored stages only."))
            if assignment.proposal_id.competition_id != assignment.stage_id.competition_id:
                raise ValidationError(self.env._("The proposal belongs to another competition."))

    @api.model_create_multi
    def create(self, vals_list):
        stages = self.env["sop.sinovik.stage"].browse([v.get("stage_id") for v in vals_list if v.get("stage_id")])
        stages._check_editable()
        assignments = super().create(vals_list)
        juror_group = self.env.ref("sop_survey.group_sinovik_juror")
        for assignment in assignments:
            assignment.score_ids = [
                fields.Command.create({"criterion_id": c.id, "score": c.min_score})
                for c in assignment.stage_id.criterion_ids
            ]
            juror = assignment.juror_id.sudo()
            if juror_group not in juror.groups_id:
                juror.groups_id = [fields.Command.link(juror_group.id)]
        return assignments

    def write(self, vals):
        self.stage_id._check_editable()
        if (
            set(vals) - {"score_ids"}
            and not self.env.su
            and not self.env.user.has_group("sop_organisasi.group_sop_user")
        ):
            raise AccessError(self.env._("Jurors can only enter their scores."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_stage_open(self):
        self.stage_id._check_editable()

    def action_done(self):
        for assignment in self:
            if assignment.stage_id.state != "open":
                raise UserError(self.env._("Stage %(name)s is not open for scoring.", name=assignment.stage_id.name))
            missing = assignment.stage_id.criterion_ids - assignment.score_ids.criterion_id
            if missing:
                raise UserError(self.env._("Score every criterion: %(list)s.", list=", ".join(missing.mapped("name"))))
        self.sudo().write({"state": "done"})
        return True

    def action_reopen(self):
        if not self.env.user.has_group("sop_organisasi.group_sop_user"):
            raise UserError(self.env._("Only the Organization Division can reopen a completed scoring."))
        self.write({"state": "todo"})
        return True
