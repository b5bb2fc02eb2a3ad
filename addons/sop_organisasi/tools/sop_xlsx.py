"""SOP workbook (XLSX) layout: writing with xlsxwriter, reading with openpyxl.

Pure code (no ORM): the export, the import wizard and the downloadable template
all go through :func:`write_workbook` and :func:`read_workbook`.

Sheet ``Identitas``: label in column A, value in column B (rows in
:data:`IDENTITY_FIELDS` order, found by their label), then a table headed
``Kotak | Isi | SOP Terkait`` with one row per line of the six information
boxes.

Sheet ``Prosedur`` (same columns as the printed SOP): header rows 3 and 4 are
``No | Kegiatan | Pelaksana (one column per executor role, labels in row 4) |
Mutu Baku (Kelengkapan, Waktu, Output) | Keterangan | Kembali ke (jika Tidak)``.
From row 5: a section row (code in A, title in B, no actor marked) followed by
its steps; a step marks its actor column with the symbol kind (Mulai, Proses,
Keputusan, Selesai); a decision names in the last column the step it returns
to when the answer is no (e.g. ``A.2``). Times are texts such as ``2 jam``.

Reading is bounded (``MAX_*`` below, documented in docs/sop-documents.md): the file
size and the zip directory are checked first, then each sheet's declared size, and
the rows are streamed from openpyxl's read-only mode without padding (:mod:`.xlsx_reader`).
"""

import datetime

from xlsxwriter.utility import xl_col_to_name

from odoo.tools.translate import LazyTranslate

from . import xlsx_reader
from .duration import DurationError
from .duration import parse_duration
from .xlsx_writer import SafeWorkbook

LINE_KINDS = ("legal", "qualification", "related", "equipment", "warning", "record")
BOX_TITLES = {
    "legal": "Dasar Hukum",
    "qualification": "Kualifikasi Pelaksana",
    "related": "Keterkaitan",
    "equipment": "Peralatan/Perlengkapan",
    "warning": "Peringatan",
    "record": "Pencatatan dan Pendataan",
}
IDENTITY_FIELDS = (
    ("name", "Nama SOP"),
    ("number", "Nomor SOP"),
    ("revision_no", "Revisi ke"),
    ("unit", "Unit Organisasi"),
    ("date_created", "Tanggal Pembuatan"),
    ("date_revision", "Tanggal Revisi"),
    ("date_effective", "Tanggal Efektif"),
    ("signatory_position", "Disahkan oleh (Jabatan)"),
    ("signatory_name", "Nama Pejabat"),
    ("signatory_rank", "Pangkat"),
    ("signatory_nip", "NIP"),
)
DATE_FIELDS = ("date_created", "date_revision", "date_effective")
KIND_MARKERS = {"start": "Mulai", "process": "Proses", "decision": "Keputusan", "end": "Selesai"}
_MARKER_ALIASES = {
    **{label.lower(): kind for kind, label in KIND_MARKERS.items()},
    **{kind: kind for kind in KIND_MARKERS},
    "x": "process",
    "v": "process",
}
# company.sop_paper_size -> Excel paper code (14: Folio 8.5 x 13 in, the nearest to F4; 9: A4)
PAPER_CODES = {"f4": 14, "a4": 9}
SHEET_IDENTITY = "Identitas"
SHEET_PROCEDURE = "Prosedur"
HEADER_ROW = 3  # 1-based: first of the two header rows of the procedure sheet
FIRST_DATA_ROW = 5
TAIL_HEADERS = ("Kelengkapan", "Waktu", "Output")

# Import limits, checked before the cells are read (docs/sop-documents.md, "Limits").
# An SOP of 200 steps and 20 actors is a workbook of about 60 KB, 600 KB unpacked.
MAX_FILE_BYTES = 5 * 1024 * 1024  # the uploaded file
MAX_UNPACKED_BYTES = 20 * 1024 * 1024  # all parts of the zip archive, unpacked (zip bombs)
MAX_PARTS = 200  # files inside the zip archive
MAX_ROWS = 1000  # per sheet
MAX_COLUMNS = 40  # per sheet (A to AN): No, Kegiatan, up to 33 actors, 5 tail columns
MAX_STEPS = 200  # per SOP


