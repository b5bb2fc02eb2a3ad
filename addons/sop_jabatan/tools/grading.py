"""The arithmetic of job grading (Evaluasi Jabatan, Permenpan RB 34/2011), free of the ORM.

A post's value is the sum of the points of the level chosen for each factor of its scheme; the
kelas is the band of the kelas table (data) holding that sum. See docs/jabatan.md, "Job grading".
"""

from itertools import pairwise

# the problems ``check_bands`` finds, as (kind, ...) tuples
DUPLICATE = "duplicate"  # (DUPLICATE, kelas)
EMPTY = "empty"  # (EMPTY, kelas): min above max
OPEN_NOT_LAST = "open_not_last"  # (OPEN_NOT_LAST, kelas)
OVERLAP = "overlap"  # (OVERLAP, kelas, next kelas)
GAP = "gap"  # (GAP, kelas, next kelas, first missing point, last missing point)
DISORDER = "disorder"  # (DISORDER, kelas, next kelas): a higher kelas with fewer points


def total_points(points):
    """The value of a post: the sum of the points of the chosen levels.

    ``points``: iterable of whole numbers, ``None`` for a factor without a chosen level; ``None``
    is returned when any factor is unchosen or there is no factor at all (the value is undefined
    until every factor has its level)."""
    values = list(points)
    if not values or any(value is None for value in values):
        return None
    if any(int(value) != value or value < 0 for value in values):
        raise ValueError("the points of a level are whole numbers, not negative")
    return int(sum(values))


def _min(band):
    return int(band["min_points"])


def _max(band):
    value = band.get("max_points")
    return None if value is None else int(value)


def kelas_for(points, bands):
    """The kelas holding ``points``: ``bands`` is an iterable of dicts with ``kelas``,
    ``min_points`` and ``max_points`` (``None``: open above), both bounds included.

    ``None`` when the points are undefined or no band holds them (below the first band, or in a
    gap of a faulty table)."""
    if points is None:
        return None
    for band in bands:
        upper = _max(band)
        if _min(band) <= points and (upper is None or points <= upper):
            return band["kelas"]
    return None


def check_bands(bands):
    """The problems of a kelas table, an empty list when it is sound.

    Sound: one band per kelas; each band's minimum not above its maximum; in the order of the
    kelas, each band starts right after the previous one ends (no overlap, no gap: points are
    whole numbers) and only the highest kelas may be open above."""
    problems = []
    ordered = sorted(bands, key=lambda band: band["kelas"])
    seen = set()
    for band in ordered:
        if band["kelas"] in seen:
            problems.append((DUPLICATE, band["kelas"]))
        seen.add(band["kelas"])
        upper = _max(band)
        if upper is not None and _min(band) > upper:
            problems.append((EMPTY, band["kelas"]))
    for band, following in pairwise(ordered):
        if band["kelas"] == following["kelas"]:
            continue
        upper = _max(band)
        if upper is None:
            problems.append((OPEN_NOT_LAST, band["kelas"]))
        elif _min(following) < _min(band):
            problems.append((DISORDER, band["kelas"], following["kelas"]))
        elif _min(following) <= upper:
            problems.append((OVERLAP, band["kelas"], following["kelas"]))
        elif _min(following) > upper + 1:
            problems.append((GAP, band["kelas"], following["kelas"], upper + 1, _min(following) - 1))
    return problems
