"""Rows of a long table split into printed pages, free of the ORM.

Debian's wkhtmltopdf (unpatched Qt) cuts table rows across pages and does not repeat the header, so the
recaps print one table per page with a known number of rows: fewer on the first page (the letterhead and
title take its top)."""

FIRST_PAGE_ROWS = 18
PAGE_ROWS = 26


def split_rows(rows, first=FIRST_PAGE_ROWS, rest=PAGE_ROWS):
    """``rows`` as a list of pages (lists of rows): ``first`` rows on the first page, ``rest`` on each other;
    always at least one page (empty when there are no rows)."""
    if first < 1 or rest < 1:
        raise ValueError("a page holds at least one row")
    rows = list(rows)
    pages = [rows[:first]]
    pages += [rows[start : start + rest] for start in range(first, len(rows), rest)]
    return pages
