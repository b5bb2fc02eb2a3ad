from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools import grading


class SopJabatanGradingBand(models.Model):
    """A row of the kelas table: the points that make a post's kelas (Permenpan RB 34/2011). Data."""

    _name = "sop.jabatan.grading.band"
    _description = "Kelas Band of Job Grading"
    _order = "kelas"

    kelas = fields.Integer(required=True)
    min_points = fields.Integer(string="From Points", required=True, help="Included.")
    has_max = fields.Boolean(string="Has an Upper Limit", default=True, help="Off for the highest kelas (open above).")
    max_points = fields.Integer(string="To Points", help="Included.")
    source = fields.Char(required=True, help="The regulation or guide the band is taken from.")
    problem = fields.Char(
        compute="_compute_problem", help="A gap of the table after this band: points there have no kelas."
    )

    _sql_constraints = [
        ("kelas_unique", "unique(kelas)", "There is already a band for that kelas."),
        ("kelas_positive", "CHECK(kelas > 0)", "A kelas is numbered from 1."),
    ]

    @api.model
    def _sop_band_table(self):
        return [
            {
                "kelas": band.kelas,
                "min_points": band.min_points,
                "max_points": band.max_points if band.has_max else None,
            }
            for band in self.sudo().search([])
        ]

    @api.model
    def _kelas_for(self, points):
        return grading.kelas_for(points, self._sop_band_table())

    def _problem_text(self, problem):
        kind = problem[0]
        if kind == grading.GAP:
            return self.env._(
                "No kelas holds %(low)s to %(high)s points (between kelas %(kelas)s and %(next)s).",
                low=problem[3],
                high=problem[4],
                kelas=problem[1],
                next=problem[2],
            )
        if kind == grading.OVERLAP:
            return self.env._("Kelas %(kelas)s and %(next)s overlap.", kelas=problem[1], next=problem[2])
        if kind == grading.DISORDER:
            return self.env._(
                "Kelas %(next)s starts below kelas %(kelas)s: a higher kelas needs more points.",
                kelas=problem[1],
                next=problem[2],
            )
        if kind == grading.OPEN_NOT_LAST:
            return self.env._("Only the highest kelas may be open above (kelas %s is not).", problem[1])
        if kind == grading.EMPTY:
            return self.env._("Kelas %s starts above its upper limit.", problem[1])
        return self.env._("There are two bands for kelas %s.", problem[1])

    def _compute_problem(self):
        gaps = {
            problem[1]: problem for problem in grading.check_bands(self._sop_band_table()) if problem[0] == grading.GAP
        }
        for band in self:
            problem = gaps.get(band.kelas)
            band.problem = band._problem_text(problem) if problem else False

    @api.constrains("kelas", "min_points", "max_points", "has_max")
    def _check_table(self):
        """Overlaps and disorder are refused; a gap is shown on the band (``problem``) while the table is
        being changed one row at a time, and points in it have no kelas."""
        for problem in grading.check_bands(self._sop_band_table()):
            if problem[0] != grading.GAP:
                raise ValidationError(self._problem_text(problem))

    @api.model_create_multi
    def create(self, vals_list):
        bands = super().create(vals_list)
        self._sop_refresh_draft_sheets()
        return bands

    def write(self, vals):
        res = super().write(vals)
        self._sop_refresh_draft_sheets()
        return res

    def unlink(self):
        res = super().unlink()
        self._sop_refresh_draft_sheets()
        return res

    @api.model
    def _sop_refresh_draft_sheets(self):
        """The draft sheets take the new table; approved versions keep the kelas they were approved with."""
        self.invalidate_model(["problem"])  # a band's gap depends on its neighbours
        Sheet = self.env["sop.jabatan.sheet"].sudo()
        sheets = Sheet.search([("analysis_id.state", "=", "draft")])
        if sheets:
            self.env.add_to_compute(Sheet._fields["grading_kelas"], sheets)
            sheets.flush_recordset(["grading_kelas"])
