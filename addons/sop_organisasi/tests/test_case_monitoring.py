from datetime import datetime
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged
from odoo.tests.common import freeze_time

from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestCaseMonitoring(SopCaseRunCase):
    def _notices(self, case, partner):
        return case.message_ids.filtered(lambda m: partner in m.partner_ids and "overdue" in (m.body or ""))

    def test_overdue_step_notifies_the_manager_once(self):
        case = self._new_case()
        step = case.current_step_id
        self.assertEqual(step.user_ids, self.kasubbag)
        step.sudo().date_deadline = fields.Datetime.now() - timedelta(hours=1)
        cron = self.env.ref("sop_organisasi.ir_cron_sop_case_overdue")
        self.assertEqual(cron.model_id.model, "sop.case")
        self.env["sop.case"]._cron_notify_overdue()
        self.assertTrue(step.is_late)
        self.assertTrue(case.is_late)
        self.assertTrue(step.overdue_notified_date)
        self.assertEqual(len(self._notices(case, self.kabag.partner_id)), 1, "the actor's manager is told")
        self.env["sop.case"]._cron_notify_overdue()
        self.env["sop.case"]._cron_notify_overdue()
        self.assertEqual(len(self._notices(case, self.kabag.partner_id)), 1, "only once per step")
        # the late step stays late when finished
        step.with_user(self.kasubbag).action_finish()
        self.assertTrue(step.is_late)
        self.assertFalse(case.current_step_id.is_late)

    def test_steps_on_time_are_not_reported(self):
        case = self._new_case()
        case.current_step_id.sudo().date_deadline = fields.Datetime.now() + timedelta(days=1)
        notified = self.env["sop.case.step"]._notify_overdue()
        self.assertNotIn(case.current_step_id, notified)
        self.assertFalse(case.current_step_id.is_late)

    def test_no_manager_falls_back_to_the_case_responsible(self):
        case = self._new_case()
        self.kasubbag_emp.parent_id = False
        step = case.current_step_id
        step.sudo().date_deadline = datetime(2020, 1, 1)
        self.env["sop.case.step"]._notify_overdue()
        self.assertEqual(len(self._notices(case, self.sop_user.partner_id)), 1)

    def test_actual_and_standard_time_report(self):
        case = self._new_case()
        step = case.current_step_id
        self.assertEqual(step.standard_hours, 8.0, "1 hari = 8 working hours")
        # started Monday 10:00, finished Tuesday 11:00 -> 6 + 3 working hours
        step.sudo().write({"date_started": datetime(2026, 3, 2, 10, 0)})
        with freeze_time(datetime(2026, 3, 3, 11, 0)):
            step.with_user(self.kasubbag).action_finish()
        self.assertAlmostEqual(step.actual_hours, 9.0)
        groups = self.env["sop.case.step"]._read_group(
            [("case_id", "=", case.id), ("state", "=", "done")],
            ["procedure_id", "code", "role_id"],
            ["actual_hours:sum", "standard_hours:sum"],
        )
        self.assertEqual(len(groups), 1)
        self.assertEqual(groups[0][1], "A.1")
        self.assertAlmostEqual(groups[0][3], 9.0)
        self.assertAlmostEqual(groups[0][4], 8.0)
        late = self.env.ref("sop_organisasi.sop_case_step_action_late")
        self.assertEqual(late.res_model, "sop.case.step")

    def test_frozen_copy_survives_a_revision(self):
        case = self._new_case()
        a1 = case.step_ids.filtered(lambda s: s.code == "A.1")
        original = a1.name
        a4 = case.step_ids.filtered(lambda s: s.code == "A.4")
        self.assertEqual(a4.return_step_id.code, "A.2")
        self.assertEqual(a4.return_step_id.case_id, case, "the return target is a step of the same case")
        # revise the SOP: change a text, drop a step, make the revision effective
        new = self.env["sop.procedure"].browse(self.skj.action_revise()["res_id"])
        new_steps = {s.code: s for s in new.step_ids}
        new_steps["A.1"].name = "Teks baru hasil revisi"
        new_steps["A.1"].duration_qty = 3
        new_steps["B.17"].unlink()
        new.action_submit()
        new.with_user(self.sop_admin).validate_tier()
        if new.state != "effective":
            new.with_user(self.approver).validate_tier()
        self.assertEqual(new.state, "effective")
        self.assertEqual(self.skj.state, "superseded")
        case.invalidate_recordset()
        self.assertEqual(len(case.step_ids), 26)
        self.assertEqual(a1.name, original)
        self.assertEqual(a1.duration_qty, 1)
        self.assertEqual(case.procedure_id, self.skj)
        self.assertEqual(case.procedure_revision, 1)
        # the running case goes on with its frozen steps
        case.current_step_id.with_user(self.kasubbag).action_finish()
        self.assertEqual(case.current_step_id.code, "A.2")
        # the same OPD cannot run the new version in parallel; another OPD gets the new text
        new_case = self._new_case(opd=self.other_opd, procedure=new)
        self.assertEqual(len(new_case.step_ids), 25)
        self.assertEqual(new_case.step_ids[0].name, "Teks baru hasil revisi")
        self.assertEqual(new_case.procedure_revision, 2)
        self.assertTrue(
            new_case.step_ids.filtered(lambda s: s.code == "A.4").return_step_id in new_case.step_ids,
        )
