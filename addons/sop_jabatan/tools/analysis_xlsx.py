"""The job data of an OPD for a year as an XLSX workbook: the template, the export and the import.

Pure code (no ORM). Written with sop_organisasi's ``SafeWorkbook`` (text typed by users stays
text), read with sop_organisasi's bounded reader (``xlsx_reader``: size, zip, rows and columns
checked before the cells are read). Layout (docs/jabatan.md, "Import and export"):

* sheet ``Jabatan``: one row per post of the analysis (code, name, kind, unit, post above; the
  export adds the ABK figures). Written for reference; the import does not read it.
* sheet ``Tugas``: title rows, the header in row :data:`HEADER_ROW`, then one row per task:
  ``Kode Jabatan | Nama Jabatan | No | Uraian Tugas | Hasil Kerja | Satuan Hasil |
  Volume per Tahun | Waktu Penyelesaian | Satuan Waktu`` (``menit`` or ``jam``; the export adds
  ``Beban Kerja (menit)``). A row names its post by code, or by name when the code is empty.

:func:`read_workbook` returns the tasks per post or raises ``xlsx_reader.WorkbookError`` with
every problem found, each naming the sheet, row and column; the caller then replaces the tasks
of the posts named in the workbook, all or nothing.
"""

import re
from decimal import Decimal

from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)

SHEET_POSTS = "Jabatan"
SHEET_TASKS = "Tugas"
HEADER_ROW = 4  # 1-based
FIRST_DATA_ROW = HEADER_ROW + 1

TASK_COLUMNS = (
    ("post_code", "Kode Jabatan", 14),
    ("post_name", "Nama Jabatan", 32),
    ("number", "No", 5),
    ("name", "Uraian Tugas", 48),
    ("result", "Hasil Kerja", 24),
    ("result_unit", "Satuan Hasil", 14),
    ("volume", "Volume per Tahun", 12),
    ("standard_time", "Waktu Penyelesaian", 12),
    ("time_unit", "Satuan Waktu", 10),
)
EXPORT_TASK_COLUMN = ("workload", "Beban Kerja (menit)", 14)
POST_COLUMNS = (
    ("code", "Kode Jabatan", 14),
    ("name", "Nama Jabatan", 34),
    ("kind", "Jenis Jabatan", 16),
    ("unit", "Unit Kerja", 28),
    ("parent", "Jabatan Atasan", 30),
)
EXPORT_POST_COLUMNS = (
    ("workload", "Σ Beban Kerja (menit)", 14, "#,##0.00"),
    ("need_raw", "Kebutuhan Pegawai (mentah)", 12, "0.0000"),
    ("need", "Kebutuhan Pegawai", 10, "0"),
    ("in_post", "Pegawai Ada", 10, "0"),
    ("gap", "+/−", 8, "+0;-0;0"),
    ("efficiency", "EJ", 10, "0.0000"),
    ("band", "Predikat", 18, None),
)
TIME_UNITS = {"menit": "minutes", "jam": "hours", "minutes": "minutes", "hours": "hours", "": "minutes"}
TIME_UNIT_LABELS = {"minutes": "menit", "hours": "jam"}

# Import limits (docs/jabatan.md, "Import and export"): an OPD of 150 posts with 10 tasks each
# is a sheet of about 1,500 rows and 150 KB.
LIMITS = xlsx_reader.Limits(
    file_bytes=5 * 1024 * 1024,
    unpacked_bytes=20 * 1024 * 1024,
    parts=200,
    rows=3000,
    columns=20,
)
MAX_TEXT = 1000  # characters of a text cell (a task, a result)
MAX_VOLUME = Decimal(10_000_000)  # results a year
MAX_MINUTES = Decimal(525_600)  # a standard time of at most a year, in minutes
_NUMBER = re.compile(r"^\d+([.,]\d+)?$")


# ------------------------------------------------------------------- write
def write_workbook(data, with_figures=False):
    """XLSX bytes of ``data``: ``title``, ``subtitle``, ``posts`` (dicts by the keys of
    :data:`POST_COLUMNS`, the export's figures, and ``tasks``: dicts by the keys of
    :data:`TASK_COLUMNS` with ``time_unit`` 'minutes'/'hours'). ``with_figures``: the export
    (figures and workloads); without: the template."""
    book = SafeWorkbook()
    fmt = book.add_formats({"number": {"num_format": "#,##0.####", "border": 1, "valign": "top"}})
    _write_posts(book, fmt, data, with_figures)
    _write_tasks(book, fmt, data, with_figures)
    return book.to_bytes()


