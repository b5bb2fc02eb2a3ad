#!/usr/bin/env python3
"""Benchmark of the SINOVIK jury workflow (issue 6).

In one transaction that is rolled back at the end (the database is left unchanged):
1. creates a competition with the default KIPP configuration (9 sections, 3
   attachment types, desk evaluation with 5 weighted criteria) and N complete
   proposals of 10 OPDs, submits them (completeness and word-limit checks) and
   passes the administrative selection;
2. assigns J jurors to every proposal (conflict-of-interest constraint, one score
   line per criterion) and enters and submits all the scores through the ORM;
3. closes the desk stage: weighted score per proposal, ranking with the tie-break,
   results stored, top N advanced;
4. builds the XLSX recap.
Prints the time of each phase.

Run with the project's virtualenv from the repository root:
    /opt/sop-odoo/venv/bin/python tests/bench/bench_sinovik.py [--db NAME] [--proposals N] [--jurors J]
"""

import argparse
import base64
import sys

from benchlib import ensure_database
from benchlib import run_rolled_back
from benchlib import timed

OPDS = 10
TEXT = "Petugas mendatangi warga untuk merekam data dan mengantar dokumen kependudukan ke rumah. " * 2


def run(env, n_proposals, n_jurors):
    from odoo import Command  # noqa: PLC0415

    env = env(context=dict(env.context, tracking_disable=True, mail_create_nolog=True, mail_notrack=True))
    opds = env["hr.department"].create([{"name": f"Dinas Bench {i + 1:02d}", "is_opd": True} for i in range(OPDS)])
    jurors = env["res.users"].create(
        [{"name": f"Juri Bench {i + 1}", "login": f"juri_bench_{i + 1}"} for i in range(n_jurors)]
    )
    competition = env["sop.sinovik.competition"].create(
        {"name": "Bench", "year": 2026, "quota_per_opd": 0, "category_ids": [Command.create({"name": "Umum"})]}
    )
    competition.action_open_registration()
    sdg = env.ref("sop_survey.sinovik_sdg_16")
    stub = base64.b64encode(b"%PDF-1.4\n")

    def create_proposals():
        proposals = env["sop.sinovik.proposal"].create(
            [
                {"competition_id": competition.id, "opd_id": opds[i % OPDS].id, "name": f"Inovasi {i + 1}"}
                for i in range(n_proposals)
            ]
        )
        for proposal in proposals:
            proposal.write(
                {
                    "start_date": "2024-01-01",
                    "group_id": competition.group_ids[:1].id,
                    "category_id": competition.category_ids.id,
                    "sdg_ids": [Command.set(sdg.ids)],
                    "video_url": "https://youtu.be/bench",
                    "answer_ids": [Command.update(a.id, {"text": TEXT}) for a in proposal.answer_ids],
                    "document_ids": [
                        Command.update(d.id, {"datas": stub, "filename": "x.pdf"}) for d in proposal.document_ids
                    ],
                }
            )
        env.flush_all()
        return proposals

    proposals = timed(f"create and fill {n_proposals} proposals", create_proposals, n_proposals)
    timed(
        f"submit {n_proposals} proposals (all checks)",
        lambda: (proposals.action_submit(), env.flush_all()),
        n_proposals,
    )
    competition.action_start_evaluation()
    proposals.action_accept()
    desk = competition.stage_ids.filtered(lambda s: s.kind == "desk")
    desk.top_n = max(1, n_proposals // 10)
    n_assign = n_proposals * n_jurors

    def assign():
        result = env["sop.sinovik.assignment"].create(
            [{"stage_id": desk.id, "proposal_id": p.id, "juror_id": j.id} for p in proposals for j in jurors]
        )
        env.flush_all()
        return result

    assignments = timed(f"assign {n_assign} juror assignments (+ score lines)", assign, n_assign)

    def score():
        for k, assignment in enumerate(assignments):
            for m, line in enumerate(assignment.score_ids):
                line.score = (k * 7 + m * 13) % 101
            assignment.action_done()
        env.flush_all()

    timed(f"enter {len(assignments.score_ids)} scores and submit", score, len(assignments.score_ids))
    timed(
        f"close the stage: rank {n_proposals}, advance top {desk.top_n}", lambda: (desk.action_close(), env.flush_all())
    )
    data = timed("XLSX recap", competition._recap_xlsx)
    print(f"recap size: {len(data) / 1024:.0f} KiB; results stored: {len(desk.result_ids)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", default="sop_bench_sinovik")
    parser.add_argument("--proposals", type=int, default=300)
    parser.add_argument("--jurors", type=int, default=3)
    args = parser.parse_args()
    ensure_database(args.db)
    run_rolled_back(args.db, run, args.proposals, args.jurors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
