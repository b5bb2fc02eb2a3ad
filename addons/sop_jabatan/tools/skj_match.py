"""Who meets the competency standard of his post (SKJ): the arithmetic, free of the ORM.

Levels are whole numbers 1..5 (Permenpan RB 38/2017). An employee's assessed level of a competency is
an Odoo employee skill whose level has a progress of 20, 40, 60, 80 or 100 (level = progress ÷ 20,
rounded down). See docs/jabatan.md, "Who meets the standard", for the formulas and their sources:

* gap of a competency = assessed level − required level (a competency not assessed counts as 0);
* job–person match (JPM) % = Σ min(assessed, required) ÷ Σ required × 100, to two decimals
  (round half up); a competency not assessed counts as 0 and is flagged "not assessed";
* category: the band with the highest lower bound not above the JPM (bands are settings);
* training need: a competency assessed below its required level (gap < 0); a competency not assessed is
  not a training need but "not assessed" (it needs an assessment first).
"""

from decimal import ROUND_HALF_UP
from decimal import Decimal
from typing import NamedTuple

MIN_LEVEL = 1
MAX_LEVEL = 5
PROGRESS_PER_LEVEL = 20
PERCENT_PLACES = Decimal("0.01")


class CompetencyMatch(NamedTuple):
    """One competency of a holder: the required level, the assessed level (``None``: not assessed),
    the gap, the part of the requirement met, and whether it is a training need."""

    required: int
    assessed: int | None
    gap: int
    met: int
    training_need: bool


def check_level(level, what="level"):
    """``level`` as an int in 1..5, or ``ValueError``."""
    if isinstance(level, bool) or not isinstance(level, int) or not MIN_LEVEL <= level <= MAX_LEVEL:
        raise ValueError(f"a {what} is a whole number from {MIN_LEVEL} to {MAX_LEVEL}, not {level!r}")
    return level


def level_from_progress(progress):
    """The level of an Odoo skill level's progress (0..100): progress ÷ 20 rounded down (20 → 1, 100 → 5)."""
    if isinstance(progress, bool) or not isinstance(progress, int) or not 0 <= progress <= 100:
        raise ValueError(f"a progress is a whole number from 0 to 100, not {progress!r}")
    return progress // PROGRESS_PER_LEVEL


def gap(assessed, required):
    """Assessed − required; a competency not assessed (``None``) counts as 0."""
    check_level(required, "required level")
    return (assessed or 0) - required


def is_training_need(gap_value):
    """A competency whose assessed level is below the required one."""
    return gap_value < 0


def match(required, assessed):
    """The :class:`CompetencyMatch` of one competency."""
    check_level(required, "required level")
    if assessed is not None:
        if isinstance(assessed, bool) or not isinstance(assessed, int) or not 0 <= assessed <= MAX_LEVEL:
            raise ValueError(f"an assessed level is a whole number from 0 to {MAX_LEVEL}, not {assessed!r}")
    difference = gap(assessed, required)
    need = assessed is not None and is_training_need(difference)
    return CompetencyMatch(required, assessed, difference, min(assessed or 0, required), need)


def jpm(pairs):
    """The job–person match in percent of ``pairs`` ``(required, assessed or None)``:
    Σ min(assessed, required) ÷ Σ required × 100 as a ``Decimal`` to two places (half up);
    ``None`` when there is no competency (nothing to match)."""
    matches = [match(required, assessed) for required, assessed in pairs]
    required = sum(m.required for m in matches)
    if not required:
        return None
    return percent(sum(m.met for m in matches), required)


def percent(met, required):
    """100 × met ÷ required to two places (half up), as the screens compute it in SQL."""
    if not required:
        return None
    return (Decimal(100) * Decimal(met) / Decimal(required)).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)


def not_assessed(pairs):
    """How many competencies of ``pairs`` have no assessed level."""
    return sum(1 for _required, assessed in pairs if assessed is None)


def category_for(value, bands):
    """The band of a JPM ``value``: of ``bands`` (dicts with ``min_percent``), the one with the highest
    lower bound not above the value (the bound is included); ``None`` for no value or no band."""
    if value is None:
        return None
    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    holding = [band for band in bands if Decimal(str(band["min_percent"])) <= value]
    if not holding:
        return None
    return max(holding, key=lambda band: Decimal(str(band["min_percent"])))


def check_bands(bands):
    """Problems of a band table (lines of text): two bands with the same lower bound, a bound outside 0..100."""
    problems = []
    seen = {}
    for band in bands:
        low = Decimal(str(band["min_percent"]))
        if not 0 <= low <= 100:
            problems.append(f"{band.get('name')}: the lower bound {low} is not between 0 and 100")
        if low in seen:
            problems.append(f"{band.get('name')} and {seen[low]} start at the same {low} %")
        seen[low] = band.get("name")
    return problems
