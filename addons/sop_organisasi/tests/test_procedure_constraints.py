from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TestSopCommon


@tagged("post_install", "-at_install")
class TestProcedureConstraints(TestSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.procedure = cls._create_procedure()
        cls.section = cls.procedure.section_ids

    def test_step_numbers_follow_order(self):
        steps = self.procedure._get_ordered_steps()
        self.assertEqual(steps.mapped("code"), ["A.1", "A.2", "A.3", "A.4"])
        steps[0].sequence = 25
        self.assertEqual(
            self.procedure._get_ordered_steps().mapped("name")[:2], ["Menyampaikan konsep", "Menyiapkan konsep"]
        )
        self.assertEqual(steps[0].number, 2)

    def test_decision_without_return_step(self):
        with self.assertRaisesRegex(ValidationError, "is a decision: name the step it returns to"):
            self.env["sop.step"].create(self._step_vals(self.section, 35, "decision", self.role_head, "Memutuskan"))

    def test_return_step_only_for_decisions(self):
        process = self.procedure.step_ids.filtered(lambda s: s.kind == "process")
        with self.assertRaisesRegex(ValidationError, "is not a decision"):
            process.return_step_id = self.procedure.step_ids[0]

    def test_return_step_from_another_sop(self):
        other = self._create_procedure("Prosedur Lain", number="X/1")
        decision = self.procedure.step_ids.filtered(lambda s: s.kind == "decision")
        with self.assertRaisesRegex(ValidationError, "must belong to the same SOP"):
            decision.return_step_id = other.step_ids[0]

    def test_actor_must_be_an_executor_role(self):
        with self.assertRaisesRegex(ValidationError, "is not one of the executor roles"):
            self.env["sop.step"].create(self._step_vals(self.section, 50, "process", self.role_outsider, "Membantu"))

    def test_cannot_remove_a_role_that_acts(self):
        with self.assertRaisesRegex(ValidationError, "still perform steps"):
            self.procedure.role_ids = self.role_staff

    def test_duplicate_number(self):
        self.procedure.number = "065/SOP/417.112/90"
        with self.assertRaisesRegex(ValidationError, "already used by 'Pengujian Prosedur'"):
            self._create_procedure("Prosedur Kedua", number="065/SOP/417.112/90")

    def test_time_needs_a_unit(self):
        step = self.procedure.step_ids[0]
        with self.assertRaisesRegex(ValidationError, "quantity together with its unit"):
            step.duration_unit = False
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            step.write({"duration_qty": -2})

    def test_invalid_nip(self):
        with self.assertRaisesRegex(ValidationError, "is not valid"):
            self.procedure.signatory_nip = "19590109 198712 3 002"

    def test_return_step_cannot_be_deleted(self):
        with self.assertRaisesRegex(ValidationError, "is the return step of decision A.3"):
            self.procedure._get_ordered_steps()[0].unlink()

    def test_delete_draft_with_decisions(self):
        other = self._create_procedure("Prosedur Dihapus", number="X/3")
        steps = other.step_ids
        other.unlink()
        self.assertFalse(steps.exists())

    def test_submit_requires_a_complete_sop(self):
        empty = self.Procedure.create({"name": "Kosong", "unit_id": self.unit.id})
        with self.assertRaisesRegex(UserError, "has no procedure steps.*start step.*end step.*approving official"):
            empty.action_submit()
        self.assertEqual(empty.state, "draft")

    def test_related_sop_links(self):
        other = self._create_procedure("Prosedur Terkait", number="X/2")
        line = self.env["sop.procedure.line"].create(
            {
                "procedure_id": self.procedure.id,
                "kind": "related",
                "name": "SOP terkait",
                "related_procedure_id": other.id,
            }
        )
        self.assertEqual(self.procedure.related_procedure_ids, other)
        self.assertEqual(self.Procedure.search([("related_procedure_ids", "=", other.id)]), self.procedure)
        with self.assertRaisesRegex(ValidationError, "cannot be related to itself"):
            line.related_procedure_id = self.procedure
        with self.assertRaisesRegex(ValidationError, "Only 'Related SOP' lines"):
            line.write({"kind": "legal", "related_procedure_id": other.id})
