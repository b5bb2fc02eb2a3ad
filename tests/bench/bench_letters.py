#!/usr/bin/env python3
"""Benchmark of SOP letters, monitoring and evaluation (issue 4, letters part).

In one transaction that is rolled back at the end (the database is left unchanged):
1. numbers and renders N letters (agenda counter per unit and year, placeholders),
   and prints the SQL queries per letter (constant: one counter row per unit/year);
2. renders the QWeb HTML of 100 letters (the PDF body);
3. prints one real PDF with wkhtmltopdf (no HTTP server here: the report CSS is
   not fetched, so the time is a lower bound);
4. builds the monitoring form of the SKJ unit and its XLSX, and the XLSX of an evaluation.
Prints the time of each phase.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_letters.py [--db NAME] [--letters N]
"""

import argparse
import sys

from benchlib import ensure_database
from benchlib import run_rolled_back
from benchlib import timed


def run(env, n_letters):
    import datetime  # noqa: PLC0415

    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    Letter = env["sop.letter"]
    template = env.ref("sop_organisasi.sop_letter_template_skj_notification")
    template.unit_code = "999.bench"
    opds = env["hr.department"].create([{"name": f"Dinas Bench {i + 1:02d}", "is_opd": True} for i in range(30)])

    def number_letters():
        letters = Letter
        for i in range(n_letters):
            letter = Letter.create(
                Letter._prepare_from_template(template, opd=opds[i % len(opds)], date=datetime.date(2026, 3, 16))
            )
            letter._assign_number()
            letter._render_content()
            letters |= letter
        env.flush_all()
        return letters

    queries_before = env.cr.sql_log_count
    letters = timed(f"number and render {n_letters} letters", number_letters, n_letters)
    per_letter = (env.cr.sql_log_count - queries_before) / n_letters
    print(f"last number: {letters[-1].name}; SQL queries per letter: {per_letter:.1f}")

    def one_more():
        start = env.cr.sql_log_count
        letter = Letter.create(Letter._prepare_from_template(template, opd=opds[0], date=datetime.date(2026, 3, 17)))
        letter._assign_number()
        letter._render_content()
        env.flush_all()
        return env.cr.sql_log_count - start

    print(f"SQL queries for one more letter after {n_letters}: {one_more()}")
    Report = env["ir.actions.report"]
    timed(
        "QWeb HTML of 100 letters",
        lambda: Report._render_qweb_html("sop_organisasi.action_report_sop_letter", letters[:100].ids),
        100,
    )
    pdf = timed(
        "one PDF with wkhtmltopdf (no CSS fetch)",
        lambda: Report._render_qweb_pdf("sop_organisasi.action_report_sop_letter", letters[:1].ids)[0],
    )
    print(f"PDF size: {len(pdf) / 1024:.0f} KiB")

    skj = env.ref("sop_organisasi.sop_skj")
    monitoring = env["sop.monitoring"].create({"unit_id": skj.unit_id.id, "year": 2026, "semester": "1"})
    timed("monitoring form: load the effective SOPs of the unit", monitoring.action_load_procedures)
    monitoring.line_ids.write({"assessment": "good", "note": "Catatan " * 5, "action": "Tindakan " * 5})
    data = timed(f"monitoring XLSX ({len(monitoring.line_ids)} rows)", monitoring._export_xlsx)
    print(f"monitoring XLSX size: {len(data) / 1024:.0f} KiB")
    evaluation = env["sop.evaluation"].create({"procedure_id": skj.id})
    evaluation.line_ids.write({"answer": "yes"})
    data = timed("evaluation XLSX (7 criteria)", evaluation._export_xlsx)
    print(f"evaluation XLSX size: {len(data) / 1024:.0f} KiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="sop_bench_letters")
    parser.add_argument("--letters", type=int, default=500)
    args = parser.parse_args()
    ensure_database(args.db)
    run_rolled_back(args.db, run, args.letters)
    return 0


if __name__ == "__main__":
    sys.exit(main())
