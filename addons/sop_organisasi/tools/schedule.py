"""Monitoring schedule of an SOP (Permenpan RB 35/2012: every 6 months)."""

from dateutil.relativedelta import relativedelta

MONITORING_INTERVAL_MONTHS = 6


def next_monitoring_date(effective_date, last_monitoring_date=None, months=MONITORING_INTERVAL_MONTHS):
    """Next monitoring due date of an SOP.

    Due dates are anchored on the effective date: effective + 6, + 12, ...
    months. A monitoring counts for the due date nearest to it (one held up to
    half an interval early or late still counts), and the next due date is the
    one after that. Never monitored: effective + 6 months (overdue once past).
    Returns ``None`` without an effective date.
    """
    if not effective_date:
        return None
    reference = effective_date
    if last_monitoring_date and last_monitoring_date > effective_date:
        # shift by half an interval: the due date nearest to the monitoring is covered
        reference = last_monitoring_date + relativedelta(months=months // 2)
    step = 1
    while True:
        due = effective_date + relativedelta(months=months * step)
        if due > reference:
            return due
        step += 1
