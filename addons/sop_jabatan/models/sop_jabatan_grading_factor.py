from odoo import api
from odoo import fields
from odoo import models

GRADING_SCHEMES = [
    ("structural", "Structural Posts"),
    ("functional", "Functional and Pelaksana Posts"),
]
# the kinds of post graded with the structural factors; every other kind uses the functional ones
STRUCTURAL_KINDS = ("jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas")


def grading_scheme_for(job_kind):
    """The grading scheme of a kind of post (``False`` while the kind is not set)."""
    if not job_kind:
        return False
    return "structural" if job_kind in STRUCTURAL_KINDS else "functional"


class SopJabatanGradingFactor(models.Model):
    """A factor of job grading (Evaluasi Jabatan, Permenpan RB 34/2011): data the SOP Administrator edits."""

    _name = "sop.jabatan.grading.factor"
    _description = "Job Grading Factor"
    _order = "scheme desc, sequence, code, id"

    scheme = fields.Selection(
        GRADING_SCHEMES,
        required=True,
        help="Structural posts (JPT, administrator, pengawas) or functional and pelaksana posts.",
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="F1 … F9; the structural factor 4 has two parts, F4a and F4b.")
    name = fields.Char(required=True)
    description = fields.Text(help="What the factor measures.")
    level_ids = fields.One2many("sop.jabatan.grading.factor.level", "factor_id", string="Levels", copy=True)
    max_points = fields.Integer(string="Highest Points", compute="_compute_max_points")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(scheme, code)", "There is already a factor with that code in the scheme."),
    ]

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        if "code" not in (default or {}):
            for factor, vals in zip(self, vals_list, strict=True):
                vals["code"] = self.env._("%s (copy)", factor.code)
        return vals_list

    @api.depends("level_ids.points")
    def _compute_max_points(self):
        for factor in self:
            factor.max_points = max(factor.level_ids.mapped("points") or [0])

    @api.depends("code", "name")
    def _compute_display_name(self):
        for factor in self:
            factor.display_name = f"{factor.code} {factor.name}" if factor.name else factor.code