_lt = LazyTranslate(__name__)  # problems found in a workbook, translated by the caller


# the reader's errors under the names the SOP import has always used
SopWorkbookError = xlsx_reader.WorkbookError
SopWorkbookDamaged = xlsx_reader.WorkbookDamaged
SopWorkbookTooLarge = xlsx_reader.WorkbookTooLarge
LIMITS = xlsx_reader.Limits(MAX_FILE_BYTES, MAX_UNPACKED_BYTES, MAX_PARTS, MAX_ROWS, MAX_COLUMNS)
cell_ref = xlsx_reader.cell_ref


# ------------------------------------------------------------------- write
def write_workbook(data):
    """Return XLSX bytes for ``data`` (see ``sop.procedure._get_xlsx_data``)."""
    book = SafeWorkbook()
    fmt = book.add_formats(
        {
            "label": {"bold": True, "valign": "top", "border": 1, "bg_color": "#EEEEEE"},
            "date": {"num_format": "dd-mm-yyyy", "valign": "top", "border": 1, "align": "left"},
            "section": {"bold": True, "border": 1, "bg_color": "#F2F2F2"},
            "marker": {"align": "center", "valign": "top", "border": 1, "bold": True},
        }
    )
    _write_identity(book, fmt, data)
    _write_procedure(book, fmt, data)
    return book.to_bytes()


def _write_identity(book, fmt, data):
    """Sheet Identitas: the identity block, then one row per information box line."""
    identity = data.get("identity", {})

    sheet = book.add_worksheet(SHEET_IDENTITY)
    sheet.set_landscape()
    sheet.set_paper(PAPER_CODES.get(data.get("paper"), 9))
    sheet.fit_to_pages(1, 0)
    sheet.set_column(0, 0, 26)
    sheet.set_column(1, 1, 90)
    sheet.set_column(2, 2, 30)
    sheet.write(0, 0, "IDENTITAS SOP", fmt["title"])
    row = 2
    for key, label in IDENTITY_FIELDS:
        sheet.write(row, 0, label, fmt["label"])
        value = identity.get(key)
        if key in DATE_FIELDS:
            if value:
                sheet.write_datetime(row, 1, datetime.datetime.combine(value, datetime.time()), fmt["date"])
            else:
                sheet.write_blank(row, 1, None, fmt["date"])
        elif key == "revision_no":
            sheet.write_number(row, 1, int(value or 0), fmt["center"])
        else:
            sheet.write_string(row, 1, str(value or ""), fmt["text"])
        row += 1
    row += 1
    sheet.write_row(row, 0, ("Kotak", "Isi", "SOP Terkait"), fmt["head"])
    sheet.repeat_rows(row)
    for line in data.get("lines", []):
        row += 1
        sheet.write_string(row, 0, BOX_TITLES[line["kind"]], fmt["label"])
        sheet.write_string(row, 1, line["name"] or "", fmt["text"])
        sheet.write_string(row, 2, line.get("link") or "", fmt["text"])


