"""Server-side checks of the sop_survey workflows (a hidden button or readonly field is no security)."""

from odoo.addons.sop_organisasi.tools.workflow import field_labels
from odoo.exceptions import AccessError

DIVISION = "sop_organisasi.group_sop_user"
ADMINISTRATOR = "sop_organisasi.group_sop_manager"
DEFAULT_PREFIX = "default_"


def require_group(env, group_xmlid, message):
    """Raise ``AccessError(message)`` unless the user of ``env`` is in the group (or is the superuser)."""
    if env.su or env.user.has_group(group_xmlid):
        return
    raise AccessError(message)


def check_workflow_fields(records, vals, protected, message=None):
    """Raise an ``AccessError`` if ``vals`` sets one of the ``protected`` fields outside a workflow method.

    The workflow methods write these fields with ``sudo()`` after their own group and state checks;
    any other write (a client over RPC, whatever its context) is refused. ``message`` (optional)
    builds the error from the comma-separated field labels.
    """
    forbidden = set(vals) & set(protected)
    if forbidden and not records.env.su:
        labels = field_labels(records, forbidden)
        raise AccessError(
            message(labels)
            if message
            else records.env._("%(fields)s can only be changed through the workflow buttons.", fields=labels)
        )


def without_client_defaults(records, protected):
    """``records`` without the ``default_<field>`` context keys of the ``protected`` fields.

    A client's context key never sets a workflow field on ``create`` (nor on ``copy``).
    """
    context = {
        key: value
        for key, value in records.env.context.items()
        if not (key.startswith(DEFAULT_PREFIX) and key[len(DEFAULT_PREFIX) :] in protected)
    }
    return records.with_env(records.env(context=context))  # this context exactly, not merged
