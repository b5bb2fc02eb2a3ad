#!/usr/bin/env python3
"""Benchmark of SOP cases (issue 4).

1. Times the start of SKJ cases for 50 OPDs at once (the "Start Cases" wizard:
   50 cases x 26 frozen steps, planning on the working calendar, the first
   step's activity for each case). Target: under 10 s.
2. Counts the SQL queries needed to complete one step (finish A.1 -> A.2 gets
   its assignees, deadline and activity) while 1, 10 and 50 cases of the SOP are
   running. The count for 1 running case is the baseline of the same run; the
   target is that it does not grow with the number of running cases.

Everything runs in one transaction that is rolled back: the database is left
unchanged. Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_sop_cases.py [--db NAME] [--opds 50]
The database is created (sop_organisasi installed) when it does not exist.
"""

import argparse
import sys
import time

from benchlib import ensure_database
from benchlib import load_registry

RUNNING = (1, 10, 50)
QUERY_LOG = []
NOISE = 2


def make_people(env, count):
    """Employees holding the SKJ jobs and ``count`` OPDs with one liaison each."""
    from odoo import Command  # noqa: PLC0415

    ref = env.ref
    sop_user = ref("sop_organisasi.group_sop_user")
    opd_group = ref("sop_organisasi.group_sop_opd_user")
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
    people = {}
    for job in (
        "job_kasubbag_kelembagaan",
        "job_kabag_organisasi",
        "job_analis_jabatan",
        "job_staf_organisasi",
    ):
        user = Users.create(
            {"name": f"Bench {job}", "login": f"bench_{job}", "groups_id": [Command.set([sop_user.id])]}
        )
        env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "job_id": ref(f"sop_organisasi.{job}").id,
                "department_id": ref("sop_organisasi.dept_bagian_organisasi").id
                if job == "job_staf_organisasi"
                else False,
            }
        )
        people[job] = user
    opds = env["hr.department"]
    for index in range(count):
        liaison = Users.create(
            {
                "name": f"Bench liaison {index}",
                "login": f"bench_liaison_{index}",
                "groups_id": [Command.set([opd_group.id])],
            }
        )
        opds |= env["hr.department"].create(
            {
                "name": f"Dinas Bench {index:03d}",
                "is_opd": True,
                "opd_code": f"417.9{index:02d}",
                "liaison_user_ids": [Command.set(liaison.ids)],
            }
        )
    env.flush_all()
    return people, opds


def start_cases(env, opds, year):
    from odoo import Command  # noqa: PLC0415

    wizard = env["sop.case.start.wizard"].create(
        {"procedure_id": env.ref("sop_organisasi.sop_skj").id, "opd_ids": [Command.set(opds.ids)], "year": year}
    )
    action = wizard.action_start()
    env.flush_all()
    return env["sop.case"].search(action["domain"])


def queries_to_finish(env, case, user):
    """SQL queries to finish the current step of ``case`` as ``user`` (flush included)."""
    step = case.current_step_id.with_user(user)
    if step.output_is_document and not step.attachment_ids:  # attached before counting
        attachment = env["ir.attachment"].create(
            {"name": "konsep.pdf", "raw": b"%PDF-1.4 bench", "res_model": "sop.case.step", "res_id": step.id}
        )
        step.sudo().attachment_ids = [(4, attachment.id)]
    env.flush_all()
    env.invalidate_all()
    before = env.cr.sql_log_count
    logged = []
    execute = env.cr.execute

    def logging_execute(query, params=None, log_exceptions=True):
        logged.append(str(query.code if hasattr(query, "code") else query)[:160])
        return execute(query, params, log_exceptions)

    env.cr.execute = logging_execute
    try:
        step.action_finish()
        env.flush_all()
    finally:
        del env.cr.execute
    QUERY_LOG[:] = logged
    return env.cr.sql_log_count - before


def bench_start(env, starter, opds, count):
    """Seconds to start cases for ``count`` OPDs at once (one warm-up case first, on another year)."""
    cr = env.cr
    cr.execute("SAVEPOINT bench_start")
    start_cases(starter, opds[-1:], 2000)
    started = time.perf_counter()
    cases = start_cases(starter, opds[:count], 2026)
    elapsed = time.perf_counter() - started
    assert len(cases) == count and set(cases.mapped("state")) == {"running"}
    steps = sum(len(case.step_ids) for case in cases)
    print(f"start SKJ cases for {count} OPDs: {elapsed:.2f} s ({steps} case steps, target < 10 s)")
    cr.execute("ROLLBACK TO SAVEPOINT bench_start")
    env.invalidate_all()
    return elapsed


def bench_queries(env, starter, opds, user):
    """Queries to complete one step with 1, 10 and 50 running cases.

    Finishing A.1 warms the caches, then finishing A.2 (A.3 starts) is counted.
    """
    cr = env.cr
    results = []
    logs = []
    for running in RUNNING:
        cr.execute("SAVEPOINT bench_queries")
        before = env["sop.case"].search_count([("state", "=", "running")])
        batch = start_cases(starter, opds[:running], 2100 + running)
        now_running = env["sop.case"].search_count([("state", "=", "running")])
        assert now_running == before + running
        target = batch[0]
        queries_to_finish(env, target, user)
        assert target.current_step_id.code == "A.2", target.current_step_id.code
        queries = queries_to_finish(env, target, user)
        assert target.current_step_id.code == "A.3", target.current_step_id.code
        results.append((now_running, queries))
        logs.append(list(QUERY_LOG))
        cr.execute("ROLLBACK TO SAVEPOINT bench_queries")
        env.invalidate_all()
    return results, logs


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="sop_bench_cases")
    parser.add_argument("--opds", type=int, default=50)
    parser.add_argument("--show-queries", action="store_true", help="diff the queries of the smallest and largest run")
    args = parser.parse_args()
    ensure_database(args.db, modules=("sop_organisasi",))
    _odoo, registry = load_registry(args.db, "--log-level=warn")
    from odoo import SUPERUSER_ID  # noqa: PLC0415
    from odoo import api  # noqa: PLC0415

    cr = registry.cursor()
    try:
        env = api.Environment(cr, SUPERUSER_ID, {})
        people, opds = make_people(env, max(args.opds, *RUNNING) + 2)
        kasubbag = people["job_kasubbag_kelembagaan"]
        starter = env(user=kasubbag)
        elapsed = bench_start(env, starter, opds, args.opds)
        results, logs = bench_queries(env, starter, opds, kasubbag)
        baseline = results[0][1]
        print("queries to complete one step (finish A.2, start A.3):")
        for running, queries in results:
            print(f"  {running:3d} running cases: {queries:4d} queries ({queries - baseline:+d} vs baseline)")
        if args.show_queries:
            import difflib  # noqa: PLC0415

            diff = difflib.unified_diff(logs[0], logs[-1], "1 running", f"{RUNNING[-1]} running", lineterm="")
            print("\n".join(diff))
        # +-2 queries come and go with the prefetch of the calendar, whatever the number of cases
        grows = any(queries > baseline + NOISE for _running, queries in results)
        print(f"query count grows with running cases (beyond +{NOISE}): " + ("YES" if grows else "no"))
        return 1 if grows or elapsed >= 10 else 0
    finally:
        cr.rollback()
        cr.close()


if __name__ == "__main__":
    sys.exit(main())
