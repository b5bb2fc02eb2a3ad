"""Checks on the upgraded database (run by run_upgrade_test.sh in ``odoo shell``, current code).

The snapshot comparison proves nothing was lost; these lines prove the post-migrations did their
work and what the upgrade builds agrees with the data. ``SOP_UPGRADE_FROM`` is the version of
sop_organisasi before the upgrade: the checks of a migration run for the upgrades that ran it.
``SOP_UPGRADE_BEFORE`` is the snapshot taken before the upgrade (snapshot.py): its ``_versions`` say
which addons were installed in which version, its rows what the data was (e.g. a post's ABK figures,
which are its sheet's after 18.0.1.1.0 of sop_jabatan). Each line starts with CHECK (passed), FAIL or INFO.
"""

# ruff: noqa: F821 - ``env`` is odoo shell's

import json
import os
from decimal import Decimal

from odoo.addons.sop_survey.tools import skm_tally

UPGRADED_FROM = tuple(int(part) for part in os.environ.get("SOP_UPGRADE_FROM", "18.0.1.0.0").split("."))
BEFORE = {}
if os.environ.get("SOP_UPGRADE_BEFORE"):
    with open(os.environ["SOP_UPGRADE_BEFORE"], encoding="utf-8") as snapshot_file:
        BEFORE = json.load(snapshot_file)
VERSIONS_BEFORE = {
    module: tuple(int(part) for part in version.split(".")) for module, version in BEFORE.get("_versions", {}).items()
}


def check(ok, text):
    print(("CHECK " if ok else "FAIL ") + text)


def check_migration_18_0_2_0():
    """18.0.2.0.0: the company on the WIB calendar, said in its chatter; users in a time zone."""
    company = env.ref("base.main_company")
    wib = env.ref("sop_organisasi.resource_calendar_pemkot")
    check(company.resource_calendar_id == wib, f"company calendar: {company.resource_calendar_id.name}")
    check(company.partner_id.tz == "Asia/Jakarta", f"company time zone: {company.partner_id.tz}")
    said = company.partner_id.message_ids.filtered(lambda m: "WIB" in (m.body or ""))
    check(bool(said), "the change is said in the company's chatter")
    utc_users = env["res.users"].search([("share", "=", False), ("tz", "in", (False, "UTC"))])
    check(not utc_users, f"internal users in UTC or without a zone: {utc_users.mapped('login')}")
    replans = env["sop.case.history"].search_count([("event", "=", "replan")])
    print(f"INFO {replans} deadlines recomputed on the WIB calendar")


def check_library_and_cases():
    """Every release: letters in the agenda book, signatories kept, open steps planned, setup checklist."""
    letters = env["sop.letter"].search([("agenda_no", "!=", 0)])
    booked = {entry._agenda_key() for entry in env["sop.letter.agenda"].search([])}
    missing = [letter.name for letter in letters if letter._agenda_key() not in booked]
    check(letters and not missing, f"{len(letters)} letters in the agenda book; missing: {missing}")

    procedures = env["sop.procedure"].with_context(active_test=False).search([])
    signed = procedures.filtered("signatory_name")
    check(signed, f"{len(signed)} of {len(procedures)} SOPs keep their approving official")
    if BEFORE.get("sop_procedure"):
        check_signatories_kept(procedures)
    competitions = env["sop.sinovik.competition"].search([])
    check(all(c.signatory_name for c in competitions), f"{len(competitions)} SINOVIK competitions keep their signatory")

    open_steps = env["sop.case.step"].search([("state", "=", "current")])
    late_plans = open_steps.filtered(lambda s: not s.date_deadline)
    check(open_steps and not late_plans, f"{len(open_steps)} steps in progress, each with a deadline")

    items = env["sop.setup.item"].search([])
    by_method = {item.check_method: item for item in items}
    check("_setup_check_sop_units" in by_method, "the setup checklist has the SOP units item")
    check("_setup_check_calendar" in by_method, "the setup checklist has the working calendar item")
    for item in items:
        print(f"INFO setup: {item.name}: {item.state} ({item.detail})")


