from datetime import datetime

from odoo import Command
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tests.common import freeze_time

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
        start = datetime(2026, 3, 6, 10, 0)  # Friday, the working day has begun: N full days after it
        self.assertEqual(self._deadline(start, 1, "day"), datetime(2026, 3, 10, 17, 0), "skips weekend and holiday")
        self.assertEqual(self._deadline(start, 2, "day"), datetime(2026, 3, 11, 17, 0))
        self.assertEqual(self._deadline(start, 5, "day"), datetime(2026, 3, 16, 17, 0))
        # started as the working day begins: the start day is a full day and counts
        self.assertEqual(self._deadline(datetime(2026, 3, 6, 8, 0), 1, "day"), datetime(2026, 3, 6, 17, 0))
        # started in the lunch break: the morning has passed, the day does not count
        self.assertEqual(self._deadline(datetime(2026, 3, 6, 12, 30), 1, "day"), datetime(2026, 3, 10, 17, 0))
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


@tagged("post_install", "-at_install")
class TestCaseDeadlineWib(SopCaseRunCase):
    """Mojokerto is UTC+7: a calendar of Mon-Fri 08-12 and 13-17 in Asia/Jakarta (WIB).

    Monday 2 March 2026 09:00 WIB is 02:00 UTC; deadlines are stored in UTC.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wib_calendar = cls.calendar.copy(
            {"name": "Jam kerja uji (WIB)", "tz": "Asia/Jakarta", "global_leave_ids": [Command.clear()]}
        )
        cls.env.company.resource_calendar_id = cls.wib_calendar
        cls.case = cls._new_case(start=False)

    def _deadline(self, start, qty, unit):
        return self.case._compute_step_deadline(start, qty, unit)

    def test_minutes_and_hours_in_wib(self):
        monday_9_wib = datetime(2026, 3, 2, 2, 0)
        self.assertEqual(self._deadline(monday_9_wib, 30, "minute"), datetime(2026, 3, 2, 2, 30), "09:30 WIB")
        # 16:50 WIB + 30 menit: 10 minutes on Monday, 20 on Tuesday from 08:00 WIB (01:00 UTC)
        self.assertEqual(self._deadline(datetime(2026, 3, 2, 9, 50), 30, "minute"), datetime(2026, 3, 3, 1, 20))
        # Friday 16:00 WIB + 2 jam: 1 hour on Friday, 1 on Monday 08:00-09:00 WIB
        self.assertEqual(self._deadline(datetime(2026, 3, 6, 9, 0), 2, "hour"), datetime(2026, 3, 9, 2, 0))
        # a step started in the evening (20:00 WIB = 13:00 UTC) waits for the next office morning
        self.assertEqual(self._deadline(datetime(2026, 3, 2, 13, 0), 30, "minute"), datetime(2026, 3, 3, 1, 30))

    def test_days_end_at_the_end_of_the_wib_working_day(self):
        monday_9_wib = datetime(2026, 3, 2, 2, 0)
        self.assertEqual(self._deadline(monday_9_wib, 1, "day"), datetime(2026, 3, 3, 10, 0), "Tuesday 17:00 WIB")
        self.assertEqual(self._deadline(monday_9_wib, 2, "day"), datetime(2026, 3, 4, 10, 0), "Wednesday 17:00 WIB")
        monday_8_wib = datetime(2026, 3, 2, 1, 0)
        self.assertEqual(self._deadline(monday_8_wib, 1, "day"), datetime(2026, 3, 2, 10, 0), "Monday 17:00 WIB")
        # Saturday 7 March 10:00 WIB + 1 week = Saturday 14 March: end of Monday 16 March, 17:00 WIB
        self.assertEqual(self._deadline(datetime(2026, 3, 7, 3, 0), 1, "week"), datetime(2026, 3, 16, 10, 0))
        hours = self.case._working_hours_between(monday_9_wib, datetime(2026, 3, 3, 2, 0))
        self.assertAlmostEqual(hours, 8.0, msg="Monday 09:00 WIB -> Tuesday 09:00 WIB is one working day")

    def test_lateness_is_judged_in_wib(self):
        # A.1 (1 hari) starts Monday 2 March 08:00 WIB, as the office opens, and is due 17:00 WIB
        with freeze_time(datetime(2026, 3, 2, 1, 0)):  # 08:00 WIB: a full day
            case = self._new_case(opd=self.other_opd)
        step = case.current_step_id
        self.assertEqual(step.date_deadline, datetime(2026, 3, 2, 10, 0))
        # finished at 16:30 WIB: on time; the next step (A.2, 10 menit) is due 16:40 WIB
        with freeze_time(datetime(2026, 3, 2, 9, 30)):
            step.with_user(self.kasubbag).action_finish()
        self.assertFalse(step.is_late)
        nxt = case.current_step_id
        self.assertEqual((nxt.code, nxt.date_deadline), ("A.2", datetime(2026, 3, 2, 9, 40)))
        # 18:00 WIB: A.2 is overdue although it is only 11:00 in UTC
        with freeze_time(datetime(2026, 3, 2, 11, 0)):
            notified = self.env["sop.case.step"]._notify_overdue()
        self.assertIn(nxt, notified)
        self.assertTrue(nxt.is_late)

    def test_chatter_prints_wib(self):
        self.env.user.tz = "Asia/Jakarta"
        with freeze_time(datetime(2026, 3, 2, 1, 0)):  # 08:00 WIB: a full day
            case = self._new_case(opd=self.other_opd)
        body = case.message_ids.filtered(lambda m: "A.1" in (m.body or "") and "due" in m.body)[:1].body
        self.assertIn("03/02/2026 17:00 WIB", body, "due Monday 17:00 in Mojokerto time, no seconds")
        self.assertNotIn("UTC", body)
        self.assertEqual(case._format_moment(datetime(2026, 3, 2, 10, 0)), "03/02/2026 17:00 WIB")
        # a reader in another zone sees their own time, named
        self.kabag.tz = "Asia/Makassar"
        self.assertIn("03/02/2026 18:00 WITA", case._format_moment(datetime(2026, 3, 2, 10, 0), user=self.kabag))

    def test_overdue_notice_in_the_readers_language_and_zone(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"].search([("name", "=", "sop_organisasi")])._update_translations(["id_ID"])
        self.kabag.write({"lang": "id_ID", "tz": "Asia/Jakarta"})
        with freeze_time(datetime(2026, 3, 2, 1, 0)):  # 08:00 WIB: a full day
            case = self._new_case(opd=self.other_opd)
        with freeze_time(datetime(2026, 3, 2, 11, 0)):
            # the scheduled job runs without a language in its context
            self.env(context={})["sop.case"]._cron_notify_overdue()
        notice = case.message_ids.filtered(lambda m: self.kabag.partner_id in m.partner_ids)
        self.assertEqual(len(notice), 1)
        self.assertIn("terlambat", notice.body)
        self.assertIn("02/03/2026 17:00 WIB", notice.body, "Indonesian date, hours:minutes")


@tagged("post_install", "-at_install")
class TestShippedTimeZone(TransactionCase):
    """The calendar, company and users shipped by the module are in Asia/Jakarta."""

    def test_company_calendar_and_users_are_wib(self):
        calendar = self.env.ref("sop_organisasi.resource_calendar_pemkot")
        company = self.env.ref("base.main_company")
        self.assertEqual(company.resource_calendar_id.tz, "Asia/Jakarta")
        self.assertEqual(calendar.tz, "Asia/Jakarta")
        self.assertEqual(company.partner_id.tz, "Asia/Jakarta")
        self.assertEqual(self.env.ref("base.user_admin").tz, "Asia/Jakarta")
        self.assertEqual(self.env.ref("base.user_root").tz, "Asia/Jakarta", "the user of the scheduled jobs")
        self.assertAlmostEqual(calendar.hours_per_day, 7.5)
        # a user created without a time zone in the context reads times in WIB
        user = self.env["res.users"].with_context(tz=False).create({"name": "Pegawai Baru", "login": "pegawai_baru"})
        self.assertEqual(user.tz, "Asia/Jakarta")


@tagged("post_install", "-at_install")
class TestShippedCalendar(SopCaseRunCase):
    """Deadlines on the shipped calendar: Keppres 68/1995 office hours in WIB."""

    def test_government_office_hours(self):
        self.env.company.resource_calendar_id = self.env.ref("sop_organisasi.resource_calendar_pemkot")
        case = self._new_case(start=False)
        monday_9_wib = datetime(2026, 3, 2, 2, 0)
        self.assertEqual(case._compute_step_deadline(monday_9_wib, 30, "minute"), datetime(2026, 3, 2, 2, 30))
        # Monday-Thursday end 16:00 WIB, Friday 16:30 WIB; a begun day does not count
        self.assertEqual(case._compute_step_deadline(monday_9_wib, 2, "day"), datetime(2026, 3, 4, 9, 0))
        self.assertEqual(case._compute_step_deadline(monday_9_wib, 5, "day"), datetime(2026, 3, 9, 9, 0))

    def test_n_hari_is_never_less_than_n_full_days(self):
        """The issue's examples on the shipped WIB calendar (UTC+7; times below in UTC)."""
        self.env.company.resource_calendar_id = self.env.ref("sop_organisasi.resource_calendar_pemkot")
        case = self._new_case(start=False)
        deadline = case._compute_step_deadline
        # Thursday 15:30 WIB + 1 hari: not Thursday 16:00 but the end of Friday (16:30 WIB)
        self.assertEqual(deadline(datetime(2026, 3, 5, 8, 30), 1, "day"), datetime(2026, 3, 6, 9, 30))
        # Monday 10:00 WIB + 2 hari: Tuesday and Wednesday, due Wednesday 16:00 WIB
        self.assertEqual(deadline(datetime(2026, 3, 2, 3, 0), 2, "day"), datetime(2026, 3, 4, 9, 0))
        # Wednesday 14:00 WIB + 3 hari: Thursday, Friday and Monday, due Monday 16:00 WIB
        self.assertEqual(deadline(datetime(2026, 3, 4, 7, 0), 3, "day"), datetime(2026, 3, 9, 9, 0))
        # Monday 07:00 WIB (before the office opens) + 1 hari: Monday is a full day
        self.assertEqual(deadline(datetime(2026, 3, 2, 0, 0), 1, "day"), datetime(2026, 3, 2, 9, 0))
        # Monday 15:30 WIB + 2 jam: 30 minutes on Monday, 1.5 hours from Tuesday 07:30 WIB
        self.assertEqual(
            case._compute_step_deadline(datetime(2026, 3, 2, 8, 30), 2, "hour"), datetime(2026, 3, 3, 2, 0)
        )
