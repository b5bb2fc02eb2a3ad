"""18.0.1.0.0 → 18.0.1.1.0: the tasks and figures of a post move into yearly, versioned job data.

In 18.0.1.0.0 a post (``hr.job``) held its tasks and one ABK year. Each OPD's posts with tasks become the
effective job data of that OPD for that year (one ``sop.jabatan.analysis`` per OPD and year, a
``sop.jabatan.sheet`` per post, the tasks moved onto the sheet), so the figures the city had stay the
post's figures. Tasks of a post without an OPD stay in the
database (logged) until the post is placed in an OPD unit.
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


def migrate(cr, version):
    if not version or not _column_exists(cr, "sop_jabatan_task", "post_id"):
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    year_sql = "COALESCE(j.abk_year, %s)" if _column_exists(cr, "hr_job", "abk_year") else "%s"
    cr.execute(
        f"""SELECT j.id, j.opd_id, {year_sql}
              FROM hr_job j
             WHERE EXISTS (SELECT 1 FROM sop_jabatan_task t WHERE t.post_id = j.id AND t.sheet_id IS NULL)
             ORDER BY j.id""",
        (fields.Date.today().year,),
    )
    groups = {}
    orphans = []
    for job_id, opd_id, year in cr.fetchall():
        if opd_id:
            groups.setdefault((opd_id, year), []).append(job_id)
        else:
            orphans.append(job_id)
    Analysis = as_workflow(env["sop.jabatan.analysis"])
    Sheet = as_workflow(env["sop.jabatan.sheet"])
    for (opd_id, year), job_ids in sorted(groups.items()):
        analysis = Analysis.create({"opd_id": opd_id, "year": year})
        for job_id in job_ids:
            sheet = Sheet.create({"analysis_id": analysis.id, "post_id": job_id})
            cr.execute(
                "UPDATE sop_jabatan_task SET sheet_id = %s WHERE post_id = %s AND sheet_id IS NULL", (sheet.id, job_id)
            )
        env.invalidate_all()
        sheets = analysis.sheet_ids
        env.add_to_compute(env["sop.jabatan.sheet"]._fields["workload_minutes"], sheets)
        analysis.write({"state": "effective", "date_effective": fields.Date.today()})
        analysis.message_post(body="Migrated from release 18.0.1.0.0: the posts' tasks and figures of that year.")
        env.flush_all()
    if orphans:
        _logger.warning(
            "sop_jabatan: %s post(s) with tasks belong to no OPD (ids %s); their tasks stay in the database "
            "without a sheet until the post is placed in an OPD unit.",
            len(orphans),
            orphans,
        )
