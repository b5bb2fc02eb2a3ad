from odoo import api
from odoo import fields
from odoo import models


class SopJabatanGradingFactorLevel(models.Model):
    """A level of a grading factor with its points: data the SOP Administrator edits.

    A grading line keeps the points of the level it chose (a snapshot): a change of the points reaches the
    lines of draft sheets only, never an approved version."""

    _name = "sop.jabatan.grading.factor.level"
    _description = "Job Grading Factor Level"
    _order = "factor_id, level, id"

    factor_id = fields.Many2one("sop.jabatan.grading.factor", required=True, ondelete="cascade")
    scheme = fields.Selection(related="factor_id.scheme", store=True)
    level = fields.Integer(required=True, help="1 for the lowest level of the factor.")
    code = fields.Char(compute="_compute_code", help="The level as the regulation writes it, e.g. 1-3 or 4a-2.")
    points = fields.Integer(required=True)
    descriptor = fields.Text(required=True, help="What a post at this level looks like (in short).")

    _sql_constraints = [
        ("level_unique", "unique(factor_id, level)", "The factor already has that level."),
        ("level_positive", "CHECK(level > 0)", "A level is numbered from 1."),
        ("points_positive", "CHECK(points >= 0)", "Points cannot be negative."),
    ]

    @api.depends("factor_id.code", "level")
    def _compute_code(self):
        for row in self:
            row.code = f"{(row.factor_id.code or '').removeprefix('F')}-{row.level}"

    @api.depends("code", "points")
    def _compute_display_name(self):
        for row in self:
            row.display_name = f"{row.code} ({row.points})"

    def write(self, vals):
        res = super().write(vals)
        if "points" in vals:
            self._sop_refresh_draft_lines()
        return res

    def _sop_refresh_draft_lines(self):
        """The draft sheets take the new points; approved versions keep theirs."""
        lines = (
            self.env["sop.jabatan.grading.line"]
            .sudo()
            .search([("level_id", "in", self.ids), ("sheet_id.analysis_id.state", "=", "draft")])
        )
        lines.modified(["level_id"])  # the points and the sheets' totals are computed again
