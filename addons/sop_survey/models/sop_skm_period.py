import calendar
from datetime import date

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.access import APPROVER
from ..tools.access import DIVISION
from ..tools.access import require_group

PERIOD_MONTHS = {"semester": 6, "quarter": 3, "year": 12}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
# set by the workflow methods only (sudo)


class SopSkmPeriod(models.Model):
    _name = "sop.skm.period"
    _inherit = ["sop.workflow.state.mixin"]
    _description = "SKM Survey Period"
    _order = "date_start desc, id desc"
    # the publication of the results (/skm/hasil) is the Kabag's decision: set by its buttons only
    _workflow_fields = (
        "state",
        "published",
        "date_published",
        "published_by_id",
        "unpublish_reason",
        "date_unpublished",
        "unpublished_by_id",
    )

    name = fields.Char(compute="_compute_name", store=True, readonly=False, required=True, precompute=True)
    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year)
    period_type = fields.Selection(
        [("semester", "Semester"), ("quarter", "Quarter"), ("year", "Year")],
        required=True,
        default="semester",
    )
    number = fields.Integer(
        default=lambda self: self._default_number(),
        help="Semester (1-2) or quarter (1-4) of the year.",
    )
    date_start = fields.Date(compute="_compute_dates", store=True, readonly=False, required=True, precompute=True)
    date_end = fields.Date(compute="_compute_dates", store=True, readonly=False, required=True, precompute=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        help="Only open periods accept answers from the public link.",
    )
    survey_id = fields.Many2one(
        "survey.survey",
        string="Questionnaire",
        ondelete="restrict",
        help="SKM questionnaire answered in this period (create one from the template with the button).",
    )
    population_ids = fields.One2many("sop.skm.population", "period_id", string="Units and Population")
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    published = fields.Boolean(
        readonly=True,
        copy=False,
        index=True,
        help="The IKM results of the period are on the public page /skm/hasil (published by the head of the "
        "division once the period is closed).",
    )
    date_published = fields.Datetime(string="Published On", readonly=True, copy=False)
    published_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    unpublish_reason = fields.Text(
        string="Reason for Unpublishing", readonly=True, copy=False, help="Why the results were last withdrawn."
    )
    date_unpublished = fields.Datetime(string="Unpublished On", readonly=True, copy=False)
    unpublished_by_id = fields.Many2one("res.users", readonly=True, copy=False)

    _sql_constraints = [
        ("dates_check", "CHECK(date_start <= date_end)", "The period cannot end before it starts."),
    ]

    @api.model
    def _default_number(self, period_type=None):
        """The period running today (a new period is the current one, not one that has ended)."""
        months = PERIOD_MONTHS.get(period_type or self.env.context.get("default_period_type") or "semester", 12)
        return (fields.Date.context_today(self).month - 1) // months + 1

    @api.onchange("period_type", "year")
    def _onchange_period_type_number(self):
        """The period proposed is the one running today, or the first one of a coming year."""
        if not self.period_type or not self.year:
            return
        this_year = fields.Date.context_today(self).year
        if self.year == this_year:
            self.number = self._default_number(self.period_type)
        elif self.year > this_year:
            self.number = 1

    @api.depends("year", "period_type", "number")
    def _compute_name(self):
        for period in self:
            if period.period_type == "year":
                period.name = f"SKM {period.year}"
            elif period.period_type == "semester":
                period.name = f"SKM {period.year} Semester {ROMAN.get(period.number, period.number)}"
            else:
                period.name = f"SKM {period.year} Triwulan {ROMAN.get(period.number, period.number)}"

    @api.depends("year", "period_type", "number")
    def _compute_dates(self):
        for period in self:
            months = PERIOD_MONTHS.get(period.period_type, 12)
            number = period.number if period.period_type != "year" else 1
            if not period.year:
                period.date_start = period.date_start or False
                period.date_end = period.date_end or False
                continue
            if not 1 <= number <= 12 // months:
                raise ValidationError(
                    self.env._(
                        "The number of a %(type)s must be between 1 and %(max)s.",
                        type=period.period_type,
                        max=12 // months,
                    )
                )
            first_month = (number - 1) * months + 1
            last_month = first_month + months - 1
            period.date_start = date(period.year, first_month, 1)
            period.date_end = date(period.year, last_month, calendar.monthrange(period.year, last_month)[1])

    @api.constrains("period_type", "number")
    def _check_number(self):
        for period in self:
            maximum = 12 // PERIOD_MONTHS[period.period_type]
            if period.period_type != "year" and not 1 <= period.number <= maximum:
                raise ValidationError(
                    self.env._(
                        "The number of a %(type)s must be between 1 and %(max)s.",
                        type=period.period_type,
                        max=maximum,
                    )
                )

    @api.constrains("survey_id")
    def _check_survey(self):
        for period in self:
            if period.survey_id and not period.survey_id.sudo().question_ids.filtered("skm_element"):
                raise ValidationError(
                    self.env._(
                        "The questionnaire %(survey)s has no SKM element question.", survey=period.survey_id.title
                    )
                )

    def write(self, vals):
        if "survey_id" in vals and not self.env.su:
            # replacing the questionnaire of a period changes its public form: the same rule as changing it
            replaced = self.filtered(lambda period: period.survey_id and period.survey_id.id != vals["survey_id"])
            replaced.survey_id._skm_check_questionnaire_change(key_change=False)
        return super().write(vals)

    def _check_division(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division manages the SKM periods."))

    def action_close(self):
        self._check_division()
        self.check_access("write")
        self._set_state("closed")

    def action_open(self):
        self._check_division()
        self.check_access("write")
        if self.filtered("published"):
            raise UserError(self.env._("Published results cannot change: unpublish the period before reopening it."))
        self._set_state("open")

    # ------------------------------------------------------------ publication
    def _check_publisher(self):
        require_group(
            self.env,
            APPROVER,
            self.env._("Only the head of the division (approving official) publishes the SKM results."),
        )
        self.check_access("write")

    def action_publish(self):
        """Put the results of closed periods on the public page /skm/hasil."""
        self._check_publisher()
        for period in self:
            if period.state != "closed":
                raise UserError(self.env._("Close the period %(name)s before publishing it.", name=period.name))
            if period.published:
                raise UserError(self.env._("The period %(name)s is already published.", name=period.name))
        self.sudo().write({"published": True, "date_published": fields.Datetime.now(), "published_by_id": self.env.uid})
        return True

    def action_view_public_results(self):
        """The period's page on /skm/hasil (what citizens see)."""
        self.ensure_one()
        if not self.published:
            raise UserError(self.env._("The period %(name)s is not published.", name=self.name))
        return {
            "type": "ir.actions.act_url",
            "url": f"/skm/hasil/{self.env['ir.http']._slug(self)}",
            "target": "new",
        }

    def action_unpublish(self):
        """The wizard asking why the results are withdrawn."""
        self._check_publisher()
        action = self.env["ir.actions.act_window"]._for_xml_id("sop_survey.sop_skm_period_unpublish_wizard_action")
        action["context"] = {"default_period_ids": self.ids}
        return action

    def _skm_unpublish(self, reason):
        """Withdraw the results of published periods from /skm/hasil, with the reason."""
        self._check_publisher()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for unpublishing the results."))
        for period in self:
            if not period.published:
                raise UserError(self.env._("The period %(name)s is not published.", name=period.name))
        self.sudo().write(
            {
                "published": False,
                "unpublish_reason": reason,
                "date_unpublished": fields.Datetime.now(),
                "unpublished_by_id": self.env.uid,
            }
        )
        return True

    def action_create_questionnaire(self):
        self._check_division()
        for period in self:
            if period.survey_id:
                raise UserError(self.env._("The period %(name)s already has a questionnaire.", name=period.name))
            period.survey_id = self.env["survey.survey"]._skm_create_questionnaire(
                title=self.env._("Survei Kepuasan Masyarakat %(period)s", period=period.name)
            )
        return True

    @api.model
    def _skm_open_period(self, day=None):
        """The open period covering ``day`` (today) that has a questionnaire."""
        day = day or fields.Date.context_today(self)
        return self.search(
            [("state", "=", "open"), ("date_start", "<=", day), ("date_end", ">=", day), ("survey_id", "!=", False)],
            order="date_start desc, id desc",
            limit=1,
        )

    def _skm_refusal(self, user):
        """Why the public form of this period cannot store an answer of ``user`` now, or None.

        ``(code, detail)``: code ``closed`` (the period is closed or has no questionnaire) or
        ``questionnaire`` (its questionnaire takes no answer: archived, restricted to logged-in users...);
        detail is for the server log. The same checks as the survey's when the answer is stored.
        """
        self.ensure_one()
        if self.state != "open" or not self.survey_id:
            return "closed", f"SKM period {self.id} is closed or has no questionnaire"
        survey = self.sudo().survey_id
        if survey.access_mode != "public" or survey.users_login_required:
            return (
                "questionnaire",
                f"questionnaire {survey.id} of SKM period {self.id} is not open to anonymous answers",
            )
        try:
            survey._check_answer_creation(user, False, False, check_attempts=False)
        except UserError as error:
            return "questionnaire", f"questionnaire {survey.id} of SKM period {self.id} takes no answer: {error}"
        return None

    def _skm_previous(self):
        """The period that ended before this one started (for the follow-up section)."""
        self.ensure_one()
        return self.search([("date_end", "<", self.date_start)], order="date_end desc, id desc", limit=1)
