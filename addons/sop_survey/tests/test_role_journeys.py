"""Issue 18, "Liaison, juror, citizen": each role's day without a detour (tests and tours)."""

import re
import uuid
from contextlib import closing
from datetime import timedelta

from lxml import etree

from odoo import SUPERUSER_ID
from odoo import Command
from odoo import api
from odoo import fields
from odoo.addons.sop_organisasi.tools.dates import format_date_long
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.sql_db import db_connect
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .sinovik_common import SinovikCase
from .sinovik_common import SinovikFixtures
from .skm_common import SkmPhoneCase


class JurorJourneyFixtures:
    """A proposal in evaluation; its juror has the open desk stage and the presentation stage, which starts
    in ten days."""

    @classmethod
    def _juror_journey_setup(cls, juror):
        cls.competition.action_open_registration()
        cls.proposal = cls._proposal(cls.opd_a, "Inovasi Juri Tur", user=cls.liaison_a)
        cls.proposal.action_submit()
        # the portal liaison of OPD B keeps a draft
        cls.draft_b = cls._proposal(cls.opd_b, "Inovasi Jemput Bola Tur", user=cls.portal_b, complete=False)
        cls.competition.action_start_evaluation()
        cls.proposal.with_user(cls.staff).action_accept()
        cls.today = fields.Date.context_today(cls.competition)
        cls.stage_presentation.date_start = cls.today + timedelta(days=10)
        Assignment = cls.env["sop.sinovik.assignment"].with_user(cls.staff)
        cls.desk_assignment = Assignment.create(
            {"stage_id": cls.stage_desk.id, "proposal_id": cls.proposal.id, "juror_id": juror.id}
        )
        cls.later_assignment = Assignment.create(
            {"stage_id": cls.stage_presentation.id, "proposal_id": cls.proposal.id, "juror_id": juror.id}
        )


