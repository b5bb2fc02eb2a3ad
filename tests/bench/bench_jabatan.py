#!/usr/bin/env python3
"""Benchmark of the job data documents (issue 20).

Builds, in one transaction rolled back at the end, a city of ``--opds`` OPDs (40), ``--posts``
posts (1,500: per OPD a head, a secretary, heads of division and section heads as the tree, the
rest pelaksana/fungsional below the sections) and ``--tasks`` tasks (15,000), each OPD with a
draft job data version of ``--year`` whose sheets hold the tasks (inserted in SQL) and staff in
post (written in SQL), the figures then computed by the ORM in batches. Prints, each the median
of ``--runs`` runs, with a baseline measured in the same run and the ratio:

1. the city ABK recap (the rows of every OPD and the city's total, then its XLSX) — target
   under 2 s; baseline: one ``read_group`` of the sheets' workload per OPD;
2. the city ABK recap as PDF (wkhtmltopdf); baseline: its HTML;
3. one OPD's ABK recap PDF and its peta jabatan PDF — target under 5 s each; baseline: the
   HTML of the same report.

Later issues add their measures in :func:`extra_measures` (e.g. the SKJ documents of an OPD)
with the same row format, so that their figures print in the same table.

The PDFs are made by wkhtmltopdf as in production: an Odoo HTTP server is started in the
process (``--port``) so that wkhtmltopdf can fetch the report assets. Run with the project's
virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_jabatan.py [--db NAME] [--runs 3]
The database is created (sop_organisasi and sop_jabatan installed) when it does not exist.
"""

import argparse
import sys
import time

from benchlib import ensure_database
from benchlib import load_registry
from benchlib import median_time

MODULES = ("sop_organisasi", "sop_jabatan")
RECAP_REPORT = "sop_jabatan.action_report_abk_recap"
PETA_REPORT = "sop_jabatan.action_report_peta_jabatan"
CITY_REPORT = "sop_jabatan.action_report_city_recap"
SHEET_FIGURES = (
    "workload_minutes",
    "jke_minutes",
    "staff_need_raw",
    "staff_need",
    "staff_gap",
    "efficiency",
    "efficiency_defined",
    "efficiency_band_id",
)
ANALYSIS_TOTALS = (
    "sheet_count",
    "workload_minutes",
    "staff_need",
    "staff_in_post",
    "staff_gap",
    "efficiency",
    "efficiency_defined",
)


def make_posts(env, opds, posts_total):
    """The posts of every OPD as a tree: head, secretary, 3 heads of division, 3 subdivisions and
    6 sections, then pelaksana/fungsional posts below the sections and subdivisions."""
    Job = env["hr.job"].with_context(tracking_disable=True)
    per_opd = posts_total // len(opds)
    extra = posts_total - per_opd * len(opds)
    for index, opd in enumerate(opds):
        count = per_opd + (1 if index < extra else 0)
        head = Job.create({"name": f"Kepala {opd.name}", "department_id": opd.id, "job_kind": "jpt_pratama"})
        middle = Job.create(
            [
                {"name": f"Sekretaris {opd.name}", "department_id": opd.id, "job_kind": "administrator"},
                *(
                    {"name": f"Kepala Bidang {b} {opd.name}", "department_id": opd.id, "job_kind": "administrator"}
                    for b in range(1, 4)
                ),
            ]
        )
        middle.write({"parent_id": head.id})
        lows = Job.create(
            [
                {
                    "name": f"Kepala {'Subbagian' if parent == middle[0] else 'Seksi'} {n} {parent.name}",
                    "department_id": opd.id,
                    "job_kind": "pengawas",
                    "parent_id": parent.id,
                }
                for parent in middle
                for n in range(1, 4 if parent == middle[0] else 3)
            ]
        )
        left = count - 1 - len(middle) - len(lows)
        Job.create(
            [
                {
                    "name": f"{'Analis' if n % 3 else 'Pengadministrasi'} {n} {opd.name}",
                    "department_id": opd.id,
                    "job_kind": "fungsional" if n % 5 == 0 else "pelaksana",
                    "job_code": f"P{n:03d}",
                    "parent_id": lows[n % len(lows)].id,
                }
                for n in range(1, left + 1)
            ]
        )


