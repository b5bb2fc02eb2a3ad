"""Access matrix of sop_survey: every group × model × operation through the ORM, and over JSON-RPC.

Each operation runs as the user with a hostile context (every context key the code knows), in a
savepoint that is rolled back: the allowed groups succeed, every other group gets an AccessError /
UserError / ValidationError. docs/security.md (section sop_survey) is the same table in prose.
"""

import base64
import re

from odoo import Command
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import JsonRpcException
from odoo.tests.common import TransactionCase

from .sinovik_common import PDF_STUB
from .sinovik_common import SinovikFixtures
from .skm_common import SkmCommon

# every context key the code reads, plus generic ones a client could send
HOSTILE_CONTEXT = {
    "sinovik_workflow": True,
    "sinovik_force_close": True,
    "sinovik_no_defaults": True,
    "active_test": False,
    "install_mode": True,
    "tracking_disable": True,
}

PUBLIC, PORTAL, PJUROR, OPD, SOP, APPROVER, ADMIN, JUROR = (
    "public",
    "portal liaison",
    "portal juror",
    "OPD user",
    "SOP user",
    "approving official",
    "SOP administrator",
    "SINOVIK juror",
)
EVERYONE = frozenset({PUBLIC, PORTAL, PJUROR, OPD, SOP, APPROVER, ADMIN, JUROR})
DIVISION = frozenset({SOP, APPROVER, ADMIN})
NOBODY = frozenset()
READERS = EVERYONE - {PUBLIC}
INTERNAL = frozenset({OPD, JUROR}) | DIVISION


class RpcAccessFixtures(SinovikFixtures, SkmCommon):
    """SINOVIK: a competition open for registration whose desk stage is already scoring:

    prop_a (OPD A, juror_1 done), prop_b (OPD B, portal juror_3 to do) in evaluation, prop_c (OPD C)
    submitted, draft_a / draft_b complete drafts. SKM: a submitted citizen's answer and a follow-up.
    """

    @classmethod
    def _rpc_setup(cls):
        cls._sinovik_setup()
        cls._setup_skm()
        cls.approver = new_test_user(cls.env, "sinovik_approver", groups="sop_organisasi.group_sop_approver")
        cls.opd.liaison_user_ids = cls.liaison | cls.liaison_a
        cls.competition.action_open_registration()
        proposals = [
            cls._proposal(opd, name, user=user).with_env(cls.env)
            for opd, name, user in (
                (cls.opd_a, "Inovasi A", cls.liaison_a),
                (cls.opd_b, "Inovasi B", cls.portal_b),
                (cls.opd_c, "Inovasi C", cls.liaison_c),
                (cls.opd_a, "Draf A", cls.liaison_a),
                (cls.opd_b, "Draf B", cls.portal_b),
            )
        ]
        cls.prop_a, cls.prop_b, cls.prop_c, cls.draft_a, cls.draft_b = proposals
        (cls.prop_a | cls.prop_b | cls.prop_c).action_submit()
        cls.stage_desk.action_open()
        (cls.prop_a | cls.prop_b).action_accept()
        cls.assign_1a = cls._score(cls.stage_desk, cls.prop_a, cls.juror_1, (4, 4))
        cls.assign_3b = cls.env["sop.sinovik.assignment"].create(
            {"stage_id": cls.stage_desk.id, "proposal_id": cls.prop_b.id, "juror_id": cls.juror_3.id}
        )
        cls.result_a = cls.env["sop.sinovik.result"].create(
            {"stage_id": cls.stage_desk.id, "proposal_id": cls.prop_a.id, "score": 80, "rank": 1}
        )
        Competition = cls.env["sop.sinovik.competition"].with_context(sinovik_no_defaults=True)
        cls.comp_draft = Competition.create(
            {"name": "Kompetisi Draf", "section_ids": [Command.create({"name": "Ringkasan"})]}
        )
        cls.comp_eval = Competition.create({"name": "Kompetisi Penilaian"})
        cls.comp_eval.write({"state": "evaluation"})
        # SKM
        cls.answer = cls._respond([4, 3, 4, 3, 4, 3, 4, 3, 4])
        cls.old_period = cls.env["sop.skm.period"].create(
            {"name": "SKM 2020", "year": 2020, "period_type": "year", "state": "closed"}
        )
        cls.followup = cls.env["sop.skm.followup"].create(
            {
                "population_id": cls.population.id,
                "element": "U1",
                "name": "Perbaiki persyaratan",
                "user_id": cls.liaison_a.id,
                "deadline": "2030-01-31",
            }
        )
        cls.users = {
            PUBLIC: cls.env.ref("base.public_user"),
            PORTAL: cls.portal_b,
            PJUROR: cls.juror_3,
            OPD: cls.liaison_a,
            SOP: cls.staff,
            APPROVER: cls.approver,
            ADMIN: cls.administrator,
            JUROR: cls.juror_1,
        }

    def _document_file(self, proposal):
        """The ir.attachment holding the file of the proposal's first attachment."""
        return (
            self.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "sop.sinovik.proposal.document"),
                    ("res_id", "=", proposal.document_ids[:1].id),
                    ("res_field", "=", "datas"),
                ]
            )
        )