def _write_procedure(book, fmt, data):
    """Sheet Prosedur: the procedure table, in the column layout of the printed SOP."""
    identity = data.get("identity", {})
    roles = data.get("roles", [])
    n_roles = len(roles)
    sheet = book.add_worksheet(SHEET_PROCEDURE)
    sheet.set_landscape()
    sheet.set_paper(PAPER_CODES.get(data.get("paper"), 9))
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(HEADER_ROW - 1, HEADER_ROW)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    first_tail = 2 + n_roles
    widths = [6, 45] + [13] * n_roles + [22, 10, 22, 18, 12]
    for col, width in enumerate(widths):
        sheet.set_column(col, col, width)
    sheet.write(0, 0, f"URAIAN PROSEDUR: {identity.get('name') or ''}", fmt["title"])
    top, bottom = HEADER_ROW - 1, HEADER_ROW
    sheet.merge_range(top, 0, bottom, 0, "No", fmt["head"])
    sheet.merge_range(top, 1, bottom, 1, "Kegiatan", fmt["head"])
    if n_roles > 1:
        sheet.merge_range(top, 2, top, 1 + n_roles, "Pelaksana", fmt["head"])
    elif n_roles == 1:
        sheet.write(top, 2, "Pelaksana", fmt["head"])
    for index, label in enumerate(roles):
        sheet.write_string(bottom, 2 + index, label, fmt["head"])
    sheet.merge_range(top, first_tail, top, first_tail + 2, "Mutu Baku", fmt["head"])
    for offset, label in enumerate(TAIL_HEADERS):
        sheet.write(bottom, first_tail + offset, label, fmt["head"])
    sheet.merge_range(top, first_tail + 3, bottom, first_tail + 3, "Keterangan", fmt["head"])
    sheet.merge_range(top, first_tail + 4, bottom, first_tail + 4, "Kembali ke (jika Tidak)", fmt["head"])
    sheet.freeze_panes(FIRST_DATA_ROW - 1, 2)
    row = FIRST_DATA_ROW - 1
    last_col = first_tail + 4
    for section in data.get("sections", []):
        sheet.write_string(row, 0, section.get("code") or "", fmt["section"])
        sheet.write_string(row, 1, section.get("name") or "", fmt["section"])
        for col in range(2, last_col + 1):
            sheet.write_blank(row, col, None, fmt["section"])
        row += 1
        for step in section.get("steps", []):
            sheet.write_number(row, 0, step["number"], fmt["center"])
            sheet.write_string(row, 1, step["name"], fmt["text"])
            for index in range(n_roles):
                if index == step.get("role"):
                    sheet.write_string(row, 2 + index, KIND_MARKERS[step["kind"]], fmt["marker"])
                else:
                    sheet.write_blank(row, 2 + index, None, fmt["marker"])
            sheet.write_string(row, first_tail, step.get("requirement") or "", fmt["text"])
            sheet.write_string(row, first_tail + 1, step.get("time") or "", fmt["center"])
            sheet.write_string(row, first_tail + 2, step.get("output") or "", fmt["text"])
            sheet.write_string(row, first_tail + 3, step.get("remarks") or "", fmt["text"])
            sheet.write_string(row, first_tail + 4, step.get("return_code") or "", fmt["center"])
            row += 1


# -------------------------------------------------------------------- read
# bounds checked before anything is written (a database column has its own, with a raw error)
MAX_REVISION = 999
MAX_DURATION = 9999


_text = xlsx_reader.text


def _read_date(value, ref, errors):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    errors.append(_lt("%(ref)s: unknown date '%(text)s' (use dd-mm-yyyy)", ref=ref, text=text))
    return None


def read_workbook(content):
    """Parse XLSX bytes; return the data dict or raise :class:`SopWorkbookError`.

    The data mirrors :func:`write_workbook` input with, in addition, cell
    references (``*_ref``) so that the caller can report problems it finds
    while matching names to records. Step ``time`` is parsed into
    ``duration_qty`` / ``duration_unit``; ``return_code`` is checked against
    the codes of the steps of the workbook.

    Files past the limits (``MAX_*``) raise :class:`SopWorkbookTooLarge` before their
    cells are read; a workbook part that cannot be read raises :class:`SopWorkbookDamaged`.
    """
    sheets = xlsx_reader.load_sheets(content, (SHEET_IDENTITY, SHEET_PROCEDURE), LIMITS)
    errors = []
    data = {"identity": {}, "identity_refs": {}, "lines": [], "roles": [], "sections": []}
    _read_identity(sheets[SHEET_IDENTITY], data, errors)
    _read_procedure(sheets[SHEET_PROCEDURE], data, errors)
    if errors:
        raise SopWorkbookError(errors)
    return data


