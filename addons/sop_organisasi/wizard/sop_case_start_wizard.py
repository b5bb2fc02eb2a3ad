from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from ..tools.year import Year


class SopCaseStartWizard(models.TransientModel):
    """Start cases of one effective SOP for many OPDs at once (all or nothing)."""

    _name = "sop.case.start.wizard"
    _description = "Start SOP Cases"

    procedure_id = fields.Many2one(
        "sop.procedure", string="SOP", required=True, domain=[("state", "=", "effective")], ondelete="cascade"
    )
    opd_ids = fields.Many2many(
        "hr.department",
        "sop_case_start_wizard_opd_rel",
        "wizard_id",
        "department_id",
        string="OPDs",
        required=True,
        domain=[("is_opd", "=", True)],
    )
    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year)
    period = fields.Char(help="Optional period within the year, e.g. 'Semester 1'.")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        required=True,
        default=lambda self: self.env.user,
        domain=lambda self: self.env["sop.case"]._responsible_domain(),
    )
    start_now = fields.Boolean(default=True, help="Start the cases right away; otherwise they stay drafts.")
    unstaffed_warning = fields.Text(
        compute="_compute_unstaffed_warning",
        help="Executor roles of the SOP that resolve to nobody, with the OPDs whose cases they concern.",
    )
    confirm_unstaffed = fields.Boolean(
        string="Assign to the Responsible",
        help="Start anyway: the steps of roles held by nobody go to the responsible person "
        "(noted in each case's history).",
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if self.env.context.get("active_model") == "sop.procedure" and self.env.context.get("active_id"):
            res.setdefault("procedure_id", self.env.context["active_id"])
        return res

    @api.depends("procedure_id", "opd_ids")
    def _compute_unstaffed_warning(self):
        for wizard in self:
            wizard.unstaffed_warning = wizard._unstaffed_warning()

    def _unstaffed_warning(self):
        """One line per role that resolves to nobody: its steps and the OPDs concerned."""
        self.ensure_one()
        steps = self.procedure_id.sudo()._get_ordered_steps() if self.procedure_id else self.env["sop.step"]
        roles = steps.role_id._get_unstaffed()
        if not roles or not self.opd_ids:
            return False
        opd_names = ", ".join(self.opd_ids.mapped("name"))
        lines = [
            self.env._(
                "%(role)s (steps %(steps)s) for %(opds)s",
                role=role.name,
                steps=", ".join(steps.filtered(lambda s, r=role: s.role_id == r).mapped("code")),
                opds=opd_names,
            )
            for role in roles
        ]
        return self.env._(
            "Nobody holds these roles; their steps will be assigned to the responsible person:\n- %(lines)s",
            lines="\n- ".join(lines),
        )

    def _check_opds(self):
        """Raise one clear message naming every OPD that cannot get a case."""
        self.ensure_one()
        problems = []
        if self.procedure_id.state != "effective":
            raise UserError(
                self.env._("'%(sop)s' is not effective: only effective SOPs run as cases.", sop=self.procedure_id.name)
            )
        open_cases = self.env["sop.case"].search(
            [
                ("procedure_id.root_id", "=", self.procedure_id.root_id.id),
                ("opd_id", "in", self.opd_ids.ids),
                ("year", "=", self.year),
                ("period", "=", self.period or False),
                ("state", "in", ("draft", "running")),
            ]
        )
        busy = {case.opd_id.id: case for case in open_cases}
        for opd in self.opd_ids:
            if not opd.is_opd:
                problems.append(self.env._("%(opd)s is not an OPD", opd=opd.name))
            elif not opd.liaison_user_ids.filtered("active"):
                problems.append(self.env._("%(opd)s has no liaison users", opd=opd.name))
            elif opd.id in busy:
                problems.append(
                    self.env._("%(opd)s already has the open case '%(case)s'", opd=opd.name, case=busy[opd.id].name)
                )
        if problems:
            raise UserError(
                self.env._(
                    "No case was started. Fix these OPDs first:\n- %(problems)s",
                    problems="\n- ".join(problems),
                )
            )

    def action_start(self):
        self.ensure_one()
        if not self.opd_ids:
            raise UserError(self.env._("Choose at least one OPD."))
        self._check_opds()
        if self.start_now and not self.confirm_unstaffed and self._unstaffed_warning():
            raise UserError(
                self.env._(
                    "%(warning)s\n\nGive these roles to someone, or tick 'Assign to the Responsible' to start anyway.",
                    warning=self._unstaffed_warning(),
                )
            )
        Case = self.env["sop.case"]
        cases = Case.create(
            Case._prepare_batch_vals(self.procedure_id, self.opd_ids, self.year, self.period, self.user_id)
        )
        if self.start_now:
            cases.action_start()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Started Cases"),
            "res_model": "sop.case",
            "view_mode": "list,kanban,form",
            "domain": [("id", "in", cases.ids)],
        }
