"""The ABK recap of an OPD as an XLSX workbook (one sheet: a row per post, then the OPD's total).

Built with sop_organisasi's ``SafeWorkbook``: the names and codes users typed are text cells,
never formulas or links. Figures keep their type (numbers)."""

from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook

# The columns in the order an e-Formasi entry is made (docs/jabatan.md, "ABK recap"): where the post is
# (unit), which post (name, code, kind, level, kelas), its workload and need (Σ workload, JKE, staff
# needed raw and rounded), who holds it (bezetting PNS, PPPK, other, total), then the difference and
# the efficiency. (key of a row, column width, xlsxwriter number format or None for text)
COLUMNS = (
    ("number", 5, "0"),
    ("unit", 28, None),
    ("post", 34, None),
    ("code", 12, None),
    ("kind", 16, None),
    ("level", 14, None),
    ("kelas", 7, "0"),
    ("workload", 14, "#,##0.00"),
    ("jke", 10, "#,##0"),
    ("need_raw", 12, "0.0000"),
    ("need", 10, "0"),
    ("pns", 8, "0"),
    ("pppk", 8, "0"),
    ("other", 8, "0"),
    ("in_post", 10, "0"),
    ("gap", 10, "+0;-0;0"),
    ("efficiency", 12, "0.0000"),
    ("band", 14, None),
)
# the city recap: a row per OPD
CITY_COLUMNS = (
    ("number", 5, "0"),
    ("opd", 40, None),
    ("state", 14, None),
    ("posts", 8, "0"),
    ("workload", 16, "#,##0.00"),
    ("need", 10, "0"),
    ("in_post", 10, "0"),
    ("gap", 10, "+0;-0;0"),
    ("efficiency", 12, "0.0000"),
    ("band", 14, None),
)


def recap_workbook(title, subtitle, headers, rows, total, *, columns=COLUMNS):
    """The workbook's bytes. ``headers``: key -> column title; ``rows``: dicts by key (a missing or
    ``None`` figure is an empty cell, e.g. an undefined efficiency); ``total``: the last row;
    ``columns``: :data:`COLUMNS` (an OPD's posts) or :data:`CITY_COLUMNS` (the city's OPDs)."""
    book = SafeWorkbook()
    formats = book.add_formats()
    numbers = {
        key: book.add_format({"num_format": fmt, "border": 1, "valign": "top"}) for key, _w, fmt in columns if fmt
    }
    bold_numbers = {
        key: book.add_format({"num_format": fmt, "border": 1, "bold": True}) for key, _w, fmt in columns if fmt
    }
    bold_text = book.add_format({"bold": True, "border": 1, "text_wrap": True})
    sheet = book.add_worksheet("ABK")
    sheet.write(0, 0, title, formats["title"])
    sheet.write(1, 0, subtitle, formats["bold"])
    for col, (key, width, _fmt) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write(3, col, headers.get(key, ""), formats["head"])
    sheet.freeze_panes(4, 0)
    row_index = 4
    for row in [*rows, total]:
        is_total = row is total
        for col, (key, _width, fmt) in enumerate(columns):
            value = row.get(key)
            if fmt:
                cell_format = (bold_numbers if is_total else numbers)[key]
                if value is None or value == "":
                    sheet.write_blank(row_index, col, None, cell_format)
                else:
                    sheet.write_number(row_index, col, value, cell_format)
            else:
                sheet.write(row_index, col, value or "", bold_text if is_total else formats["text"])
        row_index += 1
    return book.to_bytes()
