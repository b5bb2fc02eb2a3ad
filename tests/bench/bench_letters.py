#!/usr/bin/env python3
"""Benchmark of SOP letters, monitoring and evaluation (issue 4, letters part; issue 9).

0. Simultaneous letters: starts the Odoo HTTP server in this process (threaded, as
   ``--workers=0``) and has C clients (default 20) generate a letter at the same
   time over JSON-RPC ("Generate Letter" wizard, real PDF with wkhtmltopdf) on a
   new unit code. Checks C distinct consecutive numbers 1..C, C PDFs and no error,
   prints the time; the letters, their counter and agenda entries are deleted
   afterwards. With ``--url``, the clients talk to a server already running on the
   same database instead, e.g. the production configuration with workers:
       scripts/run-production.sh --init sop_bench_letters &      # port 8069, websocket 8072
       tests/bench/bench_letters.py --url http://127.0.0.1:8069 --letters 0
   (the database is still opened directly to prepare and check, with the server's
   data_dir if it is not the default: --data-dir; the server's report.url, set by
   run-production.sh, is left as it is).

Then, in one transaction that is rolled back at the end (the agenda numbers, taken
in short transactions of their own, are deleted afterwards):
1. numbers and renders N letters (agenda counter per unit and year, placeholders),
   and prints the SQL queries per letter of the request's cursor (constant; the
   number itself is taken on a short cursor of its own);
2. renders the QWeb HTML of 100 letters (the PDF body);
3. prints one real PDF with wkhtmltopdf (no HTTP server here: the report CSS is
   not fetched, so the time is a lower bound);
4. builds the monitoring form of the SKJ unit and its XLSX, and the XLSX of an evaluation.
Prints the time of each phase.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_letters.py [--db NAME] [--letters N] [--concurrent C]
        [--url URL]
"""

import argparse
import socket
import statistics
import sys
import threading
import time

from benchlib import ensure_database
from benchlib import load_registry
from benchlib import run_rolled_back_in
from benchlib import timed

BENCH_UNIT = "999.bench"
CONCURRENT_UNIT = "999.bench.concurrent"
BENCH_LOGIN = "bench_letters"
BENCH_PASSWORD = "bench-letters-2026"  # a local user of the throw-away bench database


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def delete_unit_letters(odoo, registry, unit_code):
    """Delete (committed) the letters, agenda entries and counter of ``unit_code``."""
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        letters = env["sop.letter"].search([("unit_code", "=", unit_code)])
        env["ir.attachment"].search([("res_model", "=", "sop.letter"), ("res_id", "in", letters.ids)]).unlink()
        letters.unlink()
        env["sop.letter.agenda"].search([("unit_code", "=", unit_code)]).unlink()
        env["ir.sequence"].search([("code", "=", f"sop.letter.agenda.{unit_code}")]).unlink()
        env["sop.letter.template"].with_context(active_test=False).search([("unit_code", "=", unit_code)]).unlink()


def prepare_concurrent(odoo, registry, base_url, report_url=True):
    """Commit a template on a new unit code and an SOP user; return their ids.

    With ``report_url``, wkhtmltopdf is told to fetch the report CSS from ``base_url``
    (the in-process server); otherwise the database's report.url is kept.
    """
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        shipped = env.ref("sop_organisasi.sop_letter_template_skj_notification")
        template = shipped.copy({"name": "Bench simultaneous letters", "unit_code": CONCURRENT_UNIT, "step_ids": []})
        user = env["res.users"].with_context(active_test=False).search([("login", "=", BENCH_LOGIN)])
        if not user:
            user = env["res.users"].create(
                {
                    "name": "Bench Letters",
                    "login": BENCH_LOGIN,
                    "groups_id": [odoo.Command.link(env.ref("sop_organisasi.group_sop_user").id)],
                }
            )
        user.write({"active": True, "password": BENCH_PASSWORD, "email": "bench.letters@example.com"})
        if report_url:  # wkhtmltopdf fetches the report CSS from this server
            env["ir.config_parameter"].set_param("report.url", base_url)
        opd = env["hr.department"].search([("is_opd", "=", True)], limit=1)
        return template.id, user.id, opd.id


def warm_up(odoo, registry, template_id):
    """Print one unnumbered letter, rolled back: the report assets are built before the clients come."""
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        Letter = env["sop.letter"]
        letter = Letter.create(Letter._prepare_from_template(env["sop.letter.template"].browse(template_id)))
        env["ir.actions.report"]._render_qweb_pdf("sop_organisasi.action_report_sop_letter", letter.ids)
        cr.rollback()


def rpc(base_url, *args):
    """``execute_kw`` over JSON-RPC; return the result or raise RuntimeError with the server's message."""
    import requests  # noqa: PLC0415

    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "params": {"service": "object", "method": "execute_kw", "args": args},
    }
    answer = requests.post(f"{base_url}/jsonrpc", json=payload, timeout=600).json()
    if "error" in answer:
        data = answer["error"].get("data", {})
        raise RuntimeError(f"{data.get('name', '')}: {data.get('message', answer['error'])}")
    return answer["result"]


