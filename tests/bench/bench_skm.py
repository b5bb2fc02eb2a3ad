#!/usr/bin/env python3
"""Benchmark of the SKM index (issue 5).

1. Creates (or reuses) a database with sop_organisasi + sop_survey, an SKM
   questionnaire, 20 service units and 4 periods, then generates 100,000 done
   responses (900,000 scored element answers + 100,000 gender answers) with
   ``INSERT ... SELECT generate_series`` (no ORM).
2. Times the IKM of all units x periods (``sop.skm.ikm._skm_compute``, one SQL
   GROUP BY) against Odoo's own survey statistics
   (``survey.question._prepare_statistics`` on the same answer lines, the
   computation behind /survey/results), and prints the ratio.
3. Load over HTTP: starts ``python -m odoo`` twice against that database, the
   single-process server (config/odoo.conf, ``--workers=0``) and the production
   configuration (config/odoo-production.conf: prefork workers, its limits; with
   the local database connection), and posts the same number of public
   submissions (GET form + POST) from concurrent clients to each through the
   unit's kiosk link (so the load from 127.0.0.1 is legitimately not limited per
   address). Prints submissions per second, p95 latencies and the ratio.
4. On the production server: 1,000 submissions from 50 concurrent clients must
   store exactly 1,000 answers with no error.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_skm.py [--db NAME] [--responses N] [--http-only]
        [--ikm-only] [--submissions N] [--clients N] [--workers N] [--check-submissions N] [--check-clients N]
"""

import argparse
import configparser
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager

from benchlib import PROJECT
from benchlib import ensure_database
from benchlib import insert_skm_answer_lines
from benchlib import load_registry
from benchlib import odoo_args
from benchlib import shell

UNITS = 20
PERIODS = 4


