"""The arithmetic of the workload analysis (ABK), free of the ORM.

Figures are ``Decimal``: minutes and ratios are summed exactly, the staff need is rounded once per
post (never per task then summed) and kept raw to four decimals. See docs/jabatan.md for the
formulas and their sources.
"""

import math
from decimal import ROUND_CEILING
from decimal import ROUND_FLOOR
from decimal import ROUND_HALF_UP
from decimal import Decimal

MINUTES_PER_UNIT = {"minutes": Decimal(1), "hours": Decimal(60)}
ROUNDINGS = {"half_up": ROUND_HALF_UP, "up": ROUND_CEILING, "down": ROUND_FLOOR}
RAW_PLACES = Decimal("0.0001")


def as_decimal(value):
    """A number as an exact ``Decimal`` (floats through their shortest text: 0.1 stays 0.1)."""
    if isinstance(value, Decimal):
        return value
    if value is None or value is False:
        return Decimal(0)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value}")
        return Decimal(repr(value))
    return Decimal(value)


def to_minutes(value, unit="minutes"):
    """A standard time entered in ``unit`` ('minutes' or 'hours') in minutes."""
    if unit not in MINUTES_PER_UNIT:
        raise ValueError(f"unknown time unit: {unit}")
    amount = as_decimal(value)
    if amount < 0:
        raise ValueError("a standard time cannot be negative")
    return amount * MINUTES_PER_UNIT[unit]


def workload(volume, standard_minutes):
    """The workload of a task in minutes a year: annual volume x standard time (minutes)."""
    volume, minutes = as_decimal(volume), as_decimal(standard_minutes)
    if volume < 0 or minutes < 0:
        raise ValueError("a volume or a standard time cannot be negative")
    return volume * minutes


def jke_for_year(table, year):
    """The effective working time (minutes a year) in force in ``year``.

    ``table``: iterable of ``(year_from, minutes)``; the row with the latest ``year_from`` not after
    ``year`` applies. ``None`` when no row applies (a year before the table)."""
    applicable = [(start, minutes) for start, minutes in table if start <= year]
    if not applicable:
        return None
    return as_decimal(max(applicable, key=lambda row: row[0])[1])


def staff_need(workloads, jke, rounding="half_up"):
    """The staff a post needs: Σ workload ÷ JKE, rounded ONCE for the post.

    Returns ``(raw, rounded)``: the raw figure to four decimals (half up) and the whole number
    given by ``rounding`` ('half_up', 'up' or 'down') applied to the exact quotient."""
    jke = as_decimal(jke)
    if jke <= 0:
        raise ValueError("the effective working time must be positive")
    if rounding not in ROUNDINGS:
        raise ValueError(f"unknown rounding: {rounding}")
    exact = sum((as_decimal(w) for w in workloads), Decimal(0)) / jke
    raw = exact.quantize(RAW_PLACES, rounding=ROUND_HALF_UP)
    rounded = int(exact.quantize(Decimal(1), rounding=ROUNDINGS[rounding]))
    return raw, rounded


def efficiency(total_workload, staff_in_post, jke):
    """The efficiency of a post or unit, EJ = Σ workload ÷ (staff in post x JKE).

    ``None`` (undefined) when nobody is in post or no JKE applies. Not the staff need."""
    if not staff_in_post or jke is None:
        return None
    jke = as_decimal(jke)
    if jke <= 0 or staff_in_post < 0:
        raise ValueError("the staff in post and the effective working time must be positive")
    return as_decimal(total_workload) / (as_decimal(staff_in_post) * jke)


def _above_lower(value, band):
    lower = band.get("lower")
    if lower is None:
        return True
    lower = as_decimal(lower)
    return value >= lower if band.get("lower_inclusive") else value > lower


def _below_upper(value, band):
    upper = band.get("upper")
    if upper is None:
        return True
    upper = as_decimal(upper)
    return value <= upper if band.get("upper_inclusive") else value < upper


def band_for(value, bands):
    """The band holding ``value``: ``bands`` is an iterable of dicts with ``code``, ``lower`` and
    ``upper`` (``None``: unbounded) and ``lower_inclusive``/``upper_inclusive``. The first band
    that holds the value wins; ``None`` for an undefined value or when no band holds it."""
    if value is None:
        return None
    value = as_decimal(value)
    for band in bands:
        if _above_lower(value, band) and _below_upper(value, band):
            return band["code"]
    return None
