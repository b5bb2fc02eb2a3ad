"""A day of division staff and the Kabag without a detour (issue 18): finishing a step leads on,
a 'No' says why on the returned step, letters are reachable from the steps that use them, the
Kabag's desk, readable durations, monitoring due from the start of use, calendar and printing."""

import datetime

from lxml import etree

from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from ..tools.duration import format_hours
from .case_common import SopCaseRunCase

D = datetime.date


@tagged("post_install", "-at_install")
class TestStepJourney(SopCaseRunCase):
    def _letter_at(self, step):
        template = self.env.ref("sop_organisasi.sop_letter_template_skj_notification")
        template.unit_code = "998.417"  # a counter of its own
        action = step.with_user(self.kasubbag).action_generate_letter(date=D(2026, 3, 16))
        return self.env["sop.letter"].browse(action["res_id"])

    def test_finish_leads_to_the_next_step(self):
        case = self._new_case()
        a1 = case.current_step_id
        result = a1.with_user(self.kasubbag).action_finish()
        a2 = case.current_step_id
        self.assertEqual(a2.code, "A.2")
        self.assertEqual(result["tag"], "display_notification")
        self.assertIn("Step A.1 is done.", result["params"]["message"])
        self.assertIn("Next: step A.2 for Kasubbag Kelembagaan", result["params"]["message"])
        # A.2 is his too: the next step opens
        following = result["params"]["next"]
        self.assertEqual((following["res_model"], following["res_id"]), ("sop.case.step", a2.id))

        letter = self._letter_at(a2)
        a2.with_user(self.kasubbag).action_finish()
        a3 = case.current_step_id
        result = a3.with_user(self.kasubbag).action_finish()
        a4 = case.current_step_id
        self.assertEqual(a4.code, "A.4")
        # A.4 is the Kabag's: the staff member goes back to the case
        self.assertIn("Next: step A.4 for Kabag Org", result["params"]["message"])
        self.assertEqual(
            (result["params"]["next"]["res_model"], result["params"]["next"]["res_id"]), ("sop.case", case.id)
        )

        # the Kabag correcting the draft at A.4 sees the letter made at A.2
        mine = a4.with_user(self.kabag)
        self.assertEqual(mine.related_letter_ids, letter)
        self.assertEqual(mine.letter_count, 1)
        self.assertEqual(mine.action_view_letters()["res_id"], letter.id)
        self.assertFalse(a1.related_letter_ids, "a step before the letter does not list it")

        # 'No': the reason shows on the returned step
        mine.write({"decision_reason": "Format surat belum sesuai"})
        result = mine.action_answer_no()
        self.assertIn("Step A.4 answered 'No': the case goes back to step A.2.", result["params"]["message"])
        self.assertEqual(case.current_step_id, a2)
        self.assertIn("Format surat belum sesuai", a2.return_reason)
        self.assertIn("A.4", a2.return_reason)
        form = etree.fromstring(self.env["sop.case.step"].get_views([(False, "form")])["views"]["form"]["arch"])
        self.assertTrue(form.xpath("//field[@name='return_reason']"))
        case_form = etree.fromstring(self.env["sop.case"].get_views([(False, "form")])["views"]["form"]["arch"])
        self.assertTrue(case_form.xpath("//field[@name='step_ids']/list/field[@name='return_reason']"))
        # the Kabag is not the actor of A.2: back to the case
        self.assertEqual(result["params"]["next"]["res_model"], "sop.case")

        # the liaison receiving the letter at A.8 reaches it, and goes back to his list after finishing
        a8 = case.step_ids.filtered(lambda s: s.code == "A.8")
        for step in case.step_ids.filtered(lambda s: s.sequence < a8.sequence):
            step.sudo().write({"state": "done"})
        self._step_activities(case.current_step_id).unlink()
        a8._activate()
        self.assertEqual(a8.with_user(self.liaison).related_letter_ids, letter)
        result = a8.with_user(self.liaison).action_finish()
        my_work = self.env.ref("sop_organisasi.sop_case_step_action_my_work")
        self.assertEqual(result["params"]["next"]["id"], my_work.id)
        self.assertIn("Next: step B.1", result["params"]["message"])

    def test_durations_in_words(self):
        self.assertEqual(format_hours(7.5), "7,5 jam")
        self.assertEqual(format_hours(2.0), "2 jam")
        self.assertEqual(format_hours(0.75), "45 menit")
        self.assertEqual(format_hours(0.0), "")
        case = self._new_case()
        step = case.current_step_id
        step.sudo().actual_hours = 7.5
        self.assertEqual(step.actual_time_display, "7,5 jam")
        views = self.env["sop.case.step"].get_views([(False, "list"), (False, "form")])["views"]
        list_arch = etree.fromstring(views["list"]["arch"])
        shown = [f.get("name") for f in list_arch.xpath("//field") if f.get("optional") != "hide"]
        shown = [name for name in shown if name not in ("standard_hours", "actual_hours")]
        self.assertLessEqual(len(shown), 7, f"My Cases and Activities fits a 1366 px screen: {shown}")
        form_arch = views["form"]["arch"]
        form_arch = form_arch.decode() if isinstance(form_arch, bytes) else form_arch
        self.assertNotIn("float_time", form_arch, "durations are words, not clock times")
        for date_field in list_arch.xpath("//field[starts-with(@name, 'date_')]"):
            self.assertIn("'show_seconds': false", date_field.get("options") or "", date_field.get("name"))

    def test_calendar_names_the_opd_and_shows_done_steps(self):
        case = self._new_case()
        step = case.current_step_id
        action = self.env.ref("sop_organisasi.sop_case_step_action_calendar")
        context = dict(safe_eval(action.context))
        self.assertNotIn("search_default_filter_open", context, "finished steps are not hidden by default")
        named = step.with_context(**context).display_name
        self.assertTrue(named.startswith(self.opd.name), named)
        arch = etree.fromstring(
            self.env["sop.case.step"].get_views([(action.view_id.id, "calendar")])["views"]["calendar"]["arch"]
        )
        self.assertEqual(arch.xpath("//field[@name='state']")[0].get("filters"), "1")

    def test_print_from_the_form_header(self):
        skj = self.env.ref("sop_organisasi.sop_skj")
        action = skj.with_user(self.sop_user).action_print_pdf()
        self.assertEqual(action["report_name"], "sop_organisasi.report_sop_document")
        arch = etree.fromstring(self.env["sop.procedure"].get_views([(False, "form")])["views"]["form"]["arch"])
        self.assertTrue(arch.xpath("//header/button[@name='action_print_pdf']"))
        self.assertTrue(arch.xpath("//header/button[@name='action_export_xlsx']"))

    def test_monitoring_due_from_the_start_of_use(self):
        today = fields.Date.context_today(self.env.user)
        skj = self.env.ref("sop_organisasi.sop_skj")
        self.assertLess(skj.date_effective, D(2020, 1, 1), "a seed SOP effective for years")
        start = self.env.company.sop_monitoring_start_date
        self.assertTrue(start and start <= today)
        self.assertGreater(skj.monitoring_next_date, today, "not due on day one")
        self.assertFalse(skj.monitoring_overdue)
        rows = self._dashboard(self.sop_user)["monitoring_due"]["rows"]
        self.assertNotIn(skj.id, [row["key"] for row in rows])
        # a city monitoring since 2018 is late
        self.env.company.sop_monitoring_start_date = D(2018, 1, 1)
        skj.invalidate_recordset(["monitoring_next_date", "monitoring_overdue"])
        self.assertTrue(skj.monitoring_overdue)

    def _dashboard(self, user):
        data = self.env["sop.dashboard"].with_user(user).get_dashboard_data()
        return {section["key"]: section for section in data["sections"]}

    def test_kabag_desk_approves_in_one_click(self):
        procedure = self._create_procedure()
        procedure.with_user(self.sop_user).action_submit()
        procedure.with_user(self.sop_admin).validate_tier()
        self.assertEqual(procedure.state, "review")
        sections = self._dashboard(self.kabag)
        self.assertEqual(list(sections)[:2], ["my_desk", "counters"], "his desk comes first")
        desk = sections["my_desk"]
        self.assertEqual(desk["subtitle"], "Waiting for my approval: 1")
        row = next(r for r in desk["rows"] if r["key"] == f"procedure-{procedure.id}")
        button = row["buttons"][0]
        self.assertEqual(
            (button["model"], button["method"], button["id"]), ("sop.procedure", "validate_tier", procedure.id)
        )
        tiles = {tile["label"]: tile["value"] for tile in sections["counters"]["tiles"]}
        self.assertEqual(tiles["SOPs under review"], 1, "no more 'Waiting for approval 0'")
        # the staff member's desk does not show it: not his approval
        self.assertFalse(
            [r for r in self._dashboard(self.kasubbag)["my_desk"]["rows"] if r["key"] == f"procedure-{procedure.id}"]
        )
        # the click
        getattr(self.env[button["model"]].with_user(self.kabag).browse(button["id"]), button["method"])()
        self.assertEqual(procedure.state, "effective")
        desk = self._dashboard(self.kabag)["my_desk"]
        self.assertEqual(desk["subtitle"], "Waiting for my approval: 0")

    def test_kabag_desk_lists_steps_to_approve_and_his_steps(self):
        skj_b11 = self.skj.step_ids.filtered(lambda s: s.code == "B.11")
        self._write_locked(skj_b11, {"requires_approval": True})
        case = self._new_case()
        a4 = case.step_ids.filtered(lambda s: s.code == "A.4")
        b11 = case.step_ids.filtered(lambda s: s.code == "B.11")
        for step in case.step_ids.filtered(lambda s: s.sequence < b11.sequence):
            step.sudo().write({"state": "done"})
        self._step_activities(case.current_step_id).unlink()
        b11._activate()
        desk = self._dashboard(self.kabag)["my_desk"]
        self.assertIn(f"step-{b11.id}", [r["key"] for r in desk["rows"]], "his own step in progress")
        self.assertNotIn(f"step-{a4.id}", [r["key"] for r in desk["rows"]])
        b11.with_user(self.kabag).action_finish()
        desk = self._dashboard(self.approver)["my_desk"]
        row = next(r for r in desk["rows"] if r["key"] == f"approve-{b11.id}")
        self.assertEqual(row["buttons"][0]["method"], "validate_tier")
        b11.with_user(self.approver).validate_tier()
        self.assertEqual(b11.state, "done")


