"""Indonesian date formatting ("13 Maret 2018", "13-03-2018", "02/03/2026 17:00 WIB") and Mojokerto's time zone."""

import babel.dates
import pytz

from odoo.tools.misc import babel_locale_parse
from odoo.tools.misc import format_datetime
from odoo.tools.misc import get_lang
from odoo.tools.misc import posix_to_ldml

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


def format_moment(env, moment, tz_name=None, lang_code=None):
    """A UTC datetime as the reader reads it: his language's date and hours:minutes in ``tz_name``
    (default WIB), with the zone named, e.g. ``02/03/2026 17:00 WIB`` in Indonesian (the format of
    the lists' date and time columns); '' for an empty value. The zone's abbreviation (WIB, WITA,
    WIT, UTC) keeps the text right when read by someone in another zone.
    """
    if not moment:
        return ""
    tz_name = tz_name or DEFAULT_TZ
    lang = get_lang(env, lang_code)
    locale = babel_locale_parse(lang.code)
    pattern = f"{posix_to_ldml(lang.date_format, locale=locale)} {posix_to_ldml(lang.short_time_format, locale=locale)}"
    label = pytz.utc.localize(moment).astimezone(pytz.timezone(tz_name)).tzname()
    return f"{format_datetime(env, moment, tz=tz_name, dt_format=pattern, lang_code=lang.code)} {label}"
