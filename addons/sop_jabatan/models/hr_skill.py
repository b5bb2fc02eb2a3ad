from odoo import fields
from odoo import models


class HrSkill(models.Model):
    """A skill of hr_skills; in a competency type it is a competency of the dictionary with, per level, its
    description and behavioural indicators."""

    _inherit = "hr.skill"

    sop_competency_group = fields.Selection(related="skill_type_id.sop_competency_group", string="Competency Group")
    sop_definition = fields.Text(string="Definition", help="What the competency is (the dictionary's definition).")
    sop_level_ids = fields.One2many("sop.jabatan.competency.level", "skill_id", string="Competency Levels", copy=True)
