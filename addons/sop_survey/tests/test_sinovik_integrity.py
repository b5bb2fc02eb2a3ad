"""SINOVIK holes found over JSON-RPC: closed stages, the public user as a juror, parts of another competition.

Every refusal runs as an ordinary user with the hostile context of the access matrix and leaves the data
as it was.
"""

from odoo import Command
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .test_rpc_access import HOSTILE_CONTEXT
from .test_rpc_access import RpcAccessFixtures


class SinovikIntegrityCase(RpcAccessFixtures, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_setup()

    def _as(self, user, model):
        """``model`` as ``user`` (never superuser) with the hostile context."""
        return self.env(user=user, context=dict(HOSTILE_CONTEXT), su=False)[model]

    def _refused(self, error=UserError, regex=None):
        """``assertRaises`` of ``error`` whose savepoint leaves nothing behind."""
        return _Refused(self, error, regex)


class _Refused:
    def __init__(self, case, error, regex):
        self.case = case
        self.raises = case.assertRaisesRegex(error, regex) if regex else case.assertRaises(error)
        self.savepoint = None

    def __enter__(self):
        self.raises.__enter__()
        self.savepoint = self.case.env.cr.savepoint()
        self.savepoint.__enter__()
        return self

    def __exit__(self, exc_type, exc, tb):
        self.savepoint.__exit__(exc_type, exc, tb)
        self.case.env.invalidate_all()
        return self.raises.__exit__(exc_type, exc, tb)


@tagged("post_install", "-at_install")
class TestClosedStageImmutable(SinovikIntegrityCase):
    """A closed stage, its criteria and its scores never change (the ranking was computed from them)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_desk.with_user(cls.administrator).action_close_force()

    def _snapshot(self):
        self.env.invalidate_all()
        stage = self.stage_desk
        return (
            stage.competition_id,
            stage.kind,
            stage.top_n,
            stage.sequence,
            [(c.id, c.name, c.weight, c.min_score, c.max_score) for c in stage.criterion_ids],
            [(s.id, s.criterion_id.id, s.score) for s in self.assign_1a.score_ids],
            round(self.assign_1a.total, 2),
        )

    def test_criteria_of_a_closed_stage_are_fixed(self):
        self.assertEqual(self.stage_desk.state, "closed")
        before = self._snapshot()
        self.assertEqual(before[-1], 80.0)
        criterion = self.stage_desk.criterion_ids[:1]
        open_criterion = self.stage_presentation.criterion_ids[:1]
        for user in (self.staff, self.administrator):
            Criterion = self._as(user, "sop.sinovik.criterion")
            for vals in (
                {"weight": 10},
                {"max_score": 100},
                {"min_score": 0},
                {"stage_id": self.stage_presentation.id},
            ):
                with self.subTest(user=user.login, vals=vals), self._refused(UserError, "closed"):
                    Criterion.browse(criterion.id).write(vals)
            with self.subTest(user=user.login, op="unlink"), self._refused(UserError, "closed"):
                Criterion.browse(criterion.id).unlink()
            with self.subTest(user=user.login, op="create"), self._refused(UserError, "closed"):
                Criterion.create({"stage_id": self.stage_desk.id, "name": "Baru", "weight": 50, "max_score": 5})
            with self.subTest(user=user.login, op="move in"), self._refused(UserError, "closed"):
                Criterion.browse(open_criterion.id).write({"stage_id": self.stage_desk.id})
            # the same through the stage's one2many (what the form sends)
            Stage = self._as(user, "sop.sinovik.stage")
            for command in (
                Command.update(criterion.id, {"weight": 10}),
                Command.delete(criterion.id),
                Command.unlink(criterion.id),
                Command.create({"name": "Baru", "weight": 50, "max_score": 5}),
                Command.link(open_criterion.id),
            ):
                with self.subTest(user=user.login, command=command), self._refused(UserError, "closed"):
                    Stage.browse(self.stage_desk.id).write({"criterion_ids": [command]})
        self.assertEqual(self._snapshot(), before)
        self.assertEqual(open_criterion.stage_id, self.stage_presentation)

    def test_closed_stage_fields_are_fixed(self):
        before = self._snapshot()
        for user in (self.staff, self.administrator):
            Stage = self._as(user, "sop.sinovik.stage")
            for vals in (
                {"competition_id": self.comp_draft.id},
                {"kind": "field"},
                {"kind": "announcement"},
                {"top_n": 1},
                {"sequence": 99},
            ):
                with self.subTest(user=user.login, vals=vals), self._refused(UserError, "closed"):
                    Stage.browse(self.stage_desk.id).write(vals)
            with self.subTest(user=user.login, op="unlink"), self._refused(UserError):
                Stage.browse(self.stage_desk.id).unlink()
            Competition = self._as(user, "sop.sinovik.competition")
            with self.subTest(user=user.login, op="delete through the competition"), self._refused(UserError):
                Competition.browse(self.competition.id).write({"stage_ids": [Command.delete(self.stage_desk.id)]})
        self.assertEqual(self._snapshot(), before)
        self.assertTrue(self.stage_desk.exists())
        # its name may still be corrected, and the values it already has may be sent again (form save)
        stage = self._as(self.staff, "sop.sinovik.stage").browse(self.stage_desk.id)
        stage.write({"name": "Penilaian Proposal", "sequence": self.stage_desk.sequence, "kind": "desk"})
        self.assertEqual(self.stage_desk.name, "Penilaian Proposal")
        # an open stage's criteria are still edited by the Division
        self._as(self.staff, "sop.sinovik.criterion").browse(self.stage_presentation.criterion_ids[:1].id).write(
            {"weight": 45}
        )
        self.assertEqual(self.stage_presentation.criterion_ids[:1].weight, 45)


@tagged("post_install", "-at_install")
class TestJurorsAreUsers(SinovikIntegrityCase):
    """Jurors are internal or portal users; the juror group goes with the last assignment."""

    def test_public_user_is_never_a_juror(self):
        public = self.env.ref("base.public_user")
        group = self.env.ref("sop_survey.group_sinovik_juror")
        count = self.env["sop.sinovik.assignment"].search_count([])
        for user in (self.staff, self.administrator):
            Assignment = self._as(user, "sop.sinovik.assignment")
            with self.subTest(user=user.login, op="create"), self._refused(ValidationError, "internal or portal"):
                Assignment.create(
                    {"stage_id": self.stage_desk.id, "proposal_id": self.prop_b.id, "juror_id": public.id}
                )
            with self.subTest(user=user.login, op="write"), self._refused(ValidationError, "internal or portal"):
                Assignment.browse(self.assign_3b.id).write({"juror_id": public.id})
            wizard = self._as(user, "sop.sinovik.assign.wizard").create(
                {
                    "stage_id": self.stage_desk.id,
                    "proposal_ids": [Command.set(self.prop_b.ids)],
                    "juror_ids": [Command.set((public | self.juror_2).ids)],
                }
            )
            with self.subTest(user=user.login, op="wizard"), self._refused(ValidationError, "internal or portal"):
                wizard.action_assign()
        self.assertEqual(self.env["sop.sinovik.assignment"].search_count([]), count)
        self.assertEqual(self.assign_3b.juror_id, self.juror_3)
        self.assertNotIn(group, public.groups_id)
        # not even by giving the group directly (superuser)
        with self._refused(ValidationError, "public user"):
            public.write({"groups_id": [Command.link(group.id)]})
        self.assertNotIn(group, public.groups_id)
        # a database where the public user got the group before: every module update takes it back
        self.env.cr.execute("INSERT INTO res_groups_users_rel (gid, uid) VALUES (%s, %s)", (group.id, public.id))
        self.env.invalidate_all()
        self.env.registry.clear_cache()
        self.assertIn(group, public.groups_id)
        with self.assertLogs("odoo.addons.sop_survey.models.res_users", "WARNING"):
            self.env["res.users"]._sinovik_remove_public_jurors()
        self.assertNotIn(group, public.groups_id)
        # the field offers internal and portal users only
        domain = (
            self.env["sop.sinovik.assignment"]._fields["juror_id"].get_domain_list(self.env["sop.sinovik.assignment"])
        )
        users = self.env["res.users"].with_context(active_test=False).search(domain)
        self.assertNotIn(public, users)
        self.assertIn(self.juror_3, users)
        self.assertIn(self.juror_1, users)

    def test_juror_group_goes_with_the_last_assignment(self):
        group = self.env.ref("sop_survey.group_sinovik_juror")
        Assignment = self._as(self.staff, "sop.sinovik.assignment")
        self.assertNotIn(group, self.juror_2.groups_id)
        first, second = Assignment.create(
            [
                {"stage_id": self.stage_desk.id, "proposal_id": self.prop_b.id, "juror_id": self.juror_2.id},
                {"stage_id": self.stage_desk.id, "proposal_id": self.prop_a.id, "juror_id": self.juror_2.id},
            ]
        )
        self.assertIn(group, self.juror_2.groups_id)
        first.unlink()
        self.assertIn(group, self.juror_2.groups_id)
        second.unlink()
        self.assertNotIn(group, self.juror_2.groups_id)
        # giving a scoring to another juror: the new one gets the group, the old one (no other scoring) loses it
        self.assertIn(group, self.juror_3.groups_id)
        Assignment.browse(self.assign_3b.id).write({"juror_id": self.juror_2.id})
        self.assertIn(group, self.juror_2.groups_id)
        self.assertNotIn(group, self.juror_3.groups_id)
        self.assertIn(group, self.juror_1.groups_id)


@tagged("post_install", "-at_install")
class TestProposalPartsOfTheirCompetition(SinovikIntegrityCase):
    """A proposal's answers and attachments belong to its own competition's sections and attachment types."""

    def test_section_of_another_competition_refused(self):
        other = (
            self.env["sop.sinovik.competition"]
            .with_context(sinovik_no_defaults=True)
            .create(
                {
                    "name": "Kompetisi Lain",
                    "section_ids": [Command.create({"name": "Bagian Lain"})],
                    "attachment_type_ids": [Command.create({"name": "Lampiran Lain"})],
                }
            )
        )
        other.action_open_registration()
        section, doc_type = other.section_ids, other.attachment_type_ids
        answers, documents = self.draft_a.answer_ids, self.draft_a.document_ids
        for user in (self.liaison_a, self.staff):
            Answer = self._as(user, "sop.sinovik.proposal.answer")
            with self.subTest(user=user.login, op="create"), self._refused(ValidationError, "competition"):
                Answer.create({"proposal_id": self.draft_a.id, "section_id": section.id, "text": "Teks"})
            with self.subTest(user=user.login, op="write"), self._refused(ValidationError, "competition"):
                Answer.browse(answers[:1].id).write({"section_id": section.id})
            Document = self._as(user, "sop.sinovik.proposal.document")
            with self.subTest(user=user.login, op="attachment"), self._refused(ValidationError, "competition"):
                Document.create({"proposal_id": self.draft_a.id, "type_id": doc_type.id})
            Proposal = self._as(user, "sop.sinovik.proposal")
            with (
                self.subTest(user=user.login, op="through the proposal"),
                self._refused(ValidationError, "competition"),
            ):
                Proposal.browse(self.draft_a.id).write(
                    {"answer_ids": [Command.create({"section_id": section.id, "text": "Teks"})]}
                )
            with self.subTest(user=user.login, op="move the proposal"), self._refused(UserError, "competition"):
                Proposal.browse(self.draft_a.id).write({"competition_id": other.id})
        self.assertEqual((self.draft_a.answer_ids, self.draft_a.document_ids), (answers, documents))
        self.assertEqual(self.draft_a.competition_id, self.competition)
        # the proposal's own sections are still answered
        self._as(self.liaison_a, "sop.sinovik.proposal.answer").browse(answers[:1].id).write({"text": "Teks baru"})
        self.assertEqual(answers[:1].text, "Teks baru")


@tagged("post_install", "-at_install")
class TestScoredStageCriteria(SinovikIntegrityCase):
    """Once a juror has submitted his scores, the stage's criteria (what counts, how much) are fixed."""

    def test_criteria_fixed_after_the_first_submitted_scores(self):
        self.assertEqual((self.stage_desk.state, self.assign_1a.state), ("open", "done"))
        total = round(self.assign_1a.total, 2)
        criterion = self.stage_desk.criterion_ids[:1]
        Criterion = self._as(self.staff, "sop.sinovik.criterion")
        for vals in ({"weight": 10}, {"max_score": 5}, {"min_score": 1}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "submitted their scores"):
                Criterion.browse(criterion.id).write(vals)
        with self.assertRaisesRegex(UserError, "submitted their scores"):
            Criterion.create({"stage_id": self.stage_desk.id, "name": "Kriteria susulan", "weight": 1})
        with self.assertRaisesRegex(UserError, "submitted their scores"):
            Criterion.browse(criterion.id).unlink()
        Criterion.browse(criterion.id).write({"name": "Kebaruan (diperjelas)"})  # the wording may improve
        self.assertEqual(round(self.assign_1a.total, 2), total)
        # a stage without submitted scores keeps editable criteria
        Criterion.browse(self.stage_presentation.criterion_ids[:1].id).write({"weight": 2})
