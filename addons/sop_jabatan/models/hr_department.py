from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import UserError


class HrDepartment(models.Model):
    _inherit = "hr.department"

    sop_job_ids = fields.One2many("hr.job", "opd_id", string="Posts of the OPD")
    sop_analysis_ids = fields.One2many("sop.jabatan.analysis", "opd_id", string="Job Data by Year")
    abk_analysis_id = fields.Many2one(
        "sop.jabatan.analysis",
        string="Effective Job Data",
        compute="_compute_abk_recap",
        help="The latest effective job data of the OPD: the recap's figures are its.",
    )
    abk_year = Year(string="ABK Year", compute="_compute_abk_recap")
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
    abk_efficiency_defined = fields.Boolean(string="Unit Efficiency Defined", compute="_compute_abk_recap")
    abk_efficiency_text = fields.Char(string="Efficiency", compute="_compute_abk_recap")

    def write(self, vals):
        res = super().write(vals)
        if {"is_opd", "parent_id"} & set(vals):
            # the OPD of the posts below follows the unit that became (or stopped being) an OPD
            jobs = (
                self.env["hr.job"]
                .sudo()
                .with_context(active_test=False)
                .search([("department_id", "child_of", self.ids)])
            )
            self.env.add_to_compute(self.env["hr.job"]._fields["opd_id"], jobs)
        return res

    def _compute_abk_recap(self):
        Analysis = self.env["sop.jabatan.analysis"].sudo()
        for opd in self:
            analysis = Analysis.search(
                [("opd_id", "=", opd.id), ("state", "=", "effective")], order="year desc, revision desc", limit=1
            )
            opd.abk_analysis_id = analysis.with_env(self.env)
            opd.abk_year = analysis.year
            opd.abk_post_count = analysis.sheet_count
            opd.abk_workload_minutes = analysis.workload_minutes
            opd.abk_staff_need = analysis.staff_need
            opd.abk_staff_in_post = analysis.staff_in_post
            opd.abk_staff_gap = analysis.staff_gap
            opd.abk_efficiency = analysis.efficiency
            opd.abk_efficiency_defined = analysis.efficiency_defined
            opd.abk_efficiency_text = analysis.efficiency_text if analysis else self.env._("No effective job data")

    def action_sop_abk_recap_xlsx(self):
        """Download the ABK recap of the OPD's effective job data."""
        self.ensure_one()
        if not self.abk_analysis_id:
            raise UserError(self.env._("%(opd)s has no effective job data yet.", opd=self.name))
        return self.abk_analysis_id.action_abk_recap_xlsx()
