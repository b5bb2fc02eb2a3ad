#!/usr/bin/env python3
"""Benchmark of the SOP document out and in (issue 3).

Prints, each the median of ``--runs`` runs:

1. the time to render the official PDF of the SKJ SOP (target: under 3 s), with the
   time to render the same report as HTML (the QWeb part alone) as the baseline of
   the same run, and the ratio;
2. the time to render the PDF of a generated 40-step SOP (2 sections, 5 actors,
   4 decisions), same baseline;
3. the XLSX round trip (export, then import as a new draft) of the 14 seeded SOPs
   of the Bagian Organisasi, with the export alone as the baseline.

The PDFs are made by wkhtmltopdf as in production: an Odoo HTTP server is started
in the process (``--http-port``) so that wkhtmltopdf can fetch the report assets.
Everything runs in one transaction that is rolled back: the database is left
unchanged. Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_sop_documents.py [--db NAME] [--runs 3]
The database is created (sop_organisasi installed) when it does not exist.
"""

import argparse
import sys

from benchlib import ensure_database
from benchlib import load_registry
from benchlib import median_time

REPORT = "sop_organisasi.report_sop_document"


def make_big_sop(env, steps=40):
    """A draft SOP with ``steps`` steps in two sections, five actors and 4 decisions."""
    from odoo import Command  # noqa: PLC0415

    ref = env.ref
    roles = [
        ref("sop_organisasi.role_analis_jabatan"),
        ref("sop_organisasi.role_kasubbag_kelembagaan"),
        ref("sop_organisasi.role_kabag_organisasi"),
        ref("sop_organisasi.role_tim"),
        ref("sop_organisasi.role_opd"),
    ]
    sop = env["sop.procedure"].create(
        {
            "name": "SOP UJI KINERJA 40 LANGKAH",
            "unit_id": ref("sop_organisasi.dept_bagian_organisasi").id,
            "approver_title": "SEKRETARIS DAERAH KOTA MOJOKERTO",
            "approver_name": "Pejabat Uji",
            "role_ids": [Command.set([r.id for r in roles])],
            "section_ids": [
                Command.create({"code": "A", "name": "PERSIAPAN", "sequence": 10}),
                Command.create({"code": "B", "name": "PELAKSANAAN", "sequence": 20}),
            ],
        }
    )
    sections = sop.section_ids.sorted("sequence")
    Step = env["sop.step"].with_context(sop_copying_revision=True)
    created = []
    per_section = steps // 2
    for index in range(steps):
        section = sections[0] if index < per_section else sections[1]
        kind = "start" if index == 0 else "end" if index == steps - 1 else "process"
        if index % 10 == 7:
            kind = "decision"
        text = f"Langkah {index + 1}: " + "menyiapkan, memeriksa dan menyampaikan berkas " * (1 + index % 3)
        created.append(
            Step.create(
                {
                    "section_id": section.id,
                    "sequence": 10 * (index + 1),
                    "kind": kind,
                    "role_id": roles[(index * 3) % len(roles)].id,
                    "name": text.strip(),
                    "requirement": "Berkas lengkap",
                    "duration_qty": 1 + index % 4,
                    "duration_unit": "hour",
                    "output": "Berkas",
                }
            )
        )
    for index, step in enumerate(created):
        if step.kind == "decision":
            step.return_step_id = created[index - 2]
    return sop


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sop_bench_documents")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--port", type=int, default=18169, help="HTTP port of the in-process server")
    args = parser.parse_args()
    ensure_database(args.db, modules=("sop_organisasi",))
    odoo, registry = load_registry(args.db, "--http-port", str(args.port), "--log-level=error", http=True)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        report = env["ir.actions.report"].with_context(force_report_rendering=True)
        skj = env.ref("sop_organisasi.sop_skj")
        big = make_big_sop(env)
        report._render_qweb_pdf(REPORT, skj.ids)  # warm-up: assets, templates
        rows = []
        for label, sop in (("SKJ SOP (26 steps)", skj), ("generated SOP (40 steps)", big)):
            html_time, _html = median_time(lambda sop=sop: report._render_qweb_html(REPORT, sop.ids), args.runs)
            pdf_time, pdf = median_time(lambda sop=sop: report._render_qweb_pdf(REPORT, sop.ids)[0], args.runs)
            pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
            rows.append((f"PDF {label}, {pages} pages", pdf_time, "HTML of the same report", html_time))
        unit = env.ref("sop_organisasi.dept_bagian_organisasi")
        seeded = env["sop.procedure"].search([("unit_id", "=", unit.id), ("id", "!=", big.id)])
        export_time, _files = median_time(lambda: [sop._export_xlsx() for sop in seeded], args.runs)

        def round_trip():
            return [env["sop.procedure"]._import_xlsx(sop._export_xlsx()) for sop in seeded]

        trip_time, _new = median_time(round_trip, args.runs)
        rows.append((f"XLSX round trip, {len(seeded)} SOPs", trip_time, "XLSX export alone", export_time))
        cr.rollback()
    print(f"{'measure':<40} {'time':>8}   {'baseline':<26} {'time':>8} {'ratio':>6}")
    for label, value, base_label, base in rows:
        print(f"{label:<40} {value:>7.2f}s   {base_label:<26} {base:>7.2f}s {value / base:>6.1f}")
    skj_time = rows[0][1]
    verdict = "OK" if skj_time < 3 else "TOO SLOW"
    print(f"target: SKJ PDF under 3 s -> {skj_time:.2f} s {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
