from unittest.mock import patch

from odoo.addons.sop_organisasi.tests.no_english import NoEnglishCase
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..controllers.sop_public_page import FRAGMENTS
from ..controllers.sop_public_page import PDFS
from ..controllers.sop_public_page import PublicPage
from ..tools.public_pages import StampedCache
from ..tools.public_pages import format_fixed
from ..tools.public_pages import slug_id
from .skm_common import SkmCase
from .skm_common import SkmPortalCase


class PublicationFixtures:
    @classmethod
    def _setup_publication(cls):
        cls.kabag = new_test_user(cls.env, "skm_kabag", groups="sop_organisasi.group_sop_approver")
        cls._respond([4, 4, 3, 3, 4, 4, 3, 4, 2], service=cls.service_a)
        cls._respond([3, 4, 3, 2, 4, 4, 3, 4, 3], service=cls.service_b)
        cls.followup = cls.env["sop.skm.followup"].create(
            {
                "population_id": cls.population.id,
                "element": "U9",
                "name": "Kotak pengaduan daring di loket",
                "deadline": cls.period.date_end,
                "user_id": cls.sop_user.id,
            }
        )
        cls.period.action_close()


@tagged("post_install", "-at_install")
class TestSkmPublication(PublicationFixtures, SkmCase):
    """Publishing an SKM period: the head of the division's button, guarded by the server."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_publication()

    def test_the_kabag_publishes_a_closed_period(self):
        self.period.with_user(self.kabag).action_publish()
        self.assertTrue(self.period.published)
        self.assertTrue(self.period.date_published)
        self.assertEqual(self.period.published_by_id, self.kabag)
        action = self.period.with_user(self.liaison).action_view_public_results()
        self.assertEqual(action["url"], f"/skm/hasil/{self.env['ir.http']._slug(self.period)}")
        with self.assertRaisesRegex(UserError, "already published"):
            self.period.with_user(self.kabag).action_publish()
        with self.assertRaisesRegex(UserError, "unpublish the period before reopening"):
            self.period.action_open()

    def test_only_the_kabag_and_administrators_publish(self):
        for user in (self.sop_user, self.liaison):
            with self.assertRaises(AccessError):
                self.period.with_user(user).action_publish()
        self.assertFalse(self.period.published)
        administrator = new_test_user(self.env, "skm_admin_pub", groups="sop_organisasi.group_sop_manager")
        self.period.with_user(administrator).action_publish()
        self.assertEqual(self.period.published_by_id, administrator)

    def test_an_open_period_is_not_published(self):
        self.period.action_open()
        with self.assertRaisesRegex(UserError, "Close the period"):
            self.period.with_user(self.kabag).action_publish()

    def test_no_client_writes_the_publication(self):
        for user in (self.kabag, self.sop_user):
            for name, value in (
                ("published", True),
                ("date_published", "2026-01-01 00:00:00"),
                ("published_by_id", user.id),
                ("unpublish_reason", "x"),
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} {name}"):
                    self.period.with_user(user).write({name: value})
        with self.assertRaises(AccessError):
            self.env["sop.skm.period"].with_user(self.kabag).create(
                {"year": 2030, "period_type": "year", "published": True}
            )
        copy = self.period.with_user(self.kabag).copy({"year": 2031})
        self.assertFalse(copy.published)

    def test_unpublish_asks_the_reason(self):
        self.period.with_user(self.kabag).action_publish()
        action = self.period.with_user(self.kabag).action_unpublish()
        wizard_model = self.env[action["res_model"]].with_user(self.kabag).with_context(**action["context"])
        with self.assertRaises(AssertionError):
            with Form(wizard_model) as wizard:
                pass  # the reason is required
        with Form(wizard_model) as wizard:
            wizard.reason = "Salah hitung populasi unit"
        wizard.record.action_confirm()
        self.assertFalse(self.period.published)
        self.assertEqual(self.period.unpublish_reason, "Salah hitung populasi unit")
        self.assertEqual(self.period.unpublished_by_id, self.kabag)
        self.period.with_user(self.kabag).action_publish()
        with self.assertRaises(AccessError):
            self.period.with_user(self.sop_user)._skm_unpublish("bukan Kabag")
        with self.assertRaisesRegex(UserError, "reason"):
            self.period.with_user(self.kabag)._skm_unpublish("  ")
        self.assertTrue(self.period.published)

    def test_published_results_are_figures_only(self):
        Publication = self.env["sop.skm.publication"]
        self.assertEqual(Publication._results(self.period), {})
        self.period.with_user(self.kabag).action_publish()
        result = Publication._results(self.period)[(self.period.id, self.unit.id)]
        report = self.env["sop.skm.ikm"]._skm_compute(("period", "unit"), period_ids=self.period.ids)[0]
        self.assertEqual(result["ikm"], report["ikm"])
        self.assertEqual(result["respondents"], 2)
        self.assertEqual(result["nrr"], report["nrr"])
        plans = Publication._followups(self.period, self.unit)
        self.assertEqual([plan["action"] for plan in plans], ["Kotak pengaduan daring di loket"])
        self.assertNotIn("user_id", plans[0])

    def test_the_public_report_names_no_unpublished_period(self):
        earlier = self.env["sop.skm.period"].create(
            {"year": self.period.year - 1, "period_type": "year", "survey_id": self.survey.id}
        )
        self.env["sop.skm.population"].create({"period_id": earlier.id, "unit_id": self.unit.id})
        self._respond([2] * 9, period=earlier)
        self.period.with_user(self.kabag).action_publish()
        internal = self.population._skm_report_data()
        self.assertEqual(internal["trend"].period_id, earlier | self.period)
        self.assertEqual(internal["previous"].period_id, earlier)
        public = self.population.with_context(skm_published_only=True)._skm_report_data()
        self.assertEqual(public["trend"].period_id, self.period)
        self.assertFalse(public["previous"])

    def test_tools(self):
        self.assertEqual(slug_id("loket-perizinan-uji-12"), 12)
        self.assertEqual(slug_id("12"), 12)
        for bad in ("", "abc", "-12", "x" * 300 + "-1", "12" * 10, "loket-0", "a/1", "loket-1\x00", None, 12):
            self.assertIsNone(slug_id(bad), bad)
        self.assertEqual(format_fixed(82.456), "82,46")
        self.assertEqual(format_fixed(1234.5, 1), "1.234,5")
        self.assertEqual(format_fixed(None), "")
        cache = StampedCache(2)
        cache.put("a", "s1", 1)
        cache.put("b", "s1", 2)
        self.assertEqual(cache.get("a", "s1"), 1)
        self.assertIsNone(cache.get("a", "s2"), "another stamp: rendered again")
        cache.put("c", "s1", 3)
        self.assertIsNone(cache.get("b", "s1"), "the least recently used goes")
        self.assertEqual(len(cache), 2)


@tagged("post_install", "-at_install")
class TestSkmResultsPages(PublicationFixtures, SkmPortalCase):
    """/skm/hasil over HTTP: only published periods, never personal data, the report for published ones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_publication()
        # a respondent's own words and profile never reach a public page
        cls._respond([4] * 9, gender="Perempuan", age=41, service=cls.service_a)
        suggestion = cls.profile_questions["suggestion"]
        answer = cls.env["survey.user_input"].search([("survey_id", "=", cls.survey.id)], limit=1)
        answer._save_lines(suggestion, "saran rahasia nomor 7431")

    def setUp(self):
        super().setUp()
        FRAGMENTS.clear()

    def _paths(self):
        slug = self.env["ir.http"]._slug
        base = f"/skm/hasil/{slug(self.period)}"
        return base, f"{base}/{slug(self.unit)}", f"{base}/{slug(self.unit)}/laporan.pdf"

    def test_an_unpublished_period_never_appears(self):
        page = self.url_open("/skm/hasil")
        self.assertEqual(page.status_code, 200)
        self.assertIn('lang="id"', page.text)
        self.assertIn("Belum ada hasil survei yang diterbitkan", page.text)
        self.assertNotIn("SKM Uji", page.text)
        for path in self._paths():
            self.assertEqual(self.url_open(path).status_code, 404, path)

    def test_a_published_period_appears_then_leaves(self):
        overview, unit_page, pdf = self._paths()
        self.url_open("/skm/hasil")  # cached while unpublished
        self.period.with_user(self.kabag).action_publish()
        page = self.url_open("/skm/hasil")
        self.assertIn("SKM Uji", page.text, "the publication renders the cached page again")
        self.assertIn("Loket Perizinan Uji", page.text)
        ikm = self.env["sop.skm.publication"]._results(self.period)[(self.period.id, self.unit.id)]["ikm"]
        self.assertIn(format_fixed(ikm), page.text)
        fragment = page.text[page.text.index('<div class="o_sop_skm_results">') :]
        self.assertIn(fragment, self.url_open(overview).text, "the latest period is the overview's")
        detail = self.url_open(unit_page)
        self.assertEqual(detail.status_code, 200)
        for text in ("U1. Persyaratan", "U9. Penanganan Pengaduan", "Kotak pengaduan daring di loket", "Direncanakan"):
            self.assertIn(text, detail.text)
        for private in ("7431", "Perempuan", self.sop_user.name, "skm_staff"):
            self.assertNotIn(private, detail.text + page.text)
        report = self.url_open(pdf)
        self.assertEqual(report.status_code, 200)
        self.assertEqual(report.headers["Content-Type"], "application/pdf")
        self.assertNotIn(b"7431", report.content)
        self.assertIn(b"Kotak pengaduan daring di loket", report.content)
        self.assertNotIn(self.sop_user.name.encode(), report.content, "no owner of a follow-up plan")
        # the other unit has no respondent: nothing to show
        other = f"{overview}/{self.env['ir.http']._slug(self.other_unit)}"
        self.assertEqual(self.url_open(other).status_code, 404)
        self.period.with_user(self.kabag)._skm_unpublish("Data dikoreksi")
        self.assertNotIn("SKM Uji", self.url_open("/skm/hasil").text)
        for path in self._paths():
            self.assertEqual(self.url_open(path).status_code, 404, path)

    def test_the_report_is_made_once_per_state_of_the_published_data(self):
        """A public GET cannot make wkhtmltopdf run again and again: the report is kept with the population."""
        self.period.with_user(self.kabag).action_publish()
        pdf = self._paths()[2]
        Report = type(self.env["ir.actions.report"])
        original = Report._render_qweb_pdf
        calls = []

        def counting(report, report_ref, *args, **kwargs):
            calls.append(report_ref)
            return original(report, report_ref, *args, **kwargs)

        with patch.object(Report, "_render_qweb_pdf", counting):
            for _request in range(3):
                PDFS.clear()  # another worker, or the worker's cache full of other reports
                self.assertEqual(self.url_open(pdf).status_code, 200)
            self.assertEqual(calls, ["sop_survey.action_report_skm_unit"], "made once, then the kept report")
            # the published data changes (another transaction writes it: another stamp)
            with patch.object(PublicPage, "_stamp", lambda page, env: "changed"):
                PDFS.clear()
                self.assertEqual(self.url_open(pdf).status_code, 200)
            self.assertEqual(len(calls), 2, "the published data changed: made again")
        kept = self.env["ir.attachment"].search([("name", "=like", "skm-public-%.pdf")])
        self.assertEqual(len(kept), 1, "only the report of the current state is kept")

    def test_bad_urls_are_not_found(self):
        self.period.with_user(self.kabag).action_publish()
        for path in (
            "/skm/hasil/abc",
            "/skm/hasil/99999999999",
            "/skm/hasil/0",
            f"/skm/hasil/{'x' * 400}-1",
            f"/skm/hasil/{self.period.id}/%00",
            f"/skm/hasil/{self.period.id}/{self.unit.id}x",
        ):
            self.assertEqual(self.url_open(path).status_code, 404, path)
        self.assertEqual(self.url_open(f"/skm/hasil/{self.period.id}/{self.unit.id}").status_code, 200)


@tagged("post_install", "-at_install")
class TestSkmPublicationIndonesian(NoEnglishCase):
    def test_publication_screens_are_indonesian(self):
        self.assertNoEnglish(
            [
                ("sop.skm.period", "sop_survey.sop_skm_period_view_form", "form"),
                ("sop.skm.period", "sop_survey.sop_skm_period_view_list", "list"),
                ("sop.skm.period.unpublish.wizard", "sop_survey.sop_skm_period_unpublish_wizard_view_form", "form"),
            ]
        )

    def test_publication_messages_are_indonesian(self):
        period = self.env_id["sop.skm.period"].create({"year": 2031, "period_type": "year"})
        with self.assertRaisesRegex(UserError, "Tutup periode SKM 2031 sebelum menerbitkannya"):
            period.action_publish()
