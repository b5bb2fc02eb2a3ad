from odoo import fields
from odoo import models


class HrDepartment(models.Model):
    _inherit = "hr.department"

    is_opd = fields.Boolean(
        help="A government unit (Organisasi Perangkat Daerah) that SOP cases, "
        "SKM surveys and SINOVIK proposals can refer to.",
    )
