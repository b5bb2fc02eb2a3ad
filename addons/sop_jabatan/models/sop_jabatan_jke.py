from odoo import api
from odoo import fields
from odoo import models

from ..tools import abk


class SopJabatanJke(models.Model):
    _name = "sop.jabatan.jke"
    _inherit = "sop.jabatan.abk.setting.mixin"
    _description = "Effective Working Time (JKE)"
    _order = "year_from desc"

    year_from = fields.Integer(
        string="From Year", required=True, help="The first year this effective working time applies to."
    )
    minutes = fields.Integer(string="Minutes a Year", required=True)
    hours = fields.Float(string="Hours a Year", compute="_compute_hours", digits=(16, 2))
    rounding = fields.Selection(
        [("half_up", "Round half up"), ("up", "Round up"), ("down", "Round down")],
        string="Rounding of the Staff Need",
        required=True,
        default="half_up",
        help="Applied once per post to Σ workload ÷ JKE (never per task); the raw figure is kept to four decimals.",
    )
    source = fields.Char(required=True, help="The regulation or guide the figure is taken from.")
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("year_from_unique", "unique(year_from)", "There is already an effective working time from that year."),
        ("minutes_positive", "CHECK(minutes > 0)", "The effective working time must be positive."),
    ]

    @api.depends("minutes")
    def _compute_hours(self):
        for row in self:
            row.hours = row.minutes / 60.0

    @api.depends("year_from", "minutes")
    def _compute_display_name(self):
        for row in self:
            row.display_name = self.env._("%(minutes)s minutes from %(year)s", minutes=row.minutes, year=row.year_from)

    @api.model
    def _setting_for_year(self, year):
        """``(minutes, rounding)`` in force in ``year``, ``(None, None)`` before the table."""
        rows = self.sudo().search([])
        minutes = abk.jke_for_year([(row.year_from, row.minutes) for row in rows], year)
        if minutes is None:
            return None, None
        row = rows.filtered(lambda r: r.year_from <= year).sorted("year_from")[-1]
        return minutes, row.rounding