@tagged("post_install", "-at_install")
class TestRpcAccessMatrix(RpcAccessFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_setup()

    # ------------------------------------------------------------------ engine
    def _as(self, user):
        """The environment of ``user`` (never superuser) with the hostile context."""
        return self.env(user=user, context=dict(HOSTILE_CONTEXT), su=False)

    def _attempt(self, user, operation):
        """Run ``operation(env)`` as ``user`` and roll it back; return None on success, else the error."""
        outcome = None
        with self.env.cr.savepoint() as savepoint:
            try:
                operation(self._as(user))
                self.env.flush_all()
            except UserError as exc:  # AccessError and ValidationError are UserErrors
                outcome = exc
            savepoint.rollback()
        self.env.invalidate_all()
        # a rollback leaves the registry caches (a user's groups) as the operation left them
        self.env.registry.clear_cache()
        return outcome

    def _check_matrix(self, rows):
        for label, operation, allowed in rows:
            for group, user in self.users.items():
                with self.subTest(operation=label, group=group):
                    error = self._attempt(user, operation)
                    if group in allowed:
                        self.assertIsNone(error, f"{group} should be allowed to {label}: {error}")
                    else:
                        self.assertIsNotNone(error, f"{group} must not be allowed to {label}")

    def _own_opd(self, env):
        opds = self.env["hr.department"].search([("is_opd", "=", True), ("liaison_user_ids", "in", env.uid)])
        return opds[:1] or self.opd_a

    # ------------------------------------------------------------------ SINOVIK set-up
    def test_sinovik_configuration(self):
        Competition = "sop.sinovik.competition"
        rows = [
            ("read a competition", lambda env: env[Competition].browse(self.competition.id).read(["name"]), READERS),
            (
                "rename a competition",
                lambda env: env[Competition].browse(self.competition.id).write({"name": "X"}),
                DIVISION,
            ),
            ("create a competition", lambda env: env[Competition].create({"name": "Baru"}), DIVISION),
            ("delete a competition", lambda env: env[Competition].browse(self.comp_draft.id).unlink(), DIVISION),
            (
                "open a registration",
                lambda env: env[Competition].browse(self.comp_draft.id).action_open_registration(),
                DIVISION,
            ),
            (
                "start the evaluation",
                lambda env: env[Competition].browse(self.competition.id).action_start_evaluation(),
                DIVISION,
            ),
            (
                "announce the results",
                lambda env: env[Competition].browse(self.comp_eval.id).action_announce(),
                DIVISION,
            ),
            (
                "export the recap",
                lambda env: env[Competition].browse(self.competition.id).action_export_xlsx(),
                DIVISION,
            ),
        ]
        for model, record in (
            ("sop.sinovik.stage", self.stage_desk),
            ("sop.sinovik.group", self.competition.group_ids),
            ("sop.sinovik.category", self.competition.category_ids),
            ("sop.sinovik.section", self.competition.section_ids[:1]),
            ("sop.sinovik.attachment.type", self.competition.attachment_type_ids),
            ("sop.sinovik.criterion", self.stage_desk.criterion_ids[:1]),
            ("sop.sinovik.sdg", self.sdg_16),
        ):
            rows += [
                (f"read {model}", lambda env, m=model, r=record: env[m].browse(r.id).read(["display_name"]), READERS),
                (f"rename {model}", lambda env, m=model, r=record: env[m].browse(r.id).write({"name": "X"}), DIVISION),
            ]
        self._check_matrix(rows)

    def test_sinovik_stage_actions(self):
        Stage = "sop.sinovik.stage"

        def close(env):
            self.assign_3b.write({"state": "done"})  # superuser: every scoring complete
            env[Stage].browse(self.stage_desk.id).action_close()

        rows = [
            ("open a stage", lambda env: env[Stage].browse(self.stage_presentation.id).action_open(), DIVISION),
            ("close a complete stage", close, DIVISION),
            (
                "close with the override",
                lambda env: env[Stage].browse(self.stage_desk.id).action_close_force(),
                {ADMIN},
            ),
            (
                "close with force=True over RPC",
                lambda env: env[Stage].browse(self.stage_desk.id).action_close(True),
                {ADMIN},
            ),
            ("delete a pending stage", lambda env: env[Stage].browse(self.stage_presentation.id).unlink(), DIVISION),
        ]
        self._check_matrix(rows)

    # ------------------------------------------------------------------ proposals
    def test_sinovik_proposals(self):
        Proposal = "sop.sinovik.proposal"

        def prop(env, record):
            return env[Proposal].browse(record.id)

        def create_own(env):
            env[Proposal].create(
                {"competition_id": self.competition.id, "opd_id": self._own_opd(env).id, "name": "Baru"}
            )

        rows = [
            ("read proposal A", lambda env: prop(env, self.prop_a).read(["name"]), {OPD, JUROR} | DIVISION),
            ("read proposal B", lambda env: prop(env, self.prop_b).read(["name"]), {PORTAL, PJUROR} | DIVISION),
            ("edit the own draft", lambda env: prop(env, self.draft_a).write({"name": "Judul Baru"}), {OPD} | DIVISION),
            ("edit a submitted proposal", lambda env: prop(env, self.prop_a).write({"name": "X"}), NOBODY),
            (
                "move a draft to another OPD",
                lambda env: prop(env, self.draft_a).write({"opd_id": self.opd_c.id}),
                DIVISION,
            ),
            ("move a submitted proposal", lambda env: prop(env, self.prop_a).write({"opd_id": self.opd_c.id}), NOBODY),
            (
                "set the award of a proposal in evaluation",
                lambda env: prop(env, self.prop_a).write({"award": "Juara"}),
                NOBODY,
            ),
            ("create a proposal for the own OPD", create_own, {OPD, PORTAL} | DIVISION),
            (
                "create a proposal for OPD C",
                lambda env: env[Proposal].create(
                    {"competition_id": self.competition.id, "opd_id": self.opd_c.id, "name": "X"}
                ),
                DIVISION,
            ),
            (
                "create a proposal in a closed registration",
                lambda env: env[Proposal].create(
                    {"competition_id": self.comp_draft.id, "opd_id": self._own_opd(env).id, "name": "X"}
                ),
                DIVISION,
            ),
            ("delete the own draft", lambda env: prop(env, self.draft_a).unlink(), {OPD} | DIVISION),
            ("delete a submitted proposal", lambda env: prop(env, self.prop_c).unlink(), NOBODY),
            ("submit the own draft", lambda env: prop(env, self.draft_a).action_submit(), {OPD} | DIVISION),
            ("submit another OPD's draft", lambda env: prop(env, self.draft_b).action_submit(), {PORTAL} | DIVISION),
            ("accept at the administrative selection", lambda env: prop(env, self.prop_c).action_accept(), DIVISION),
            ("return for correction", lambda env: prop(env, self.prop_c).action_return("Perbaiki"), DIVISION),
            ("reject", lambda env: prop(env, self.prop_c).action_reject("Belum setahun"), DIVISION),
            ("open the return wizard", lambda env: prop(env, self.prop_c).action_open_return_wizard(), DIVISION),
            (
                "confirm a decision wizard",
                lambda env: (
                    env["sop.sinovik.decision.wizard"]
                    .create(
                        {"proposal_ids": [Command.set(self.prop_c.ids)], "decision": "return", "comment": "Perbaiki"}
                    )
                    .action_confirm()
                ),
                DIVISION,
            ),
        ]
        self._check_matrix(rows)

    def test_sinovik_proposal_parts(self):
        Document, Answer = "sop.sinovik.proposal.document", "sop.sinovik.proposal.answer"

        def doc(env, proposal):
            return env[Document].browse(proposal.document_ids[:1].id)

        def write_file(env, proposal):
            env["ir.attachment"].browse(self._document_file(proposal).id).write({"datas": base64.b64encode(b"%PDF-x")})

        rows = [
            (
                "read an answer of A",
                lambda env: env[Answer].browse(self.prop_a.answer_ids[:1].id).read(["text"]),
                {OPD, JUROR} | DIVISION,
            ),
            (
                "write an answer of the own draft",
                lambda env: env[Answer].browse(self.draft_a.answer_ids[:1].id).write({"text": "Baru"}),
                {OPD} | DIVISION,
            ),
            (
                "write an answer of a submitted proposal",
                lambda env: env[Answer].browse(self.prop_a.answer_ids[:1].id).write({"text": "Baru"}),
                NOBODY,
            ),
            (
                "move a draft's file into a submitted proposal",
                lambda env: doc(env, self.draft_a).write({"proposal_id": self.prop_c.id}),
                NOBODY,
            ),
            (
                "move a draft's file into another draft",
                lambda env: doc(env, self.draft_a).write({"proposal_id": self.draft_b.id}),
                NOBODY,
            ),
            (
                "add a file to a submitted proposal",
                lambda env: env[Document].create(
                    {"proposal_id": self.prop_c.id, "type_id": self.prop_c.document_ids.type_id.id}
                ),
                NOBODY,
            ),
            (
                "add a file to the own draft",
                lambda env: env[Document].create(
                    {"proposal_id": self.draft_a.id, "type_id": self.draft_a.document_ids.type_id.id}
                ),
                {OPD} | DIVISION,
            ),
            ("delete a file of a submitted proposal", lambda env: doc(env, self.prop_a).unlink(), NOBODY),
            (
                "replace the own draft's file (ir.attachment)",
                lambda env: write_file(env, self.draft_a),
                {OPD} | DIVISION,
            ),
            ("replace a submitted file (ir.attachment)", lambda env: write_file(env, self.prop_a), NOBODY),
            (
                "delete a submitted file (ir.attachment)",
                lambda env: env["ir.attachment"].browse(self._document_file(self.prop_a).id).unlink(),
                NOBODY,
            ),
        ]
        self._check_matrix(rows)

    # ------------------------------------------------------------------ jury
    def test_sinovik_jury(self):
        Assignment, Score, Result = "sop.sinovik.assignment", "sop.sinovik.score", "sop.sinovik.result"
        rows = [
            (
                "read juror 1's assignment",
                lambda env: env[Assignment].browse(self.assign_1a.id).read(["total"]),
                {JUROR} | DIVISION,
            ),
            (
                "read juror 3's assignment",
                lambda env: env[Assignment].browse(self.assign_3b.id).read(["total"]),
                {PJUROR} | DIVISION,
            ),
            (
                "assign a juror",
                lambda env: env[Assignment].create(
                    {"stage_id": self.stage_desk.id, "proposal_id": self.prop_b.id, "juror_id": self.juror_2.id}
                ),
                DIVISION,
            ),
            (
                "change the juror",
                lambda env: env[Assignment].browse(self.assign_3b.id).write({"juror_id": self.juror_2.id}),
                DIVISION,
            ),
            (
                "submit juror 3's scores",
                lambda env: env[Assignment].browse(self.assign_3b.id).action_done(),
                {PJUROR} | DIVISION,
            ),
            ("reopen a scoring", lambda env: env[Assignment].browse(self.assign_1a.id).action_reopen(), DIVISION),
            ("delete an assignment", lambda env: env[Assignment].browse(self.assign_3b.id).unlink(), DIVISION),
            (
                "read juror 3's score",
                lambda env: env[Score].browse(self.assign_3b.score_ids[:1].id).read(["score"]),
                {PJUROR} | DIVISION,
            ),
            (
                "enter juror 3's score",
                lambda env: env[Score].browse(self.assign_3b.score_ids[:1].id).write({"score": 3}),
                {PJUROR} | DIVISION,
            ),
            (
                "change a submitted score",
                lambda env: env[Score].browse(self.assign_1a.score_ids[:1].id).write({"score": 1}),
                NOBODY,
            ),
            ("read a stage result", lambda env: env[Result].browse(self.result_a.id).read(["rank"]), DIVISION),
            (
                "assign with the wizard",
                lambda env: (
                    env["sop.sinovik.assign.wizard"]
                    .create(
                        {
                            "stage_id": self.stage_desk.id,
                            "proposal_ids": [Command.set(self.prop_b.ids)],
                            "juror_ids": [Command.set(self.juror_2.ids)],
                        }
                    )
                    .action_assign()
                ),
                DIVISION,
            ),
        ]
        self._check_matrix(rows)

    # ------------------------------------------------------------------ SKM
    def test_skm_models(self):
        skm_readers = {OPD} | DIVISION
        rows = [
            ("read a service unit", lambda env: env["sop.skm.unit"].browse(self.unit.id).read(["name"]), skm_readers),
            (
                "rename a service unit",
                lambda env: env["sop.skm.unit"].browse(self.unit.id).write({"name": "X"}),
                DIVISION,
            ),
            (
                "new public link",
                lambda env: env["sop.skm.unit"].browse(self.unit.id).action_regenerate_token(),
                DIVISION,
            ),
            ("delete a service unit", lambda env: env["sop.skm.unit"].browse(self.other_unit.id).unlink(), {ADMIN}),
            (
                "read a service",
                lambda env: env["sop.skm.service"].browse(self.service_a.id).read(["name"]),
                skm_readers,
            ),
            (
                "rename a service",
                lambda env: env["sop.skm.service"].browse(self.service_a.id).write({"name": "X"}),
                DIVISION,
            ),
            ("read a period", lambda env: env["sop.skm.period"].browse(self.period.id).read(["name"]), skm_readers),
            ("close a period", lambda env: env["sop.skm.period"].browse(self.period.id).action_close(), DIVISION),
            ("reopen a period", lambda env: env["sop.skm.period"].browse(self.old_period.id).action_open(), DIVISION),
            (
                "create a questionnaire",
                lambda env: env["sop.skm.period"].browse(self.old_period.id).action_create_questionnaire(),
                DIVISION,
            ),
            ("delete a period", lambda env: env["sop.skm.period"].browse(self.old_period.id).unlink(), {ADMIN}),
            (
                "create a questionnaire (menu)",
                lambda env: env["survey.survey"].action_skm_create_questionnaire(),
                DIVISION,
            ),
            (
                "read a unit in a period",
                lambda env: env["sop.skm.population"].browse(self.population.id).read(["ikm"]),
                skm_readers,
            ),
            (
                "change the population",
                lambda env: env["sop.skm.population"].browse(self.population.id).write({"population": 5}),
                DIVISION,
            ),
            ("read the dashboard", lambda env: env["sop.skm.result"].search([]).read(["nrr"]), skm_readers),
            (
                "read a follow-up",
                lambda env: env["sop.skm.followup"].browse(self.followup.id).read(["name"]),
                skm_readers,
            ),
            (
                "start a follow-up",
                lambda env: env["sop.skm.followup"].browse(self.followup.id).action_start(),
                skm_readers,
            ),
            (
                "finish a follow-up",
                lambda env: env["sop.skm.followup"].browse(self.followup.id).action_done(),
                skm_readers,
            ),
            (
                "cancel a follow-up",
                lambda env: env["sop.skm.followup"].browse(self.followup.id).action_cancel(),
                skm_readers,
            ),
            ("delete a follow-up", lambda env: env["sop.skm.followup"].browse(self.followup.id).unlink(), DIVISION),
            ("read the form visits", lambda env: env["sop.skm.visit"].search([]), {ADMIN}),
        ]
        self._check_matrix(rows)

    def test_skm_answers_are_append_only(self):
        Input, Line = "survey.user_input", "survey.user_input.line"
        rows = [
            ("read a citizen's answer", lambda env: env[Input].browse(self.answer.id).read(["state"]), DIVISION),
            ("delete a citizen's answer", lambda env: env[Input].browse(self.answer.id).unlink(), {ADMIN}),
            (
                "move an answer to another unit",
                lambda env: env[Input].browse(self.answer.id).write({"skm_unit_id": self.other_unit.id}),
                {ADMIN},
            ),
            (
                "move an answer to another service",
                lambda env: env[Input].browse(self.answer.id).write({"skm_service_id": self.service_b.id}),
                {ADMIN},
            ),
            (
                "move an answer to another period",
                lambda env: env[Input].browse(self.answer.id).write({"skm_period_id": self.old_period.id}),
                {ADMIN},
            ),
            (
                "mark an answer as a test",
                lambda env: env[Input].browse(self.answer.id).write({"test_entry": True}),
                {ADMIN},
            ),
            (
                "add an SKM answer",
                lambda env: env[Input].create(
                    {"survey_id": self.survey.id, "skm_unit_id": self.unit.id, "skm_period_id": self.period.id}
                ),
                {ADMIN},
            ),
            (
                "delete an answered line",
                lambda env: env[Line].browse(self.answer.user_input_line_ids[:1].id).unlink(),
                NOBODY,
            ),
            ("read the correction log", lambda env: env["sop.skm.correction"].search([]), DIVISION),
            (
                "write the correction log",
                lambda env: env["sop.skm.correction"].create(
                    {"user_id": env.uid, "operation": "write", "record_model": Input}
                ),
                NOBODY,
            ),
        ]
        self._check_matrix(rows)

    # ------------------------------------------------------------------ the holes of issue 9, one by one
    def test_hole5_part_not_moved_into_another_proposal(self):
        document = self.draft_a.document_ids[:1].with_user(self.liaison_a)
        for target in (self.prop_c, self.draft_b):
            with self.assertRaisesRegex(UserError, "cannot be moved"):
                document.write({"proposal_id": target.id})
        self.assertEqual(document.proposal_id, self.draft_a)
        self.assertEqual(len(self.prop_c.document_ids), 1)
        # nor created in a proposal of another OPD
        with self.assertRaises(AccessError):
            self.env["sop.sinovik.proposal.document"].with_user(self.liaison_a).create(
                {"proposal_id": self.draft_b.id, "type_id": self.draft_b.document_ids.type_id.id}
            )

    def test_hole6_locked_file_not_replaced_through_attachment(self):
        attachment = self._document_file(self.prop_a)
        original = attachment.datas
        as_liaison = attachment.with_user(self.liaison_a)
        with self.assertRaisesRegex(UserError, "locked"):
            as_liaison.write({"datas": base64.b64encode(b"%PDF-1.4 another file")})
        with self.assertRaisesRegex(UserError, "locked"):
            as_liaison.unlink()
        with self.assertRaisesRegex(UserError, "locked"):
            self.env["ir.attachment"].with_user(self.liaison_a).create(
                {
                    "name": "extra.pdf",
                    "datas": PDF_STUB,
                    "res_model": "sop.sinovik.proposal.document",
                    "res_id": self.prop_a.document_ids[:1].id,
                }
            )
        self.assertEqual(attachment.datas, original)
        # the division cannot replace a submitted file either
        with self.assertRaisesRegex(UserError, "locked"):
            attachment.with_user(self.staff).write({"datas": base64.b64encode(b"%PDF-1.4 x")})
        # while the draft's file can be replaced as before
        draft_file = self._document_file(self.draft_a).with_user(self.liaison_a)
        draft_file.write({"datas": base64.b64encode(b"%PDF-1.4 new version")})
        self.assertEqual(base64.b64decode(self.draft_a.document_ids[:1].datas), b"%PDF-1.4 new version")

    def test_hole7_proposal_not_moved_to_another_opd(self):
        for proposal in (self.draft_a, self.prop_a):
            with self.assertRaises(UserError):  # AccessError (draft) or the lock (submitted)
                proposal.with_user(self.liaison_a).write({"opd_id": self.opd_c.id})
        self.assertEqual((self.draft_a | self.prop_a).opd_id, self.opd_a)
        with self.assertRaises(AccessError):
            self.draft_b.with_user(self.portal_b).write({"opd_id": self.opd_a.id})
        self.assertEqual(self.draft_b.opd_id, self.opd_b)

    def test_hole8_close_override_is_for_the_administrator(self):
        stage = self.stage_desk.with_user(self.staff).with_context(sinovik_force_close=True)
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            stage.action_close_force()
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            stage.action_close(True)
        # a context key opens nothing: the normal close still wants complete scorings
        with self.assertRaisesRegex(UserError, "incomplete juror assignment"):
            stage.action_close()
        self.assertEqual(self.stage_desk.state, "open")
        self.assertFalse(self.stage_desk.result_ids - self.result_a)
        # a juror does not submit another juror's scores, an OPD does not run the competition
        with self.assertRaises(AccessError):
            self.assign_1a.with_user(self.juror_3).action_done()
        with self.assertRaises(AccessError):
            self.competition.with_user(self.liaison_a).action_export_xlsx()
        self.stage_desk.with_user(self.administrator).action_close_force()
        self.assertEqual(self.stage_desk.state, "closed")

    def test_hole9_skm_answers_are_corrected_by_the_administrator_only(self):
        answers = self.env["survey.user_input"].with_user(self.staff).browse(self.answer.id)
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            answers.unlink()
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            answers.write({"skm_unit_id": self.other_unit.id})
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            answers.write({"skm_period_id": self.old_period.id})
        self.assertTrue(self.answer.exists())
        self.assertEqual(self.answer.skm_unit_id, self.unit)
        self.assertFalse(self.env["sop.skm.correction"].search([("answer_ref", "=", self.answer.id)]))
        # the administrator corrects, and the correction leaves a trace the division can read
        self.answer.with_user(self.administrator).write({"skm_service_id": self.service_b.id})
        log = self.env["sop.skm.correction"].with_user(self.staff).search([("answer_ref", "=", self.answer.id)])
        self.assertEqual(len(log), 1)
        self.assertEqual(
            (log.user_id, log.operation, log.unit_id, log.period_id),
            (self.administrator, "write", self.unit, self.period),
        )
        self.assertIn(self.service_b.name, log.changes)
        answer_id = self.answer.id
        self.answer.with_user(self.administrator).unlink()
        log = self.env["sop.skm.correction"].search([("answer_ref", "=", answer_id)])
        self.assertEqual(log.mapped("operation"), ["unlink", "write"])
        with self.assertRaises(AccessError):
            log.with_user(self.administrator).unlink()

    # ------------------------------------------------------------------ workflow fields (hole 11)
    def test_hole11_sinovik_workflow_fields_only_through_the_workflow(self):
        Proposal, Stage, Competition = "sop.sinovik.proposal", "sop.sinovik.stage", "sop.sinovik.competition"
        Assignment, Score, Result = "sop.sinovik.assignment", "sop.sinovik.score", "sop.sinovik.result"
        score_a = self.assign_1a.score_ids[:1]
        score_b = self.assign_3b.score_ids[:1]

        def add_score_line(env):
            missing = self.assign_3b.score_ids[1]
            criterion = missing.criterion_id
            missing.unlink()  # superuser: the assignment lacks a line
            env[Score].create({"assignment_id": self.assign_3b.id, "criterion_id": criterion.id, "score": 5})

        rows = [
            (
                f"set the proposal's {name}",
                lambda env, v={name: value}: env[Proposal].browse(self.prop_c.id).write(v),
                NOBODY,
            )
            for name, value in (
                ("state", "final"),
                ("final_rank", 1),
                ("final_score", 99.0),
                ("submit_date", "2026-01-01 00:00:00"),
                ("current_stage_id", self.stage_presentation.id),
                ("return_comment", "X"),
                ("reject_reason", "X"),
            )
        ]
        rows += [
            (
                "create a ranked proposal",
                lambda env: env[Proposal].create(
                    {
                        "competition_id": self.competition.id,
                        "opd_id": self._own_opd(env).id,
                        "name": "X",
                        "final_rank": 1,
                    }
                ),
                NOBODY,
            ),
            (
                "reopen a stage by its state",
                lambda env: env[Stage].browse(self.stage_desk.id).write({"state": "pending"}),
                NOBODY,
            ),
            (
                "close a stage by its state",
                lambda env: env[Stage].browse(self.stage_desk.id).write({"state": "closed"}),
                NOBODY,
            ),
            (
                "announce by the state",
                lambda env: env[Competition].browse(self.comp_eval.id).write({"state": "announced"}),
                NOBODY,
            ),
            ("change a stage result", lambda env: env[Result].browse(self.result_a.id).write({"rank": 2}), NOBODY),
            (
                "add a stage result",
                lambda env: env[Result].create(
                    {"stage_id": self.stage_desk.id, "proposal_id": self.prop_b.id, "rank": 1}
                ),
                NOBODY,
            ),
            ("delete a stage result", lambda env: env[Result].browse(self.result_a.id).unlink(), NOBODY),
            (
                "submit a scoring by its state",
                lambda env: env[Assignment].browse(self.assign_3b.id).write({"state": "done"}),
                NOBODY,
            ),
            (
                "reopen a scoring by its state",
                lambda env: env[Assignment].browse(self.assign_1a.id).write({"state": "todo"}),
                NOBODY,
            ),
            (
                "create a submitted scoring",
                lambda env: env[Assignment].create(
                    {
                        "stage_id": self.stage_desk.id,
                        "proposal_id": self.prop_b.id,
                        "juror_id": self.juror_2.id,
                        "state": "done",
                    }
                ),
                NOBODY,
            ),
            (
                "give a submitted scoring to another juror",
                lambda env: env[Assignment].browse(self.assign_1a.id).write({"juror_id": self.juror_2.id}),
                NOBODY,
            ),
            (
                "move a scoring to another proposal",
                lambda env: env[Assignment].browse(self.assign_3b.id).write({"proposal_id": self.prop_a.id}),
                NOBODY,
            ),
            (
                "move a score line to another assignment",
                lambda env: env[Score].browse(score_b.id).write({"assignment_id": self.assign_1a.id}),
                NOBODY,
            ),
            (
                "change the criterion of a score line",
                lambda env: (
                    env[Score].browse(score_b.id).write({"criterion_id": self.assign_3b.score_ids[1].criterion_id.id})
                ),
                NOBODY,
            ),
            (
                "add a score line",
                add_score_line,
                NOBODY,
            ),
            ("delete a submitted score line", lambda env: env[Score].browse(score_a.id).unlink(), NOBODY),
        ]
        self._check_matrix(rows)
        # a client's default_<field> context key does not set a workflow field either
        proposal = (
            self.env[Proposal]
            .with_user(self.staff)
            .with_context(default_state="final", default_final_rank=1, default_award="Juara 1")
            .create({"competition_id": self.competition.id, "opd_id": self.opd_a.id, "name": "Baru"})
        )
        self.assertEqual((proposal.state, proposal.final_rank, proposal.award), ("draft", 0, False))
        assignment = (
            self.env[Assignment]
            .with_user(self.staff)
            .with_context(default_state="done")
            .create({"stage_id": self.stage_desk.id, "proposal_id": self.prop_b.id, "juror_id": self.juror_2.id})
        )
        self.assertEqual(assignment.state, "todo")
        assignment.with_user(self.staff).unlink()
        # the workflow still sets them, for the group the method allows
        self.assign_1a.with_user(self.staff).action_reopen()
        self.assertEqual(self.assign_1a.state, "todo")
        self.assign_1a.with_user(self.juror_1).action_done()
        self.assertEqual(self.assign_1a.state, "done")
        self.assign_3b.score_ids.with_user(self.juror_3).write({"score": 5})
        self.assign_3b.with_user(self.juror_3).action_done()
        self.stage_desk.with_user(self.staff).action_close()
        result = self.stage_desk.result_ids.filtered(lambda r: r.proposal_id == self.prop_b)
        self.assertEqual((result.rank, result.score), (1, 100.0))
        self.assertEqual((self.stage_desk.state, self.prop_b.current_stage_id), ("closed", self.stage_presentation))
        # the Division words the award of a proposal of the final ranking (the form's editable award)
        self.prop_b._sinovik_write({"state": "final", "final_rank": 1})
        self.prop_b.with_user(self.staff).write({"award": "Juara I"})
        self.assertEqual(self.prop_b.award, "Juara I")
        with self.assertRaises(AccessError):
            self.prop_b.with_user(self.portal_b).write({"award": "Juara II"})

    # ------------------------------------------------------------------ SKM questionnaires in use (hole 12)
    def _u1(self):
        return self.element_questions["U1"]

    def test_hole12_answered_skm_questions_locked(self):
        Question, Option = "survey.question", "survey.question.answer"
        gender = self.profile_questions["gender"]
        rows = [
            ("delete an answered element question", lambda env: env[Question].browse(self._u1().id).unlink(), {ADMIN}),
            ("delete a profile question", lambda env: env[Question].browse(gender.id).unlink(), {ADMIN}),
            (
                "delete an answer option",
                lambda env: env[Option].browse(self._u1().suggested_answer_ids[:1].id).unlink(),
                {ADMIN},
            ),
            (
                "change the element code",
                lambda env: env[Question].browse(self._u1().id).write({"skm_element": False}),
                {ADMIN},
            ),
            (
                "move a question to another questionnaire",
                lambda env: env[Question].browse(self._u1().id).write({"survey_id": self.survey.copy().id}),
                {ADMIN},
            ),
            (
                "relabel an option",
                lambda env: env[Option].browse(self._u1().suggested_answer_ids[:1].id).write({"value": "Sangat Baik"}),
                {ADMIN},
            ),
            (
                "score an option",
                lambda env: env[Option].browse(gender.suggested_answer_ids[:1].id).write({"answer_score": 4.0}),
                {ADMIN},
            ),
            (
                "translate an option label",
                lambda env: (
                    env[Option]
                    .browse(gender.suggested_answer_ids[:1].id)
                    .update_field_translations("value", {"en_US": "Female"})
                ),
                {ADMIN},
            ),
            (
                # the questionnaire of a period: its public form depends on it (a fresh one is the Division's)
                "rename a question",
                lambda env: env[Question].browse(self._u1().id).write({"title": "Persyaratan"}),
                {ADMIN},
            ),
        ]
        self._check_matrix(rows)
        # the officer's refusal leaves the citizens' answered lines (and the IKM) as they were
        Line = self.env["survey.user_input.line"]
        lines = Line.search_count([("user_input_id", "=", self.answer.id)])
        with self.assertRaisesRegex(AccessError, "SOP Administrator"):
            self._u1().with_user(self.staff).unlink()
        self.assertEqual(Line.search_count([("user_input_id", "=", self.answer.id)]), lines)
        # a questionnaire without answers is still edited freely by the Division
        fresh = self.env["survey.survey"]._skm_create_questionnaire("SKM Baru")
        fresh.question_ids.filtered(lambda q: q.skm_element == "U1").with_user(self.staff).unlink()
        self.assertFalse(fresh.question_ids.filtered(lambda q: q.skm_element == "U1"))
        self.assertFalse(self.env["sop.skm.correction"].search([("record_model", "like", "survey.question")]))
        # the administrator deletes, and the change is logged for the division
        option = self._u1().suggested_answer_ids.filtered(lambda a: a.answer_score == 4)
        option.with_user(self.administrator).unlink()
        self._u1().with_user(self.administrator).unlink()
        self.assertEqual(Line.search_count([("user_input_id", "=", self.answer.id)]), lines - 1)
        logs = (
            self.env["sop.skm.correction"].with_user(self.staff).search([("record_model", "like", "survey.question")])
        )
        self.assertEqual(logs.mapped("record_model"), ["survey.question", "survey.question.answer"])
        self.assertEqual(set(logs.mapped("operation")), {"unlink"})
        self.assertEqual((logs.user_id, logs.period_id), (self.administrator, self.period))
        self.assertIn("1 answered line", logs[0].changes)

    def test_skm_state_only_through_actions(self):
        Period, Followup = "sop.skm.period", "sop.skm.followup"
        followup_vals = {
            "population_id": self.population.id,
            "element": "U2",
            "name": "Percepat layanan",
            "user_id": self.liaison_a.id,
            "deadline": "2030-01-31",
        }
        rows = [
            (
                "close a period by its state",
                lambda env: env[Period].browse(self.period.id).write({"state": "closed"}),
                NOBODY,
            ),
            (
                "reopen a period by its state",
                lambda env: env[Period].browse(self.old_period.id).write({"state": "open"}),
                NOBODY,
            ),
            (
                "create a closed period",
                lambda env: env[Period].create({"year": 2019, "period_type": "year", "state": "closed"}),
                NOBODY,
            ),
            (
                "finish a follow-up by its state",
                lambda env: env[Followup].browse(self.followup.id).write({"state": "done"}),
                NOBODY,
            ),
            (
                "create a finished follow-up",
                lambda env: env[Followup].create(dict(followup_vals, state="done")),
                NOBODY,
            ),
        ]
        self._check_matrix(rows)
        # a client's default_state never sets the state; the actions still do
        env = self.env(user=self.staff, context=dict(HOSTILE_CONTEXT, default_state="closed"), su=False)
        period = env[Period].create({"year": 2019, "period_type": "year"})
        self.assertEqual(period.state, "open")
        plan = env[Followup].with_context(default_state="done").create(followup_vals)
        self.assertEqual(plan.state, "draft")
        period.action_close()
        plan.action_start()
        self.assertEqual((period.state, plan.state), ("closed", "progress"))

    def test_sinovik_competition_deleted_only_as_draft(self):
        Competition = "sop.sinovik.competition"
        rows = [
            ("delete an open competition", lambda env: env[Competition].browse(self.competition.id).unlink(), NOBODY),
            (
                "delete a competition in evaluation",
                lambda env: env[Competition].browse(self.comp_eval.id).unlink(),
                NOBODY,
            ),
        ]
        self._check_matrix(rows)
        proposals = self.competition.proposal_ids
        with self.assertRaisesRegex(UserError, "Only a draft competition can be deleted"):
            self.competition.with_user(self.administrator).unlink()
        self.assertTrue(self.competition.exists())
        self.assertEqual(self.competition.proposal_ids, proposals)
        self.assertEqual(len(proposals), 5)
        self.comp_draft.with_user(self.staff).unlink()
        self.assertFalse(self.comp_draft.exists())


@tagged("post_install", "-at_install")
class JsonRpcCallMixin:
    """Calls over real JSON-RPC (``/web/dataset/call_kw``) with a hostile context, in an HttpCase."""

    def _call_kw(self, model, method, args, kwargs=None):
        kwargs = dict(kwargs or {}, context=dict(HOSTILE_CONTEXT))
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw", {"model": model, "method": method, "args": args, "kwargs": kwargs}
        )

    def _assert_rpc_refused(self, error, model, method, args):
        with self.assertRaises(JsonRpcException) as caught:
            self._call_kw(model, method, args)
        self.assertEqual(caught.exception.args[0], f"odoo.exceptions.{error}")


