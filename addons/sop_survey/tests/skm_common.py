import re
import uuid
from datetime import timedelta

from odoo import Command
from odoo import fields
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests.common import TransactionCase


class SkmCommon:
    """Fixtures: two OPDs with a service unit each, an open period with the SKM questionnaire."""

    @classmethod
    def _setup_skm(cls):
        env = cls.env
        cls.opd = env["hr.department"].create({"name": "Dinas Uji", "is_opd": True})
        cls.other_opd = env["hr.department"].create({"name": "Dinas Lain", "is_opd": True})
        cls.unit = env["sop.skm.unit"].create(
            {
                "name": "Loket Perizinan Uji",
                "opd_id": cls.opd.id,
                "service_ids": [Command.create({"name": "Izin Usaha"}), Command.create({"name": "Izin Reklame"})],
            }
        )
        cls.service_a, cls.service_b = cls.unit.service_ids.sorted("name")[1], cls.unit.service_ids.sorted("name")[0]
        cls.other_unit = env["sop.skm.unit"].create({"name": "Loket Lain", "opd_id": cls.other_opd.id})
        today = fields.Date.context_today(env["sop.skm.period"])
        # close any period a previous module left open today, so ours is the one the portal uses
        env["sop.skm.period"].search([]).write({"state": "closed"})
        cls.period = env["sop.skm.period"].create(
            {
                "name": "SKM Uji",
                "year": today.year,
                "period_type": "year",
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=30),
            }
        )
        cls.period.action_create_questionnaire()
        cls.survey = cls.period.survey_id
        cls.population = env["sop.skm.population"].create(
            {"period_id": cls.period.id, "unit_id": cls.unit.id, "population": 100}
        )
        cls.element_questions = {q.skm_element: q for q in cls.survey.question_ids if q.skm_element}
        cls.profile_questions = {q.skm_profile: q for q in cls.survey.question_ids if q.skm_profile}
        cls.liaison = new_test_user(env, "skm_liaison", groups="sop_organisasi.group_sop_opd_user")
        cls.opd.liaison_user_ids = cls.liaison
        cls.sop_user = new_test_user(env, "skm_staff", groups="sop_organisasi.group_sop_user")

    @classmethod
    def _respond(
        cls, scores, *, gender=None, age=None, education=None, unit=None, service=None, period=None, done=True
    ):
        """Create an answer: ``scores`` is a list of 9 values (U1..U9), None = skipped."""
        period = period or cls.period
        user_input = period.survey_id.sudo()._create_answer(
            user=cls.env.ref("base.public_user"),
            check_attempts=False,
            skm_unit_id=(unit or cls.unit).id,
            skm_service_id=service.id if service else False,
            skm_period_id=period.id,
        )
        questions = {q.skm_element: q for q in period.survey_id.question_ids if q.skm_element}
        for i, score in enumerate(scores, start=1):
            question = questions[f"U{i}"]
            answer = question.suggested_answer_ids.filtered(lambda a, s=score: a.answer_score == s)
            user_input._save_lines(question, answer.id if score else False)
        profiles = {q.skm_profile: q for q in period.survey_id.question_ids if q.skm_profile}
        for code, label in (("gender", gender), ("education", education)):
            if label:
                question = profiles[code]
                user_input._save_lines(
                    question, question.suggested_answer_ids.filtered(lambda a, v=label: a.value == v).id
                )
        if age is not None:
            user_input._save_lines(profiles["age"], str(age))
        if done:
            user_input._mark_done()
        return user_input

    def _count_answers(self):
        return self.env["survey.user_input"].search_count([("survey_id", "=", self.survey.id)])


class SkmCase(SkmCommon, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._setup_skm()


class SkmPortalCase(SkmCommon, HttpCase):
    """The public SKM form over HTTP: open it, fill it in, send it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_skm()

    def _open_form(self, path=None):
        response = self.url_open(path or f"/skm/{self.unit.access_token}")
        self.assertEqual(response.status_code, 200)
        token = re.search(r'name="visit_token" value="([^"]+)"', response.text).group(1)
        return response, token

    def _form_data(self, token, score="4", **overrides):
        def choice(code, label):
            question = self.profile_questions[code]
            return str(question.suggested_answer_ids.filtered(lambda a: a.value == label).id)

        data = {
            "visit_token": token,
            f"q_{self.profile_questions['gender'].id}": choice("gender", "Perempuan"),
            f"q_{self.profile_questions['age'].id}": "41",
            f"q_{self.profile_questions['education'].id}": choice("education", "S1"),
            f"q_{self.profile_questions['occupation'].id}": choice("occupation", "Swasta"),
            f"q_{self.profile_questions['suggestion'].id}": "saran rahasia nomor 7431",
            "service_id": str(self.service_a.id),
        }
        for _code, question in self.element_questions.items():
            data[f"q_{question.id}"] = score
        data.update(overrides)
        return data

    def _post(self, data, unit=None):
        return self.url_open(f"/skm/{(unit or self.unit).access_token}/submit", data=data, allow_redirects=False)

    def _done_count(self):
        return self.env["survey.user_input"].search_count([("survey_id", "=", self.survey.id), ("state", "=", "done")])

    def _fill_window(self, unit, count):
        """``count`` answers of this test client's address at ``unit`` in the current window."""
        for _i in range(count):
            self.env["sop.skm.visit"]._consume(uuid.uuid4().hex, "127.0.0.1", unit)


class SkmPhoneCase(SkmPortalCase):
    """The public SKM form in a phone-sized touch browser."""

    browser_size = "390x844"
    touch_enabled = True
