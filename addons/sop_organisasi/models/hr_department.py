from odoo import fields
from odoo import models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    is_opd = fields.Boolean(
        string="Is an OPD",
        help="A government unit (Organisasi Perangkat Daerah) that SOP cases can refer to.",
    )
    opd_code = fields.Char(string="Unit Code", help="Unit code used in letter numbers, e.g. 417.112.")
    liaison_user_ids = fields.Many2many(
        "res.users",
        "hr_department_sop_liaison_rel",
        "department_id",
        "user_id",
        string="Liaison Users",
        help="Users who act for this OPD (the 'OPD' executor role).",
    )
