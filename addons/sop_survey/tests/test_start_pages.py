from odoo import Command
from odoo.tests import HttpCase
from odoo.tests import tagged

from .sinovik_common import SinovikCase
from .sinovik_common import SinovikFixtures
from .skm_common import SkmCase
from .skm_common import SkmCommon
from .skm_common import SkmPhoneCase

SCORING = "sop_survey.mail_activity_type_sinovik_scoring"


class JurorAssignmentMixin:
    def _proposal_in_evaluation(self, name):
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_a, name, user=self.liaison_a)
        proposal.action_submit()
        self.competition.action_start_evaluation()
        proposal.with_user(self.staff).action_accept()
        return proposal

    def _assign(self, proposal, juror):
        return (
            self.env["sop.sinovik.assignment"]
            .with_user(self.staff)
            .create({"stage_id": self.stage_desk.id, "proposal_id": proposal.id, "juror_id": juror.id})
        )

    def _scoring_activities(self, assignment):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", assignment._name),
                ("res_id", "=", assignment.id),
                ("activity_type_id", "=", self.env.ref(SCORING).id),
            ]
        )


@tagged("post_install", "-at_install")
class TestJurorStartPage(JurorAssignmentMixin, SinovikCase):
    def test_juror_home_action(self):
        home = self.env.ref("sop_organisasi.res_users_action_sop_home")
        self.assertFalse(self.juror_1.action_id)
        proposal = self._proposal_in_evaluation("Inovasi A")
        self._assign(proposal, self.juror_1)
        self.assertEqual(self.juror_1.action_id.id, home.id, "a juror gets the start page with the group")
        action = self.env["res.users"].with_user(self.juror_1)._sop_home_action()
        self.assertEqual(action["id"], self.env.ref("sop_survey.sop_sinovik_assignment_action_mine").id)
        self.assertEqual(home.with_user(self.juror_1).run()["res_model"], "sop.sinovik.assignment")
        # division staff keep the dashboard even when they also judge
        self.staff.groups_id = [Command.link(self.env.ref("sop_survey.group_sinovik_juror").id)]
        action = self.env["res.users"].with_user(self.staff)._sop_home_action()
        self.assertEqual(action["tag"], "sop_organisasi.dashboard")

    def test_juror_gets_an_activity_until_scored(self):
        proposal = self._proposal_in_evaluation("Inovasi A")
        assignment = self._assign(proposal, self.juror_1)
        activity = self._scoring_activities(assignment)
        self.assertEqual(activity.user_id, self.juror_1)
        self.assertIn("Inovasi A", activity.summary)
        self.assertEqual(activity.date_deadline, self.stage_desk.date_end or activity.date_deadline)
        self.assertIn(assignment, self.env["sop.sinovik.assignment"].with_user(self.juror_1).search([]))
        for line in assignment.score_ids:
            line.with_user(self.juror_1).score = line.criterion_id.max_score
        assignment.with_user(self.juror_1).action_done()
        self.assertFalse(self._scoring_activities(assignment), "scored: nothing waits")
        done = self.env["mail.message"].search(
            [("model", "=", assignment._name), ("res_id", "=", assignment.id), ("mail_activity_type_id", "!=", False)]
        )
        self.assertEqual(len(done), 1, "the scoring activity was marked done")
        assignment.with_user(self.staff).action_reopen()
        self.assertEqual(self._scoring_activities(assignment).user_id, self.juror_1, "reopened: to score again")
        # a stage closed without the juror's scores drops the activity
        other = self._assign(proposal, self.juror_2)
        self.assertTrue(self._scoring_activities(other))
        self.stage_desk.with_user(self.administrator).action_close(force=True)
        self.assertFalse(self._scoring_activities(other) | self._scoring_activities(assignment))


@tagged("post_install", "-at_install")
class TestDashboardSurveySections(SkmCase):
    def test_ikm_and_sinovik_sections(self):
        self._respond([4] * 9)
        data = self.env["sop.dashboard"].with_user(self.sop_user).get_dashboard_data()
        sections = {section["key"]: section for section in data["sections"]}
        self.assertIn("late_steps", sections, "the SOP engine's sections come first")
        ikm = sections["skm_ikm"]
        self.assertEqual(ikm["subtitle"], self.period.name)
        row = next(r for r in ikm["rows"] if r["key"] == self.population.id)
        self.assertEqual(row["cells"][0], self.unit.name)
        self.assertEqual(row["cells"][1], f"1 / {self.population.sample_min}")
        self.assertAlmostEqual(row["cells"][2], 100.0 / self.population.sample_min)
        self.assertEqual(row["level"], "warning", "below the minimum sample")
        self.assertEqual(row["action"]["res_id"], self.population.id)
        self.assertIn("sinovik_stages", sections)
        # numbers follow the reader's language: "100,00", not "100.00"
        self.env["res.lang"]._activate_lang("id_ID")
        self.sop_user.lang = "id_ID"
        data = self.env["sop.dashboard"].with_user(self.sop_user).with_context(lang="id_ID").get_dashboard_data()
        ikm = next(section for section in data["sections"] if section["key"] == "skm_ikm")
        row = next(r for r in ikm["rows"] if r["key"] == self.population.id)
        self.assertEqual(row["cells"][3], "100,00")


@tagged("post_install", "-at_install")
class TestJurorStartPageTour(JurorAssignmentMixin, SinovikFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sinovik_setup()

    def test_juror_lands_on_my_assignments(self):
        proposal = self._proposal_in_evaluation("Inovasi Tur Juri")
        self._assign(proposal, self.juror_1)
        self.start_tour("/odoo", "sop_start_page_juror_tour", login=self.juror_1.login)


@tagged("post_install", "-at_install")
class TestDashboardSurveyTour(SkmCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_skm()

    def test_division_sees_the_ikm_of_the_period(self):
        self._respond([4] * 9)
        self.start_tour("/odoo", "sop_start_page_dashboard_ikm_tour", login=self.sop_user.login)


@tagged("post_install", "-at_install")
class TestSkmPublicPhone(SkmPhoneCase):
    """The citizen's public SKM form on a phone-sized touch screen."""

    def test_public_form_on_a_phone(self):
        self.start_tour(f"/skm/{self.unit.access_token}", "sop_skm_phone_tour", login=None)
        answers = self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])
        self.assertEqual(answers.state, "done")
        self.assertEqual(answers.skm_unit_id, self.unit)
