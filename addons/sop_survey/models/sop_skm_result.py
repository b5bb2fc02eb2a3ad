from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.skm_questionnaire import SKM_ELEMENT_SELECTION


class SopSkmResult(models.Model):
    """Dashboard rows: NRR of each element per period and unit (SQL query model).

    The average of ``element_index`` (NRR x 25) over the nine element rows of a
    unit and period is its IKM (each element weighs 1/9), so the graph and pivot
    views show the IKM per unit and its trend across periods by averaging it.
    The exact, rounded IKM of the reports comes from ``sop.skm.ikm``.
    """

    _name = "sop.skm.result"
    _description = "SKM Result (dashboard)"
    _auto = False
    _order = "period_start desc, unit_id, element"
    _depends = {
        "survey.user_input": ["state", "test_entry", "skm_unit_id", "skm_period_id"],
        "survey.user_input.line": ["user_input_id", "question_id", "skipped", "answer_score"],
        "survey.question": ["skm_element"],
        "sop.skm.period": ["date_start"],
        "sop.skm.unit": ["opd_id"],
    }

    period_id = fields.Many2one("sop.skm.period", readonly=True)
    period_start = fields.Date(readonly=True)
    unit_id = fields.Many2one("sop.skm.unit", string="Service Unit", readonly=True)
    opd_id = fields.Many2one("hr.department", string="OPD", readonly=True)
    element = fields.Selection(SKM_ELEMENT_SELECTION, readonly=True)
    respondents = fields.Integer(readonly=True, aggregator="max")
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="sum")
    score_total = fields.Float(readonly=True, aggregator="sum")
    nrr = fields.Float(string="NRR", readonly=True, aggregator="avg", digits=(6, 4))
    element_index = fields.Float(string="IKM", readonly=True, aggregator="avg", digits=(5, 2))

    @property
    def _table_query(self):
        # a subquery rather than a database view: no dependency on the order in
        # which the tables of the module's models are created at install
        return """
                SELECT row_number() OVER (ORDER BY ui.skm_period_id, ui.skm_unit_id, q.skm_element) AS id,
                       ui.skm_period_id AS period_id,
                       per.date_start AS period_start,
                       ui.skm_unit_id AS unit_id,
                       unit.opd_id AS opd_id,
                       q.skm_element AS element,
                       COUNT(*) AS respondents,
                       COUNT(*) AS answer_count,
                       SUM(l.answer_score) AS score_total,
                       AVG(l.answer_score) AS nrr,
                       AVG(l.answer_score) * 25 AS element_index
                  FROM survey_user_input_line l
                  JOIN survey_user_input ui ON ui.id = l.user_input_id
                  JOIN survey_question q ON q.id = l.question_id
                  JOIN sop_skm_period per ON per.id = ui.skm_period_id
                  JOIN sop_skm_unit unit ON unit.id = ui.skm_unit_id
                 WHERE ui.state = 'done'
                   AND ui.test_entry IS NOT TRUE
                   AND q.skm_element IS NOT NULL
                   AND l.skipped IS NOT TRUE
                   AND l.answer_score BETWEEN 1 AND 4
              GROUP BY ui.skm_period_id, per.date_start, ui.skm_unit_id, unit.opd_id, q.skm_element"""
