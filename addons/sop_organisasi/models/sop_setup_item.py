from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

CHECK_PREFIX = "_setup_check_"


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
