from odoo import http

from .sop_public_page import PublicNotFound
from .sop_public_page import PublicPage

# the public pages are Indonesian whatever language the server has installed
COST_FREE = "Gratis"


class ServicePages(PublicPage, http.Controller):
    """/layanan: the units and their services; a service's effective standard (the six service-delivery
    components), the unit's maklumat and its latest published IKM. Nothing in draft or under review."""

    @http.route("/layanan", type="http", auth="public", methods=["GET"])
    def services(self, **kwargs):
        return self._serve(("services",), self._build_services)

    @http.route("/layanan/<string:unit_slug>/<string:service_slug>", type="http", auth="public", methods=["GET"])
    def service(self, unit_slug, service_slug, **kwargs):
        env = self._public_env()
        try:
            unit = self._record("sop.skm.unit", unit_slug, env)
            service = self._record("sop.skm.service", service_slug, env)
            if service.unit_id != unit or not (unit.active and service.active):
                raise PublicNotFound()
        except PublicNotFound:
            return self._not_found()
        return self._serve(("service", service.id), lambda env: self._build_service(env, service.id))

    # ----------------------------------------------------------------- data
    @staticmethod
    def _effective_standards(env, services):
        """{service id: its effective standard} (the latest effective version)."""
        if "sop.service.standard" not in env:
            return {}
        standards = env["sop.service.standard"].search(
            [("service_id", "in", services.ids), ("state", "=", "effective")],
            order="date_effective desc, revision desc, id desc",
        )
        found = {}
        for standard in standards:
            found.setdefault(standard.service_id.id, standard)
        return found

    def _build_services(self, env):
        services = env["sop.skm.service"].search([("unit_id.active", "=", True)], order="unit_id, sequence, name")
        standards = self._effective_standards(env, services)
        units = services.unit_id.sorted(lambda unit: (unit.opd_id.name or "", unit.name or "", unit.id))
        groups = [
            {
                "unit": unit,
                "services": [
                    {"service": service, "standard": standards.get(service.id)}
                    for service in services
                    if service.unit_id == unit
                ],
            }
            for unit in units
        ]
        return "Standar Pelayanan", "sop_survey.service_pages_list", {"groups": groups}

    def _build_service(self, env, service_id):
        service = env["sop.skm.service"].browse(service_id)
        unit = service.unit_id
        standard = self._effective_standards(env, service).get(service.id)
        Publication = env["sop.skm.publication"]
        periods = Publication._published_periods()
        results = Publication._results(periods, unit)
        latest = next(
            (
                {"period": period, "result": results[(period.id, unit.id)]}
                for period in periods
                if (period.id, unit.id) in results
            ),
            None,
        )
        values = {
            "unit": unit,
            "service": service,
            "standard": standard,
            "components": self._components(standard) if standard else [],
            "latest": latest,
        }
        return f"{service.name} - {unit.name}", "sop_survey.service_pages_service", values

    @staticmethod
    def _components(standard):
        """The six service-delivery components, as the public board shows them."""
        if standard.cost_type == "free":
            cost = COST_FREE
        else:
            cost = standard.cost_display or ""
        procedure_sop = standard.procedure_id
        return [
            {
                "key": "requirements",
                "title": "Persyaratan",
                "lines": [
                    " ".join(part for part in (line.name, f"({line.copies})" if line.copies else "") if part)
                    for line in standard.requirement_ids.sorted(lambda line: (line.sequence, line.id))
                ],
            },
            {
                "key": "procedure",
                "title": "Sistem, Mekanisme, dan Prosedur",
                "text": standard.procedure_text or "",
                "sop": procedure_sop.display_name if procedure_sop else "",
            },
            {"key": "time", "title": "Jangka Waktu Pelayanan", "text": standard.duration_display or ""},
            {
                "key": "cost",
                "title": "Biaya/Tarif",
                "text": cost,
                "note": standard.cost_legal_basis or "",
            },
            {"key": "product", "title": "Produk Pelayanan", "text": standard.product or ""},
            {
                "key": "complaints",
                "title": "Penanganan Pengaduan, Saran, dan Masukan",
                "text": standard.complaint_channels or "",
            },
        ]
