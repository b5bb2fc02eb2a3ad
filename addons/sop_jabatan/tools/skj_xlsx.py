"""The competency standards (SKJ) of an OPD for a year as an XLSX workbook: the export and its import.

Pure code (no ORM). Written with sop_organisasi's ``SafeWorkbook`` (text typed by users stays text), read
with sop_organisasi's bounded reader (``xlsx_reader``). Layout (docs/jabatan.md, "Competency standards"):
four sheets, each with title rows, the header in row :data:`HEADER_ROW`, then one row per entry; a row
names its post by code, or by name when the code is empty:

* ``Jabatan``: Kode Jabatan | Nama Jabatan | Jenis Jabatan | Urusan Pemerintahan | Ikhtisar Jabatan
  (the kind is written for reference; the import reads the affair and the summary);
* ``Kompetensi``: Kode Jabatan | Nama Jabatan | Kelompok | Kompetensi | Level (1-5);
* ``Persyaratan``: Kode Jabatan | Nama Jabatan | Jenis | Uraian | Tingkat (Mutlak, Penting, Perlu);
* ``Indikator Kinerja``: Kode Jabatan | Nama Jabatan | Indikator Kinerja.

:func:`read_workbook` returns, per post named in the workbook, its affair, summary, competencies,
requirements and indicators, or raises ``xlsx_reader.WorkbookError`` with every problem (sheet, row,
column); the caller then replaces those posts' lines, all or nothing.
"""

from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.addons.sop_organisasi.tools.xlsx_writer import SafeWorkbook
from odoo.tools.translate import LazyTranslate

from . import skj

_lt = LazyTranslate(__name__)

HEADER_ROW = 4  # 1-based
FIRST_DATA_ROW = HEADER_ROW + 1
SHEETS = {
    "posts": (
        "Jabatan",
        (
            ("code", "Kode Jabatan", 14),
            ("name", "Nama Jabatan", 34),
            ("kind", "Jenis Jabatan", 18),
            ("affair", "Urusan Pemerintahan", 26),
            ("summary", "Ikhtisar Jabatan", 60),
        ),
    ),
    "competencies": (
        "Kompetensi",
        (
            ("code", "Kode Jabatan", 14),
            ("name", "Nama Jabatan", 34),
            ("group", "Kelompok", 18),
            ("competency", "Kompetensi", 36),
            ("level", "Level", 8),
        ),
    ),
    "requirements": (
        "Persyaratan",
        (
            ("code", "Kode Jabatan", 14),
            ("name", "Nama Jabatan", 34),
            ("kind", "Jenis", 16),
            ("text", "Uraian", 50),
            ("grade", "Tingkat", 10),
        ),
    ),
    "indicators": (
        "Indikator Kinerja",
        (
            ("code", "Kode Jabatan", 14),
            ("name", "Nama Jabatan", 34),
            ("text", "Indikator Kinerja", 60),
        ),
    ),
}
REQUIREMENT_KINDS = {"pangkat": "rank", "pendidikan": "education", "pelatihan": "training", "pengalaman": "experience"}
REQUIREMENT_KIND_LABELS = {value: key.capitalize() for key, value in REQUIREMENT_KINDS.items()}
GRADES = {"mutlak": "mutlak", "penting": "penting", "perlu": "perlu"}
GRADE_LABELS = {"mutlak": "Mutlak", "penting": "Penting", "perlu": "Perlu"}

LIMITS = xlsx_reader.Limits(
    file_bytes=5 * 1024 * 1024,
    unpacked_bytes=20 * 1024 * 1024,
    parts=200,
    rows=5000,
    columns=10,
)
MAX_TEXT = 2000


# ------------------------------------------------------------------- write
def write_workbook(data):
    """XLSX bytes of ``data``: ``title``, ``subtitle`` and ``posts`` (dicts with ``code``, ``name``,
    ``kind``, ``affair``, ``summary``, ``competencies`` [{group, competency, level}], ``requirements``
    [{kind, text, grade}] and ``indicators`` [text])."""
    book = SafeWorkbook()
    fmt = book.add_formats({"number": {"num_format": "0", "border": 1, "valign": "top"}})
    for key, (sheet_name, columns) in SHEETS.items():
        sheet = book.add_worksheet(sheet_name)
        _write_head(sheet, fmt, data, columns)
        row = HEADER_ROW
        for post in data.get("posts", []):
            for values in _rows(key, post):
                for col, (name, _label, _width) in enumerate(columns):
                    value = values.get(name)
                    if name == "level":
                        sheet.write_number(row, col, value or 0, fmt["number"])
                    else:
                        sheet.write(row, col, value or "", fmt["text"])
                row += 1
        if key == "requirements":
            _validate_list(sheet, 2, list(REQUIREMENT_KIND_LABELS.values()))
            _validate_list(sheet, 4, list(GRADE_LABELS.values()))
    return book.to_bytes()


