"""18.0.2.0.0 -> 18.0.2.1.0, after the ORM and the data files.

- The template of new users (Settings › Default Access Rights) is ``noupdate`` data: a database
  installed before keeps "Employees: Administrator" on it, and every new user would still get it.
  The HR groups hr put there are taken off; any other group an administrator chose stays.
"""

from odoo import SUPERUSER_ID
from odoo import api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["res.users"]._sop_template_drop_groups(("hr.group_hr_manager", "hr.group_hr_user"))