def _write_head(sheet, fmt, data, columns):
    sheet.write(0, 0, data.get("title") or "", fmt["title"])
    sheet.write(1, 0, data.get("subtitle") or "", fmt["bold"])
    for col, column in enumerate(columns):
        sheet.set_column(col, col, column[2])
        sheet.write(HEADER_ROW - 1, col, column[1], fmt["head"])
    sheet.freeze_panes(HEADER_ROW, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)


def _write_posts(book, fmt, data, with_figures):
    sheet = book.add_worksheet(SHEET_POSTS)
    columns = POST_COLUMNS + (EXPORT_POST_COLUMNS if with_figures else ())
    _write_head(sheet, fmt, data, columns)
    numbers = {key: book.add_format({"num_format": num, "border": 1}) for key, _l, _w, num in EXPORT_POST_COLUMNS}
    for row, post in enumerate(data.get("posts", []), start=HEADER_ROW):
        for col, (key, *rest) in enumerate(columns):
            value = post.get(key)
            num_format = rest[2] if len(rest) > 2 else None
            if num_format and value is not None:
                sheet.write_number(row, col, value, numbers[key])
            elif num_format:
                sheet.write_blank(row, col, None, numbers[key])
            else:
                sheet.write(row, col, value or "", fmt["text"])


def _write_tasks(book, fmt, data, with_figures):
    sheet = book.add_worksheet(SHEET_TASKS)
    columns = TASK_COLUMNS + ((EXPORT_TASK_COLUMN,) if with_figures else ())
    _write_head(sheet, fmt, data, columns)
    sheet.data_validation(
        HEADER_ROW,
        8,
        LIMITS.rows - 1,
        8,
        {"validate": "list", "source": list(TIME_UNIT_LABELS.values()), "ignore_blank": True},
    )
    row = HEADER_ROW
    for post in data.get("posts", []):
        for number, task in enumerate(post.get("tasks", []), start=1):
            values = {
                "post_code": post.get("code") or "",
                "post_name": post.get("name") or "",
                "number": number,
                "name": task.get("name") or "",
                "result": task.get("result") or "",
                "result_unit": task.get("result_unit") or "",
                "volume": task.get("volume"),
                "standard_time": task.get("standard_time"),
                "time_unit": TIME_UNIT_LABELS.get(task.get("time_unit") or "minutes", ""),
                "workload": task.get("workload"),
            }
            for col, (key, _label, _width) in enumerate(columns):
                value = values[key]
                if key in ("number", "volume", "standard_time", "workload"):
                    sheet.write_number(row, col, value or 0, fmt["number"])
                else:
                    sheet.write(row, col, value, fmt["text"])
            row += 1


# -------------------------------------------------------------------- read
def read_workbook(content, posts):
    """The tasks of the workbook per post: ``{post id: [task dicts]}`` in the rows' order.

    ``posts``: the posts of the analysis as dicts with ``id``, ``code`` and ``name``. Raises
    ``xlsx_reader.WorkbookTooLarge``/``WorkbookDamaged``/``WorkbookError`` (every problem found,
    each naming the cell)."""
    rows = xlsx_reader.load_sheets(content, (SHEET_TASKS,), LIMITS)[SHEET_TASKS]
    errors = []
    _check_header(rows, errors)
    if errors:
        raise xlsx_reader.WorkbookError(errors)
    matcher = _PostMatcher(posts)
    tasks = {}
    for row_number, values in enumerate(rows[FIRST_DATA_ROW - 1 :], start=FIRST_DATA_ROW):
        row = list(values) + [None] * (len(TASK_COLUMNS) - len(values))
        if all(xlsx_reader.is_blank(value) for value in row):
            continue
        post_id = matcher.match(row, row_number, errors)
        task = _read_task(row, row_number, errors)
        if post_id is not None and task is not None:
            tasks.setdefault(post_id, []).append(task)
    if errors:
        raise xlsx_reader.WorkbookError(errors)
    return tasks


