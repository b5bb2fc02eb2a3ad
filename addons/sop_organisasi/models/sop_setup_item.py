from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

CHECK_PREFIX = "_setup_check_"
MANAGER = "sop_organisasi.group_sop_manager"


class SopSetupItem(models.Model):
    """One line of the administrator's first-setup checklist (SOP › Configuration › Setup Checklist).

    Each item names a check method of this model (prefixed ``_setup_check_``) that returns
    ``(done, detail)`` computed live, and the action of the screen where it is fixed.
    Other addons add items with a data record and a check method.
    """

    _name = "sop.setup.item"
    _description = "SOP Setup Checklist Item"
    _order = "sequence, id"

    name = fields.Char(string="Item", required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(string="What to Do", translate=True)
    check_method = fields.Char(required=True, help="Method of sop.setup.item returning (done, detail).")
    action_id = fields.Many2one("ir.actions.actions", string="Screen", required=True, ondelete="cascade")
    state = fields.Selection([("todo", "To Do"), ("done", "Ready")], string="Progress", compute="_compute_state")
    detail = fields.Char(compute="_compute_state")

    @api.constrains("check_method")
    def _check_check_method(self):
        for item in self:
            if not item.check_method.startswith(CHECK_PREFIX) or not hasattr(self, item.check_method):
                raise ValidationError(self.env._("'%(method)s' is not a setup check method.", method=item.check_method))

    def _compute_state(self):
        for item in self:
            done, detail = getattr(item, item.check_method)()
            item.state = "done" if done else "todo"
            item.detail = detail

    def action_open(self):
        """The screen of the item (window or server action)."""
        self.ensure_one()
        action = self.action_id.sudo()
        return self.env[action.type].browse(action.id)._get_action_dict()

    # ------------------------------------------------------------------ checks
    def _setup_check_users(self):
        """Somebody besides the administrator works in the product, with the rights of his SOP role."""
        sop_groups = self.env.ref("sop_organisasi.group_sop_opd_user").sudo()
        users = sop_groups.users.filtered(lambda user: user.active and not user.share and not user._is_superuser())
        users -= self.env.ref("base.user_admin")
        if not users:
            return False, self.env._("Only the administrator uses the product: create the users with their SOP role.")
        roles = self.env["sop.role"].sudo().search([("resolution_type", "!=", "opd")])
        holders = self.env["res.users"].union(*(role._resolve_users() for role in roles))
        return True, self.env._(
            "%(count)s users with SOP rights, %(holders)s of them holding an executor role.",
            count=len(users),
            holders=len(users & holders),
        )

    def _setup_check_tiers(self):
        """The SOP approval tiers exist and each finds a reviewer."""
        definitions = self.env["tier.definition"].sudo().search([("model", "=", "sop.procedure")])
        if not definitions:
            return False, self.env._("No approval tier for SOPs.")
        nobody = definitions.filtered(
            lambda tier: (
                (tier.review_type == "individual" and not tier.reviewer_id.active)
                or (tier.review_type == "group" and not tier.reviewer_group_id.users.filtered("active"))
            )
        )
        if nobody:
            return False, self.env._("Nobody reviews these tiers: %(names)s", names=", ".join(nobody.mapped("name")))
        return True, self.env._("%(count)s approval tiers for SOPs, each with a reviewer.", count=len(definitions))

    def _setup_check_opds(self):
        opds = self.env["hr.department"].sudo().search([("is_opd", "=", True)])
        if not opds:
            return False, self.env._("No OPD yet.")
        without = opds.filtered(lambda opd: not opd.liaison_user_ids.filtered("active"))
        if without:
            return False, self.env._(
                "%(count)s of %(total)s OPDs have no liaison user: %(names)s",
                count=len(without),
                total=len(opds),
                names=", ".join(without[:5].mapped("name")),
            )
        return True, self.env._("%(total)s OPDs, each with a liaison user.", total=len(opds))

    def _setup_check_roles(self):
        roles = self.env["sop.role"].sudo().search([])
        unstaffed = roles._get_unstaffed()
        if unstaffed:
            return False, self.env._(
                "Nobody holds %(count)s roles: %(names)s",
                count=len(unstaffed),
                names=", ".join(unstaffed[:5].mapped("name")),
            )
        return True, self.env._("Every executor role finds someone.")

    def _setup_check_letterhead(self):
        company = self.env.company
        missing = [
            label
            for ok, label in (
                (company.kop_government_name, self.env._("government name")),
                (company.kop_unit_name, self.env._("unit name")),
                (company.kop_address, self.env._("address")),
                (not company.uses_default_logo, self.env._("logo")),
            )
            if not ok
        ]
        if missing:
            return False, self.env._("Missing: %(missing)s", missing=", ".join(missing))
        return True, self.env._("Letterhead and logo are set.")

    def _setup_check_mail_server(self):
        if self.env["ir.mail_server"].sudo().search_count([], limit=1):
            return True, self.env._("An outgoing mail server is configured.")
        return False, self.env._("No outgoing mail server: notifications are not sent.")

    def _setup_check_sop_units(self):
        """SOP Users edit the SOPs of their units only: one without units can edit none."""
        staff = self.env.ref("sop_organisasi.group_sop_user").sudo().users
        without = staff.filtered(
            lambda user: user.active and not user.share and not user.sop_unit_ids and not user.has_group(MANAGER)
        )
        if without:
            return False, self.env._(
                "Without SOP units (cannot edit any SOP): %(users)s",
                users=", ".join(without.sorted("name").mapped("name")[:10]),
            )
        return True, self.env._("Every SOP User has SOP units.")

    def _setup_check_calendar(self):
        """Deadlines are planned on the company's working calendar, in WIB, without public holidays
        as working days."""
        company = self.env.company
        calendar = company.resource_calendar_id
        standard = self.env.ref("resource.resource_calendar_std", raise_if_not_found=False)
        if not calendar or calendar == standard:
            return False, self.env._("The company is on Odoo's default calendar, not the office hours.")
        if not calendar.tz or calendar.tz == "UTC":
            return False, self.env._("The working calendar has no time zone (WIB).")
        year = fields.Date.context_today(self).year
        start, _stop = calendar._sop_holiday_bounds(fields.Date.to_date(f"{year}-01-01"))
        _start, stop = calendar._sop_holiday_bounds(fields.Date.to_date(f"{year}-12-31"))
        holidays = self.env["resource.calendar.leaves"].search_count(
            [
                ("calendar_id", "=", calendar.id),
                ("resource_id", "=", False),
                ("date_from", ">=", start),
                ("date_to", "<=", stop),
            ]
        )
        if not holidays:
            return False, self.env._(
                "No public holidays for %(year)s on %(calendar)s.", year=year, calendar=calendar.name
            )
        return True, self.env._(
            "%(calendar)s (%(tz)s), %(count)s holidays in %(year)s.",
            calendar=calendar.name,
            tz=calendar.tz,
            count=holidays,
            year=year,
        )
