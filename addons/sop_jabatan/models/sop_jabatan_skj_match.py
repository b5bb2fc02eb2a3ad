from odoo import api
from odoo import fields
from odoo import models

from ..tools import skj_match

COMPETENCY_GROUPS = [
    ("managerial", "Managerial"),
    ("socio_cultural", "Socio-Cultural"),
    ("technical", "Technical"),
]


def effective_skj_sql():
    """Each post's latest effective SKJ (the latest year, then the latest revision): post_id, skj_id, opd_id,
    year."""
    return """
        SELECT DISTINCT ON (s.post_id) s.post_id, s.id AS skj_id, ss.opd_id, ss.year
          FROM sop_jabatan_skj s
          JOIN sop_jabatan_skj_set ss ON ss.id = s.skj_set_id
         WHERE ss.state = 'effective'
         ORDER BY s.post_id, ss.year DESC, ss.revision DESC, ss.id DESC"""


def match_rows_sql():
    """A row per holder of a post (active employee whose job position is the post) and competency of the post's
    effective SKJ, with the holder's assessed level (hr_skills: level progress ÷ 20, rounded down)."""
    return f"""
        SELECT e.id AS employee_id, e.name AS employee_name, e.identification_id AS nip,
               eff.post_id, eff.skj_id, eff.opd_id, eff.year,
               c.skill_id, st.sop_competency_group AS competency_group, c.level AS required_level,
               es.id IS NOT NULL AS assessed,
               CASE WHEN es.id IS NOT NULL THEN LEAST(GREATEST(sl.level_progress, 0), 100) / 20 END AS assessed_level
          FROM ({effective_skj_sql()}) eff
          JOIN hr_employee e ON e.job_id = eff.post_id AND e.active
          JOIN sop_jabatan_skj_competency c ON c.skj_id = eff.skj_id
          JOIN hr_skill sk ON sk.id = c.skill_id
          JOIN hr_skill_type st ON st.id = sk.skill_type_id
          LEFT JOIN hr_employee_skill es ON es.employee_id = e.id AND es.skill_id = c.skill_id
          LEFT JOIN hr_skill_level sl ON sl.id = es.skill_level_id"""


class SopJabatanSkjMatch(models.Model):
    """Who meets the standard: a row per holder of a post and competency of the post's effective SKJ (SQL query
    model, read-only). A group of rows (a holder, a post, an OPD) shows its job-person match (JPM)
    Σ min(assessed, required) ÷ Σ required × 100 (docs/jabatan.md, "Who meets the standard")."""

    _name = "sop.jabatan.skj.match"
    _description = "Competency Match of a Holder"
    _auto = False
    _order = "opd_id, post_id, employee_name, employee_id, competency_group, skill_id"
    _rec_name = "skill_id"
    _depends = {
        "sop.jabatan.skj": ["post_id", "skj_set_id"],
        "sop.jabatan.skj.set": ["state", "year", "revision", "opd_id"],
        "sop.jabatan.skj.competency": ["skj_id", "skill_id", "level"],
        "hr.employee": ["job_id", "active", "name", "identification_id"],
        "hr.employee.skill": ["employee_id", "skill_id", "skill_level_id"],
        "hr.skill.level": ["level_progress"],
    }

    employee_id = fields.Many2one("hr.employee", readonly=True)
    employee_name = fields.Char(readonly=True)
    nip = fields.Char(string="NIP", readonly=True)
    post_id = fields.Many2one("hr.job", readonly=True)
    skj_id = fields.Many2one("sop.jabatan.skj", string="SKJ", readonly=True)
    opd_id = fields.Many2one("hr.department", string="OPD", readonly=True)
    year = fields.Integer(string="SKJ Year", readonly=True, aggregator=None)
    skill_id = fields.Many2one("hr.skill", string="Competency", readonly=True)
    competency_group = fields.Selection(COMPETENCY_GROUPS, readonly=True)
    required_level = fields.Integer(readonly=True, aggregator="sum")
    assessed_level = fields.Integer(readonly=True, aggregator=None, help="Empty: not assessed.")
    assessed = fields.Boolean(readonly=True, aggregator="bool_and")
    not_assessed = fields.Boolean(readonly=True, aggregator="bool_or")
    gap = fields.Integer(
        readonly=True, aggregator="sum", help="Assessed level − required level (a competency not assessed counts as 0)."
    )
    met_level = fields.Integer(
        string="Level Met", readonly=True, aggregator="sum", help="min(assessed level, required level)."
    )
    training_need = fields.Boolean(readonly=True, aggregator="bool_or", help="Assessed below the required level.")
    jpm = fields.Float(
        string="JPM (%)",
        readonly=True,
        digits=(5, 2),
        aggregator="avg",
        help="Job-person match: Σ min(assessed, required) ÷ Σ required × 100 over the competencies of the row or "
        "group (a competency not assessed counts as 0).",
    )

    @property
    def _table_query(self):
        # a subquery rather than a database view: no dependency on the order in which tables are created
        return f"""
            SELECT m.employee_id::bigint * 1000000 + m.skill_id AS id,
                   m.employee_id, m.employee_name, m.nip, m.post_id, m.skj_id, m.opd_id, m.year, m.skill_id,
                   m.competency_group, m.required_level, m.assessed_level, m.assessed, NOT m.assessed AS not_assessed,
                   COALESCE(m.assessed_level, 0) - m.required_level AS gap,
                   LEAST(COALESCE(m.assessed_level, 0), m.required_level) AS met_level,
                   m.assessed AND m.assessed_level < m.required_level AS training_need,
                   ROUND(100.0 * LEAST(COALESCE(m.assessed_level, 0), m.required_level) / m.required_level, 2)::float
                       AS jpm
              FROM ({match_rows_sql()}) m"""

    @api.model
    def _read_group(self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None):  # noqa: PLR0917
        """A group's JPM is Σ met ÷ Σ required × 100 over its rows, not the mean of the rows' percentages."""
        aggregates = tuple(aggregates)
        jpm_indexes = [index for index, spec in enumerate(aggregates) if spec.split(":")[0] == "jpm"]
        if not jpm_indexes:
            return super()._read_group(domain, groupby, aggregates, having, offset, limit, order)
        extra = ("met_level:sum", "required_level:sum")
        rows = super()._read_group(domain, groupby, aggregates + extra, having, offset, limit, order)
        width = len(groupby)
        result = []
        for row in rows:
            values = list(row[: width + len(aggregates)])
            met, required = row[-2], row[-1]
            value = skj_match.percent(met or 0, required or 0)
            for index in jpm_indexes:
                values[width + index] = float(value) if value is not None else False
            result.append(tuple(values))
        return result
