from odoo import api
from odoo import fields
from odoo import models

from ..tools.duration import format_hours

EVENTS = [
    ("start", "Started"),
    ("finish", "Finished"),
    ("answer_no", "Answered 'No'"),
    ("approval", "Sent for Approval"),
    ("approved", "Approved"),
    ("rejected", "Rejected"),
    ("cancel", "Cancelled"),
    ("replan", "Deadline Recomputed"),
]


class SopCaseHistory(models.Model):
    """One transition of a case step, kept for audits and reports.

    Done activities may be deleted by users or by Odoo; this log is not.
    """

    _name = "sop.case.history"
    _description = "SOP Case Step History"
    _order = "date desc, id desc"

    case_id = fields.Many2one("sop.case", required=True, ondelete="cascade", index=True, readonly=True)
    step_id = fields.Many2one("sop.case.step", ondelete="cascade", index=True, readonly=True)
    code = fields.Char(string="Step Code", readonly=True)
    event = fields.Selection(EVENTS, required=True, readonly=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    user_id = fields.Many2one("res.users", string="By", default=lambda self: self.env.user, readonly=True)
    assignee_ids = fields.Many2many("res.users", string="Assignees", readonly=True)
    date_deadline = fields.Datetime(string="Planned Deadline", readonly=True)
    hours = fields.Float(string="Working Hours", readonly=True, help="Working time of the run that ended here.")
    hours_display = fields.Char(string="Working Time", compute="_compute_hours_display")
    note = fields.Text(readonly=True)
    company_id = fields.Many2one(related="case_id.company_id", store=True, index=True)

    @api.depends("hours")
    def _compute_hours_display(self):
        for row in self:
            row.hours_display = format_hours(row.hours)
