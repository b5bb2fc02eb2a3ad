from decimal import Decimal

from odoo import api
from odoo import fields
from odoo import models
from odoo.models import regex_order

from ..tools import skm_tally
from ..tools.service_standard import COMPONENT_SELECTION
from ..tools.service_standard import component_of_element
from ..tools.skm_questionnaire import SKM_ELEMENT_SELECTION
from ..tools.statistics import SKM_SCALE
from ..tools.statistics import ikm_from_nrr
from ..tools.statistics import nrr as exact_nrr
from ..tools.statistics import round_half_up

# measures whose value for a group of rows is recomputed from the group's answers
REGULATION_MEASURES = ("element_index", "nrr", "respondents", "below_sample")
EMPTY_FIGURES = {"element_index": False, "nrr": False, "respondents": 0, "below_sample": False}


def _figure_sort_key(value):
    """Sort key of a group's figure: groups without one (False) before the others in ascending order."""
    return (value is not False and value is not None, value or 0)


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
    standard_component = fields.Selection(
        COMPONENT_SELECTION,
        compute="_compute_standard_component",
        help="The component of the service standard (Permenpan RB 15/2014) the element measures.",
    )
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

    @api.depends("element")
    def _compute_standard_component(self):
        for row in self:
            row.standard_component = component_of_element(row.element) or False

    def init(self):
        # after every model of the module has its columns (the triggers name them)
        self.pool.post_init(self._skm_tally_install)

    def _skm_tally_install(self):
        """The tally the rows are read from: its table and triggers, rebuilt from the answers."""
        self.env.cr.execute(skm_tally.install_sql())
        self._skm_tally_rebuild()

    @api.model
    def _skm_tally_rebuild(self):
        """Recompute the tally from the answers (install, upgrade, the nightly cron)."""
        self.env.flush_all()
        self.env.cr.execute(skm_tally.rebuild_sql())

    @api.model
    def _skm_tally_compact(self):
        """Fold the tally's ledger into one row per period, unit and element (hourly cron)."""
        self.env.flush_all()
        self.env.cr.execute(skm_tally.compact_sql())

    @property
    def _table_query(self):
        # a subquery rather than a database view: no dependency on the order in
        # which the tables of the module's models are created at install
        return f"""
                SELECT row_number() OVER (ORDER BY t.period_id, t.unit_id, t.element) AS id,
                       t.period_id AS period_id,
                       per.date_start AS period_start,
                       t.unit_id AS unit_id,
                       unit.opd_id AS opd_id,
                       t.element AS element,
                       resp.respondents AS respondents,
                       COALESCE(pop.sample_min, 0) AS sample_min,
                       COALESCE(pop.sample_min, 0) > resp.respondents AS below_sample,
                       t.answers AS answer_count,
                       t.score_total::float AS score_total,
                       (t.score_total / t.answers)::float AS nrr,
                       (t.score_total / t.answers * {SKM_SCALE})::float AS element_index
                  FROM ({skm_tally.totals_sql()}) t (period_id, unit_id, element, answers, score_total, respondents)
                  JOIN ({skm_tally.totals_sql()}) resp (period_id, unit_id, element, answers, score_total, respondents)
                       ON resp.period_id = t.period_id AND resp.unit_id = t.unit_id
                      AND resp.element IS NULL AND resp.respondents > 0
                  JOIN sop_skm_period per ON per.id = t.period_id
                  JOIN sop_skm_unit unit ON unit.id = t.unit_id
                  LEFT JOIN sop_skm_population pop ON pop.period_id = t.period_id AND pop.unit_id = t.unit_id
                 WHERE t.element IS NOT NULL AND t.answers > 0"""

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):  # noqa: PLR0917
        """Groups (pivot cells, graph bars, totals) carry the regulation's figures over all their respondents.

        The plain SQL aggregates would average the rows: each unit (or element row) equally. The
        figures of every group come from two more grouped reads, whatever the number of groups.
        """
        # groups sorted by a figure (a list sorted by its IKM column) follow the figure they show, not
        # the SQL average of their rows: all of them are read, sorted by their figures, then paged
        sort_figures, sql_order = self._skm_figure_order(order)
        if sort_figures:
            rows = super()._read_group(domain, groupby, aggregates, having, order=sql_order)
        else:
            rows = super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        wanted = [
            (index, spec.split(":")[0])
            for index, spec in enumerate(aggregates)
            if spec.split(":")[0] in REGULATION_MEASURES
        ]
        if not (wanted or sort_figures) or not rows:
            return rows
        figures = self._skm_group_figures(domain, list(groupby))
        width = len(groupby)
        result = []
        for row in rows:
            values = list(row)
            group = figures.get(tuple(row[:width]), EMPTY_FIGURES)
            for index, name in wanted:
                values[width + index] = group[name]
            result.append((group, tuple(values)))
        # stable sorts, the last term first: the SQL order of the other terms breaks the ties
        for name, descending in reversed(sort_figures):
            result.sort(key=lambda item, name=name: _figure_sort_key(item[0][name]), reverse=descending)
        rows = [values for _group, values in result]
        if sort_figures:
            rows = rows[offset : offset + limit] if limit else rows[offset:]
        return rows

    @api.model
    def _skm_figure_order(self, order):
        """The terms of ``order`` on a regulation figure as (name, descending), and the other terms."""
        figures, others = [], []
        for term in (order or "").split(","):
            match = regex_order.match(term) if term.strip() else None
            if match and match["field"] in REGULATION_MEASURES:
                figures.append((match["field"], (match["direction"] or "asc").lower() == "desc"))
            elif term.strip():
                others.append(term.strip())
        return figures, ", ".join(others) or None

    @api.model
    def _skm_group_figures(self, domain, groupby=()):
        """{group key: IKM, mean NRR, respondents and sample check} of the rows matching ``domain``."""
        width = len(groupby)
        sums = {}
        for row in super()._read_group(domain, [*groupby, "element"], ["score_total:sum", "answer_count:sum"]):
            _element, total, count = row[width:]
            sums.setdefault(tuple(row[:width]), []).append(exact_nrr(total, count))
        units = {}
        for row in super()._read_group(
            domain, [*groupby, "period_id", "unit_id"], ["respondents:max", "below_sample:bool_or"]
        ):
            respondents, below = row[width + 2 :]
            group = units.setdefault(tuple(row[:width]), [0, False])
            group[0] += respondents or 0
            group[1] = group[1] or bool(below)
        figures = {}
        for key in sums.keys() | units.keys():
            nrrs = sums.get(key, [])
            ikm = ikm_from_nrr(nrrs)
            answered = [value for value in nrrs if value is not None]
            respondents, below = units.get(key, (0, False))
            figures[key] = {
                "element_index": float(ikm) if ikm is not None else False,
                "nrr": float(round_half_up(sum(answered) / len(answered), Decimal("0.0001"))) if answered else False,
                "respondents": respondents,
                "below_sample": below,
            }
        return figures
