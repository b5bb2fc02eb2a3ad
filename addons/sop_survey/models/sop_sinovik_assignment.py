from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.dates import format_date_long
from odoo.addons.sop_organisasi.tools.workflow import check_workflow_fields
from odoo.addons.sop_organisasi.tools.workflow import without_client_defaults
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.access import DIVISION
from ..tools.access import require_group
from ..tools.sinovik_scoring import juror_score

SCORING_ACTIVITY_XMLID = "sop_survey.mail_activity_type_sinovik_scoring"
# set by action_done / action_reopen only (sudo)
ASSIGNMENT_WORKFLOW_FIELDS = {"state"}
# an assignment (and its scores) never moves to another stage or proposal
FIXED_FIELDS = ("stage_id", "proposal_id")


class SopSinovikAssignment(models.Model):
    _name = "sop.sinovik.assignment"
    _description = "SINOVIK Juror Assignment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    # the guard's declaration (sop_organisasi tools/workflow.py; docs/security.md)
    _workflow_fields = tuple(sorted(ASSIGNMENT_WORKFLOW_FIELDS))
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
    juror_id = fields.Many2one("res.users", required=True, index=True, domain=lambda self: self._juror_domain())
    state = fields.Selection([("todo", "To Score"), ("done", "Done")], default="todo", required=True, readonly=True)
    score_ids = fields.One2many("sop.sinovik.score", "assignment_id", string="Scores")
    total = fields.Float(
        string="Score (0-100)",
        digits=(16, 2),
        compute="_compute_total",
        help="Σ(score × weight) / Σ(max × weight) × 100 of this juror.",
    )

    lock_reason = fields.Char(
        compute="_compute_lock_reason",
        help="Why the scores cannot be entered now (stage not open yet, closed, scores submitted).",
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

    @api.depends("state", "stage_id.state", "stage_id.date_start")
    @api.depends_context("lang")
    def _compute_lock_reason(self):
        for assignment in self:
            assignment.lock_reason = assignment._scoring_lock_reason()

    def _scoring_lock_reason(self):
        """Why the juror cannot enter or change these scores now, in words ('' when he can)."""
        self.ensure_one()
        stage = self.stage_id
        if stage.state == "closed":
            return self.env._(
                "Stage %(stage)s is closed: its ranking is final, the scores of %(name)s can no longer change.",
                stage=stage.name,
                name=self.display_name,
            )
        if self.state == "done":
            return self.env._(
                "The scores of %(name)s are submitted and locked: to change them, ask the Organization Division "
                "to reopen the scoring.",
                name=self.display_name,
            )
        if stage.state == "pending":
            start = stage.date_start
            if start and start > fields.Date.context_today(self):
                return self.env._(
                    "Stage %(stage)s has not started yet: it starts on %(date)s. The scores of %(name)s can be "
                    "entered once the Organization Division opens it.",
                    stage=stage.name,
                    date=format_date_long(start, self.env.lang or "id_ID"),
                    name=self.display_name,
                )
            return self.env._(
                "Stage %(stage)s has not been opened yet by the Organization Division: the scores of %(name)s "
                "can be entered once it is open.",
                stage=stage.name,
                name=self.display_name,
            )
        return ""

    @api.depends("proposal_id", "juror_id", "stage_id")
    def _compute_display_name(self):
        for assignment in self:
            if assignment.juror_id and assignment.proposal_id:
                assignment.display_name = f"{assignment.juror_id.name} / {assignment.proposal_id.name}"
            else:
                # a new assignment (breadcrumb "New", not "False / False")
                assignment.display_name = assignment.juror_id.name or assignment.proposal_id.name or self.env._("New")

    # ------------------------------------------------------------------ jurors
    @api.model
    def _juror_domain(self):
        """Internal and portal users (never the public user, whose group would open proposals to anybody)."""
        return ["|", ("share", "=", False), ("groups_id", "in", self.env.ref("base.group_portal").ids)]

    @api.model
    def _check_juror_users(self, users):
        """Jurors are internal or portal users: the juror group gives read access to the proposals and their
        files, and the public user is every anonymous visitor."""
        refused = users.sudo().exists().filtered(lambda u: u._is_public() or not (u._is_internal() or u._is_portal()))
        if refused:
            raise ValidationError(
                self.env._(
                    "%(users)s cannot score SINOVIK proposals: jurors are internal or portal users, never the "
                    "public user.",
                    users=", ".join(refused.mapped("name")),
                )
            )

    @api.constrains("juror_id")
    def _check_juror(self):
        self._check_juror_users(self.juror_id)

    @api.model
    def _sync_juror_group(self, users):
        """A user holds the juror group while he has an assignment: given with the first, taken with the last."""
        group = self.env.ref("sop_survey.group_sinovik_juror")
        Assignment = self.sudo()
        for user in users.sudo().exists():
            assigned = bool(Assignment.search_count([("juror_id", "=", user.id)], limit=1))
            if assigned and group not in user.groups_id:
                user.groups_id = [fields.Command.link(group.id)]
            elif not assigned and group in user.groups_id:
                user.groups_id = [fields.Command.unlink(group.id)]

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
        for vals in vals_list:
            check_workflow_fields(self, vals, ASSIGNMENT_WORKFLOW_FIELDS, creating=True)
        self._check_juror_users(self.env["res.users"].browse({v["juror_id"] for v in vals_list if v.get("juror_id")}))
        stages = self.env["sop.sinovik.stage"].browse([v.get("stage_id") for v in vals_list if v.get("stage_id")])
        stages._check_editable()
        assignments = super(SopSinovikAssignment, without_client_defaults(self, ASSIGNMENT_WORKFLOW_FIELDS)).create(
            vals_list
        )
        for assignment in assignments:
            # score lines are the workflow's (sudo): one per criterion of the stage
            assignment.sudo().score_ids = [
                fields.Command.create({"criterion_id": c.id, "score": c.min_score})
                for c in assignment.stage_id.criterion_ids
            ]
        self._sync_juror_group(assignments.juror_id)
        assignments._schedule_scoring_activity()
        return assignments

    def write(self, vals):
        self.stage_id._check_editable()
        check_workflow_fields(self, vals, ASSIGNMENT_WORKFLOW_FIELDS)
        if not self.env.su:
            self._check_direct_change(vals)
        if not vals.get("juror_id"):
            return super().write(vals)
        self._check_juror_users(self.env["res.users"].browse(vals["juror_id"]))
        jurors = self.juror_id
        result = super().write(vals)
        self._sync_juror_group(jurors | self.juror_id)
        return result

    def _check_direct_change(self, vals):
        """Jurors enter scores only; the Division changes the juror of an unsubmitted scoring only."""
        if set(vals) - {"score_ids"} and not self.env.user.has_group(DIVISION):
            raise AccessError(self.env._("Jurors can only enter their scores."))
        if any(name in vals and self.filtered(lambda a, n=name: a[n].id != vals[n]) for name in FIXED_FIELDS):
            raise UserError(
                self.env._(
                    "A juror assignment stays with its stage and proposal: delete it and assign the juror again."
                )
            )
        if "juror_id" in vals and self.filtered(lambda a: a.state == "done" and a.juror_id.id != vals["juror_id"]):
            raise UserError(
                self.env._("The scores are submitted: reopen the scoring before giving it to another juror.")
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_stage_open(self):
        self.stage_id._check_editable()

    def unlink(self):
        jurors = self.juror_id
        result = super().unlink()
        self._sync_juror_group(jurors)
        return result

    def action_done(self):
        """The juror submits their scores (the Organization Division may do it for them)."""
        self.check_access("write")
        if not (self.env.su or self.env.user.has_group(DIVISION)) and self.filtered(
            lambda a: a.juror_id != self.env.user
        ):
            raise AccessError(self.env._("Only the assigned juror can submit these scores."))
        for assignment in self:
            if assignment.stage_id.state != "open":
                raise UserError(assignment._scoring_lock_reason())
            missing = assignment.stage_id.criterion_ids - assignment.score_ids.criterion_id
            if missing:
                raise UserError(self.env._("Score every criterion: %(list)s.", list=", ".join(missing.mapped("name"))))
        self.sudo().write({"state": "done"})
        self._close_scoring_activity(feedback=self.env._("Scores entered."))
        return True

    def action_reopen(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division can reopen a completed scoring."))
        self.sudo().write({"state": "todo"})
        self._schedule_scoring_activity()
        return True

    # ------------------------------------------------------------- activities
    def _schedule_scoring_activity(self):
        """Put the scoring on the juror's activities (due at the end of the stage)."""
        for assignment in self.sudo():
            assignment.activity_schedule(
                SCORING_ACTIVITY_XMLID,
                date_deadline=assignment.stage_id.date_end or fields.Date.context_today(assignment),
                summary=self.env._(
                    "Score %(proposal)s (%(stage)s)",
                    proposal=assignment.proposal_id.name,
                    stage=assignment.stage_id.name,
                )[:250],
                user_id=assignment.juror_id.id,
            )

    def _close_scoring_activity(self, feedback=None):
        """Done when the juror has scored; dropped when the stage closes without them."""
        assignments = self.sudo()
        if feedback:
            assignments.activity_feedback([SCORING_ACTIVITY_XMLID], feedback=feedback)
        else:
            assignments.activity_unlink([SCORING_ACTIVITY_XMLID])
