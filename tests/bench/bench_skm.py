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
3. Starts ``python -m odoo`` on a free port against that database and posts 200
   public submissions to /skm/<token> with ``requests`` (GET form + POST), then
   prints submissions per second and stops the server.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_skm.py [--db NAME] [--responses N] [--submissions N]
"""

import argparse
import os
import re
import socket
import subprocess
import sys
import time

from benchlib import ensure_database
from benchlib import load_registry
from benchlib import odoo_args

UNITS = 20
PERIODS = 4


def generate(env, responses):
    """Master data with the ORM, answers with INSERT ... SELECT generate_series."""
    from datetime import date  # noqa: PLC0415

    cr = env.cr
    env["ir.config_parameter"].set_param("sop_survey.skm_rate_limit", "1000000")
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
    # scores: skewed towards 3-4, per element; suggested answer matching the score
    cr.execute(
        """
        INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, question_sequence, answer_type,
                                            skipped, suggested_answer_id, answer_score, answer_is_correct,
                                            create_date, write_date, create_uid, write_uid)
        SELECT ui.id, ui.survey_id, q.id, q.sequence, 'suggestion', false, a.id, a.answer_score, false,
               ui.create_date, ui.create_date, 1, 1
          FROM survey_user_input ui
          JOIN survey_question q ON q.survey_id = ui.survey_id AND q.skm_element IS NOT NULL
          JOIN survey_question_answer a ON a.question_id = q.id
               AND a.answer_score = LEAST(4, GREATEST(1, 1 + ((ui.id * 7 + q.id * 13) %% 10 + ui.skm_unit_id %% 3) / 3))
         WHERE ui.survey_id = %(survey)s
        """,
        {"survey": survey.id},
    )
    cr.execute(
        """
        INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, question_sequence, answer_type,
                                            skipped, suggested_answer_id, answer_score,
                                            create_date, write_date, create_uid, write_uid)
        SELECT ui.id, ui.survey_id, q.id, q.sequence, 'suggestion', false,
               (array_agg(a.id ORDER BY a.sequence))[1 + ui.id %% 2], 0, ui.create_date, ui.create_date, 1, 1
          FROM survey_user_input ui
          JOIN survey_question q ON q.survey_id = ui.survey_id AND q.skm_profile = 'gender'
          JOIN survey_question_answer a ON a.question_id = q.id
         WHERE ui.survey_id = %(survey)s
      GROUP BY ui.id, ui.survey_id, q.id, q.sequence, ui.create_date
        """,
        {"survey": survey.id},
    )
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


def bench_http(db, token, submissions):
    import requests  # noqa: PLC0415

    port = free_port()
    python = sys.executable
    log = open(f"/tmp/bench_skm_server_{port}.log", "w")
    server = subprocess.Popen(
        [python, "-m", "odoo", *odoo_args(db), "--http-port", str(port), "--workers=0", "--max-cron-threads=0"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _i in range(120):
            try:
                if requests.get(f"{base}/web/health", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            raise RuntimeError("the Odoo server did not start")
        session = requests.Session()
        warm = session.get(f"{base}/skm/{token}", timeout=60)
        warm.raise_for_status()
        fields = form_fields(warm.text)
        assert len(fields) >= 13, f"unexpected form: {sorted(fields)}"
        ok = 0
        started = time.perf_counter()
        for _i in range(submissions):
            page = session.get(f"{base}/skm/{token}", timeout=60)
            visit = re.search(r'name="visit_token" value="([^"]+)"', page.text).group(1)
            response = session.post(
                f"{base}/skm/{token}/submit", data=dict(fields, visit_token=visit), allow_redirects=False, timeout=60
            )
            ok += response.status_code == 303
        elapsed = time.perf_counter() - started
        return ok, elapsed
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("SKM_BENCH_DB", "sop_bench_skm"))
    parser.add_argument("--responses", type=int, default=100_000)
    parser.add_argument("--submissions", type=int, default=200)
    parser.add_argument("--skip-baseline", action="store_true")
    args = parser.parse_args()

    ensure_database(args.db)
    odoo, registry = load_registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        survey = generate(env, args.responses)
        rows, timings, city, city_time, genders, gender_time, dashboard_time = time_ikm(env, survey)
        print(f"\nIKM of all units x periods: {len(rows)} groups over {args.responses} responses")
        print(f"  sop.skm.ikm (SQL GROUP BY)  : best {min(timings):.3f} s, first {timings[0]:.3f} s")
        print(f"  city-wide IKM               : {city_time:.3f} s -> {city[0]['ikm']} {city[0]['category']}")
        print(f"  by gender                   : {gender_time:.3f} s ({len(genders)} groups)")
        print(f"  dashboard read_group (view) : {dashboard_time:.3f} s")
        if not args.skip_baseline:
            _stats, nlines, baseline = time_baseline(env, survey)
            print(f"  Odoo _prepare_statistics    : {baseline:.3f} s ({nlines} lines, 9 questions, survey-wide only)")
            print(f"  ratio baseline / ours       : {baseline / min(timings):.0f}x faster")
        unit = env["sop.skm.unit"].browse(rows[0]["unit"])
        token = unit.access_token
        before = env["survey.user_input"].search_count([("survey_id", "=", survey.id), ("state", "=", "done")])
        cr.commit()
    ok, elapsed = bench_http(args.db, token, args.submissions)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US"})
        after = env["survey.user_input"].search_count([("survey_id", "=", survey.id), ("state", "=", "done")])
    print(f"\nHTTP: {ok}/{args.submissions} public submissions (GET form + POST) in {elapsed:.2f} s")
    print(f"  {ok / elapsed:.1f} submissions/s, {after - before} answers stored")


if __name__ == "__main__":
    main()
