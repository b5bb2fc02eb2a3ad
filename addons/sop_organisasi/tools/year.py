"""A calendar year stored as an integer and shown as one: "2026", never "2.026" nor summed.

Odoo's integer formatter groups thousands in the reader's locale ("2.026" in Indonesian) wherever a
view does not say ``enable_formatting: false``, and sums integers in grouped lists and pivots. A
:class:`Year` field has no aggregate (no "Year" measure, no sum of years in a group row), the chatter
shows its changes as plain text (``mail.tracking.value``), and the view test checks that every view
showing it turns the grouping off.
"""

from odoo import fields


class Year(fields.Integer):
    """An ``integer`` column holding a calendar year (same database type as ``fields.Integer``)."""

    aggregator = None


def is_year_field(field):
    """Whether ``field`` (a field of a model's ``_fields``) holds a calendar year."""
    return isinstance(field, Year)


def year_text(value):
    """``"2026"`` for 2026; False for an empty value (the chatter then says "None")."""
    if value is None or value is False:
        return False
    return str(int(value))
