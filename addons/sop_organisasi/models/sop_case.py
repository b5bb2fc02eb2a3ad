from datetime import datetime
from datetime import time
from datetime import timedelta

import pytz

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.dates import DEFAULT_TZ
from ..tools.dates import format_moment
from ..tools.deadline import compute_deadline
from ..tools.workflow import field_labels
from ..tools.workflow import refused_workflow_fields
from ..tools.workflow import without_client_defaults
from ..tools.workflow import written_fields
from ..tools.year import Year

OPEN_STEP_STATES = ("current", "to_approve")
# What a user may write directly on a case (everything else is set by its actions):
# the identity of a draft case, the responsible of an open one, the chatter.
CASE_DRAFT_FIELDS = {"name", "procedure_id", "opd_id", "year", "period", "company_id", "user_id"}
CASE_OPEN_FIELDS = {"user_id"}
# set by the case's actions only (any other field outside CASE_DRAFT_FIELDS is refused as well)
CASE_WORKFLOW_FIELDS = (
    "state",
    "current_step_id",
    "date_start",
    "date_done",
    "date_deadline",
    "is_late",
    "procedure_number",
    "procedure_revision",
    "procedure_name",
)


def _readable_title(name):
    """'PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)' -> 'Penyusunan Standar Kompetensi Jabatan (SKJ)'."""
    if name != name.upper():
        return name
    words = []
    for word in name.split():
        words.append(word if word.startswith("(") and word.endswith(")") else word.capitalize())
    return " ".join(words)


