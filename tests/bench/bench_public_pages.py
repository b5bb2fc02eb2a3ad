#!/usr/bin/env python3
"""Benchmark of the public pages (issue 22): /layanan, /layanan/<unit>/<service>, /skm/hasil.

1. Creates (or reuses) a database with sop_organisasi + sop_survey and a city of 40 service units
   x 10 services, each service with an effective standard (the six service-delivery components,
   three requirements), the units' maklumat, 10 closed and published SKM periods (semesters) with
   60 respondents per unit and period (24,000 answers, 216,000 scored element answers, written with
   ``INSERT ... SELECT generate_series``) and two follow-up plans per unit and period.
2. Starts the single-process server (config/odoo.conf, ``--workers=0``) and requests every page
   sequentially: each of the 400 service pages and 400 unit result pages once while their cache
   is cold (the first visit after a publication renders the page), then the same pages again and
   the lists many times (warm: the page comes from the cache of rendered fragments). Prints the
   median and p95 of each page kind, with the baseline measured in the same run against the same
   server: Odoo's own public login page (/web/login), and the ratio.
   The report PDF of a unit: its first download (wkhtmltopdf) and the cached ones (not a page: no target).
3. Checks the target: every kind of public page < 300 ms p95.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_public_pages.py [--db NAME] [--requests N]
"""

import argparse
import random
import statistics
import sys
import time

from bench_skm import running_server
from benchlib import ensure_database
from benchlib import insert_skm_answer_lines
from benchlib import load_registry

UNITS = 40
SERVICES = 10
PERIODS = 10
RESPONDENTS = 60  # per unit and period
TARGET_P95 = 0.300


