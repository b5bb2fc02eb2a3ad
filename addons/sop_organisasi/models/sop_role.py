from odoo import api
from odoo import fields
from odoo import models

from ..tools.tracking import many2many_before
from ..tools.tracking import post_many2many_changes


class SopRole(models.Model):
    """Who acts in a step. Its definition confers rights (the people it resolves to get the steps of
    every case), so only the SOP Administrator changes it, and the chatter keeps every change."""

    _name = "sop.role"
    _inherit = ["mail.thread"]
    _description = "SOP Executor Role"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    column_label = fields.Char(
        help="Short label printed as the 'Pelaksana' column header, "
        "e.g. 'Kasubbag Kelemb & Anjab'. Defaults to the name.",
    )
    sequence = fields.Integer(default=10, help="Column order in SOP flowcharts.")
    active = fields.Boolean(default=True)
    description = fields.Text()
    resolution_type = fields.Selection(
        [
            ("job", "HR job positions"),
            ("department", "Employees of a department"),
            ("employee", "Specific employees"),
            ("group", "Members of a user group"),
            ("opd", "Liaison users of the case's OPD"),
        ],
        string="Resolves To",
        required=True,
        default="job",
        tracking=True,
        help="How the role finds the people who act:\n"
        "- HR job positions: employees holding one of the positions "
        "(limited to the department below if set);\n"
        "- Employees of a department: its manager and members;\n"
        "- Specific employees: the employees listed;\n"
        "- Members of a user group;\n"
        "- Liaison users of the OPD a case is run for.",
    )
    job_ids = fields.Many2many("hr.job", string="Job Positions")
    department_id = fields.Many2one("hr.department", tracking=True)
    employee_ids = fields.Many2many("hr.employee", string="Employees")
    group_id = fields.Many2one("res.groups", string="User Group", tracking=True)
    user_ids = fields.Many2many(
        "res.users",
        compute="_compute_user_ids",
        string="Resolved Users",
        help="Users this role resolves to today (for the OPD role: none until a case names its OPD).",
    )
    step_count = fields.Integer(compute="_compute_step_count", string="Steps")
    staffing_warning = fields.Char(
        compute="_compute_staffing_warning",
        help="Set when the role resolves to nobody: its case steps would go to the case responsible.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An executor role with this name already exists."),
    ]

    def write(self, vals):
        before = many2many_before(self, ["job_ids", "employee_ids"], vals)
        res = super().write(vals)
        post_many2many_changes(self, before)
        return res

    def copy_data(self, default=None):
        """A duplicated role gets a name of its own (role names are unique)."""
        vals_list = super().copy_data(default=default)
        if default and "name" in default:
            return vals_list
        return [
            dict(vals, name=self.env._("%(name)s (copy)", name=role.name))
            for role, vals in zip(self, vals_list, strict=True)
        ]

    @api.depends(
        "resolution_type",
        "job_ids",
        "department_id",
        "employee_ids",
        "group_id",
        "job_ids.employee_ids.user_id",
        "employee_ids.user_id",
        "group_id.users",
    )
    def _compute_user_ids(self):
        for role in self:
            role.user_ids = role._resolve_users()

    @api.depends("resolution_type", "user_ids")
    def _compute_staffing_warning(self):
        opds = self.env["hr.department"]
        if "opd" in self.mapped("resolution_type"):
            opds = self.env["hr.department"].search([("is_opd", "=", True)])
        for role in self:
            role.staffing_warning = role._staffing_warning(opds)

    def _staffing_warning(self, opds):
        """A sentence saying who is missing, or False when the role finds someone."""
        self.ensure_one()
        if self.resolution_type == "opd":
            empty = opds.filtered(lambda opd: not opd.liaison_user_ids.filtered("active"))
            if not empty:
                return False
            return self.env._(
                "These OPDs have no liaison users, their cases cannot start: %(opds)s",
                opds=", ".join(empty.mapped("name")),
            )
        if self.sudo()._resolve_users():
            return False
        return self.env._(
            "Nobody holds this role today: the case steps of this role go to the case responsible "
            "until someone is given it."
        )

    def _get_unstaffed(self):
        """The roles among these (not the per-OPD role) that resolve to nobody."""
        return self.filtered(lambda role: role.resolution_type != "opd" and not role.sudo()._resolve_users())

    def _compute_step_count(self):
        counts = dict(self.env["sop.step"]._read_group([("role_id", "in", self.ids)], ["role_id"], ["__count"]))
        for role in self:
            role.step_count = counts.get(role, 0)

    def _get_column_label(self):
        self.ensure_one()
        return self.column_label or self.name

    def _resolve_users(self, opd=None):
        """Return the active internal users acting in this role.

        :param opd: an ``hr.department`` (OPD) for roles of type ``opd``.
        """
        self.ensure_one()
        users = self.env["res.users"]
        if self.resolution_type == "job":
            domain = [("job_id", "in", self.job_ids.ids)]
            if self.department_id:
                domain.append(("department_id", "child_of", self.department_id.id))
            users = self.env["hr.employee"].search(domain).user_id
        elif self.resolution_type == "department" and self.department_id:
            employees = self.env["hr.employee"].search([("department_id", "child_of", self.department_id.id)])
            users = employees.user_id | self.department_id.manager_id.user_id
        elif self.resolution_type == "employee":
            users = self.employee_ids.user_id
        elif self.resolution_type == "group" and self.group_id:
            users = self.group_id.users
        elif self.resolution_type == "opd" and opd:
            users = opd.liaison_user_ids
        return users.filtered("active")

    def action_view_steps(self):
        self.ensure_one()
        self.check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id("sop_organisasi.sop_step_action")
        action["domain"] = [("role_id", "=", self.id)]
        return action
