"""Public and portal pages under hostile input: no 500, a 4xx page with a message, nothing stored.

SKM: a form that cannot accept answers is not rendered; NUL bytes keep what was typed; ids out of
PostgreSQL's range; the kiosk secret lives in an HttpOnly cookie, never in a URL.
SINOVIK portal: NUL bytes and ids out of range. JSON-RPC: the model holes over real HTTP.
"""

import re
from urllib.parse import urlsplit

from odoo import Command
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .skm_common import SkmPortalCase
from .test_rpc_access import JsonRpcCallMixin
from .test_rpc_access import RpcAccessFixtures

PG_INT_MAX = 2**31 - 1
LOGGER = "odoo.addons.sop_survey.controllers.sop_skm_portal"


@tagged("post_install", "-at_install")
class TestSkmPortalHardening(SkmPortalCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.administrator = new_test_user(cls.env, "skm_portal_admin", groups="sop_organisasi.group_sop_manager")

    # ------------------------------------------------- a form that cannot take answers is not shown
    def test_archived_questionnaire_is_not_rendered(self):
        _response, token = self._open_form()
        self.survey.with_user(self.administrator).action_archive()
        response = self.url_open(f"/skm/{self.unit.access_token}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("tidak menerima jawaban", response.text)
        self.assertNotIn('name="visit_token"', response.text)
        # a form opened before: refused with the same page, and the refusal is logged as a warning
        with self.assertLogs(LOGGER, "WARNING") as logs:
            response = self._post(self._form_data(token))
        self.assertEqual(response.status_code, 403)
        self.assertIn("tidak menerima jawaban", response.text)
        self.assertTrue(any("refused" in line and str(self.survey.id) in line for line in logs.output), logs.output)
        self.assertEqual(self._done_count(), 0)
        # back in use: the form works again
        self.survey.with_user(self.administrator).action_unarchive()
        _response, token = self._open_form()
        self.assertEqual(self._post(self._form_data(token)).status_code, 303)

    def test_questionnaire_refusing_public_answers_is_not_rendered(self):
        _response, token = self._open_form()
        for restriction in ({"access_mode": "token"}, {"users_login_required": True}):
            self.survey.with_user(self.administrator).write(restriction)
            self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}").status_code, 403)
            with self.assertLogs(LOGGER, "WARNING"):
                self.assertEqual(self._post(self._form_data(token)).status_code, 403)
            self.survey.with_user(self.administrator).write({"access_mode": "public", "users_login_required": False})
        # a period closed after the form was opened: also a warning
        _response, token = self._open_form()
        self.period.action_close()
        with self.assertLogs(LOGGER, "WARNING"):
            response = self._post(self._form_data(token))
        self.assertEqual(response.status_code, 403)
        self.assertIn("ditutup", response.text)
        self.assertEqual(self._done_count(), 0)

    # ------------------------------------------------- NUL bytes
    def test_nul_byte_keeps_the_typed_answers(self):
        _response, token = self._open_form()
        suggestion = self.profile_questions["suggestion"]
        data = self._form_data(token, score="3", **{f"q_{suggestion.id}": "antre\x00 terlalu lama"})
        response = self._post(data)
        self.assertEqual(response.status_code, 400)
        self.assertIn("karakter yang tidak valid", response.text)
        # the same form, with what was typed (the invisible NUL removed)
        self.assertIn(f'name="visit_token" value="{token}"', response.text)
        self.assertIn("antre terlalu lama</textarea>", response.text)
        for question in self.element_questions.values():
            self.assertRegex(response.text, rf'<input[^>]*name="q_{question.id}"[^>]*value="3"[^>]*checked')
        self.assertEqual(self._done_count(), 0)
        self.assertFalse(self.env["sop.skm.visit"].search([]))
        # every text input: a NUL in the age, in the service, in the visit token
        age = self.profile_questions["age"]
        for change in ({f"q_{age.id}": "4\x001"}, {"service_id": f"{self.service_a.id}\x00"}, {"visit_token": "\x00"}):
            with self.subTest(change=change):
                self.assertEqual(self._post(dict(data, **change)).status_code, 400)
        self.assertEqual(self._done_count(), 0)
        data[f"q_{suggestion.id}"] = "antre terlalu lama"
        self.assertEqual(self._post(data).status_code, 303)

    def test_bad_tokens_in_urls(self):
        for path in (
            "/skm/abc%00def",
            "/skm/abc%00def/thanks",
            f"/skm/{self.unit.access_token}%00",
            "/skm/kiosk/activate/%00",
            "/skm/kiosk/activate/%C3%A9",
            f"/skm/{self.unit.access_token}/kiosk/%C3%A9",
        ):
            with self.subTest(path=path):
                response = self.url_open(path)
                self.assertEqual(response.status_code, 404, response.text[:300])
        # a query parameter is no kiosk secret (the kiosk is a cookie): the page is the plain thank-you page
        response = self.url_open(f"/skm/{self.unit.access_token}/thanks?kiosk=%C3%A9")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Responden berikutnya", response.text)
        self.opener.cookies.set(f"sop_skm_kiosk_{self.unit.id}", "\u00e9t\u00e9", domain="127.0.0.1", path="/skm/")
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}/kiosk").status_code, 403)
        _response, token = self._open_form()
        response = self.url_open("/skm/abc%00def/submit", data=self._form_data(token), allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertEqual(self._done_count(), 0)

    def test_ids_out_of_range(self):
        for service_id in (0, PG_INT_MAX + 1, 10**30):
            with self.subTest(service_id=service_id):
                self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}/{service_id}").status_code, 404)
        self.authenticate(self.sop_user.login, self.sop_user.login)
        for population_id in (0, PG_INT_MAX + 1, 10**30):
            with self.subTest(population_id=population_id):
                response = self.url_open(f"/skm/report/xlsx/{population_id}")
                self.assertEqual(response.status_code, 404)
        self.assertEqual(self.url_open(f"/skm/report/xlsx/{self.population.id}").content[:2], b"PK")

    # ------------------------------------------------- kiosk: the secret in an HttpOnly cookie
    def test_kiosk_activation(self):
        self.unit.skm_rate_limit = 1
        self._fill_window(self.unit, 1)
        self.unit.with_user(self.sop_user).action_kiosk_new_link()
        secret = self.unit.kiosk_token
        self.assertTrue(secret)
        activation = self.unit.kiosk_url
        self.assertIn("/skm/kiosk/activate/", activation)
        self.assertNotIn(secret, activation)
        # the secret itself in a URL opens nothing
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}/kiosk/{secret}").status_code, 404)
        kiosk_path = f"/skm/{self.unit.access_token}/kiosk"
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)  # this browser is not the kiosk yet
        response = self.url_open(urlsplit(activation).path, allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertTrue(response.headers["Location"].endswith(kiosk_path))
        self.assertNotIn(secret, response.headers["Location"])
        cookie = response.headers["Set-Cookie"]
        self.assertIn(secret, cookie)
        self.assertIn("HttpOnly", cookie)
        self.assertIn("Path=/skm/", cookie)
        # the activation link works once; the unit form no longer shows it
        self.env.invalidate_all()
        self.assertFalse(self.unit.kiosk_url)
        self.assertTrue(self.unit.kiosk_active)
        self.assertEqual(self.url_open(urlsplit(activation).path, allow_redirects=False).status_code, 404)
        # the kiosk answers without the address limit, and no secret ever appears in a page or URL
        for _i in range(2):
            response, token = self._open_form(kiosk_path)
            self.assertNotIn(secret, response.text)
            response = self._post(self._form_data(token))
            self.assertEqual(response.status_code, 303)
            self.assertEqual(response.headers["Location"].split("?")[0][-len("/thanks") :], "/thanks")
            self.assertNotIn(secret, response.headers["Location"])
            self.assertNotIn("?", response.headers["Location"])
        thanks = self.url_open(response.headers["Location"])
        self.assertIn("Responden berikutnya", thanks.text)
        self.assertIn(f'href="{kiosk_path}"', thanks.text)
        self.assertNotIn(secret, thanks.text)
        self.assertEqual(self._done_count(), 2)
        # a phone (no cookie) is still limited
        self.opener.cookies.clear()
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}").status_code, 429)
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)

    def test_kiosk_revoked_by_a_new_link(self):
        self.unit.with_user(self.sop_user).action_kiosk_new_link()
        kiosk_path = f"/skm/{self.unit.access_token}/kiosk"
        self.url_open(urlsplit(self.unit.kiosk_url).path)
        _response, token = self._open_form(kiosk_path)
        # the tablet's cookie stops working once the kiosk link is renewed or the kiosk stopped
        self.unit.with_user(self.sop_user).action_kiosk_new_link()
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)
        self.unit.skm_rate_limit = 1
        self._fill_window(self.unit, 1)
        self.assertEqual(self._post(self._form_data(token)).status_code, 429)  # counted as a phone
        thanks = self.url_open(f"/skm/{self.unit.access_token}/thanks")
        self.assertNotIn("Responden berikutnya", thanks.text)
        # another activation link for a second tablet keeps the first one working
        self.url_open(urlsplit(self.unit.kiosk_url).path)
        self.assertEqual(self.url_open(kiosk_path).status_code, 200)
        self.unit.with_user(self.sop_user).action_kiosk_activation_link()
        self.assertTrue(self.unit.kiosk_url)
        self.assertEqual(self.url_open(kiosk_path).status_code, 200)
        self.unit.with_user(self.sop_user).action_kiosk_stop()
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)
        self.assertFalse(self.unit.kiosk_url)
        self.assertFalse(self.unit.kiosk_active)


