from collections import defaultdict

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.workflow import field_labels
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.access import ADMINISTRATOR
from ..tools.access import DIVISION
from ..tools.access import require_group
from ..tools.sinovik_scoring import juror_score
from ..tools.sinovik_scoring import mean
from ..tools.sinovik_scoring import rank_entries

SCORED_KINDS = ("desk", "presentation", "field")
# what a closed stage may still change: its ranking was computed from everything else. Its criteria and
# scores are locked by their own models (the one2many commands of the form reach them).
CLOSED_STAGE_EDITABLE = {"name"}


class SopSinovikStage(models.Model):
    _name = "sop.sinovik.stage"
    _inherit = ["sop.workflow.state.mixin"]
    _description = "SINOVIK Competition Stage"
    _order = "competition_id, sequence, id"

    competition_id = fields.Many2one("sop.sinovik.competition", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
    kind = fields.Selection(
        [
            ("registration", "Call and Registration"),
            ("administrative", "Administrative Selection"),
            ("desk", "Desk Evaluation"),
            ("presentation", "Presentation / Interview"),
            ("field", "Field Verification"),
            ("announcement", "Announcement"),
        ],
        required=True,
        default="desk",
    )
    date_start = fields.Date(string="Start")
    date_end = fields.Date(string="End")
    top_n = fields.Integer(
        string="Top N Advancing",
        help="Number of best proposals that advance to the next scored stage (0 = all).",
    )
    state = fields.Selection(
        [("pending", "Pending"), ("open", "Open"), ("closed", "Closed")],
        default="pending",
        required=True,
        readonly=True,
        copy=False,
    )
    is_scored = fields.Boolean(compute="_compute_is_scored", store=True)
    criterion_ids = fields.One2many("sop.sinovik.criterion", "stage_id", string="Criteria", copy=True)
    assignment_ids = fields.One2many("sop.sinovik.assignment", "stage_id", string="Juror Assignments")
    result_ids = fields.One2many("sop.sinovik.result", "stage_id", string="Results")
    assignment_count = fields.Integer(compute="_compute_assignment_count")
    weight_total = fields.Float(compute="_compute_weight_total")

    @api.depends("kind")
    def _compute_is_scored(self):
        for stage in self:
            stage.is_scored = stage.kind in SCORED_KINDS

    def _compute_assignment_count(self):
        for stage in self:
            stage.assignment_count = len(stage.assignment_ids)

    @api.depends("criterion_ids.weight")
    def _compute_weight_total(self):
        for stage in self:
            stage.weight_total = sum(stage.criterion_ids.mapped("weight"))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for stage in self:
            if stage.date_start and stage.date_end and stage.date_end < stage.date_start:
                raise ValidationError(self.env._("Stage %(name)s ends before it starts.", name=stage.name))

    @api.constrains("top_n")
    def _check_top_n(self):
        if any(stage.top_n < 0 for stage in self):
            raise ValidationError(self.env._("Top N cannot be negative."))

    # ------------------------------------------------------------------ create / lock
    def write(self, vals):
        if not self.env.su:
            self._check_closed_change(vals)
        return super().write(vals)

    def _check_closed_change(self, vals):
        """A closed stage keeps its competition, kind, order and top N: only its name may be corrected.

        A value equal to the current one (a form sending the record back) is no change.
        """
        names = [
            name
            for name in vals
            if name in self._fields and name not in CLOSED_STAGE_EDITABLE and self._fields[name].type != "one2many"
        ]
        for stage in self.filtered(lambda s: s.state == "closed"):
            changed = [name for name in names if stage._value_differs(name, vals[name])]
            if changed:
                raise UserError(
                    self.env._(
                        "Stage %(name)s is closed: its ranking is final, %(fields)s can no longer change.",
                        name=stage.display_name,
                        fields=field_labels(self, changed),
                    )
                )

    def _value_differs(self, name, value):
        field = self._fields[name]
        return field.convert_to_cache(value, self) != field.convert_to_cache(self[name], self)

    def _check_criteria_editable(self, wording_only=False):
        """The criteria of a closed stage (their weights and score ranges made its ranking) never change;
        once a juror has submitted his scores, the criteria of the stage are fixed too (their wording
        aside): a new weight, range or criterion would change the totals he submitted."""
        if self.env.su:
            return
        closed = self.filtered(lambda s: s.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Stage %(name)s is closed: its scoring criteria can no longer be added, changed or deleted.",
                    name=closed[0].display_name,
                )
            )
        if wording_only:
            return
        scored = self.sudo().filtered(lambda s: "done" in s.assignment_ids.mapped("state"))
        if scored:
            raise UserError(
                self.env._(
                    "Jurors have submitted their scores in stage %(name)s: its criteria, weights and score ranges "
                    "can no longer change (only their wording).",
                    name=scored[0].display_name,
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_pending(self):
        """An open or closed stage holds juror scores and results: they go only with the whole competition."""
        if not self.env.su and self.filtered(lambda s: s.state != "pending"):
            raise UserError(self.env._("Only a pending stage can be deleted: its scores and results are kept."))

    # ------------------------------------------------------------------ flow
    def _next_scored_stage(self):
        self.ensure_one()
        stages = self.competition_id.stage_ids.filtered("is_scored").sorted(lambda s: (s.sequence, s.id))
        later = stages.filtered(lambda s: (s.sequence, s.id) > (self.sequence, self.id))
        return later[:1]

    def _check_editable(self):
        closed = self.filtered(lambda s: s.state == "closed")
        if closed:
            raise UserError(self.env._("Stage %(name)s is closed: its scores are locked.", name=closed[0].display_name))

    def _check_division(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division can run the competition stages."))

    def action_open(self):
        self._check_division()
        for stage in self:
            if stage.state != "pending":
                raise UserError(self.env._("Only a pending stage can be opened."))
            if stage.is_scored and not stage.criterion_ids:
                raise UserError(self.env._("Stage %(name)s has no scoring criteria yet.", name=stage.name))
        self._set_state("open")

    def _stage_proposals(self):
        self.ensure_one()
        return self.env["sop.sinovik.proposal"].search(
            [("current_stage_id", "=", self.id), ("state", "=", "evaluation")]
        )

    def _compute_ranking(self):
        """Return the ranked list of dicts for the proposals in this stage."""
        self.ensure_one()
        criteria = {c.id: (c.weight, c.max_score) for c in self.criterion_ids}
        key_criterion = self.criterion_ids.sorted(lambda c: (-c.weight, c.sequence, c.id))[:1]
        done_by_proposal = defaultdict(list)
        for assignment in self.assignment_ids:
            if assignment.state == "done":
                done_by_proposal[assignment.proposal_id.id].append(assignment)
        entries = []
        for proposal in self._stage_proposals():
            assignments = done_by_proposal[proposal.id]
            juror_scores = []
            key_scores = []
            for assignment in assignments:
                scores = {s.criterion_id.id: s.score for s in assignment.score_ids}
                juror_scores.append(juror_score(scores, criteria))
                key_scores.append(scores.get(key_criterion.id, 0.0))
            entries.append(
                {
                    "id": proposal.id,
                    "proposal": proposal,
                    "score": mean(juror_scores),
                    "key_score": mean(key_scores),
                    "juror_count": len(juror_scores),
                    "submit_time": proposal.submit_date,
                }
            )
        return rank_entries(entries)

    def _check_close_rights(self, force):
        self._check_division()
        if force:
            require_group(
                self.env, ADMINISTRATOR, self.env._("Only the SOP Administrator can close a stage with the override.")
            )

    def action_close(self, force=False):
        """Rank the proposals of the stage and advance the top N (all-or-nothing).

        Without ``force`` every assignment of the stage must be complete; the override (``force``)
        is for the SOP Administrator only.
        """
        self._check_close_rights(force)
        for stage in self:
            if not stage.is_scored:
                raise UserError(self.env._("Only scored stages are closed with a ranking."))
            if stage.state != "open":
                raise UserError(self.env._("Stage %(name)s is not open.", name=stage.name))
            proposals = stage._stage_proposals()
            if not proposals:
                raise UserError(self.env._("Stage %(name)s has no proposal to rank.", name=stage.name))
            open_assignments = stage.assignment_ids.filtered(lambda a: a.state != "done")
            if open_assignments and not force:
                raise UserError(
                    self.env._(
                        "Stage %(name)s still has %(count)s incomplete juror assignment(s): %(list)s. "
                        "Complete them or close the stage with the override.",
                        name=stage.name,
                        count=len(open_assignments),
                        list=", ".join(open_assignments.mapped("display_name")),
                    )
                )
            scored = stage.assignment_ids.filtered(lambda a: a.state == "done").proposal_id
            unscored = proposals - scored
            if unscored and not force:
                raise UserError(
                    self.env._(
                        "These proposals have no completed score in stage %(name)s: %(list)s.",
                        name=stage.name,
                        list=", ".join(unscored.mapped("name")),
                    )
                )
            ranking = stage._compute_ranking()
            next_stage = stage._next_scored_stage()
            limit = stage.top_n or len(ranking)
            result_vals = []
            for entry in ranking:
                advanced = entry["rank"] <= limit
                result_vals.append(
                    {
                        "stage_id": stage.id,
                        "proposal_id": entry["id"],
                        "score": entry["score"],
                        "key_score": entry["key_score"],
                        "juror_count": entry["juror_count"],
                        "rank": entry["rank"],
                        "advanced": advanced,
                    }
                )
            # results are the workflow's (sudo): nobody writes them directly
            stage.sudo().result_ids.unlink()
            self.env["sop.sinovik.result"].sudo().create(result_vals)
            for entry in ranking:
                proposal = entry["proposal"]
                if entry["rank"] > limit:
                    proposal._sinovik_write({"state": "eliminated", "final_rank": False})
                elif next_stage:
                    proposal._sinovik_write({"current_stage_id": next_stage.id})
                else:
                    proposal._sinovik_write(
                        {"state": "final", "final_rank": entry["rank"], "final_score": entry["score"]}
                    )
                proposal.message_post(
                    body=self.env._(
                        "Stage %(stage)s closed: score %(score).2f, rank %(rank)s%(outcome)s.",
                        stage=stage.name,
                        score=entry["score"],
                        rank=entry["rank"],
                        outcome=self.env._(", advances") if entry["rank"] <= limit else self.env._(", eliminated"),
                    )
                )
            stage._set_state("closed")
            open_assignments._close_scoring_activity()
            if next_stage and next_stage.state == "pending":
                next_stage.action_open()
        return True

    def action_close_force(self):
        return self.action_close(force=True)

    def action_open_stage(self):
        """The stage's own form (criteria, juror assignments, closing), from the competition's list."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(self.env.ref("sop_survey.sop_sinovik_stage_view_form").id, "form")],
            "target": "current",
        }

    def action_view_assignments(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("sop_survey.sop_sinovik_assignment_action")
        action["domain"] = [("stage_id", "=", self.id)]
        action["context"] = {"default_stage_id": self.id}
        return action
