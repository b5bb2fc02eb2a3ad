"""The competency gap report as XLSX (pure, no ORM), written with sop_organisasi's ``SafeWorkbook``.

Sheets: ``Ringkasan`` (per OPD: holders, fully assessed, meeting the standard, mean JPM, holders per
category, then the total), ``JPM`` (a row per holder: OPD, post, employee, NIP, SKJ year, competencies,
not assessed, training needs, JPM, category, the competencies below the standard as
``name assessed/required``) and ``Kebutuhan Pelatihan`` (competency, level needed, employees below it,
OPDs). Header in row 4 of each sheet; a JPM is a number cell, or empty when there is none.
"""

from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook

HEADER_ROW = 4  # 1-based
HOLDER_COLUMNS = (
    ("number", 5, None),
    ("opd", 28, None),
    ("post", 30, None),
    ("employee", 28, None),
    ("nip", 20, None),
    ("year", 8, "0"),
    ("competencies", 10, "0"),
    ("not_assessed", 10, "0"),
    ("training_needs", 10, "0"),
    ("jpm", 9, "0.00"),
    ("category", 16, None),
    ("below", 60, None),
)
NEED_COLUMNS = (
    ("competency", 36, None),
    ("level", 10, "0"),
    ("employees", 12, "0"),
    ("opd_count", 8, "0"),
    ("opds", 70, None),
)


def _head(book, fmt, name, heading, columns):
    """A sheet with the title, the subtitle and the header row of ``columns`` ``(label, width)``."""
    title, subtitle = heading
    sheet = book.add_worksheet(name)
    sheet.write(0, 0, title, fmt["title"])
    sheet.write(1, 0, subtitle or "", fmt["bold"])
    for col, (label, width) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write(HEADER_ROW - 1, col, label, fmt["head"])
    sheet.freeze_panes(HEADER_ROW, 0)
    sheet.set_landscape()
    sheet.fit_to_pages(1, 0)
    return sheet


def _rows(sheet, fmt, numbers, columns, rows):
    for row_index, row in enumerate(rows, start=HEADER_ROW):
        for col, (key, _width, num_format) in enumerate(columns):
            value = row.get(key)
            if num_format and value is not None and value is not False:
                sheet.write_number(row_index, col, value, numbers[num_format])
            elif num_format:
                sheet.write_blank(row_index, col, None, numbers[num_format])
            else:
                sheet.write(row_index, col, value or "", fmt["text"])


def gap_workbook(heading, headers, *, holders, summary, needs):
    """XLSX bytes: ``heading`` ``(title, subtitle)``, ``headers`` (key -> label), ``holders`` (dicts by the
    keys of :data:`HOLDER_COLUMNS`), ``summary`` ``(category names, lines, total)`` (lines: dicts with
    ``opd``, ``holders``, ``assessed``, ``meets``, ``jpm`` and ``categories``, a count per category),
    ``needs`` (dicts by the keys of :data:`NEED_COLUMNS`)."""
    book = SafeWorkbook()
    fmt = book.add_formats()
    numbers = {num: book.add_format({"num_format": num, "border": 1, "valign": "top"}) for num in ("0", "0.00")}
    categories, lines, total = summary
    keys = ("opd", "holders", "assessed", "meets", "mean_jpm")
    sheet = _head(
        book,
        fmt,
        "Ringkasan",
        heading,
        list(zip([headers[key] for key in keys], [32, 10, 12, 12, 12], strict=True))
        + [(category, 14) for category in categories],
    )
    summary_columns = (
        ("opd", 0, None),
        ("holders", 0, "0"),
        ("assessed", 0, "0"),
        ("meets", 0, "0"),
        ("jpm", 0, "0.00"),
        *((f"category_{index}", 0, "0") for index in range(len(categories))),
    )
    flat = [
        {**line, **{f"category_{index}": count for index, count in enumerate(line["categories"])}}
        for line in [*lines, total]
    ]
    _rows(sheet, fmt, numbers, summary_columns, flat)
    sheet = _head(
        book,
        fmt,
        "JPM",
        heading,
        [(headers[key], width) for key, width, _n in HOLDER_COLUMNS],
    )
    _rows(sheet, fmt, numbers, HOLDER_COLUMNS, holders)
    sheet = _head(
        book,
        fmt,
        "Kebutuhan Pelatihan",
        heading,
        [(headers[key], width) for key, width, _n in NEED_COLUMNS],
    )
    _rows(sheet, fmt, numbers, NEED_COLUMNS, needs)
    return book.to_bytes()
