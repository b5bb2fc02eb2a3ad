from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError

from ..tools.tracking import many2many_before
from ..tools.tracking import post_many2many_changes
from ..tools.workflow import field_labels

MANAGER = "sop_organisasi.group_sop_manager"
# fields of a unit that confer rights in the product: the liaisons act for the OPD (its cases,
# proposals, SKM reports), the parent chain scopes SOP Users' units (child_of), the manager receives
# the steps of the unit's roles, the OPD flag and code number its letters
RIGHTS_FIELDS = ("liaison_user_ids", "parent_id", "manager_id", "is_opd", "opd_code")


class HrDepartment(models.Model):
    _inherit = "hr.department"

    parent_id = fields.Many2one(tracking=True)
    is_opd = fields.Boolean(
        string="Is an OPD",
        tracking=True,
        help="A government unit (Organisasi Perangkat Daerah) that SOP cases can refer to.",
    )
    opd_code = fields.Char(string="Unit Code", tracking=True, help="Unit code used in letter numbers, e.g. 417.112.")
    liaison_user_ids = fields.Many2many(
        "res.users",
        "hr_department_sop_liaison_rel",
        "department_id",
        "user_id",
        string="Liaison Users",
        help="Users who act for this OPD (the 'OPD' executor role).",
    )

    def _check_rights_fields(self, vals, creating=False):
        """Only the SOP Administrator changes the fields that confer rights (HR officers keep the
        others). A new unit may get its place and head (nothing depends on it yet), not liaisons."""
        if self.env.su or self.env.user.has_group(MANAGER):
            return
        guarded = set(RIGHTS_FIELDS) - ({"parent_id", "manager_id"} if creating else set())
        touched = {name for name in set(vals) & guarded if not creating or vals[name]}
        if touched:
            labels = field_labels(self, touched)
            raise AccessError(
                self.env._(
                    "Only the SOP Administrator can change %(fields)s of a unit: they give rights in the SOP "
                    "library, cases, SINOVIK and SKM.",
                    fields=labels,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_rights_fields(vals, creating=True)
        return super().create(vals_list)

    def write(self, vals):
        self._check_rights_fields(vals)
        before = many2many_before(self, ["liaison_user_ids"], vals)
        res = super().write(vals)
        post_many2many_changes(self, before)
        return res
