from datetime import date
from datetime import datetime

from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tests.common import freeze_time

from ..tools.database import disable_jit
from ..tools.database import jit_disabled
from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestPublicHolidays(SopCaseRunCase):
    """Indonesian public holidays and cuti bersama on the working calendar (package ``holidays``)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.wib = cls.env.ref("sop_organisasi.resource_calendar_pemkot")
        cls.env.company.resource_calendar_id = cls.wib

    def _holidays(self, year):
        start, _stop = self.wib._sop_holiday_bounds(date(year, 1, 1))
        _start, stop = self.wib._sop_holiday_bounds(date(year, 12, 31))
        return self.env["resource.calendar.leaves"].search(
            [
                ("calendar_id", "=", self.wib.id),
                ("resource_id", "=", False),
                ("date_from", ">=", start),
                ("date_to", "<=", stop),
            ]
        )

    def test_load_holidays_once(self):
        wizard = self.env["sop.holiday.wizard"].with_user(self.sop_admin).create({"year": 2026})
        self.assertEqual(wizard.calendar_id, self.wib)
        wizard.action_load()
        leaves = self._holidays(2026)
        days = {leave.date_from.date() for leave in leaves}  # 00:00 WIB is 17:00 UTC the day before
        self.assertIn(date(2026, 12, 24), days, "Christmas Day (25 December, WIB) starts on the 24th in UTC")
        self.assertIn(date(2026, 8, 16), days, "Independence Day (17 August)")
        christmas = leaves.filtered(lambda leave: leave.date_from == datetime(2026, 12, 24, 17, 0))
        self.assertEqual(christmas.date_to, datetime(2026, 12, 25, 16, 59, 59), "the whole day in WIB")
        self.assertGreaterEqual(len(leaves), 15, "public holidays and cuti bersama")
        # loading again adds nothing; a local holiday entered by hand stays
        self.assertEqual(self.wib._sop_load_public_holidays(2026), 0)
        self.assertEqual(len(self._holidays(2026)), len(leaves))

    def test_only_the_administrator_loads_holidays(self):
        with self.assertRaises(AccessError):
            self.env["sop.holiday.wizard"].with_user(self.sop_user).create({"year": 2026}).action_load()

    def test_cron_loads_this_year_and_the_next(self):
        with freeze_time(datetime(2026, 11, 1, 3, 0)):
            self.env["resource.calendar"]._cron_sop_load_public_holidays()
        self.assertTrue(self._holidays(2026))
        self.assertTrue(self._holidays(2027))

    def test_step_across_christmas(self):
        """Wednesday 23 December 2026 10:00 WIB + 2 hari: the 24th (cuti bersama) and 25th (Christmas)
        and the weekend are skipped: due Tuesday 29 December, 16:00 WIB."""
        case = self._new_case(start=False)
        start = datetime(2026, 12, 23, 3, 0)
        self.assertEqual(case._compute_step_deadline(start, 2, "day"), datetime(2026, 12, 25, 9, 30), "no holidays yet")
        self.wib._sop_load_public_holidays(2026)
        self.assertEqual(case._compute_step_deadline(start, 2, "day"), datetime(2026, 12, 29, 9, 0))


@tagged("post_install", "-at_install")
class TestUpgradeSteps(SopCaseRunCase):
    """What the migration to 18.0.2.0.0 does (post-migrate), one model method each."""

    def test_company_on_odoo_defaults_moves_to_wib(self):
        company = self.env.company
        standard = self.env.ref("resource.resource_calendar_std")
        company.resource_calendar_id = standard
        company.partner_id.tz = "UTC"
        user_utc = new_test_user(self.env, "user_utc", groups="base.group_user", tz="UTC")
        user_makassar = new_test_user(self.env, "user_makassar", groups="base.group_user", tz="Asia/Makassar")
        self.assertEqual(company._sop_adopt_wib(), company)
        self.assertEqual(company.resource_calendar_id, self.env.ref("sop_organisasi.resource_calendar_pemkot"))
        self.assertEqual(company.partner_id.tz, "Asia/Jakarta")
        self.assertEqual(user_utc.tz, "Asia/Jakarta")
        self.assertEqual(user_makassar.tz, "Asia/Makassar", "a zone somebody chose stays")
        self.assertIn("WIB", company.partner_id.message_ids[0].body)
        self.assertFalse(company._sop_adopt_wib(), "nothing more to do the second time")

    def test_deliberate_calendar_stays(self):
        company = self.env.company
        company.resource_calendar_id = self.calendar  # chosen by the city (the fixture's calendar)
        company.partner_id.tz = "Asia/Jakarta"
        self.assertFalse(company._sop_adopt_wib())
        self.assertEqual(company.resource_calendar_id, self.calendar)

    def test_open_step_deadlines_are_replanned_with_history(self):
        with freeze_time(datetime(2026, 3, 5, 8, 30)):  # Thursday 15:30 on the fixture's UTC calendar
            case = self._new_case()
        step = case.current_step_id
        step.sudo().date_deadline = datetime(2026, 3, 5, 17, 0)  # as the old rule planned a 1-day step
        step.sudo().duration_qty, step.sudo().duration_unit = 1, "day"
        changed = self.env["sop.case.step"]._replan_open_steps("Upgrade")
        self.assertEqual(changed, step)
        self.assertEqual(step.date_deadline, datetime(2026, 3, 6, 17, 0), "Thursday 15:30 + 1 hari: Friday")
        history = case.history_ids.filtered(lambda h: h.event == "replan")
        self.assertEqual(len(history), 1)
        self.assertIn("Upgrade", history.note)
        self.assertFalse(self.env["sop.case.step"]._replan_open_steps("Again"), "nothing changes twice")

    def test_agenda_book_backfilled_from_letters(self):
        case = self._new_case()
        case.current_step_id.with_user(case.current_step_id.user_ids[0]).action_finish()
        step = case.current_step_id
        template = self.env.ref("sop_organisasi.sop_letter_template_skj_notification")
        template.unit_code = "999.418"
        for day in (16, 17):
            step.with_user(self.kasubbag).action_generate_letter(date=date(2026, 3, day))
        Agenda = self.env["sop.letter.agenda"].sudo()
        Agenda.search([("unit_code", "=", "999.418")]).unlink()  # a database of the previous release
        entries = Agenda._backfill_from_letters()
        self.assertEqual(entries.mapped("name"), ["800/1/999.418/2026", "800/2/999.418/2026"])
        self.assertEqual(set(entries.mapped("state")), {"issued"})
        self.assertFalse(Agenda._backfill_from_letters(), "each letter once")


@tagged("post_install", "-at_install")
class TestSetupChecks(SopCaseRunCase):
    def test_sop_users_without_units_are_flagged(self):
        item = self.env.ref("sop_organisasi.setup_item_sop_units")
        new_test_user(self.env, "staf_tanpa_unit", groups="sop_organisasi.group_sop_user", name="Staf Tanpa Unit")
        self.assertEqual(item.state, "todo")
        self.assertIn("Staf Tanpa Unit", item.detail)

    def test_calendar_without_holidays_is_flagged(self):
        item = self.env.ref("sop_organisasi.setup_item_calendar")
        self.env.company.resource_calendar_id = self.env.ref("resource.resource_calendar_std")
        self.assertEqual(item.state, "todo")
        wib = self.env.ref("sop_organisasi.resource_calendar_pemkot")
        self.env.company.resource_calendar_id = wib
        wib._sop_load_public_holidays(date.today().year)
        item.invalidate_recordset()
        self.assertEqual(item.state, "done", item.detail)


@tagged("post_install", "-at_install")
class TestLetterWithoutEmail(SopCaseRunCase):
    def test_user_without_email_issues_a_letter(self):
        """A civil servant without an e-mail address finishes his step and issues its letter."""
        case = self._new_case()
        case.current_step_id.with_user(case.current_step_id.user_ids[0]).action_finish()
        step = case.current_step_id
        self.kasubbag.partner_id.email = False
        self.env.ref("sop_organisasi.sop_letter_template_skj_notification").unit_code = "999.419"
        action = step.with_user(self.kasubbag).action_generate_letter(date=date(2026, 3, 16))
        letter = self.env["sop.letter"].browse(action["res_id"])
        self.assertEqual(letter.name, "800/1/999.419/2026")
        self.assertTrue(letter.attachment_id)
        message = case.message_ids.filtered(lambda m: letter.attachment_id in m.attachment_ids)
        self.assertEqual(message.author_id, self.kasubbag.partner_id)
        self.assertEqual(message.email_from, self.env.company.email_formatted or False)
        step.with_user(self.kasubbag).action_finish()
        self.assertEqual(step.state, "done")


@tagged("post_install", "-at_install")
class TestDatabaseSettings(TransactionCase):
    def test_jit_is_off_for_the_database(self):
        """Installing (or upgrading to 18.0.2.1.0) turns PostgreSQL's JIT off for the database: it
        compiled the liaison's step queries for 130 ms each (docs/performance.md)."""
        self.assertTrue(jit_disabled(self.env.cr))
        self.assertTrue(disable_jit(self.env.cr), "idempotent")
        self.assertTrue(jit_disabled(self.env.cr))
