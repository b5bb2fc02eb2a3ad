"""Letter numbers ("nomor surat") built from a configurable pattern.

The pattern uses the placeholders ``{classification}`` (kode klasifikasi arsip,
e.g. ``800``), ``{agenda}`` (the agenda counter of the unit in the year),
``{unit}`` (unit code, e.g. ``417.112``) and ``{year}``; the default
``{classification}/{agenda}/{unit}/{year}`` gives ``800/123/417.112/2026``.
"""

import string

DEFAULT_PATTERN = "{classification}/{agenda}/{unit}/{year}"
PLACEHOLDERS = ("classification", "agenda", "unit", "year")


class LetterNumberError(ValueError):
    """Raised for a pattern with unknown placeholders or without ``{agenda}``."""


def check_pattern(pattern):
    """Raise :class:`LetterNumberError` unless ``pattern`` is usable."""
    try:
        fields_used = [
            name for _text, name, _spec, _conv in string.Formatter().parse(pattern or "") if name is not None
        ]
    except ValueError as exc:
        raise LetterNumberError(str(exc)) from exc
    unknown = [name for name in fields_used if name not in PLACEHOLDERS]
    if unknown:
        raise LetterNumberError(", ".join(unknown))
    if "agenda" not in fields_used:
        raise LetterNumberError("agenda")


def format_letter_number(pattern, classification, agenda, unit, year):
    """Return the letter number, e.g. ``800/123/417.112/2026``."""
    pattern = pattern or DEFAULT_PATTERN
    check_pattern(pattern)
    return pattern.format(
        classification=classification or "",
        agenda=agenda,
        unit=unit or "",
        year=year,
    )
