"""The one way the SOP addons read an uploaded XLSX workbook (openpyxl), bounded.

Every import (the SOP workbook, the job analysis workbook of sop_jabatan, ...) reads its file
through :func:`load_sheets` with its own :class:`Limits`: the file size and the zip directory
are checked first (:func:`check_archive`), then each sheet's declared size, and the rows are
streamed from openpyxl's read-only mode without padding, never past the row limit. Problems
are raised as :class:`WorkbookError` (a list of messages naming the sheet, row and column),
:class:`WorkbookTooLarge` (a limit) or :class:`WorkbookDamaged` (a part that cannot be read);
nothing here touches the database, so a caller imports all or nothing.
"""

import io
import zipfile
from contextlib import contextmanager
from typing import NamedTuple

from xlsxwriter.utility import xl_col_to_name

from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

_lt = LazyTranslate(__name__)  # problems found in a workbook, translated by the caller


class Limits(NamedTuple):
    """The bounds of one kind of import (checked before the cells are read)."""

    file_bytes: int  # the uploaded file
    unpacked_bytes: int  # all parts of the zip archive, unpacked (zip bombs)
    parts: int  # files inside the zip archive
    rows: int  # per sheet
    columns: int  # per sheet


class WorkbookError(ValueError):
    """Raised with the list of problems found while reading a workbook."""

    def __init__(self, messages):
        # the messages are lazy translations (``_lt``): the caller shows them with ``env._(message)``
        super().__init__("\n".join(str(message) for message in messages))
        self.messages = messages


class WorkbookDamaged(WorkbookError):
    """The file is a zip archive, but a part of the workbook in it cannot be read."""

    def __init__(self, detail):
        super().__init__([f"The file is damaged ({detail})."])
        self.detail = detail


class WorkbookTooLarge(WorkbookError):
    """The file is past one of the import limits (``limit``: file, unpacked, parts, rows, columns,
    or a limit of the caller such as steps).

    ``found`` is the size found (bytes, number of parts, last row used, last column used
    as a 1-based index, ...), ``maximum`` the limit; ``sheet`` names the sheet for rows and columns.
    """

    def __init__(self, limit, found, maximum, sheet=None):
        where = f"{sheet}: " if sheet else ""
        super().__init__([f"{where}{limit} {found} is past the limit of {maximum}"])
        self.limit = limit
        self.found = found
        self.maximum = maximum
        self.sheet = sheet


def cell_ref(sheet, row, col):
    """``Prosedur!F12`` for a 1-based row and 0-based column."""
    return f"{sheet}!{xl_col_to_name(col)}{row}"


