"""Numbers in messages and pages, in the reader's locale ("12,5" and "1.234,5" in Indonesian)."""

import babel.numbers

DEFAULT_LANG = "id_ID"


def format_number(value, lang=None, digits=2):
    """Return ``value`` with at most ``digits`` decimals (none when whole) in ``lang``'s locale.

    ``format_number(100.0)`` gives ``"100"``, ``format_number(12.5)`` ``"12,5"`` (Indonesian, the
    default), ``format_number(12.5, "en_US")`` ``"12.5"``; '' for None/False.
    """
    if value is None or value is False:
        return ""
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    try:
        return babel.numbers.format_decimal(value, format=pattern, locale=lang or DEFAULT_LANG)
    except (ValueError, babel.UnknownLocaleError):
        return babel.numbers.format_decimal(value, format=pattern, locale=DEFAULT_LANG)
