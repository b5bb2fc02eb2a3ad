"""An assessment centre's results as an XLSX workbook: the template and the import (pure, no ORM).

Sheet ``Penilaian``, header in row :data:`HEADER_ROW`, one row per employee and competency from the
next row: ``NIP | Nama Pegawai | Kompetensi | Level``. A row names its employee by NIP, or by name
when the NIP is empty (the name must then be unique); the competency by its name in the dictionary
(a managerial, socio-cultural or technical competency); the level is 1..5 (a number, or a text
such as ``3`` or ``Level 3``). Read with sop_organisasi's bounded reader; :func:`read_workbook`
returns the levels or raises ``xlsx_reader.WorkbookError`` with every problem, each naming its cell.
"""

import re

from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook
from odoo.tools.translate import LazyTranslate

from . import skj_match

_lt = LazyTranslate(__name__)

SHEET = "Penilaian"
SHEET_COMPETENCIES = "Kompetensi"
HEADER_ROW = 3  # 1-based
FIRST_DATA_ROW = HEADER_ROW + 1
COLUMNS = (
    ("nip", "NIP", 22),
    ("name", "Nama Pegawai", 34),
    ("competency", "Kompetensi", 36),
    ("level", "Level", 8),
)
# an assessment batch of a few hundred employees x 15 competencies; a whole city is imported in parts
LIMITS = xlsx_reader.Limits(
    file_bytes=5 * 1024 * 1024,
    unpacked_bytes=30 * 1024 * 1024,
    parts=200,
    rows=10000,
    columns=10,
)
_LEVEL = re.compile(r"^(?:level\s*)?(\d+)(?:[.,]0+)?$", re.IGNORECASE)


def _key(value):
    return " ".join(xlsx_reader.text(value).split()).lower()


def _nip_key(value):
    return re.sub(r"\s+", "", xlsx_reader.text(value))


# ------------------------------------------------------------------- write
def write_template(title, competencies, rows=()):
    """XLSX bytes of the template: the sheet ``Penilaian`` (``rows``: dicts by the keys of
    :data:`COLUMNS`) and, for reference, the sheet ``Kompetensi`` (``competencies``: dicts with
    ``group`` and ``name``)."""
    book = SafeWorkbook()
    fmt = book.add_formats()
    sheet = book.add_worksheet(SHEET)
    sheet.write(0, 0, title, fmt["title"])
    for col, (_key_name, label, width) in enumerate(COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write(HEADER_ROW - 1, col, label, fmt["head"])
    sheet.freeze_panes(HEADER_ROW, 0)
    sheet.data_validation(
        HEADER_ROW, 3, LIMITS.rows - 1, 3, {"validate": "integer", "criteria": "between", "minimum": 1, "maximum": 5}
    )
    for row, values in enumerate(rows, start=HEADER_ROW):
        for col, (key, _label, _width) in enumerate(COLUMNS):
            value = values.get(key)
            if key == "level" and value:
                sheet.write_number(row, col, value, fmt["center"])
            else:
                sheet.write(row, col, value or "", fmt["text"])
    reference = book.add_worksheet(SHEET_COMPETENCIES)
    reference.set_column(0, 0, 22)
    reference.set_column(1, 1, 40)
    reference.write(0, 0, "Kelompok", fmt["head"])
    reference.write(0, 1, "Kompetensi", fmt["head"])
    for row, competency in enumerate(competencies, start=1):
        reference.write(row, 0, competency.get("group") or "", fmt["text"])
        reference.write(row, 1, competency["name"], fmt["text"])
    return book.to_bytes()


# -------------------------------------------------------------------- read
def read_workbook(content, employees, competencies):
    """The assessed levels of the workbook: a list of ``(employee id, competency id, level, row)``.

    ``employees``: dicts with ``id``, ``nip`` and ``name``; ``competencies``: dicts with ``id`` and
    ``name``. Raises ``xlsx_reader.WorkbookTooLarge``/``WorkbookDamaged``/``WorkbookError`` (every
    problem found, each naming the cell). Nothing is returned unless every row is valid."""
    rows = xlsx_reader.load_sheets(content, (SHEET,), LIMITS)[SHEET]
    errors = []
    _check_header(rows, errors)
    if errors:
        raise xlsx_reader.WorkbookError(errors)
    people = _Matcher(employees)
    by_name = {}
    for competency in competencies:
        by_name.setdefault(_key(competency["name"]), []).append(competency["id"])
    levels, seen = [], {}
    for row_number, values in enumerate(rows[FIRST_DATA_ROW - 1 :], start=FIRST_DATA_ROW):
        row = list(values) + [None] * (len(COLUMNS) - len(values))
        if all(xlsx_reader.is_blank(value) for value in row[: len(COLUMNS)]):
            continue
        employee_id = people.match(row, row_number, errors)
        competency_id = _competency(row, row_number, by_name, errors)
        level = _level(row[3], row_number, errors)
        if employee_id is None or competency_id is None or level is None:
            continue
        first = seen.setdefault((employee_id, competency_id), row_number)
        if first != row_number:
            errors.append(
                _lt(
                    "%(ref)s: the employee and competency of row %(first)s again",
                    ref=_ref(row_number, 2),
                    first=first,
                )
            )
            continue
        levels.append((employee_id, competency_id, level, row_number))
    if errors:
        raise xlsx_reader.WorkbookError(errors)
    if not levels:
        raise xlsx_reader.WorkbookError([_lt("%(sheet)s: no assessment row", sheet=SHEET)])
    return levels


def _ref(row, col):
    return xlsx_reader.cell_ref(SHEET, row, col)


def _check_header(rows, errors):
    header = list(rows[HEADER_ROW - 1]) if len(rows) >= HEADER_ROW else []
    header += [None] * (len(COLUMNS) - len(header))
    for col, (_key_name, label, _width) in enumerate(COLUMNS):
        if _key(header[col]) != label.lower():
            errors.append(
                _lt("%(ref)s: bad header, expected '%(expected)s'", ref=_ref(HEADER_ROW, col), expected=label)
            )


class _Matcher:
    """A row's employee: by NIP (column A, spaces ignored), or by name (column B) when the NIP is empty."""

    def __init__(self, employees):
        self.by_nip, self.by_name = {}, {}
        for employee in employees:
            if employee.get("nip"):
                self.by_nip.setdefault(_nip_key(employee["nip"]), []).append(employee["id"])
            self.by_name.setdefault(_key(employee.get("name")), []).append(employee["id"])

    def match(self, row, row_number, errors):
        nip, name = _nip_key(row[0]), xlsx_reader.text(row[1])
        if isinstance(row[0], int | float) and not isinstance(row[0], bool) and abs(row[0]) >= 10**15:
            # Excel keeps 15 digits of a number: an 18-digit NIP typed as a number has lost its end
            errors.append(
                _lt(
                    "%(ref)s: the NIP is a number cell and lost its last digits: type it as text",
                    ref=_ref(row_number, 0),
                )
            )
            return None
        if nip:
            found, col, value = self.by_nip.get(nip, []), 0, nip
        else:
            found, col, value = (self.by_name.get(_key(name), []) if name else []), 1, name
        if not value:
            errors.append(_lt("%(ref)s: the employee (NIP or name) is missing", ref=_ref(row_number, 0)))
        elif not found:
            errors.append(_lt("%(ref)s: unknown employee '%(employee)s'", ref=_ref(row_number, col), employee=value))
        elif len(found) > 1:
            errors.append(
                _lt(
                    "%(ref)s: several employees are '%(employee)s': give the NIP",
                    ref=_ref(row_number, col),
                    employee=value,
                )
            )
        else:
            return found[0]
        return None


def _competency(row, row_number, by_name, errors):
    name = xlsx_reader.text(row[2])
    found = by_name.get(_key(name), []) if name else []
    if not name:
        errors.append(_lt("%(ref)s: the competency is missing", ref=_ref(row_number, 2)))
    elif not found:
        errors.append(_lt("%(ref)s: unknown competency '%(competency)s'", ref=_ref(row_number, 2), competency=name))
    elif len(found) > 1:
        errors.append(
            _lt("%(ref)s: several competencies are named '%(competency)s'", ref=_ref(row_number, 2), competency=name)
        )
    else:
        return found[0]
    return None


def read_level(value):
    """A cell's level 1..5 (a number cell, ``3``, ``3.0`` or ``Level 3``), or ``None``."""
    if xlsx_reader.is_blank(value) or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    if not isinstance(value, int):
        found = _LEVEL.match(xlsx_reader.text(value))
        if not found:
            return None
        value = int(found.group(1))
    try:
        return skj_match.check_level(value)
    except ValueError:
        return None


def _level(value, row_number, errors):
    level = read_level(value)
    if level is None:
        if xlsx_reader.is_blank(value):
            errors.append(_lt("%(ref)s: the level is missing", ref=_ref(row_number, 3)))
        else:
            errors.append(
                _lt(
                    "%(ref)s: '%(value)s' is not a level from 1 to 5",
                    ref=_ref(row_number, 3),
                    value=xlsx_reader.text(value),
                )
            )
    return level
