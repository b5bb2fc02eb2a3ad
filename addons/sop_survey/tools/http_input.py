"""Checks of what a browser sends to the public and portal pages, before any database work.

PostgreSQL refuses a text holding a NUL byte and an integer beyond 2**31-1: without these checks such
input ends in an HTTP 500 instead of a 4xx page.
"""

import re

PG_INT_MAX = 2**31 - 1
NUL = "\x00"
# public tokens (unit links, kiosk activation codes): uuid4 hex, letters, digits, '-' and '_'
TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{1,128}")


def valid_id(value):
    """Whether ``value`` (an id from a URL) is a record id PostgreSQL can look up: 1 .. 2**31-1."""
    return isinstance(value, int) and 1 <= value <= PG_INT_MAX


def valid_token(value):
    """Whether ``value`` looks like one of our public tokens (ASCII letters, digits, '-', '_')."""
    return isinstance(value, str) and TOKEN_RE.fullmatch(value) is not None


def strip_nul(value):
    """``value`` without NUL bytes (texts only; other values unchanged)."""
    return value.replace(NUL, "") if isinstance(value, str) else value


def form_has_nul(httprequest):
    """Whether a value or an uploaded file name of the request's form holds a NUL byte."""
    form = httprequest.form
    if any(NUL in value for name in form for value in form.getlist(name)):
        return True
    return any(
        NUL in (upload.filename or "") for name in httprequest.files for upload in httprequest.files.getlist(name)
    )
