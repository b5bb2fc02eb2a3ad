import logging

from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from ..tools.dates import DEFAULT_TZ
from ..tools.tracking import many2many_before
from ..tools.tracking import post_many2many_changes

HOME_ACTION_XMLID = "sop_organisasi.res_users_action_sop_home"
GIVEN_AFTER_CREATE = ("sop_role_ids", "sop_liaison_opd_ids")

_logger = logging.getLogger(__name__)


class ResUsers(models.Model):
    """SOP units of a user, Mojokerto's time zone for new users, and each role's own start page."""

    _inherit = "res.users"

    sop_unit_ids = fields.Many2many(
        "hr.department",
        "res_users_sop_unit_rel",
        "user_id",
        "department_id",
        string="SOP Units",
        help="Organisational units whose SOPs this user maintains "
        "(sub-units included). SOP users may only edit SOPs of these units.",
    )

    sop_role_ids = fields.Many2many(
        "sop.role",
        compute="_compute_sop_role_ids",
        inverse="_inverse_sop_role_ids",
        string="Executor Roles",
        domain=[("resolution_type", "!=", "opd")],
        help="The executor roles this user holds: he acts in their steps of every SOP case. Giving a role "
        "sets what the role looks for (the job position of his employee, created if needed, his department, "
        "the role's employees or its group) and at least the OPD User rights.",
    )
    sop_liaison_opd_ids = fields.Many2many(
        "hr.department",
        compute="_compute_sop_liaison_opd_ids",
        inverse="_inverse_sop_liaison_opd_ids",
        string="Liaison of OPDs",
        domain=[("is_opd", "=", True)],
        help="The OPDs this user acts for (the 'OPD' executor role, SINOVIK proposals, SKM reports).",
    )

    def _compute_sop_role_ids(self):
        roles = self.env["sop.role"].sudo().search([("resolution_type", "!=", "opd")])
        holders = {role: role._resolve_users() for role in roles}
        for user in self:
            user.sop_role_ids = roles.filtered(lambda role, user=user: user._origin in holders[role])

    def _inverse_sop_role_ids(self):
        for user in self:
            current = user.sudo()._sop_held_roles()
            wanted = user.sop_role_ids
            for role in (wanted - current).with_env(self.env):
                role._give_to(user)
            for role in (current - wanted).with_env(self.env):
                role._take_from(user)

    def _sop_held_roles(self):
        """The roles the user holds in the database (not the value being written)."""
        self.ensure_one()
        roles = self.env["sop.role"].sudo().search([("resolution_type", "!=", "opd")])
        return roles.filtered(lambda role: self in role._resolve_users())

    def _compute_sop_liaison_opd_ids(self):
        opds = self.env["hr.department"].sudo().search([("liaison_user_ids", "in", self._origin.ids)])
        for user in self:
            user.sop_liaison_opd_ids = opds.filtered(lambda opd, user=user: user._origin in opd.liaison_user_ids)

    def _inverse_sop_liaison_opd_ids(self):
        """Written on the OPDs as the current user: the OPD's guard decides who names liaisons."""
        Department = self.env["hr.department"]
        for user in self:
            current = Department.sudo().search([("liaison_user_ids", "in", user.ids)])
            wanted = user.sop_liaison_opd_ids
            Department.browse((wanted - current).ids).write({"liaison_user_ids": [Command.link(user.id)]})
            Department.browse((current - wanted).ids).write({"liaison_user_ids": [Command.unlink(user.id)]})
            if wanted - current:
                user._sop_grant_opd_user()

    def _sop_employee(self):
        """The employees of these users in the current company, created for those who have none."""
        Employee = self.env["hr.employee"].sudo()
        employees = Employee.search([("user_id", "in", self.ids), ("company_id", "in", self.env.companies.ids)])
        missing = self - employees.user_id
        if missing:
            employees |= Employee.create(
                [
                    dict(
                        name=user.partner_id.name or user.login,
                        company_id=self.env.company.id,
                        **Employee._sync_user(user),
                    )
                    for user in missing
                ]
            )
        return employees

    def _sop_grant_opd_user(self):
        """Internal users acting in SOP cases get at least the OPD User rights."""
        opd_user = self.env.ref("sop_organisasi.group_sop_opd_user")
        without = self.filtered(lambda user: not user.share and opd_user not in user.groups_id)
        if without:
            without.sudo().write({"groups_id": [Command.link(opd_user.id)]})

    @api.model
    def _default_groups(self):
        """A liaison created from an OPD gets the OPD User rights only, not the template user's groups."""
        if self.env.context.get("sop_liaison_user"):
            return self.env.ref("base.group_user") | self.env.ref("sop_organisasi.group_sop_opd_user")
        return super()._default_groups()

    @api.model
    def _sop_template_drop_groups(self, xmlids):
        """Take the groups ``xmlids`` off the template of new users (upgrades: the template is noupdate)."""
        template = self.env.ref("base.default_user", raise_if_not_found=False)
        groups = self.env["res.groups"].browse(
            group.id for group in (self.env.ref(xmlid, raise_if_not_found=False) for xmlid in xmlids) if group
        )
        if template and groups & template.groups_id:
            _logger.info("groups taken off the template of new users: %s", ", ".join(groups.mapped("full_name")))
            template.sudo().write({"groups_id": [Command.unlink(group.id) for group in groups]})

    @api.model
    def default_get(self, fields_list):
        """New users read times in Mojokerto's zone unless the creator's context says otherwise."""
        values = super().default_get(fields_list)
        if "tz" in fields_list and not values.get("tz"):
            values["tz"] = self._sop_default_tz()
        return values

    @api.model
    def _sop_default_tz(self):
        company = self.env.company
        return company.partner_id.tz or company.resource_calendar_id.tz or DEFAULT_TZ

    # ------------------------------------------------------------------ start page
    # Each role starts on its own page: the home action dispatches by group.
    @api.model
    def _sop_home_groups(self):
        """Groups whose users get the SOP start page as home action."""
        return self.env.ref("sop_organisasi.group_sop_opd_user")

    def _sop_home_action_xmlid(self):
        """The start page of the user's role (None: no SOP role)."""
        self.ensure_one()
        if self.has_group("sop_organisasi.group_sop_user"):
            return "sop_organisasi.sop_dashboard_action"
        if self.has_group("sop_organisasi.group_sop_opd_user"):
            return "sop_organisasi.sop_case_step_action_my_work"
        return None

    @api.model
    def _sop_home_action(self):
        """The action the home server action opens for the current user."""
        xmlid = self.env.user._sop_home_action_xmlid() or "mail.action_discuss"
        return self.env["ir.actions.actions"]._for_xml_id(xmlid)

    def _sop_set_home_action(self):
        """Give the SOP start page to internal users of the SOP groups who have no home action yet."""
        home = self.env.ref(HOME_ACTION_XMLID, raise_if_not_found=False)
        if not home:
            return
        groups = self._sop_home_groups()
        users = self.sudo().filtered(lambda u: not u.share and not u.action_id and u.groups_id & groups)
        if users:
            users.write({"action_id": home.id})

    @api.model
    def _sop_set_home_action_all(self):
        """Install hook (data file): existing users of the SOP groups, the administrator included."""
        groups = self._sop_home_groups()
        self.sudo().with_context(active_test=False).search([("groups_id", "in", groups.ids)])._sop_set_home_action()

    @api.model_create_multi
    def create(self, vals_list):
        # roles and OPDs are given once the user exists (his name, partner and groups are set)
        given = [{name: vals.pop(name) for name in GIVEN_AFTER_CREATE if name in vals} for vals in vals_list]
        users = super().create(vals_list)
        for user, vals in zip(users, given, strict=True):
            if vals:
                user.write(vals)
        users._sop_set_home_action()
        return users

    def write(self, vals):
        if "sop_unit_ids" in vals and not (self.env.su or self.env.user.has_group("sop_organisasi.group_sop_manager")):
            # the units a user maintains scope his rights on SOPs (record rules, child_of)
            raise AccessError(self.env._("Only the SOP Administrator gives users their SOP units."))
        before = many2many_before(self, ["sop_unit_ids"], vals)
        res = super().write(vals)
        post_many2many_changes(self, before, target=lambda user: user.partner_id.sudo())
        if any(key == "groups_id" or key.startswith(("in_group_", "sel_groups_")) for key in vals):
            self._sop_set_home_action()
        return res
