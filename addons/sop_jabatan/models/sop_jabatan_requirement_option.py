from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

REQUIREMENT_KINDS = [
    ("aptitude", "Aptitude"),
    ("temperament", "Temperament"),
    ("interest", "Interest"),
    ("physical_effort", "Physical Effort"),
    ("physical_condition", "Physical Condition"),
    ("job_function", "Job Function"),
]
# the job requirements of a post sheet chosen from the lists: field -> kind of its entries
ANJAB_REQUIREMENT_FIELDS = {
    "aptitude_ids": "aptitude",
    "temperament_ids": "temperament",
    "interest_ids": "interest",
    "physical_effort_ids": "physical_effort",
    "physical_condition_ids": "physical_condition",
    "job_function_ids": "job_function",
}


def requirement_field(kind, string):
    """The Many2many of a post sheet to the entries of one list (its own relation table)."""
    return fields.Many2many(
        "sop.jabatan.requirement.option",
        f"sop_jabatan_sheet_{kind}_rel",
        "sheet_id",
        "option_id",
        string=string,
        domain=[("kind", "=", kind)],
    )


class SopJabatanRequirementOption(models.Model):
    """An entry of the controlled lists of the job requirements (syarat jabatan) of the ANJAB: aptitudes
    (bakat kerja), temperaments, interests, physical effort, physical condition and job functions. Shipped
    as data; the SOP Administrator edits or archives them."""

    _name = "sop.jabatan.requirement.option"
    _description = "Job Requirement Option (ANJAB)"
    _order = "kind, sequence, code, id"

    kind = fields.Selection(REQUIREMENT_KINDS, required=True, index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(copy=False, help="The code of the entry in the ANJAB guides, e.g. G, DCP, D0.")
    name = fields.Char(required=True)
    description = fields.Text()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(kind, code)", "There is already an entry with this code in the list."),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for option in self:
            option.display_name = f"{option.code} – {option.name}" if option.code else option.name

    @api.constrains("kind")
    def _check_kind_of_used_entries(self):
        """An entry chosen on a post sheet stays in its list (the sheet's field accepts that list only)."""
        Sheet = self.env["sop.jabatan.sheet"].sudo().with_context(active_test=False)
        for option in self:
            for name, kind in ANJAB_REQUIREMENT_FIELDS.items():
                if kind != option.kind and Sheet.search_count([(name, "in", option.ids)], limit=1):
                    raise ValidationError(
                        self.env._("'%(entry)s' is chosen on post sheets: it stays in its list.", entry=option.name)
                    )
