"""Checks on the upgraded database (run by run_upgrade_test.sh in ``odoo shell``, current code).

The snapshot comparison proves nothing was lost; these lines prove the post-migrations did their
work and what the upgrade builds agrees with the data. ``SOP_UPGRADE_FROM`` is the version of
sop_organisasi before the upgrade: the checks of a migration run for the upgrades that ran it.
Each line starts with CHECK (passed), FAIL or INFO.
"""

# ruff: noqa: F821 - ``env`` is odoo shell's

import os
from decimal import Decimal

from odoo.addons.sop_survey.tools import skm_tally

UPGRADED_FROM = tuple(int(part) for part in os.environ.get("SOP_UPGRADE_FROM", "18.0.1.0.0").split("."))


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
check_skm_tally_and_dashboard()
check_product_translations()
