"""18.0.2.0.0 -> 18.0.2.1.0, after the ORM and the data files.

- The template of new users (Settings › Default Access Rights) is ``noupdate`` data: a database
  installed before keeps "Employees: Administrator" on it, and every new user would still get it.
  The HR groups hr put there are taken off; any other group an administrator chose stays.
- A step sent back by a 'No' shows why (``sop.case.step.return_reason``): the steps returned before
  the upgrade get the latest 'No' of their case history, as its user would have read it.
- ``res.company.sop_monitoring_start_date`` (first monitorings due 6 months after it) is filled by
  the ORM with its default, the day the SOP application was installed (its first records).
- PostgreSQL's JIT is turned off for the database (tools/database.py: 5x faster step lists of a
  liaison on five years of data).
"""

import logging

from odoo import SUPERUSER_ID
from odoo import api
from odoo.addons.sop_organisasi.tools.database import disable_jit

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"]._sop_template_drop_groups(("hr.group_hr_manager", "hr.group_hr_user"))
    steps = env["sop.case.step"]._backfill_return_reasons()
    _logger.info("%s returned steps got the reason of their last 'No' from the case history", len(steps))
    disable_jit(cr)
