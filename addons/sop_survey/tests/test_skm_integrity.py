"""SKM holes found over JSON-RPC: the questionnaire of a period changed by staff, per-respondent answers
downloaded by an OPD liaison. Run as ordinary users with the hostile context of the access matrix."""

import io

import openpyxl

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tests import tagged

from .skm_common import SkmCase
from .test_rpc_access import HOSTILE_CONTEXT


@tagged("post_install", "-at_install")
class TestSkmQuestionnaireInUse(SkmCase):
    """A questionnaire used by an SKM period (answered or not) is changed by the SOP Administrator only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.administrator = new_test_user(cls.env, "skm_admin", groups="sop_organisasi.group_sop_manager")

    def _as(self, user, model):
        return self.env(user=user, context=dict(HOSTILE_CONTEXT), su=False)[model]

    def _refused(self):
        test = self

        class Refused:
            def __enter__(self):
                self.raises = test.assertRaisesRegex(AccessError, "SOP Administrator")
                self.raises.__enter__()
                self.savepoint = test.env.cr.savepoint()
                self.savepoint.__enter__()

            def __exit__(self, exc_type, exc, tb):
                self.savepoint.__exit__(exc_type, exc, tb)
                test.env.invalidate_all()
                return self.raises.__exit__(exc_type, exc, tb)

        return Refused()

    def _snapshot(self):
        self.env.invalidate_all()
        survey = self.survey.with_context(active_test=False)
        return (
            survey.active,
            survey.title,
            survey.access_mode,
            survey.users_login_required,
            [(q.id, q.title, q.sequence, q.constr_mandatory) for q in survey.question_and_page_ids],
            [(a.id, a.value, a.answer_score) for a in survey.question_ids.suggested_answer_ids],
        )

    def test_staff_cannot_change_the_period_questionnaire(self):
        self.assertFalse(self.survey._skm_answered())  # no citizen's answer yet: only the period uses it
        before = self._snapshot()
        u1 = self.element_questions["U1"]
        gender = self.profile_questions["gender"]
        Survey = self._as(self.sop_user, "survey.survey")
        Question = self._as(self.sop_user, "survey.question")
        Option = self._as(self.sop_user, "survey.question.answer")
        attempts = {
            "archive (write)": lambda: Survey.browse(self.survey.id).write({"active": False}),
            "archive (action)": lambda: Survey.browse(self.survey.id).action_archive(),
            "rename": lambda: Survey.browse(self.survey.id).write({"title": "Survei Lain"}),
            "invited people only": lambda: Survey.browse(self.survey.id).write({"access_mode": "token"}),
            "require a login": lambda: Survey.browse(self.survey.id).write({"users_login_required": True}),
            "restrict to users": lambda: Survey.browse(self.survey.id).write(
                {"restrict_user_ids": [Command.set(self.sop_user.ids)]}
            ),
            "delete": lambda: Survey.browse(self.survey.id).unlink(),
            "rename a question": lambda: Question.browse(u1.id).write({"title": "Pertanyaan lain"}),
            "make a question optional": lambda: Question.browse(gender.id).write({"constr_mandatory": False}),
            "delete a question": lambda: Question.browse(gender.id).unlink(),
            "add a question": lambda: Question.create(
                {"survey_id": self.survey.id, "title": "Nomor HP", "question_type": "char_box"}
            ),
            "add a question through the survey": lambda: Survey.browse(self.survey.id).write(
                {"question_and_page_ids": [Command.create({"title": "Nomor HP", "question_type": "char_box"})]}
            ),
            "relabel an option": lambda: Option.browse(gender.suggested_answer_ids[:1].id).write({"value": "Pria"}),
            "reorder an option": lambda: Option.browse(gender.suggested_answer_ids[:1].id).write({"sequence": 99}),
            "add an option": lambda: Option.create({"question_id": gender.id, "value": "Lainnya"}),
            "delete an option": lambda: Option.browse(gender.suggested_answer_ids[:1].id).unlink(),
            "give the period another questionnaire": lambda: (
                self._as(self.sop_user, "sop.skm.period")
                .browse(self.period.id)
                .write({"survey_id": self.env["survey.survey"]._skm_create_questionnaire("SKM Lain").id})
            ),
        }
        for label, attempt in attempts.items():
            with self.subTest(label), self._refused():
                attempt()
        self.assertEqual(self._snapshot(), before)
        self.assertTrue(self.survey.active)
        self.assertEqual(self.period.survey_id, self.survey)

    def test_administrator_changes_it_and_other_questionnaires_stay_free(self):
        Survey = self._as(self.administrator, "survey.survey")
        Survey.browse(self.survey.id).write({"title": "SKM Uji (revisi)"})
        self._as(self.administrator, "survey.question").browse(self.profile_questions["gender"].id).write(
            {"title": "Jenis kelamin responden"}
        )
        self.assertEqual(self.survey.title, "SKM Uji (revisi)")
        # a questionnaire no period uses yet is the Division's to prepare
        fresh = self.env["survey.survey"]._skm_create_questionnaire("SKM Baru")
        self._as(self.sop_user, "survey.survey").browse(fresh.id).write({"title": "SKM Baru (draf)"})
        question = fresh.question_ids.filtered(lambda q: q.skm_profile == "gender")
        self._as(self.sop_user, "survey.question").browse(question.id).write({"title": "Jenis kelamin"})
        self._as(self.sop_user, "survey.question.answer").create({"question_id": question.id, "value": "Lainnya"})
        self.assertEqual(fresh.title, "SKM Baru (draf)")
        self.assertEqual(len(question.suggested_answer_ids), 3)
        # the administrator archives the period's questionnaire: allowed (the public form then says it is closed)
        Survey.browse(self.survey.id).action_archive()
        self.assertFalse(self.survey.active)


@tagged("post_install", "-at_install")
class TestSkmLiaisonGetsAggregatesOnly(SkmCase):
    """One rule in every channel: an OPD liaison gets the aggregated report of his units, never the
    per-respondent answers (neither the XLSX sheet nor ``survey.user_input`` over RPC)."""

    def _sheets(self, content):
        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets}

    def test_liaison_xlsx_has_no_respondent_rows(self):
        answer = self._respond([4, 3, 4, 3, 4, 3, 4, 3, 4], gender="Perempuan", age=41)
        suggestion = self.profile_questions["suggestion"]
        answer._save_lines(suggestion, "keluhan pribadi nomor 5512")
        population = self.population.with_user(self.liaison)
        with self.assertRaises(AccessError):
            self.env["survey.user_input"].with_user(self.liaison).browse(answer.id).read(["state"])
        sheets = self._sheets(population._skm_xlsx())
        self.assertIn("Rekap", sheets)
        self.assertNotIn("Jawaban", sheets)
        self.assertNotIn("5512", repr(sheets))
        # the Division, who reads the answers over RPC, gets them in the workbook too
        self.env["survey.user_input"].with_user(self.sop_user).browse(answer.id).read(["state"])
        sheets = self._sheets(self.population.with_user(self.sop_user)._skm_xlsx())
        self.assertIn("Jawaban", sheets)
        self.assertIn("keluhan pribadi nomor 5512", repr(sheets["Jawaban"]))