SIGNATORY_BEFORE = {  # the approving official's fields of an SOP in a snapshot, by the release's name
    "signatory_position": ("signatory_position", "approver_title"),
    "signatory_name": ("signatory_name", "approver_name"),
    "signatory_rank": ("signatory_rank", "approver_rank"),
    "signatory_nip": ("signatory_nip", "approver_nip"),
}


def check_signatories_kept(procedures):
    """Every SOP of before has the approving official (position, name, rank, NIP) it had, under today's names."""
    rows = BEFORE["sop_procedure"]
    changed = []
    for procedure in procedures:
        row = rows.get(str(procedure.id))
        if row is None:
            continue
        for name, olds in SIGNATORY_BEFORE.items():
            old = next((row[old] for old in olds if old in row), None)
            if (old or False) != (procedure[name] or False):
                changed.append(f"{procedure.display_name} {name}: {old!r} -> {procedure[name]!r}")
    kept = [p for p in procedures if str(p.id) in rows]
    check(kept and not changed, f"{len(kept)} SOPs of before keep their approving official field by field: {changed}")


def _same(old, new):
    """A snapshot value (numbers of numeric columns are text) equals a value of the ORM."""
    if isinstance(new, float) or (isinstance(old, str) and isinstance(new, int) and not isinstance(new, bool)):
        return old is not None and abs(float(old) - new) < 1e-6
    if hasattr(new, "_name"):
        return (old or False) == (new.id or False)
    return (old if old is not None else False) == new


TASK_VALUES = (
    "name",
    "sequence",
    "result",
    "result_unit",
    "volume",
    "standard_time",
    "time_unit",
    "standard_minutes",
    "workload_minutes",
    "post_id",
)
SHEET_FIGURES = (
    "workload_minutes",
    "jke_minutes",
    "staff_need_raw",
    "staff_need",
    "staff_pns",
    "staff_pppk",
    "staff_other",
    "staff_in_post",
    "staff_gap",
    "efficiency",
    "efficiency_defined",
    "efficiency_band_id",
)


def check_migration_jabatan_18_0_1_1():
    """sop_jabatan 18.0.1.1.0: every task of before is kept with its values on a sheet of its post in the
    effective job data of the post's OPD and old ABK year; the sheet has the post's old figures and is the
    post's effective sheet; one effective job data per OPD and year; posts without an OPD placed."""
    posts_before = BEFORE.get("hr_job", {})
    sheets_of = _check_tasks_kept(posts_before, BEFORE.get("sop_jabatan_task", {}))
    posts = env["hr.job"].with_context(active_test=False).browse(sorted(sheets_of))
    placed = _check_sheet_figures(posts, posts_before, sheets_of)
    _check_job_data(posts, posts_before)
    _check_placed(posts_before, placed, sheets_of)


def _check_tasks_kept(posts_before, tasks_before):
    """Every task of before, with its values, on a sheet of its post in effective job data of its old year."""
    Task = env["sop.jabatan.task"]
    lost, wrong, misplaced = [], [], []
    sheets_of = {}
    for task_id, row in sorted(tasks_before.items(), key=lambda item: int(item[0])):
        task = Task.browse(int(task_id)).exists()
        if not task:
            lost.append(task_id)
            continue
        wrong += [
            f"task {task_id}.{name}: {row.get(name)!r} -> {task[name]!r}"
            for name in TASK_VALUES
            if name in row and not _same(row[name], task[name])
        ]
        post_row = posts_before[str(row["post_id"])]
        sheet = task.sheet_id
        if (
            sheet.post_id.id != row["post_id"]
            or sheet.analysis_id.state != "effective"
            or sheet.year != post_row["abk_year"]
        ):
            misplaced.append(f"task {task_id} on {sheet.display_name} ({sheet.analysis_id.state}, {sheet.year})")
        sheets_of.setdefault(row["post_id"], set()).add(sheet.id)
    check(
        tasks_before and not lost and not wrong,
        f"{len(tasks_before)} tasks of before kept with their values: lost {lost}, changed {wrong}",
    )
    check(
        not misplaced,
        f"each task is on a sheet of its post in effective job data of the post's old ABK year: {misplaced}",
    )
    return sheets_of


