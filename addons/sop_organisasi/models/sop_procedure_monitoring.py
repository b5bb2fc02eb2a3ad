from odoo import fields
from odoo import models

from ..tools.schedule import next_monitoring_date


class SopProcedure(models.Model):
    """Monitoring schedule (every 6 months from the effective date) and evaluations of an SOP."""

    _inherit = "sop.procedure"  # pylint: disable=consider-merging-classes-inherited

    monitoring_last_date = fields.Date(string="Last Monitoring", compute="_compute_monitoring_dates", compute_sudo=True)
    monitoring_next_date = fields.Date(
        string="Next Monitoring Due",
        compute="_compute_monitoring_dates",
        compute_sudo=True,
        help="Every 6 months from the effective date (or from the company's 'SOP Monitoring Since' date "
        "when later). A finished monitoring counts for the due "
        "date nearest to it; the next due date is the one after.",
    )
    monitoring_overdue = fields.Boolean(compute="_compute_monitoring_dates", compute_sudo=True)
    evaluation_ids = fields.One2many("sop.evaluation", "procedure_id", string="Evaluations")
    evaluation_count = fields.Integer(compute="_compute_evaluation_count", compute_sudo=True)

    def _compute_monitoring_dates(self):
        last_dates = dict(
            self.env["sop.monitoring.line"]
            .sudo()
            ._read_group(
                [("procedure_id", "in", self.ids), ("monitoring_state", "=", "done")],
                ["procedure_id"],
                ["monitoring_date:max"],
            )
        )
        today = fields.Date.context_today(self)
        for rec in self:
            last = last_dates.get(rec)
            rec.monitoring_last_date = last
            if rec.state == "effective":
                # the first monitoring is due from when the city started using the application
                start = rec.company_id.sop_monitoring_start_date
                anchor = max(rec.date_effective, start) if rec.date_effective and start else rec.date_effective
                rec.monitoring_next_date = next_monitoring_date(anchor, last)
            else:
                rec.monitoring_next_date = False
            rec.monitoring_overdue = bool(rec.monitoring_next_date and rec.monitoring_next_date < today)

    def _compute_evaluation_count(self):
        counts = dict(
            self.env["sop.evaluation"]._read_group([("procedure_id", "in", self.ids)], ["procedure_id"], ["__count"])
        )
        for rec in self:
            rec.evaluation_count = counts.get(rec, 0)

    def action_view_evaluations(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluations"),
            "res_model": "sop.evaluation",
            "view_mode": "list,form",
            "domain": [("procedure_id", "=", self.id)],
            "context": {"default_procedure_id": self.id},
        }
