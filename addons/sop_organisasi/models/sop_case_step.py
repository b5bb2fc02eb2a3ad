from markupsafe import Markup

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

from ..tools.deadline import standard_hours
from ..tools.duration import UNIT_SELECTION
from ..tools.duration import format_duration
from ..tools.duration import format_hours
from ..tools.workflow import field_labels
from .sop_case import OPEN_STEP_STATES

ACTIVITY_TYPE_XMLID = "sop_organisasi.mail_activity_type_sop_step"
# What a user may write directly on a case step; everything else (the frozen copy of the SOP
# step, state, assignees, times) is set by the step actions, as superuser after their checks.
STEP_NOTE_FIELDS = {"note"}  # anyone who may write the step, while it is open
STEP_ACTOR_FIELDS = {"attachment_ids", "decision_reason"}  # the step's actors, while it runs
# colour indexes of the web client's calendar palette
CALENDAR_COLORS = {"late": 1, "done_late": 2, "to_approve": 3, "done": 4, "current": 10}


class SopCaseStep(models.Model):
    """A frozen copy of one SOP step inside a case, with its people and times."""

    _name = "sop.case.step"
    _description = "SOP Case Step"
    _inherit = ["tier.validation", "sop.approval.activity.mixin"]
    _order = "case_id, sequence, id"
    _rec_names_search = ["code", "name"]

    # tier validation: a step needing a formal approval waits in "to_approve"
    _state_field = "state"
    _state_from = ["to_approve"]
    _state_to = ["done"]
    _cancel_state = "current"
    _tier_validation_manual_config = False

    case_id = fields.Many2one("sop.case", required=True, ondelete="cascade", index=True)
    case_state = fields.Selection(related="case_id.state", string="Case Status")
    procedure_id = fields.Many2one(related="case_id.procedure_id", store=True, string="SOP", index=True)
    opd_id = fields.Many2one(related="case_id.opd_id", store=True, string="OPD", index=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)
    sequence = fields.Integer(default=10, index=True)
    source_step_id = fields.Many2one(
        "sop.step",
        string="SOP Step",
        ondelete="set null",
        readonly=True,
        help="The SOP step this step was copied from.",
    )

    # frozen copy of the SOP step
    section_code = fields.Char(readonly=True)
    section_name = fields.Char(string="Section", readonly=True)
    code = fields.Char(string="Step", readonly=True, index=True)
    name = fields.Text(string="Activity", required=True, readonly=True)
    kind = fields.Selection(
        [("start", "Start"), ("process", "Process"), ("decision", "Decision"), ("end", "End")],
        required=True,
        default="process",
        readonly=True,
    )
    role_id = fields.Many2one("sop.role", string="Actor", ondelete="restrict", readonly=True, index=True)
    requirement = fields.Text(string="Requirements (Kelengkapan)", readonly=True)
    duration_qty = fields.Float(string="Standard Time", digits=(16, 2), readonly=True)
    duration_unit = fields.Selection(UNIT_SELECTION, string="Time Unit", readonly=True)
    duration_display = fields.Char(string="Time (Waktu)", compute="_compute_duration_display")
    output = fields.Text(readonly=True)
    output_is_document = fields.Boolean(
        string="Output Is a Document", readonly=True, help="Finishing the step needs the output attached."
    )
    requires_approval = fields.Boolean(
        readonly=True, help="Finishing the step asks the approval tiers; the step is done once validated."
    )
    return_step_id = fields.Many2one(
        "sop.case.step", string="Return Step if No", readonly=True, ondelete="set null", index="btree_not_null"
    )

    # execution
    state = fields.Selection(
        [
            ("waiting", "Waiting"),
            ("current", "In Progress"),
            ("to_approve", "Waiting for Approval"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="waiting",
        required=True,
        readonly=True,
        index=True,
    )
    user_ids = fields.Many2many(
        "res.users",
        "sop_case_step_res_users_rel",
        "step_id",
        "user_id",
        string="Assignees",
        readonly=True,
        help="The people the actor role resolved to when the step started.",
    )
    step_activity_ids = fields.One2many("mail.activity", "sop_case_step_id", string="Activities")
    date_deadline = fields.Datetime(string="Planned Deadline", readonly=True)
    date_started = fields.Datetime(string="Started On", readonly=True)
    date_finished = fields.Datetime(string="Finished On", readonly=True)
    actual_hours = fields.Float(
        string="Actual Time (h)",
        readonly=True,
        aggregator="sum",
        help="Working hours between start and finish on the company calendar, over every run of the step.",
    )
    standard_hours = fields.Float(
        string="Standard Time (h)",
        compute="_compute_standard_hours",
        store=True,
        aggregator="sum",
        help="The Mutu Baku time in working hours (1 day = the calendar's hours per day, "
        "1 week = 5 days, 1 month = 22 days).",
    )
    actual_time_display = fields.Char(string="Actual Time", compute="_compute_time_display")
    standard_time_display = fields.Char(string="Standard Time (Hours)", compute="_compute_time_display")
    run_count = fields.Integer(string="Runs", readonly=True, help="How many times the step was started.")
    is_late = fields.Boolean(string="Late", readonly=True, index=True)
    overdue_notified_date = fields.Datetime(
        string="Overdue Notice Sent On", readonly=True, copy=False, help="When the managers were told the step is late."
    )
    decision_answer = fields.Selection([("yes", "Yes"), ("no", "No")], string="Answer")
    decision_reason = fields.Text(string="Reason for 'No'")
    no_count = fields.Integer(string="'No' Answers", readonly=True)
    return_reason = fields.Text(
        string="Returned Because",
        readonly=True,
        copy=False,
        help="Why a later decision answered 'No' and sent the case back to this step.",
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "sop_case_step_attachment_rel",
        "step_id",
        "attachment_id",
        string="Output Documents",
    )
    note = fields.Text(string="Notes")
    is_my_step = fields.Boolean(compute="_compute_is_my_step", search="_search_is_my_step", string="Mine")
    calendar_color = fields.Integer(
        compute="_compute_calendar_color",
        help="Calendar colour: red late, yellow waiting for approval, green in progress, orange done late.",
    )

    # ------------------------------------------------------------------ compute
    @api.depends("duration_qty", "duration_unit")
    def _compute_duration_display(self):
        for step in self:
            step.duration_display = format_duration(step.duration_qty, step.duration_unit)

    @api.depends("actual_hours", "standard_hours")
    def _compute_time_display(self):
        for step in self:
            step.actual_time_display = format_hours(step.actual_hours)
            step.standard_time_display = format_hours(step.standard_hours)

    @api.depends("duration_qty", "duration_unit", "company_id")
    def _compute_standard_hours(self):
        for step in self:
            hours_per_day = step.company_id.resource_calendar_id.hours_per_day or 8.0
            step.standard_hours = standard_hours(step.duration_qty, step.duration_unit, hours_per_day)

    @api.depends("state", "is_late", "date_deadline")
    def _compute_calendar_color(self):
        now = fields.Datetime.now()
        for step in self:
            late = step.is_late or bool(step.date_deadline and step.date_deadline < now)
            if step.state in ("current", "to_approve"):
                step.calendar_color = CALENDAR_COLORS["late"] if late else CALENDAR_COLORS[step.state]
            elif step.state == "done":
                step.calendar_color = CALENDAR_COLORS["done_late" if step.is_late else "done"]
            else:
                step.calendar_color = 0

    @api.depends_context("uid")
    @api.depends("user_ids")
    def _compute_is_my_step(self):
        for step in self:
            step.is_my_step = self.env.user in step.user_ids

    def _search_is_my_step(self, operator, value):
        positive = (operator == "=") == bool(value)
        return [("user_ids", "in" if positive else "not in", self.env.uid)]

    @api.depends_context("sop_step_show_opd")
    @api.depends("code", "name", "case_id", "opd_id")
    def _compute_display_name(self):
        show_opd = self.env.context.get("sop_step_show_opd")
        for step in self:
            text = (step.name or "").strip()
            if len(text) > 50:
                text = text[:47] + "..."
            step.display_name = f"{step.code} {text}"
            if show_opd and step.opd_id:
                # the step calendar: whose step it is comes first
                step.display_name = f"{step.opd_id.name} · {step.display_name}"

    # -------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._("Case steps are copied from the SOP when the case is created; they cannot be added.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_client_write(vals)
        return super().write(vals)

    def _check_client_write(self, vals):
        """Raise unless a user may write ``vals`` directly on these steps."""
        self.check_access("write")
        forbidden = set(vals) - STEP_NOTE_FIELDS - STEP_ACTOR_FIELDS
        if forbidden:
            names = field_labels(self, forbidden)
            raise AccessError(
                self.env._(
                    "%(fields)s of a case step cannot be changed directly: a step moves on only "
                    "through its buttons (Finish, Yes, No, approval).",
                    fields=names,
                )
            )
        if set(vals) & STEP_ACTOR_FIELDS:
            self._check_can_act()
        states = OPEN_STEP_STATES if set(vals) & STEP_ACTOR_FIELDS else ("waiting", *OPEN_STEP_STATES)
        closed = self.filtered(lambda s: s.state not in states or s.case_id.state in ("done", "cancelled"))
        if closed:
            raise UserError(
                self.env._("Step %(code)s is not in progress and can no longer be changed.", code=closed[0].code)
            )

    def _check_attachment_change(self):
        """The output documents of a step (sop_organisasi's ir.attachment check): added, replaced or
        removed only by its people while it is in progress; the letters' PDFs never (see sop.letter)."""
        self._check_can_act()
        closed = self.filtered(lambda s: s.state not in OPEN_STEP_STATES or s.case_id.state in ("done", "cancelled"))
        if closed:
            raise UserError(
                self.env._(
                    "Step %(code)s is not in progress: its documents can no longer be changed.", code=closed[0].code
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_superuser(self):
        if not self.env.su:
            raise AccessError(self.env._("Case steps cannot be deleted; cancel the case instead."))

    # ------------------------------------------------------------- activation
    def _resolve_assignees(self, users_cache=None):
        """The active users of the step's role (the OPD's liaison users for the 'OPD' role)."""
        self.ensure_one()
        role = self.role_id.sudo()
        key = (role.id, self.case_id.opd_id.id if role.resolution_type == "opd" else 0)
        if users_cache is not None and key in users_cache:
            return users_cache[key]
        users = role._resolve_users(opd=self.case_id.opd_id) if role else self.env["res.users"]
        if users_cache is not None:
            users_cache[key] = users
        return users

    def _activate(self, start=None, cache=None, users_cache=None):
        """Make the steps current: assignees, planned deadline, one activity per person."""
        start = start or fields.Datetime.now()
        for step in self:
            case = step.case_id
            resolved = step._resolve_assignees(users_cache)
            users = resolved or case.user_id
            deadline = case._compute_step_deadline(start, step.duration_qty, step.duration_unit, cache)
            step.sudo().with_context(skip_validation_check=True).write(
                {
                    "state": "current",
                    "user_ids": [fields.Command.set(users.ids)],
                    "date_started": start,
                    "date_finished": False,
                    "date_deadline": deadline,
                    "overdue_notified_date": False,
                    "decision_answer": False,
                    "decision_reason": False,
                    "run_count": step.run_count + 1,
                }
            )
            case.sudo().write({"current_step_id": step.id})
            step._schedule_activities(users, deadline)
            step._log("start", note=False if resolved else step._fallback_note(users))
            case.sudo().message_post(
                body=self.env._(
                    "Step %(code)s started for %(users)s, due %(deadline)s.",
                    code=step.code,
                    users=", ".join(users.mapped("name")),
                    deadline=case._format_moment(deadline),
                ),
            )

    def _fallback_note(self, users):
        """History note of a step whose role resolved to nobody (kept visible for audits)."""
        return self.env._(
            "Nobody holds the role '%(role)s': the step was assigned to the case responsible %(users)s.",
            role=self.role_id.name or "-",
            users=", ".join(users.mapped("name")),
        )

    def _activity_note(self):
        self.ensure_one()
        parts = [Markup("<p><strong>%s</strong> %s</p>") % (self.code, self.name)]
        if self.requirement:
            parts.append(Markup("<p><em>%s</em> %s</p>") % (self.env._("Inputs:"), self.requirement))
        if self.output:
            parts.append(Markup("<p><em>%s</em> %s</p>") % (self.env._("Output:"), self.output))
        if self.duration_display:
            parts.append(Markup("<p><em>%s</em> %s</p>") % (self.env._("Standard time:"), self.duration_display))
        if self.kind == "decision":
            parts.append(
                Markup("<p>%s</p>") % self.env._("Decision: answer yes or no (a 'no' needs a reason) on the step.")
            )
        return Markup("").join(parts)

    def _schedule_activities(self, users, deadline):
        self.ensure_one()
        case = self.case_id.sudo()
        date_deadline = case._deadline_date(deadline)
        summary = self.env._("SOP step %(code)s: %(case)s", code=self.code, case=case.name)[:250]
        note = self._activity_note()
        for user in users:
            case.activity_schedule(
                ACTIVITY_TYPE_XMLID,
                date_deadline=date_deadline,
                summary=summary,
                note=note,
                user_id=user.id,
                sop_case_step_id=self.id,
            )

    # ----------------------------------------------------------------- finish
    def _check_can_act(self):
        user = self.env.user
        is_manager = user.has_group("sop_organisasi.group_sop_manager")
        for step in self:
            if user not in step.user_ids and not is_manager:
                raise AccessError(
                    self.env._(
                        "Step %(code)s of '%(case)s' is assigned to %(users)s, not to you.",
                        code=step.code,
                        case=step.case_id.name,
                        users=", ".join(step.user_ids.mapped("name")) or "-",
                    )
                )

    def action_finish(self):
        """Finish the current step (answer 'yes' for a decision); return what the user sees next:
        a notification of what happened, then the next step if it is his, else his case or list."""
        self._finish()
        return self._after_finish_action()

    def _finish(self):
        for step in self:
            step.check_access("read")
            step._check_can_act()
            if step.case_id.state != "running" or step.state != "current":
                raise UserError(self.env._("Step %(code)s is not in progress.", code=step.code))
            if step.kind == "decision" and step.decision_answer == "no":
                step._answer_no()
                continue
            if step.kind == "decision" and not step.decision_answer:
                step.sudo().write({"decision_answer": "yes"})
            if step.output_is_document and not step.attachment_ids:
                raise UserError(
                    self.env._(
                        "Step %(code)s produces a document (%(output)s): attach it before finishing the step.",
                        code=step.code,
                        output=step.output or "-",
                    )
                )
            if step.requires_approval:
                step._request_approval()
                continue
            step._complete()
        return True

    def _after_finish_action(self):
        """Notification of what the step's button did, followed by where the user goes on."""
        if len(self) != 1:
            return True
        _ = self.env._
        step = self
        case = step.case_id
        following = case.current_step_id if case.current_step_id.state == "current" else self.browse()
        if step.state == "to_approve":
            message = _(
                "Step %(code)s is finished and waits for approval by %(reviewers)s.",
                code=step.code,
                reviewers=", ".join(step.sudo().review_ids.filtered(lambda r: r.status == "waiting").mapped("todo_by"))
                or "-",
            )
        elif step.state == "waiting" and step.return_step_id:
            message = _(
                "Step %(code)s answered 'No': the case goes back to step %(target)s.",
                code=step.code,
                target=step.return_step_id.code,
            )
        elif case.state == "done":
            message = _("Step %(code)s is done: the case '%(case)s' is finished.", code=step.code, case=case.name)
        else:
            message = _("Step %(code)s is done.", code=step.code)
        if following and following != step:
            message += " " + _(
                "Next: step %(code)s for %(users)s.",
                code=following.code,
                users=", ".join(following.user_ids.mapped("name")) or "-",
            )
        if following and self.env.user in following.user_ids:
            next_action = {
                "type": "ir.actions.act_window",
                "name": following.display_name,
                "res_model": self._name,
                "res_id": following.id,
                "views": [(False, "form")],
                "target": "current",
            }
        elif self.env.user.has_group("sop_organisasi.group_sop_user"):
            next_action = {
                "type": "ir.actions.act_window",
                "name": case.name,
                "res_model": "sop.case",
                "res_id": case.id,
                "views": [(False, "form")],
                "target": "current",
            }
        else:
            next_action = self.env["ir.actions.act_window"]._for_xml_id("sop_organisasi.sop_case_step_action_my_work")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"title": case.name, "message": message, "type": "success", "next": next_action},
        }

    def _check_decision_step(self):
        for step in self:
            if step.kind != "decision":
                raise UserError(self.env._("Step %(code)s is not a decision: finish it instead.", code=step.code))

    def action_answer_yes(self):
        self._check_can_act()
        self._check_decision_step()
        self.sudo().with_context(skip_validation_check=True).write({"decision_answer": "yes"})
        return self.action_finish()

    def action_answer_no(self, reason=None):
        """Answer 'no' to a decision: the case goes back to the return step."""
        self._check_can_act()
        self._check_decision_step()
        if reason is not None:
            self.sudo().write({"decision_reason": reason})
        self.sudo().write({"decision_answer": "no"})
        return self.action_finish()

    def _answer_no(self):
        self.ensure_one()
        if self.kind != "decision" or not self.return_step_id:
            raise UserError(self.env._("Step %(code)s is not a decision with a return step.", code=self.code))
        if not (self.decision_reason or "").strip():
            raise UserError(self.env._("Give the reason for answering 'no' at step %(code)s.", code=self.code))
        now = fields.Datetime.now()
        case = self.case_id.sudo()
        self._close_run(now, {"state": "waiting", "no_count": self.no_count + 1})
        case.message_post(
            body=self.env._(
                "Step %(code)s answered 'no' by %(user)s: %(reason)s. The case goes back to step %(target)s.",
                code=self.code,
                user=self.env.user.name,
                reason=self.decision_reason,
                target=self.return_step_id.code,
            )
        )
        # the steps between the return target and the decision run again
        target = self.return_step_id
        rerun = case.step_ids.filtered(lambda s: target.sequence <= s.sequence <= self.sequence)
        rerun.sudo().with_context(skip_validation_check=True).write({"state": "waiting"})
        target.sudo().with_context(skip_validation_check=True).write(
            {"return_reason": self._return_reason_text(self.env.user, now, self.decision_reason)}
        )
        target._activate(now)

    def _return_reason_text(self, user, moment, reason):
        """What a 'No' of this decision by ``user`` at ``moment`` leaves on its return step (in the
        language of the environment, the moment in ``user``'s time zone)."""
        self.ensure_one()
        return self.env._(
            "Step %(code)s answered 'No' (%(user)s, %(date)s): %(reason)s",
            code=self.code,
            user=user.name,
            date=self.case_id._format_moment(moment, user=user),
            reason=reason,
        )

    @api.model
    def _backfill_return_reasons(self):
        """Steps sent back by a 'No' before they kept the reason (sop_organisasi 18.0.2.1.0) get the
        latest one from the case history, written as the decision's user would have read it.
        Returns the steps that got one."""
        rows = self.env["sop.case.history"].search(
            [("event", "=", "answer_no"), ("step_id.return_step_id", "!=", False)], order="date, id"
        )
        latest = {row.step_id.return_step_id: row for row in rows}  # the last 'No' per returned step
        filled = self.browse()
        for target, row in latest.items():
            if target.return_reason:
                continue
            decision = row.step_id.with_context(lang=row.user_id.lang or self.env.lang)
            text = decision._return_reason_text(row.user_id, row.date, row.note or "")
            target.sudo().with_context(skip_validation_check=True).write({"return_reason": text})
            filled |= target
        return filled

    def _close_run(self, now, vals):
        """Close the activities and add the working time of the run."""
        self.ensure_one()
        case = self.case_id
        feedback = self.env.context.get("sop_step_feedback") or self.env._(
            "Step %(code)s finished by %(user)s.", code=self.code, user=self.env.user.name
        )
        activities = self.sudo().with_context(sop_step_closing=True).step_activity_ids
        mine = activities.filtered(lambda a: a.user_id == self.env.user)
        if mine:
            mine.action_feedback(feedback=feedback)
        (activities - mine).exists().unlink()
        hours = case._working_hours_between(self.date_started, now)
        late = bool(self.date_deadline and now > self.date_deadline)
        values = {
            "date_finished": now,
            "actual_hours": self.actual_hours + hours,
            "is_late": self.is_late or late,
        }
        values.update(vals)
        self.sudo().with_context(skip_validation_check=True).write(values)
        event = {"done": "finish", "waiting": "answer_no", "to_approve": "approval"}[vals["state"]]
        self._log(event, hours=hours, note=self.decision_reason if event == "answer_no" else False)
        if late:
            case.sudo().is_late = True

    def _request_approval(self):
        """The actor is done: close the run and ask the approval tiers."""
        self.ensure_one()
        self._close_run(fields.Datetime.now(), {"state": "to_approve"})
        self.invalidate_recordset(["need_validation"])
        sudo_self = self.sudo()
        if not sudo_self.need_validation:
            self._complete()
            return
        reviews = sudo_self.request_validation()
        reviews._compute_can_review()
        self.invalidate_recordset(["need_validation", "validation_status"])
        self.case_id.sudo().message_post(
            partner_ids=reviews.reviewer_ids.partner_id.ids,
            body=self.env._(
                "Step %(code)s finished by %(user)s and sent for approval to %(reviewers)s.",
                code=self.code,
                user=self.env.user.name,
                reviewers=", ".join(reviews.mapped("todo_by")),
            ),
        )

    def _complete(self):
        """Mark the step done and start the next one (or finish the case)."""
        self.ensure_one()
        now = fields.Datetime.now()
        case = self.case_id.sudo()
        if self.state == "current":
            self._close_run(now, {"state": "done"})
        else:  # approved: the run was closed when the actor finished
            self.invalidate_recordset(["need_validation", "validation_status"])
            self.sudo().write({"state": "done"})
            self._log("approved")
        answer = ""
        if self.kind == "decision":
            answer = self.env._(" (answer: yes)")
        case.message_post(
            body=self.env._(
                "Step %(code)s done by %(user)s%(answer)s.", code=self.code, user=self.env.user.name, answer=answer
            )
        )
        following = case.step_ids.filtered(lambda s: s.sequence > self.sequence and s.state == "waiting")[:1]
        if following:
            following._activate(now)
        else:
            case.write({"current_step_id": False})
            case.action_done()

    # ---------------------------------------------------------- tier validation
    def validate_tier(self):
        self.ensure_one()
        if not self.can_review:
            raise AccessError(
                self.env._(
                    "You are not a reviewer of step %(code)s of '%(case)s'.", code=self.code, case=self.case_id.name
                )
            )
        return super().validate_tier()

    def request_validation(self):
        # public in base_tier_validation: the reviews are asked by Finish Step only
        if not self.env.su:
            raise AccessError(self.env._("Approval of a case step is requested by finishing the step."))
        return super().request_validation()

    def restart_validation(self):
        # public in base_tier_validation: a rejection sends the step back; nobody else drops reviews
        if not self.env.su:
            raise AccessError(self.env._("The approvals of a case step cannot be restarted by hand."))
        return super().restart_validation()

    def reject_tier(self):
        self.ensure_one()
        if not self.can_review:
            raise AccessError(
                self.env._(
                    "You are not a reviewer of step %(code)s of '%(case)s'.", code=self.code, case=self.case_id.name
                )
            )
        return super().reject_tier()

    def _validate_tier(self, tiers=False):
        # the reviews are written as superuser (closed to users' sessions, see tier_review.py)
        tiers = self._sop_reviews_in_turn(tiers)
        res = super(SopCaseStep, self.sudo())._validate_tier(tiers and tiers.sudo())
        self.invalidate_recordset(["validation_status", "need_validation"])
        completing = self.env.context.get("sop_completing_step")
        if self.state == "to_approve" and self.validation_status == "validated" and not completing:
            self.case_id.sudo().message_post(
                body=self.env._("Step %(code)s approved by %(user)s.", code=self.code, user=self.env.user.name)
            )
            self.sudo().with_context(sop_completing_step=True)._complete()
        return res

    def _rejected_tier(self, tiers=False):
        tiers = self._sop_reviews_in_turn(tiers)
        res = super(SopCaseStep, self.sudo())._rejected_tier(tiers and tiers.sudo())
        self.invalidate_recordset(["validation_status"])
        if self.state == "to_approve" and self.validation_status == "rejected":
            comment = ", ".join(c for c in self.review_ids.filtered("comment").mapped("comment") if c)
            self._log("rejected", note=comment or False)
            self._activate()  # back to "current", the cancel state: drops the reviews
            self.case_id.sudo().message_post(
                body=self.env._(
                    "Step %(code)s was not approved by %(user)s: it is back in progress.",
                    code=self.code,
                    user=self.env.user.name,
                )
            )
        return res

    def _sop_review_activity_target(self):
        self.ensure_one()
        return self.case_id, {"sop_review_step_id": self.id}

    def _sop_review_activity_summary(self):
        self.ensure_one()
        return self.env._("Approve step %(code)s: %(case)s", code=self.code, case=self.case_id.name)[:250]

    # ------------------------------------------------------------- monitoring
    @api.model
    def _notify_overdue(self, now=None):
        now = now or fields.Datetime.now()
        steps = self.sudo().search(
            [
                ("state", "in", ("current", "to_approve")),
                ("case_id.state", "=", "running"),
                ("date_deadline", "<", now),
                ("overdue_notified_date", "=", False),
            ]
        )
        for step in steps:
            managers = step._get_managers()
            # the scheduled job runs without a language: write in the readers' language and time zone
            reader = managers[:1]
            case = step.case_id.with_context(lang=self.env.context.get("lang") or reader.lang or self.env.user.lang)
            body = case.env._(
                "Step %(code)s of '%(case)s' (%(users)s) is overdue: it was due %(deadline)s.",
                code=step.code,
                case=case.name,
                users=", ".join(step.user_ids.mapped("name")) or "-",
                deadline=case._format_moment(step.date_deadline, user=reader),
            )
            case.message_post(
                body=body,
                partner_ids=managers.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        steps.write({"overdue_notified_date": now, "is_late": True})
        steps.case_id.write({"is_late": True})
        return steps

    def _get_managers(self):
        """The managers of the assignees (hr.employee parent), else the case responsible."""
        self.ensure_one()
        employees = self.env["hr.employee"].sudo().search([("user_id", "in", self.user_ids.ids)])
        managers = employees.parent_id.user_id.filtered("active")
        return managers or self.case_id.user_id

    # ---------------------------------------------------------------- replanning
    @api.model
    def _replan_open_steps(self, reason):
        """Recompute the deadline of every current step from its start on today's calendar (after a
        change of the working calendar, its holidays or the deadline rule). A changed deadline moves
        its activities and leaves a history row with ``reason``; returns the steps that changed."""
        steps = self.sudo().search([("state", "=", "current"), ("date_started", "!=", False)])
        changed = self.browse()
        cache = {}
        for step in steps:
            case = step.case_id
            deadline = case._compute_step_deadline(step.date_started, step.duration_qty, step.duration_unit, cache)
            if deadline == step.date_deadline:
                continue
            before = step.date_deadline
            step.with_context(skip_validation_check=True).write({"date_deadline": deadline})
            step.step_activity_ids.write({"date_deadline": case._deadline_date(deadline)})
            step._log(
                "replan",
                note=self.env._(
                    "%(reason)s: due %(deadline)s instead of %(before)s.",
                    reason=reason,
                    deadline=case._format_moment(deadline),
                    before=case._format_moment(before) if before else "-",
                ),
            )
            changed |= step
        return changed

    # ---------------------------------------------------------------- helpers
    def _log(self, event, hours=0.0, note=False):
        """Keep the transition in the case history (not only in the chatter)."""
        self.env["sop.case.history"].sudo().create(
            [
                {
                    "case_id": step.case_id.id,
                    "step_id": step.id,
                    "code": step.code,
                    "event": event,
                    "user_id": self.env.user.id,
                    "assignee_ids": [fields.Command.set(step.user_ids.ids)],
                    "date_deadline": step.date_deadline,
                    "hours": hours,
                    "note": note,
                }
                for step in self
            ]
        )

    def _get_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
