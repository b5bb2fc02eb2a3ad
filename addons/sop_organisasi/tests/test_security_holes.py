"""The second ring of holes (issue 16), each tried as the attacker did it, with a hostile context.

Each test fails on the code before its fix; see docs/security.md for the rules they prove.
"""

import base64
import io
from datetime import date

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .case_common import SopCaseRunCase

HOSTILE = {"skip_validation_check": True, "skip_check_state_condition": True, "tracking_disable": True}
PDF = base64.b64encode(b"%PDF-1.4 forged\n%%EOF\n")


@tagged("post_install", "-at_install")
class TestRightsFromUnits(SopCaseRunCase):
    """1. The fields of a unit that confer rights are the SOP Administrator's."""

    def test_liaison_cannot_make_himself_liaison_of_another_opd(self):
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            self.other_opd.with_user(self.liaison).with_context(**HOSTILE).write(
                {"liaison_user_ids": [Command.link(self.liaison.id)]}
            )
        self.assertNotIn(self.liaison, self.other_opd.liaison_user_ids)

    def test_sop_user_cannot_reparent_or_take_over_a_unit(self):
        for vals in (
            {"parent_id": self.opd.id},
            {"manager_id": self.kasubbag_emp.id},
            {"opd_code": "999.999"},
            {"is_opd": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.other_opd.with_user(self.sop_user).with_context(**HOSTILE).write(vals)
        self.assertFalse(self.other_opd.parent_id)
        self.assertEqual(self.other_opd.opd_code, "417.202")

    def test_hr_officer_keeps_hr_fields_and_admin_changes_are_tracked(self):
        officer = new_test_user(self.env, "hr_officer", groups="hr.group_hr_user")
        self.other_opd.with_user(officer).write({"name": "Dinas Pendidikan dan Kebudayaan Uji"})
        with self.assertRaises(AccessError):
            self.other_opd.with_user(officer).write({"liaison_user_ids": [Command.link(officer.id)]})
        self.other_opd.with_user(self.sop_admin).write({"liaison_user_ids": [Command.link(self.liaison.id)]})
        self.assertIn(self.liaison, self.other_opd.liaison_user_ids)
        self.assertIn(self.liaison.name, self.other_opd.message_ids[0].body, "the chatter says who was added")
        # a new unit gets its place in the tree, not liaisons
        new = self.env["hr.department"].with_user(officer).create({"name": "Sub Bagian Baru", "parent_id": self.opd.id})
        self.assertEqual(new.parent_id, self.opd)
        with self.assertRaises(AccessError):
            self.env["hr.department"].with_user(officer).create(
                {"name": "OPD Palsu", "is_opd": True, "liaison_user_ids": [Command.link(officer.id)]}
            )


class IssuedLetterCase(SopCaseRunCase):
    """A running SKJ case at step A.2 with its letter issued."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.case = cls._new_case()
        first = cls.case.current_step_id
        first.with_user(first.user_ids[0]).action_finish()
        cls.step = cls.case.current_step_id  # A.2, with its letter template
        cls.env.ref("sop_organisasi.sop_letter_template_skj_notification").unit_code = "999.420"
        action = cls.step.with_user(cls.kasubbag).action_generate_letter(date=date(2026, 3, 16))
        cls.letter = cls.env["sop.letter"].browse(action["res_id"])
        cls.pdf = cls.letter.attachment_id


@tagged("post_install", "-at_install")
class TestRightsFromRolesAndUnits(SopCaseRunCase):
    """1. Role definitions and users' SOP units confer rights: the SOP Administrator's, in the chatter."""

    def test_role_changes_are_tracked(self):
        role = self.env.ref("sop_organisasi.role_tim")
        with self.assertRaises(AccessError):
            role.with_user(self.sop_user).write({"resolution_type": "group"})
        job = self.env["hr.job"].create({"name": "Pranata Uji"})
        role.with_user(self.sop_admin).write({"job_ids": [Command.link(job.id)]})
        self.assertIn("Pranata Uji", role.message_ids[0].body)

    def test_sop_units_given_by_the_sop_administrator_only(self):
        user_admin = new_test_user(self.env, "user_admin_only", groups="base.group_user,base.group_erp_manager")
        with self.assertRaisesRegex(AccessError, "SOP units"):
            self.analis.with_user(user_admin).write({"sop_unit_ids": [Command.set(self.other_opd.ids)]})
        both = new_test_user(
            self.env,
            "sop_and_user_admin",
            groups="base.group_user,base.group_erp_manager,sop_organisasi.group_sop_manager",
        )
        self.analis.with_user(both).write({"sop_unit_ids": [Command.set(self.other_opd.ids)]})
        self.assertEqual(self.analis.sop_unit_ids, self.other_opd)
        self.assertIn(self.other_opd.name, self.analis.partner_id.message_ids[0].body)


@tagged("post_install", "-at_install")
class TestLockedFiles(IssuedLetterCase):
    """3. A case step's letter PDF and output documents follow the step's lock (one ir.attachment check)."""

    def test_nobody_replaces_or_deletes_a_letter_pdf(self):
        for user in (self.analis, self.kasubbag, self.sop_admin):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.pdf.with_user(user).with_context(**HOSTILE).write({"datas": PDF})
                with self.assertRaises(AccessError):
                    self.pdf.with_user(user).with_context(**HOSTILE).unlink()
        self.assertTrue(self.pdf.exists())
        self.assertNotEqual(self.pdf.datas, PDF)

    def test_output_documents_only_by_the_steps_people_while_it_runs(self):
        Attachment = self.env["ir.attachment"]
        values = {"name": "notulen.pdf", "datas": PDF, "res_model": "sop.case.step", "res_id": self.step.id}
        with self.assertRaises(AccessError):
            Attachment.with_user(self.analis).create(values)  # not an assignee of A.2
        own = Attachment.with_user(self.kasubbag).create(values)
        own.with_user(self.kasubbag).write({"datas": PDF})
        with self.assertRaises(AccessError):
            own.with_user(self.analis).unlink()
        self.step.with_user(self.kasubbag).action_finish()
        with self.assertRaises(UserError):
            own.with_user(self.kasubbag).write({"datas": base64.b64encode(b"later")})
        with self.assertRaises(UserError):
            own.with_user(self.kasubbag).unlink()


@tagged("post_install", "-at_install")
class TestIssuedLetters(IssuedLetterCase):
    """4. An issued letter is immutable; letters are created only by the step action or the letter screen."""

    def test_issued_letter_cannot_be_rewritten(self):
        for vals in (
            {"name": "800/99/999.420/2026"},
            {"agenda_no": 99},
            {"unit_code": "1"},
            {"date": date(2026, 1, 1)},
            {"signatory_name": "Orang Lain"},
            {"subject": "Ganti"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self.letter.with_user(self.sop_user).with_context(**HOSTILE).write(vals)
        self.assertEqual(self.letter.name, "800/1/999.420/2026")

    def test_no_letter_outside_the_workflow(self):
        with self.assertRaises(AccessError):
            self.env["sop.letter"].with_user(self.sop_user).with_context(**HOSTILE).create(
                {
                    "template_id": self.letter.template_id.id,
                    "unit_code": "999.420",
                    "agenda_no": 50,
                    "date": "2026-03-20",
                }
            )
        # the next letter takes the next number: nothing blocked the counter
        action = self.step.with_user(self.kasubbag).action_generate_letter(date=date(2026, 3, 17))
        self.assertEqual(self.env["sop.letter"].browse(action["res_id"]).name, "800/2/999.420/2026")

    def test_print_again_keeps_number_and_text(self):
        body = self.letter.body_html
        self.letter.with_user(self.sop_user).action_regenerate_pdf()
        self.assertNotEqual(self.letter.attachment_id, self.pdf)
        self.assertEqual((self.letter.name, self.letter.body_html), ("800/1/999.420/2026", body))


@tagged("post_install", "-at_install")
class TestTierOrder(SopCaseRunCase):
    """6. Every path to a review respects the approval sequence (base_tier_validation's comment wizard too)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        tiers = cls.env.ref("sop_organisasi.tier_sop_review") | cls.env.ref("sop_organisasi.tier_sop_legal_approval")
        cls.env["tier.definition"].search([("model", "=", "sop.procedure")]).active = False
        tiers.active = True
        cls.procedure = cls._create_procedure("Prosedur Berjenjang")
        cls.procedure.with_user(cls.sop_user).action_submit()
        cls.legal = cls.procedure.review_ids.filtered(
            lambda r: r.definition_id == cls.env.ref("sop_organisasi.tier_sop_legal_approval")
        )

    def test_comment_wizard_cannot_approve_out_of_turn(self):
        self.assertEqual(self.legal.status, "waiting")
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.approver)
            .with_context(**HOSTILE)
            .create(
                {
                    "res_model": "sop.procedure",
                    "res_id": self.procedure.id,
                    "review_ids": [Command.set(self.legal.ids)],
                    "validate_reject": "validate",
                    "comment": "setuju",
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "not your turn"):
            wizard.add_comment()
        self.assertEqual(self.legal.status, "waiting")
        self.assertEqual(self.procedure.state, "review")

    def test_waiting_review_is_not_moved_to_pending_out_of_turn(self):
        with self.assertRaises(AccessError):
            self.legal.with_user(self.approver).write({"status": "pending"})
        self.assertEqual(self.legal.status, "waiting")


@tagged("post_install", "-at_install")
class TestCaseResponsible(SopCaseRunCase):
    """11. The responsible of a case (who takes its unstaffed steps) is one of the Division's staff."""

    def test_outsiders_cannot_be_responsible(self):
        portal = new_test_user(self.env, "portal_resp", groups="base.group_portal")
        public = self.env.ref("base.public_user")
        for user in (portal, public, self.other_liaison):
            with self.subTest(user=user.login), self.assertRaises(ValidationError):
                wizard = (
                    self.env["sop.case.start.wizard"]
                    .with_user(self.sop_user)
                    .create({"procedure_id": self.skj.id, "opd_ids": [Command.set(self.opd.ids)], "user_id": user.id})
                )
                wizard.action_start()
        self.assertFalse(self.Case.search([("opd_id", "=", self.opd.id)]))
        case = self._new_case(start=False)
        with self.assertRaises(ValidationError):
            case.with_user(self.sop_user).write({"user_id": self.other_liaison.id})
        case.with_user(self.sop_user).write({"user_id": self.kasubbag.id})


@tagged("post_install", "-at_install")
class TestImportGuard(SopCaseRunCase):
    """9. An import obeys the form's guard and checks every value's range before writing."""

    def _workbook(self, revision):
        procedure = self._create_procedure("Prosedur Impor")
        book = openpyxl.load_workbook(io.BytesIO(procedure._export_xlsx()))
        sheet = book["Identitas"]
        for row in sheet.iter_rows():
            if row[0].value == "Revisi ke":
                row[1].value = revision
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def test_sop_user_cannot_import_a_revision_number(self):
        content = self._workbook(7)
        before = self.Procedure.search_count([])
        with self.assertRaisesRegex(UserError, "revision 0"):
            self.Procedure.with_user(self.sop_user).with_context(**HOSTILE)._import_xlsx(content)
        self.assertEqual(self.Procedure.search_count([]), before)

    def test_out_of_range_values_are_reported(self):
        with self.assertRaisesRegex(UserError, "between 0 and 999"):
            self.Procedure.with_user(self.sop_user)._import_xlsx(self._workbook(99999999999))


@tagged("post_install", "-at_install")
class TestLinkedDrafts(SopCaseRunCase):
    """10. A draft that an effective SOP links to (Keterkaitan) cannot change what that SOP prints."""

    def test_linked_draft_is_not_deleted_and_renaming_prints_nothing_new(self):
        draft = self._create_procedure("Prosedur Terkait")
        locked = self._create_procedure(
            "Prosedur Efektif",
            line_ids=[
                Command.create({"kind": "related", "name": "Prosedur Terkait", "related_procedure_id": draft.id})
            ],
        )
        self._write_locked(locked, {"state": "effective", "number": "065/SOP/UJI/77"})
        with self.assertRaisesRegex(UserError, "Keterkaitan"):
            draft.with_user(self.sop_user).unlink()
        self.assertEqual(locked._get_lines("related").related_procedure_id, draft)
        draft.with_user(self.sop_user).name = "Nama Baru"
        self.assertEqual(locked._get_lines("related").name, "Prosedur Terkait", "the printed text is the line's own")


@tagged("post_install", "-at_install")
class TestVoidLetter(IssuedLetterCase):
    """4. A correction is a void with a reason in the agenda book, then a new number."""

    def test_void_with_reason_then_new_number(self):
        wizard_action = self.letter.with_user(self.sop_user).action_open_void_wizard()
        wizard = (
            self.env["sop.letter.void.wizard"]
            .with_user(self.sop_user)
            .with_context(**wizard_action["context"])
            .create({"reason": ""})
        )
        with self.assertRaisesRegex(UserError, "reason"):
            wizard.action_void()
        wizard.reason = "Salah alamat tujuan"
        wizard.action_void()
        self.assertFalse(self.letter.exists())
        self.assertFalse(self.pdf.exists(), "the void letter's PDF leaves the step's documents")
        entry = self.env["sop.letter.agenda"].search([("unit_code", "=", "999.420"), ("agenda_no", "=", 1)])
        self.assertEqual(entry.state, "void")
        self.assertIn("Salah alamat tujuan", entry.void_reason)
        self.assertIn(self.sop_user.name, entry.void_reason)
        self.assertTrue(self.case.message_ids.filtered(lambda m: "Salah alamat tujuan" in (m.body or "")))
        action = self.step.with_user(self.kasubbag).action_generate_letter(date=date(2026, 3, 17))
        self.assertEqual(self.env["sop.letter"].browse(action["res_id"]).name, "800/2/999.420/2026")

    def test_liaison_cannot_void(self):
        with self.assertRaises(AccessError):
            self.letter.with_user(self.liaison).with_context(**HOSTILE)._void("tidak suka")
        self.assertTrue(self.letter.exists())
