from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools import skj_match


class SopJabatanJpmBand(models.Model):
    """A category of the job-person match (JPM): the band from its lower bound (included) up to the next band's
    (docs/jabatan.md, "Who meets the standard"). Settings, edited by the SOP Administrator."""

    _name = "sop.jabatan.jpm.band"
    _description = "Job-Person Match Category"
    _order = "min_percent desc, id"

    name = fields.Char(string="Category", required=True)
    min_percent = fields.Float(
        string="From JPM (%)",
        digits=(5, 2),
        required=True,
        help="The lowest JPM of the category (included); the category goes up to the next category's lower bound.",
    )
    source = fields.Char(required=True, help="The regulation, guide or convention the category is taken from.")
    active = fields.Boolean(default=True)

    @api.constrains("min_percent", "active")
    def _check_bands(self):
        bands = self.search([])
        problems = skj_match.check_bands([{"name": band.name, "min_percent": band.min_percent} for band in bands])
        if problems:
            raise ValidationError(
                self.env._("The JPM categories are not valid:\n%(problems)s", problems="\n".join(problems))
            )

    def _sop_table(self):
        """The active categories as the rows of ``tools.skj_match.category_for``."""
        return [{"id": band.id, "name": band.name, "min_percent": band.min_percent} for band in self.search([])]