@tagged("post_install", "-at_install")
class TestJurorJourney(JurorJourneyFixtures, SinovikCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"].search([("name", "=", "sop_survey")])._update_translations(["id_ID"])
        cls._juror_journey_setup(cls.juror_1)
        cls.juror_id = cls.juror_1.with_context(lang="id_ID")

    def test_locked_scores_say_why(self):
        line = self.later_assignment.score_ids[:1]
        start = self.stage_presentation.date_start
        with self.assertRaisesRegex(
            UserError, rf"Stage Presentasi has not started yet: it starts on {format_date_long(start, 'en_US')}\."
        ):
            line.with_user(self.juror_1).with_context(lang="en_US").score = 50
        # an Indonesian juror reads it in Indonesian, with an Indonesian date
        with self.assertRaisesRegex(UserError, rf"belum dimulai: dimulai pada {format_date_long(start)}\."):
            line.with_user(self.juror_1).with_context(lang="id_ID").score = 50
        # the assignment form shows the same reason
        self.assertIn("has not started yet", self.later_assignment.with_context(lang="en_US").lock_reason)
        self.assertFalse(self.desk_assignment.lock_reason, "the open stage is not locked")
        # past its planned start but not opened: the Division has to open it
        self.stage_presentation.date_start = self.today - timedelta(days=1)
        self.later_assignment.invalidate_recordset(["lock_reason"])
        self.assertIn("has not been opened yet by the Organization Division", self.later_assignment.lock_reason)
        with self.assertRaisesRegex(UserError, "has not been opened yet"):
            self.later_assignment.with_user(self.juror_1).action_done()
        # submitted scores and a closed stage
        for score in self.desk_assignment.score_ids:
            score.with_user(self.juror_1).score = score.max_score
        self.desk_assignment.with_user(self.juror_1).action_done()
        with self.assertRaisesRegex(UserError, "are submitted and locked: to change them, ask the Organization"):
            self.desk_assignment.score_ids[:1].with_user(self.juror_1).score = 1
        self.stage_desk.with_user(self.staff).action_close()
        self.assertIn("is closed: its ranking is final", self.desk_assignment.lock_reason)

    def test_competition_form_in_indonesian(self):
        arch = self.env["sop.sinovik.competition"].with_context(lang="id_ID").get_view(view_type="form")["arch"]
        for text in (
            "Pendaftaran dibuka sampai",
            ": mulai penilaian setelah tanggal itu.",
            "Tutup pendaftaran dan mulai penilaian?",
            'string="Kriteria"',
            "Buka tahapan: kriteria, penugasan juri, penutupan",
        ):
            self.assertIn(text, arch)
        self.assertNotIn("The registration", arch)

    def test_score_range_in_the_readers_locale(self):
        """ "harus berada antara 1 dan 5 (diperoleh 12,5)", not "1.0 and 5.0 (got 12.5)"."""
        line = self.desk_assignment.score_ids.sorted("sequence")[:1]
        with self.assertRaises(ValidationError) as caught:
            line.with_user(self.juror_1).with_context(lang="id_ID").score = 12.5
        self.assertIn("harus berada antara 1 dan 5 (diperoleh 12,5)", str(caught.exception))
        with self.assertRaisesRegex(ValidationError, r"must lie between 1 and 5 \(got 12\.5\)"):
            line.with_user(self.juror_1).with_context(lang="en_US").score = 12.5
        later = self.stage_presentation.criterion_ids[:1]
        self.stage_presentation.with_user(self.staff).action_open()
        with self.assertRaises(ValidationError) as caught:
            self.later_assignment.score_ids.filtered(lambda s: s.criterion_id == later).with_user(
                self.juror_1
            ).with_context(lang="id_ID").score = 1000
        self.assertIn("antara 0 dan 100 (diperoleh 1.000)", str(caught.exception))


@tagged("post_install", "-at_install")
class TestCompetitionSetupJourney(SinovikCase):
    def _new_competition(self, deadline):
        competition = self.env["sop.sinovik.competition"].with_user(self.staff).create({"name": "KIPP", "year": 2027})
        competition.stage_ids.filtered(lambda s: s.kind == "registration").date_end = deadline
        return competition

    def test_start_evaluation_before_the_deadline_asks_first(self):
        today = fields.Date.context_today(self.competition)
        deadline = today + timedelta(days=20)
        competition = self._new_competition(deadline)
        competition.action_open_registration()
        self.assertTrue(competition.registration_running)
        with self.assertRaisesRegex(UserError, f"runs until {re.escape(format_date_long(deadline, 'en_US'))}"):
            competition.with_user(self.staff).with_context(lang="en_US").action_start_evaluation()
        self.assertEqual(competition.state, "open", "nothing closed")
        self.assertEqual(competition.stage_ids.filtered(lambda s: s.kind == "registration").state, "open")
        # the form offers the early start behind a confirmation, the plain one once the deadline passed
        arch = etree.fromstring(competition.get_view(view_type="form")["arch"])
        early = arch.xpath("//button[@name='action_start_evaluation_early']")[0]
        self.assertIn("closes the registration early", early.get("confirm"))
        self.assertIn("not registration_running", early.get("invisible"))
        self.assertIn(
            "registration_running", arch.xpath("//button[@name='action_start_evaluation']")[0].get("invisible")
        )
        competition.with_user(self.staff).action_start_evaluation_early()
        self.assertEqual(competition.state, "evaluation")
        # after the deadline it starts without asking
        late = self._new_competition(today - timedelta(days=1))
        late.action_open_registration()
        self.assertFalse(late.registration_running)
        late.with_user(self.staff).action_start_evaluation()
        self.assertEqual(late.state, "evaluation")

    def test_new_competition_has_categories_and_stage_dates_inline(self):
        with Form(self.env["sop.sinovik.competition"].with_user(self.staff)) as form:
            form.name = "Kompetisi Inovasi 2027"
            form.year = 2027
        competition = form.record
        self.assertEqual(
            competition.category_ids.sorted("sequence").mapped("name"),
            [
                "Pelayanan Publik Inklusif dan Berkeadilan",
                "Efektivitas Institusi Publik untuk Mewujudkan TPB/SDGs",
                "Ketahanan Institusi Publik pada Masa dan Pasca Pandemi",
            ],
        )
        # the stages' dates are entered in the competition's list, row after row
        arch = etree.fromstring(competition.get_view(view_type="form")["arch"])
        stages = arch.xpath("//field[@name='stage_ids']/list")[0]
        self.assertEqual(stages.get("editable"), "bottom")
        self.assertTrue(stages.xpath("./field[@name='date_start']") and stages.xpath("./field[@name='date_end']"))
        start = fields.Date.to_date("2027-01-04")
        with Form(competition.with_user(self.staff)) as form:
            for index in range(len(competition.stage_ids)):
                with form.stage_ids.edit(index) as stage:
                    stage.date_start = start + timedelta(days=30 * index)
                    stage.date_end = start + timedelta(days=30 * index + 20)
        stages = competition.stage_ids.sorted("sequence")
        self.assertEqual(stages.mapped("date_start"), [start + timedelta(days=30 * i) for i in range(6)])
        self.assertEqual(competition.registration_deadline, start + timedelta(days=20))
        # a scored stage's criteria open from its row
        action = stages.filtered(lambda s: s.kind == "desk").action_open_stage()
        self.assertEqual((action["res_model"], action["view_mode"]), ("sop.sinovik.stage", "form"))

    def test_unranked_proposal_shows_no_rank(self):
        arch = etree.fromstring(self.env["sop.sinovik.proposal"].get_view(view_type="list")["arch"])
        self.assertEqual(arch.xpath("//field[@name='final_rank']")[0].get("invisible"), "not final_rank")
        arch = etree.fromstring(self.env["sop.sinovik.proposal"].get_view(view_type="form")["arch"])
        self.assertEqual(arch.xpath("//field[@name='final_rank']")[0].get("invisible"), "not final_rank")


@tagged("post_install", "-at_install")
class TestLiaisonAndJurorPortal(JurorJourneyFixtures, SinovikFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sinovik_setup()
        cls._juror_journey_setup(cls.juror_3)

    def _card_classes(self, html, url):
        match = re.search(rf'<div class="o_portal_index_card ([^"]*)">\s*<a href="{re.escape(url)}"', html)
        self.assertTrue(match, f"no tile for {url}")
        return match.group(1)

    def test_home_tiles(self):
        """A liaison sees the SINOVIK tile before his first proposal; the jury tile is the juror's."""
        liaison = new_test_user(self.env, "sinovik_portal_new", groups="base.group_portal")
        self.env["hr.department"].create(
            {"name": "Dinas Baru", "is_opd": True, "liaison_user_ids": [Command.set(liaison.ids)]}
        )
        self.authenticate(liaison.login, liaison.login)
        page = self.url_open("/my").text
        self.assertNotIn("d-none", self._card_classes(page, "/my/sinovik"))
        self.assertIn("d-none", self._card_classes(page, "/my/sinovik/jury"))
        self.authenticate(self.juror_3.login, self.juror_3.login)
        page = self.url_open("/my").text
        self.assertNotIn("d-none", self._card_classes(page, "/my/sinovik/jury"))
        self.assertIn("d-none", self._card_classes(page, "/my/sinovik"), "a juror is no liaison")

    def test_locked_scoring_page_says_why(self):
        self.authenticate(self.juror_3.login, self.juror_3.login)
        url = f"/my/sinovik/jury/{self.later_assignment.id}"
        page = self.url_open(url).text
        self.assertIn("has not started yet: it starts on", page)
        self.assertRegex(page, r"<fieldset disabled")
        line = self.later_assignment.score_ids[:1]
        self.assertIn(
            f'name="score_{line.id}" min="{line.min_score:g}" max="{line.max_score:g}" value="{line.score:g}"', page
        )
        self.assertNotIn(f'value="{line.score}"', page, "a score reads 70, not 70.0")
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
        line = self.later_assignment.score_ids[:1]
        response = self.url_open(url, data={f"score_{line.id}": "70", "action": "save", "csrf_token": csrf})
        self.assertEqual(response.status_code, 409)
        self.assertIn("has not started yet", response.text)
        self.env.invalidate_all()
        self.assertEqual(line.score, line.min_score)

    def test_liaison_tour(self):
        self.start_tour("/my", "sop_liaison_journey_tour", login=self.portal_b.login)

    def test_juror_tour(self):
        self.start_tour("/my", "sop_juror_journey_tour", login=self.juror_3.login)
        self.assertEqual(self.desk_assignment.state, "done")
        self.assertAlmostEqual(self.desk_assignment.total, 92.0)
        self.assertEqual(self.later_assignment.state, "todo")


@tagged("post_install", "-at_install")
class TestCitizenDoubleTap(SkmPhoneCase):
    """A citizen on a phone taps "Kirim Jawaban" twice."""

    def _answers(self):
        return self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])

    def _open_form(self):
        response = self.url_open(f"/skm/{self.unit.access_token}")
        return re.search(r'name="visit_token" value="([^"]+)"', response.text).group(1)

    def _form_data(self, token, skip=()):
        data = {
            "visit_token": token,
            f"q_{self.profile_questions['age'].id}": "41",
            "service_id": str(self.service_a.id),
        }
        for code, question in self.element_questions.items():
            if code not in skip:
                data[f"q_{question.id}"] = "4"
        for code in ("gender", "education", "occupation"):
            question = self.profile_questions[code]
            data[f"q_{question.id}"] = str(question.suggested_answer_ids[:1].id)
        return data

    def _post(self, data):
        return self.url_open(f"/skm/{self.unit.access_token}/submit", data=data, allow_redirects=False)

    def test_phone_double_tap_tour(self):
        with self.assertNoLogs(level="ERROR"):
            self.start_tour(f"/skm/{self.unit.access_token}", "sop_skm_phone_double_tap_tour", login=None)
        answers = self._answers()
        self.assertEqual(len(answers), 1, "one answer for a double tap")
        self.assertEqual(answers.state, "done")
        self.assertEqual(self.env["sop.skm.visit"].search_count([("unit_id", "=", self.unit.id)]), 1)

    def test_the_same_form_sent_again_gets_the_thanks(self):
        token = self._open_form()
        thanks = f"/skm/{self.unit.access_token}/thanks"
        with self.assertNoLogs(level="ERROR"):
            first = self._post(self._form_data(token))
            again = self._post(self._form_data(token))
        self.assertEqual(first.status_code, 303)
        self.assertEqual(again.status_code, 303, again.text[:300])
        self.assertTrue(again.headers["Location"].endswith(thanks))
        self.assertEqual(len(self._answers()), 1)

    def test_missing_answers_are_named_by_their_element(self):
        response = self._post(self._form_data(self._open_form(), skip=("U3", "U7")))
        self.assertEqual(response.status_code, 400)
        notice = re.search(r'class="alert alert-warning o_skm_notice".*?</div>', response.text, re.S).group(0)
        items = re.findall(r"<li>(.*?)</li>", notice)
        self.assertEqual(items, ["U3. Waktu Penyelesaian: wajib diisi.", "U7. Perilaku Pelaksana: wajib diisi."])
        self.assertNotIn(self.element_questions["U3"].title, notice)


