from odoo import api
from odoo import fields
from odoo import models

from ..tools import skj


class SopJabatanCompetencyLevel(models.Model):
    """One level (1-5) of a competency of the dictionary: its description and behavioural indicators
    (Permenpan RB 38/2017 for the managerial and socio-cultural ones; the sectoral dictionary for technical)."""

    _name = "sop.jabatan.competency.level"
    _description = "Competency Level (Dictionary)"
    _order = "skill_id, level"

    skill_id = fields.Many2one("hr.skill", string="Competency", required=True, ondelete="cascade", index=True)
    skill_type_id = fields.Many2one(related="skill_id.skill_type_id", string="Competency Type")
    level = fields.Integer(required=True, help="1 to 5.")
    description = fields.Text(help="What the competency means at this level.")
    indicator_ids = fields.One2many(
        "sop.jabatan.competency.indicator", "level_id", string="Behavioural Indicators", copy=True
    )

    _sql_constraints = [
        ("level_range", "CHECK(level >= 1 AND level <= 5)", "A competency level is 1 to 5."),
        ("level_once", "UNIQUE(skill_id, level)", "The competency already has this level."),
    ]

    @api.depends("skill_id.name", "level")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "%(competency)s - Level %(level)s", competency=rec.skill_id.name, level=rec.level
            )

    @api.model
    def _sop_lookup(self, skills):
        """{(skill id, level): level record} of ``skills``."""
        levels = self.sudo().search([("skill_id", "in", skills.ids)])
        return {(rec.skill_id.id, rec.level): rec for rec in levels if skj.is_level(rec.level)}