def _validate_list(sheet, col, values):
    sheet.data_validation(
        HEADER_ROW, col, LIMITS.rows - 1, col, {"validate": "list", "source": values, "ignore_blank": True}
    )


def _rows(key, post):
    head = {"code": post.get("code") or "", "name": post.get("name") or ""}
    if key == "posts":
        return [{**head, "kind": post.get("kind"), "affair": post.get("affair"), "summary": post.get("summary")}]
    if key == "competencies":
        return [{**head, **line} for line in post.get("competencies", [])]
    if key == "requirements":
        return [
            {
                **head,
                "kind": REQUIREMENT_KIND_LABELS.get(line["kind"], ""),
                "text": line["text"],
                "grade": GRADE_LABELS.get(line["grade"], ""),
            }
            for line in post.get("requirements", [])
        ]
    return [{**head, "text": text} for text in post.get("indicators", [])]


def _write_head(sheet, fmt, data, columns):
    sheet.write(0, 0, data.get("title") or "", fmt["title"])
    sheet.write(1, 0, data.get("subtitle") or "", fmt["bold"])
    for col, (_key, label, width) in enumerate(columns):
        sheet.set_column(col, col, width)
        sheet.write(HEADER_ROW - 1, col, label, fmt["head"])
    sheet.freeze_panes(HEADER_ROW, 0)


# -------------------------------------------------------------------- read
def read_workbook(content, posts, competencies):
    """What the workbook says per post: ``{post id: {"affair", "summary", "competencies": [(competency id,
    level)], "requirements": [(kind, text, grade)], "indicators": [text]}}`` for each post it names.

    ``posts``: dicts with ``id``, ``code`` and ``name`` (the SKJ of the version); ``competencies``:
    ``{lowercase name: [ids]}`` of the dictionary. Raises ``xlsx_reader.WorkbookTooLarge`` /
    ``WorkbookDamaged`` / ``WorkbookError`` (every problem found, each naming the cell)."""
    names = [sheet_name for sheet_name, _columns in SHEETS.values()]
    sheets = xlsx_reader.load_sheets(content, names, LIMITS)
    errors = []
    for sheet_name, columns in SHEETS.values():
        _check_header(sheet_name, sheets[sheet_name], columns, errors)
    if errors:
        raise xlsx_reader.WorkbookError(errors)
    matcher = _PostMatcher(posts)
    result = {}

    def entry(post_id):
        return result.setdefault(
            post_id, {"affair": None, "summary": None, "competencies": [], "requirements": [], "indicators": []}
        )

    for key, (sheet_name, columns) in SHEETS.items():
        seen = set()
        for row_number, row in _data_rows(sheets[sheet_name], len(columns)):
            post_id = matcher.match(sheet_name, row, row_number, errors)
            value = _READERS[key](sheet_name, row, row_number, errors, competencies)
            if post_id is None or value is None:
                continue
            if key == "posts":
                entry(post_id).update(value)
            elif key == "competencies":
                if (post_id, value[0]) in seen:
                    errors.append(
                        _lt("%(ref)s: the competency is named twice for this post", ref=_ref(sheet_name, row_number, 3))
                    )
                seen.add((post_id, value[0]))
                entry(post_id)["competencies"].append(value)
            else:
                entry(post_id)[key].append(value)
    if errors:
        raise xlsx_reader.WorkbookError(errors)
    return result


def _ref(sheet_name, row, col):
    return xlsx_reader.cell_ref(sheet_name, row, col)


def _data_rows(rows, width):
    for row_number, values in enumerate(rows[FIRST_DATA_ROW - 1 :], start=FIRST_DATA_ROW):
        row = list(values) + [None] * (width - len(values))
        if not all(xlsx_reader.is_blank(value) for value in row):
            yield row_number, row


def _check_header(sheet_name, rows, columns, errors):
    header = list(rows[HEADER_ROW - 1]) if len(rows) >= HEADER_ROW else []
    header += [None] * (len(columns) - len(header))
    for col, (_key, label, _width) in enumerate(columns):
        if xlsx_reader.text(header[col]).lower() != label.lower():
            errors.append(
                _lt(
                    "%(ref)s: bad header, expected '%(expected)s'",
                    ref=_ref(sheet_name, HEADER_ROW, col),
                    expected=label,
                )
            )