def generate(env):
    """The city: units, services, effective standards, published periods with answers and follow-ups."""
    from datetime import date  # noqa: PLC0415

    from odoo import Command  # noqa: PLC0415
    from odoo.addons.sop_organisasi.tools.workflow import as_workflow  # noqa: PLC0415

    cr = env.cr
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    opd = env["hr.department"].search([("name", "=", "Dinas Bench Publik")], limit=1)
    if opd:
        print("reusing the generated city")
        return
    started = time.perf_counter()
    opd = env["hr.department"].create({"name": "Dinas Bench Publik", "is_opd": True})
    survey = env["survey.survey"]._skm_create_questionnaire(title="SKM Bench Publik")
    units = env["sop.skm.unit"].create(
        [
            {
                "name": f"Unit Layanan Publik {u + 1:02d}",
                "opd_id": opd.id,
                "signatory_position": f"Kepala Unit {u + 1:02d}",
                "signatory_name": f"Pejabat {u + 1:02d}",
                "service_ids": [Command.create({"name": f"Layanan {u + 1:02d}-{s + 1:02d}"}) for s in range(SERVICES)],
            }
            for u in range(UNITS)
        ]
    )
    standards = env["sop.service.standard"].create(
        [
            {
                "service_id": service.id,
                "requirement_ids": [
                    Command.create({"name": "Kartu Tanda Penduduk", "copies": "1 lembar fotokopi"}),
                    Command.create({"name": "Kartu Keluarga"}),
                    Command.create({"name": "Formulir permohonan"}),
                ],
                "procedure_text": "Pemohon mengajukan berkas.\nPetugas memverifikasi.\nProduk diterbitkan.",
                "duration_qty": 3,
                "duration_unit": "day",
                "cost_type": "free",
                "product": f"Dokumen {service.name}",
                "complaint_channels": "SP4N-LAPOR!, telepon, kotak pengaduan",
            }
            for service in units.service_ids
        ]
    )
    # effective as the last approval tier makes them (the tiers themselves are not what is measured)
    as_workflow(standards).with_context(skip_validation_check=True).write(
        {"state": "effective", "date_effective": date.today()}
    )
    env["sop.skm.period"].search([]).write({"state": "closed"})
    periods = env["sop.skm.period"]
    first_year = date.today().year - PERIODS // 2
    for i in range(PERIODS):
        periods |= env["sop.skm.period"].create(
            {"year": first_year + i // 2, "period_type": "semester", "number": i % 2 + 1, "survey_id": survey.id}
        )
    populations = env["sop.skm.population"].create(
        [{"period_id": p.id, "unit_id": u.id, "population": 5000} for p in periods for u in units]
    )
    env["sop.skm.followup"].create(
        [
            {
                "population_id": population.id,
                "element": element,
                "name": f"Perbaikan unsur {element}",
                "deadline": population.period_id.date_end,
                "user_id": env.uid,
            }
            for population in populations
            for element in ("U3", "U9")
        ]
    )
    env.flush_all()
    cr.execute(
        """
        INSERT INTO survey_user_input (survey_id, state, test_entry, access_token, skm_unit_id, skm_period_id,
                                       start_datetime, end_datetime, create_date, write_date, create_uid, write_uid)
        SELECT %(survey)s, 'done', false, md5(%(survey)s || '-' || g || '-' || random()),
               (%(units)s::int[])[1 + (g %% %(nunits)s)], (%(periods)s::int[])[1 + ((g / %(nunits)s) %% %(nperiods)s)],
               now() at time zone 'UTC', now() at time zone 'UTC', now() at time zone 'UTC', now() at time zone 'UTC', 1, 1
          FROM generate_series(1, %(n)s) g
        """,
        {
            "survey": survey.id,
            "units": units.ids,
            "nunits": len(units),
            "periods": periods.ids,
            "nperiods": len(periods),
            "n": UNITS * PERIODS * RESPONDENTS,
        },
    )
    scored = insert_skm_answer_lines(cr, survey.id)
    cr.execute("ANALYZE survey_user_input; ANALYZE survey_user_input_line;")
    periods.write({"state": "closed"})
    periods.action_publish()
    cr.commit()
    print(
        f"generated {len(units)} units, {len(units.service_ids)} services and standards, {len(periods)} published "
        f"periods, {UNITS * PERIODS * RESPONDENTS} answers ({scored} scored) in {time.perf_counter() - started:.1f} s",
        flush=True,
    )


def paths(env):
    """{page kind: [paths]} of the generated city."""
    slug = env["ir.http"]._slug
    units = env["sop.skm.unit"].search([("opd_id.name", "=", "Dinas Bench Publik")])
    periods = env["sop.skm.period"].search([("published", "=", True)])
    return {
        "service": [f"/layanan/{slug(service.unit_id)}/{slug(service)}" for service in units.service_ids],
        "unit_results": [f"/skm/hasil/{slug(period)}/{slug(unit)}" for period in periods for unit in units],
        "period_results": [f"/skm/hasil/{slug(period)}" for period in periods],
    }


def p95(values):
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def measure(session, base, path_list):
    """The times of GET ``path_list`` in turn (each must answer 200)."""
    times = []
    for path in path_list:
        started = time.perf_counter()
        response = session.get(f"{base}{path}", timeout=60)
        times.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise RuntimeError(f"GET {path}: {response.status_code}")
    return times


def line(label, times, baseline=None):
    ratio = f"  {p95(times) / baseline:5.2f}x baseline" if baseline else ""
    print(
        f"  {label:<42} n={len(times):4d}  median {statistics.median(times) * 1000:6.1f} ms  "
        f"p95 {p95(times) * 1000:6.1f} ms{ratio}",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="h22b_bench_public")
    parser.add_argument("--requests", type=int, default=200, help="warm requests per page kind")
    args = parser.parse_args()

    ensure_database(args.db)
    odoo, registry = load_registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        generate(env)
        kinds = paths(env)
        cr.commit()

    import requests  # noqa: PLC0415

    rng = random.Random(22)
    results = {}
    with running_server(args.db, production=False) as (base, _pid):
        session = requests.Session()
        measure(session, base, ["/web/login"])  # the asset bundles
        baseline = measure(session, base, ["/web/login"] * args.requests)
        # the first request of each list after the start: its templates compiled, its fragment rendered
        results["/layanan (first request)"] = measure(session, base, ["/layanan"])
        results["/skm/hasil (first request)"] = measure(session, base, ["/skm/hasil"])
        # cold: the first visit of each page after the publication renders it
        results["/layanan/<unit>/<service> (cold)"] = measure(session, base, kinds["service"])
        results["/skm/hasil/<period>/<unit> (cold)"] = measure(session, base, kinds["unit_results"])
        results["/skm/hasil/<period> (cold)"] = measure(session, base, kinds["period_results"])
        # warm: the pages again, in a random order
        results["/layanan"] = measure(session, base, ["/layanan"] * args.requests)
        results["/layanan/<unit>/<service>"] = measure(session, base, rng.sample(kinds["service"], args.requests))
        results["/skm/hasil"] = measure(session, base, ["/skm/hasil"] * args.requests)
        results["/skm/hasil/<period>"] = measure(
            session, base, [rng.choice(kinds["period_results"]) for _i in range(args.requests)]
        )
        results["/skm/hasil/<period>/<unit>"] = measure(session, base, rng.sample(kinds["unit_results"], args.requests))
        # the report PDF: rendered by wkhtmltopdf once, then from the cache (not a page: not in the target)
        pdf = f"{kinds['unit_results'][0]}/laporan.pdf"
        pdf_first = measure(session, base, [pdf])
        pdf_cached = measure(session, base, [pdf] * 20)
    print(
        f"Public pages: {UNITS} units x {SERVICES} services, {PERIODS} published periods, "
        f"{UNITS * PERIODS * RESPONDENTS} answers; single-process server, sequential requests"
    )
    line("baseline: Odoo's /web/login", baseline)
    for label, times in results.items():
        line(label, times, p95(baseline))
    line("laporan.pdf, first download (wkhtmltopdf)", pdf_first)
    line("laporan.pdf, cached", pdf_cached, p95(baseline))
    slow = [label for label, times in results.items() if p95(times) >= TARGET_P95]
    if slow:
        print(f"FAIL: p95 >= {TARGET_P95 * 1000:.0f} ms: {', '.join(slow)}")
        sys.exit(1)
    print(f"OK: every public page < {TARGET_P95 * 1000:.0f} ms p95")


if __name__ == "__main__":
    main()
