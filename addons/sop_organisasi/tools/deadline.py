"""The deadline rule of a case step: start + the Mutu Baku standard time.

The rule is calendar-agnostic: the caller gives the working-time functions of
its calendar (Odoo's ``resource.calendar`` in ``sop.case``), so the rule can
be tested and read on its own.

- ``minute`` and ``hour`` ("10 menit", "2 jam"): working time, i.e. the
  moment the given amount of working hours after the start has elapsed
  (breaks, nights, weekends and holidays do not count);
- ``day`` ("5 hari"): whole working days; a step never gets less than N full
  working days. The day of the start counts as the first day only when its whole
  working time is still ahead (the step starts before the working day begins);
  a step started during the working day gets N days after that day (Thursday
  15:30 + 1 hari: due at the end of Friday, not Thursday 16:00). The deadline is
  the end of the working hours of the last day. A fraction of a day counts as a
  whole day;
- ``week`` and ``month`` ("1 minggu", "1 bln"): calendar periods (the same
  time one week or one month later); when that moment falls on a non-working
  day (weekend, holiday) the deadline moves to the end of the next working day.
"""

import math

from dateutil.relativedelta import relativedelta

# hours of standard time per unit, for reports (standard vs actual time)
WORKING_DAYS_PER_WEEK = 5
WORKING_DAYS_PER_MONTH = 22


def period_delta(qty, unit):
    """Return the calendar period of ``qty`` weeks or months as a relativedelta."""
    if unit == "week":
        return relativedelta(days=round(qty * 7, 6))
    if unit == "month":
        whole = int(qty)
        return relativedelta(months=whole, days=round((qty - whole) * 30))
    raise ValueError(unit)


def compute_deadline(start, qty, unit, *, plan_hours, plan_days, is_working_day, day_begun=None):
    """Return the deadline of a step started at ``start`` (naive UTC datetimes).

    :param plan_hours: ``f(hours, dt)`` -> the moment ``hours`` working hours after ``dt``
    :param plan_days: ``f(days, dt)`` -> the end of the ``days``-th working day
        counted from the day of ``dt`` (the day of ``dt`` counts when working time remains on it)
    :param is_working_day: ``f(dt)`` -> whether the day of ``dt`` has working time
    :param day_begun: ``f(dt)`` -> whether part of the working time of the day of ``dt``
        lies before ``dt`` while some remains after it (a step started then gets the next day)
    """
    if not qty or not unit:
        return start
    if unit == "minute":
        return plan_hours(qty / 60.0, start)
    if unit == "hour":
        return plan_hours(qty, start)
    if unit == "day":
        days = math.ceil(qty)
        if day_begun and day_begun(start):
            days += 1  # the rest of a begun day is not a working day
        return plan_days(days, start)
    end = start + period_delta(qty, unit)
    if is_working_day(end):
        return end
    return plan_days(1, end)


def standard_hours(qty, unit, hours_per_day=8.0):
    """Return the standard time of a step in working hours (for reports)."""
    if not qty or not unit:
        return 0.0
    factor = {
        "minute": 1 / 60.0,
        "hour": 1.0,
        "day": hours_per_day,
        "week": hours_per_day * WORKING_DAYS_PER_WEEK,
        "month": hours_per_day * WORKING_DAYS_PER_MONTH,
    }[unit]
    return qty * factor