class _PostMatcher:
    """A row's post: by its code (column A), or by its name (column B) when the code is empty."""

    def __init__(self, posts):
        self.by_code, self.by_name = {}, {}
        for post in posts:
            if post.get("code"):
                self.by_code.setdefault(post["code"].strip().lower(), []).append(post["id"])
            self.by_name.setdefault((post.get("name") or "").strip().lower(), []).append(post["id"])

    def match(self, sheet_name, row, row_number, errors):
        code, name = xlsx_reader.text(row[0]), xlsx_reader.text(row[1])
        found, col, value = (self.by_code.get(code.lower(), []), 0, code) if code else ([], 1, name)
        if not code and name:
            found = self.by_name.get(name.lower(), [])
        ref = _ref(sheet_name, row_number, col)
        if not value:
            errors.append(_lt("%(ref)s: the post (code or name) is missing", ref=_ref(sheet_name, row_number, 0)))
        elif not found:
            errors.append(_lt("%(ref)s: unknown post '%(post)s' in this SKJ", ref=ref, post=value))
        elif len(found) > 1:
            errors.append(_lt("%(ref)s: several posts are named '%(post)s': give the code", ref=ref, post=value))
        else:
            return found[0]
        return None


def _text(sheet_name, row, row_number, col, errors, *, required=False):
    value = xlsx_reader.text(row[col])
    ref = _ref(sheet_name, row_number, col)
    if required and not value:
        errors.append(_lt("%(ref)s: the text is missing", ref=ref))
        return None
    if len(value) > MAX_TEXT:
        errors.append(_lt("%(ref)s: the text is longer than %(max)s characters", ref=ref, max=MAX_TEXT))
        return None
    return value


def _read_post(sheet_name, row, row_number, errors, competencies):
    affair = _text(sheet_name, row, row_number, 3, errors)
    summary = _text(sheet_name, row, row_number, 4, errors)
    if affair is None or summary is None:
        return None
    return {"affair": affair, "summary": summary}


def _read_competency(sheet_name, row, row_number, errors, competencies):
    name = xlsx_reader.text(row[3])
    found = competencies.get(name.lower(), []) if name else []
    ok = True
    if not name:
        errors.append(_lt("%(ref)s: the competency is missing", ref=_ref(sheet_name, row_number, 3)))
        ok = False
    elif not found:
        errors.append(
            _lt(
                "%(ref)s: '%(name)s' is not a competency of the dictionary",
                ref=_ref(sheet_name, row_number, 3),
                name=name,
            )
        )
        ok = False
    elif len(found) > 1:
        errors.append(
            _lt("%(ref)s: several competencies are named '%(name)s'", ref=_ref(sheet_name, row_number, 3), name=name)
        )
        ok = False
    level = _level(row[4])
    if level is None:
        errors.append(
            _lt(
                "%(ref)s: '%(value)s' is not a level from 1 to 5",
                ref=_ref(sheet_name, row_number, 4),
                value=xlsx_reader.text(row[4]),
            )
        )
        ok = False
    return (found[0], level) if ok else None


def _level(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if skj.is_level(value) else None


def _read_requirement(sheet_name, row, row_number, errors, competencies):
    kind_text = xlsx_reader.text(row[2]).lower()
    kind = REQUIREMENT_KINDS.get(kind_text)
    grade_text = xlsx_reader.text(row[4]).lower()
    grade = GRADES.get(grade_text)
    text = _text(sheet_name, row, row_number, 3, errors, required=True)
    if kind is None:
        errors.append(
            _lt(
                "%(ref)s: unknown requirement '%(value)s' (use Pangkat, Pendidikan, Pelatihan or Pengalaman)",
                ref=_ref(sheet_name, row_number, 2),
                value=kind_text,
            )
        )
    if grade is None:
        errors.append(
            _lt(
                "%(ref)s: unknown grade '%(value)s' (use Mutlak, Penting or Perlu)",
                ref=_ref(sheet_name, row_number, 4),
                value=grade_text,
            )
        )
    return (kind, text, grade) if kind and grade and text else None


def _read_indicator(sheet_name, row, row_number, errors, competencies):
    return _text(sheet_name, row, row_number, 2, errors, required=True)


_READERS = {
    "posts": _read_post,
    "competencies": _read_competency,
    "requirements": _read_requirement,
    "indicators": _read_indicator,
}
