import json
from urllib.parse import urlsplit

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .skm_common import SkmPortalCase


@tagged("post_install", "-at_install")
class TestSkmPortal(SkmPortalCase):
    def test_submit_once(self):
        response, token = self._open_form(f"/skm/{self.unit.access_token}/{self.service_a.id}")
        self.assertIn("Loket Perizinan Uji", response.text)
        self.assertIn("Bagaimana pendapat Saudara tentang kewajaran biaya/tarif", response.text)
        self.assertRegex(response.text, rf'<option value="{self.service_a.id}" selected')
        response = self._post(self._form_data(token))
        self.assertEqual(response.status_code, 303, response.text[:500])
        self.assertTrue(response.headers["Location"].endswith(f"/skm/{self.unit.access_token}/thanks"))
        answer = self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])
        self.assertEqual(len(answer), 1)
        self.assertEqual(answer.state, "done")
        self.assertEqual(
            (answer.skm_unit_id, answer.skm_service_id, answer.skm_period_id), (self.unit, self.service_a, self.period)
        )
        row = self.env["sop.skm.ikm"]._skm_compute(("unit",), unit_ids=self.unit.ids)[0]
        self.assertEqual((str(row["ikm"]), row["respondents"]), ("100.00", 1))
        # refresh / back + resubmit (or a double tap): the thank-you page again, counted once
        again = self._post(self._form_data(token, score="1"))
        self.assertEqual(again.status_code, 303)
        self.assertEqual(again.headers["Location"], response.headers["Location"])
        self.assertEqual(self._done_count(), 1)
        row = self.env["sop.skm.ikm"]._skm_compute(("unit",), unit_ids=self.unit.ids)[0]
        self.assertEqual((str(row["ikm"]), row["respondents"]), ("100.00", 1), "the first answer is kept")
        thanks = self.url_open(response.headers["Location"])
        self.assertIn("Terima kasih", thanks.text)

    def test_invalid_value(self):
        _response, token = self._open_form()
        for bad in ("5", "0", "abc"):
            response = self._post(self._form_data(token, score=bad))
            self.assertEqual(response.status_code, 400)
            self.assertIn("nilai harus 1 sampai 4", response.text)
        data = self._form_data(token)
        del data[f"q_{self.element_questions['U3'].id}"]
        self.assertEqual(self._post(data).status_code, 400)
        # a choice of another question, an unknown service
        data = self._form_data(token)
        data[f"q_{self.profile_questions['gender'].id}"] = str(
            self.profile_questions["education"].suggested_answer_ids[0].id
        )
        self.assertEqual(self._post(data).status_code, 400)
        self.assertEqual(self._post(self._form_data(token, service_id="999999")).status_code, 400)
        self.assertEqual(
            self._post(self._form_data(token, **{f"q_{self.profile_questions['age'].id}": "500"})).status_code, 400
        )
        self.assertEqual(self._done_count(), 0)
        self.assertFalse(self.env["sop.skm.visit"].search([]))
        # the token was not consumed by the refused attempts
        self.assertEqual(self._post(self._form_data(token)).status_code, 303)

    def test_unknown_unit(self):
        response = self.url_open("/skm/not-a-token")
        self.assertEqual(response.status_code, 404)
        self.assertIn("tidak ditemukan", response.text)
        _response, token = self._open_form()
        response = self.url_open("/skm/not-a-token/submit", data=self._form_data(token), allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.unit.active = False
        self.assertEqual(self._post(self._form_data(token)).status_code, 404)
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}").status_code, 404)
        self.assertEqual(self._done_count(), 0)

    def test_closed_period(self):
        _response, token = self._open_form()
        self.period.action_close()
        response = self._post(self._form_data(token))
        self.assertEqual(response.status_code, 403)
        self.assertIn("ditutup", response.text)
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}").status_code, 403)
        self.assertEqual(self._done_count(), 0)

    def test_tampered_token(self):
        _response, token = self._open_form()
        parts = token.split(".")
        forged = ".".join([str(self.other_unit.id), *parts[1:]])
        for bad in (forged, token[:-2] + "00", "garbage", ""):
            response = self._post(self._form_data(bad))
            self.assertEqual(response.status_code, 400, bad)
        # a genuine token of another unit posted to this unit
        other_token = self.env["sop.skm.visit"]._make_token(self.other_unit, self.env["sop.skm.service"], self.period)
        self.assertEqual(self._post(self._form_data(other_token)).status_code, 400)
        self.assertEqual(self._done_count(), 0)

    def test_honeypot(self):
        _response, token = self._open_form()
        response = self._post(self._form_data(token, website_url="http://spam.example"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._done_count(), 0)

    def test_rate_limit(self):
        self.env["ir.config_parameter"].sudo().set_param("sop_survey.skm_rate_limit", "2")
        # forms opened before the limit was reached (once it is, the form page itself says so)
        tokens = [self._open_form()[1] for _i in range(3)]
        for token in tokens[:2]:
            self.assertEqual(self._post(self._form_data(token)).status_code, 303)
        response = self._post(self._form_data(tokens[2]))
        self.assertEqual(response.status_code, 429)
        self.assertEqual(self._done_count(), 2)

    # ------------------------------------------- rate limit per unit and address, kiosk
    def _age_window(self, minutes=11):
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sop_skm_visit SET create_date = create_date - make_interval(mins => %s)", (minutes,)
        )

    def test_rate_limit_per_unit(self):
        self.env["ir.config_parameter"].sudo().set_param("sop_survey.skm_rate_limit", "1")
        _response, first = self._open_form()
        _response, second = self._open_form()
        self.assertEqual(self._post(self._form_data(first)).status_code, 303)
        self.assertEqual(self._post(self._form_data(second)).status_code, 429)
        # another unit has its own count for the same address
        other_token = self.env["sop.skm.visit"]._make_token(self.other_unit, self.env["sop.skm.service"], self.period)
        data = self._form_data(other_token)
        del data["service_id"]
        self.assertEqual(self._post(data, unit=self.other_unit).status_code, 303)
        # a unit with many citizens behind one address gets its own limit
        self.unit.skm_rate_limit = 3
        self.assertEqual(self._post(self._form_data(second)).status_code, 303)
        self.assertEqual(self._done_count(), 3)

    def test_form_says_when_limit_is_reached(self):
        self.unit.skm_rate_limit = 2
        self._fill_window(self.unit, 1)
        self._open_form()
        self._fill_window(self.unit, 1)
        response = self.url_open(f"/skm/{self.unit.access_token}")
        self.assertEqual(response.status_code, 429)
        self.assertIn("Batas pengisian tercapai", response.text)
        self.assertIn("coba lagi sekitar 10 menit lagi", response.text)
        self.assertNotIn('name="visit_token"', response.text)
        self.assertTrue(0 < int(response.headers["Retry-After"]) <= 600)
        self.assertEqual(self.url_open(f"/skm/{self.other_unit.access_token}").status_code, 200)
        self._age_window()
        self._open_form()

    def test_limited_post_keeps_answers(self):
        self.unit.skm_rate_limit = 1
        _response, first = self._open_form()
        _response, second = self._open_form()
        self.assertEqual(self._post(self._form_data(first)).status_code, 303)
        data = self._form_data(second, score="3")
        response = self._post(data)
        self.assertEqual(response.status_code, 429)
        self.assertTrue(int(response.headers["Retry-After"]) > 0)
        self.assertIn("Jawaban Anda belum terkirim", response.text)
        # the same form again, with everything that was typed
        self.assertIn(f'name="visit_token" value="{second}"', response.text)
        for question in self.element_questions.values():
            self.assertRegex(response.text, rf'<input[^>]*name="q_{question.id}"[^>]*value="3"[^>]*checked')
        gender = self.profile_questions["gender"]
        gender_choice = data[f"q_{gender.id}"]
        self.assertRegex(response.text, rf'<input[^>]*name="q_{gender.id}"[^>]*value="{gender_choice}"[^>]*checked')
        self.assertRegex(response.text, rf'name="q_{self.profile_questions["age"].id}"[^>]*value="41"')
        self.assertIn("saran rahasia nomor 7431</textarea>", response.text)
        self.assertRegex(response.text, rf'<option value="{self.service_a.id}" selected')
        self.assertEqual(self._done_count(), 1)
        # once the window has passed, the same answers go through
        self._age_window()
        self.assertEqual(self._post(data).status_code, 303)
        self.assertEqual(self._done_count(), 2)

    def test_kiosk_is_not_limited(self):
        self.unit.skm_rate_limit = 2
        self._fill_window(self.unit, 2)
        kiosk_path = f"/skm/{self.unit.access_token}/kiosk"
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}").status_code, 429)
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)
        with self.assertRaises(AccessError):
            self.unit.with_user(self.liaison).action_kiosk_new_link()
        self.unit.with_user(self.sop_user).action_kiosk_new_link()
        # the administrator opens the activation link once on the tablet: the secret goes into a cookie
        activation = urlsplit(self.unit.kiosk_url).path
        self.assertTrue(activation.startswith("/skm/kiosk/activate/"))
        response = self.url_open(activation, allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(kiosk_path))
        self.assertEqual(self.url_open(f"/skm/{self.unit.access_token}/kiosk/{self.unit.kiosk_token}").status_code, 404)
        for _i in range(3):
            response, token = self._open_form(kiosk_path)
            response = self._post(self._form_data(token))
            self.assertEqual(response.status_code, 303)
        thanks = self.url_open(response.headers["Location"])
        self.assertIn("Responden berikutnya", thanks.text)
        self.assertIn(f'href="{kiosk_path}"', thanks.text)
        self.assertEqual(self._done_count(), 3)
        # a wrong kiosk cookie counts as a phone
        _response, token = self._open_form(kiosk_path)
        self.opener.cookies.set(f"sop_skm_kiosk_{self.unit.id}", "guess", domain="127.0.0.1", path="/skm/")
        self.assertEqual(self._post(self._form_data(token)).status_code, 429)
        # kiosk answers leave the phones' limit alone
        self._age_window()
        self._open_form()
        # the activation link works once
        self.assertEqual(self.url_open(activation).status_code, 404)
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)
        # a new kiosk link ends the activated tablets
        self.unit.action_kiosk_activation_link()
        self.url_open(urlsplit(self.unit.kiosk_url).path)
        self.assertEqual(self.url_open(kiosk_path).status_code, 200)
        self.unit.action_kiosk_new_link()
        self.assertEqual(self.url_open(kiosk_path).status_code, 403)
        self.unit.action_kiosk_stop()
        self.assertFalse(self.unit.kiosk_url)

    def test_public_cannot_read_answers(self):
        _response, token = self._open_form()
        self.assertEqual(self._post(self._form_data(token)).status_code, 303)
        answer = self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])
        self.assertTrue(answer)
        for model, method in (
            ("survey.user_input", "search_read"),
            ("survey.user_input.line", "search_read"),
            ("sop.skm.result", "search_read"),
        ):
            payload = {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"model": model, "method": method, "args": [[]], "kwargs": {"fields": []}},
            }
            response = self.url_open(
                f"/web/dataset/call_kw/{model}/{method}",
                data=json.dumps(payload),
                headers={"Content-Type": "application/json"},
            )
            body = response.json()
            self.assertIn("error", body, model)
            self.assertNotIn("result", body)
            self.assertNotIn("7431", response.text)
        for path in (
            f"/survey/results/{self.survey.id}",
            f"/survey/print/{self.survey.access_token}",
            f"/skm/report/xlsx/{self.population.id}",
            f"/survey/{self.survey.access_token}/{answer.access_token[:8]}",
        ):
            response = self.url_open(path)
            self.assertNotIn("7431", response.text, path)
        # the public user has no access rights on the answers at all
        public = self.env.ref("base.public_user")
        self.assertFalse(self.env["survey.user_input"].with_user(public).has_access("read"))
        self.assertFalse(self.env["survey.user_input.line"].with_user(public).has_access("read"))

    def test_public_tour(self):
        self.start_tour(f"/skm/{self.unit.access_token}", "sop_skm_public_tour", login=None)
        answers = self.env["survey.user_input"].search([("survey_id", "=", self.survey.id)])
        self.assertEqual(len(answers), 1)
        self.assertEqual(answers.state, "done")
        self.assertEqual(answers.skm_unit_id, self.unit)
        row = self.env["sop.skm.ikm"]._skm_compute(("unit",), unit_ids=self.unit.ids)[0]
        self.assertEqual((str(row["ikm"]), row["respondents"]), ("100.00", 1))
        self.assertEqual(len(self.env["sop.skm.visit"].search([("unit_id", "=", self.unit.id)])), 1)

    def test_xlsx_route_follows_record_rules(self):
        self._respond([4] * 9, service=self.service_a)
        other_population = self.env["sop.skm.population"].create(
            {"period_id": self.period.id, "unit_id": self.other_unit.id}
        )
        self.authenticate("skm_liaison", "skm_liaison")
        response = self.url_open(f"/skm/report/xlsx/{self.population.id}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content[:2], b"PK")
        self.assertEqual(self.url_open(f"/skm/report/xlsx/{other_population.id}").status_code, 404)
