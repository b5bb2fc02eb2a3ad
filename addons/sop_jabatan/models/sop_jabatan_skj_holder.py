from odoo import fields
from odoo import models

from .sop_jabatan_skj_match import SopJabatanSkjMatch
from .sop_jabatan_skj_match import match_rows_sql


class SopJabatanSkjHolder(models.Model):
    """The job-person match of each holder of a post with an effective SKJ (SQL query model, read-only): JPM
    Σ min(assessed, required) ÷ Σ required × 100, its category (the settings' band with the highest lower bound
    not above it), the competencies not assessed and the training needs."""

    _name = "sop.jabatan.skj.holder"
    _description = "Job-Person Match of a Holder"
    _auto = False
    _order = "opd_id, post_id, employee_name, id"
    _rec_name = "employee_name"
    _depends = {**SopJabatanSkjMatch._depends, "sop.jabatan.jpm.band": ["min_percent", "active"]}

    employee_id = fields.Many2one("hr.employee", readonly=True)
    employee_name = fields.Char(readonly=True)
    nip = fields.Char(string="NIP", readonly=True)
    post_id = fields.Many2one("hr.job", readonly=True)
    skj_id = fields.Many2one("sop.jabatan.skj", string="SKJ", readonly=True)
    opd_id = fields.Many2one("hr.department", string="OPD", readonly=True)
    year = fields.Integer(string="SKJ Year", readonly=True, aggregator=None)
    competency_count = fields.Integer(string="Competencies", readonly=True, aggregator="sum")
    not_assessed_count = fields.Integer(string="Not Assessed", readonly=True, aggregator="sum")
    training_need_count = fields.Integer(string="Training Needs", readonly=True, aggregator="sum")
    required_total = fields.Integer(string="Σ Required Levels", readonly=True, aggregator="sum")
    met_total = fields.Integer(string="Σ Levels Met", readonly=True, aggregator="sum")
    jpm = fields.Float(
        string="JPM (%)",
        readonly=True,
        digits=(5, 2),
        aggregator="avg",
        help="Job-person match: Σ min(assessed, required) ÷ Σ required × 100 (a competency not assessed counts "
        "as 0). A group shows the mean of its holders.",
    )
    category_id = fields.Many2one("sop.jabatan.jpm.band", readonly=True)
    fully_assessed = fields.Boolean(readonly=True, aggregator="bool_and")
    meets_standard = fields.Boolean(
        string="Meets the Standard",
        readonly=True,
        aggregator="bool_and",
        help="Every competency at or above its level.",
    )

    match_ids = fields.One2many("sop.jabatan.skj.match", compute="_compute_match_ids", string="Competency Levels")

    def _compute_match_ids(self):
        rows = self.env["sop.jabatan.skj.match"].search([("employee_id", "in", self.ids)])
        for rec in self:
            rec.match_ids = rows.filtered(lambda row, rec=rec: row.employee_id.id == rec.id)

    @property
    def _table_query(self):
        return f"""
            SELECT h.employee_id AS id, h.*,
                   (SELECT b.id FROM sop_jabatan_jpm_band b
                     WHERE b.active AND b.min_percent <= h.jpm
                     ORDER BY b.min_percent DESC, b.id LIMIT 1) AS category_id
              FROM (SELECT m.employee_id, MIN(m.employee_name) AS employee_name, MIN(m.nip) AS nip,
                           m.post_id, m.skj_id, m.opd_id, m.year,
                           COUNT(*) AS competency_count,
                           COUNT(*) FILTER (WHERE NOT m.assessed) AS not_assessed_count,
                           COUNT(*) FILTER (WHERE m.assessed AND m.assessed_level < m.required_level)
                               AS training_need_count,
                           SUM(m.required_level) AS required_total,
                           SUM(LEAST(COALESCE(m.assessed_level, 0), m.required_level)) AS met_total,
                           ROUND(100.0 * SUM(LEAST(COALESCE(m.assessed_level, 0), m.required_level))
                                 / SUM(m.required_level), 2)::float AS jpm,
                           BOOL_AND(m.assessed) AS fully_assessed,
                           BOOL_AND(COALESCE(m.assessed_level, 0) >= m.required_level) AS meets_standard
                      FROM ({match_rows_sql()}) m
                     GROUP BY m.employee_id, m.post_id, m.skj_id, m.opd_id, m.year) h"""
