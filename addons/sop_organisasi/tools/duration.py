"""Mutu Baku standard time: quantity + unit, and parsing of texts like "1 bln"."""

import re

# unit key -> (Indonesian label, accepted spellings)
UNITS = {
    "minute": ("menit", ("menit", "mnt", "minute", "minutes", "min")),
    "hour": ("jam", ("jam", "hour", "hours", "hr", "hrs")),
    "day": ("hari", ("hari", "hr.", "day", "days")),
    "week": ("minggu", ("minggu", "mgg", "week", "weeks")),
    "month": ("bulan", ("bulan", "bln", "bln.", "month", "months")),
}

UNIT_SELECTION = [
    ("minute", "Minutes (menit)"),
    ("hour", "Hours (jam)"),
    ("day", "Days (hari)"),
    ("week", "Weeks (minggu)"),
    ("month", "Months (bulan)"),
]

_ALIASES = {alias: key for key, (_label, aliases) in UNITS.items() for alias in aliases}
_PATTERN = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([A-Za-z.]+)\s*$")


class DurationError(ValueError):
    """Raised when a standard time text cannot be read."""


def parse_duration(text):
    """Parse ``"10 menit"``, ``"1 bln"``, ``"2 jam"`` into ``(10.0, "minute")``.

    Raises :class:`DurationError` for anything else (``"2 hri"``, ``"sehari"``,
    a zero or negative quantity).
    """
    match = _PATTERN.match(text or "")
    if not match:
        raise DurationError(text)
    qty = float(match.group(1).replace(",", "."))
    unit = _ALIASES.get(match.group(2).lower())
    if unit is None or qty <= 0:
        raise DurationError(text)
    return qty, unit


def format_duration(qty, unit):
    """Return ``"1 hari"`` / ``"1,5 jam"`` for a quantity and unit key."""
    if not qty or not unit:
        return ""
    number = f"{qty:g}".replace(".", ",")
    return f"{number} {UNITS[unit][0]}"


def format_hours(hours):
    """Return working time in words: ``"7,5 jam"``, ``"45 menit"`` (``""`` for none)."""
    if not hours or hours <= 0:
        return ""
    if hours < 1:
        return f"{max(round(hours * 60), 1)} {UNITS['minute'][0]}"
    number = f"{round(hours, 1):g}".replace(".", ",")
    return f"{number} {UNITS['hour'][0]}"
