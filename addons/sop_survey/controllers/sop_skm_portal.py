import logging

from odoo import fields
from odoo import http
from odoo.addons.sop_organisasi.tools.xlsx_writer import xlsx_http_headers
from odoo.exceptions import AccessError
from odoo.exceptions import MissingError
from odoo.exceptions import UserError
from odoo.http import request

from ..models.sop_skm_visit import RATE_WINDOW_MINUTES
from ..tools.http_input import form_has_nul
from ..tools.http_input import strip_nul
from ..tools.http_input import valid_id
from ..tools.http_input import valid_token
from ..tools.skm_questionnaire import SKM_ELEMENTS

_logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_url"
MAX_TEXT_LENGTH = 2000
RENDERED_TYPES = ("simple_choice", "multiple_choice", "char_box", "text_box", "numerical_box", "date", "datetime")
# the kiosk's HttpOnly cookie (one per unit) holds the unit's kiosk secret: never a URL
KIOSK_COOKIE_PATH = "/skm/"
KIOSK_COOKIE_MAX_AGE = 365 * 24 * 3600


class SkmRejected(Exception):
    """A public submission that is refused: nothing is stored."""

    def __init__(self, status, title, message, errors=None, *, retry_after=0, form=None):
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.errors = errors or []
        self.retry_after = retry_after
        self.form = form  # form values to show again with the answers typed in (``_form_values``)


class SkmDuplicate(Exception):
    """A submission of a form whose answer is already stored (double tap, refresh): the thank-you page."""


