from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

COMPETENCY_GROUPS = [
    ("managerial", "Managerial"),
    ("socio_cultural", "Socio-Cultural"),
    ("technical", "Technical"),
]


class HrSkillType(models.Model):
    """A skill type of Odoo's hr_skills used as a group of the competency dictionary (Permenpan RB 38/2017):
    managerial, socio-cultural, or technical for one government affair."""

    _inherit = "hr.skill.type"

    sop_competency_group = fields.Selection(
        COMPETENCY_GROUPS,
        string="Competency Group",
        index=True,
        help="Set for the skill types of the competency dictionary (SKJ): managerial, socio-cultural or "
        "technical. Their levels are Level 1 to Level 5 (progress 20 to 100).",
    )
    government_affair = fields.Char(
        help="For a technical competency type: the government affair (urusan pemerintahan) whose sectoral "
        "dictionary it follows."
    )

    @api.model_create_multi
    def create(self, vals_list):
        """A competency type starts with its Level 1 to Level 5 (progress 20 to 100)."""
        for vals in vals_list:
            if vals.get("sop_competency_group") and not vals.get("skill_level_ids"):
                vals["skill_level_ids"] = [
                    fields.Command.create({"name": f"Level {level}", "level_progress": level * 20})
                    for level in range(1, 6)
                ]
        return super().create(vals_list)

    @api.constrains("sop_competency_group", "skill_level_ids")
    def _check_competency_levels(self):
        for skill_type in self.filtered("sop_competency_group"):
            progress = sorted(skill_type.skill_level_ids.mapped("level_progress"))
            if progress and any(value % 20 or not 20 <= value <= 100 for value in progress):
                raise ValidationError(
                    self.env._(
                        "The levels of the competency type '%(type)s' are Level 1 to Level 5: progress 20, 40, 60, "
                        "80 or 100.",
                        type=skill_type.name,
                    )
                )
