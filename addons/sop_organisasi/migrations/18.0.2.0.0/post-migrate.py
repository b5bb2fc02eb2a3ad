"""18.0.1.0.0 -> 18.0.2.0.0, after the ORM and the data files.

- Mojokerto works in WIB: a company still on Odoo's default calendar and UTC gets the city's WIB
  calendar and Asia/Jakarta (company data is ``noupdate``, so the data files do not), said in its
  chatter; a calendar or zone somebody chose is kept.
- The public holidays and cuti bersama of this year and the next are loaded into the companies'
  calendars (package ``holidays``; skipped with a warning when it is missing).
- The deadlines of steps in progress are recomputed on that calendar with the new "N hari" rule
  and the holidays, each change kept in the case history.
- The letter agenda book gets the letters issued before it existed.
The setup checklist (SOP › Configuration) then flags SOP Users without SOP units and a company
that is not on a working calendar with holidays.
"""

import logging

from odoo import SUPERUSER_ID
from odoo import api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    companies = env["res.company"].search([])._sop_adopt_wib()
    _logger.info("WIB calendar and time zone applied to %s companies", len(companies))
    env["resource.calendar"]._cron_sop_load_public_holidays()
    steps = env["sop.case.step"]._replan_open_steps(env._("Upgrade to the WIB calendar and the N-day rule"))
    _logger.info("deadlines recomputed for %s steps in progress", len(steps))
    entries = env["sop.letter.agenda"]._backfill_from_letters()
    _logger.info("%s letters entered in the agenda book", len(entries))