def text(value):
    """A cell's value as a stripped text (a whole float without its ``.0``; ``None`` is empty)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def is_blank(value):
    return value is None or (isinstance(value, str) and not value.strip())


def check_archive(content, limits):
    """Refuse a file that is too large, not a zip archive, or unpacks past the limits.

    Only the zip directory is read: the unpacked sizes it declares bound what
    unpacking can produce (:mod:`zipfile` stops a part at its declared size).
    """
    if len(content) > limits.file_bytes:
        raise WorkbookTooLarge("file", len(content), limits.file_bytes)
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            parts = archive.infolist()
    except Exception as exc:  # any unreadable file is the user's problem
        raise WorkbookError(
            [_lt("The file is not an XLSX workbook (%(error)s).", error=exc.__class__.__name__)]
        ) from exc
    if len(parts) > limits.parts:
        raise WorkbookTooLarge("parts", len(parts), limits.parts)
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.unpacked_bytes:
        raise WorkbookTooLarge("unpacked", unpacked, limits.unpacked_bytes)


def load_sheets(content, names, limits):
    """The rows of the sheets ``names`` (each a list of lists of values), after :func:`check_archive`;
    every read of the file is inside the error handling."""
    import openpyxl  # noqa: PLC0415

    check_archive(content, limits)
    try:
        book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:
        raise WorkbookDamaged(exc.__class__.__name__) from exc
    try:
        missing = [name for name in names if name not in book.sheetnames]
        if missing:
            found = ", ".join(book.sheetnames)
            raise WorkbookError(
                [_lt("%(sheet)s: sheet missing (found: %(found)s)", sheet=name, found=found) for name in missing]
            )
        return {name: sheet_rows(book[name], limits) for name in names}
    except WorkbookError:
        raise
    except Exception as exc:  # a damaged sheet, shared strings or styles part
        raise WorkbookDamaged(exc.__class__.__name__) from exc
    finally:
        book.close()


def _check_sheet_size(sheet_name, last_row, last_col, limits):
    if last_row and last_row > limits.rows:
        raise WorkbookTooLarge("rows", last_row, limits.rows, sheet_name)
    if last_col and last_col > limits.columns:
        raise WorkbookTooLarge("columns", last_col, limits.columns, sheet_name)


def sheet_rows(sheet, limits):
    """The rows of a read-only sheet as lists of values without their trailing empty cells.

    The size the sheet declares (``<dimension ref>``) is checked before any cell is
    read. The rows are then streamed as they are in the file, not padded to the
    declared rectangle, and never past row ``limits.rows + 1``: a sheet that declares a
    wrong size (or none) is refused at the first filled cell past the limits, or when
    it has any row past that.
    """
    _check_sheet_size(sheet.title, sheet.max_row, sheet.max_column, limits)
    sheet.reset_dimensions()  # from here on, rows are as long as their last cell
    rows = []
    for row_number, values in enumerate(sheet.iter_rows(max_row=limits.rows + 1, values_only=True), start=1):
        width = len(values)
        while width and is_blank(values[width - 1]):
            width -= 1
        if width:
            _check_sheet_size(sheet.title, row_number, width, limits)
        rows.append(list(values[:width]))
    # openpyxl yields one (empty) row here when the sheet has any row past the range
    beyond = limits.rows + 2
    if next(iter(sheet.iter_rows(min_row=beyond, max_row=beyond, values_only=True)), None) is not None:
        raise WorkbookTooLarge("rows", beyond, limits.rows, sheet.title)
    while rows and not rows[-1]:
        rows.pop()
    return rows


def limit_problem(env, exc):
    """The sentence (in the user's language) saying which generic limit ``exc`` is past, or ``None``
    for a limit of the caller's own (e.g. the steps of an SOP)."""
    _ = env._
    mib = 1024 * 1024
    if exc.limit == "file":
        return _("The file is %(found).1f MB.", found=exc.found / mib)
    if exc.limit == "unpacked":
        return _("The workbook unpacks to %(found).1f MB.", found=exc.found / mib)
    if exc.limit == "parts":
        return _("The workbook is made of %(found)s files.", found=exc.found)
    if exc.limit == "rows":
        return _("Sheet %(sheet)s has cells at least down to row %(found)s.", sheet=exc.sheet, found=exc.found)
    if exc.limit == "columns":
        return _(
            "Sheet %(sheet)s has cells at least up to column %(found)s.",
            sheet=exc.sheet,
            found=xl_col_to_name(exc.found - 1),
        )
    return None


def problems_message(env, messages):
    """One message listing every problem found in a workbook, each in the user's language (the readers'
    messages are lazy terms or text)."""
    problems = "\n".join(message if isinstance(message, str) else env._(message) for message in messages)
    return env._("The workbook cannot be imported:\n%(problems)s", problems=problems)


def limits_message(env, exc, limits):
    """The message of a workbook refused by one of ``limits`` (a :class:`Limits`), with all of them."""
    mib = 1024 * 1024
    return env._(
        "The workbook is too large to be imported. %(problem)s\n"
        "Limits: a file of at most %(file)s MB (%(unpacked)s MB unpacked, %(parts)s files), "
        "at most %(rows)s rows and %(columns)s columns per sheet. Delete the unused rows and columns "
        "(select them, then Delete, not only Clear).",
        problem=limit_problem(env, exc) or "",
        file=limits.file_bytes // mib,
        unpacked=limits.unpacked_bytes // mib,
        parts=limits.parts,
        rows=limits.rows,
        columns=limits.columns,
    )


@contextmanager
def user_errors(env, limit_message, error_message=None):
    """Turn the reading errors of the block into a ``UserError`` in the user's language: ``limit_message(exc)``
    for a workbook past its limits (a :class:`Limits` for :func:`limits_message`, or a function),
    ``error_message(messages)`` for the problems found in it (default :func:`problems_message`), and one
    sentence for a damaged file (the same for every import)."""
    if isinstance(limit_message, Limits):
        limits = limit_message

        def limit_message(exc):
            return limits_message(env, exc, limits)

    error_message = error_message or (lambda messages: problems_message(env, messages))
    try:
        yield
    except WorkbookTooLarge as exc:
        raise UserError(limit_message(exc)) from exc
    except WorkbookDamaged as exc:
        raise UserError(
            env._(
                "The file is damaged: a part of the workbook cannot be read (%(detail)s). "
                "Open it in Excel or LibreOffice, save it again as XLSX and import that file.",
                detail=exc.detail,
            )
        ) from exc
    except WorkbookError as exc:
        raise UserError(error_message(exc.messages)) from exc
