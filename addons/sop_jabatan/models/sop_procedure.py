from odoo import fields
from odoo import models


class SopProcedure(models.Model):
    _inherit = "sop.procedure"

    work_product = fields.Selection(
        selection_add=[
            ("anjab_abk", "Job Analysis and Workload"),
            ("job_grading", "Job Grading"),
            ("skj", "Competency Standards (SKJ)"),
        ],
        ondelete={"anjab_abk": "set null", "job_grading": "set null", "skj": "set null"},
    )
