import re

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .sinovik_common import SinovikCase
from .sinovik_common import SinovikFixtures


@tagged("post_install", "-at_install")
class TestSinovikAccess(SinovikCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.competition.action_open_registration()
        cls.prop_a = cls._proposal(cls.opd_a, "Inovasi A", user=cls.liaison_a)
        cls.prop_b = cls._proposal(cls.opd_b, "Inovasi B", user=cls.portal_b)
        cls.prop_c = cls._proposal(cls.opd_c, "Inovasi C", user=cls.liaison_c)
        cls.prop_a, cls.prop_b, cls.prop_c = (p.with_env(cls.env) for p in (cls.prop_a, cls.prop_b, cls.prop_c))
        (cls.prop_a | cls.prop_b | cls.prop_c).action_submit()
        cls.competition.action_start_evaluation()
        (cls.prop_a | cls.prop_b | cls.prop_c).with_user(cls.staff).action_accept()
        cls.assign_1a = cls._score(cls.stage_desk, cls.prop_a, cls.juror_1, (4, 4))
        cls.assign_2a = cls._score(cls.stage_desk, cls.prop_a, cls.juror_2, (3, 3))
        cls.assign_3b = cls.env["sop.sinovik.assignment"].create(
            {"stage_id": cls.stage_desk.id, "proposal_id": cls.prop_b.id, "juror_id": cls.juror_3.id}
        )
        cls.all_props = cls.prop_a | cls.prop_b | cls.prop_c

    def _visible(self, user, model="sop.sinovik.proposal"):
        return self.env[model].with_user(user).search([])

    def test_opd_liaison_sees_only_its_opd(self):
        self.assertEqual(self._visible(self.liaison_a), self.prop_a)
        self.assertEqual(self._visible(self.portal_b), self.prop_b)
        self.assertEqual(self._visible(self.liaison_a, "sop.sinovik.proposal.answer"), self.prop_a.answer_ids)
        with self.assertRaises(AccessError):
            self.prop_b.with_user(self.liaison_a).read(["name"])
        with self.assertRaises(AccessError):
            self.prop_a.answer_ids.with_user(self.portal_b).read(["text"])
        # workflow fields are not writable by the OPD, whatever the client sends
        with self.assertRaisesRegex(AccessError, "Only the Organization Division can set"):
            self.prop_a.with_user(self.liaison_a).with_context(sinovik_workflow=True).write({"state": "final"})
        with self.assertRaisesRegex(AccessError, "Only the Organization Division can set"):
            self.env["sop.sinovik.proposal"].with_user(self.liaison_a).create(
                {"competition_id": self.competition.id, "opd_id": self.opd_a.id, "name": "X", "award": "Juara 1"}
            )
        with self.assertRaisesRegex(UserError, "locked"):
            self.prop_a.with_user(self.liaison_a).with_context(sinovik_workflow=True).write({"name": "Ganti"})
        # nor can the liaison write a proposal for another OPD
        with self.assertRaises(AccessError):
            self.env["sop.sinovik.proposal"].with_user(self.liaison_a).create(
                {"competition_id": self.competition.id, "opd_id": self.opd_c.id, "name": "Bukan milik saya"}
            )
        # liaisons see no juror assignment nor score
        for model in ("sop.sinovik.assignment", "sop.sinovik.score", "sop.sinovik.result"):
            with self.assertRaises(AccessError):
                self._visible(self.liaison_a, model)

    def test_juror_sees_only_assigned(self):
        self.assertEqual(self._visible(self.juror_1), self.prop_a)
        self.assertEqual(self._visible(self.juror_3), self.prop_b)
        self.assertEqual(self._visible(self.juror_1, "sop.sinovik.proposal.document"), self.prop_a.document_ids)
        with self.assertRaises(AccessError):
            self.prop_c.with_user(self.juror_1).read(["name"])
        # own assignment and scores only, not those of the other juror of the same proposal
        self.assertEqual(self._visible(self.juror_1, "sop.sinovik.assignment"), self.assign_1a)
        self.assertEqual(self._visible(self.juror_1, "sop.sinovik.score"), self.assign_1a.score_ids)
        with self.assertRaises(AccessError):
            self.assign_2a.score_ids.with_user(self.juror_1).read(["score"])
        # a juror cannot change the proposal
        with self.assertRaises(AccessError):
            self.prop_a.with_user(self.juror_1).write({"award": "Juara"})
        # nor the assignment itself, only its scores (e.g. through RPC)
        with self.assertRaises(AccessError):
            self.assign_3b.with_user(self.juror_3).write({"proposal_id": self.prop_c.id})
        with self.assertRaises(AccessError):
            self.assign_3b.score_ids[:1].with_user(self.juror_3).write(
                {"criterion_id": self.assign_3b.score_ids[1].criterion_id.id}
            )
        # a portal juror scores through the ORM rules as well
        line = self.assign_3b.score_ids[:1].with_user(self.juror_3)
        line.score = 5
        self.assertEqual(line.score, 5)
        with self.assertRaises(AccessError):
            self.assign_1a.with_user(self.juror_3).read(["total"])

    def test_division_sees_all(self):
        mine = [("competition_id", "=", self.competition.id)]  # the database may hold other competitions
        self.assertEqual(self.env["sop.sinovik.proposal"].with_user(self.staff).search(mine), self.all_props)
        scores = (
            self.env["sop.sinovik.score"]
            .with_user(self.staff)
            .search([("assignment_id.competition_id", "=", self.competition.id)])
        )
        self.assertEqual(scores, self.stage_desk.assignment_ids.score_ids)

    def test_public_and_plain_users_see_nothing(self):
        public = self.env.ref("base.public_user")
        for model in ("sop.sinovik.proposal", "sop.sinovik.assignment", "sop.sinovik.score", "sop.sinovik.competition"):
            with self.assertRaises(AccessError):
                self.env[model].with_user(public).search([])
        plain_portal = new_test_user(self.env, "sinovik_other_portal", groups="base.group_portal")
        self.assertFalse(self._visible(plain_portal))
        plain_user = new_test_user(self.env, "sinovik_plain", groups="base.group_user")
        with self.assertRaises(AccessError):
            self.env["sop.sinovik.proposal"].with_user(plain_user).search([])


@tagged("post_install", "-at_install")
class TestSinovikPortalAccess(SinovikFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sinovik_setup()
        cls.competition.action_open_registration()
        cls.prop_a = cls._proposal(cls.opd_a, "Inovasi Dinkes")
        cls.prop_b = cls._proposal(cls.opd_b, "Inovasi Dukcapil")

    def test_portal_liaison_sees_only_its_opd(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        page = self.url_open("/my/sinovik").text
        self.assertIn("Inovasi Dukcapil", page)
        self.assertNotIn("Inovasi Dinkes", page)
        self.assertIn("Inovasi Dukcapil", self.url_open(f"/my/sinovik/{self.prop_b.id}").text)
        response = self.url_open(f"/my/sinovik/{self.prop_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertNotIn("/my/sinovik/", response.headers["Location"])

    def test_public_is_redirected_to_login(self):
        for url in ("/my/sinovik", "/my/sinovik/1"):
            response = self.url_open(url, allow_redirects=False)
            self.assertIn(response.status_code, (302, 303))
            self.assertIn("/web/login", response.headers["Location"])


@tagged("post_install", "-at_install")
class TestSinovikPortalJury(SinovikFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sinovik_setup()
        cls.competition.action_open_registration()
        cls.prop_a = cls._proposal(cls.opd_a, "Inovasi Dinkes")
        cls.prop_a.action_submit()
        cls.competition.action_start_evaluation()
        cls.prop_a.with_user(cls.staff).action_accept()
        Assignment = cls.env["sop.sinovik.assignment"]
        cls.mine = Assignment.create(
            {"stage_id": cls.stage_desk.id, "proposal_id": cls.prop_a.id, "juror_id": cls.juror_3.id}
        )
        cls.other = Assignment.create(
            {"stage_id": cls.stage_desk.id, "proposal_id": cls.prop_a.id, "juror_id": cls.juror_1.id}
        )

    def _csrf(self, url):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def test_portal_juror_scores_own_assignment_only(self):
        self.authenticate(self.juror_3.login, self.juror_3.login)
        self.assertIn("Inovasi Dinkes", self.url_open("/my/sinovik/jury").text)
        kebaruan, manfaat = self.mine.score_ids.sorted("sequence")
        url = f"/my/sinovik/jury/{self.mine.id}"
        # out of range: refused, nothing stored
        page = self.url_open(
            url, data={f"score_{kebaruan.id}": "9", "action": "save", "csrf_token": self._csrf(url)}
        ).text
        self.assertIn("must lie between 1 and 5 (got 9)", page)
        self.assertEqual(kebaruan.score, 1.0)
        data = {
            f"score_{kebaruan.id}": "4",
            f"comment_{kebaruan.id}": "Baru di Jawa Timur",
            f"score_{manfaat.id}": "5",
            "action": "submit",
            "csrf_token": self._csrf(url),
        }
        page = self.url_open(url, data=data).text
        self.assertIn("Your scores have been submitted.", page)
        self.env.invalidate_all()
        self.assertEqual(self.mine.state, "done")
        self.assertEqual((kebaruan.score, manfaat.score, kebaruan.comment), (4.0, 5.0, "Baru di Jawa Timur"))
        # (4 x 2 + 5 x 3) / 25 x 100 = 92
        self.assertAlmostEqual(self.mine.total, 92.0)
        # another juror's assignment is not reachable
        response = self.url_open(f"/my/sinovik/jury/{self.other.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
