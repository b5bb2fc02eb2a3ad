"""18.0.1.0.0 → 18.0.1.1.0: the tasks and figures of a post move into yearly, versioned job data.

In 18.0.1.0.0 a post (``hr.job``) held its tasks and one ABK year. Each OPD's posts with tasks become the
effective job data of that OPD for that year (one ``sop.jabatan.analysis`` per OPD and year, a
``sop.jabatan.sheet`` per post, the tasks moved onto the sheet), so the figures the city had stay the
post's figures: the sheet counts the staff in post as the post did and computes its workload, staff
need, EJ and band from the same tasks, year and settings. A post without tasks gets no sheet.

A post with tasks but without an OPD (no unit, or a unit under no OPD) cannot keep its tasks as they
were: a task now belongs to a sheet (``sheet_id`` is required) and a sheet to the job data of the
post's OPD. Dropping the tasks would lose the city's work, so the migration places such a post in the
**OPD of the Bagian Organisasi** (the Sekretariat Daerah in the shipped data): the division keeps the
job data, and in 18.0.1.0.0 only its staff and HR officers could edit a post without an OPD (no OPD
liaison could), so the post stays with the same people. If the Bagian Organisasi is gone or under no
OPD of the post's company, the post's company's first top-level OPD (then its first OPD) is taken.
The post's unit becomes that OPD; its former unit, the OPD and the job data are said in the post's
chatter (and logged), so the division can move it to the right unit later. With no OPD at all in the
post's company the upgrade stops with that message: mark the OPD units first.
"""

import logging

from odoo import SUPERUSER_ID
from odoo import api
from odoo import fields
from odoo.addons.sop_organisasi.tools.workflow import as_workflow

_logger = logging.getLogger(__name__)


def _column_exists(cr, table, column):
    cr.execute("SELECT 1 FROM information_schema.columns WHERE table_name = %s AND column_name = %s", (table, column))
    return bool(cr.fetchone())


def _posts_with_tasks(cr):
    """[(post id, OPD id, ABK year)] of the posts whose tasks have no sheet yet."""
    year_sql = "COALESCE(j.abk_year, %s)" if _column_exists(cr, "hr_job", "abk_year") else "%s"
    cr.execute(
        f"""SELECT j.id, j.opd_id, {year_sql}
              FROM hr_job j
             WHERE EXISTS (SELECT 1 FROM sop_jabatan_task t WHERE t.post_id = j.id AND t.sheet_id IS NULL)
             ORDER BY j.id""",
        (fields.Date.today().year,),
    )
    return cr.fetchall()


def _fallback_opd(env, company):
    """The OPD that takes the posts of ``company`` without one (see the module docstring)."""
    Department = env["hr.department"].with_context(active_test=False)
    allowed = (company.id, False)
    division = env.ref("sop_organisasi.dept_bagian_organisasi", raise_if_not_found=False)
    if division:
        chain = Department.browse([int(i) for i in (division.parent_path or "").split("/") if i])
        opd = chain.filtered("is_opd")[-1:]
        if opd and opd.company_id.id in allowed:
            return opd
    opds = Department.search([("is_opd", "=", True), ("company_id", "in", allowed)], order="id")
    return opds.filtered(lambda d: not d.parent_id.is_opd)[:1] or opds[:1]


def _place_posts_without_opd(env, post_ids):
    """Give each post without an OPD the fallback OPD as its unit, said in its chatter."""
    for post in env["hr.job"].with_context(active_test=False, tracking_disable=True).browse(post_ids):
        opd = _fallback_opd(env, post.company_id or env.company)
        if not opd:
            raise RuntimeError(
                f"sop_jabatan: the post {post.name!r} (id {post.id}) has tasks but no OPD, and its company has "
                "no OPD unit to keep them in: mark the OPD units (Is an OPD) before upgrading."
            )
        former = post.department_id.display_name or "-"
        post.write({"department_id": opd.id})
        post.message_post(
            body=(
                f"Upgrade to 18.0.1.1.0: this post had tasks but belonged to no OPD (unit: {former}). "
                f"Its tasks and figures are kept in the job data of {opd.name}, its unit is now {opd.name}: "
                "move it to the right unit if it belongs elsewhere."
            )
        )
        _logger.info(
            "sop_jabatan: post %s (id %s) had tasks but no OPD (unit %s): placed in the OPD %s (id %s)",
            post.name,
            post.id,
            former,
            opd.name,
            opd.id,
        )
    env.flush_all()


def migrate(cr, version):
    if not version or not _column_exists(cr, "sop_jabatan_task", "post_id"):
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    orphans = [job_id for job_id, opd_id, _year in _posts_with_tasks(cr) if not opd_id]
    if orphans:
        _place_posts_without_opd(env, orphans)
    groups = {}
    for job_id, opd_id, year in _posts_with_tasks(cr):
        groups.setdefault((opd_id, year), []).append(job_id)
    Analysis = as_workflow(env["sop.jabatan.analysis"])
    Sheet = as_workflow(env["sop.jabatan.sheet"])
    Task = env["sop.jabatan.task"]
    for (opd_id, year), job_ids in sorted(groups.items()):
        opd = env["hr.department"].browse(opd_id)
        analysis = Analysis.create({"opd_id": opd_id, "year": year, "company_id": (opd.company_id or env.company).id})
        for job_id in job_ids:
            sheet = Sheet.create({"analysis_id": analysis.id, "post_id": job_id})
            cr.execute(
                "UPDATE sop_jabatan_task SET sheet_id = %s WHERE post_id = %s AND sheet_id IS NULL", (sheet.id, job_id)
            )
        # the tasks' sheet changed behind the ORM: recompute what depends on it (the sheets' workload, then
        # their staff need, EJ and band, the job data's totals; the tasks' OPD)
        env.invalidate_all()
        Task.search([("sheet_id", "in", analysis.sheet_ids.ids)]).modified(["sheet_id"])
        analysis.write({"state": "effective", "date_effective": fields.Date.today()})
        analysis.message_post(body="Migrated from release 18.0.1.0.0: the posts' tasks and figures of that year.")
        env.flush_all()
