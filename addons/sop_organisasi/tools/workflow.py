"""The workflow's own writes past the lock of an SOP.

An effective SOP and its content are locked for everyone, the superuser included: only the
workflow (submission, the approval tiers, Revise, the import of a revision) and the data
files of the addons change them. No client can open the lock: the marker below is a Python
object in the context, which JSON-RPC cannot produce, and it counts only for the superuser;
data files count only while the module loader (the superuser account itself) loads them.
"""

from odoo import SUPERUSER_ID
from odoo.exceptions import AccessError

_WORKFLOW_KEY = "sop_workflow"
_TOKEN = object()


# context keys the workflow keeps from the client's: they choose a language, a time zone and (in
# tests) real PDF rendering, never a right
_KEPT_KEYS = ("lang", "tz", "force_report_rendering")


def as_workflow(records):
    """``records`` as the workflow: superuser, past the SOP lock. Check the user's rights first."""
    # the client's context is replaced, not merged: none of its keys but the language and time
    # zone reaches the superuser write (no default_<field>, no lock key)
    context = {key: records.env.context[key] for key in _KEPT_KEYS if key in records.env.context}
    context[_WORKFLOW_KEY] = _TOKEN
    return records.sudo().with_context(context)  # pylint: disable=context-overridden


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


def computed_fields(records, vals):
    """The names in ``vals`` of fields the model computes (readonly, no inverse: a related field such as a
    line's state or OPD, a total): a client never writes them (the ORM would store what it is given)."""
    found = set()
    for name in vals:
        field = records._fields.get(name)
        if field is not None and field.compute and field.readonly and not field.inverse:
            found.add(name)
    return found


def check_computed_fields(records, vals):
    """Raise an ``AccessError`` if a user's session (not the superuser) sets a computed field."""
    names = set() if records.env.su else computed_fields(records, vals)
    if names:
        raise AccessError(
            records.env._(
                "%(fields)s can only be changed through the workflow buttons.",
                fields=field_labels(records, names),
            )
        )


def field_labels(records, names):
    """The labels of the fields ``names`` of ``records``' model, for messages: 'Case, State'."""
    return ", ".join(sorted(records._fields[name]._description_string(records.env) for name in names))


# ------------------------------------------------------------------ the guard of workflow fields
# One rule for both addons: the fields a record's workflow sets (its state, revision, reviews...)
# are written only by the workflow itself (as superuser, after its own checks). A client may
# create a record with these fields at their defaults (what a form sends on "New"), nothing else;
# its ``default_<field>`` context keys are dropped, and a copy starts from the defaults again.
DEFAULT_PREFIX = "default_"


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


def workflow_defaults(records, protected):
    """The defaults of the ``protected`` fields, from the model only (no client context key)."""
    names = [name for name in protected if name in records._fields]
    return without_client_defaults(records, protected).default_get(names)


def copy_with_workflow_defaults(records, protected, default=None):
    """``default`` for ``copy_data``: a copy starts where the workflow starts, not in the original's state."""
    default = dict(default or {})
    start = workflow_defaults(records, protected)
    for name in protected:
        if name in records._fields:
            default.setdefault(name, start.get(name, False))
    return default


def _is_default(records, name, value, defaults):
    if name not in defaults:
        return not value  # a field without default starts empty: False, 0, "" or no lines
    default = defaults[name]
    field = records._fields[name]
    if field.type in ("many2one", "many2many", "one2many"):
        # ids and recordsets, commands and lists: compare what they hold
        return (not value and not default) or value == default
    return value == default


def refused_workflow_fields(records, vals, protected, creating=False, trusted=None):
    """The ``protected`` names that ``vals`` may not set (none for a ``trusted`` writer: by default
    the superuser, i.e. a workflow method after its checks).

    On ``create`` a value equal to the field's default is accepted: the web client sends the form's
    defaults with the other values, and a record that starts where its workflow starts is no breach.
    """
    if records.env.su if trusted is None else trusted:
        return set()
    names = set(vals) & set(protected)
    if creating and names:
        defaults = workflow_defaults(records, names)
        names = {name for name in names if not _is_default(records, name, vals[name], defaults)}
    return names


def check_workflow_fields(records, vals, protected, message=None, creating=False):
    """Raise an ``AccessError`` if ``vals`` sets one of the ``protected`` fields outside a workflow method.

    The workflow methods write these fields as superuser after their own group and state checks;
    any other write (a client over RPC, whatever its context) is refused. ``message`` (optional)
    builds the error from the comma-separated field labels.
    """
    forbidden = refused_workflow_fields(records, vals, protected, creating=creating)
    if forbidden:
        labels = field_labels(records, forbidden)
        raise AccessError(
            message(labels)
            if message
            else records.env._("%(fields)s can only be changed through the workflow buttons.", fields=labels)
        )
