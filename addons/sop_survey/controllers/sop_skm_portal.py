import logging

from odoo import fields
from odoo import http
from odoo.addons.sop_organisasi.tools.skm_questionnaire import SKM_ELEMENTS
from odoo.exceptions import AccessError
from odoo.exceptions import MissingError
from odoo.exceptions import UserError
from odoo.http import request

_logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_url"
MAX_TEXT_LENGTH = 2000
RENDERED_TYPES = ("simple_choice", "multiple_choice", "char_box", "text_box", "numerical_box", "date", "datetime")


class SkmRejected(Exception):
    """A public submission that is refused: nothing is stored."""

    def __init__(self, status, title, message, errors=None):
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.errors = errors or []


class SkmPortal(http.Controller):
    # ----------------------------------------------------------- helpers
    def _error(self, status, title, message, errors=None, unit=None):
        return request.render(
            "sop_survey.skm_portal_error",
            {"status": status, "title": title, "message": message, "errors": errors or [], "unit": unit},
            status=status,
        )

    def _unit_from_token(self, unit_token):
        unit = request.env["sop.skm.unit"].sudo().search([("access_token", "=", unit_token or "")], limit=1)
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
    def _questions(survey):
        return survey.question_ids.filtered(lambda q: not q.is_page and q.question_type in RENDERED_TYPES).sorted(
            lambda q: (q.sequence, q.id)
        )

    @staticmethod
    def _client_ip():
        return request.httprequest.remote_addr or ""

    # ------------------------------------------------------------- pages
    @http.route(
        ["/skm/<string:unit_token>", "/skm/<string:unit_token>/<int:service_id>"],
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def skm_form(self, unit_token, service_id=None, **kwargs):
        try:
            unit = self._unit_from_token(unit_token)
            period = self._open_period()
        except SkmRejected as rejected:
            return self._error(rejected.status, rejected.title, rejected.message)
        service = unit.service_ids.filtered(lambda s: s.id == service_id) if service_id else unit.service_ids[:0]
        if service_id and not service:
            return self._error(
                404, "Layanan tidak ditemukan", "Jenis layanan pada tautan ini tidak dikenal.", unit=unit
            )
        values = {
            "unit": unit,
            "service": service,
            "period": period,
            "survey": period.survey_id,
            "questions": self._questions(period.survey_id),
            "visit_token": request.env["sop.skm.visit"].sudo()._make_token(unit, service, period),
            "honeypot_field": HONEYPOT_FIELD,
            "today": fields.Date.context_today(unit),
            "element_names": {code: name for code, name, _q, _l in SKM_ELEMENTS},
        }
        response = request.render("sop_survey.skm_portal_form", values)
        response.headers["Cache-Control"] = "no-store"
        return response

    @http.route("/skm/<string:unit_token>/thanks", type="http", auth="public", methods=["GET"], sitemap=False)
    def skm_thanks(self, unit_token, **kwargs):
        try:
            unit = self._unit_from_token(unit_token)
        except SkmRejected as rejected:
            return self._error(rejected.status, rejected.title, rejected.message)
        return request.render("sop_survey.skm_portal_thanks", {"unit": unit})

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
        except SkmRejected as rejected:
            _logger.info("SKM submission refused (%s): %s", rejected.status, rejected.message)
            return self._error(rejected.status, rejected.title, rejected.message, rejected.errors, unit=unit)
        _logger.info("SKM answer %s stored for unit %s", user_input.id, unit.id)
        return request.redirect(f"/skm/{unit.access_token}/thanks", code=303)

    # -------------------------------------------------------- submission
    def _skm_save(self, unit, post):
        Visit = request.env["sop.skm.visit"].sudo()
        ip = self._client_ip()
        if Visit._is_rate_limited(ip):
            raise SkmRejected(
                429,
                "Terlalu banyak pengiriman",
                "Terlalu banyak jawaban dikirim dari alamat ini. Silakan coba lagi beberapa menit lagi.",
            )
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
        if not period or period.state != "open" or not period.survey_id:
            raise SkmRejected(403, "Survei sedang ditutup", "Periode survei ini sudah ditutup.")
        service = self._skm_service(unit, post.get("service_id") or visit["service_id"])
        answers, errors = self._skm_validate(period.survey_id, unit, service, post)
        if errors:
            raise SkmRejected(400, "Jawaban belum lengkap atau tidak valid", "Periksa kembali jawaban Anda.", errors)

        survey = period.survey_id.sudo()
        try:
            with request.env.cr.savepoint():
                if not Visit._consume(visit["nonce"], ip, unit):
                    raise SkmRejected(
                        409,
                        "Jawaban sudah diterima",
                        "Jawaban untuk kunjungan ini sudah tersimpan dan tidak dihitung dua kali.",
                    )
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
            raise SkmRejected(403, "Survei tidak tersedia", str(error)) from error
        return user_input

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
                errors.append(f"{question.title}: {error}")
                continue
            answers.append((question, answer))
        return answers, errors

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
        population = request.env["sop.skm.population"].browse(population_id)
        try:
            population.check_access("read")
            population.unit_id.check_access("read")
        except (AccessError, MissingError):
            return request.not_found()
        content = population._skm_xlsx()
        filename = f"SKM {population.unit_id.name} {population.period_id.name}.xlsx"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )
