"""Access through the ORM as each kind of user, with a hostile context, and over JSON-RPC.

A client may send any context key over RPC: none of them opens a lock. Every call below
runs as a real user (``with_user``) with :data:`HOSTILE`; what it may do is decided by the
server (groups, record rules, the workflow of each model). See docs/security.md.
"""

import base64
import json
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .case_common import SopCaseRunCase

# every context key that opens, or once opened, a lock somewhere
HOSTILE = {
    "sop_allow_locked_write": True,
    "install_mode": True,
    "tracking_disable": True,
    "skip_validation_check": True,
    "skip_check_state_condition": True,
    "sop_copying_revision": True,
}
OK, DENIED, ACCESS = "ok", "denied", "access"  # DENIED: any UserError (AccessError included)
USERS = ("opd", "sop_user", "approver", "admin", "portal", "public")


class _Undo(Exception):
    """Raised to roll back a call that succeeded."""


class RpcAccessCase(SopCaseRunCase):
    """An SOP of each state in the SOP user's unit and in another unit, cases, forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal = new_test_user(cls.env, "sop_portal", groups="base.group_portal")
        cls.public = cls.env.ref("base.public_user")
        cls.users = {
            "opd": cls.liaison,  # an OPD user, liaison of the OPD of cls.case
            "sop_user": cls.sop_user,  # maintains the SOPs of cls.unit
            "approver": cls.approver,  # SOP Approving Official, no unit of their own
            "admin": cls.sop_admin,
            "portal": cls.portal,
            "public": cls.public,
        }
        cls.own_draft = cls._create_procedure("SOP Draf Sendiri")
        cls.foreign_draft = cls._create_procedure("SOP Draf Unit Lain", unit_id=cls.other_unit.id)
        cls.own_effective = cls._create_effective("SOP Efektif Sendiri", "065/SOP/UJI/91", cls.unit)
        cls.foreign_effective = cls._create_effective("SOP Efektif Unit Lain", "065/SOP/UJI/92", cls.other_unit)
        cls.own_review = cls._create_procedure("SOP Ditinjau Sendiri")
        cls.own_review.with_user(cls.sop_user).action_submit()
        # cases of the seeded SKJ SOP: A.1 is current, assigned to its actor
        cls.case = cls._new_case()
        cls.step = cls.case.current_step_id
        cls.actor = cls.step.user_ids
        cls.other_case = cls._new_case(opd=cls.other_opd)
        cls.draft_case = cls._new_case(opd=cls.other_opd, start=False, year=2025)
        cls.cancelled_case = cls._new_case(start=False, year=2024)
        cls.cancelled_case.action_cancel()
        # assessment forms of the unit
        cls.monitoring = cls._create_monitoring(2026)
        cls.done_monitoring = cls._create_monitoring(2025)
        cls.done_monitoring.action_done()
        cls.evaluation = cls._create_evaluation()
        cls.done_evaluation = cls._create_evaluation()
        cls.done_evaluation.action_done()

    @classmethod
    def _create_effective(cls, name, number, unit):
        procedure = cls._create_procedure(name, unit_id=unit.id)
        cls._write_locked(procedure, {"state": "effective", "number": number, "date_effective": date(2026, 1, 5)})
        return procedure

    @classmethod
    def _create_monitoring(cls, year):
        return cls.env["sop.monitoring"].create(
            {
                "unit_id": cls.unit.id,
                "year": year,
                "semester": "1",
                "line_ids": [Command.create({"procedure_id": cls.own_effective.id, "assessment": "good"})],
            }
        )

    @classmethod
    def _create_evaluation(cls):
        evaluation = cls.env["sop.evaluation"].create({"procedure_id": cls.own_effective.id, "outcome": "revise"})
        evaluation.line_ids.write({"answer": "yes"})
        return evaluation

    # ------------------------------------------------------------ helpers
    def _as(self, user, records):
        return records.with_user(user).with_context(**HOSTILE)

    def _attempt(self, func):
        """Run ``func`` and roll it back; return the UserError it raised, or None."""
        try:
            with self.env.cr.savepoint():
                func()
                raise _Undo
        except _Undo:
            return None
        except UserError as error:
            return error
        finally:
            self.env.invalidate_all(flush=False)

    def _check_table(self, rows):
        """``rows``: (label, call(user), {user key: OK | DENIED | ACCESS}); unlisted users get ACCESS."""
        for label, call, expected in rows:
            for key in USERS:
                outcome = expected.get(key, ACCESS)
                with self.subTest(call=label, user=key):
                    error = self._attempt(lambda call=call, key=key: call(self.users[key]))
                    if outcome == OK:
                        self.assertIsNone(error, f"{label} as {key}: {error}")
                    elif outcome == ACCESS:
                        self.assertIsInstance(error, AccessError, f"{label} as {key} must raise an AccessError")
                    else:
                        self.assertIsInstance(error, UserError, f"{label} as {key} must be refused")

    def _assert_refused(self, func, exception=UserError):
        with self.assertRaises(exception):
            with self.env.cr.savepoint():
                func()
        self.env.invalidate_all(flush=False)


@tagged("post_install", "-at_install")
class TestRpcAccessHoles(RpcAccessCase):
    """The four holes of issue 9, each refused whatever context the client sends."""

    # 1. an effective SOP edited with the context key once used internally
    def test_effective_sop_content_and_identity_stay_locked(self):
        step = self.own_effective.step_ids.filtered(lambda s: s.kind == "process")
        section = self.own_effective.section_ids
        for key in ("sop_user", "approver", "admin"):
            user = self.users[key]
            with self.subTest(user=key):
                self._assert_refused(lambda user=user: self._as(user, step).write({"name": "Diubah lewat RPC"}))
                self._assert_refused(lambda user=user: self._as(user, self.own_effective).write({"name": "Nama baru"}))
                self._assert_refused(
                    lambda user=user: self._as(user, self.own_effective).write({"signatory_name": "Orang Lain"})
                )
                self._assert_refused(
                    lambda user=user: self._as(user, self.env["sop.procedure.line"]).create(
                        {"procedure_id": self.own_effective.id, "kind": "legal", "name": "Dasar baru"}
                    )
                )
                self._assert_refused(
                    lambda user=user: self._as(user, self.env["sop.section"]).create(
                        {"procedure_id": self.own_effective.id, "name": "Bagian baru"}
                    )
                )
                self._assert_refused(lambda user=user: self._as(user, section).write({"name": "Diubah"}))
                self._assert_refused(lambda user=user: self._as(user, step).unlink())
        self.assertEqual(step.name, "Menyampaikan konsep")
        self.assertEqual(self.own_effective.name, "SOP Efektif Sendiri")
        self.assertEqual(len(self.own_effective.line_ids), 2)
        self.assertEqual(len(self.own_effective.section_ids), 1)

    # 2. a draft made effective (or numbered, or chained to another version) by a write
    def test_state_and_workflow_fields_only_through_the_workflow(self):
        Procedure = self.env["sop.procedure"]
        for key in ("sop_user", "admin"):
            user = self.users[key]
            draft = self._as(user, self.own_draft)
            with self.subTest(user=key):
                for vals in (
                    {"state": "effective"},
                    {"state": "review"},
                    {"state": "superseded"},
                    {"revision_no": 3},
                    {"previous_id": self.own_effective.id},
                    {"review_ids": [Command.clear()]},
                ):
                    self._assert_refused(lambda draft=draft, vals=vals: draft.write(vals))
                self._assert_refused(lambda user=user: self._as(user, self.own_review).write({"state": "effective"}))
                self._assert_refused(lambda user=user: self._as(user, self.own_review).write({"number": "X/1"}))
                self._assert_refused(lambda user=user: self._as(user, self.own_effective).write({"state": "draft"}))
                for vals in (
                    {"state": "effective"},
                    {"previous_id": self.own_effective.id},
                    {"revision_no": 2},
                ):
                    self._assert_refused(
                        lambda user=user, vals=vals: self._as(user, Procedure).create(
                            dict(vals, name="SOP langsung efektif", unit_id=self.unit.id)
                        )
                    )
        self.assertEqual(self.own_draft.state, "draft")
        self.assertFalse(self.own_draft.number)
        self.assertEqual(self.own_review.state, "review")
        self.assertFalse(Procedure.search([("name", "=", "SOP langsung efektif")]))

    def test_reviews_of_an_sop_are_not_written_by_its_author(self):
        reviews = self.own_review.review_ids
        self.assertTrue(reviews)
        Review = self.env["tier.review"]
        for vals in ({"status": "approved", "done_by": self.sop_admin.id}, {"reviewer_id": self.sop_user.id}):
            self._assert_refused(lambda vals=vals: self._as(self.sop_user, reviews).write(vals), AccessError)
        self._assert_refused(lambda: self._as(self.sop_user, reviews).unlink(), AccessError)
        self._assert_refused(
            lambda: self._as(self.sop_user, Review).create(
                {"model": "sop.procedure", "res_id": self.own_review.id, "definition_id": reviews[0].definition_id.id}
            ),
            AccessError,
        )
        self._assert_refused(lambda: self._as(self.sop_user, self.own_review).action_make_effective())
        self.assertEqual(set(reviews.mapped("status")), {"pending", "waiting"})
        self.assertEqual(self.own_review.state, "review")

    def test_under_review_the_tier_lock_holds_against_its_context_key(self):
        self._assert_refused(lambda: self._as(self.sop_user, self.own_review).write({"name": "Diubah saat ditinjau"}))
        self.assertEqual(self.own_review.name, "SOP Ditinjau Sendiri")

    def test_workflow_still_runs_with_any_context(self):
        draft = self._as(self.sop_user, self.own_draft)
        draft.number = "065/SOP/UJI/95"  # typed in before submission
        draft.action_submit()
        self.assertEqual(self.own_draft.state, "review")
        for reviewer in (self.sop_admin, self.approver):
            self._as(reviewer, self.own_draft).validate_tier()
        self.assertEqual(self.own_draft.state, "effective")
        self.assertEqual(self.own_draft.number, "065/SOP/UJI/95")
        action = self._as(self.sop_user, self.own_draft).action_revise()
        revision = self.env["sop.procedure"].browse(action["res_id"])
        self.assertEqual((revision.state, revision.revision_no, revision.previous_id), ("draft", 1, self.own_draft))
        self.assertEqual(len(revision.step_ids), 4)
        self.assertEqual(revision.step_ids.filtered("return_step_id").return_step_id.procedure_id, revision)

    # 3. another unit's SOP changed through its content
    def test_content_follows_the_unit_of_its_sop(self):
        step = self.foreign_draft.step_ids.filtered(lambda s: s.kind == "process")
        section = self.foreign_draft.section_ids
        user = self.sop_user
        self._assert_refused(lambda: self._as(user, step).write({"name": "Diubah"}), AccessError)
        self._assert_refused(lambda: self._as(user, step).unlink(), AccessError)
        self._assert_refused(lambda: self._as(user, section).write({"name": "Diubah"}), AccessError)
        self._assert_refused(lambda: self._as(user, self.foreign_draft.line_ids[0]).write({"name": "x"}), AccessError)
        self._assert_refused(
            lambda: self._as(user, self.env["sop.section"]).create(
                {"procedure_id": self.foreign_draft.id, "name": "Bagian baru"}
            ),
            AccessError,
        )
        self._assert_refused(
            lambda: self._as(user, self.env["sop.procedure.line"]).create(
                {"procedure_id": self.foreign_draft.id, "kind": "warning", "name": "Peringatan baru"}
            ),
            AccessError,
        )
        self._assert_refused(
            lambda: self._as(user, self.env["sop.step"]).create(
                self._step_vals(section, 25, "process", self.role_staff, "Langkah sisipan")
            ),
            AccessError,
        )
        # moving own content into the other unit's SOP, or the SOP itself into the other unit
        own_step = self.own_draft.step_ids.filtered(lambda s: s.kind == "process")
        self._assert_refused(lambda: self._as(user, own_step).write({"section_id": section.id}), AccessError)
        own_line = self.own_draft.line_ids[0]
        self._assert_refused(
            lambda: self._as(user, own_line).write({"procedure_id": self.foreign_draft.id}), AccessError
        )
        self._assert_refused(lambda: self._as(user, self.own_draft).write({"unit_id": self.other_unit.id}), AccessError)
        self.assertEqual(step.name, "Menyampaikan konsep")
        self.assertEqual(own_step.procedure_id, self.own_draft)
        self.assertEqual(len(self.foreign_draft.section_ids), 1)
        # the own unit's content stays editable
        self._as(user, own_step).write({"name": "Menyampaikan konsep yang diperbaiki"})
        self._as(user, self.env["sop.procedure.line"]).create(
            {"procedure_id": self.own_draft.id, "kind": "warning", "name": "Peringatan"}
        )
        self.assertEqual(len(self.own_draft.line_ids), 3)

    # 4. OPD liaisons (and SOP users) rewriting the frozen case steps
    def test_case_steps_move_only_through_their_actions(self):
        step = self.step
        for key in ("opd", "sop_user", "admin"):
            user = self.users[key]
            with self.subTest(user=key):
                for vals in (
                    {"state": "done"},
                    {"date_finished": "2026-03-02 10:00:00"},
                    {"name": "Langkah lain"},
                    {"user_ids": [Command.set(user.ids)]},
                    {"case_id": self.other_case.id},
                    {"decision_answer": "yes"},
                    {"duration_qty": 99},
                ):
                    self._assert_refused(lambda user=user, vals=vals: self._as(user, step).write(vals), AccessError)
                self._assert_refused(
                    lambda user=user: self._as(user, self.env["sop.case.step"]).create(
                        {"case_id": self.case.id, "name": "Langkah tambahan"}
                    ),
                    AccessError,
                )
                self._assert_refused(lambda user=user: self._as(user, step).unlink(), AccessError)
        self.assertEqual((step.state, step.case_id, step.user_ids), ("current", self.case, self.actor))
        self.assertEqual(len(self.case.step_ids), 26)
        # what an actor may still do: notes, output documents, the step buttons
        self._as(self.liaison, step).write({"note": "Catatan penghubung"})
        attachment = self.env["ir.attachment"].with_user(self.actor).create({"name": "konsep.pdf", "raw": b"%PDF-1"})
        self._as(self.actor, step).write({"attachment_ids": [Command.link(attachment.id)]})
        self._assert_refused(
            lambda: self._as(self.liaison, step).write({"attachment_ids": [Command.clear()]}), AccessError
        )
        self._as(self.actor, step).action_finish()
        self.assertEqual(step.state, "done")

    def test_cases_move_only_through_their_actions(self):
        for key in ("sop_user", "admin"):
            user = self.users[key]
            with self.subTest(user=key):
                for vals in (
                    {"state": "done"},
                    {"current_step_id": False},
                    {"date_deadline": "2030-01-01 00:00:00"},
                    {"is_late": False},
                    {"procedure_number": "X"},
                    {"year": 2030},
                ):
                    self._assert_refused(lambda user=user, vals=vals: self._as(user, self.case).write(vals))
                self._assert_refused(
                    lambda user=user: self._as(user, self.env["sop.case"]).create(
                        {"procedure_id": self.skj.id, "opd_id": self.other_opd.id, "year": 2021, "state": "running"}
                    )
                )
                self._assert_refused(lambda user=user: self._as(user, self.cancelled_case).write({"period": "S2"}))
        self._as(self.sop_user, self.case).write({"user_id": self.tim1.id})  # the responsible of an open case
        self.assertEqual(self.case.state, "running")
        self.assertEqual(self.case.current_step_id, self.step)

    def test_case_history_is_read_only(self):
        history = self.case.history_ids[:1]
        self.assertTrue(history)
        for key in ("opd", "sop_user", "admin"):
            user = self.users[key]
            with self.subTest(user=key):
                self._as(user, history).read(["event"])
                self._assert_refused(lambda user=user: self._as(user, history).write({"note": "x"}), AccessError)
                self._assert_refused(lambda user=user: self._as(user, history).unlink(), AccessError)
                self._assert_refused(
                    lambda user=user: self._as(user, self.env["sop.case.history"]).create(
                        {"case_id": self.case.id, "event": "finish"}
                    ),
                    AccessError,
                )

    def test_assessment_forms_move_only_through_their_actions(self):
        user = self.sop_user
        self._assert_refused(lambda: self._as(user, self.monitoring).write({"state": "done"}))
        self._assert_refused(lambda: self._as(user, self.done_monitoring).write({"note": "<p>x</p>"}))
        self._assert_refused(lambda: self._as(user, self.done_monitoring.line_ids).write({"note": "x"}))
        self._assert_refused(lambda: self._as(user, self.monitoring.line_ids).write({"reviewer_id": self.sop_admin.id}))
        self._assert_refused(lambda: self._as(user, self.evaluation).write({"state": "done"}))
        self._assert_refused(lambda: self._as(user, self.evaluation).write({"revision_id": self.own_effective.id}))
        self._assert_refused(lambda: self._as(user, self.done_evaluation.line_ids[0]).write({"answer": "no"}))
        self._assert_refused(lambda: self._as(user, self.evaluation.line_ids[0]).write({"name": "Kriteria lain"}))
        self._as(user, self.monitoring.line_ids).action_sign()
        self.assertEqual(self.monitoring.line_ids.reviewer_id, self.sop_user)
        self.assertEqual(self.done_monitoring.state, "done")
        self.assertEqual(self.done_evaluation.line_ids.mapped("answer"), ["yes"] * 7)


@tagged("post_install", "-at_install")
class TestRpcAccessMatrix(RpcAccessCase):
    """read / write / create / unlink and every action, for each group (docs/security.md)."""

    def _crud_rows(self, label, records, write_vals, create_vals, expected):
        """Four rows (read, write, create, unlink) of one model; ``expected`` maps each operation."""
        model = self.env[records._name]
        return [
            (f"{label}.read", lambda u: self._as(u, records).read(list(write_vals)), expected["read"]),
            (f"{label}.write", lambda u: self._as(u, records).write(write_vals), expected["write"]),
            (f"{label}.create", lambda u: self._as(u, model).create(dict(create_vals)), expected["create"]),
            (f"{label}.unlink", lambda u: self._as(u, records).unlink(), expected["unlink"]),
        ]

    def test_sop_library_crud(self):
        readers = {"opd": OK, "sop_user": OK, "approver": OK, "admin": OK}
        editors = {"sop_user": OK, "admin": OK}
        section = self.own_draft.section_ids
        rows = []
        rows += [("sop.procedure.read effective", lambda u: self._as(u, self.own_effective).read(["name"]), readers)]
        rows += [
            (
                "sop.procedure.read draft",
                lambda u: self._as(u, self.own_draft).read(["name"]),
                dict(readers, opd=ACCESS),
            )
        ]
        rows += self._crud_rows(
            "sop.procedure",
            self.own_draft,
            {"note": "<p>Catatan</p>"},
            {"name": "SOP Baru", "unit_id": self.unit.id},
            {"read": dict(readers, opd=ACCESS), "write": editors, "create": editors, "unlink": editors},
        )
        rows += [
            (
                "sop.procedure.write other unit",
                lambda u: self._as(u, self.foreign_draft).write({"note": "<p>x</p>"}),
                {"admin": OK},
            )
        ]
        for label, records, vals, create_vals in (
            ("sop.section", section, {"name": "PELAKSANAAN BARU"}, {"procedure_id": self.own_draft.id, "name": "B"}),
            (
                "sop.procedure.line",
                self.own_draft.line_ids[:1],
                {"name": "Dasar hukum baru"},
                {"procedure_id": self.own_draft.id, "kind": "equipment", "name": "Komputer"},
            ),
            (
                "sop.step",
                self.own_draft.step_ids.filtered(lambda s: s.kind == "process"),
                {"name": "Langkah diubah"},
                self._step_vals(section, 25, "process", self.role_staff, "Langkah baru"),
            ),
        ):
            rows += self._crud_rows(
                label,
                records,
                vals,
                create_vals,
                {"read": dict(readers, opd=ACCESS), "write": editors, "create": editors, "unlink": editors},
            )
        effective_step = self.own_effective.step_ids[:1]
        rows += [("sop.step.read effective", lambda u: self._as(u, effective_step).read(["name"]), readers)]
        rows += self._crud_rows(
            "sop.role",
            self.role_outsider,
            {"name": "Orang Luar Baru"},
            {"name": "Peran Baru", "resolution_type": "employee"},
            {"read": readers, "write": {"admin": OK}, "create": {"admin": OK}, "unlink": {"admin": OK}},
        )
        self._check_table(rows)

    def test_case_crud(self):
        sop_users = {"sop_user": OK, "approver": OK, "admin": OK}
        rows = self._crud_rows(
            "sop.case",
            self.draft_case,
            {"period": "Semester 2"},
            {"procedure_id": self.skj.id, "opd_id": self.opd.id, "year": 2023},
            {"read": sop_users, "write": sop_users, "create": sop_users, "unlink": {"admin": OK}},
        )
        rows += [("sop.case.read own OPD", lambda u: self._as(u, self.case).read(["name"]), dict(sop_users, opd=OK))]
        rows += self._crud_rows(
            "sop.case.step",
            self.step,
            {"note": "Catatan"},
            {"case_id": self.case.id, "name": "Langkah tambahan"},
            {"read": dict(sop_users, opd=OK), "write": dict(sop_users, opd=OK), "create": {}, "unlink": {}},
        )
        rows += self._crud_rows(
            "sop.case.history",
            self.case.history_ids[:1],
            {"note": "x"},
            {"case_id": self.case.id, "event": "finish"},
            {"read": dict(sop_users, opd=OK), "write": {}, "create": {}, "unlink": {}},
        )
        self._check_table(rows)

    def test_assessment_crud(self):
        unit_users = {"sop_user": OK, "admin": OK}
        readers = {"sop_user": OK, "approver": OK, "admin": OK}
        rows = self._crud_rows(
            "sop.monitoring",
            self.monitoring,
            {"method": "meeting"},
            {"unit_id": self.unit.id, "year": 2024, "semester": "2"},
            {"read": readers, "write": unit_users, "create": unit_users, "unlink": unit_users},
        )
        rows += self._crud_rows(
            "sop.monitoring.line",
            self.monitoring.line_ids,
            {"note": "Berjalan"},
            {"monitoring_id": self.monitoring.id, "procedure_id": self.foreign_effective.id},
            {"read": readers, "write": unit_users, "create": unit_users, "unlink": unit_users},
        )
        rows += self._crud_rows(
            "sop.evaluation",
            self.evaluation,
            {"action_note": "Direvisi"},
            {"procedure_id": self.own_effective.id},
            {"read": readers, "write": unit_users, "create": unit_users, "unlink": unit_users},
        )
        rows += [
            (
                "sop.evaluation.line.write",
                lambda u: self._as(u, self.evaluation.line_ids[:1]).write({"note": "Catatan"}),
                unit_users,
            )
        ]
        self._check_table(rows)

    def test_procedure_actions(self):
        editors = {"sop_user": OK, "admin": OK}
        readers = {"opd": OK, "sop_user": OK, "approver": OK, "admin": OK}
        self._check_table(
            [
                ("action_submit", lambda u: self._as(u, self.own_draft).action_submit(), editors),
                ("action_submit other unit", lambda u: self._as(u, self.foreign_draft).action_submit(), {"admin": OK}),
                ("action_back_to_draft", lambda u: self._as(u, self.own_review).action_back_to_draft(), editors),
                (
                    "action_make_effective before approval",
                    lambda u: self._as(u, self.own_review).action_make_effective(),
                    {"sop_user": DENIED, "admin": DENIED},
                ),
                ("request_validation", lambda u: self._as(u, self.own_review).request_validation(), editors),
                ("restart_validation", lambda u: self._as(u, self.own_review).restart_validation(), editors),
                ("action_revise", lambda u: self._as(u, self.own_effective).action_revise(), editors),
                (
                    "action_revise other unit",
                    lambda u: self._as(u, self.foreign_effective).action_revise(),
                    {"admin": OK},
                ),
                ("action_view_versions", lambda u: self._as(u, self.own_effective).action_view_versions(), readers),
                (
                    "action_view_evaluations",
                    lambda u: self._as(u, self.own_effective).action_view_evaluations(),
                    readers,
                ),
                ("sop.role.action_view_steps", lambda u: self._as(u, self.role_staff).action_view_steps(), readers),
            ]
        )

    def test_case_actions(self):
        sop_users = {"sop_user": OK, "approver": OK, "admin": OK}
        start_wizard = self.env["sop.case.start.wizard"]
        self._check_table(
            [
                ("sop.case.action_start", lambda u: self._as(u, self.draft_case).action_start(), sop_users),
                ("sop.case.action_cancel", lambda u: self._as(u, self.case).action_cancel(), sop_users),
                (
                    "sop.case.action_done with open steps",
                    lambda u: self._as(u, self.case).action_done(),
                    {"sop_user": DENIED, "approver": DENIED, "admin": DENIED},
                ),
                (
                    "sop.case.action_reset_draft",
                    lambda u: self._as(u, self.cancelled_case).action_reset_draft(),
                    {"admin": OK},
                ),
                (
                    "sop.case.action_open_current_step",
                    lambda u: self._as(u, self.case).action_open_current_step(),
                    dict(sop_users, opd=OK),
                ),
                (
                    "sop.case.step.action_finish",
                    lambda u: self._as(u, self.step).action_finish(),
                    {"admin": OK, "sop_user": ACCESS, "approver": ACCESS, "opd": ACCESS},
                ),
                (
                    "sop.case.step.action_answer_yes (not a decision)",
                    lambda u: self._as(u, self.step).action_answer_yes(),
                    {"admin": DENIED},
                ),
                ("sop.case.step.validate_tier", lambda u: self._as(u, self.step).validate_tier(), {}),
                ("sop.case.step.reject_tier", lambda u: self._as(u, self.step).reject_tier(), {}),
                ("sop.case.step.request_validation", lambda u: self._as(u, self.step).request_validation(), {}),
                ("sop.case.step.restart_validation", lambda u: self._as(u, self.step).restart_validation(), {}),
                (
                    "sop.case.start.wizard.action_start",
                    lambda u: (
                        self._as(u, start_wizard)
                        .create({"procedure_id": self.skj.id, "opd_ids": [Command.set(self.opd.ids)], "year": 2022})
                        .action_start()
                    ),
                    sop_users,
                ),
            ]
        )
        # the assignee of the step finishes it
        self._as(self.actor, self.step).action_finish()
        self.assertEqual(self.step.state, "done")

    def test_assessment_actions(self):
        unit_users = {"sop_user": OK, "admin": OK}
        readers = {"sop_user": OK, "approver": OK, "admin": OK}
        self._check_table(
            [
                (
                    "sop.monitoring.action_load_procedures",
                    lambda u: self._as(u, self.monitoring).action_load_procedures(),
                    unit_users,
                ),
                ("sop.monitoring.action_done", lambda u: self._as(u, self.monitoring).action_done(), unit_users),
                ("sop.monitoring.action_draft", lambda u: self._as(u, self.done_monitoring).action_draft(), unit_users),
                (
                    "sop.monitoring.line.action_sign",
                    lambda u: self._as(u, self.monitoring.line_ids).action_sign(),
                    unit_users,
                ),
                ("sop.monitoring.action_print_pdf", lambda u: self._as(u, self.monitoring).action_print_pdf(), readers),
                ("sop.evaluation.action_done", lambda u: self._as(u, self.evaluation).action_done(), unit_users),
                ("sop.evaluation.action_draft", lambda u: self._as(u, self.done_evaluation).action_draft(), unit_users),
                (
                    "sop.evaluation.action_start_revision",
                    lambda u: self._as(u, self.done_evaluation).action_start_revision(),
                    unit_users,
                ),
            ]
        )

    def test_import_wizard(self):
        content = base64.b64encode(self.own_effective._export_xlsx())
        Wizard = self.env["sop.import.wizard"]

        def import_as(user, procedure):
            return (
                self._as(user, Wizard)
                .create({"file": content, "target": "revision", "procedure_id": procedure.id})
                .action_import()
            )

        self._check_table(
            [
                (
                    "sop.import.wizard revision own unit",
                    lambda u: import_as(u, self.own_effective),
                    {"sop_user": OK, "admin": OK},
                ),
                (
                    "sop.import.wizard revision other unit",
                    lambda u: import_as(u, self.foreign_effective),
                    {"admin": OK},
                ),
            ]
        )


@tagged("post_install", "-at_install")
class TestRpcAccessHttp(HttpCase, RpcAccessCase):
    """The same refusals over real JSON-RPC (/web/dataset/call_kw) from a user's session."""

    def _call_kw(self, login, model, method, args, kwargs=None):
        self.authenticate(login, login)
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        }
        response = self.url_open(
            "/web/dataset/call_kw", data=json.dumps(payload), headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 200)
        return response.json()

    def _assert_rpc_error(self, reply, *names):
        self.assertIn("error", reply, f"the call must fail: {reply}")
        self.assertIn(reply["error"]["data"]["name"], {f"odoo.exceptions.{name}" for name in names})

    def test_locked_write_key_over_rpc(self):
        step = self.own_effective.step_ids.filtered(lambda s: s.kind == "process")
        reply = self._call_kw(
            self.sop_user.login,
            "sop.step",
            "write",
            [step.ids, {"name": "Diubah lewat RPC"}],
            {"context": HOSTILE},
        )
        self._assert_rpc_error(reply, "UserError")
        self.env.invalidate_all()
        self.assertEqual(step.name, "Menyampaikan konsep")

    def test_state_write_over_rpc(self):
        reply = self._call_kw(
            self.sop_user.login,
            "sop.procedure",
            "write",
            [self.own_draft.ids, {"state": "effective"}],
            {"context": HOSTILE},
        )
        self._assert_rpc_error(reply, "UserError")
        self.env.invalidate_all()
        self.assertEqual(self.own_draft.state, "draft")

    def test_other_unit_content_over_rpc(self):
        reply = self._call_kw(
            self.sop_user.login,
            "sop.section",
            "create",
            [{"procedure_id": self.foreign_draft.id, "name": "Bagian sisipan"}],
            {"context": HOSTILE},
        )
        self._assert_rpc_error(reply, "AccessError")
        self.assertEqual(len(self.foreign_draft.section_ids), 1)

    def test_case_step_over_rpc(self):
        reply = self._call_kw(
            self.liaison.login,
            "sop.case.step",
            "write",
            [self.step.ids, {"state": "done", "case_id": self.other_case.id}],
            {"context": HOSTILE},
        )
        self._assert_rpc_error(reply, "AccessError")
        reply = self._call_kw(
            self.liaison.login, "sop.case.step", "write", [self.step.ids, {"note": "Diterima"}], {"context": HOSTILE}
        )
        self.assertIs(reply.get("result"), True, reply)
        self.env.invalidate_all()
        self.assertEqual((self.step.state, self.step.case_id, self.step.note), ("current", self.case, "Diterima"))
