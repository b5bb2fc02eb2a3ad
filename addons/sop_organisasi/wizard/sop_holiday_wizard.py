from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError

from ..tools.public_holidays import CATEGORIES
from ..tools.year import Year

MANAGER = "sop_organisasi.group_sop_manager"


class SopHolidayWizard(models.TransientModel):
    """Load the Indonesian public holidays and cuti bersama of a year into a working calendar."""

    _name = "sop.holiday.wizard"
    _description = "Load Public Holidays"

    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year)
    calendar_id = fields.Many2one(
        "resource.calendar",
        string="Working Calendar",
        required=True,
        default=lambda self: self.env.company.resource_calendar_id,
        help="The calendar on which the deadlines of SOP cases are planned.",
    )
    replan = fields.Boolean(
        string="Recompute Open Deadlines",
        default=True,
        help="Recompute the deadlines of the steps in progress with the new holidays (kept in their history).",
    )

    @api.constrains("year")
    def _check_year(self):
        for wizard in self:
            if not 2000 <= wizard.year <= 2100:
                raise UserError(self.env._("Choose a year between 2000 and 2100."))

    def action_load(self):
        self.ensure_one()
        if not self.env.user.has_group(MANAGER):
            raise AccessError(self.env._("Only the SOP Administrator loads public holidays."))
        added = self.calendar_id._sop_load_public_holidays(self.year)
        replanned = self.env["sop.case.step"]
        if self.replan:
            replanned = self.env["sop.case.step"]._replan_open_steps(
                self.env._("Public holidays of %(year)s loaded", year=self.year)
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Public holidays %(year)s", year=self.year),
                "message": self.env._(
                    "%(added)s days added to %(calendar)s (%(categories)s); %(replanned)s open deadlines recomputed.",
                    added=added,
                    calendar=self.calendar_id.name,
                    categories=", ".join(CATEGORIES),
                    replanned=len(replanned),
                ),
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }
