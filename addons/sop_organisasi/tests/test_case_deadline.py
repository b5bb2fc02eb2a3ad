from datetime import datetime

from odoo.tests import tagged

from ..tools.deadline import compute_deadline
from ..tools.deadline import standard_hours
from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestCaseDeadline(SopCaseRunCase):
    """Calendar: Mon-Fri 08-12 and 13-17 UTC; Sat 7 and Sun 8 March 2026 weekend;
    Mon 9 March 2026 public holiday (a calendar leave without resource)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls._new_case(start=False)

    def _deadline(self, start, qty, unit):
        return self.case._compute_step_deadline(start, qty, unit)

    def test_minutes_are_working_time(self):
        # Friday 16:55 + 10 minutes: 5 minutes on Friday, 5 on Tuesday (weekend, Monday holiday)
        self.assertEqual(self._deadline(datetime(2026, 3, 6, 16, 55), 10, "minute"), datetime(2026, 3, 10, 8, 5))
        # inside a working morning
        self.assertEqual(self._deadline(datetime(2026, 3, 5, 9, 0), 30, "minute"), datetime(2026, 3, 5, 9, 30))

    def test_hours_are_working_time(self):
        # Friday 16:00 + 2 hours: 1 hour on Friday, 1 on Tuesday
        self.assertEqual(self._deadline(datetime(2026, 3, 6, 16, 0), 2, "hour"), datetime(2026, 3, 10, 9, 0))
        # across the lunch break
        self.assertEqual(self._deadline(datetime(2026, 3, 10, 11, 0), 2, "hour"), datetime(2026, 3, 10, 14, 0))

    def test_days_are_working_days(self):
        start = datetime(2026, 3, 6, 10, 0)  # Friday
        self.assertEqual(self._deadline(start, 1, "day"), datetime(2026, 3, 6, 17, 0), "the start day counts")
        self.assertEqual(self._deadline(start, 2, "day"), datetime(2026, 3, 10, 17, 0), "skips weekend and holiday")
        self.assertEqual(self._deadline(start, 5, "day"), datetime(2026, 3, 13, 17, 0))
        # started after the working hours: the next working day is the first
        self.assertEqual(self._deadline(datetime(2026, 3, 6, 18, 0), 1, "day"), datetime(2026, 3, 10, 17, 0))

    def test_weeks_are_calendar_periods_ending_on_a_working_day(self):
        # Monday 2 March + 1 week = Monday 9 March, a holiday: end of Tuesday
        self.assertEqual(self._deadline(datetime(2026, 3, 2, 10, 0), 1, "week"), datetime(2026, 3, 10, 17, 0))
        # Tuesday + 1 week = Tuesday, a working day: same time
        self.assertEqual(self._deadline(datetime(2026, 3, 3, 10, 0), 1, "week"), datetime(2026, 3, 10, 10, 0))
        # Saturday (a step started at the weekend) + 1 week = Saturday -> Tuesday (Monday is a holiday)
        self.assertEqual(self._deadline(datetime(2026, 2, 28, 9, 0), 1, "week"), datetime(2026, 3, 10, 17, 0))

    def test_months_are_calendar_periods_ending_on_a_working_day(self):
        # 7 January + 1 month = Saturday 7 February: end of Monday 9 February
        self.assertEqual(self._deadline(datetime(2026, 1, 7, 10, 0), 1, "month"), datetime(2026, 2, 9, 17, 0))
        # 9 February + 1 month = Monday 9 March, the holiday: end of Tuesday
        self.assertEqual(self._deadline(datetime(2026, 2, 9, 10, 0), 1, "month"), datetime(2026, 3, 10, 17, 0))
        # 10 February + 1 month = Tuesday 10 March: same time
        self.assertEqual(self._deadline(datetime(2026, 2, 10, 10, 0), 1, "month"), datetime(2026, 3, 10, 10, 0))

    def test_working_time_between_start_and_finish(self):
        # Friday 16:00 -> Tuesday 09:00 = 1 h on Friday + 1 h on Tuesday
        hours = self.case._working_hours_between(datetime(2026, 3, 6, 16, 0), datetime(2026, 3, 10, 9, 0))
        self.assertAlmostEqual(hours, 2.0)
        hours = self.case._working_hours_between(datetime(2026, 3, 10, 11, 0), datetime(2026, 3, 10, 14, 0))
        self.assertAlmostEqual(hours, 2.0, msg="the lunch break does not count")

    def test_case_plan_chains_every_step(self):
        case = self._new_case(opd=self.other_opd, start=False)
        start = datetime(2026, 3, 2, 8, 0)
        deadline = case._plan_deadline(start)
        self.assertGreater(deadline, datetime(2026, 6, 1))
        moment = start
        for step in case.step_ids.sorted("sequence"):
            moment = self._deadline(moment, step.duration_qty, step.duration_unit)
        self.assertEqual(deadline, moment)

    def test_pure_rule_and_standard_hours(self):
        calls = []

        def plan_hours(hours, dt):
            calls.append(("hours", hours))
            return dt

        def plan_days(days, dt):
            calls.append(("days", days))
            return dt

        start = datetime(2026, 3, 2, 10, 0)
        kwargs = {"plan_hours": plan_hours, "plan_days": plan_days, "is_working_day": lambda dt: True}
        compute_deadline(start, 30, "minute", **kwargs)
        compute_deadline(start, 1.5, "day", **kwargs)
        self.assertEqual(calls, [("hours", 0.5), ("days", 2)])
        self.assertEqual(compute_deadline(start, 2, "week", **kwargs), datetime(2026, 3, 16, 10, 0))
        self.assertEqual(compute_deadline(start, 0, False, **kwargs), start)
        self.assertEqual(standard_hours(10, "minute"), 10 / 60)
        self.assertEqual(standard_hours(5, "day", 8), 40)
        self.assertEqual(standard_hours(1, "week", 8), 40)
        self.assertEqual(standard_hours(1, "month", 7.5), 165)
