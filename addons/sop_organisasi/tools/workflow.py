"""The workflow's own writes past the lock of an SOP.

An effective SOP and its content are locked for everyone, the superuser included: only the
workflow (submission, the approval tiers, Revise, the import of a revision) and the data
files of the addons change them. No client can open the lock: the marker below is a Python
object in the context, which JSON-RPC cannot produce, and it counts only for the superuser;
data files count only while the module loader (the superuser account itself) loads them.
"""

from odoo import SUPERUSER_ID

_WORKFLOW_KEY = "sop_workflow"
_TOKEN = object()


def as_workflow(records):
    """``records`` as the workflow: superuser, past the SOP lock. Check the user's rights first."""
    # the client's context is replaced, not merged: none of its keys reaches the superuser write
    return records.sudo().with_context({_WORKFLOW_KEY: _TOKEN})  # pylint: disable=context-overridden


def in_workflow(env):
    """Whether ``env`` writes for the workflow (:func:`as_workflow`) or loads module data."""
    if not env.su:
        return False
    if env.context.get(_WORKFLOW_KEY) is _TOKEN:
        return True
    return env.uid == SUPERUSER_ID and bool(env.context.get("install_filename"))


# fields of the chatter (followers, activities, messages): writable whatever the state
CHATTER_PREFIXES = ("message_", "activity_")


def written_fields(vals):
    """The names in ``vals`` other than the chatter's."""
    return {name for name in vals if not name.startswith(CHATTER_PREFIXES)}


def field_labels(records, names):
    """The labels of the fields ``names`` of ``records``' model, for messages: 'Case, State'."""
    return ", ".join(sorted(records._fields[name]._description_string(records.env) for name in names))
