"""The one way the SOP addons write XLSX files (xlsxwriter).

Every exporter (SOP document, monitoring and evaluation forms, and the exports other
addons add) builds its workbook with :class:`SafeWorkbook`, so that text typed by a user
(a citizen's suggestion, a proposal title, a step text) is written as a text cell:
xlsxwriter's ``write()`` would turn ``=HYPERLINK(...)`` or ``{=...}`` into a live
formula and ``http://...`` into a link. In a :class:`SafeWorkbook` every ``str``
passed to ``write()``, ``write_row()`` or ``merge_range()`` goes through
:func:`write_text`; numbers, dates and booleans keep their type.
"""

import io

import xlsxwriter

from odoo.http import content_disposition

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# options no exporter may change: nothing in a string is interpreted
SAFE_OPTIONS = {
    "in_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}

# cell formats shared by the exports (xlsxwriter format properties)
COMMON_FORMATS = {
    "title": {"bold": True, "font_size": 13},
    "bold": {"bold": True},
    "head": {
        "bold": True,
        "align": "center",
        "valign": "vcenter",
        "text_wrap": True,
        "border": 1,
        "bg_color": "#D9D9D9",
    },
    "text": {"text_wrap": True, "valign": "top", "border": 1},
    "center": {"align": "center", "valign": "top", "border": 1, "text_wrap": True},
}


def write_text(sheet, row, col, value, cell_format=None):
    """Write ``value`` as a text cell, whatever it looks like (``None`` is an empty text)."""
    return sheet.write_string(row, col, "" if value is None else str(value), cell_format)


def _write_str(sheet, row, col, value, cell_format=None):
    """``write()`` handler for ``str``: an empty text stays a blank cell, any other is text."""
    if value == "":
        return None  # xlsxwriter's own handling: a (formatted) blank cell
    return write_text(sheet, row, col, value, cell_format)


class SafeWorkbook(xlsxwriter.Workbook):
    """In-memory workbook whose sheets never turn a text into a formula or a link.

    ``SafeWorkbook(options)`` takes the usual xlsxwriter options (e.g.
    ``{"remove_timezone": True}``) except those of :data:`SAFE_OPTIONS`, which
    always apply; :meth:`to_bytes` closes the workbook and returns the file.
    """

    def __init__(self, options=None):
        self._buffer = io.BytesIO()
        super().__init__(self._buffer, {**(options or {}), **SAFE_OPTIONS})

    def add_worksheet(self, name=None, **kwargs):
        sheet = super().add_worksheet(name, **kwargs)
        sheet.add_write_handler(str, _write_str)
        return sheet

    def add_formats(self, extra=None):
        """The :data:`COMMON_FORMATS` plus ``extra`` (name -> properties), as xlsxwriter formats."""
        return {name: self.add_format(props) for name, props in {**COMMON_FORMATS, **(extra or {})}.items()}

    def to_bytes(self):
        """Close the workbook (once) and return the XLSX content."""
        if not self.fileclosed:
            self.close()
        return self._buffer.getvalue()


def attach_xlsx(record, filename, content):
    """Store ``content`` as an XLSX attachment of ``record``."""
    record.ensure_one()
    return record.env["ir.attachment"].create(
        {
            "name": filename.replace("/", "-"),
            "raw": content,
            "mimetype": XLSX_MIMETYPE,
            "res_model": record._name,
            "res_id": record.id,
        }
    )


def xlsx_http_headers(content, filename):
    """Headers of an XLSX file streamed by a controller (downloads that keep no attachment)."""
    return [
        ("Content-Type", XLSX_MIMETYPE),
        ("Content-Length", str(len(content))),
        ("Content-Disposition", content_disposition(filename)),
    ]


def download_action(attachment):
    """Client action downloading ``attachment``."""
    return {"type": "ir.actions.act_url", "url": f"/web/content/{attachment.id}?download=true", "target": "self"}