@tagged("post_install", "-at_install")
class TestSkmConcurrentDuplicate(TransactionCase):
    """Two submissions of one form at once (a double tap): the second waits for the first, finds its answer
    stored and stores nothing; no serialization failure (an ERROR in the log, a replayed request)."""

    def test_second_submission_after_the_first_commits(self):
        nonce = uuid.uuid4().hex
        dbname = self.env.cr.dbname
        try:
            with closing(db_connect(dbname).cursor()) as cr_first, closing(db_connect(dbname).cursor()) as cr_second:
                first = api.Environment(cr_first, SUPERUSER_ID, {})["sop.skm.visit"]
                second = api.Environment(cr_second, SUPERUSER_ID, {})["sop.skm.visit"]
                # the second request's snapshot is taken before the first one commits (REPEATABLE READ)
                cr_second.execute("SELECT count(*) FROM sop_skm_visit")
                with self.assertNoLogs("odoo.sql_db", level="ERROR"):
                    self.assertTrue(first._consume(nonce, "10.0.0.7", first.env["sop.skm.unit"]))
                    cr_first.commit()
                    self.assertFalse(second._consume(nonce, "10.0.0.7", second.env["sop.skm.unit"]))
                    cr_second.commit()
        finally:
            # the two submissions committed on cursors of their own, outside the test's transaction
            with closing(db_connect(dbname).cursor()) as cr:
                cr.execute("DELETE FROM sop_skm_visit WHERE nonce = %s", (nonce,))
                cr.commit()  # pylint: disable=invalid-commit
        self.assertFalse(self.env["sop.skm.visit"].search([("nonce", "=", nonce)]))


