from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

from ..tools.tracking import many2many_before
from ..tools.tracking import post_many2many_changes

MANAGER = "sop_organisasi.group_sop_manager"


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
        inverse="_inverse_user_ids",
        string="Holders",
        help="Users who hold this role today. Adding or removing a user here changes what the role finds: "
        "his employee's job position (job roles), department (department roles), the employees listed or "
        "the group's members. The OPD role is held by the liaison users of each OPD.",
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
        # the holders are read through jobs and employees, which not every reader of a role may read
        for role in self:
            role.user_ids = role.sudo()._resolve_users()

    def _inverse_user_ids(self):
        for role in self:
            current = role.sudo()._resolve_users()
            wanted = role.user_ids
            if wanted == current:
                continue
            role._check_holders_editable()
            role._take_from(current - wanted)
            role._give_to(wanted - current)

    # ------------------------------------------------------------------ holders
    def _check_holders_editable(self):
        """Holding a role confers rights (its steps of every case): the SOP Administrator gives it."""
        if not (self.env.su or self.env.user.has_group(MANAGER)):
            raise AccessError(self.env._("Only the SOP Administrator gives executor roles."))
        for role in self:
            if role.resolution_type == "opd":
                raise UserError(
                    self.env._(
                        "The role '%(role)s' is held by the liaison users of each OPD: name them on the OPD "
                        "(SOP › Configuration › Units and OPDs) or on the user form (tab SOP).",
                        role=role.name,
                    )
                )

    def _give_to(self, users):
        """Make ``users`` hold this role the way the role finds people (job position, department,
        employee list, group), creating their employee when they have none."""
        self.ensure_one()
        users = users - self.sudo()._resolve_users()
        if not users:
            return
        self._check_holders_editable()
        before = self.sudo()._resolve_users()
        portal = users.filtered("share")
        if portal:
            raise UserError(
                self.env._(
                    "%(users)s: only internal users can hold an executor role.",
                    users=", ".join(portal.mapped("name")),
                )
            )
        role = self.sudo()
        if role.resolution_type == "group":
            self._write_group_members([Command.link(user.id) for user in users])
        else:
            employees = users._sop_employee()
            if role.resolution_type == "job":
                role._give_job(employees)
            elif role.resolution_type == "department":
                employees.write({"department_id": role.department_id.id})
            elif role.resolution_type == "employee":
                role.write({"employee_ids": [Command.link(employee.id) for employee in employees]})
        users._sop_grant_opd_user()
        self._post_holders(before)
        missing = users - role._resolve_users()
        if missing:
            raise UserError(
                self.env._(
                    "%(users)s could not be given the role '%(role)s' (inactive employee or another company?).",
                    users=", ".join(missing.mapped("name")),
                    role=role.name,
                )
            )

    def _write_group_members(self, commands):
        """Change the members of a group role's group as the current user: a group may give any right
        (the Settings administrator's too), so Odoo's access rights on groups decide, not the role's."""
        self.ensure_one()
        if not (self.env.su or self.env.user.has_group("base.group_erp_manager")):
            raise AccessError(
                self.env._(
                    "The role '%(role)s' is held by the members of the group '%(group)s': only an administrator "
                    "of access rights changes who is in a group.",
                    role=self.name,
                    group=self.sudo().group_id.full_name,
                )
            )
        self.group_id.with_env(self.env).write({"users": commands})

    def _post_holders(self, before):
        """The chatter of the role says who was given it and from whom it was taken."""
        self.invalidate_recordset(["user_ids"])
        post_many2many_changes(self.sudo(), {self.id: {"user_ids": before}})

    def _give_job(self, employees):
        """A person has one job position: giving a job role takes the role his position gave him."""
        self.ensure_one()
        job = self.job_ids[:1]
        if not job:
            raise UserError(self.env._("Give the role '%(role)s' a job position first.", role=self.name))
        other_roles = self.search([("id", "!=", self.id), ("resolution_type", "=", "job")])
        for employee in employees:
            held = other_roles.filtered(lambda role, job=employee.job_id: job and job in role.job_ids)
            if employee.job_id and employee.job_id not in self.job_ids and held:
                raise UserError(
                    self.env._(
                        "%(user)s holds the role %(roles)s through his job position '%(job)s', and a person has "
                        "one job position: take that role from him first.",
                        user=employee.name,
                        roles=", ".join(held.mapped("name")),
                        job=employee.job_id.name,
                    )
                )
            vals = {"job_id": job.id}
            if self.department_id and not employee.department_id.filtered_domain(
                [("id", "child_of", self.department_id.id)]
            ):
                vals["department_id"] = self.department_id.id
            employee.write(vals)

    def _take_from(self, users):
        """The reverse of :meth:`_give_to` for the users who hold this role today."""
        self.ensure_one()
        users = users & self.sudo()._resolve_users()
        if not users:
            return
        self._check_holders_editable()
        role = self.sudo()
        before = role._resolve_users()
        employees = role.env["hr.employee"].search([("user_id", "in", users.ids)])
        if role.resolution_type == "group":
            self._write_group_members([Command.unlink(user.id) for user in users])
        elif role.resolution_type == "job":
            employees.filtered(lambda employee: employee.job_id in role.job_ids).write({"job_id": False})
        elif role.resolution_type == "department":
            heads = users & role.department_id.manager_id.user_id
            if heads:
                raise UserError(
                    self.env._(
                        "%(users)s heads %(department)s: change the head on the unit itself.",
                        users=", ".join(heads.mapped("name")),
                        department=role.department_id.name,
                    )
                )
            members = employees.filtered_domain([("department_id", "child_of", role.department_id.id)])
            members.write({"department_id": False})
        elif role.resolution_type == "employee":
            role.write({"employee_ids": [Command.unlink(employee.id) for employee in employees]})
        self._post_holders(before)
        kept = users & role._resolve_users()
        if kept:
            raise UserError(
                self.env._(
                    "%(users)s still hold the role '%(role)s' in another way (e.g. through an implied group).",
                    users=", ".join(kept.mapped("name")),
                    role=role.name,
                )
            )

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
            "until someone is given it. Add him under Holders below, or give the role on his user form "
            "(Settings › Users, tab SOP)."
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
