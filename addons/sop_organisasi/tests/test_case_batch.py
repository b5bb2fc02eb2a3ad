import re

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestCaseBatch(SopCaseRunCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opds = cls.env["hr.department"]
        for index in range(30):
            liaison = new_test_user(
                cls.env, f"liaison_{index:02d}", groups="sop_organisasi.group_sop_opd_user", name=f"Liaison {index:02d}"
            )
            cls.opds |= cls._create_opd(f"Dinas Uji {index:02d}", f"417.3{index:02d}", liaison)

    def _wizard(self, opds, **values):
        Wizard = self.env["sop.case.start.wizard"].with_user(self.sop_user)
        vals = {"procedure_id": self.skj.id, "opd_ids": [Command.set(opds.ids)], "year": 2026}
        vals.update(values)
        return Wizard.create(vals)

    def _skj_cases(self):
        return self.Case.search([("procedure_id", "=", self.skj.id)])

    def test_start_30_opds_at_once(self):
        before = len(self._skj_cases())
        action = self._wizard(self.opds).action_start()
        cases = self.Case.search(action["domain"])
        self.assertEqual(len(cases), 30)
        self.assertEqual(len(self._skj_cases()), before + 30)
        self.assertEqual(set(cases.mapped("state")), {"running"})
        self.assertEqual(cases.opd_id, self.opds)
        self.assertEqual(set(cases.mapped("current_step_code")), {"A.1"})
        self.assertEqual(set(cases.mapped("year")), {2026})
        for case in cases:
            self.assertEqual(len(case.step_ids), 26)
            self.assertEqual(case.user_id, self.sop_user)
            activities = self._step_activities(case.current_step_id)
            self.assertEqual(activities.user_id, self.kasubbag)
        # the OPD step of each case goes to that OPD's liaison
        a8 = cases[0].step_ids.filtered(lambda s: s.code == "A.8")
        self.assertEqual(a8._resolve_assignees(), cases[0].opd_id.liaison_user_ids)

    def _assert_nothing_started(self, opds, message):
        before = len(self._skj_cases())
        with self.assertRaisesRegex(UserError, re.compile(message, re.DOTALL)):
            self._wizard(opds).action_start()
        self.assertEqual(len(self._skj_cases()), before, "no case is created when one OPD is wrong")

    def test_one_unit_that_is_not_an_opd_stops_the_batch(self):
        bad = self.env["hr.department"].create(
            {"name": "Bagian Bukan OPD", "liaison_user_ids": [Command.set([self.liaison.id])]}
        )
        self._assert_nothing_started(self.opds | bad, "No case was started.*Bagian Bukan OPD is not an OPD")

    def test_one_opd_without_liaison_stops_the_batch(self):
        bad = self._create_opd("Dinas Tanpa Penghubung", "417.399")
        self._assert_nothing_started(self.opds | bad, "Dinas Tanpa Penghubung has no liaison users")

    def test_one_opd_with_an_open_case_stops_the_batch(self):
        existing = self._new_case(opd=self.opds[7])
        self._assert_nothing_started(self.opds, re.escape(f"Dinas Uji 07 already has the open case '{existing.name}'"))
        # another year is fine
        action = self._wizard(self.opds[:3], year=2027).action_start()
        self.assertEqual(len(self.Case.search(action["domain"])), 3)

    def test_failure_after_checks_rolls_back_everything(self):
        """A failure while starting (here an inactive liaison) leaves no half batch."""
        self.opds[29].liaison_user_ids.active = False
        self._assert_nothing_started(self.opds, "Dinas Uji 29 has no liaison users")

    def test_start_button_context_from_the_sop(self):
        wizard = (
            self.env["sop.case.start.wizard"]
            .with_user(self.sop_user)
            .with_context(active_model="sop.procedure", active_id=self.skj.id)
            .create({"opd_ids": [Command.set(self.opds[:1].ids)], "start_now": False})
        )
        self.assertEqual(wizard.procedure_id, self.skj)
        case = self.Case.search(wizard.action_start()["domain"])
        self.assertEqual(case.state, "draft")
        self.assertFalse(self._step_activities(case.step_ids[0]))