def _ref(row, col):
    return xlsx_reader.cell_ref(SHEET_TASKS, row, col)


def _check_header(rows, errors):
    header = list(rows[HEADER_ROW - 1]) if len(rows) >= HEADER_ROW else []
    header += [None] * (len(TASK_COLUMNS) - len(header))
    for col, (_key, label, _width) in enumerate(TASK_COLUMNS):
        if xlsx_reader.text(header[col]).lower() != label.lower():
            errors.append(
                _lt("%(ref)s: bad header, expected '%(expected)s'", ref=_ref(HEADER_ROW, col), expected=label)
            )


class _PostMatcher:
    """A row's post: by its code (column A), or by its name (column B) when the code is empty."""

    def __init__(self, posts):
        self.by_code, self.by_name = {}, {}
        for post in posts:
            if post.get("code"):
                self.by_code.setdefault(post["code"].strip().lower(), []).append(post["id"])
            self.by_name.setdefault((post.get("name") or "").strip().lower(), []).append(post["id"])

    def match(self, row, row_number, errors):
        code, name = xlsx_reader.text(row[0]), xlsx_reader.text(row[1])
        if code:
            found = self.by_code.get(code.lower(), [])
            col, value = 0, code
        else:
            found = self.by_name.get(name.lower(), []) if name else []
            col, value = 1, name
        if not value:
            errors.append(_lt("%(ref)s: the post (code or name) is missing", ref=_ref(row_number, 0)))
        elif not found:
            errors.append(
                _lt("%(ref)s: unknown post '%(post)s' in this analysis", ref=_ref(row_number, col), post=value)
            )
        elif len(found) > 1:
            errors.append(
                _lt("%(ref)s: several posts are named '%(post)s': give the code", ref=_ref(row_number, col), post=value)
            )
        else:
            return found[0]
        return None


def _read_text(row, row_number, col, errors, required=False):
    value = xlsx_reader.text(row[col])
    if required and not value:
        errors.append(_lt("%(ref)s: the task text is missing", ref=_ref(row_number, col)))
    if len(value) > MAX_TEXT:
        errors.append(
            _lt("%(ref)s: the text is longer than %(max)s characters", ref=_ref(row_number, col), max=MAX_TEXT)
        )
    return value


def read_number(value):
    """A cell's number as a ``Decimal``: a number cell, or a text such as ``12``, ``1.5`` or ``1,5``;
    ``None`` when the cell holds something else. An empty cell is 0."""
    if xlsx_reader.is_blank(value):
        return Decimal(0)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    text = xlsx_reader.text(value)
    if not _NUMBER.match(text):
        return None
    return Decimal(text.replace(",", "."))


def _read_figure(row, row_number, col, maximum, errors):
    number = read_number(row[col])
    ref = _ref(row_number, col)
    if number is None or not number.is_finite():
        errors.append(_lt("%(ref)s: '%(text)s' is not a number", ref=ref, text=xlsx_reader.text(row[col])))
        return None
    if number < 0:
        errors.append(_lt("%(ref)s: the number cannot be negative", ref=ref))
        return None
    if number > maximum:
        errors.append(_lt("%(ref)s: %(number)s is past the limit of %(max)s", ref=ref, number=number, max=maximum))
        return None
    return number


def _read_task(row, row_number, errors):
    before = len(errors)
    task = {
        "row": row_number,
        "name": _read_text(row, row_number, 3, errors, required=True),
        "result": _read_text(row, row_number, 4, errors),
        "result_unit": _read_text(row, row_number, 5, errors),
        "volume": _read_figure(row, row_number, 6, MAX_VOLUME, errors),
    }
    unit_text = xlsx_reader.text(row[8]).lower()
    task["time_unit"] = TIME_UNITS.get(unit_text)
    if task["time_unit"] is None:
        errors.append(
            _lt("%(ref)s: unknown time unit '%(unit)s' (use menit or jam)", ref=_ref(row_number, 8), unit=unit_text)
        )
    maximum = MAX_MINUTES / 60 if task["time_unit"] == "hours" else MAX_MINUTES
    task["standard_time"] = _read_figure(row, row_number, 7, maximum, errors)
    return task if len(errors) == before else None
