from datetime import date

from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import tagged

from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestWorkflowGuard(SopCaseRunCase):
    """One guard (tools/workflow.py) for the workflow fields of SOPs, cases and assessment forms:
    a new record starts where its workflow starts (the form's defaults pass), no other value and no
    ``default_<field>`` context key sets them, and a copy starts from the defaults again."""

    def test_new_sop_case_from_the_form(self):
        """The case form's New/Save, with the default state the web client sends."""
        with Form(self.env["sop.case"].with_user(self.sop_user)) as form:
            form.procedure_id = self.skj
            form.opd_id = self.opd
        self.assertEqual(form.record.state, "draft")
        self.assertEqual(len(form.record.step_ids), len(self.skj.step_ids))

    def test_case_default_state_key_is_dropped(self):
        Case = self.Case.with_user(self.sop_user).with_context(default_state="done")
        case = Case.create({"procedure_id": self.skj.id, "opd_id": self.opd.id})
        self.assertEqual(case.state, "draft")
        with self.assertRaisesRegex(UserError, "State"):
            self.Case.with_user(self.sop_user).create(
                {"procedure_id": self.skj.id, "opd_id": self.opd.id, "year": 2030, "state": "done"}
            )

    def test_sop_default_keys_are_dropped(self):
        """A SOP User cannot create an effective SOP of revision 9 after the SKJ through context keys."""
        Procedure = self.Procedure.with_user(self.sop_user).with_context(
            default_state="effective", default_revision_no=9, default_previous_id=self.skj.id
        )
        sop = Procedure.create({"name": "Prosedur Konteks", "unit_id": self.unit.id})
        self.assertEqual((sop.state, sop.revision_no, sop.previous_id), ("draft", 0, self.Procedure))
        with self.assertRaisesRegex(UserError, "workflow"):
            self.Procedure.with_user(self.sop_user).create(
                {"name": "Prosedur Efektif", "unit_id": self.unit.id, "state": "effective"}
            )

    def test_monitoring_copy_and_default_state(self):
        Monitoring = self.env["sop.monitoring"].with_user(self.sop_user)
        values = {"unit_id": self.unit.id, "year": 2026, "semester": "1", "date": date(2026, 7, 10)}
        done = Monitoring.with_context(default_state="done").create(values)
        self.assertEqual(done.state, "draft", "the context key sets nothing")
        done.sudo().write({"state": "done"})  # finished by its workflow
        copy = done.copy()
        self.assertEqual(copy.state, "draft", "a copy is a new draft")

    def test_evaluation_default_revision_key_is_dropped(self):
        procedure = self._create_procedure("Prosedur Dievaluasi")
        self._write_locked(procedure, {"state": "effective", "number": "065/SOP/UJI/09"})
        Evaluation = self.env["sop.evaluation"].with_user(self.sop_user)
        evaluation = Evaluation.with_context(default_revision_id=self.skj.id, default_state="done").create(
            {"procedure_id": procedure.id}
        )
        self.assertEqual((evaluation.state, evaluation.revision_id), ("draft", self.Procedure))
        self.assertEqual(len(evaluation.line_ids), 7)