@tagged("post_install", "-at_install")
class TestDayJourneyTours(SopCaseRunCase, HttpCase):
    """The staff member finishes a step and lands on the next; the Kabag approves from his desk;
    staff write a new SOP with a decision in one pass."""

    def test_staff_finishes_a_step_and_lands_on_the_next(self):
        case = self.Case.with_user(self.sop_user).create(
            {"name": "Tour Staff Case", "procedure_id": self.skj.id, "opd_id": self.opd.id, "year": 2026}
        )
        case.action_start()
        self.start_tour("/odoo", "sop_staff_finish_step_tour", login=self.kasubbag.login)
        self.assertEqual(case.current_step_id.code, "A.2")
        self.assertEqual(case.step_ids.filtered(lambda s: s.code == "A.1").state, "done")

    def test_kabag_approves_from_his_desk(self):
        procedure = self._create_procedure("Tour SOP Menunggu Kabag")
        procedure.with_user(self.sop_user).action_submit()
        procedure.with_user(self.sop_admin).validate_tier()
        self.start_tour("/odoo", "sop_kabag_desk_tour", login=self.kabag.login)
        self.assertEqual(procedure.state, "effective")

    def test_staff_writes_an_sop_with_a_decision_in_one_pass(self):
        self.sop_user.sop_unit_ids = self.unit
        self.start_tour(
            "/odoo/action-sop_organisasi.sop_procedure_action/new",
            "sop_new_sop_one_pass_tour",
            login=self.sop_user.login,
        )
        procedure = self.Procedure.search([("name", "=", "Tour SOP Satu Kali Simpan")])
        self.assertEqual(len(procedure), 1)
        steps = procedure._get_ordered_steps()
        self.assertEqual(steps.mapped("code"), ["A.1", "A.2", "A.3", "A.4"], "no step lost")
        self.assertEqual(steps.mapped("kind"), ["start", "process", "decision", "end"])
        self.assertEqual(steps[2].return_step_id, steps[1])
