"""Indonesian public holidays and joint leave days (cuti bersama), from the ``holidays`` package.

The package (PyPI ``holidays``) publishes the days set each year by the government's joint decree
(SKB 3 Menteri): ``public`` holidays and ``government`` joint leave days of the civil service.
"""

COUNTRY = "ID"
CATEGORIES = ("public", "government")


class HolidaysUnavailable(RuntimeError):
    """The ``holidays`` package is not installed."""


def indonesian_holidays(year, language="id"):
    """``[(date, name)]`` of the public holidays and cuti bersama of ``year``, sorted by date."""
    try:
        import holidays  # noqa: PLC0415 - optional at import time, required to load holidays
    except ImportError as error:
        raise HolidaysUnavailable(str(error)) from error
    days = holidays.country_holidays(COUNTRY, years=year, categories=CATEGORIES, language=language)
    # several names on one day come as "A; B"
    return sorted(days.items())
