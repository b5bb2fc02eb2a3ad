from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models

from ..tools import abk


class HrDepartment(models.Model):
    _inherit = "hr.department"

    sop_job_ids = fields.One2many("hr.job", "opd_id", string="Posts of the OPD")
    abk_post_count = fields.Integer(string="Posts", compute="_compute_abk_recap")
    abk_workload_minutes = fields.Float(string="Total Workload (Minutes)", compute="_compute_abk_recap", digits=(16, 2))
    abk_staff_need = fields.Integer(
        string="Staff Needed", compute="_compute_abk_recap", help="The sum of the posts' rounded staff needs."
    )
    abk_staff_in_post = fields.Integer(string="Staff in Post", compute="_compute_abk_recap")
    abk_staff_gap = fields.Integer(string="Surplus (+) / Shortfall (−)", compute="_compute_abk_recap")
    abk_efficiency = fields.Float(
        string="Unit Efficiency (EU)",
        compute="_compute_abk_recap",
        digits=(16, 4),
        help="Σ workload ÷ Σ (staff in post x JKE) over the OPD's posts.",
    )
    abk_efficiency_text = fields.Char(string="Efficiency", compute="_compute_abk_recap")

    @api.depends("sop_job_ids.workload_minutes", "sop_job_ids.staff_need", "sop_job_ids.staff_in_post")
    def _compute_abk_recap(self):
        table = self.env["sop.jabatan.efficiency.band"].sudo().search([])._as_table()
        for opd in self:
            jobs = opd.sudo().sop_job_ids
            workload = sum((abk.as_decimal(w) for w in jobs.mapped("workload_minutes")), Decimal(0))
            capacity = sum((Decimal(job.staff_in_post * job.jke_minutes) for job in jobs), Decimal(0))
            opd.abk_post_count = len(jobs)
            opd.abk_workload_minutes = float(workload)
            opd.abk_staff_need = sum(jobs.mapped("staff_need"))
            opd.abk_staff_in_post = sum(jobs.mapped("staff_in_post"))
            opd.abk_staff_gap = opd.abk_staff_in_post - opd.abk_staff_need
            # EU: the posts' staff in post, each with the JKE of its year (one year: Σ staff x JKE)
            eu = abk.efficiency(workload, 1, capacity) if capacity else None
            opd.abk_efficiency = float(eu.quantize(Decimal("0.0001"))) if eu is not None else 0.0
            if eu is None:
                opd.abk_efficiency_text = self.env._("Undefined: nobody in post")
            else:
                opd.abk_efficiency_text = f"{eu:.4f} ({abk.band_for(eu, table) or '-'})"
