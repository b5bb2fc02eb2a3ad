from odoo import api
from odoo import fields
from odoo import models


class SopJabatanSkjCompetency(models.Model):
    """A competency of a post's SKJ with its required level; the description and indicators of that level are
    shown from the dictionary."""

    _name = "sop.jabatan.skj.competency"
    _inherit = "sop.document.content.mixin"
    _description = "Competency Required by a Post (SKJ)"
    _order = "skj_id, group_sequence, sequence, id"
    _sop_document_path = "skj_id.skj_set_id"

    skj_id = fields.Many2one("sop.jabatan.skj", string="SKJ", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    skill_id = fields.Many2one(
        "hr.skill",
        string="Competency",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('skill_type_id.sop_competency_group', '!=', False)]",
    )
    group = fields.Selection(related="skill_id.skill_type_id.sop_competency_group", store=True, string="Group")
    group_sequence = fields.Integer(compute="_compute_group_sequence", store=True)
    level = fields.Integer(string="Required Level", required=True, default=1, help="1 to 5.")
    level_id = fields.Many2one(
        "sop.jabatan.competency.level", compute="_compute_level_id", string="Level in the Dictionary"
    )
    description = fields.Text(compute="_compute_level_id", help="The dictionary's description of the level.")
    indicators = fields.Text(
        string="Behavioural Indicators", compute="_compute_level_id", help="The dictionary's indicators of the level."
    )

    _sql_constraints = [
        ("level_range", "CHECK(level >= 1 AND level <= 5)", "A required competency level is 1 to 5."),
        ("competency_once", "UNIQUE(skj_id, skill_id)", "The SKJ already names this competency."),
    ]

    @api.depends("group")
    def _compute_group_sequence(self):
        order = {"managerial": 1, "socio_cultural": 2, "technical": 3}
        for rec in self:
            rec.group_sequence = order.get(rec.group, 9)

    @api.depends("skill_id", "level")
    def _compute_level_id(self):
        lookup = self.env["sop.jabatan.competency.level"]._sop_lookup(self.skill_id)
        for rec in self:
            level = lookup.get((rec.skill_id.id, rec.level))
            rec.level_id = level
            rec.description = level.description if level else False
            rec.indicators = "\n".join(level.indicator_ids.sorted("sequence").mapped("name")) if level else False