def _check_sheet_figures(posts, posts_before, sheets_of):
    """The effective sheet of each post with tasks has the post's old figures; returns the posts placed in an OPD."""
    placed = []
    figures = []
    for post in posts:
        row = posts_before[str(post.id)]
        sheet = post.current_sheet_id
        if len(sheets_of[post.id]) != 1 or sheet.id not in sheets_of[post.id]:
            figures.append(f"{post.name}: tasks on sheets {sheets_of[post.id]}, effective sheet {sheet.id}")
            continue
        figures += [
            f"{post.name}.{name}: {row[name]!r} -> {sheet[name]!r}"
            for name in SHEET_FIGURES
            if not _same(row[name], sheet[name])
        ]
        figures += [
            f"{post.name}: the post's {name} is not its sheet's" for name in SHEET_FIGURES if post[name] != sheet[name]
        ]
        identity = {
            "name": post.name,
            "job_kind": post.job_kind,
            "job_code": post.job_code,
            "parent_post_id": post.parent_id,
            "department_id": post.department_id,
        }
        figures += [
            f"{post.name}: sheet {name} {sheet[name]!r}" for name, value in identity.items() if sheet[name] != value
        ]
        if not row.get("opd_id"):
            placed.append(post)
        elif sheet.analysis_id.opd_id.id != row["opd_id"] or post.opd_id.id != row["opd_id"]:
            figures.append(f"{post.name}: OPD {row['opd_id']} -> {sheet.analysis_id.opd_id.id}")
    check(
        posts and not figures,
        f"{len(posts)} posts with tasks: their effective sheet (current_sheet_id) has their old workload, staff "
        f"needed raw and rounded, staff in post by status, gap, EJ and band: {figures}",
    )
    for post in posts:
        sheet = post.current_sheet_id
        print(
            f"INFO {sheet.analysis_id.display_name}: {post.name}: {sheet.workload_minutes:.2f} min, "
            f"JKE {sheet.jke_minutes}, need {sheet.staff_need_raw:.4f} -> {sheet.staff_need}, in post "
            f"{sheet.staff_in_post} ({sheet.staff_pns}/{sheet.staff_pppk}/{sheet.staff_other}), {sheet.efficiency_text}"
        )
    return placed


def _check_job_data(posts, posts_before):
    """One effective job data per OPD and ABK year, with exactly its posts and their totals."""
    analyses = posts.current_sheet_id.analysis_id
    keys = {}
    for analysis in analyses:
        keys.setdefault((analysis.opd_id.id, analysis.year), []).append(analysis)
    doubles = {key: len(found) for key, found in keys.items() if len(found) != 1}
    groups = {}
    for post in posts:
        row = posts_before[str(post.id)]
        groups.setdefault((post.opd_id.id, row["abk_year"]), set()).add(post.id)
    others = [a.display_name for a in analyses if set(a.sheet_ids.post_id.ids) != groups.get((a.opd_id.id, a.year))]
    check(
        not doubles and not others and len(analyses) == len(groups),
        f"{len(analyses)} effective job data, one per OPD and ABK year, with exactly its posts: "
        f"doubles {doubles}, other posts {others}",
    )
    totals = [
        a.display_name
        for a in analyses
        if not _same(
            sum(float(posts_before[str(i)]["workload_minutes"]) for i in a.sheet_ids.post_id.ids), a.workload_minutes
        )
        or a.staff_need != sum(posts_before[str(i)]["staff_need"] for i in a.sheet_ids.post_id.ids)
    ]
    check(not totals, f"the job data's totals are the sums of their posts' old figures: {totals}")