@tagged("post_install", "-at_install")
class TestSinovikPortalHardening(JsonRpcCallMixin, RpcAccessFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._rpc_setup()

    def _csrf(self, url):
        return re.search(r'name="csrf_token" value="([^"]+)"', self.url_open(url).text).group(1)

    def test_nul_bytes_in_portal_forms(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        count = self.env["sop.sinovik.proposal"].search_count([])
        data = {"competition_id": str(self.competition.id), "name": "Inovasi\x00 Baru"}
        response = self.url_open("/my/sinovik/new", data=dict(data, csrf_token=self._csrf("/my/sinovik")))
        self.assertEqual(response.status_code, 400)
        self.assertIn("invalid character", response.text)
        self.assertEqual(self.env["sop.sinovik.proposal"].search_count([]), count)
        url = f"/my/sinovik/{self.draft_b.id}"
        section = self.draft_b.answer_ids[:1]
        before = section.text
        for change in (
            {f"section_{section.section_id.id}": "Teks\x00 baru"},
            {"name": "Judul\x00"},
            {"video_url": "https://youtu.be/x\x00"},
        ):
            with self.subTest(change=change):
                post = dict({"name": "Nama Diganti", "action": "save"}, **change, csrf_token=self._csrf(url))
                response = self.url_open(url, data=post)
                self.assertEqual(response.status_code, 400)
                self.assertIn("invalid character", response.text)
                self.assertIn("o_sinovik_portal_form", response.text)  # the form, re-rendered
                self.env.invalidate_all()
                self.assertEqual((self.draft_b.name, section.text), ("Draf B", before))
        # a NUL in an uploaded file's name (a raw client: browsers and requests escape it)
        document = self.draft_b.document_ids[:1]
        boundary = "sopboundary"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, value in (("name", "Nama Diganti"), ("action", "save"), ("csrf_token", self._csrf(url)))
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="document_{document.type_id.id}"; '
            f'filename="surat\x00.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 x\r\n'.encode()
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        response = self.url_open(url, data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        self.assertEqual(response.status_code, 400)
        self.env.invalidate_all()
        self.assertEqual(self.draft_b.name, "Draf B")
        # the juror's comment
        self.authenticate(self.juror_3.login, self.juror_3.login)
        url = f"/my/sinovik/jury/{self.assign_3b.id}"
        line = self.assign_3b.score_ids[:1]
        post = {f"score_{line.id}": "3", f"comment_{line.id}": "Bagus\x00", "action": "save"}
        response = self.url_open(url, data=dict(post, csrf_token=self._csrf(url)))
        self.assertEqual(response.status_code, 400)
        self.assertIn("invalid character", response.text)
        self.env.invalidate_all()
        self.assertEqual((line.score, line.comment), (1.0, False))

    def test_ids_out_of_range(self):
        self.authenticate(self.juror_3.login, self.juror_3.login)
        for path in ("/my/sinovik/jury/0", f"/my/sinovik/jury/{PG_INT_MAX + 1}", f"/my/sinovik/jury/{10**30}"):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path, allow_redirects=False).status_code, 404)
        self.authenticate(self.portal_b.login, self.portal_b.login)
        for path in ("/my/sinovik/0", f"/my/sinovik/{PG_INT_MAX + 1}"):
            with self.subTest(path=path):
                self.assertEqual(self.url_open(path, allow_redirects=False).status_code, 404)
        url = f"/my/sinovik/{self.draft_b.id}"
        post = {"name": "Nama Diganti", "action": "save", "sdg_ids": str(PG_INT_MAX + 1), "csrf_token": self._csrf(url)}
        self.assertEqual(self.url_open(url, data=post).status_code, 400)
        # the real pages still answer
        self.assertEqual(self.url_open(url).status_code, 200)

    # ------------------------------------------------- the model holes over real JSON-RPC
    def test_json_rpc_refusals(self):
        self.stage_desk.with_user(self.administrator).action_close_force()
        total = round(self.assign_1a.total, 2)
        criterion = self.stage_desk.criterion_ids[:1]
        public = self.env.ref("base.public_user")
        self.authenticate(self.staff.login, self.staff.login)
        self._assert_rpc_refused("UserError", "sop.sinovik.criterion", "write", [criterion.ids, {"weight": 10}])
        self._assert_rpc_refused("UserError", "sop.sinovik.criterion", "unlink", [criterion.ids])
        self._assert_rpc_refused(
            "UserError", "sop.sinovik.stage", "write", [self.stage_desk.ids, {"competition_id": self.comp_draft.id}]
        )
        self._assert_rpc_refused(
            "ValidationError",
            "sop.sinovik.assignment",
            "create",
            [{"stage_id": self.stage_presentation.id, "proposal_id": self.prop_a.id, "juror_id": public.id}],
        )
        self._assert_rpc_refused("AccessError", "survey.survey", "write", [self.survey.ids, {"active": False}])
        self.authenticate(self.liaison_a.login, self.liaison_a.login)
        self._assert_rpc_refused(
            "ValidationError",
            "sop.sinovik.proposal",
            "write",
            [self.draft_a.ids, {"answer_ids": [Command.create({"section_id": self.comp_draft.section_ids[:1].id})]}],
        )
        self.env.invalidate_all()
        self.assertEqual((round(self.assign_1a.total, 2), criterion.weight), (total, 2))
        self.assertEqual(self.stage_desk.competition_id, self.competition)
        self.assertTrue(self.survey.active)
        self.assertNotIn(self.env.ref("sop_survey.group_sinovik_juror"), public.groups_id)
        self.assertEqual(len(self.draft_a.answer_ids), 2)