@tagged("post_install", "-at_install")
class TestNoOutdatedPageToast(HttpCase):
    """Printing leaves the backend's asset bundle alone: no new bundle, no "bundle_changed" message on
    the bus (the web client's invitation to reload). The toast "The page is out of date" itself
    comes from the bus when the autovacuum ran while a tab's connection was down (see the report
    of issue 18): printing must not add to it."""

    def _backend_bundle(self):
        return sorted(
            self.env["ir.attachment"].sudo().search([("url", "=like", "/web/assets/%/web.assets_web%")]).mapped("url")
        )

    def _bundle_messages(self):
        return self.env["bus.bus"].sudo().search_count([("message", "like", "%bundle_changed%")])

    def _page_bundle(self):
        return sorted(
            set(re.findall(r'(?:src|href)="(/web/assets/[^"]+/web\.assets_web[^"]*)"', self.url_open("/odoo").text))
        )

    def test_printing_keeps_the_backend_bundle(self):
        self.authenticate("admin", "admin")
        urls = self._page_bundle()
        self.assertTrue(urls, "the backend page loads its bundle")
        for url in urls:
            self.assertEqual(self.url_open(url).status_code, 200)
        bundle, messages = self._backend_bundle(), self._bundle_messages()
        self.assertTrue(bundle)
        procedure = self.env["sop.procedure"].search([], limit=1)
        self.assertTrue(procedure, "the seed SOPs")
        self.assertEqual(
            self.url_open(f"/report/html/sop_organisasi.report_sop_document/{procedure.id}").status_code, 200
        )
        # a real PDF (tests render HTML unless forced): wkhtmltopdf fetches the report bundles from the
        # test server (not through a request of the test, which would wait for itself)
        self.env["ir.config_parameter"].sudo().set_param("report.url", self.base_url())
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("sop_organisasi.report_sop_document", procedure.ids)
        )
        self.assertEqual(pdf[:5], b"%PDF-")
        self.assertEqual(self._backend_bundle(), bundle, "printing regenerated the backend bundle")
        self.assertEqual(self._bundle_messages(), messages, "printing told every open page to reload")
        self.assertEqual(self._page_bundle(), urls)