def _check_placed(posts_before, placed, sheets_of):
    """Posts without an OPD are in the OPD of the Bagian Organisasi, said in their chatter; no other post moved."""
    Job = env["hr.job"].with_context(active_test=False)
    division = env.ref("sop_organisasi.dept_bagian_organisasi", raise_if_not_found=False)
    moved = [
        post.name
        for post in Job.browse([int(i) for i in posts_before])
        if post not in placed
        and (post.department_id.id or None)
        != (posts_before[str(post.id)].get("department_id", post.department_id.id) or None)
    ]
    wrong_place = [
        post.name
        for post in placed
        if not post.opd_id
        or (division and post.opd_id != division.parent_id)
        or not post.message_ids.filtered(lambda m: "belonged to no OPD" in (m.body or ""))
    ]
    check(
        not moved and not wrong_place,
        f"{len(placed)} posts with tasks but no OPD are placed in the OPD of the Bagian Organisasi, said in their "
        f"chatter, and no other post changed its unit: moved {moved}, wrong {wrong_place}",
    )
    for post in placed:
        print(f"INFO post without an OPD {post.name}: now in {post.department_id.name}, {post.abk_year}")
    untasked = Job.browse([int(i) for i, row in posts_before.items() if int(i) not in sheets_of]).filtered("sheet_ids")
    check(not untasked, f"posts without tasks get no sheet: {untasked.mapped('name')}")
    for post_id, row in sorted(posts_before.items(), key=lambda item: int(item[0])):
        if int(post_id) not in sheets_of and row.get("staff_in_post"):
            post = Job.browse(int(post_id))
            print(
                f"INFO {post.name}: no tasks, so no sheet: {row['staff_in_post']} in post, the old gap "
                f"{row.get('staff_gap')} and EJ {row.get('efficiency')} (no workload) are not shown any more"
            )


def check_migration_18_0_2_1():
    """18.0.2.1.0 (18.0.1.1.0 of sop_survey): returned steps say why (from the history); new users' template
    without HR and Surveys groups; the monitoring start is the install date."""
    latest = {}
    for row in env["sop.case.history"].search([("event", "=", "answer_no")], order="date, id"):
        latest[row.step_id.return_step_id] = row
    wrong = [
        f"{step.case_id.name} {step.code}: {step.return_reason!r}"
        for step, row in latest.items()
        if not step.return_reason
        or (row.note or "") not in step.return_reason
        or row.step_id.code not in step.return_reason
    ]
    check(latest and not wrong, f"{len(latest)} steps returned by a 'No' say why; wrong: {wrong}")
    for step in latest:
        print(f"INFO {step.case_id.name} {step.code} returned: {step.return_reason}")
    template = env.ref("base.default_user")
    dropped = ("hr.group_hr_manager", "hr.group_hr_user", "survey.group_survey_user")
    kept = [xmlid for xmlid in dropped if env.ref(xmlid) in template.groups_id]
    check(not kept, f"the template of new users has no HR or Surveys group: {kept}")
    company = env.ref("base.main_company")
    env.cr.execute("SELECT min(create_date)::date FROM ir_model_data WHERE module = 'sop_organisasi'")
    [(installed,)] = env.cr.fetchall()
    check(
        company.sop_monitoring_start_date == installed,
        f"SOP monitoring since {company.sop_monitoring_start_date} (installed {installed})",
    )
    from odoo.addons.sop_organisasi.tools.database import jit_disabled  # noqa: PLC0415 - odoo shell script

    check(jit_disabled(env.cr), "PostgreSQL's JIT is off for the database")


def _tally():
    env.flush_all()
    env.cr.execute(skm_tally.totals_sql())
    return {
        (period, unit, element): (answers, Decimal(score), respondents)
        for period, unit, element, answers, score, respondents in env.cr.fetchall()
    }


