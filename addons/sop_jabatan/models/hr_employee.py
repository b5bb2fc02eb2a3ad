from odoo import fields
from odoo import models


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    employment_status = fields.Selection(
        [("pns", "PNS"), ("pppk", "PPPK"), ("other", "Other")],
        string="Civil Service Status",
        help="PNS (civil servant), PPPK (government employee with a work agreement) or other staff. "
        "Counts the staff in post of the employee's job position by status; empty counts as other.",
    )