class SopCase(models.Model):
    """One run of an effective SOP for an OPD and a period."""

    _name = "sop.case"
    _description = "SOP Case"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _workflow_fields = CASE_WORKFLOW_FIELDS
    _order = "date_start desc, id desc"

    name = fields.Char(required=True, tracking=True, default=lambda self: self.env._("New"))
    procedure_id = fields.Many2one(
        "sop.procedure",
        string="SOP",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("state", "=", "effective")],
        readonly=True,
        help="The effective SOP version the case runs. Its steps are copied into the case when "
        "the case is created: later revisions of the SOP do not change the case.",
    )
    # the SOP's identity when the case was created (set by create, not copied)
    procedure_number = fields.Char(string="SOP Number", readonly=True, copy=False)
    procedure_revision = fields.Integer(string="SOP Revision", readonly=True, copy=False)
    procedure_name = fields.Char(string="SOP Name", readonly=True, copy=False)
    opd_id = fields.Many2one(
        "hr.department",
        string="OPD",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_opd", "=", True)],
        readonly=True,
        help="The government unit the case is run for; its liaison users act in the 'OPD' role.",
    )
    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    period = fields.Char(help="Optional period within the year, e.g. 'Semester 1'.", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("running", "Running"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain=lambda self: self._responsible_domain(),
        help="Follows the case; is told about late steps when an actor has no manager.",
    )
    step_ids = fields.One2many("sop.case.step", "case_id", string="Case Steps", copy=False)
    history_ids = fields.One2many("sop.case.history", "case_id", copy=False, readonly=True)
    current_step_id = fields.Many2one("sop.case.step", readonly=True, copy=False, tracking=True)
    current_step_code = fields.Char(related="current_step_id.code", store=True, string="Current Step Code")
    current_user_ids = fields.Many2many(related="current_step_id.user_ids", string="Current Actors")
    date_start = fields.Datetime(string="Started On", readonly=True, copy=False)
    date_done = fields.Datetime(string="Finished On", readonly=True, copy=False)
    date_deadline = fields.Datetime(
        string="Planned Deadline",
        readonly=True,
        copy=False,
        help="Start + the standard times of all steps, planned on the company's working calendar when the case starts.",
    )
    is_late = fields.Boolean(string="Late", readonly=True, copy=False, index=True)
    step_count = fields.Integer(compute="_compute_progress", string="Steps Count")
    progress = fields.Float(compute="_compute_progress", string="Progress (%)")

    _sql_constraints = [
        ("year_positive", "CHECK(year > 1900)", "The year of a case must be a real year."),
    ]

    # ------------------------------------------------------------------ compute
    @api.depends("step_ids.state")
    def _compute_progress(self):
        for case in self:
            steps = case.step_ids
            case.step_count = len(steps)
            done = len(steps.filtered(lambda s: s.state == "done"))
            case.progress = 100.0 * done / len(steps) if steps else 0.0

    # -------------------------------------------------------------- constraints
    @api.constrains("opd_id")
    def _check_opd(self):
        for case in self:
            if not case.opd_id.is_opd:
                raise ValidationError(
                    self.env._("'%(unit)s' is not marked as an OPD: a case runs for an OPD.", unit=case.opd_id.name)
                )

    @api.constrains("state", "procedure_id", "opd_id", "year", "period")
    def _check_unique_running(self):
        for case in self.filtered(lambda c: c.state in ("draft", "running")):
            clash = self.search_count(
                [
                    ("id", "!=", case.id),
                    ("state", "in", ("draft", "running")),
                    ("procedure_id.root_id", "=", case.procedure_id.root_id.id),
                    ("opd_id", "=", case.opd_id.id),
                    ("year", "=", case.year),
                    ("period", "=", case.period or False),
                ],
                limit=1,
            )
            if clash:
                raise ValidationError(
                    self.env._(
                        "%(opd)s already has an open case of '%(sop)s' for %(period)s.",
                        opd=case.opd_id.name,
                        sop=case.procedure_id.name,
                        period=case._period_label(),
                    )
                )

    @api.model
    def _responsible_domain(self):
        """Who may be responsible for a case (and take its unstaffed steps): the Division's staff."""
        return [("share", "=", False), ("groups_id", "in", self.env.ref("sop_organisasi.group_sop_user").ids)]

    @api.constrains("user_id")
    def _check_responsible(self):
        allowed = self.env["res.users"].sudo().search([*self._responsible_domain(), ("id", "in", self.user_id.ids)])
        for case in self.filtered("user_id"):
            if case.user_id not in allowed:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot be responsible for a case: the responsible takes the steps nobody holds, "
                        "so it must be an internal user of the Organization Division (SOP User).",
                        user=case.user_id.sudo().name,
                    )
                )

    # -------------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        vals_list = [dict(vals) for vals in vals_list]  # completed below: not the caller's dicts
        if not self.env.su:
            self.browse().check_access("create")  # the group first, then the fields
            for vals in vals_list:
                self._check_client_fields(vals, CASE_DRAFT_FIELDS, creating=True)
        cases_model = self
        if not self.env.su:
            # nor through a context key: a case starts where its workflow starts
            cases_model = without_client_defaults(self, set(self._fields) - CASE_DRAFT_FIELDS)
        procedures = self.env["sop.procedure"].browse(
            {v.get("procedure_id") for v in vals_list if v.get("procedure_id")}
        )
        for procedure in procedures:
            if procedure.state != "effective":
                raise UserError(
                    self.env._(
                        "Only an effective SOP can be run as a case; '%(sop)s' is not effective.",
                        sop=procedure.display_name,
                    )
                )
        Department = self.env["hr.department"]
        for vals in vals_list:
            procedure = procedures.browse(vals.get("procedure_id"))
            vals.setdefault("procedure_number", procedure.number)
            vals.setdefault("procedure_revision", procedure.revision_no)
            vals.setdefault("procedure_name", procedure.name)
            if not vals.get("name") or vals.get("name") == self.env._("New"):
                opd = Department.browse(vals.get("opd_id"))
                year = vals.get("year") or fields.Date.context_today(self).year
                vals["name"] = f"{_readable_title(procedure.name or '')} {year} - {opd.name}"
        cases = super(SopCase, cases_model.with_context(mail_create_nolog=True)).create(vals_list)
        cases._copy_steps()
        return cases

    @api.model
    def _check_client_fields(self, vals, allowed, creating=False):
        """Raise if a user writes fields of a case that only its actions set (on ``create``, the
        form's defaults of these fields pass: a new case starts where its workflow starts)."""
        forbidden = refused_workflow_fields(self, vals, written_fields(vals) - allowed, creating=creating)
        if forbidden:
            names = field_labels(self, forbidden)
            raise UserError(
                self.env._(
                    "%(fields)s of a case cannot be changed here: cases move on through their actions "
                    "(Start, the step buttons, Mark Done, Cancel).",
                    fields=names,
                )
            )

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")  # the user's right first, then the fields
            draft = all(case.state == "draft" for case in self)
            self._check_client_fields(vals, CASE_DRAFT_FIELDS if draft else CASE_OPEN_FIELDS)
            if any(case.state in ("done", "cancelled") for case in self) and not self._only_chatter(vals):
                raise UserError(self.env._("A finished or cancelled case can no longer be changed."))
        if "procedure_id" in vals and any(case.state != "draft" for case in self):
            raise UserError(self.env._("The SOP of a started case cannot be changed."))
        res = super().write(vals)
        if "procedure_id" in vals:
            procedure = self.env["sop.procedure"].browse(vals["procedure_id"])
            if procedure.state != "effective":
                raise UserError(self.env._("Only an effective SOP can be run as a case."))
            self.step_ids.sudo().unlink()
            self.sudo().write(
                {
                    "procedure_number": procedure.number,
                    "procedure_revision": procedure.revision_no,
                    "procedure_name": procedure.name,
                }
            )
            self._copy_steps()
        return res

    @staticmethod
    def _only_chatter(vals):
        return not written_fields(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_or_cancelled(self):
        if any(case.state not in ("draft", "cancelled") for case in self):
            raise UserError(self.env._("Only draft or cancelled cases can be deleted."))

    def _copy_steps(self):
        """Freeze the SOP version into the case: one case step per SOP step."""
        Step = self.env["sop.case.step"].sudo()
        by_procedure = {}
        vals_list = []
        for case in self:
            procedure = case.procedure_id
            if procedure not in by_procedure:
                ordered = procedure.sudo()._get_ordered_steps()
                by_procedure[procedure] = (ordered, [step._prepare_case_step_vals() for step in ordered])
            ordered, template = by_procedure[procedure]
            for index, vals in enumerate(template, start=1):
                vals_list.append(dict(vals, case_id=case.id, sequence=index))
        steps = Step.create(vals_list)
        # return targets: point at the copied steps of the same case
        by_case_source = {(s.case_id.id, s.source_step_id.id): s for s in steps}
        for case in self:
            ordered, _template = by_procedure[case.procedure_id]
            for source in ordered.filtered("return_step_id"):
                step = by_case_source[(case.id, source.id)]
                step.return_step_id = by_case_source[(case.id, source.return_step_id.id)]

    # ------------------------------------------------------------ calendar
    def _get_calendar(self):
        self.ensure_one()
        return self.company_id.resource_calendar_id

    def _compute_step_deadline(self, start, qty, unit, cache=None):
        """Return the planned deadline (naive UTC) of a step starting at ``start``."""
        self.ensure_one()
        calendar = self._get_calendar()
        key = (calendar.id, start, qty, unit)
        if cache is not None and key in cache:
            return cache[key]
        if not calendar:
            from ..tools.deadline import period_delta  # noqa: PLC0415

            factor = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1)}
            result = start + (factor[unit] * qty if unit in factor else period_delta(qty, unit)) if unit else start
        else:
            result = compute_deadline(
                start,
                qty,
                unit,
                plan_hours=lambda hours, dt: calendar.plan_hours(hours, dt, compute_leaves=True),
                plan_days=lambda days, dt: self._end_of_working_day(calendar, calendar.plan_days(days, dt, True)),
                is_working_day=lambda dt: self._is_working_day(calendar, dt),
                day_begun=lambda dt: self._working_day_begun(calendar, dt),
            )
        if cache is not None:
            cache[key] = result
        return result

    @api.model
    def _day_work_intervals(self, calendar, dt):
        """``(moment, intervals)``: ``dt`` (naive UTC) in the calendar's zone, and the working
        intervals of its calendar day after leaves (aware datetimes)."""
        tz = pytz.timezone(calendar.tz or "UTC")
        moment = pytz.utc.localize(dt).astimezone(tz)
        day_start = tz.localize(datetime.combine(moment.date(), time.min))
        day_end = tz.localize(datetime.combine(moment.date(), time.max))
        return moment, list(calendar._work_intervals_batch(day_start, day_end)[False])

    @api.model
    def _is_working_day(self, calendar, dt):
        """Whether the calendar day of ``dt`` (naive UTC) has working time left after leaves."""
        return bool(self._day_work_intervals(calendar, dt)[1])

    @api.model
    def _working_day_begun(self, calendar, dt):
        """Whether working time of the calendar day of ``dt`` (naive UTC) lies before ``dt`` while
        some remains after it (after leaves)."""
        moment, intervals = self._day_work_intervals(calendar, dt)
        return any(start < moment for start, _stop, _meta in intervals) and any(
            stop > moment for _start, stop, _meta in intervals
        )

    @api.model
    def _end_of_working_day(self, calendar, dt):
        """The end of the last working interval of the calendar day of ``dt`` (naive UTC)."""
        if not dt:
            return dt
        stops = [stop for _start, stop, _meta in self._day_work_intervals(calendar, dt)[1]]
        if not stops:
            return dt
        return max(stops).astimezone(pytz.utc).replace(tzinfo=None)

    def _working_hours_between(self, start, end):
        self.ensure_one()
        if not start or not end or end <= start:
            return 0.0
        calendar = self._get_calendar()
        if not calendar:
            return (end - start).total_seconds() / 3600.0
        return calendar.get_work_hours_count(start, end, compute_leaves=True)

    def _local_tz(self, user=None):
        """The time zone people read times in: the user's, else the calendar's, else WIB."""
        self.ensure_one()
        user = user if user is not None else self.env.user
        return (user[:1].tz if user else False) or self._get_calendar().tz or DEFAULT_TZ

    def _format_moment(self, moment, user=None):
        """A datetime as text in the reader's time zone, e.g. '10/03/2026 09:00 WIB' (no seconds).

        ``user`` is the reader (default: the current user); the zone is named by
        its abbreviation (WIB, WITA, WIT, UTC) so the text stays right when read
        by someone else.
        """
        self.ensure_one()
        if not moment:
            return ""
        return format_moment(self.env, moment, self._local_tz(user))

    def _deadline_date(self, deadline):
        """The date of a deadline in the calendar's time zone (for activities)."""
        self.ensure_one()
        tz = pytz.timezone(self._get_calendar().tz or self.env.user.tz or DEFAULT_TZ)
        return pytz.utc.localize(deadline).astimezone(tz).date()

    # --------------------------------------------------------------- workflow
    def _period_label(self):
        self.ensure_one()
        return f"{self.period} {self.year}" if self.period else str(self.year)

    def _check_startable(self):
        for case in self:
            if case.state != "draft":
                raise UserError(self.env._("The case '%(case)s' has already been started.", case=case.name))
            if not case.step_ids:
                raise UserError(self.env._("The case '%(case)s' has no steps.", case=case.name))
            if not case.opd_id.liaison_user_ids.filtered("active"):
                raise UserError(
                    self.env._(
                        "The OPD '%(opd)s' has no liaison users: name them on the OPD before starting a case.",
                        opd=case.opd_id.name,
                    )
                )

    def action_start(self):
        """Draft -> running: plan the case and make the first step current."""
        self.check_access("write")
        self._check_startable()
        now = fields.Datetime.now()
        cache = {}
        users_cache = {}
        for case in self:
            case.sudo().write({"state": "running", "date_start": now, "date_deadline": case._plan_deadline(now, cache)})
            case.step_ids[:1]._activate(now, cache=cache, users_cache=users_cache)
        self._sop_open_work_products()
        return True

    def _sop_open_work_products(self):
        """Open the work products the started cases make (the OPD's draft for the year): the addons that hold
        them extend this (``sop.procedure.work_product``)."""
        return True

    def _plan_deadline(self, start, cache=None):
        """The planned end of the whole case: every step after the previous one."""
        self.ensure_one()
        moment = start
        for step in self.step_ids.sorted("sequence"):
            moment = self._compute_step_deadline(moment, step.duration_qty, step.duration_unit, cache)
        return moment

    def action_done(self):
        self.check_access("write")
        for case in self:
            open_steps = case.step_ids.filtered(lambda s: s.state not in ("done", "cancelled"))
            if open_steps:
                raise UserError(
                    self.env._(
                        "The case '%(case)s' still has open steps (%(steps)s): finish them first.",
                        case=case.name,
                        steps=", ".join(open_steps.mapped("code")[:5]),
                    )
                )
            if case.state != "running":
                raise UserError(self.env._("Only a running case can be finished."))
            now = fields.Datetime.now()
            case.sudo().write(
                {
                    "state": "done",
                    "date_done": now,
                    "current_step_id": False,
                    "is_late": case.is_late or bool(case.date_deadline and now > case.date_deadline),
                }
            )
            case.message_post(body=self.env._("The case is finished."))
        return True

    def action_cancel(self):
        self.check_access("write")
        for case in self:
            if case.state in ("done", "cancelled"):
                raise UserError(self.env._("The case '%(case)s' is already closed.", case=case.name))
            open_steps = case.step_ids.filtered(lambda s: s.state in ("waiting", *OPEN_STEP_STATES))
            open_steps.sudo().step_activity_ids.unlink()
            open_steps.with_context(skip_validation_check=True).sudo().write({"state": "cancelled"})
            if case.current_step_id:
                case.current_step_id._log("cancel")
            case.sudo().write({"state": "cancelled", "current_step_id": False})
            case.message_post(body=self.env._("The case is cancelled; its open activities are closed."))
        return True

    def action_reset_draft(self):
        self.check_access("write")
        if not self.env.su and not self.env.user.has_group("sop_organisasi.group_sop_manager"):
            raise AccessError(self.env._("Only SOP administrators can set a cancelled case back to draft."))
        for case in self:
            if case.state != "cancelled":
                raise UserError(self.env._("Only a cancelled case can go back to draft."))
            case.step_ids.sudo().unlink()
            case.sudo().write(
                {"state": "draft", "date_start": False, "date_deadline": False, "is_late": False, "date_done": False}
            )
            case._copy_steps()
        return True

    def action_open_current_step(self):
        self.ensure_one()
        self.check_access("read")
        return self.current_step_id._get_form_action()

    @api.model
    def _cron_notify_overdue(self):
        """Tell the managers of the actors about late steps, once per step."""
        self.env["sop.case.step"]._notify_overdue()
        return True

    @api.model
    def _prepare_batch_vals(self, procedure, opds, year, period=False, user=None):
        return [
            {
                "procedure_id": procedure.id,
                "opd_id": opd.id,
                "year": year,
                "period": period or False,
                "user_id": (user or self.env.user).id,
                "company_id": procedure.company_id.id,
            }
            for opd in opds
        ]