def check_archive(content):
    """Refuse a file that is too large, not a zip archive, or unpacks past the limits (see
    :func:`.xlsx_reader.check_archive`)."""
    xlsx_reader.check_archive(content, LIMITS)


def _read_identity(rows, data, errors):
    labels = {label.lower(): key for key, label in IDENTITY_FIELDS}
    titles = {title.lower(): kind for kind, title in BOX_TITLES.items()}
    in_boxes = False
    for row_number, values in enumerate(rows, start=1):
        row = values + [None] * 3
        label = _text(row[0])
        if not in_boxes:
            if label.lower() == "kotak":
                in_boxes = True
                continue
            key = labels.get(label.lower())
            if not key:
                continue
            ref = cell_ref(SHEET_IDENTITY, row_number, 1)
            data["identity_refs"][key] = ref
            if key in DATE_FIELDS:
                data["identity"][key] = _read_date(row[1], ref, errors)
            elif key == "revision_no":
                text = _text(row[1]) or "0"
                if not text.isdigit():
                    errors.append(
                        _lt("%(ref)s: the revision must be a whole number, not '%(text)s'", ref=ref, text=text)
                    )
                    text = "0"
                elif int(text) > MAX_REVISION:
                    errors.append(
                        _lt(
                            "%(ref)s: the revision must be between 0 and %(max)s, not %(text)s",
                            ref=ref,
                            max=MAX_REVISION,
                            text=text,
                        )
                    )
                    text = "0"
                data["identity"][key] = int(text)
            else:
                data["identity"][key] = _text(row[1])
            continue
        if not _text(row[1]):
            continue  # empty lines (as in the template) are ignored
        kind = titles.get(label.lower())
        if kind is None:
            errors.append(
                _lt("%(ref)s: unknown box '%(label)s'", ref=cell_ref(SHEET_IDENTITY, row_number, 0), label=label)
            )
            continue
        data["lines"].append(
            {
                "kind": kind,
                "name": _text(row[1]),
                "link": _text(row[2]),
                "link_ref": cell_ref(SHEET_IDENTITY, row_number, 2),
            }
        )
    if not data["identity"].get("name"):
        ref = data["identity_refs"].get("name") or f"{SHEET_IDENTITY}!A3"
        errors.append(_lt("%(ref)s: the SOP name ('Nama SOP') is missing", ref=ref))


def _bad_header(ref, expected):
    return _lt("%(ref)s: bad header, expected '%(expected)s'", ref=ref, expected=expected)


def _step_text_missing(ref):
    return _lt("%(ref)s: the step text is missing", ref=ref)


def _read_procedure_header(top, bottom, width, errors):
    """Check the two header rows; return the column of 'Kelengkapan' (None if the header is bad)."""
    header_ok = True
    for col, expected in ((0, "No"), (1, "Kegiatan")):
        if _text(top[col]).lower() != expected.lower():
            errors.append(_bad_header(ref=cell_ref(SHEET_PROCEDURE, HEADER_ROW, col), expected=expected))
            header_ok = False
    tail = next((col for col in range(2, width) if _text(bottom[col]).lower() == TAIL_HEADERS[0].lower()), None)
    if tail is None:
        ref = f"{SHEET_PROCEDURE}!{HEADER_ROW + 1}"
        errors.append(_lt("%(ref)s: bad header, column 'Kelengkapan' not found", ref=ref))
        return None
    expectations = [(HEADER_ROW + 1, bottom, tail + offset, label, False) for offset, label in enumerate(TAIL_HEADERS)]
    expectations += [(HEADER_ROW, top, tail + 3, "Keterangan", True), (HEADER_ROW, top, tail + 4, "Kembali ke", True)]
    for row_number, row, col, expected, prefix in expectations:
        value = _text(row[col]).lower() if col < width else ""
        if not (value.startswith(expected.lower()) if prefix else value == expected.lower()):
            errors.append(_bad_header(ref=cell_ref(SHEET_PROCEDURE, row_number, col), expected=expected))
            header_ok = False
    return tail if header_ok else None


def _read_step(row, row_number, markers, tail, errors):
    """One step row: text, actor and symbol, Mutu Baku, remarks, return step code."""
    step = {"row": row_number, "name": _text(row[1])}
    if not step["name"]:
        errors.append(_step_text_missing(ref=cell_ref(SHEET_PROCEDURE, row_number, 1)))
    if not markers:
        errors.append(
            _lt("%(ref)s: no actor column is marked for the step", ref=cell_ref(SHEET_PROCEDURE, row_number, 2))
        )
    elif len(markers) > 1:
        cols = ", ".join(xl_col_to_name(col) for col, _marker in markers)
        ref = cell_ref(SHEET_PROCEDURE, row_number, markers[1][0])
        errors.append(_lt("%(ref)s: several actors marked (%(columns)s)", ref=ref, columns=cols))
    else:
        col, marker = markers[0]
        step["role"] = col - 2
        step["kind"] = _MARKER_ALIASES.get(marker.lower())
        if not step["kind"]:
            allowed = ", ".join(KIND_MARKERS.values())
            ref = cell_ref(SHEET_PROCEDURE, row_number, col)
            errors.append(
                _lt("%(ref)s: unknown symbol '%(marker)s' (use %(allowed)s)", ref=ref, marker=marker, allowed=allowed)
            )
    step["requirement"] = _text(row[tail])
    step["time"] = _text(row[tail + 1])
    step["output"] = _text(row[tail + 2])
    step["remarks"] = _text(row[tail + 3])
    step["duration_qty"], step["duration_unit"] = 0.0, False
    if step["time"]:
        ref = cell_ref(SHEET_PROCEDURE, row_number, tail + 1)
        try:
            step["duration_qty"], step["duration_unit"] = parse_duration(step["time"])
        except DurationError:
            errors.append(_lt("%(ref)s: unknown time '%(time)s'", ref=ref, time=step["time"]))
        if step["duration_qty"] > MAX_DURATION:
            errors.append(
                _lt(
                    "%(ref)s: the time '%(time)s' is too long (at most %(max)s)",
                    ref=ref,
                    time=step["time"],
                    max=MAX_DURATION,
                )
            )
            step["duration_qty"], step["duration_unit"] = 0.0, False
    step["return_code"] = _text(row[tail + 4])
    step["return_ref"] = cell_ref(SHEET_PROCEDURE, row_number, tail + 4)
    if step.get("kind") == "decision" and not step["return_code"]:
        errors.append(_lt("%(ref)s: decision without return step", ref=step["return_ref"]))
    elif step["return_code"] and step.get("kind") and step.get("kind") != "decision":
        errors.append(_lt("%(ref)s: only a decision (Keputusan) can have a return step", ref=step["return_ref"]))
    return step


def _read_procedure(rows, data, errors):
    width = max((len(r) for r in rows), default=0)
    rows = [r + [None] * (width + 5 - len(r)) for r in rows]
    if len(rows) < HEADER_ROW + 1:
        ref = f"{SHEET_PROCEDURE}!A{HEADER_ROW}"
        errors.append(_lt("%(ref)s: the header rows are missing", ref=ref))
        return
    tail = _read_procedure_header(rows[HEADER_ROW - 1], rows[HEADER_ROW], width, errors)
    if tail is None:
        return
    for col in range(2, tail):
        label = _text(rows[HEADER_ROW][col])
        ref = cell_ref(SHEET_PROCEDURE, HEADER_ROW + 1, col)
        if not label:
            errors.append(_lt("%(ref)s: the actor column has no name", ref=ref))
        data["roles"].append({"label": label, "ref": ref})
    codes = {}
    section = None
    numbers = {}  # step number written in column A -> its row, in the current section
    for row_number, row in enumerate(rows[FIRST_DATA_ROW - 1 :], start=FIRST_DATA_ROW):
        markers = [(col, _text(row[col])) for col in range(2, tail) if _text(row[col])]
        if not markers and not isinstance(row[0], int | float):
            if not _text(row[0]) and not _text(row[1]):
                if any(_text(v) for v in row):
                    errors.append(_step_text_missing(ref=cell_ref(SHEET_PROCEDURE, row_number, 1)))
                continue
            if not _text(row[1]):
                errors.append(
                    _lt("%(ref)s: the section title is missing", ref=cell_ref(SHEET_PROCEDURE, row_number, 1))
                )
            section = {"code": _text(row[0]), "name": _text(row[1]), "steps": []}
            data["sections"].append(section)
            numbers = {}
            continue
        if section is None:
            ref = cell_ref(SHEET_PROCEDURE, row_number, 0)
            errors.append(_lt("%(ref)s: a step comes before the first section row", ref=ref))
            section = {"code": "", "name": "", "steps": []}
            data["sections"].append(section)
        _check_step_number(_text(row[0]), row_number, section, numbers, errors)
        step = _read_step(row, row_number, markers, tail, errors)
        section["steps"].append(step)
        number = len(section["steps"])
        step["code"] = f"{section['code']}.{number}" if section["code"] else str(number)
        codes[step["code"].lower()] = step
    steps = sum(len(sec["steps"]) for sec in data["sections"])
    if steps > MAX_STEPS:
        raise SopWorkbookTooLarge("steps", steps, MAX_STEPS)
    _check_returns(data, codes, errors)


def _check_step_number(number, row_number, section, numbers, errors):
    """A step number (column A) is used once per section; the codes still follow the row order."""
    if not number:
        return
    if number in numbers:
        ref = cell_ref(SHEET_PROCEDURE, row_number, 0)
        if section["code"]:
            message = _lt(
                "%(ref)s: step number %(number)s is used twice in section %(section)s (also in row %(row)s)",
                ref=ref,
                number=number,
                section=section["code"],
                row=numbers[number],
            )
        else:
            message = _lt(
                "%(ref)s: step number %(number)s is used twice in the section (also in row %(row)s)",
                ref=ref,
                number=number,
                row=numbers[number],
            )
        errors.append(message)
    else:
        numbers[number] = row_number


def _check_returns(data, codes, errors):
    """Every decision returns to a step of the workbook (by its code, e.g. A.2)."""
    for step in (s for sec in data["sections"] for s in sec["steps"]):
        if not step["return_code"] or step.get("kind") != "decision":
            continue
        target = codes.get(step["return_code"].lower())
        if target is None:
            errors.append(
                _lt("%(ref)s: unknown return step '%(code)s'", ref=step["return_ref"], code=step["return_code"])
            )
        elif target is step:
            errors.append(_lt("%(ref)s: a decision cannot return to itself", ref=step["return_ref"]))
    if not any(sec["steps"] for sec in data["sections"]):
        ref = f"{SHEET_PROCEDURE}!A{FIRST_DATA_ROW}"
        errors.append(_lt("%(ref)s: the procedure has no steps", ref=ref))


def template_data(role_labels):
    """Data of the downloadable template: the given actor columns and one example section."""
    roles = list(role_labels) or ["Pelaksana"]
    first, second = 0, min(1, len(roles) - 1)
    return {
        "identity": {"name": "", "revision_no": 0},
        "lines": [{"kind": kind, "name": "", "link": ""} for kind in LINE_KINDS],
        "roles": roles,
        "sections": [
            {
                "code": "A",
                "name": "PELAKSANAAN",
                "steps": [
                    _example(1, "start", first, "Menerima dan mencatat berkas", "1 hari"),
                    _example(2, "process", first, "Menyiapkan konsep", "2 jam"),
                    _example(3, "decision", second, "Memeriksa dan menyetujui konsep", "30 menit", return_code="A.2"),
                    _example(4, "end", first, "Mengarsipkan", "10 menit"),
                ],
            }
        ],
    }


def _example(number, kind, role, name, time, *, return_code=""):
    return {
        "number": number,
        "kind": kind,
        "role": role,
        "name": name,
        "time": time,
        "requirement": "",
        "output": "",
        "remarks": "",
        "return_code": return_code,
    }