def make_city(env, args):
    """The OPDs, their posts and one draft job data version each, with tasks and staff in post."""
    opds = env["hr.department"].create(
        [{"name": f"Dinas Uji {n:02d}", "is_opd": True} for n in range(1, args.opds + 1)]
    )
    make_posts(env, opds, args.posts)
    Analysis = env["sop.jabatan.analysis"]
    analyses = Analysis.create([{"opd_id": opd.id, "year": args.year} for opd in opds])
    for analysis in analyses:
        analysis._sop_load_posts()
    sheets = analyses.sheet_ids
    env.flush_all()
    cr = env.cr
    per_sheet = max(1, args.tasks // len(sheets))
    # tasks: volume 10..400 a year, 5..120 minutes each (some entered in hours)
    cr.execute(
        """
        INSERT INTO sop_jabatan_task (sheet_id, post_id, opd_id, sequence, name, volume, standard_time, time_unit,
                                      standard_minutes, workload_minutes, create_uid, write_uid, create_date,
                                      write_date)
        SELECT s.id, s.post_id, s.opd_id, g.n * 10, 'Tugas ' || g.n, v.volume, v.minutes, 'minutes',
               v.minutes, v.volume * v.minutes, 1, 1, now(), now()
          FROM sop_jabatan_sheet s
          CROSS JOIN generate_series(1, %(per_sheet)s) AS g(n)
          CROSS JOIN LATERAL (SELECT (10 + (s.id * 7 + g.n * 13) %% 390)::numeric AS volume,
                                     (5 + (s.id * 11 + g.n * 17) %% 115)::numeric AS minutes) v
         WHERE s.id = ANY(%(sheets)s)
        """,
        {"per_sheet": per_sheet, "sheets": sheets.ids},
    )
    tasks = cr.rowcount
    # staff in post: 0..4 PNS, 0..1 PPPK (one post in 7 empty: EJ undefined)
    cr.execute(
        """
        UPDATE sop_jabatan_sheet
           SET staff_pns = CASE WHEN id %% 7 = 0 THEN 0 ELSE id %% 5 END,
               staff_pppk = CASE WHEN id %% 7 = 0 THEN 0 ELSE id %% 2 END,
               staff_other = 0
         WHERE id = ANY(%(sheets)s);
        UPDATE sop_jabatan_sheet SET staff_in_post = staff_pns + staff_pppk + staff_other WHERE id = ANY(%(sheets)s);
        """,
        {"sheets": sheets.ids},
    )
    env.invalidate_all()
    Sheet = env["sop.jabatan.sheet"]
    for name in SHEET_FIGURES:
        env.add_to_compute(Sheet._fields[name], sheets)
    env.flush_all()
    for name in ANALYSIS_TOTALS:
        env.add_to_compute(Analysis._fields[name], analyses)
    env.flush_all()
    return analyses, tasks


def extra_measures(env, analyses, report, runs):
    """Hook for the measures of later issues (the SKJ documents of an OPD, ...): rows of
    ``(label, seconds, baseline label, baseline seconds)``. None yet."""
    return []


def measure(env, args, analyses):
    report = env["ir.actions.report"].with_context(force_report_rendering=True)
    wizard = env["sop.jabatan.recap.wizard"].create({"year": args.year})
    wizard.include_open = True
    rows = []

    def city_recap():
        env.invalidate_all()
        return wizard._sop_recap(), wizard._sop_recap_xlsx()

    def baseline_group():
        env.invalidate_all()
        return env["sop.jabatan.sheet"].read_group(
            [("year", "=", args.year)], ["workload_minutes:sum"], ["opd_id"], lazy=False
        )

    recap_time, ((city_rows, _total), _xlsx) = median_time(city_recap, args.runs)
    group_time, _groups = median_time(baseline_group, args.runs)
    rows.append((f"city ABK recap + XLSX ({len(city_rows)} OPDs)", recap_time, "read_group per OPD", group_time))
    report._render_qweb_pdf(CITY_REPORT, wizard.ids)  # warm-up: assets, templates
    pdf_time, _pdf = median_time(lambda: report._render_qweb_pdf(CITY_REPORT, wizard.ids)[0], args.runs)
    html_time, _html = median_time(lambda: report._render_qweb_html(CITY_REPORT, wizard.ids), args.runs)
    rows.append(("city ABK recap PDF", pdf_time, "its HTML", html_time))
    analysis = analyses[0]
    for label, name in (("ABK recap PDF of one OPD", RECAP_REPORT), ("peta jabatan PDF of one OPD", PETA_REPORT)):

        def pdf(name=name):
            env.invalidate_all()
            return report._render_qweb_pdf(name, analysis.ids)[0]

        def html(name=name):
            env.invalidate_all()
            return report._render_qweb_html(name, analysis.ids)

        pdf_time, content = median_time(pdf, args.runs)
        html_time, _html = median_time(html, args.runs)
        pages = content.count(b"/Type /Page") - content.count(b"/Type /Pages")
        if args.keep_pdf:
            with open(f"{args.keep_pdf}-{name.split('.')[-1]}.pdf", "wb") as handle:
                handle.write(content)
        rows.append(
            (f"{label} ({analysis.sheet_count} posts, {pages} p.)", pdf_time, "HTML of the same report", html_time)
        )
    rows += extra_measures(env, analyses, report, args.runs)
    return rows, recap_time


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sop_bench_jabatan")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--opds", type=int, default=40)
    parser.add_argument("--posts", type=int, default=1500)
    parser.add_argument("--tasks", type=int, default=15000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--port", type=int, default=18275, help="HTTP port of the in-process server")
    parser.add_argument("--keep-pdf", help="write the OPD PDFs to <this prefix>-<report>.pdf")
    args = parser.parse_args()
    ensure_database(args.db, modules=MODULES)
    odoo, registry = load_registry(args.db, "--http-port", str(args.port), "--log-level=error", http=True)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        started = time.perf_counter()
        analyses, tasks = make_city(env, args)
        posts = sum(analyses.mapped("sheet_count"))
        print(f"data set: {len(analyses)} OPDs, {posts} posts, {tasks} tasks in {time.perf_counter() - started:.1f} s")
        rows, recap_time = measure(env, args, analyses)
        opd_pdf = max(value for label, value, _b, _t in rows if "of one OPD" in label)
        cr.rollback()
    print(f"{'measure':<52} {'time':>8}   {'baseline':<26} {'time':>8} {'ratio':>6}")
    for label, value, base_label, base in rows:
        print(f"{label:<52} {value:>7.2f}s   {base_label:<26} {base:>7.2f}s {value / base:>6.1f}")
    print(f"target: city recap under 2 s -> {recap_time:.2f} s {'OK' if recap_time < 2 else 'TOO SLOW'}")
    print(f"target: one OPD's PDF under 5 s -> {opd_pdf:.2f} s {'OK' if opd_pdf < 5 else 'TOO SLOW'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
