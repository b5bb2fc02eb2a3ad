from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TestSopCommon


@tagged("post_install", "-at_install")
class TestProcedureLifecycle(TestSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.reviewer_tier = cls.env.ref("sop_organisasi.tier_sop_review")
        cls.legal_tier = cls.env.ref("sop_organisasi.tier_sop_legal_approval")
        # the shipped tiers: administrators review, approving officials sign off
        cls.env["tier.definition"].search([("model", "=", "sop.procedure")]).active = False
        (cls.reviewer_tier | cls.legal_tier).active = True
        cls.procedure = cls._create_procedure()

    def _submit(self, procedure=None):
        procedure = procedure or self.procedure
        procedure.with_user(self.sop_user).action_submit()
        return procedure

    def test_submit_numbers_and_requests_tiers(self):
        self._submit()
        self.assertEqual(self.procedure.state, "review")
        self.assertTrue(self.procedure.number.startswith("065/SOP/417.112/"))
        reviews = self.procedure.review_ids.sorted("sequence")
        self.assertEqual(reviews.mapped("definition_id"), self.reviewer_tier | self.legal_tier)
        self.assertEqual(reviews[0].status, "pending")
        self.assertEqual(reviews[1].status, "waiting")

    def test_number_skips_numbers_in_use(self):
        sequence = self.env.ref("sop_organisasi.seq_sop_procedure")
        sequence.number_next_actual = 2  # 02 is the SKJ SOP of the seed
        self._submit()
        self.assertNotEqual(self.procedure.number, "065/SOP/417.112/02")
        self.assertEqual(self.procedure.number, "065/SOP/417.112/03")

    def test_cannot_become_effective_before_all_tiers(self):
        self._submit()
        with self.assertRaisesRegex(ValidationError, "validation process is still open"):
            self.procedure.with_user(self.sop_user).action_make_effective()
        self.procedure.with_user(self.sop_admin).validate_tier()
        self.assertEqual(self.procedure.state, "review")
        with self.assertRaises(ValidationError):
            self.procedure.with_user(self.sop_user).action_make_effective()

    def test_staff_cannot_validate_a_tier_that_is_not_theirs(self):
        self._submit()
        self.assertFalse(self.procedure.with_user(self.sop_user).can_review)
        self.procedure.with_user(self.sop_user).validate_tier()
        self.assertNotIn("approved", self.procedure.review_ids.mapped("status"))
        self.assertFalse(self.procedure.review_ids.done_by)
        # the approving official must wait for the review tier
        self.assertFalse(self.procedure.with_user(self.approver).can_review)
        self.procedure.with_user(self.approver).validate_tier()
        self.assertNotIn("approved", self.procedure.review_ids.mapped("status"))
        self.assertEqual(self.procedure.state, "review")

    def test_full_approval_makes_effective(self):
        self._submit()
        self.procedure.with_user(self.sop_admin).validate_tier()
        self.procedure.with_user(self.approver).validate_tier()
        self.assertEqual(self.procedure.validation_status, "validated")
        self.assertEqual(self.procedure.state, "effective")
        self.assertTrue(self.procedure.date_effective)
        self.assertEqual(self.procedure.review_ids.done_by, self.sop_admin | self.approver)

    def test_rejection_and_back_to_draft(self):
        self._submit()
        self.procedure.with_user(self.sop_admin).reject_tier()
        self.assertEqual(self.procedure.validation_status, "rejected")
        self.procedure.with_user(self.sop_user).action_back_to_draft()
        self.assertEqual(self.procedure.state, "draft")
        self.assertFalse(self.procedure.review_ids)
        # corrected and submitted again: a fresh round of reviews
        self.procedure.step_ids[0].name = "Menyiapkan konsep yang diperbaiki"
        self._submit()
        self.assertEqual(len(self.procedure.review_ids), 2)

    def test_no_edit_under_review(self):
        self._submit()
        with self.assertRaisesRegex(UserError, "only be changed while it is a draft"):
            self.procedure.step_ids[0].name = "Diubah saat direviu"

    def _make_effective(self, procedure):
        self._submit(procedure)
        procedure.with_user(self.sop_admin).validate_tier()
        procedure.with_user(self.approver).validate_tier()
        self.assertEqual(procedure.state, "effective")

    def test_effective_is_read_only(self):
        self._make_effective(self.procedure)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.procedure.name = "Nama baru"
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            self.procedure.state = "draft"
        with self.assertRaisesRegex(UserError, "only be changed while it is a draft"):
            self.procedure.step_ids[0].output = "Lain"
        with self.assertRaisesRegex(UserError, "only be changed while it is a draft"):
            self.procedure.line_ids[0].unlink()
        with self.assertRaisesRegex(UserError, "Only draft SOPs can be deleted"):
            self.procedure.unlink()

    def test_revision_supersedes_and_keeps_history(self):
        self._make_effective(self.procedure)
        old = self.procedure
        old_steps = [(s.code, s.name, s.role_id, s.kind, s.duration_display) for s in old._get_ordered_steps()]
        action = old.with_user(self.sop_user).action_revise()
        new = self.Procedure.browse(action["res_id"])
        self.assertEqual((new.state, new.number, new.revision_no), ("draft", old.number, old.revision_no + 1))
        self.assertEqual(new.previous_id, old)
        self.assertEqual(new.root_id, old)
        self.assertEqual(
            [(s.code, s.name, s.role_id, s.kind, s.duration_display) for s in new._get_ordered_steps()], old_steps
        )
        decision = new.step_ids.filtered(lambda s: s.kind == "decision")
        self.assertEqual(decision.return_step_id.procedure_id, new, "decisions point into the new version")
        self.assertEqual(len(new.line_ids), 2)
        with self.assertRaisesRegex(UserError, "already exists"):
            old.action_revise()
        # the new version changes; the old one does not
        new.step_ids.filtered(lambda s: s.kind == "start").name = "Menyiapkan konsep revisi"
        self.assertEqual(old._get_ordered_steps()[0].name, "Menyiapkan konsep")
        self._make_effective(new)
        self.assertEqual(old.state, "superseded")
        self.assertEqual(new.state, "effective")
        self.assertEqual(new.version_ids, new | old)
        self.assertEqual(new.version_count, 2)
        self.assertEqual(old._get_ordered_steps()[0].name, "Menyiapkan konsep")
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            old.name = "Diubah"
        with self.assertRaisesRegex(UserError, "Only an effective SOP can be revised"):
            old.action_revise()

    def test_revise_the_seeded_skj(self):
        skj = self.env.ref("sop_organisasi.sop_skj")
        new = self.Procedure.browse(skj.action_revise()["res_id"])
        self.assertEqual(new.revision_no, 2)
        self.assertEqual(len(new.step_ids), 26)
        self.assertEqual(
            new.step_ids.filtered(lambda s: s.kind == "decision").return_step_id.mapped("code"),
            ["A.2", "B.12"],
        )
        self.assertEqual(skj.state, "effective", "the old version stays effective until the new one is")

    def test_state_changes_are_tracked(self):
        self.env.cr.precommit.clear()
        procedure = self.procedure.with_env(self.env(context={}))
        procedure.action_submit()
        self.env.flush_all()
        self.cr.flush()
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "sop.procedure"),
                ("mail_message_id.res_id", "=", procedure.id),
                ("field_id.name", "=", "state"),
            ]
        )
        self.assertEqual(tracked.mapped("new_value_char"), ["Under Review"])
        self.assertEqual(tracked.old_value_char, "Draft")