class TestRpcAccessHttp(JsonRpcCallMixin, RpcAccessFixtures, HttpCase):
    """The same refusals over real JSON-RPC (/web/dataset/call_kw) and the portal forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_setup()

    def test_json_rpc_refusals(self):
        self.authenticate(self.liaison_a.login, self.liaison_a.login)
        document = self.draft_a.document_ids[:1]
        self._assert_rpc_refused("UserError", document._name, "write", [document.ids, {"proposal_id": self.prop_c.id}])
        attachment = self._document_file(self.prop_a)
        self._assert_rpc_refused("UserError", "ir.attachment", "write", [attachment.ids, {"datas": PDF_STUB.decode()}])
        self._assert_rpc_refused(
            "AccessError", self.draft_a._name, "write", [self.draft_a.ids, {"opd_id": self.opd_c.id}]
        )
        self.authenticate(self.staff.login, self.staff.login)
        self._assert_rpc_refused("AccessError", self.stage_desk._name, "action_close_force", [self.stage_desk.ids])
        self._assert_rpc_refused("AccessError", self.stage_desk._name, "action_close", [self.stage_desk.ids, True])
        self._assert_rpc_refused("AccessError", "survey.user_input", "unlink", [self.answer.ids])
        self._assert_rpc_refused(
            "AccessError", "survey.user_input", "write", [self.answer.ids, {"skm_unit_id": self.other_unit.id}]
        )
        self.env.invalidate_all()
        self.assertEqual(document.proposal_id, self.draft_a)
        self.assertEqual(self.draft_a.opd_id, self.opd_a)
        self.assertEqual(self.stage_desk.state, "open")
        self.assertEqual(self.answer.skm_unit_id, self.unit)
        # what the same users may do still works over RPC
        # hole 11: workflow fields and results are the workflow's; hole 12: answered questions are locked
        self._assert_rpc_refused("AccessError", "sop.sinovik.proposal", "write", [self.prop_c.ids, {"state": "final"}])
        self._assert_rpc_refused("AccessError", "sop.sinovik.result", "write", [self.result_a.ids, {"rank": 9}])
        self._assert_rpc_refused(
            "AccessError", "sop.sinovik.assignment", "write", [self.assign_3b.ids, {"state": "done"}]
        )
        u1 = self.element_questions["U1"]
        self._assert_rpc_refused("AccessError", "survey.question", "unlink", [u1.ids])
        self._assert_rpc_refused("AccessError", "survey.question.answer", "unlink", [u1.suggested_answer_ids[:1].ids])
        self.env.invalidate_all()
        self.assertEqual((self.prop_c.state, self.result_a.rank, self.assign_3b.state), ("submitted", 1, "todo"))
        self.assertEqual(len(u1.exists().suggested_answer_ids), 4)
        self._call_kw("sop.sinovik.proposal", "action_accept", [self.prop_c.ids])
        self.env.invalidate_all()
        self.assertEqual(self.prop_c.state, "evaluation")

    # ------------------------------------------------------------------ portal input (hole 10)
    def _csrf(self, url):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def _proposal_count(self):
        return self.env["sop.sinovik.proposal"].search_count([])

    def test_portal_new_proposal_bad_input(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        count = self._proposal_count()
        good = {"competition_id": str(self.competition.id), "name": "Inovasi Baru"}
        cases = [
            ({"competition_id": "abc"}, 400, "not a valid choice"),
            ({"competition_id": str(self.comp_draft.id)}, 400, "not a valid choice"),
            ({"competition_id": "999999"}, 400, "not a valid choice"),
            ({"group_id": "abc"}, 400, "not a valid choice"),
            ({"start_date": "2024-13-45"}, 400, "not a valid date"),
            ({"opd_id": str(self.opd_a.id)}, 400, "not a valid choice"),
            ({"name": "  "}, 400, "Give the innovation a title"),
        ]
        for change, status, message in cases:
            with self.subTest(change=change):
                data = dict(good, **change, csrf_token=self._csrf("/my/sinovik"))
                response = self.url_open("/my/sinovik/new", data=data, allow_redirects=False)
                self.assertEqual(response.status_code, status)
                self.assertIn(message, response.text)
                self.assertEqual(self._proposal_count(), count)
        # the good request still creates the proposal
        data = dict(good, csrf_token=self._csrf("/my/sinovik"))
        response = self.url_open("/my/sinovik/new", data=data, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._proposal_count(), count + 1)

    def test_portal_proposal_form_bad_input(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        url = f"/my/sinovik/{self.draft_b.id}"
        other_group = self.comp_draft.group_ids[:1].id or 999999
        cases = [
            ({"group_id": "abc"}, 400, "not a valid choice"),
            ({"group_id": str(other_group)}, 400, "not a valid choice"),
            ({"category_id": "1e3"}, 400, "not a valid choice"),
            ({"start_date": "2024-13-45"}, 400, "not a valid date"),
            ({"sdg_ids": "999999"}, 400, "not a valid choice"),
        ]
        for change, status, message in cases:
            with self.subTest(change=change):
                data = dict({"name": "Nama Diganti", "action": "save"}, **change, csrf_token=self._csrf(url))
                response = self.url_open(url, data=data)
                self.assertEqual(response.status_code, status)
                self.assertIn(message, response.text)
                self.env.invalidate_all()
                self.assertEqual(self.draft_b.name, "Draf B")
        # a file that is not a PDF is refused, the stored one kept
        document = self.draft_b.document_ids[:1]
        before = document.datas
        response = self.url_open(
            url,
            data={"name": "Nama Diganti", "action": "save", "csrf_token": self._csrf(url)},
            files={f"document_{document.type_id.id}": ("virus.exe", b"MZ\x90\x00", "application/pdf")},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("is not a PDF file", response.text)
        self.env.invalidate_all()
        self.assertEqual((self.draft_b.name, document.datas), ("Draf B", before))
        # a locked proposal is not changed by a POST
        url = f"/my/sinovik/{self.prop_b.id}"
        response = self.url_open(url, data={"name": "Diganti", "action": "save", "csrf_token": self._csrf(url)})
        self.assertEqual(response.status_code, 409)
        self.env.invalidate_all()
        self.assertEqual(self.prop_b.name, "Inovasi B")
        # another OPD's proposal is not reachable
        response = self.url_open(
            f"/my/sinovik/{self.draft_a.id}",
            data={"name": "Diganti", "csrf_token": self._csrf(url)},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.draft_a.name, "Draf A")

    def test_portal_jury_bad_input(self):
        self.authenticate(self.juror_3.login, self.juror_3.login)
        url = f"/my/sinovik/jury/{self.assign_3b.id}"
        line = self.assign_3b.score_ids[:1]
        response = self.url_open(url, data={f"score_{line.id}": "abc", "action": "save", "csrf_token": self._csrf(url)})
        self.assertEqual(response.status_code, 400)
        self.assertIn("is not a number", response.text)
        self.assign_3b.write({"state": "done"})
        response = self.url_open(url, data={f"score_{line.id}": "5", "action": "save", "csrf_token": self._csrf(url)})
        self.assertEqual(response.status_code, 409)
        self.env.invalidate_all()
        self.assertEqual(line.score, 1.0)
        # another juror's assignment is not reachable
        response = self.url_open(
            f"/my/sinovik/jury/{self.assign_1a.id}",
            data={f"score_{self.assign_1a.score_ids[:1].id}": "1", "csrf_token": self._csrf(url)},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self.assign_1a.score_ids[:1].score, 4.0)
