"""Competency standards (SKJ, Permenpan RB 38/2017): the pure rules.

Levels of a competency run from 1 to 5 (oneself → the work group → the unit one leads → the agency →
national). A required level by kind of post comes from the default table (data, ``sop.jabatan.skj.default
.level``): a row for the kind and the functional level wins over a row for the kind alone.
"""

MIN_LEVEL = 1
MAX_LEVEL = 5
PROGRESS_PER_LEVEL = 20  # hr.skill.level: Level n has progress n x 20


def is_level(value):
    """Whether ``value`` is a competency level (an integer 1..5)."""
    return isinstance(value, int) and not isinstance(value, bool) and MIN_LEVEL <= value <= MAX_LEVEL


def level_from_progress(progress):
    """The level of an ``hr.skill.level`` progress (20 → 1 ... 100 → 5); ``None`` below 20 or when not a
    multiple of 20 (not a competency level)."""
    if progress is None or progress % PROGRESS_PER_LEVEL:
        return None
    level = progress // PROGRESS_PER_LEVEL
    return level if is_level(level) else None


def default_level(job_kind, functional_level, table):
    """The default required level of a post of kind ``job_kind`` (and ``functional_level`` for a
    functional post), from ``table``: rows ``(job_kind, functional_level or None, level)``.

    The row of the kind and the functional level wins; then the row of the kind without a functional
    level; ``None`` when no row applies (no kind, or a kind the table does not name).
    """
    if not job_kind:
        return None
    general = None
    for kind, functional, level in table:
        if kind != job_kind:
            continue
        if functional and functional == functional_level:
            return level
        if not functional and general is None:
            general = level
    return general
