#!/usr/bin/env python3
"""Five years of a city's data, for the screen benchmark (issue 19).

Fills a database (created with sop_organisasi + sop_survey when it does not exist)
with what a regency's Organization Division accumulates in five years:

* people: the Division's staff (one employee per job of the seed roles), the Kabag
  (SOP Approving Official), the SOP Administrator, ``--opds`` OPDs with one liaison
  each (internal users of "OPD User", the liaisons of the OPD), ``--jurors`` SINOVIK
  jurors. The users the benchmark logs in with have the password ``--password``:
  ``bench_staff`` (division staff), ``bench_kabag``, ``bench_admin``,
  ``bench_liaison`` (liaison of the first OPD), ``bench_juror``;
* SOPs: the seed SOPs made effective through their tiers, and ``--sops`` more (copies
  of the SKJ seed and of the other seeds), each with ``--revisions`` versions (the
  last effective, the others superseded), all through the ORM;
* cases: ``--cases`` cases (about 90 % done, ``--running`` running with some late
  steps). One template case per seed SOP is run through the model's own API (start,
  finish each step, attach the documents, approve the tiers) on a fake clock, so that
  its steps, history, activities, tier reviews, messages and followers are real; the
  other cases are cloned from the templates in SQL (ids pre-allocated in map tables,
  every column copied except the overridden ones, dates shifted by whole weeks, or
  days for the running cases); 9 cases in 10 run the SKJ (26 steps) or a copy of it;
* letters: ``--letters`` letters in the agenda book (one letter per year issued by
  the ORM, the others cloned with their agenda entries, the counters moved past them);
* SKM: ``--responses`` done responses over one SKM unit per OPD and ``--periods``
  semesters (9 scored answers + gender each), with ``INSERT ... SELECT
  generate_series`` as tests/bench/bench_skm.py;
* SINOVIK: ``--competitions`` competitions with ``--proposals`` proposals in all,
  scored by 3 of the ``--jurors`` jurors each; the desk stage of all but the last
  closed (ranking stored), a third of the last one's scores still to enter;
* monitorings (each SOP unit, each semester) and evaluations (each effective SOP,
  each year), through the ORM.

``--scale`` multiplies the volumes (e.g. ``--scale 0.02`` for a quick smoke run).
The data are reproducible: ``random.Random(--seed)`` in Python, ``setseed()`` in
PostgreSQL, and the moment ``--now`` (this hour by default) all dates are relative to.
Everything is committed in batches; the database must be new (the script refuses to run
twice on the same database: drop it first).

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/city_data.py [--db city5y] [--scale 1.0] [--seed 19]
"""

import argparse
import base64
import random
import sys
import time
from contextlib import contextmanager
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import timedelta
from types import SimpleNamespace

from benchlib import ensure_database
from benchlib import insert_skm_answer_lines
from benchlib import load_registry

PASSWORD = "bench"
JOBS = (
    "job_analis_jabatan",
    "job_staf_organisasi",
    "job_kasubbag_kelembagaan",
    "job_kasubbag_ketatalaksanaan",
    "job_kasubbag_kinerja",
    "job_kabag_organisasi",
    "job_asisten_pemerintahan",
    "job_sekda",
)
# first day of the five years (a Monday, 08:00 in Mojokerto = 01:00 UTC)
BEGIN = datetime(2022, 1, 3, 1, 0)
WEEK = timedelta(days=7)
SKJ_SHARE = 0.9
PDF_STUB = base64.b64encode(b"%PDF-1.4\n% bench document\n")
SINOVIK_TEXT = "Petugas mendatangi warga untuk merekam data dan mengantar dokumen kependudukan ke rumah. " * 2


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------- fake clock
class Clock:
    """The time the ORM sees while the template cases run (``None``: the real time)."""

    now = None


@contextmanager
def fake_clock(env):
    """Patch ``fields.Datetime.now``, ``fields.Date.today`` and ``fields.Date.context_today`` to
    follow ``Clock.now`` (the module's ``datetime`` stays: Odoo tells dates from datetimes with it)."""
    from odoo import fields as odoo_fields  # noqa: PLC0415

    saved = {
        (odoo_fields.Datetime, "now"): odoo_fields.Datetime.__dict__["now"],
        (odoo_fields.Date, "today"): odoo_fields.Date.__dict__["today"],
        (odoo_fields.Date, "context_today"): odoo_fields.Date.__dict__["context_today"],
    }
    real_now = odoo_fields.Datetime.now
    real_context_today = odoo_fields.Date.context_today

    def now(*_args):
        return Clock.now if Clock.now is not None else real_now()

    def today(*_args):
        return Clock.now.date() if Clock.now is not None else real_now().date()

    def context_today(record, timestamp=None):
        return real_context_today(record, timestamp=timestamp or Clock.now)

    odoo_fields.Datetime.now = staticmethod(now)
    odoo_fields.Date.today = staticmethod(today)
    odoo_fields.Date.context_today = staticmethod(context_today)
    try:
        yield
    finally:
        for (cls, name), value in saved.items():
            setattr(cls, name, value)
        Clock.now = None


