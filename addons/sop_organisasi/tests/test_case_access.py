from odoo.exceptions import AccessError
from odoo.tests import tagged

from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestCaseAccess(SopCaseRunCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls._new_case()
        cls.other_case = cls._new_case(opd=cls.other_opd)

    def test_opd_liaison_sees_only_its_own_cases_and_steps(self):
        Case = self.env["sop.case"].with_user(self.liaison)
        self.assertEqual(Case.search([]), self.case)
        Step = self.env["sop.case.step"].with_user(self.liaison)
        self.assertEqual(Step.search([]), self.case.step_ids)
        with self.assertRaises(AccessError):
            self.other_case.with_user(self.liaison).read(["name"])
        with self.assertRaises(AccessError):
            self.other_case.step_ids[0].with_user(self.liaison).read(["name"])
        self.assertEqual(self.env["sop.case"].with_user(self.other_liaison).search([]), self.other_case)

    def test_opd_liaison_cannot_create_or_change_cases(self):
        with self.assertRaises(AccessError):
            self.env["sop.case"].with_user(self.liaison).create({"procedure_id": self.skj.id, "opd_id": self.opd.id})
        with self.assertRaises(AccessError):
            self.case.with_user(self.liaison).write({"year": 2030})
        with self.assertRaises(AccessError):
            self.case.with_user(self.liaison).action_cancel()

    def test_sop_users_see_all_cases(self):
        cases = self.env["sop.case"].with_user(self.sop_user).search([])
        self.assertIn(self.case, cases)
        self.assertIn(self.other_case, cases)

    def test_plain_users_have_no_access(self):
        with self.assertRaises(AccessError):
            self.env["sop.case"].with_user(self.plain_user).search([])

    def test_opd_liaison_finishes_its_own_step(self):
        case = self.case
        a8 = case.step_ids.filtered(lambda s: s.code == "A.8")
        for step in case.step_ids.filtered(lambda s: s.sequence < a8.sequence):
            step.sudo().write({"state": "done"})
        self._step_activities(case.current_step_id).unlink()
        a8._activate()
        self.assertEqual(a8.user_ids, self.liaison)
        with self.assertRaises(AccessError):
            a8.with_user(self.other_liaison).action_finish()
        a8.with_user(self.liaison).write({"note": "Surat diterima bagian umum"})
        a8.with_user(self.liaison).action_finish()
        self.assertEqual(a8.state, "done")
        self.assertEqual(case.current_step_id.code, "B.1")

    def test_staff_cannot_approve_a_tier_that_is_not_theirs(self):
        b11 = self.case.step_ids.filtered(lambda s: s.code == "B.11")
        b11.sudo().write({"requires_approval": True})
        b11.sudo().write({"state": "current", "user_ids": [(6, 0, self.kabag.ids)]})
        b11.with_user(self.kabag).action_finish()
        self.assertEqual(b11.state, "to_approve")
        self.assertTrue(b11.review_ids)
        for staff in (self.sop_user, self.tim1, self.liaison):
            with self.assertRaises(AccessError):
                b11.with_user(staff).validate_tier()
        self.assertEqual(set(b11.review_ids.mapped("status")), {"pending"})
        self.assertEqual(b11.state, "to_approve")
        b11.with_user(self.approver).validate_tier()
        self.assertEqual(b11.state, "done")

    @staticmethod
    def _arch(model, view_type):
        arch = model.get_view(view_type=view_type)["arch"]
        return arch.decode() if isinstance(arch, bytes) else arch

    def test_views_load_for_a_liaison(self):
        Case = self.env["sop.case"].with_user(self.liaison)
        for view_type in ("kanban", "list", "form", "search"):
            self.assertIn("current_step", self._arch(Case, view_type))
        Step = self.env["sop.case.step"].with_user(self.sop_user)
        form = self._arch(Step, "form")
        self.assertIn("action_finish", form)
        self.assertIn("validate_tier", form, "the tier buttons are added to the step form")
        for view_type in ("pivot", "graph", "list"):
            self.assertIn("actual_hours", self._arch(Step, view_type))
        sop_form = self._arch(self.env["sop.procedure"].with_user(self.sop_user), "form")
        action = self.env.ref("sop_organisasi.sop_case_start_wizard_action")
        self.assertIn(f'name="{action.id}"', sop_form, "the 'Start Cases' button is on the SOP form")
