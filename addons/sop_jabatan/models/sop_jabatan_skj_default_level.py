from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools import skj
from .hr_job import FUNCTIONAL_LEVELS
from .hr_job import JOB_KINDS


class SopJabatanSkjDefaultLevel(models.Model):
    """The required level a new SKJ gives the managerial and socio-cultural competencies of a post, by kind
    of post (and functional level): a setting of the division, each row naming its source."""

    _name = "sop.jabatan.skj.default.level"
    _description = "Default Competency Level by Kind of Post"
    _order = "job_kind, functional_level, id"

    job_kind = fields.Selection(JOB_KINDS, string="Kind of Post", required=True)
    functional_level = fields.Selection(
        FUNCTIONAL_LEVELS, help="For a functional post: the level of the post. Empty: every functional level."
    )
    level = fields.Integer(string="Required Level", required=True, help="1 to 5.")
    source = fields.Char(required=True, help="Where the level comes from (a regulation, or a setting of the division).")

    _sql_constraints = [
        ("level_range", "CHECK(level >= 1 AND level <= 5)", "A competency level is 1 to 5."),
    ]

    @api.constrains("job_kind", "functional_level")
    def _check_unique(self):
        for rec in self:
            if rec.functional_level and rec.job_kind != "fungsional":
                raise ValidationError(self.env._("Only a functional post (Fungsional) has a functional level."))
            twins = self.search_count(
                [
                    ("job_kind", "=", rec.job_kind),
                    ("functional_level", "=", rec.functional_level),
                    ("id", "!=", rec.id),
                ]
            )
            if twins:
                raise ValidationError(self.env._("This kind of post already has its default level."))

    @api.model
    def _sop_table(self):
        """The rows for :func:`tools.skj.default_level`."""
        return [(row.job_kind, row.functional_level or None, row.level) for row in self.sudo().search([])]

    @api.model
    def _sop_level_for(self, job_kind, functional_level, table=None):
        table = self._sop_table() if table is None else table
        return skj.default_level(job_kind, functional_level, table)
