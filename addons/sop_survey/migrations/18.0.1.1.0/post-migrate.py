"""18.0.1.0.0 -> 18.0.1.1.0, after the ORM and the data files.

- New internal users no longer get "Surveys: User" from the template of new users (``noupdate``
  data, so an installed database keeps it without this step). The IKM tally is built by
  ``sop.skm.result.init()`` on every upgrade.
"""

from odoo import SUPERUSER_ID
from odoo import api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"]._sop_template_drop_groups(("survey.group_survey_user",))
