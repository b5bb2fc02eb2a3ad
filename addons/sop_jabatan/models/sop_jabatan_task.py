from odoo import api
from odoo import fields
from odoo import models

from ..tools import abk


class SopJabatanTask(models.Model):
    _name = "sop.jabatan.task"
    _description = "Job Task (ANJAB/ABK)"
    _inherit = ["sop.document.content.mixin"]
    _sop_document_path = "sheet_id.analysis_id"
    _order = "sheet_id, sequence, id"

    sheet_id = fields.Many2one("sop.jabatan.sheet", string="Post Sheet", required=True, ondelete="cascade", index=True)
    post_id = fields.Many2one(related="sheet_id.post_id", store=True, string="Post", index=True)
    opd_id = fields.Many2one(related="sheet_id.opd_id", store=True, string="OPD", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Task", required=True, help="The task as the job analysis states it (uraian tugas).")
    steps = fields.Text(help="The steps (tahapan) of the task, one a line, as the Informasi Jabatan lists them.")
    result = fields.Char(string="Work Result", help="What the task produces (hasil kerja).")
    result_unit = fields.Char(help="The unit the result is counted in, e.g. document, report.")
    volume = fields.Float(string="Annual Volume", digits=(16, 2), help="How many results a year.")
    standard_time = fields.Float(digits=(16, 2), help="The time one result takes, in the unit given.")
    time_unit = fields.Selection([("minutes", "Minutes"), ("hours", "Hours")], required=True, default="minutes")
    standard_minutes = fields.Float(
        string="Standard Time (Minutes)", compute="_compute_workload", store=True, digits=(16, 2)
    )
    workload_minutes = fields.Float(
        string="Workload (Minutes a Year)",
        compute="_compute_workload",
        store=True,
        digits=(16, 2),
        help="Annual volume x standard time in minutes.",
    )

    _sql_constraints = [
        ("volume_positive", "CHECK(volume >= 0)", "The annual volume cannot be negative."),
        ("standard_time_positive", "CHECK(standard_time >= 0)", "The standard time cannot be negative."),
    ]

    @api.depends("volume", "standard_time", "time_unit")
    def _compute_workload(self):
        for task in self:
            if task.volume < 0 or task.standard_time < 0:
                task.standard_minutes = task.workload_minutes = 0.0
                continue  # refused by the constraints when saved
            minutes = abk.to_minutes(task.standard_time, task.time_unit or "minutes")
            task.standard_minutes = float(minutes)
            task.workload_minutes = float(abk.workload(task.volume, minutes))
