"""Survey statistics of Permenpan RB 14/2017 (SKM): sample size and the IKM.

Pure functions, no ORM. Exact arithmetic: the element weight is exactly 1/9
(``fractions.Fraction``), the result is rounded only at the end to 2 decimals
with ROUND_HALF_UP (the regulation's printed "0,11" understates every index).

Rule for skipped answers: the NRR of an element is the mean over the
respondents who answered that element. When an element has no answer at all in
a group, the index is the mean over the elements that have answers (the weight
becomes 1/k for the k answered elements) and the result is flagged incomplete.
"""

from decimal import ROUND_HALF_UP
from decimal import Decimal
from decimal import localcontext
from fractions import Fraction

SKM_ELEMENT_COUNT = 9
SKM_WEIGHT = Fraction(1, SKM_ELEMENT_COUNT)
SKM_MIN_SCORE = 1  # each element is answered on a 1-4 scale
SKM_MAX_SCORE = 4
SKM_INDEX_MAX = 100  # the IKM and the element index run up to 100
SKM_SCALE = SKM_INDEX_MAX // SKM_MAX_SCORE  # NRR x 25
TWO_PLACES = Decimal("0.01")

# Quality categories (Permenpan RB 14/2017, annex): classify the IKM rounded
# to 2 decimals. Ordered from the highest lower bound; kept as data so a new
# regulation is a data change. (lower bound, code, Indonesian label, NRR lower bound)
SKM_CATEGORIES = (
    (Decimal("88.31"), "A", "Sangat Baik", Decimal("3.5324")),
    (Decimal("76.61"), "B", "Baik", Decimal("3.0644")),
    (Decimal("65.00"), "C", "Kurang Baik", Decimal("2.60")),
    (Decimal("25.00"), "D", "Tidak Baik", Decimal("1.00")),
)


def _to_decimal(value):
    """Exact Decimal of an int, str, Decimal or Fraction (40 significant digits)."""
    if isinstance(value, Fraction):
        with localcontext() as ctx:
            ctx.prec = 40
            return Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(str(value)) if isinstance(value, float) else Decimal(value)


def round_half_up(value, places=TWO_PLACES):
    """Round an int/str/Decimal/Fraction half up (88.305 -> 88.31)."""
    return _to_decimal(value).quantize(places, rounding=ROUND_HALF_UP)


def krejcie_morgan(population):
    """Minimum sample size for a population N (Krejcie & Morgan 1970).

    S = X2·N·P(1-P) / (d2·(N-1) + X2·P(1-P)), X2 = 3.841, P = 0.5, d = 0.05,
    rounded to the nearest integer: it reproduces the published table
    (100 -> 80, 1000 -> 278, 1,000,000 -> 384). Zero or no population -> 0.
    """
    n = int(population or 0)
    if n < 0:
        raise ValueError("The population cannot be negative.")
    if n == 0:
        return 0
    chi2 = Decimal("3.841")
    pq = Decimal("0.25")
    d2 = Decimal("0.0025")
    sample = chi2 * n * pq / (d2 * (n - 1) + chi2 * pq)
    return min(n, int(sample.quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def nrr(total, count):
    """Exact mean score (NRR) of an element as a Fraction, or None without answers."""
    if not count:
        return None
    return Fraction(_to_decimal(total)) / int(count)


def ikm_from_nrr(nrr_values):
    """IKM (Decimal, 2 dp) from the NRR of the elements.

    ``nrr_values``: iterable of the NRR of each element (Fraction, Decimal, int
    or str; None for an element without answers, left out of the mean).
    Returns None when no element has answers.
    """
    values = [Fraction(_to_decimal(v)) if not isinstance(v, Fraction) else v for v in nrr_values if v is not None]
    if not values:
        return None
    weight = SKM_WEIGHT if len(values) == SKM_ELEMENT_COUNT else Fraction(1, len(values))
    weighted = sum(v * weight for v in values)
    return round_half_up(weighted * SKM_SCALE)


def ikm_from_sums(sums):
    """IKM from ``{element: (sum of scores, number of answers)}``."""
    return ikm_from_nrr(nrr(total, count) for total, count in sums.values())


def ikm_category(ikm):
    """``(code, label)`` of an IKM value (classified after rounding to 2 dp)."""
    if ikm is None:
        return (False, False)
    value = round_half_up(ikm)
    for lower, code, label, _nrr in SKM_CATEGORIES:
        if value >= lower:
            return (code, label)
    return ("D", "Tidak Baik")