def generate(env, responses):
    """Master data with the ORM, answers with INSERT ... SELECT generate_series."""
    from datetime import date  # noqa: PLC0415

    cr = env.cr
    # the default address limit: the load is sent through the unit's kiosk link
    env["ir.config_parameter"].set_param("sop_survey.skm_rate_limit", False)
    survey = env["survey.survey"].search([("title", "=", "SKM Bench")], limit=1)
    if survey:
        cr.execute("SELECT count(*) FROM survey_user_input WHERE survey_id = %s AND state = 'done'", (survey.id,))
        if cr.fetchone()[0] >= responses:
            # drop the answers posted over HTTP by a previous run
            cr.execute(
                """DELETE FROM survey_user_input WHERE survey_id = %(survey)s AND id > (
                       SELECT id FROM survey_user_input WHERE survey_id = %(survey)s ORDER BY id OFFSET %(n)s - 1 LIMIT 1)""",
                {"survey": survey.id, "n": responses},
            )
            cr.commit()
            print(f"reusing {responses} generated responses of survey {survey.id}")
            return survey
        cr.execute("DELETE FROM survey_user_input WHERE survey_id = %s", (survey.id,))
    else:
        survey = env["survey.survey"]._skm_create_questionnaire(title="SKM Bench")
    opd = env["hr.department"].search([("name", "=", "Dinas Bench")], limit=1) or env["hr.department"].create(
        {"name": "Dinas Bench", "is_opd": True}
    )
    units = env["sop.skm.unit"].search([("opd_id", "=", opd.id)])
    for i in range(len(units), UNITS):
        units |= env["sop.skm.unit"].create({"name": f"Unit Bench {i + 1:02d}", "opd_id": opd.id})
    env["sop.skm.period"].search([]).write({"state": "closed"})
    periods = env["sop.skm.period"].search([("survey_id", "=", survey.id)], order="date_start")
    today = date.today()
    for i in range(len(periods), PERIODS):
        year, semester = today.year - 1 + (i // 2), i % 2 + 1
        periods |= env["sop.skm.period"].create(
            {"year": year, "period_type": "semester", "number": semester, "survey_id": survey.id}
        )
    periods = periods.sorted("date_start")
    periods.filtered(lambda p: p.date_start <= today <= p.date_end).write({"state": "open"})
    for period in periods:
        for unit in units:
            if not env["sop.skm.population"].search_count([("period_id", "=", period.id), ("unit_id", "=", unit.id)]):
                env["sop.skm.population"].create({"period_id": period.id, "unit_id": unit.id, "population": 5000})
    env.flush_all()

    started = time.perf_counter()
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
            "n": responses,
        },
    )
    # scores: skewed towards 3-4, per element; suggested answer matching the score; the gender
    insert_skm_answer_lines(cr, survey.id)
    cr.execute("ANALYZE survey_user_input; ANALYZE survey_user_input_line;")
    cr.execute(
        """SELECT count(*) FROM survey_user_input_line l JOIN survey_question q ON q.id = l.question_id
            WHERE l.survey_id = %s AND q.skm_element IS NOT NULL""",
        (survey.id,),
    )
    print(
        f"generated {responses} responses, {cr.fetchone()[0]} scored answers in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    cr.commit()
    return survey


def time_ikm(env, survey):
    Ikm = env["sop.skm.ikm"]
    timings = []
    for _i in range(3):
        env.invalidate_all()
        started = time.perf_counter()
        rows = Ikm._skm_compute(("period", "unit"), survey_ids=survey.ids)
        timings.append(time.perf_counter() - started)
    started = time.perf_counter()
    city = Ikm._skm_compute((), survey_ids=survey.ids)
    city_time = time.perf_counter() - started
    started = time.perf_counter()
    genders = Ikm._skm_compute(("gender",), survey_ids=survey.ids)
    gender_time = time.perf_counter() - started
    started = time.perf_counter()
    env["sop.skm.result"].read_group([], ["element_index:avg"], ["unit_id", "period_id"], lazy=False)
    dashboard_time = time.perf_counter() - started
    return rows, timings, city, city_time, genders, gender_time, dashboard_time


def time_baseline(env, survey):
    """Odoo's own statistics (survey results page) for the nine scored questions."""
    env = env(context=dict(env.context, lang="en_US"))
    env.invalidate_all()
    started = time.perf_counter()
    questions = survey.with_env(env).question_ids.filtered("skm_element")
    lines = env["survey.user_input.line"].search(
        [("survey_id", "=", survey.id), ("question_id", "in", questions.ids), ("user_input_id.state", "=", "done")]
    )
    stats = questions._prepare_statistics(lines)
    elapsed = time.perf_counter() - started
    return stats, len(lines), elapsed


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def form_fields(html):
    """Answer every question of the public form: the last choice (score 4), age 35, prefilled values."""
    fields = {}
    for tag in re.findall(r"<input[^>]*>", html):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        name = attrs.get("name", "")
        if not name.startswith("q_"):
            continue
        if attrs.get("type") in ("radio", "checkbox"):
            fields[name] = attrs.get("value")
        elif attrs.get("type") == "number":
            fields[name] = "35"
        elif attrs.get("value"):
            fields[name] = attrs["value"]
    return fields


def server_command(db, production, workers):
    """``python -m odoo`` options: the single-process test configuration or the production one."""
    if not production:
        return [*odoo_args(db), "--workers=0", "--max-cron-threads=0"]
    local = configparser.ConfigParser()
    local.read(PROJECT / "config/odoo.conf")
    options = local["options"]
    return [
        "-c",
        str(PROJECT / "config/odoo-production.conf"),
        # the local database, addons and data directory instead of the containers'
        "--addons-path",
        shell("addons_path"),
        "-d",
        db,
        f"--db-filter=^{db}$",
        "--db_host",
        options.get("db_host", "127.0.0.1"),
        "--db_port",
        options.get("db_port", "5432"),
        "--db_user",
        options.get("db_user", "odoo"),
        "--data-dir",
        os.path.expanduser("~/.local/share/Odoo"),
        "--http-interface",
        "127.0.0.1",
        "--gevent-port",
        str(free_port()),
        "--max-cron-threads=0",
        *([f"--workers={workers}"] if workers else []),
    ]


@contextmanager
def running_server(db, production, workers=None):
    """Start an Odoo server on a free port; yield its base URL; stop it."""
    import requests  # noqa: PLC0415

    port = free_port()
    log = open(f"/tmp/bench_skm_server_{port}.log", "w")
    # odoo-bin, not "python -m odoo": the prefork server re-executes its command line for the gevent process
    odoo_bin = shell('echo "$ODOO_DIR/odoo-bin"')
    server = subprocess.Popen(
        [sys.executable, odoo_bin, *server_command(db, production, workers), "--http-port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        # a worker waits 2 s (Odoo's default) for a request once it accepted the connection; 50 client
        # threads of this one Python process on a loaded machine can stall longer than that (nginx cannot)
        env=dict(os.environ, ODOO_HTTP_SOCKET_TIMEOUT="30"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _i in range(120):
            try:
                if requests.get(f"{base}/web/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            raise RuntimeError(f"the Odoo server did not start (log: {log.name})")
        yield base, server.pid
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


# the activated tablet's HttpOnly cookie (name -> kiosk secret), set by main(): kiosk links hold no secret
KIOSK_COOKIES = {}


def new_session():
    """A client of the counter's tablet (its kiosk cookie set)."""
    import requests  # noqa: PLC0415

    session = requests.Session()
    session.cookies.update(KIOSK_COOKIES)
    return session


def submit_one(session, base, path, fields):
    """GET the form, POST the answers; ``(error or None, seconds of the POST)``."""
    page = session.get(f"{base}{path}", timeout=120)
    visit = re.search(r'name="visit_token" value="([^"]+)"', page.text)
    if page.status_code != 200 or not visit:
        return f"GET {page.status_code}", 0.0
    started = time.perf_counter()
    response = session.post(
        f"{base}{path.rsplit('/kiosk', 1)[0]}/submit",
        data=dict(fields, visit_token=visit.group(1)),
        allow_redirects=False,
        timeout=120,
    )
    return (None if response.status_code == 303 else f"POST {response.status_code}"), time.perf_counter() - started


def load(base, path, fields, submissions, clients):
    """``submissions`` public submissions from ``clients`` concurrent clients.

    Returns the number stored (303), the errors, the elapsed time and the
    latencies (GET + POST, POST alone) of each submission.
    """
    import requests  # noqa: PLC0415

    remaining = iter(range(submissions))
    lock = threading.Lock()
    results = []

    def client():
        session = new_session()
        while True:
            with lock:
                if next(remaining, None) is None:
                    return
            started = time.perf_counter()
            try:
                error, post_time = submit_one(session, base, path, fields)
            except requests.RequestException as exception:
                reason = re.sub(r"object at 0x[0-9a-f]+", "", str(exception))[-80:]
                error, post_time = f"{type(exception).__name__}: {reason}", 0.0
            results.append((error, time.perf_counter() - started, post_time))

    threads = [threading.Thread(target=client) for _i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    errors = Counter(r[0] for r in results if r[0])
    ok = len(results) - sum(errors.values())
    return ok, errors, elapsed, [r[1] for r in results], [r[2] for r in results if not r[0]]


def error_text(errors):
    return f"{sum(errors.values())} errors" + (f" {dict(errors)}" if errors else "")


def p95(values):
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values or [0.0])[0]


def machine_load():
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def cpu_seconds(pid):
    """CPU time used so far by process ``pid`` and its children (the server's workers)."""
    import psutil  # noqa: PLC0415 - an Odoo requirement

    process = psutil.Process(pid)
    total = 0.0
    for proc in [process, *process.children(recursive=True)]:
        try:
            times = proc.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def bench_server(label, server, path, fields, args):
    base, pid = server
    # warm-up: every worker loads the registry and renders the form once
    load(base, path, fields, 4 * args.clients, args.clients)
    server_cpu, client_cpu = cpu_seconds(pid), time.process_time()
    ok, errors, elapsed, total, post = load(base, path, fields, args.submissions, args.clients)
    server_cpu, client_cpu = cpu_seconds(pid) - server_cpu, time.process_time() - client_cpu
    rate = ok / elapsed
    print(
        f"  {label:<30}: {ok}/{args.submissions} stored, {error_text(errors)}, {elapsed:6.2f} s, {rate:6.1f}/s,"
        f" p95 {p95(total) * 1000:.0f} ms (GET+POST), POST p95 {p95(post) * 1000:.0f} ms;"
        f" CPU: Odoo {server_cpu:.1f} s ({server_cpu / elapsed:.2f} cores), clients {client_cpu:.1f} s"
        f"  [{machine_load()}]",
        flush=True,
    )
    return rate


def bench_http(db, path, args, count_answers):

    fields = None
    print(
        f"\nHTTP load: {args.submissions} public submissions (GET kiosk form + POST) from {args.clients} clients",
        flush=True,
    )
    rates = {}
    for production in (False, True):
        workers = args.workers or "config"
        label = f"production ({workers} workers)" if production else "single process (workers=0)"
        with running_server(db, production, args.workers) as server:
            base = server[0]
            if fields is None:
                fields = form_fields(new_session().get(f"{base}{path}", timeout=60).text)
                assert len(fields) >= 13, f"unexpected form: {sorted(fields)}"
            rates[production] = bench_server(label, server, path, fields, args)
            if production:
                before = count_answers()
                ok, errors, elapsed, total, _post = load(base, path, fields, args.check_submissions, args.check_clients)
                stored = count_answers() - before
                print(
                    f"\nExactness on the production server: {args.check_submissions} submissions from "
                    f"{args.check_clients} concurrent clients: {ok} accepted, {error_text(errors)}, {stored} answers "
                    f"stored ({'OK' if stored == ok == args.check_submissions and not errors else 'MISMATCH'}), "
                    f"{ok / elapsed:.1f} submissions/s, p95 {p95(total) * 1000:.0f} ms  [{machine_load()}]"
                )
    print(f"\nproduction / single process: {rates[True] / rates[False]:.2f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("SKM_BENCH_DB", "sop_bench_skm"))
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--submissions", type=int, default=400, help="per server, for the throughput")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients for the throughput")
    parser.add_argument("--workers", type=int, default=0, help="override the workers of the production config")
    parser.add_argument("--check-submissions", type=int, default=1000)
    parser.add_argument("--check-clients", type=int, default=50)
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--http-only", action="store_true", help="skip the IKM timings")
    parser.add_argument("--ikm-only", action="store_true", help="skip the HTTP load")
    args = parser.parse_args()

    ensure_database(args.db)
    odoo, registry = load_registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        survey = generate(env, args.responses)
        unit = env["sop.skm.unit"].search([("opd_id.name", "=", "Dinas Bench")], limit=1)
        if not args.http_only:
            rows, timings, city, city_time, genders, gender_time, dashboard_time = time_ikm(env, survey)
            print(f"\nIKM of all units x periods: {len(rows)} groups over {args.responses} responses")
            print(f"  sop.skm.ikm (SQL GROUP BY)  : best {min(timings):.3f} s, first {timings[0]:.3f} s")
            print(f"  city-wide IKM               : {city_time:.3f} s -> {city[0]['ikm']} {city[0]['category']}")
            print(f"  by gender                   : {gender_time:.3f} s ({len(genders)} groups)")
            print(f"  dashboard read_group (view) : {dashboard_time:.3f} s")
            if not args.skip_baseline:
                _stats, nlines, baseline = time_baseline(env, survey)
                print(
                    f"  Odoo _prepare_statistics    : {baseline:.3f} s ({nlines} lines, 9 questions, survey-wide only)"
                )
                print(f"  ratio baseline / ours       : {baseline / min(timings):.0f}x faster")
        # the counter's tablet: answers from its kiosk link are not limited per address
        if not unit.kiosk_token:
            unit.action_kiosk_new_link()
        # the tablet is activated once: its cookie holds the secret, the kiosk address does not
        KIOSK_COOKIES[unit._skm_kiosk_cookie_name()] = unit.kiosk_token
        path = f"/skm/{unit.access_token}/kiosk"
        cr.commit()
    if args.ikm_only:
        return

    def count_answers():
        with registry.cursor() as cr:
            cr.execute("SELECT count(*) FROM survey_user_input WHERE survey_id = %s AND state = 'done'", (survey.id,))
            return cr.fetchone()[0]

    bench_http(args.db, path, args, count_answers)


if __name__ == "__main__":
    main()
