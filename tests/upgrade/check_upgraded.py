"""Checks on the upgraded database (run by run_upgrade_test.sh in ``odoo shell``, current code).

The snapshot comparison proves nothing was lost; these lines prove the post-migration did its work.
Each line starts with CHECK (passed) or FAIL.
"""

# ruff: noqa: F821 - ``env`` is odoo shell's


def check(ok, text):
    print(("CHECK " if ok else "FAIL ") + text)


company = env.ref("base.main_company")
wib = env.ref("sop_organisasi.resource_calendar_pemkot")
check(company.resource_calendar_id == wib, f"company calendar: {company.resource_calendar_id.name}")
check(company.partner_id.tz == "Asia/Jakarta", f"company time zone: {company.partner_id.tz}")
said = company.partner_id.message_ids.filtered(lambda m: "WIB" in (m.body or ""))
check(bool(said), "the change is said in the company's chatter")
utc_users = env["res.users"].search([("share", "=", False), ("tz", "in", (False, "UTC"))])
check(not utc_users, f"internal users in UTC or without a zone: {utc_users.mapped('login')}")

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
replans = env["sop.case.history"].search_count([("event", "=", "replan")])
print(f"INFO {replans} deadlines recomputed on the WIB calendar")

items = env["sop.setup.item"].search([])
by_method = {item.check_method: item for item in items}
check("_setup_check_sop_units" in by_method, "the setup checklist has the SOP units item")
check("_setup_check_calendar" in by_method, "the setup checklist has the working calendar item")
for item in items:
    print(f"INFO setup: {item.name}: {item.state} ({item.detail})")
