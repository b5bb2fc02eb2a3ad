"""Server-side checks of the sop_survey workflows (a hidden button or readonly field is no security).

The guard of workflow fields is sop_organisasi's (``tools/workflow.py``): one rule for both addons.
"""

from odoo.exceptions import AccessError

DIVISION = "sop_organisasi.group_sop_user"
APPROVER = "sop_organisasi.group_sop_approver"
ADMINISTRATOR = "sop_organisasi.group_sop_manager"


def require_group(env, group_xmlid, message):
    """Raise ``AccessError(message)`` unless the user of ``env`` is in the group (or is the superuser)."""
    if env.su or env.user.has_group(group_xmlid):
        return
    raise AccessError(message)
