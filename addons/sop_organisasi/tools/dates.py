"""Indonesian date formatting ("13 Maret 2018", "13-03-2018") and Mojokerto's time zone."""

import babel.dates
import pytz

DEFAULT_TZ = "Asia/Jakarta"  # Mojokerto: UTC+7 (WIB)


def format_date_long(value, lang="id_ID"):
    """Return ``13 Maret 2018`` (in ``lang``, Indonesian by default) for a date, or an empty string."""
    if not value:
        return ""
    return babel.dates.format_date(value, "d MMMM y", locale=lang)


def format_date_short(value):
    """Return ``13-03-2018`` (the SOP identity block style), or ''."""
    if not value:
        return ""
    return value.strftime("%d-%m-%Y")


def utc_to_local(value, tz_name=None):
    """A naive UTC datetime as the naive wall-clock time of ``tz_name`` (default WIB), e.g. for sheets."""
    if not value:
        return value
    return pytz.utc.localize(value).astimezone(pytz.timezone(tz_name or DEFAULT_TZ)).replace(tzinfo=None)
