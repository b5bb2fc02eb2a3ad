from odoo import api
from odoo import fields
from odoo import models

from ..tools.dates import DEFAULT_TZ


class ResUsers(models.Model):
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

    @api.model
    def _default_groups(self):
        """A liaison created from an OPD gets the OPD User rights only, not the template user's groups."""
        if self.env.context.get("sop_liaison_user"):
            return self.env.ref("base.group_user") | self.env.ref("sop_organisasi.group_sop_opd_user")
        return super()._default_groups()

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
