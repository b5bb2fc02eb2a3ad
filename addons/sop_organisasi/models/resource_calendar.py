import logging
from datetime import datetime
from datetime import time

import pytz

from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from ..tools.dates import DEFAULT_TZ
from ..tools.public_holidays import HolidaysUnavailable
from ..tools.public_holidays import indonesian_holidays

_logger = logging.getLogger(__name__)


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _sop_holiday_bounds(self, day):
        """The whole local day ``day`` on this calendar, as naive UTC datetimes."""
        tz = pytz.timezone(self.tz or DEFAULT_TZ)
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
        stop = tz.localize(datetime.combine(day, time(23, 59, 59))).astimezone(pytz.utc).replace(tzinfo=None)
        return start, stop

    def _sop_load_public_holidays(self, year):
        """Add the Indonesian public holidays and cuti bersama of ``year`` to these calendars as time off
        for everyone; days that already have time off for everyone are left as they are (a local
        holiday the administrator entered stays). Returns the number of days added."""
        try:
            days = indonesian_holidays(year, language=(self.env.lang and self.env.lang[:2]) or "id")
        except HolidaysUnavailable as error:
            raise UserError(
                self.env._(
                    "The Python package 'holidays' is not installed on the server: "
                    "install it (pip install holidays) to load the public holidays. (%(error)s)",
                    error=error,
                )
            ) from error
        Leave = self.env["resource.calendar.leaves"].sudo()
        added = 0
        for calendar in self:
            vals_list = []
            for day, name in days:
                start, stop = calendar._sop_holiday_bounds(day)
                overlapping = Leave.search_count(
                    [
                        ("calendar_id", "=", calendar.id),
                        ("resource_id", "=", False),
                        ("date_from", "<=", stop),
                        ("date_to", ">=", start),
                    ],
                    limit=1,
                )
                if not overlapping:
                    vals_list.append(
                        {
                            "name": name,
                            "calendar_id": calendar.id,
                            "company_id": calendar.company_id.id,
                            "date_from": start,
                            "date_to": stop,
                            "time_type": "leave",
                        }
                    )
            Leave.create(vals_list)
            added += len(vals_list)
        return added

    def _cron_sop_load_public_holidays(self):
        """Scheduled job: the holidays of this year and the next on every company's working calendar."""
        year = fields.Date.context_today(self).year
        calendars = self.env["res.company"].search([]).resource_calendar_id
        for year_to_load in (year, year + 1):
            try:
                added = calendars._sop_load_public_holidays(year_to_load)
            except UserError as error:
                _logger.warning("Public holidays of %s not loaded: %s", year_to_load, error)
                return
            _logger.info("Public holidays of %s: %s days added to %s calendars", year_to_load, added, len(calendars))
