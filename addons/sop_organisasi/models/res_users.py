from odoo import fields
from odoo import models


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