def run_concurrent(db, odoo, registry, base_url, count, *, external=False):
    """``count`` clients generate a letter at the same moment; return True when the numbers are right.

    ``external``: ``base_url`` is a server of its own (its report.url is left alone).
    """
    template_id, uid, opd_id = prepare_concurrent(odoo, registry, base_url, report_url=not external)
    timed("warm-up: one PDF, the report assets built", lambda: warm_up(odoo, registry, template_id))
    released = []  # when the clients are released together
    barrier = threading.Barrier(count, action=lambda: released.append(time.perf_counter()))
    letters, errors, latencies = [], [], []

    def client():
        try:
            wizard = rpc(
                base_url,
                db,
                uid,
                BENCH_PASSWORD,
                "sop.letter.wizard",
                "create",
                [{"template_id": template_id, "opd_id": opd_id, "date": "2026-03-16"}],
            )
            barrier.wait(timeout=300)
            started = time.perf_counter()
            action = rpc(base_url, db, uid, BENCH_PASSWORD, "sop.letter.wizard", "action_generate", [[wizard]])
            latencies.append(time.perf_counter() - started)
            letters.append(action["res_id"])
        except Exception as exc:  # counted and printed by the benchmark
            errors.append(exc)

    try:
        threads = [threading.Thread(target=client) for _i in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - (released or [time.perf_counter()])[0]
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            found = env["sop.letter"].browse(letters)
            numbers = sorted(found.mapped("agenda_no"))
            with_pdf = len(found.filtered("attachment_id"))
            states = [entry.state for entry in env["sop.letter.agenda"].search([("unit_code", "=", CONCURRENT_UNIT)])]
        server = "external server" if external else "in-process threaded server"
        label = f"{count} simultaneous letters over HTTP (real PDFs, {server})"
        print(
            f"{label:<58} {elapsed:8.2f} s (latency median {statistics.median(latencies or [0]):.2f} s, "
            f"max {max(latencies or [0]):.2f} s)"
        )
        print(
            f"numbers: {numbers}; with PDF: {with_pdf}; agenda book: {states.count('issued')} issued of {len(states)}"
        )
        print(f"errors: {len(errors)}" + "".join(f"\n  {error}" for error in errors[:5]), flush=True)
        return (
            not errors
            and numbers == list(range(1, count + 1))
            and with_pdf == count
            and states.count("issued") == len(states) == count
        )
    finally:
        delete_unit_letters(odoo, registry, CONCURRENT_UNIT)
        if not external:
            with registry.cursor() as cr:
                odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})["ir.config_parameter"].set_param("report.url", False)


def run(env, n_letters):
    import datetime  # noqa: PLC0415

    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    Letter = env["sop.letter"]
    template = env.ref("sop_organisasi.sop_letter_template_skj_notification")
    template.unit_code = BENCH_UNIT
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
    parser.add_argument("--letters", type=int, default=500, help="letters numbered and rendered in-process (0: skip)")
    parser.add_argument("--concurrent", type=int, default=20, help="simultaneous letters over HTTP (0: skip)")
    parser.add_argument(
        "--data-dir",
        help="Odoo's data_dir for this process (with --url: the server's, where the report assets are stored)",
    )
    parser.add_argument(
        "--url",
        help="send the simultaneous letters to this running server of the same database "
        "(e.g. http://127.0.0.1:8069 of scripts/run-production.sh) instead of one started in this process",
    )
    args = parser.parse_args()
    ensure_database(args.db)
    port = free_port()
    in_process = args.concurrent > 0 and not args.url
    extra = ["--http-port", str(port), "--max-cron-threads=0"]
    if args.data_dir:
        extra.append(f"--data-dir={args.data_dir}")
    odoo, registry = load_registry(args.db, *extra, http=in_process)
    delete_unit_letters(odoo, registry, CONCURRENT_UNIT)  # left over by an interrupted run
    base_url = args.url.rstrip("/") if args.url else f"http://127.0.0.1:{port}"
    ok = (
        run_concurrent(args.db, odoo, registry, base_url, args.concurrent, external=bool(args.url))
        if args.concurrent
        else True
    )
    try:
        if args.letters:
            run_rolled_back_in(odoo, registry, run, args.letters)
    finally:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["sop.letter.agenda"].search([("unit_code", "=", BENCH_UNIT)]).unlink()
            env["ir.sequence"].search([("code", "=", f"sop.letter.agenda.{BENCH_UNIT}")]).unlink()
    if not ok:
        print(f"FAILED: {args.concurrent} simultaneous letters must get the numbers 1..{args.concurrent} without error")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
