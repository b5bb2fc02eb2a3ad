from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.xlsx_writer import attach_xlsx
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.addons.sop_organisasi.tools.year import Year

from ..tools import abk_xlsx
from ..tools import pages

CITY_REPORT = "sop_jabatan.action_report_city_recap"


class SopJabatanRecapWizard(models.TransientModel):
    """The city's ABK recap of a year: every OPD's job data (posts, workload, staff needed, in post, +/−,
    EU and band) and the city's total, as PDF or XLSX."""

    _name = "sop.jabatan.recap.wizard"
    _description = "City ABK Recap"

    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year)
    include_open = fields.Boolean(
        string="Include Versions in Progress",
        help="For an OPD without effective job data for the year, show the version being prepared.",
    )

    def _sop_recap(self):
        self.ensure_one()
        return self.env["sop.jabatan.analysis"]._sop_city_recap(self.year, self.include_open)

    def _sop_recap_pages(self):
        """The recap for the PDF: its rows split into printed pages, and the total."""
        rows, total = self._sop_recap()
        return pages.split_rows(rows), total

    def _sop_recap_headers(self):
        _ = self.env._
        return {
            "number": _("No."),
            "opd": _("OPD"),
            "state": _("Status"),
            "posts": _("Posts"),
            "workload": _("Total Workload (Minutes)"),
            "need": _("Staff Needed"),
            "in_post": _("Staff in Post"),
            "gap": "+/−",
            "efficiency": _("EU"),
            "band": _("Band"),
        }

    def _sop_recap_xlsx(self):
        rows, total = self._sop_recap()
        title = self.env._("City Workload Analysis (ABK) Recap %(year)s", year=self.year)
        return abk_xlsx.recap_workbook(
            title, self.env.company.name, self._sop_recap_headers(), rows, total, columns=abk_xlsx.CITY_COLUMNS
        )

    def action_xlsx(self):
        self.ensure_one()
        filename = self.env._("City ABK Recap %(year)s.xlsx", year=self.year)
        return download_action(attach_xlsx(self, filename, self._sop_recap_xlsx()))

    def action_pdf(self):
        self.ensure_one()
        return self.env.ref(CITY_REPORT).report_action(self)
