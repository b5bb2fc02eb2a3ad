from odoo import fields
from odoo import models

# Permenpan RB 35/2012, evaluasi penerapan SOP AP: the seven criteria (all seven, not six)
EVALUATION_CRITERIA = (
    (1, "Mampu mendorong peningkatan kinerja"),
    (2, "Mudah dipahami"),
    (3, "Mudah dilaksanakan"),
    (4, "Semua orang dapat menjalankan perannya masing-masing"),
    (5, "Mampu mengatasi permasalahan yang berkaitan dengan proses"),
    (6, "Mampu menjawab kebutuhan peningkatan kinerja organisasi"),
    (7, "Sinergi satu dengan lainnya"),
)


class SopEvaluationLine(models.Model):
    _name = "sop.evaluation.line"
    _inherit = ["sop.assessment.line.mixin"]
    _description = "SOP Evaluation Criterion"
    _assessment_parent_field = "evaluation_id"
    _assessment_line_workflow_fields = ("code", "name")
    _order = "evaluation_id, code, id"

    evaluation_id = fields.Many2one("sop.evaluation", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="evaluation_id.company_id", store=True, index=True)
    code = fields.Integer(string="No.", required=True, readonly=True)
    name = fields.Char(string="Criterion", required=True, readonly=True)
    answer = fields.Selection([("yes", "Ya"), ("no", "Tidak")])
    note = fields.Text(string="Notes")

    _sql_constraints = [
        ("code_unique", "unique(evaluation_id, code)", "Each criterion is evaluated once per evaluation.")
    ]
