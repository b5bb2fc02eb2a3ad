"""Indonesian date formatting ("13 Maret 2018", "13-03-2018")."""

MONTHS_ID = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def format_date_long(value):
    """Return ``13 Maret 2018`` for a date, or an empty string."""
    if not value:
        return ""
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


def format_date_short(value):
    """Return ``13-03-2018`` (the SOP identity block style), or ''."""
    if not value:
        return ""
    return value.strftime("%d-%m-%Y")
