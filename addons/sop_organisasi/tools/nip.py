"""NIP (Nomor Induk Pegawai, 18 digits) parsing and formatting.

Layout ``YYYYMMDD YYYYMM G NNN``: date of birth, start of CPNS (year and month),
gender (1 male, 2 female) and a serial number.
"""

import datetime
import re
from collections import namedtuple

NipInfo = namedtuple("NipInfo", "birth_date tmt_year tmt_month gender serial")


class NipError(ValueError):
    """Raised for a NIP that is not 18 valid digits."""


def parse_nip(value):
    digits = re.sub(r"\s+", "", value or "")
    if not re.fullmatch(r"\d{18}", digits):
        raise NipError(value)
    try:
        birth = datetime.date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError as exc:
        raise NipError(value) from exc
    tmt_year, tmt_month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= tmt_month <= 12 or tmt_year < birth.year:
        raise NipError(value)
    gender = digits[14]
    if gender not in ("1", "2"):
        raise NipError(value)
    return NipInfo(birth, tmt_year, tmt_month, "male" if gender == "1" else "female", digits[15:])


def format_nip(value):
    """Return the printed form ``19590109 198712 1 002`` (input validated)."""
    parse_nip(value)
    digits = re.sub(r"\s+", "", value)
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


def is_valid_nip(value):
    """True for a NIP that :func:`parse_nip` accepts."""
    try:
        parse_nip(value)
    except NipError:
        return False
    return True


def display_nip(value):
    """The printed form of a valid NIP; an invalid one as typed; '' for none."""
    if not value:
        return ""
    return format_nip(value) if is_valid_nip(value) else value
