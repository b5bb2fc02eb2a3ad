"""Helpers shared by the benchmark scripts of tests/bench/.

The scripts are run as ``python tests/bench/<script>.py``: their folder is on
``sys.path``, so they ``import benchlib``. Odoo is imported only inside the
functions, after the arguments are parsed (``--help`` works without a database).
"""

import statistics
import subprocess
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ALL_MODULES = ("sop_organisasi", "sop_survey")


def shell(command):
    """Run ``command`` in bash with scripts/common.sh sourced; return its stripped output."""
    return subprocess.run(
        ["bash", "-c", f"source {PROJECT}/scripts/common.sh; {command}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def odoo_args(db, *extra):
    """Odoo command-line options of the project for database ``db``, then ``extra``."""
    return ["-c", str(PROJECT / "config/odoo.conf"), "--addons-path", shell("addons_path"), "-d", db, *extra]


def ensure_database(db, modules=ALL_MODULES):
    """Create ``db`` with ``modules`` installed, or install those it lacks."""
    if shell(f"db_exists {db} && echo yes || echo no") == "yes":
        names = ",".join(f"'{module}'" for module in modules)
        installed = shell(
            f'psql -U postgres -d {db} -tAc "select name from ir_module_module '
            f"where state = 'installed' and name in ({names})\""
        ).split()
        missing = [module for module in modules if module not in installed]
        if not missing:
            return
        print(f"installing {', '.join(missing)} in {db} ...", flush=True)
    else:
        missing = list(modules)
        print(f"creating database {db} ({', '.join(modules)}) ...", flush=True)
    shell(f"odoo -d {db} -i {','.join(missing)} --stop-after-init --workers=0 --max-cron-threads=0 --log-level=warn")


def load_registry(db, *extra, http=False):
    """Configure Odoo for ``db`` (options ``extra``) and return ``(odoo, registry)``.

    With ``http``, an HTTP server is started in the process (e.g. for wkhtmltopdf
    to fetch the report assets).
    """
    import odoo  # noqa: PLC0415 - needs the virtualenv, imported after argument parsing
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(odoo_args(db, *extra))
    registry = Registry(db)
    if http:
        from odoo.service import server  # noqa: PLC0415

        server.ThreadedServer(odoo.http.root).http_spawn()
    return odoo, registry


def run_rolled_back(db, function, *args):
    """Call ``function(env, *args)`` as superuser on ``db`` in one transaction, rolled back at the end."""
    odoo, registry = load_registry(db)
    run_rolled_back_in(odoo, registry, function, *args)


def run_rolled_back_in(odoo, registry, function, *args):
    """:func:`run_rolled_back` with a registry already loaded by :func:`load_registry`."""
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        try:
            function(env, *args)
        finally:
            cr.rollback()


def timed(label, func, count=None):
    """Call ``func`` once, print its time (and rate per second of ``count`` items) and return its result."""
    started = time.perf_counter()
    result = func()
    elapsed = time.perf_counter() - started
    rate = f" ({count / elapsed:,.0f}/s)" if count else ""
    print(f"{label:<58} {elapsed:8.2f} s{rate}", flush=True)
    return result


def median_time(function, runs):
    """Call ``function`` ``runs`` times; return the median time and the last result."""
    times = []
    result = None
    for _run in range(runs):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def insert_skm_answer_lines(cr, survey_id):
    """Answer lines of the generated SKM responses of ``survey_id`` with SQL: one scored line per
    element (skewed towards 3-4, the suggested answer of that score) and the gender; return the
    number of scored lines."""
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
        {"survey": survey_id},
    )
    scored = cr.rowcount
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
        {"survey": survey_id},
    )
    return scored