def set_clock(env, moment):
    moment = moment.replace(microsecond=0)
    Clock.now = moment
    env.cr._now = moment  # create_date / write_date of this transaction


# ---------------------------------------------------------------------------- SQL cloning
def columns(cr, table):
    cr.execute(
        """SELECT column_name, data_type FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position""",
        (table,),
    )
    return cr.fetchall()


def clone_rows(cr, table, map_table, fk_column, overrides=None, *, where="", joins="", shift=True):
    """Copy the rows of ``table`` once per row of ``map_table`` (alias ``m``) whose ``old_id``
    equals the row's ``fk_column`` (alias ``o``).

    Every column is copied except ``id`` (a new one from the sequence, unless overridden) and
    the ``overrides`` (column -> SQL expression over ``o``, ``m`` and the ``joins``). With
    ``shift``, the other timestamps and dates are moved by ``m.shift`` (an interval).
    Returns the number of rows inserted.
    """
    overrides = overrides or {}
    names, values = [], []
    for name, data_type in columns(cr, table):
        if name in overrides:
            names.append(name)
            values.append(overrides[name])
        elif name == "id":
            continue
        elif shift and data_type.startswith("timestamp"):
            names.append(name)
            values.append(f"o.{name} + m.shift")
        elif shift and data_type == "date":
            names.append(name)
            values.append(f"(o.{name} + m.shift)::date")
        else:
            names.append(name)
            values.append(f"o.{name}")
    cr.execute(
        f"""INSERT INTO {table} ({", ".join(f'"{n}"' for n in names)})
            SELECT {", ".join(values)} FROM {table} o JOIN {map_table} m ON m.old_id = o.{fk_column} {joins}
            {f"WHERE {where}" if where else ""}"""
    )
    return cr.rowcount


# ---------------------------------------------------------------------------- people
def make_people(env, city):
    args = city.args
    from odoo import Command  # noqa: PLC0415

    ref = env.ref
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True, tracking_disable=True)
    sop_user, approver, manager = (
        ref("sop_organisasi.group_sop_user"),
        ref("sop_organisasi.group_sop_approver"),
        ref("sop_organisasi.group_sop_manager"),
    )
    people = {}
    for job in JOBS:
        login = {"job_staf_organisasi": "bench_staff", "job_kabag_organisasi": "bench_kabag"}.get(
            job, f"bench_{job[4:]}"
        )
        group = approver if job == "job_kabag_organisasi" else sop_user
        user = Users.create(
            {
                "name": f"Bench {ref(f'sop_organisasi.{job}').name}",
                "login": login,
                "password": args.password,
                "groups_id": [Command.set([group.id])],
            }
        )
        env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "job_id": ref(f"sop_organisasi.{job}").id,
                "department_id": ref("sop_organisasi.dept_bagian_organisasi").id,
            }
        )
        people[job] = user
    people["admin"] = Users.create(
        {
            "name": "Bench SOP Administrator",
            "login": "bench_admin",
            "password": args.password,
            "groups_id": [Command.set([manager.id])],
        }
    )
    opd_group = ref("sop_organisasi.group_sop_opd_user")
    liaisons = Users.create(
        [
            {
                "name": f"Penghubung OPD {i + 1:02d}",
                "login": "bench_liaison" if i == 0 else f"bench_liaison_{i + 1:02d}",
                "password": args.password,
                "groups_id": [Command.set([opd_group.id])],
            }
            for i in range(args.opds)
        ]
    )
    kinds = ("Dinas", "Badan", "Kecamatan", "Bagian")
    opds = env["hr.department"].create(
        [
            {
                "name": f"{kinds[i % len(kinds)]} Kota {i + 1:02d}",
                "is_opd": True,
                "opd_code": f"417.{200 + i}",
                "liaison_user_ids": [Command.set(liaisons[i].ids)],
            }
            for i in range(args.opds)
        ]
    )
    juror_group = ref("sop_survey.group_sinovik_juror")
    jurors = Users.create(
        [
            {
                "name": f"Juri SINOVIK {i + 1:02d}",
                "login": "bench_juror" if i == 0 else f"bench_juror_{i + 1:02d}",
                "password": args.password,
                "groups_id": [Command.set([juror_group.id, ref("base.group_user").id])],
            }
            for i in range(args.jurors)
        ]
    )
    env.flush_all()
    return people, opds, liaisons, jurors


# ---------------------------------------------------------------------------- SOPs
def validate_all(procedure, people):
    """Submit a draft SOP and pass its tiers (administrator review, then the Kabag's approval)."""
    admin, kabag = people["admin"], people["job_kabag_organisasi"]
    if not procedure.signatory_name or not procedure.signatory_position:
        skj = procedure.env.ref("sop_organisasi.sop_skj")
        procedure.write({"signatory_name": skj.signatory_name, "signatory_position": skj.signatory_position})
    procedure.with_user(admin).action_submit()
    for user in (admin, kabag):
        procedure.invalidate_recordset()
        if procedure.state == "review":
            procedure.with_user(user).validate_tier()
    procedure.invalidate_recordset()
    assert procedure.state == "effective", (procedure.display_name, procedure.state)