def check_skm_tally_and_dashboard():
    """The SKM tally the upgrade built is the answers; the IKM dashboard is the IKM engine's figures."""
    tally = _tally()
    with env.cr.savepoint(flush=True) as savepoint:
        env.cr.execute(skm_tally.rebuild_sql())
        rebuilt = _tally()
        savepoint.rollback()
    respondents = sum(value[2] for key, value in tally.items() if key[2] is None)
    check(tally and tally == rebuilt, f"the SKM tally ({len(tally)} keys, {respondents} respondents) is the answers")

    Result = env["sop.skm.result"]
    engine = env["sop.skm.ikm"]
    periods = env["sop.skm.period"].search([])
    groups = Result.read_group(
        [("period_id", "in", periods.ids)],
        ["element_index:avg", "respondents:max"],
        ["period_id", "unit_id"],
        lazy=False,
    )
    differences = []
    for group in groups:
        period_id, unit_id = group["period_id"][0], group["unit_id"][0]
        [row] = engine._skm_compute(("unit",), period_ids=[period_id], unit_ids=[unit_id])
        if (round(group["element_index"], 2), group["respondents"]) != (float(row["ikm"]), row["respondents"]):
            differences.append((period_id, unit_id, group["element_index"], group["respondents"], row["ikm"]))
    for period in periods:
        total = Result.read_group([("period_id", "=", period.id)], ["element_index:avg", "respondents:max"], [])[0]
        city = engine._skm_compute((), period_ids=period.ids)
        if city and (round(total["element_index"], 2), total["respondents"]) != (
            float(city[0]["ikm"]),
            city[0]["respondents"],
        ):
            differences.append((period.id, "city", total["element_index"], total["respondents"], city[0]["ikm"]))
    check(
        groups and not differences, f"IKM dashboard of {len(groups)} units and periods = the IKM engine: {differences}"
    )
    for group in groups:
        print(
            f"INFO IKM {group['period_id'][1]} / {group['unit_id'][1]}: {group['element_index']:.2f}, "
            f"{group['respondents']} respondents"
        )


def check_product_translations():
    """The Indonesian of the product's data (not ``noupdate``) is the current .po's, also where an
    upgrade changed the English: loading the translations again, overwriting, changes nothing."""
    tables = {"sop.setup.item": "name", "ir.ui.menu": "name", "ir.actions.act_window": "name"}

    def values():
        env.flush_all()
        found = {}
        for model, field in tables.items():
            table = env[model]._table
            env.cr.execute(
                f"""SELECT d.module || '.' || d.name, t."{field}"->>'id_ID' FROM "{table}" t
                    JOIN ir_model_data d ON d.model = %s AND d.res_id = t.id AND NOT d.noupdate
                   WHERE d.module = ANY(%s)""",
                [model, ["sop_organisasi", "sop_survey"]],
            )
            found.update(env.cr.fetchall())
        return found

    current = values()
    with env.cr.savepoint(flush=True) as savepoint:
        env["ir.module.module"]._load_module_terms(["sop_organisasi", "sop_survey"], ["id_ID"], overwrite=True)
        reloaded = values()
        savepoint.rollback()
    stale = {xmlid: (text, reloaded[xmlid]) for xmlid, text in current.items() if reloaded.get(xmlid) != text}
    check(current and not stale, f"{len(current)} product records in the .po's Indonesian; stale: {stale}")


if UPGRADED_FROM < (18, 0, 2, 0, 0):
    check_migration_18_0_2_0()
check_library_and_cases()
if UPGRADED_FROM < (18, 0, 2, 1, 0):
    check_migration_18_0_2_1()
if VERSIONS_BEFORE.get("sop_jabatan", (99,)) < (18, 0, 1, 1, 0):
    check_migration_jabatan_18_0_1_1()
check_skm_tally_and_dashboard()
check_product_translations()
