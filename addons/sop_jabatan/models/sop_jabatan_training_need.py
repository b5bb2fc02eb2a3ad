from odoo import fields
from odoo import models

from .sop_jabatan_skj_match import COMPETENCY_GROUPS
from .sop_jabatan_skj_match import SopJabatanSkjMatch
from .sop_jabatan_skj_match import match_rows_sql


class SopJabatanTrainingNeed(models.Model):
    """The training needs of the city by competency and level needed (SQL query model, read-only): how many
    holders are assessed below the level their post's effective SKJ requires, in how many OPDs, and how many
    holders of that requirement are not assessed yet."""

    _name = "sop.jabatan.training.need"
    _description = "Training Need by Competency"
    _auto = False
    _order = "competency_group, skill_id, required_level"
    _rec_name = "skill_id"
    _depends = SopJabatanSkjMatch._depends

    skill_id = fields.Many2one("hr.skill", string="Competency", readonly=True)
    competency_group = fields.Selection(COMPETENCY_GROUPS, readonly=True)
    required_level = fields.Integer(string="Level Needed", readonly=True, aggregator=None)
    employee_count = fields.Integer(string="Employees Below the Level", readonly=True, aggregator="sum")
    opd_count = fields.Integer(string="OPDs", readonly=True, aggregator="sum")
    opd_names = fields.Char(string="OPD Names", readonly=True)
    not_assessed_count = fields.Integer(string="Not Assessed", readonly=True, aggregator="sum")

    @property
    def _table_query(self):
        return f"""
            SELECT m.skill_id * 10 + m.required_level AS id, m.skill_id, MIN(m.competency_group) AS competency_group,
                   m.required_level,
                   COUNT(*) FILTER (WHERE m.assessed AND m.assessed_level < m.required_level) AS employee_count,
                   COUNT(DISTINCT m.opd_id) FILTER (WHERE m.assessed AND m.assessed_level < m.required_level)
                       AS opd_count,
                   STRING_AGG(DISTINCT COALESCE(d.name->>'id_ID', d.name->>'en_US'), ', ')
                       FILTER (WHERE m.assessed AND m.assessed_level < m.required_level) AS opd_names,
                   COUNT(*) FILTER (WHERE NOT m.assessed) AS not_assessed_count
              FROM ({match_rows_sql()}) m
              JOIN hr_department d ON d.id = m.opd_id
             GROUP BY m.skill_id, m.required_level
            HAVING COUNT(*) FILTER (WHERE m.assessed AND m.assessed_level < m.required_level) > 0
                OR COUNT(*) FILTER (WHERE NOT m.assessed) > 0"""
