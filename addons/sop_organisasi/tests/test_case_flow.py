import base64

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged

from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestCaseFlow(SopCaseRunCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        steps = {step.code: step for step in cls.skj.step_ids}
        cls.step_a2 = steps["A.2"]
        cls.step_b11 = steps["B.11"]
        cls._write_locked(cls.step_a2, {"output_is_document": True})
        cls._write_locked(cls.step_b11, {"requires_approval": True})

    def _expected_users(self, step):
        if step.role_id == self.env.ref("sop_organisasi.role_opd"):
            return self.liaison
        return self.expected_users[step.role_id]

    def _check_current(self, case, code):
        step = case.current_step_id
        self.assertEqual(step.code, code)
        self.assertEqual(step.state, "current")
        self.assertEqual(case.step_ids.filtered(lambda s: s.state == "current"), step, "one current step at a time")
        expected = self._expected_users(step)
        self.assertEqual(step.user_ids, expected, f"assignees of {code}")
        activities = self._step_activities(step)
        self.assertEqual(activities.user_id, expected, f"one activity per assignee at {code}")
        self.assertEqual(len(activities), len(expected))
        self.assertEqual(activities.activity_type_id, self.activity_type)
        for activity in activities:
            self.assertIn(step.code, activity.note)
            self.assertIn(step.name.split()[0], activity.note)
            if step.output:
                self.assertIn(step.output.split()[0], activity.note)
            self.assertEqual(activity.date_deadline, step.date_deadline.date())
        self.assertTrue(step.date_deadline >= step.date_started)
        # all other open activities of the case belong to this step
        others = self.env["mail.activity"].search(
            [("res_model", "=", "sop.case"), ("res_id", "=", case.id), ("sop_case_step_id", "!=", step.id)]
        )
        self.assertFalse(others, f"no activity left of other steps at {code}")
        return step

    def _perform(self, case, step, first_a4):
        """Act on the current step as its first assignee, checking the outcome."""
        actor = step.user_ids[0]
        mine = step.with_user(actor)
        if step.output_is_document and not step.attachment_ids:
            with self.assertRaisesRegex(UserError, "attach it before finishing"):
                mine.action_finish()
            attachment = self.env["ir.attachment"].create(
                {
                    "name": "konsep_surat.pdf",
                    "datas": base64.b64encode(b"%PDF-1.4 konsep"),
                    "res_model": "sop.case.step",
                    "res_id": step.id,
                }
            )
            mine.write({"attachment_ids": [Command.link(attachment.id)]})
        if step.code == "A.4" and first_a4:
            with self.assertRaisesRegex(UserError, "reason"):
                mine.action_answer_no()
            mine.action_answer_no(reason="Konsep surat belum sesuai format")
            self.assertEqual(step.decision_answer, "no")
            self.assertEqual(step.no_count, 1)
            self.assertEqual(step.state, "waiting")
            self.assertEqual(case.current_step_id.code, "A.2", "'no' at A.4 goes back to A.2")
            self.assertEqual(case.step_ids.filtered(lambda s: s.code == "A.3").state, "waiting")
            return
        if step.kind == "decision":
            mine.action_answer_yes()
            self.assertEqual(step.decision_answer, "yes")
        else:
            mine.action_finish()
        if step.code == "B.11":
            self.assertEqual(step.state, "to_approve")
            self.assertEqual(case.current_step_id, step, "waits for the approval")
            with self.assertRaises(AccessError):
                step.with_user(self.tim1).validate_tier()
            self.assertEqual(step.state, "to_approve")
            step.with_user(self.approver).validate_tier()
        self.assertEqual(step.state, "done")
        self.assertTrue(step.date_finished)
        done_activities = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("sop_case_step_id", "=", step.id), ("active", "=", False)])
        )
        self.assertIn(actor, done_activities.user_id, "the actor's activity is kept as done")
        self.assertFalse(self._step_activities(step), "no open activity left on a finished step")

    def test_full_skj_case_with_a_no_loop(self):
        case = self._new_case()
        self.assertEqual(case.state, "running")
        self.assertEqual(len(case.step_ids), 26)
        self.assertTrue(case.date_deadline > case.date_start)
        visited = []
        guard = 0
        while case.state == "running":
            guard += 1
            self.assertLess(guard, 40, "the case must end")
            step = self._check_current(case, case.current_step_id.code)
            visited.append(step.code)
            self._perform(case, step, first_a4=visited.count("A.4") == 1)

        expected_order = (
            ["A.1", "A.2", "A.3", "A.4", "A.2", "A.3", "A.4"]
            + [f"A.{i}" for i in range(5, 9)]
            + [f"B.{i}" for i in range(1, 19)]
        )
        self.assertEqual(visited, expected_order)
        self.assertEqual(case.state, "done")
        self.assertTrue(case.date_done)
        self.assertFalse(case.current_step_id)
        self.assertEqual(set(case.step_ids.mapped("state")), {"done"})
        a2 = case.step_ids.filtered(lambda s: s.code == "A.2")
        self.assertEqual(a2.run_count, 2)
        self.assertEqual(case.step_ids.filtered(lambda s: s.code == "B.1").run_count, 1)
        self.assertFalse(self.env["mail.activity"].search([("res_model", "=", "sop.case"), ("res_id", "=", case.id)]))
        history = case.history_ids.sorted("id")
        self.assertEqual(len(history.filtered(lambda h: h.event == "start")), 29, "26 steps + A.2, A.3, A.4 again")
        self.assertEqual(len(history.filtered(lambda h: h.event == "finish")), 27, "B.11 ends in approval")
        no = history.filtered(lambda h: h.event == "answer_no")
        self.assertEqual(no.code, "A.4")
        self.assertEqual(no.note, "Konsep surat belum sesuai format")
        self.assertEqual(no.user_id, self.kabag)
        self.assertEqual(history.filtered(lambda h: h.event == "approval").code, "B.11")
        self.assertEqual(history.filtered(lambda h: h.event == "approved").user_id, self.approver)
        self.assertEqual(history[0].code, "A.1")
        self.assertEqual(history[-1].code, "B.18")
        self.assertEqual(
            self.env["sop.case.history"].with_user(self.other_liaison).search([("case_id", "=", case.id)]).ids, []
        )
        self.assertTrue(self.env["sop.case.history"].with_user(self.liaison).search([("case_id", "=", case.id)]))
        bodies = "\n".join(case.message_ids.mapped("body"))
        self.assertIn("Konsep surat belum sesuai format", bodies)
        self.assertIn("approved by", bodies)
        self.assertIn("The case is finished", bodies)

    def test_only_assignees_finish_their_step(self):
        case = self._new_case()
        step = case.current_step_id
        self.assertEqual(step.code, "A.1")
        with self.assertRaisesRegex(AccessError, "not to you"):
            step.with_user(self.analis).action_finish()
        with self.assertRaises(AccessError):
            step.with_user(self.other_liaison).action_finish()
        step.with_user(self.kasubbag).action_finish()
        self.assertEqual(case.current_step_id.code, "A.2")

    def test_rejected_approval_goes_back_to_work(self):
        case = self._new_case()
        b11 = case.step_ids.filtered(lambda s: s.code == "B.11")
        self.assertTrue(b11.requires_approval)
        # jump to B.11 as an administrator would
        for step in case.step_ids.filtered(lambda s: s.sequence < b11.sequence):
            step.sudo().write({"state": "done"})
        self._step_activities(case.current_step_id).unlink()
        b11._activate()
        b11.with_user(self.kabag).action_finish()
        self.assertEqual(b11.state, "to_approve")
        b11.with_user(self.approver).reject_tier()
        self.assertEqual(b11.state, "current")
        self.assertFalse(b11.review_ids, "the rejected reviews are dropped")
        b11.with_user(self.kabag).action_finish()
        self.assertEqual(b11.state, "to_approve")
        b11.with_user(self.approver).validate_tier()
        self.assertEqual(b11.state, "done")
        self.assertEqual(case.current_step_id.code, "B.12")

    def test_case_cannot_be_done_with_open_steps_and_cancel_closes_activities(self):
        case = self._new_case()
        with self.assertRaisesRegex(UserError, "open steps"):
            case.action_done()
        self.assertTrue(self._step_activities(case.current_step_id))
        step = case.current_step_id
        case.with_user(self.sop_user).action_cancel()
        self.assertEqual(case.state, "cancelled")
        self.assertFalse(
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("res_model", "=", "sop.case"), ("res_id", "=", case.id)])
        )
        self.assertEqual(step.state, "cancelled")
        self.assertIn("cancelled", case.message_ids[0].body)

    def test_only_effective_sops_and_real_opds(self):
        draft = self._create_procedure("SOP Draf Uji")
        with self.assertRaisesRegex(UserError, "effective"):
            self.Case.create({"procedure_id": draft.id, "opd_id": self.opd.id})
        not_opd = self.env["hr.department"].create({"name": "Bukan OPD"})
        with self.assertRaisesRegex(UserError, "not marked as an OPD"):
            self.Case.create({"procedure_id": self.skj.id, "opd_id": not_opd.id})
        case = self._new_case(start=False)
        self.assertEqual(case.name, "Penyusunan Standar Kompetensi Jabatan (SKJ) 2026 - Dinas Kesehatan Uji")
        with self.assertRaisesRegex(UserError, "already has an open case"):
            self._new_case(start=False)

    def test_marking_the_activity_done_finishes_the_step(self):
        case = self._new_case()
        a1 = case.current_step_id
        activity = self._step_activities(a1)
        activity.with_user(self.kasubbag).action_feedback(feedback="Penetapan OPD selesai")
        self.assertEqual(a1.state, "done")
        self.assertEqual(case.current_step_id.code, "A.2")
        self.assertIn("Penetapan OPD selesai", "\n".join(case.message_ids.mapped("body")))
        # a decision is answered on the step, not from its activity
        a4 = case.step_ids.filtered(lambda s: s.code == "A.4")
        self._step_activities(case.current_step_id).unlink()
        a4._activate()
        with self.assertRaisesRegex(UserError, "decision"):
            self._step_activities(a4).with_user(self.kabag).action_done()
        self.assertEqual(a4.state, "current")

    def test_changing_the_sop_of_a_draft_case_copies_its_steps(self):
        case = self._new_case(start=False)
        other = self._create_procedure("SOP Uji Lain")
        self._write_locked(other, {"state": "effective"})
        case.procedure_id = other
        self.assertEqual(len(case.step_ids), 4)
        self.assertEqual(case.step_ids.source_step_id.procedure_id, other)
        case.action_start()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            case.procedure_id = self.skj
