#!/usr/bin/env python3
"""Benchmark of the SOP XLSX import at and past its limits (issue 10).

Prints, each the median of ``--runs`` runs:

1. the import of an SOP of ``MAX_STEPS`` steps (the largest accepted), with its
   export as the baseline;
2. the reading alone of a ``MAX_ROWS``-row procedure sheet (the largest accepted);
3. the refusal of hostile workbooks: one cell at XFD8000, at XFD1048576, the same
   behind a wrong ``<dimension>``, a zip bomb (20 MB of zeros in 20 KB), each with
   the peak of Python memory it took (tracemalloc).

Everything runs in one transaction that is rolled back. Run from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_sop_xlsx_limits.py [--db NAME] [--runs 3]
"""

import argparse
import io
import re
import sys
import tracemalloc
import zipfile

from benchlib import ensure_database
from benchlib import load_registry
from benchlib import median_time


def rewrite_zip(content, replace=None, add=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if replace and info.filename in replace:
                data = replace[info.filename](data)
            target.writestr(info, data)
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return buffer.getvalue()


def with_cell(content, coordinate, forge_dimension=False):
    import openpyxl  # noqa: PLC0415

    book = openpyxl.load_workbook(io.BytesIO(content))
    book["Prosedur"][coordinate] = "x"
    buffer = io.BytesIO()
    book.save(buffer)
    content = buffer.getvalue()
    if forge_dimension:
        part = "xl/worksheets/sheet2.xml"
        content = rewrite_zip(content, {part: lambda data: re.sub(rb"<dimension [^>]*/>", b"", data)})
    return content


def refusal(env, content):
    """Time and peak memory (MB) of the import of ``content``, which must be refused."""
    from odoo.exceptions import UserError  # noqa: PLC0415

    def attempt():
        try:
            env["sop.procedure"]._import_xlsx(content)
        except UserError as exc:
            return str(exc).splitlines()[0]
        raise AssertionError("the workbook was accepted")

    tracemalloc.start()
    try:
        message = attempt()
        peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
    finally:
        tracemalloc.stop()
    return peak, message


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="sop_bench")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    ensure_database(args.db)
    odoo, registry = load_registry(args.db, "--log-level=error")
    from odoo.addons.sop_organisasi.tools import sop_xlsx  # noqa: PLC0415

    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        skj = env.ref("sop_organisasi.sop_skj")
        data = skj._get_xlsx_data()
        step = data["sections"][0]["steps"][1]
        per_section = sop_xlsx.MAX_STEPS // 5
        data["sections"] = [
            {
                "code": code,
                "name": f"BAGIAN {code}",
                "steps": [dict(step, number=n) for n in range(1, per_section + 1)],
            }
            for code in "ABCDE"
        ]
        largest = sop_xlsx.write_workbook(data)
        export_time, _content = median_time(lambda: sop_xlsx.write_workbook(data), args.runs)
        import_time, _sop = median_time(lambda: env["sop.procedure"]._import_xlsx(largest), args.runs)
        # a MAX_ROWS-row sheet: the steps, then section rows down to the last row allowed
        rows_left = sop_xlsx.MAX_ROWS - (sop_xlsx.FIRST_DATA_ROW - 1) - 5 - sop_xlsx.MAX_STEPS
        data["sections"] += [{"code": f"Z{i}", "name": "CATATAN", "steps": []} for i in range(rows_left)]
        tallest = sop_xlsx.write_workbook(data)
        read_time, _data = median_time(lambda: sop_xlsx.read_workbook(tallest), args.runs)
        print(f"{'measure':<52} {'time':>8}   {'baseline':<22} {'time':>8}")
        print(
            f"{f'import of a {sop_xlsx.MAX_STEPS}-step SOP':<52} {import_time:>7.3f}s   {'its export':<22} {export_time:>7.3f}s"
        )
        print(f"{f'reading a {sop_xlsx.MAX_ROWS}-row procedure sheet':<52} {read_time:>7.3f}s")
        print(f"\n{'hostile workbook (refused)':<44} {'size':>8} {'time':>8} {'peak MB':>8}  message")
        bomb = rewrite_zip(skj._export_xlsx(), add={"xl/media/bomb.bin": b"\0" * (sop_xlsx.MAX_UNPACKED_BYTES + 1)})
        base = skj._export_xlsx()
        for label, content in (
            ("one cell at XFD8000", with_cell(base, "XFD8000")),
            ("one cell at XFD1048576", with_cell(base, "XFD1048576")),
            ("XFD8000, no <dimension>", with_cell(base, "XFD8000", forge_dimension=True)),
            ("XFD1048576, no <dimension>", with_cell(base, "XFD1048576", forge_dimension=True)),
            ("zip bomb (20 MB of zeros)", bomb),
        ):
            seconds, (peak, message) = median_time(lambda content=content: refusal(env, content), args.runs)
            print(f"{label:<44} {len(content) / 1024:>6.0f}KB {seconds:>7.3f}s {peak:>8.1f}  {message[:60]}")
        cr.rollback()
    return 0


if __name__ == "__main__":
    sys.exit(main())
