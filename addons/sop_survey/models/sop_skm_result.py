from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models

from ..tools.skm_answers import counted_inputs_where
from ..tools.skm_answers import scored_lines_where
from ..tools.skm_questionnaire import SKM_ELEMENT_SELECTION
from ..tools.statistics import SKM_SCALE
from ..tools.statistics import ikm_from_nrr
from ..tools.statistics import nrr as exact_nrr
from ..tools.statistics import round_half_up

# measures whose value for a group of rows is recomputed from the group's answers
REGULATION_MEASURES = ("element_index", "nrr", "respondents", "below_sample")


class SopSkmResult(models.Model):
    """Dashboard rows: NRR of each element per period and unit (SQL query model).

    Every figure of a group of rows (a unit, a period, an OPD, the total of the
    pivot) is the regulation's (Permenpan RB 14/2017) figure over *all the
    respondents* of the group: the NRR of each element is the mean of all its
    answers, the IKM the mean of the nine NRR x 25. It is the figure of the SKM
    report (PDF and XLSX) and of ``sop.skm.ikm``; a total over several units
    weighs each respondent equally, not each unit (see ``read_group``).
    """

    _name = "sop.skm.result"
    _description = "SKM Result (dashboard)"
    _auto = False
    _order = "period_start desc, unit_id, element"
    _depends = {
        "survey.survey": ["is_skm"],
        "survey.user_input": ["state", "test_entry", "skm_unit_id", "skm_period_id", "survey_id"],
        "survey.user_input.line": ["user_input_id", "question_id", "skipped", "answer_score"],
        "survey.question": ["skm_element"],
        "sop.skm.period": ["date_start"],
        "sop.skm.unit": ["opd_id"],
        "sop.skm.population": ["period_id", "unit_id", "sample_min"],
    }

    period_id = fields.Many2one("sop.skm.period", readonly=True)
    period_start = fields.Date(readonly=True)
    unit_id = fields.Many2one("sop.skm.unit", string="Service Unit", readonly=True)
    opd_id = fields.Many2one("hr.department", string="OPD", readonly=True)
    element = fields.Selection(SKM_ELEMENT_SELECTION, readonly=True)
    respondents = fields.Integer(
        readonly=True, aggregator="max", help="Submitted answers of the units and periods of the row or group."
    )
    sample_min = fields.Integer(
        string="Minimum Sample Size",
        readonly=True,
        aggregator="max",
        help="Krejcie & Morgan minimum of the unit's population.",
    )
    below_sample = fields.Boolean(
        string="Below Minimum Sample",
        readonly=True,
        aggregator="bool_or",
        help="The unit has fewer respondents than the Krejcie & Morgan minimum sample in the period.",
    )
    answer_count = fields.Integer(string="Answers", readonly=True, aggregator="sum")
    score_total = fields.Float(readonly=True, aggregator="sum")
    nrr = fields.Float(string="NRR", readonly=True, aggregator="avg", digits=(6, 4))
    element_index = fields.Float(
        string="IKM (all respondents)",
        readonly=True,
        aggregator="avg",
        digits=(5, 2),
        help="Permenpan RB 14/2017: the mean of the nine element NRR over all the answers of the respondents "
        "of the row or group, x 25 - the figure of the SKM report. On one element row: its NRR x 25.",
    )

    @property
    def _table_query(self):
        # a subquery rather than a database view: no dependency on the order in
        # which the tables of the module's models are created at install
        return f"""
                SELECT row_number() OVER (ORDER BY ui.skm_period_id, ui.skm_unit_id, q.skm_element) AS id,
                       ui.skm_period_id AS period_id,
                       per.date_start AS period_start,
                       ui.skm_unit_id AS unit_id,
                       unit.opd_id AS opd_id,
                       q.skm_element AS element,
                       resp.respondents AS respondents,
                       COALESCE(pop.sample_min, 0) AS sample_min,
                       COALESCE(pop.sample_min, 0) > resp.respondents AS below_sample,
                       COUNT(*) AS answer_count,
                       SUM(l.answer_score) AS score_total,
                       AVG(l.answer_score) AS nrr,
                       AVG(l.answer_score) * {SKM_SCALE} AS element_index
                  FROM survey_user_input_line l
                  JOIN survey_user_input ui ON ui.id = l.user_input_id
                  JOIN survey_question q ON q.id = l.question_id
                  JOIN sop_skm_period per ON per.id = ui.skm_period_id
                  JOIN sop_skm_unit unit ON unit.id = ui.skm_unit_id
                  JOIN (
                        SELECT r.skm_period_id, r.skm_unit_id, COUNT(*) AS respondents
                          FROM survey_user_input r
                          JOIN survey_survey s ON s.id = r.survey_id AND s.is_skm
                         WHERE {counted_inputs_where("r")}
                      GROUP BY r.skm_period_id, r.skm_unit_id
                  ) resp ON resp.skm_period_id = ui.skm_period_id AND resp.skm_unit_id = ui.skm_unit_id
                  LEFT JOIN sop_skm_population pop ON pop.period_id = ui.skm_period_id AND pop.unit_id = ui.skm_unit_id
                 WHERE {counted_inputs_where()}
                   AND {scored_lines_where()}
              GROUP BY ui.skm_period_id, per.date_start, ui.skm_unit_id, unit.opd_id, q.skm_element,
                       resp.respondents, pop.sample_min"""

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True):  # noqa: PLR0917
        """Groups (pivot cells, graph bars, totals) carry the regulation's figures over all their respondents.

        The plain SQL aggregates would average the rows: each unit (or element row) equally.
        """
        groups = super().read_group(domain, fields, groupby, offset=offset, limit=limit, orderby=orderby, lazy=lazy)
        wanted = {spec.split(":")[0].strip() for spec in fields} & set(REGULATION_MEASURES)
        if wanted:
            for group in groups:
                figures = self._skm_group_figures(group.get("__domain", domain))
                group.update({name: figures[name] for name in wanted})
        return groups

    @api.model
    def _skm_group_figures(self, domain):
        """IKM, mean NRR, respondents and sample check of the rows matching ``domain``."""
        nrrs = [
            exact_nrr(total, count)
            for _element, total, count in self._read_group(domain, ["element"], ["score_total:sum", "answer_count:sum"])
        ]
        ikm = ikm_from_nrr(nrrs)
        pairs = self._read_group(domain, ["period_id", "unit_id"], ["respondents:max", "below_sample:bool_or"])
        answered = [value for value in nrrs if value is not None]
        return {
            "element_index": float(ikm) if ikm is not None else False,
            "nrr": float(round_half_up(sum(answered) / len(answered), Decimal("0.0001"))) if answered else False,
            "respondents": sum(respondents or 0 for _period, _unit, respondents, _below in pairs),
            "below_sample": any(below for _period, _unit, _respondents, below in pairs),
        }