def copy_procedure(seed, name):
    """A new SOP with the content of ``seed`` (as the workflow copies a revision, return steps remapped)."""
    from odoo import Command  # noqa: PLC0415
    from odoo.addons.sop_organisasi.tools.workflow import as_workflow  # noqa: PLC0415

    new = (
        as_workflow(seed)
        .with_context(sop_copying_revision=True)
        .copy({"name": name, "number": False, "role_ids": [Command.set(seed.role_ids.ids)]})
    )
    new._remap_return_steps(seed)
    new.step_ids._check_decision()
    return new.with_env(seed.env)


def make_procedures(env, city):
    """The seeds made effective, then ``--sops`` copies with their revisions; returns
    ``{effective procedure id: seed id}``."""
    args, people = city.args, city.people
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    Procedure = env["sop.procedure"]
    seeds = Procedure.search([("step_ids", "!=", False)], order="id")
    for seed in seeds.filtered(lambda p: p.state == "draft"):
        validate_all(seed, people)
    env.cr.commit()
    skj = env.ref("sop_organisasi.sop_skj")
    effective = {seed.id: seed.id for seed in seeds}
    # most copies are of the SKJ SOP (26 steps), the others of the other seeds
    others = seeds - skj
    for index in range(args.sops):
        seed = skj if index % 3 or not others else others[(index // 3) % len(others)]
        name = f"{seed.name} - Unit {index + 1:02d}"
        procedure = copy_procedure(seed, name)
        validate_all(procedure, people)
        for _revision in range(1, args.revisions):
            procedure = procedure.with_user(people["admin"])._copy_as_revision()
            validate_all(procedure, people)
        effective[procedure.id] = seed.id
        if index % 5 == 4:
            env.cr.commit()
            log(f"  {index + 1} SOPs x {args.revisions} versions")
    env.cr.commit()
    return effective


# ---------------------------------------------------------------------------- cases
def walk_case(env, case, city, *, stop_before=None, stop_at=None):
    """Run the started ``case`` through its steps on the fake clock: each step takes a pace
    of 50-130 % of its planned span (per case), x 0.3-1.2 (per step): the slow cases finish some
    steps late; documents attached, decisions 'yes', approvals by the Kabag.
    Stops before the step index ``stop_before`` or when the clock passes ``stop_at``."""
    people, rng = city.people, city.rng
    pace = rng.uniform(0.5, 1.3)  # a quick or a slow case: the slow ones finish steps late
    admin, kabag = people["admin"], people["job_kabag_organisasi"]
    done = 0
    while case.state == "running":
        step = case.current_step_id
        if stop_before is not None and done >= stop_before:
            break
        if step.state == "current":
            span = (step.date_deadline - step.date_started) if step.date_deadline else timedelta(hours=8)
            moment = Clock.now + span * pace * rng.uniform(0.3, 1.2)
            if stop_at and moment > stop_at:
                break
            set_clock(env, moment)
            if step.output_is_document and not step.attachment_ids:
                attachment = env["ir.attachment"].create(
                    {"name": f"{step.code}.pdf", "datas": PDF_STUB, "res_model": "sop.case.step", "res_id": step.id}
                )
                step.attachment_ids = [(4, attachment.id)]
            step.with_user(admin).action_finish()
            done += 1
        elif step.state == "to_approve":
            set_clock(env, Clock.now + timedelta(hours=rng.uniform(0.2, 2)))
            step.with_user(kabag).validate_tier()
        else:
            raise RuntimeError(f"case {case.name}: step {step.code} is {step.state}")
        env.cr.commit()
        case.invalidate_recordset()
    env.cr.commit()


def make_templates(env, city):
    """One done and one running template case per seed SOP (real ORM runs on the fake clock)."""
    effective, people, opds, rng, now = city.effective, city.people, city.opds, city.rng, city.now
    seeds = sorted(set(effective.values()))
    starter = env(user=people["job_kasubbag_kelembagaan"])
    templates = []
    with fake_clock(env):
        for k, seed in enumerate(seeds):
            for running in (False, True):
                start = (
                    BEGIN + WEEK * k
                    if not running
                    else BEGIN + WEEK * ((now - BEGIN).days // 7 - 8 + k % 4)  # about two months ago
                )
                set_clock(env, start)
                opd = opds[(2 * k + running) % len(opds)]
                case = starter["sop.case"].create(
                    {"procedure_id": seed, "opd_id": opd.id, "year": start.year, "user_id": starter.uid}
                )
                case.action_start()
                env.cr.commit()
                case = env["sop.case"].browse(case.id)
                steps = len(case.step_ids)
                walk_case(
                    env,
                    case,
                    city,
                    stop_before=rng.randint(2, max(2, steps - 2)) if running else None,
                    stop_at=now - timedelta(hours=4) if running else None,
                )
                templates.append((case.id, seed, running, opd.id))
    log(f"  {len(templates)} template cases run through the ORM")
    return templates


def plan_cases(env, city):
    """One row per case to clone: template, SOP, OPD, shift (whole weeks; days for running cases), identity."""
    args, effective, templates, opds, liaisons = city.args, city.effective, city.templates, city.opds, city.liaisons
    rng, now = city.rng, city.now
    cr = env.cr
    by_seed = {}
    for procedure_id, seed in effective.items():
        by_seed.setdefault(seed, []).append(procedure_id)
    procedures = env["sop.procedure"].browse(list(effective)).with_context(active_test=False)
    info = {p.id: (p.number, p.revision_no, p.name, p.root_id.id) for p in procedures}
    cr.execute(
        """SELECT c.id, c.date_start, coalesce(c.date_done, s.date_started), c.opd_id
             FROM sop_case c LEFT JOIN sop_case_step s ON s.id = c.current_step_id WHERE c.id = ANY(%s)""",
        ([t[0] for t in templates],),
    )
    spans = {row[0]: (row[1], row[2], row[3]) for row in cr.fetchall()}
    done_templates = [t for t in templates if not t[2]]
    running_templates = [t for t in templates if t[2]]
    liaison_of = {opd.id: liaison.id for opd, liaison in zip(opds, liaisons, strict=True)}
    opd_names = {opd.id: opd.name for opd in opds}
    from odoo.addons.sop_organisasi.models.sop_case import _readable_title  # noqa: PLC0415

    rows = []
    total = args.cases - len(templates)
    n_running = max(0, args.running - len(running_templates))
    running_keys = {(info[seed][3], opd) for _c, seed, running, opd in templates if running}
    weeks = (now - BEGIN).days // 7
    skj_id = env.ref("sop_organisasi.sop_skj").id
    for g in range(total):
        running = g >= total - n_running
        # the SKJ (26 steps, every OPD every year) is most of the work: 9 cases in 10
        pool = running_templates if running else done_templates
        skj_pool = [t for t in pool if t[1] == skj_id]
        template = rng.choice(skj_pool if skj_pool and rng.random() < SKJ_SHARE else pool)
        case_id, seed, _running, template_opd = template
        start, end, _opd = spans[case_id]
        procedure_id = rng.choice(by_seed[seed])
        root = info[procedure_id][3]
        if running:
            # the current step began today, or some days ago (some late)
            shift_days = (now - end).days - rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 7, 14, 30))
            opd = rng.choice(opds).id
            for _try in range(len(opds)):
                if (root, opd) not in running_keys:
                    break
                opd = opds[(list(opds.ids).index(opd) + 1) % len(opds)].id
            else:
                continue
            running_keys.add((root, opd))
        else:
            # anywhere in the five years, finished before today
            latest = (now - end).days // 7 - 1
            shift_days = 7 * rng.randint(0, max(0, min(latest, weeks)))
            opd = rng.choice(opds).id
        new_start = start + timedelta(days=shift_days)
        number, revision, name, _root = info[procedure_id]
        rows.append(
            (
                case_id,
                procedure_id,
                opd,
                f"{shift_days} days",
                new_start.year,
                f"{_readable_title(name)} {new_start.year} - {opd_names[opd]}",
                number,
                revision,
                liaison_of.get(template_opd),
                liaison_of[opd],
            )
        )
    cr.execute(
        """CREATE TEMP TABLE case_map (old_id int, procedure_id int, opd_id int, shift interval, year int,
                                         name varchar, number varchar, revision int, old_liaison int, liaison int,
                                         g serial, new_id int)"""
    )
    from psycopg2.extras import execute_values  # noqa: PLC0415

    execute_values(
        cr._obj,
        """INSERT INTO case_map (old_id, procedure_id, opd_id, shift, year, name, number, revision,
                                 old_liaison, liaison) VALUES %s""",
        rows,
        page_size=1000,
    )
    cr.execute("UPDATE case_map SET new_id = nextval('sop_case_id_seq')")
    cr.execute("CREATE INDEX ON case_map (old_id); CREATE INDEX ON case_map (new_id); ANALYZE case_map")
    return len(rows)


def clone_cases(env, now):
    """Clone the template cases into case_map's cases with their steps, history, activities,
    tier reviews, messages and followers."""
    cr = env.cr
    user_fix = "CASE WHEN o.{col} = m.old_liaison THEN m.liaison ELSE o.{col} END"
    counts = {}
    counts["sop_case"] = clone_rows(
        cr,
        "sop_case",
        "case_map",
        "id",
        {
            "id": "m.new_id",
            "procedure_id": "m.procedure_id",
            "opd_id": "m.opd_id",
            "year": "m.year",
            "name": "m.name",
            "procedure_number": "m.number",
            "procedure_revision": "m.revision",
            "procedure_name": "p.name",
            "current_step_id": "NULL",
        },
        joins="JOIN sop_procedure p ON p.id = m.procedure_id",
    )
    cr.execute(
        """CREATE TEMP TABLE step_rank AS
           SELECT id, procedure_id, row_number() OVER (PARTITION BY procedure_id ORDER BY section_sequence, sequence, id) rk
             FROM sop_step;
           CREATE INDEX ON step_rank (id); CREATE INDEX ON step_rank (procedure_id, rk);
           CREATE TEMP TABLE step_map AS
           SELECT s.id old_id, m.new_id case_new_id, nextval('sop_case_step_id_seq') new_id, m.shift, m.procedure_id,
                  m.opd_id, m.old_liaison, m.liaison, ss.id source_id
             FROM sop_case_step s JOIN case_map m ON m.old_id = s.case_id
             LEFT JOIN step_rank os ON os.id = s.source_step_id
             LEFT JOIN step_rank ss ON ss.procedure_id = m.procedure_id AND ss.rk = os.rk;
           CREATE INDEX ON step_map (old_id, case_new_id); CREATE INDEX ON step_map (new_id); ANALYZE step_map"""
    )
    counts["sop_case_step"] = clone_rows(
        cr,
        "sop_case_step",
        "step_map",
        "id",
        {
            "id": "m.new_id",
            "case_id": "m.case_new_id",
            "procedure_id": "m.procedure_id",
            "opd_id": "m.opd_id",
            "source_step_id": "m.source_id",
            "return_step_id": "r.new_id",
        },
        joins="LEFT JOIN step_map r ON r.old_id = o.return_step_id AND r.case_new_id = m.case_new_id",
    )
    cr.execute(
        """UPDATE sop_case c SET current_step_id = sm.new_id
             FROM case_map m, sop_case t, step_map sm
            WHERE c.id = m.new_id AND t.id = m.old_id AND sm.old_id = t.current_step_id AND sm.case_new_id = m.new_id"""
    )
    cr.execute(
        """INSERT INTO sop_case_step_res_users_rel (step_id, user_id)
           SELECT DISTINCT m.new_id, CASE WHEN o.user_id = m.old_liaison THEN m.liaison ELSE o.user_id END
             FROM sop_case_step_res_users_rel o JOIN step_map m ON m.old_id = o.step_id"""
    )
    cr.execute(
        """INSERT INTO sop_case_step_attachment_rel (step_id, attachment_id)
           SELECT m.new_id, o.attachment_id FROM sop_case_step_attachment_rel o JOIN step_map m ON m.old_id = o.step_id"""
    )
    counts["sop_case_history"] = clone_rows(
        cr,
        "sop_case_history",
        "case_map",
        "case_id",
        {"case_id": "m.new_id", "step_id": "sm.new_id", "user_id": user_fix.format(col="user_id")},
        joins="LEFT JOIN step_map sm ON sm.old_id = o.step_id AND sm.case_new_id = m.new_id",
    )
    activity = {
        "user_id": user_fix.format(col="user_id"),
        "sop_case_step_id": "s1.new_id",
        "sop_review_step_id": "s2.new_id",
    }
    step_joins = (
        "LEFT JOIN step_map s1 ON s1.old_id = o.sop_case_step_id AND s1.case_new_id = {case} "
        "LEFT JOIN step_map s2 ON s2.old_id = o.sop_review_step_id AND s2.case_new_id = {case}"
    )
    counts["mail_activity"] = clone_rows(
        cr,
        "mail_activity",
        "case_map",
        "res_id",
        dict(activity, res_id="m.new_id", res_name="m.name"),
        where="o.res_model = 'sop.case'",
        joins=step_joins.format(case="m.new_id"),
    )
    counts["mail_activity"] += clone_rows(
        cr,
        "mail_activity",
        "step_map",
        "res_id",
        dict(activity, res_id="m.new_id"),
        where="o.res_model = 'sop.case.step'",
        joins=step_joins.format(case="m.case_new_id"),
    )
    counts["tier_review"] = clone_rows(
        cr, "tier_review", "step_map", "res_id", {"res_id": "m.new_id"}, where="o.model = 'sop.case.step'"
    )
    counts["mail_message"] = clone_rows(
        cr,
        "mail_message",
        "case_map",
        "res_id",
        {"res_id": "m.new_id", "record_name": "m.name", "message_id": "o.message_id || '-' || m.new_id"},
        where="o.model = 'sop.case'",
    )
    counts["mail_message"] += clone_rows(
        cr,
        "mail_message",
        "step_map",
        "res_id",
        {"res_id": "m.new_id", "message_id": "o.message_id || '-s' || m.new_id"},
        where="o.model = 'sop.case.step'",
    )
    counts["mail_followers"] = clone_rows(
        cr,
        "mail_followers",
        "case_map",
        "res_id",
        {"res_id": "m.new_id"},
        where="o.res_model = 'sop.case' AND o.partner_id NOT IN (SELECT partner_id FROM res_users WHERE id = m.old_liaison)",
    )
    # the running cases' current steps that passed their deadline are late, and so are their cases
    cr.execute(
        """UPDATE sop_case_step SET is_late = true
            WHERE state IN ('current', 'to_approve') AND date_deadline < %(now)s
              AND is_late IS NOT TRUE""",
        {"now": now},
    )
    counts["late open steps"] = cr.rowcount
    cr.execute(
        """UPDATE sop_case c SET is_late = true WHERE c.is_late IS NOT TRUE AND EXISTS (
               SELECT 1 FROM sop_case_step s WHERE s.case_id = c.id AND s.is_late)"""
    )
    return counts


# ---------------------------------------------------------------------------- letters
def make_letters(env, city):
    args, people, opds, rng, now = city.args, city.people, city.opds, city.rng, city.now
    cr = env.cr
    template = env.ref("sop_organisasi.sop_letter_template_skj_notification")
    # wkhtmltopdf fetches the letters' CSS from the in-process server
    env["ir.config_parameter"].set_param("report.url", f"http://127.0.0.1:{args.http_port}")
    cr.commit()
    staff = env["sop.letter"].with_user(people["job_staf_organisasi"])
    years = list(range(BEGIN.year, now.year + 1))
    per_year = max(1, args.letters // len(years))
    cr.execute(
        "CREATE TEMP TABLE letter_map (old_id int, agenda_old int, g int, shift interval, opd_id int, agenda_no int)"
    )
    issued = 0
    for year in years:
        last = date(year, 12, 31) if year < now.year else now.date()
        letter = staff._generate(template, opd=opds[0], date=date(year, 1, 3))
        env.cr.commit()
        issued += 1
        cr.execute(
            "SELECT id FROM sop_letter_agenda WHERE company_id = %s AND unit_code = %s AND year = %s AND agenda_no = %s",
            letter._agenda_key(),
        )
        agenda_id = cr.fetchone()[0]
        span = (last - date(year, 1, 3)).days
        rows = [
            (letter.id, agenda_id, g, f"{span * g // per_year} days", rng.choice(opds).id, letter.agenda_no + g)
            for g in range(1, per_year)
        ]
        if rows:
            cr.execute(
                "INSERT INTO letter_map (old_id, agenda_old, g, shift, opd_id, agenda_no) VALUES "
                + ", ".join(["(%s, %s, %s, %s::interval, %s, %s)"] * len(rows)),
                [value for row in rows for value in row],
            )
    cr.execute("CREATE INDEX ON letter_map (old_id); CREATE INDEX ON letter_map (agenda_old)")
    name = "regexp_replace(o.name, '/[0-9]+/', '/' || m.agenda_no || '/')"
    clone_rows(
        cr,
        "sop_letter",
        "letter_map",
        "id",
        {"agenda_no": "m.agenda_no", "name": name, "opd_id": "m.opd_id", "addressee": "d.name->>'en_US'"},
        joins="JOIN hr_department d ON d.id = m.opd_id",
    )
    cr.execute("UPDATE letter_map SET old_id = agenda_old")
    clone_rows(cr, "sop_letter_agenda", "letter_map", "id", {"agenda_no": "m.agenda_no", "name": name})
    # the agenda counters go on after the cloned numbers
    cr.execute(
        """UPDATE ir_sequence_date_range r SET number_next = a.last + 1
             FROM (SELECT year, max(agenda_no) AS last FROM sop_letter_agenda WHERE unit_code = %s GROUP BY year) a,
                  ir_sequence s
            WHERE r.sequence_id = s.id AND s.code LIKE %s AND extract(year FROM r.date_from) = a.year
              AND r.number_next <= a.last""",
        (template.unit_code, "%" + template.unit_code + "%"),
    )
    counters = cr.rowcount
    env["ir.config_parameter"].set_param("report.url", False)
    cr.commit()
    log(f"  {issued} letters issued by the ORM, the others cloned; {counters} agenda counters moved")


# ---------------------------------------------------------------------------- SKM
def make_skm(env, city):
    args, opds, now = city.args, city.opds, city.now
    cr = env.cr
    env["ir.config_parameter"].set_param("sop_survey.skm_rate_limit", False)
    survey = env["survey.survey"]._skm_create_questionnaire(title="SKM Kota")
    units = env["sop.skm.unit"].create(
        [{"name": f"Layanan {opd.name}", "opd_id": opd.id} for opd in opds[: args.units]]
    )
    periods = env["sop.skm.period"]
    first_year = now.year - (args.periods - 1) // 2
    for i in range(args.periods):
        periods |= env["sop.skm.period"].create(
            {"year": first_year + i // 2, "period_type": "semester", "number": i % 2 + 1, "survey_id": survey.id}
        )
    periods = periods.sorted("date_start")
    today = now.date()
    periods.filtered(lambda p: p.date_end < today).write({"state": "closed"})
    periods.filtered(lambda p: p.date_start <= today <= p.date_end).write({"state": "open"})
    env["sop.skm.population"].create(
        [{"period_id": p.id, "unit_id": u.id, "population": 5000} for p in periods for u in units]
    )
    env.flush_all()
    cr.commit()
    started = time.perf_counter()
    cr.execute(
        """
        INSERT INTO survey_user_input (survey_id, state, test_entry, access_token, skm_unit_id, skm_period_id,
                                       start_datetime, end_datetime, create_date, write_date, create_uid, write_uid)
        SELECT %(survey)s, 'done', false, md5(%(survey)s || '-' || g || '-' || random()), u, p.id, d, d, d, d, 1, 1
          FROM generate_series(1, %(n)s) g
          CROSS JOIN LATERAL (SELECT (%(units)s::int[])[1 + (g %% %(nunits)s)] AS u,
                                     (%(periods)s::int[])[1 + ((g / %(nunits)s) %% %(nperiods)s)] AS pid) k
          JOIN sop_skm_period p ON p.id = k.pid
          CROSS JOIN LATERAL (SELECT LEAST(p.date_end::timestamp, %(now)s)
                                     - (LEAST(p.date_end::timestamp, %(now)s) - p.date_start::timestamp)
                                       * random() AS d) t
        """,
        {
            "survey": survey.id,
            "units": units.ids,
            "nunits": len(units),
            "periods": periods.ids,
            "nperiods": len(periods),
            "n": args.responses,
            "now": now,
        },
    )
    scored = insert_skm_answer_lines(cr, survey.id)
    cr.commit()
    log(f"  {args.responses} responses, {scored} scored answers in {time.perf_counter() - started:.0f} s")
    return survey


# ---------------------------------------------------------------------------- SINOVIK
def make_sinovik(env, city):
    args, opds, jurors, now = city.args, city.opds, city.jurors, city.now
    from odoo import Command  # noqa: PLC0415

    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    sdg = env.ref("sop_survey.sinovik_sdg_16")
    per = max(1, args.proposals // args.competitions)
    for c in range(args.competitions):
        year = now.year - args.competitions + 1 + c
        competition = env["sop.sinovik.competition"].create(
            {
                "name": f"SINOVIK {year}",
                "year": year,
                "quota_per_opd": 0,
                "category_ids": [Command.create({"name": "Umum"}), Command.create({"name": "Pelayanan Publik"})],
            }
        )
        competition.action_open_registration()
        proposals = env["sop.sinovik.proposal"].create(
            [
                {"competition_id": competition.id, "opd_id": opds[i % len(opds)].id, "name": f"Inovasi {year}-{i + 1}"}
                for i in range(per)
            ]
        )
        for k, proposal in enumerate(proposals):
            proposal.write(
                {
                    "start_date": f"{year - 1}-01-01",
                    "group_id": competition.group_ids[:1].id,
                    "category_id": competition.category_ids[k % 2].id,
                    "sdg_ids": [Command.set(sdg.ids)],
                    "video_url": "https://youtu.be/bench",
                    "answer_ids": [Command.update(a.id, {"text": SINOVIK_TEXT}) for a in proposal.answer_ids],
                    "document_ids": [
                        Command.update(d.id, {"datas": PDF_STUB, "filename": "x.pdf"}) for d in proposal.document_ids
                    ],
                }
            )
        proposals.action_submit()
        competition.action_start_evaluation()
        proposals.action_accept()
        desk = competition.stage_ids.filtered(lambda s: s.kind == "desk")
        desk.top_n = max(1, per // 10)
        assignments = env["sop.sinovik.assignment"].create(
            [
                {"stage_id": desk.id, "proposal_id": p.id, "juror_id": jurors[(k + j) % len(jurors)].id}
                for k, p in enumerate(proposals)
                for j in range(min(3, len(jurors)))
            ]
        )
        last = c == args.competitions - 1
        for k, assignment in enumerate(assignments):
            if last and k % 3 == 0:
                continue  # the current competition: a third of the scores still to enter
            for m, line in enumerate(assignment.score_ids):
                line.score = (k * 7 + m * 13) % 101
            assignment.action_done()
        if not last:
            desk.action_close()
        env.flush_all()
        env.cr.commit()
        log(f"  SINOVIK {year}: {per} proposals, {len(assignments)} assignments")


# ---------------------------------------------------------------------------- monitoring
def make_assessments(env, city):
    people, now = city.people, city.now
    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    admin = people["admin"]
    Procedure = env["sop.procedure"]
    units = Procedure.search([("state", "=", "effective")]).unit_id
    monitorings = evaluations = 0
    for year in range(BEGIN.year, now.year + 1):
        for semester in ("1", "2"):
            when = date(year, 6 if semester == "1" else 12, 15)
            if when > now.date():
                continue
            for unit in units:
                monitoring = env["sop.monitoring"].create(
                    {"unit_id": unit.id, "year": year, "semester": semester, "date": when, "reviewer_id": admin.id}
                )
                monitoring.action_load_procedures()
                for k, line in enumerate(monitoring.line_ids):
                    line.write({"assessment": "good" if k % 5 else "not_good", "note": "Berjalan"})
                monitoring.action_done()
                monitorings += 1
        for procedure in Procedure.search([("state", "=", "effective")]):
            evaluation = env["sop.evaluation"].create(
                {"procedure_id": procedure.id, "date": date(year, 11, 20), "evaluator_id": admin.id}
            )
            for k, line in enumerate(evaluation.line_ids):
                line.answer = "yes" if (k + year) % 6 else "no"
            evaluation.outcome = "keep" if (year + procedure.id) % 7 else "revise"
            evaluation.action_done()
            evaluations += 1
        env.cr.commit()
    log(f"  {monitorings} monitorings, {evaluations} evaluations")


# ---------------------------------------------------------------------------- main
COUNTED = (
    "res_users",
    "hr_department",
    "sop_procedure",
    "sop_case",
    "sop_case_step",
    "sop_case_history",
    "mail_activity",
    "tier_review",
    "mail_message",
    "mail_followers",
    "sop_letter",
    "sop_letter_agenda",
    "sop_skm_unit",
    "sop_skm_period",
    "survey_user_input",
    "survey_user_input_line",
    "sop_sinovik_competition",
    "sop_sinovik_proposal",
    "sop_sinovik_assignment",
    "sop_sinovik_score",
    "sop_monitoring",
    "sop_monitoring_line",
    "sop_evaluation",
)


def print_counts(cr):
    for table in COUNTED:
        cr.execute(f"SELECT count(*) FROM {table}")
        print(f"  {table:<28} {cr.fetchone()[0]:>12,}")


def generate(env, city):
    """Every part of the data set, committed part by part."""
    cr, args = env.cr, city.args
    log(f"people: {args.opds} OPDs and liaisons, {args.jurors} jurors")
    city.people, city.opds, city.liaisons, city.jurors = make_people(env, city)
    cr.commit()
    log(f"SOPs: seeds effective, {args.sops} more x {args.revisions} versions")
    city.effective = make_procedures(env, city)
    log("template cases")
    city.templates = make_templates(env, city)
    cases = plan_cases(env, city)
    log(f"cloning {cases} cases")
    for table, count in clone_cases(env, city.now).items():
        print(f"  {table:<28} +{count:,}")
    cr.commit()
    log(f"letters: {args.letters}")
    make_letters(env, city)
    log(f"SKM: {args.responses} responses, {args.units} units, {args.periods} periods")
    make_skm(env, city)
    log(f"SINOVIK: {args.competitions} competitions, {args.proposals} proposals")
    make_sinovik(env, city)
    log("monitorings and evaluations")
    make_assessments(env, city)
    cr.commit()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="city5y")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every volume below")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--opds", type=int, default=40)
    parser.add_argument("--sops", type=int, default=60, help="SOPs added to the seeds")
    parser.add_argument("--revisions", type=int, default=3, help="versions of each added SOP")
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--running", type=int, default=500, help="of the cases, how many still run")
    parser.add_argument("--letters", type=int, default=5000)
    parser.add_argument("--responses", type=int, default=200_000)
    parser.add_argument("--units", type=int, default=40, help="SKM units (one per OPD, at most --opds)")
    parser.add_argument("--periods", type=int, default=10, help="SKM semesters, the last one open")
    parser.add_argument("--competitions", type=int, default=3)
    parser.add_argument("--proposals", type=int, default=300, help="in all competitions")
    parser.add_argument("--jurors", type=int, default=10)
    parser.add_argument("--password", default=PASSWORD)
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        default=datetime.now(UTC).replace(tzinfo=None, minute=0, second=0, microsecond=0),
        help="the moment of the data set in UTC (default: this hour): same --seed and --now, same data",
    )
    parser.add_argument("--http-port", type=int, default=18181, help="of the server wkhtmltopdf reads the assets from")
    args = parser.parse_args()
    for name in ("opds", "sops", "cases", "running", "letters", "responses", "units", "proposals", "jurors"):
        setattr(
            args, name, max(3 if name in ("opds", "jurors", "units") else 1, round(getattr(args, name) * args.scale))
        )
    args.units = min(args.units, args.opds)
    rng = random.Random(args.seed)
    started = time.perf_counter()

    ensure_database(args.db)
    # an HTTP server in the process: wkhtmltopdf fetches the letters' assets from it
    odoo, registry = load_registry(
        args.db, "--log-level=warn", "--max-cron-threads=0", f"--http-port={args.http_port}", http=True
    )
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"lang": "en_US", "tz": "Asia/Jakarta"})
        if env["res.users"].search_count([("login", "=", "bench_staff")]):
            print(f"{args.db} already holds the city data (user bench_staff): drop it to generate again")
            return 1
        cr.execute("SELECT setseed(%s)", (((args.seed % 1000) / 1000.0),))
        now = args.now
        generate(env, SimpleNamespace(args=args, rng=rng, now=now))
        log("ANALYZE")
        cr.execute("ANALYZE")
        print_counts(cr)
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