class SkmPortal(http.Controller):
    # ----------------------------------------------------------- helpers
    def _error(self, status, title, message, errors=None, *, unit=None, stored_note=True):
        values = {
            "status": status,
            "title": title,
            "message": message,
            "errors": errors or [],
            "unit": unit,
            "stored_note": stored_note,
        }
        return request.render("sop_survey.skm_portal_error", values, status=status)

    def _unit_from_token(self, unit_token):
        unit = request.env["sop.skm.unit"].sudo()
        if valid_token(unit_token):
            unit = unit.search([("access_token", "=", unit_token)], limit=1)
        if not unit or not unit.active:
            raise SkmRejected(
                404,
                "Unit layanan tidak ditemukan",
                "Tautan survei tidak dikenal atau sudah tidak berlaku. Silakan pindai kembali kode QR di loket.",
            )
        return unit

    def _open_period(self):
        period = request.env["sop.skm.period"].sudo()._skm_open_period()
        if not period:
            raise SkmRejected(
                403,
                "Survei sedang ditutup",
                "Saat ini tidak ada periode survei kepuasan masyarakat yang dibuka.",
            )
        return period

    @staticmethod
    def _not_accepting(period, unit, log=True):
        """``SkmRejected`` when the period's form cannot store an answer now (closed period, archived or
        restricted questionnaire...), else None; logged as a warning: a form that cannot be answered is
        either closed on purpose or broken by a change of the questionnaire.
        """
        refusal = period._skm_refusal(request.env.user)
        if not refusal:
            return None
        code, detail = refusal
        if log:
            _logger.warning("SKM answer refused for unit %s: %s", unit.id, detail)
        if code == "closed":
            return SkmRejected(403, "Survei sedang ditutup", "Periode survei ini sudah ditutup.")
        return SkmRejected(
            403,
            "Survei tidak menerima jawaban",
            "Survei ini sedang tidak menerima jawaban. Silakan hubungi petugas layanan.",
        )

    def _is_kiosk(self, unit):
        """Whether this browser is the unit's activated kiosk (its HttpOnly cookie holds the current secret)."""
        return unit._skm_is_kiosk(request.httprequest.cookies.get(unit._skm_kiosk_cookie_name()))

    @staticmethod
    def _questions(survey):
        return survey.question_ids.filtered(lambda q: not q.is_page and q.question_type in RENDERED_TYPES).sorted(
            lambda q: (q.sequence, q.id)
        )

    @staticmethod
    def _client_ip():
        return request.httprequest.remote_addr or ""

    @staticmethod
    def _minutes(seconds):
        return max(1, -(-seconds // 60))

    def _limited(self, retry_after, unit):
        response = self._error(
            429,
            "Batas pengisian tercapai",
            "Sudah terlalu banyak jawaban untuk unit layanan ini dari jaringan Anda dalam "
            f"{RATE_WINDOW_MINUTES} menit terakhir. Silakan coba lagi sekitar {self._minutes(retry_after)} "
            "menit lagi. Di loket pelayanan, silakan isi survei melalui perangkat survei yang disediakan petugas.",
            unit=unit,
            stored_note=False,
        )
        response.headers["Retry-After"] = str(retry_after)
        return response

    def _form_values(self, unit, period, service, visit_token):
        return {
            "unit": unit,
            "service": service,
            "period": period,
            "survey": period.survey_id,
            "questions": self._questions(period.survey_id),
            "visit_token": visit_token,
            "honeypot_field": HONEYPOT_FIELD,
            "today": fields.Date.context_today(unit),
            "element_names": {code: name for code, name, _q, _l in SKM_ELEMENTS},
            "answers": {},
        }

    def _render_form(self, values, status=200):
        response = request.render("sop_survey.skm_portal_form", values, status=status)
        response.headers["Cache-Control"] = "no-store"
        return response

    # ------------------------------------------------------------- pages
    @http.route(
        ["/skm/<string:unit_token>", "/skm/<string:unit_token>/<int:service_id>"],
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def skm_form(self, unit_token, service_id=None, **kwargs):
        if service_id is not None and not valid_id(service_id):
            return self._error(404, "Layanan tidak ditemukan", "Jenis layanan pada tautan ini tidak dikenal.")
        return self._skm_form_page(unit_token, service_id=service_id)

    @http.route("/skm/<string:unit_token>/kiosk", type="http", auth="public", methods=["GET"], sitemap=False)
    def skm_kiosk_form(self, unit_token, **kwargs):
        """The form on the unit's own tablet at the counter (activated, see below): not limited per address."""
        return self._skm_form_page(unit_token, kiosk=True)

    @http.route(
        "/skm/<string:unit_token>/kiosk/<string:kiosk_token>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def skm_kiosk_old_link(self, unit_token, kiosk_token, **kwargs):
        """Kiosk links carried the secret in the URL (address bar, history): they open nothing any more."""
        return self._error(
            404,
            "Tautan kiosk tidak berlaku",
            "Tautan kiosk ini tidak berlaku lagi. Mintalah tautan aktivasi kiosk yang baru kepada pengelola survei.",
        )

    @http.route("/skm/kiosk/activate/<string:code>", type="http", auth="public", methods=["GET"], sitemap=False)
    def skm_kiosk_activate(self, code, **kwargs):
        """Make this browser the unit's kiosk: the one-time activation code is spent, the kiosk secret goes
        into an HttpOnly cookie and the browser moves to the kiosk form, whose address holds no secret."""
        unit = request.env["sop.skm.unit"].sudo()
        if valid_token(code):
            unit = unit._skm_kiosk_activate(code)
        if not unit:
            return self._error(
                404,
                "Tautan aktivasi kiosk tidak berlaku",
                "Tautan aktivasi ini tidak dikenal, sudah dipakai, atau sudah diganti. Mintalah tautan aktivasi "
                "kiosk yang baru kepada pengelola survei.",
            )
        _logger.info("SKM kiosk activated for unit %s", unit.id)
        response = request.redirect(f"/skm/{unit.access_token}/kiosk", code=303)
        response.set_cookie(
            unit._skm_kiosk_cookie_name(),
            unit.kiosk_token,
            max_age=KIOSK_COOKIE_MAX_AGE,
            path=KIOSK_COOKIE_PATH,
            secure=request.httprequest.scheme == "https",
            httponly=True,
            samesite="Lax",
        )
        response.headers["Cache-Control"] = "no-store"
        return response

    def _skm_form_page(self, unit_token, service_id=None, kiosk=False):
        try:
            unit = self._unit_from_token(unit_token)
            if kiosk and not self._is_kiosk(unit):
                raise SkmRejected(
                    403,
                    "Perangkat ini bukan kiosk survei",
                    "Perangkat ini belum diaktifkan sebagai kiosk survei unit ini, atau aktivasinya sudah "
                    "dicabut. Mintalah tautan aktivasi kiosk kepada pengelola survei.",
                )
            period = self._open_period()
            rejected = self._not_accepting(period, unit)
            if rejected:
                raise rejected
        except SkmRejected as rejected:
            return self._error(rejected.status, rejected.title, rejected.message)
        service = unit.service_ids.filtered(lambda s: s.id == service_id) if service_id else unit.service_ids[:0]
        if service_id and not service:
            return self._error(
                404, "Layanan tidak ditemukan", "Jenis layanan pada tautan ini tidak dikenal.", unit=unit
            )
        Visit = request.env["sop.skm.visit"].sudo()
        if not kiosk:
            retry_after = Visit._retry_after(unit, self._client_ip())
            if retry_after:
                return self._limited(retry_after, unit)
        visit_token = Visit._make_token(unit, service, period)
        return self._render_form(self._form_values(unit, period, service, visit_token))

    @http.route("/skm/<string:unit_token>/thanks", type="http", auth="public", methods=["GET"], sitemap=False)
    def skm_thanks(self, unit_token, **kwargs):
        try:
            unit = self._unit_from_token(unit_token)
        except SkmRejected as rejected:
            return self._error(rejected.status, rejected.title, rejected.message)
        # on the kiosk: back to an empty form for the next citizen
        kiosk_url = f"/skm/{unit.access_token}/kiosk" if self._is_kiosk(unit) else None
        response = request.render("sop_survey.skm_portal_thanks", {"unit": unit, "kiosk_url": kiosk_url})
        response.headers["Cache-Control"] = "no-store"
        return response

    @http.route(
        "/skm/<string:unit_token>/submit",
        type="http",
        auth="public",
        methods=["POST"],
        csrf=False,  # the signed one-time visit token plays the role of the CSRF token
        sitemap=False,
    )
    def skm_submit(self, unit_token, **post):
        unit = None
        try:
            unit = self._unit_from_token(unit_token)
            user_input = self._skm_save(unit, post)
        except SkmDuplicate:
            # the answer of this form is stored once; the citizen who tapped twice sees it was received
            _logger.info("SKM answer of unit %s sent again (same visit token): already stored", unit.id)
            return request.redirect(f"/skm/{unit.access_token}/thanks", code=303)
        except SkmRejected as rejected:
            _logger.info("SKM submission refused (%s): %s", rejected.status, rejected.message)
            if rejected.form:
                # nothing typed is lost: the same form again, answers filled in, the message on top
                response = self._render_form(
                    dict(rejected.form, notice=rejected.message, notice_errors=rejected.errors), rejected.status
                )
            else:
                response = self._error(rejected.status, rejected.title, rejected.message, rejected.errors, unit=unit)
            if rejected.retry_after:
                response.headers["Retry-After"] = str(rejected.retry_after)
            return response
        _logger.info("SKM answer %s stored for unit %s", user_input.id, unit.id)
        return request.redirect(f"/skm/{unit.access_token}/thanks", code=303)

    # -------------------------------------------------------- submission
    def _skm_save(self, unit, post):
        Visit = request.env["sop.skm.visit"].sudo()
        ip = self._client_ip()
        # the unit's own tablet (its activated kiosk cookie) is not limited per address; any other is a phone
        kiosk = self._is_kiosk(unit)
        if post.get(HONEYPOT_FIELD):
            raise SkmRejected(400, "Jawaban ditolak", "Formulir tidak valid.")
        visit = Visit._read_token(post.get("visit_token"))
        if not visit or visit["unit_id"] != unit.id:
            raise SkmRejected(
                400,
                "Formulir tidak valid",
                "Tanda kunjungan tidak valid atau kedaluwarsa. Silakan buka kembali tautan survei.",
            )
        period = request.env["sop.skm.period"].sudo().browse(visit["period_id"]).exists()
        if not period:
            _logger.warning("SKM answer refused for unit %s: its period %s is deleted", unit.id, visit["period_id"])
            raise SkmRejected(403, "Survei sedang ditutup", "Periode survei ini sudah ditutup.")
        rejected = self._not_accepting(period, unit)
        if rejected:
            raise rejected
        service = self._skm_service(unit, strip_nul(post.get("service_id")) or visit["service_id"])
        form = dict(
            self._form_values(unit, period, service, post.get("visit_token")),
            answers=self._typed_answers(),
        )
        if form_has_nul(request.httprequest):
            # PostgreSQL stores no NUL byte: the form again with what was typed, the invisible NUL removed
            raise SkmRejected(
                400,
                "Jawaban belum terkirim",
                "Isian Anda memuat karakter yang tidak valid. Karakter itu sudah dihapus dari isian di bawah; "
                "periksa kembali lalu tekan Kirim lagi.",
                form=form,
            )
        answers, errors = self._skm_validate(period.survey_id, unit, service, post)
        if errors:
            raise SkmRejected(
                400, "Jawaban belum lengkap atau tidak valid", "Periksa kembali jawaban Anda.", errors, form=form
            )

        survey = period.survey_id.sudo()
        try:
            with request.env.cr.savepoint():
                # a second submission of this form waits here for the first one, then finds it stored
                if Visit._used(visit["nonce"]):
                    raise SkmDuplicate()
                retry_after = 0 if kiosk else Visit._take_slot(unit, ip)
                if retry_after:
                    raise SkmRejected(
                        429,
                        "Terlalu banyak pengiriman",
                        "Jawaban Anda belum terkirim: sudah terlalu banyak jawaban untuk unit layanan ini dari "
                        f"jaringan Anda dalam {RATE_WINDOW_MINUTES} menit terakhir. Isian Anda masih ada di bawah; "
                        f"silakan tekan Kirim lagi sekitar {self._minutes(retry_after)} menit lagi.",
                        retry_after=retry_after,
                        form=form,
                    )
                if not Visit._consume(visit["nonce"], ip, unit, kiosk=kiosk):
                    raise SkmDuplicate()
                user_input = survey._create_answer(
                    user=request.env.user,
                    check_attempts=False,
                    skm_unit_id=unit.id,
                    skm_service_id=service.id,
                    skm_period_id=period.id,
                )
                for question, answer in answers:
                    user_input._save_lines(question, answer)
                user_input._mark_done()
                Visit.search([("nonce", "=", visit["nonce"])]).user_input_id = user_input
        except UserError as error:
            _logger.warning("SKM answer refused for unit %s: %s", unit.id, error)
            raise SkmRejected(403, "Survei tidak tersedia", str(error)) from error
        return user_input

    @staticmethod
    def _typed_answers():
        """The answers as posted (``{field name: [values]}``), to fill the form in again."""
        form = request.httprequest.form
        return {
            name: [strip_nul(value)[:MAX_TEXT_LENGTH] for value in form.getlist(name)]
            for name in form
            if name.startswith("q_")
        }

    def _skm_service(self, unit, service_id):
        if not service_id or str(service_id) == "0":
            return request.env["sop.skm.service"].sudo()
        try:
            service_id = int(service_id)
        except (TypeError, ValueError):
            service_id = 0
        service = unit.service_ids.filtered(lambda s: s.id == service_id)
        if not service:
            raise SkmRejected(400, "Layanan tidak dikenal", "Jenis layanan yang dipilih tidak dikenal.")
        return service

    def _skm_validate(self, survey, unit, service, post):
        """``[(question, answer)]`` ready for ``_save_lines``, and the error list."""
        answers = []
        errors = []
        for question in self._questions(survey.sudo()):
            raw = (post.get(f"q_{question.id}") or "").strip()
            try:
                answer = self._skm_answer(question, raw, unit, service)
            except ValueError as error:
                errors.append(f"{self._short_label(question)}: {error}")
                continue
            answers.append((question, answer))
        return answers, errors

    @staticmethod
    def _short_label(question):
        """What the list of missing answers names: "U3. Waktu Penyelesaian" for an SKM element (its whole
        question is on the form), the question itself for the short profile questions."""
        if question.skm_element:
            names = {code: name for code, name, _q, _l in SKM_ELEMENTS}
            return f"{question.skm_element}. {names.get(question.skm_element, '')}".strip()
        return question.title

    def _skm_answer(self, question, raw, unit, service):
        """The answer of one question for ``_save_lines``; ValueError when invalid."""
        if len(raw) > MAX_TEXT_LENGTH:
            raise ValueError("jawaban terlalu panjang.")
        if question.skm_profile == "service" and service:
            return service.name
        if question.skm_profile == "date" and not raw:
            raw = fields.Date.to_string(fields.Date.context_today(unit))
        if not raw and question.question_type != "multiple_choice":
            if question.constr_mandatory:
                raise ValueError("wajib diisi.")
            return False
        if question.skm_element:
            choice = question.suggested_answer_ids.filtered(
                lambda a: raw in ("1", "2", "3", "4") and a.answer_score == int(raw)
            )[:1]
            if not choice:
                raise ValueError("nilai harus 1 sampai 4.")
            return choice.id
        if question.question_type in ("simple_choice", "multiple_choice"):
            values = [raw]
            if question.question_type == "multiple_choice":
                values = [v for v in request.httprequest.form.getlist(f"q_{question.id}") if v]
                if not values and question.constr_mandatory:
                    raise ValueError("wajib diisi.")
            ids = [int(v) if v.isdigit() else 0 for v in values]
            if any(i not in question.suggested_answer_ids.ids for i in ids):
                raise ValueError("pilihan tidak dikenal.")
            return ids[0] if question.question_type == "simple_choice" else ids
        error = question.validate_question(raw)
        if error:
            raise ValueError(error[question.id])
        return raw

    # ------------------------------------------------------------ export
    @http.route("/skm/report/xlsx/<int:population_id>", type="http", auth="user", methods=["GET"])
    def skm_report_xlsx(self, population_id, **kwargs):
        if not valid_id(population_id):
            raise request.not_found()
        population = request.env["sop.skm.population"].browse(population_id).exists()
        if not population:
            raise request.not_found()
        try:
            population.check_access("read")
            population.unit_id.check_access("read")
        except (AccessError, MissingError) as error:
            raise request.not_found() from error
        content = population._skm_xlsx()
        filename = f"SKM {population.unit_id.name} {population.period_id.name}.xlsx"
        return request.make_response(content, headers=xlsx_http_headers(content, filename))
