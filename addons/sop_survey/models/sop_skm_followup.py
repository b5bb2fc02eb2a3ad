from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.service_standard import COMPONENT_SELECTION
from ..tools.service_standard import component_of_element
from ..tools.skm_questionnaire import SKM_ELEMENT_SELECTION

# set by the workflow methods only (sudo)


class SopSkmFollowup(models.Model):
    """Rencana tindak lanjut (RTL) for a weak SKM element of a unit in a period."""

    _name = "sop.skm.followup"
    _description = "SKM Follow-up Plan"
    _inherit = ["mail.thread", "mail.activity.mixin", "sop.workflow.state.mixin"]
    _order = "deadline, id"

    population_id = fields.Many2one(
        "sop.skm.population",
        string="Unit and Period",
        required=True,
        index=True,
        ondelete="cascade",
    )
    unit_id = fields.Many2one(related="population_id.unit_id", store=True)
    period_id = fields.Many2one(related="population_id.period_id", store=True)
    opd_id = fields.Many2one(related="population_id.unit_id.opd_id", store=True)
    element = fields.Selection(SKM_ELEMENT_SELECTION, required=True, tracking=True)
    name = fields.Text(string="Improvement Action", required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, tracking=True, default=lambda self: self.env.user
    )
    deadline = fields.Date(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Planned"), ("progress", "In Progress"), ("done", "Done"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        tracking=True,
    )
    result = fields.Text(help="What was done, reported in the next period's SKM report.")
    standard_component = fields.Selection(
        COMPONENT_SELECTION,
        string="Standard Component to Change",
        compute="_compute_standard_component",
        store=True,
        readonly=False,
        precompute=True,
        help="The component of the service standard the improvement changes (by default the one the element measures).",
    )
    standard_id = fields.Many2one(
        "sop.service.standard",
        string="Service Standard",
        domain="[('unit_id', '=', unit_id), ('state', '=', 'effective')]",
        help="The effective service standard to revise for this improvement.",
    )

    @api.depends("element")
    def _compute_standard_component(self):
        for plan in self:
            plan.standard_component = component_of_element(plan.element) or plan.standard_component

    @api.constrains("standard_id", "population_id")
    def _check_standard_unit(self):
        for plan in self.filtered("standard_id"):
            if plan.standard_id.sudo().unit_id != plan.unit_id:
                raise ValidationError(
                    self.env._("The service standard of a follow-up plan must be one of the plan's unit.")
                )

    def action_revise_standard(self):
        """Open the revision (the next draft) of the service standard the plan points at."""
        self.ensure_one()
        self.check_access("write")
        if not self.standard_id:
            raise UserError(self.env._("Choose the service standard to revise first."))
        if self.standard_id.state != "effective":
            raise UserError(self.env._("Only an effective service standard can be revised."))
        action = self.standard_id.action_revise()
        draft = self.env["sop.service.standard"].browse(action["res_id"])
        label = dict(self._fields["standard_component"]._description_selection(self.env)).get(self.standard_component)
        draft.message_post(
            body=self.env._(
                "Revision asked by the SKM follow-up plan of %(element)s: change %(component)s. %(action)s",
                element=self.element,
                component=label or "-",
                action=self.name,
            )
        )
        return action

    def action_start(self):
        self.check_access("write")
        for plan in self:
            if plan.state != "draft":
                raise UserError(self.env._("Only planned follow-ups can be started."))
            plan.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=plan.deadline,
                summary=self.env._("SKM follow-up: %(element)s", element=plan.element),
                note=plan.name,
                user_id=plan.user_id.id,
            )
        self._set_state("progress")

    def action_done(self):
        self.check_access("write")
        for plan in self:
            if plan.state not in ("draft", "progress"):
                raise UserError(self.env._("Only open follow-ups can be marked done."))
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._set_state("done")

    def action_cancel(self):
        self.check_access("write")
        self.activity_unlink(["mail.mail_activity_data_todo"])
        self._set_state("cancel")
