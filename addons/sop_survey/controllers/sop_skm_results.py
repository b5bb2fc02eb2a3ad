import hashlib

from odoo import http
from odoo.http import request

from .sop_public_page import PDFS
from .sop_public_page import PublicNotFound
from .sop_public_page import PublicPage


class SkmResults(PublicPage, http.Controller):
    """/skm/hasil: the IKM of each unit in the periods the division has published (no personal data)."""

    @http.route(["/skm/hasil", "/skm/hasil/<string:period_slug>"], type="http", auth="public", methods=["GET"])
    def skm_results(self, period_slug=None, **kwargs):
        if period_slug is None:
            return self._serve(("skm_results",), self._build_period)
        env = self._public_env()
        try:
            period = self._published_period(env, period_slug)
        except PublicNotFound:
            return self._not_found()
        return self._serve(("skm_results", period.id), lambda env: self._build_period(env, period.id))

    @http.route("/skm/hasil/<string:period_slug>/<string:unit_slug>", type="http", auth="public", methods=["GET"])
    def skm_results_unit(self, period_slug, unit_slug, **kwargs):
        env = self._public_env()
        try:
            period = self._published_period(env, period_slug)
            unit = self._record("sop.skm.unit", unit_slug, env)
        except PublicNotFound:
            return self._not_found()
        return self._serve(
            ("skm_results_unit", period.id, unit.id), lambda env: self._build_unit(env, period.id, unit.id)
        )

    @http.route(
        "/skm/hasil/<string:period_slug>/<string:unit_slug>/laporan.pdf",
        type="http",
        auth="public",
        methods=["GET"],
    )
    def skm_results_pdf(self, period_slug, unit_slug, **kwargs):
        """The SKM report of a unit in a published period (404 for any other)."""
        env = self._public_env()
        try:
            period = self._published_period(env, period_slug)
            unit = self._record("sop.skm.unit", unit_slug, env)
            population = self._population(env, period, unit)
        except PublicNotFound:
            return self._not_found()
        key = (request.db, population.id)
        stamp = self._stamp(env)
        content = PDFS.get(key, stamp)
        if content is None:
            content = self._stored_pdf(env, population, stamp)
            PDFS.put(key, stamp, content)
        filename = f"Laporan SKM {unit.name} {period.name}.pdf"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", "application/pdf"),
                ("Content-Length", str(len(content))),
                ("Content-Disposition", http.content_disposition(filename)),
            ],
        )

    @staticmethod
    def _stored_pdf(env, population, stamp):
        """The report of ``population`` as published now: kept as a file of the population, so that wkhtmltopdf
        runs once per unit and period for each state of the published data, whatever the requests (the
        workers' caches hold 64 reports each)."""
        Attachment = env["ir.attachment"].sudo()
        name = f"skm-public-{hashlib.sha1(stamp.encode()).hexdigest()}.pdf"
        kept = Attachment.search(
            [
                ("res_model", "=", population._name),
                ("res_id", "=", population.id),
                ("name", "=like", "skm-public-%.pdf"),
            ]
        )
        current = kept.filtered(lambda attachment: attachment.name == name)[:1]
        if current:
            return current.raw
        content, _type = (
            env["ir.actions.report"]
            .with_context(skm_published_only=True)
            ._render_qweb_pdf("sop_survey.action_report_skm_unit", population.ids)
        )
        kept.unlink()  # the reports of earlier states of the published data
        Attachment.create({"name": name, "raw": content, "res_model": population._name, "res_id": population.id})
        return content

    # ----------------------------------------------------------------- data
    def _published_period(self, env, slug):
        period = self._record("sop.skm.period", slug, env)
        if not period.published:
            raise PublicNotFound()
        return period

    @staticmethod
    def _population(env, period, unit):
        """The unit's line in the published period, if it has respondents."""
        population = env["sop.skm.population"].search(
            [("period_id", "=", period.id), ("unit_id", "=", unit.id), ("unit_id.active", "=", True)], limit=1
        )
        if not population or not env["sop.skm.publication"]._results(period, unit):
            raise PublicNotFound()
        return population

    def _build_period(self, env, period_id=None):
        Publication = env["sop.skm.publication"]
        periods = Publication._published_periods()
        period = periods.filtered(lambda p: p.id == period_id) if period_id else periods[:1]
        if period_id and not period:
            raise PublicNotFound()
        results = Publication._results(period) if period else {}
        units = env["sop.skm.unit"].browse({unit_id for _period_id, unit_id in results}).filtered("active")
        rows = [{"unit": unit, "result": results[(period.id, unit.id)]} for unit in units.sorted("name")]
        title = f"Hasil {period.name}" if period else "Hasil Survei Kepuasan Masyarakat"
        return title, "sop_survey.skm_results_period", {"period": period, "periods": periods, "rows": rows}

    @staticmethod
    def _history(env, unit):
        """The unit's IKM in every published period, the latest first (the trend)."""
        Publication = env["sop.skm.publication"]
        periods = Publication._published_periods()
        results = Publication._results(periods, unit)
        return [
            {"period": period, "result": results[(period.id, unit.id)]}
            for period in periods
            if (period.id, unit.id) in results
        ]

    def _build_unit(self, env, period_id, unit_id):
        Publication = env["sop.skm.publication"]
        period = env["sop.skm.period"].browse(period_id)
        unit = env["sop.skm.unit"].browse(unit_id)
        result = Publication._results(period, unit).get((period.id, unit.id))
        if not (result and unit.active and period.published):
            raise PublicNotFound()
        population = env["sop.skm.population"].search(
            [("period_id", "=", period.id), ("unit_id", "=", unit.id)], limit=1
        )
        values = {
            "period": period,
            "unit": unit,
            "result": result,
            "elements": Publication._elements(result),
            "followups": Publication._followups(period, unit),
            "has_report": bool(population),
            "history": self._history(env, unit),
        }
        return f"{unit.name} - Hasil {period.name}", "sop_survey.skm_results_unit", values
