import datetime

from odoo.addons.sop_survey.tools.sinovik_scoring import count_words
from odoo.addons.sop_survey.tools.sinovik_scoring import juror_score
from odoo.addons.sop_survey.tools.sinovik_scoring import rank_entries
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tests.common import BaseCase

from .sinovik_common import SinovikCase


@tagged("post_install", "-at_install")
class TestSinovikScoringTools(BaseCase):
    def test_count_words(self):
        self.assertEqual(count_words(""), 0)
        self.assertEqual(count_words(None), 0)
        self.assertEqual(count_words("Layanan antar-jemput  dokumen,\n24 jam."), 5)
        self.assertEqual(count_words(" - , ; "), 0)

    def test_juror_score_normalised(self):
        # weights 2 and 3, max 5: Σ(max × weight) = 25; scores 5 and 4 -> 10 + 12 = 22 -> 88
        criteria = {"k": (2, 5), "m": (3, 5)}
        self.assertAlmostEqual(juror_score({"k": 5, "m": 4}, criteria), 88.0)
        self.assertAlmostEqual(juror_score({"k": 5}, criteria), 40.0)
        self.assertEqual(juror_score({}, {}), 0.0)

    def test_tie_break_order(self):
        """score, then key criterion, then earlier submission, then lower id."""
        t1 = datetime.datetime(2026, 3, 1, 9, 0)
        t2 = datetime.datetime(2026, 3, 2, 9, 0)
        entries = [
            {"id": 5, "score": 70.0, "key_score": 60.0, "submit_time": t1},
            {"id": 4, "score": 70.0 + 1e-12, "key_score": 80.0, "submit_time": t2},  # float noise is a tie
            {"id": 3, "score": 70.0, "key_score": 60.0, "submit_time": t2},
            {"id": 2, "score": 70.0, "key_score": 60.0, "submit_time": t2},
            {"id": 1, "score": 90.0, "key_score": 10.0, "submit_time": None},
        ]
        ranked = rank_entries(entries)
        self.assertEqual([e["id"] for e in ranked], [1, 4, 5, 2, 3])
        self.assertEqual([e["rank"] for e in ranked], [1, 2, 3, 4, 5])


@tagged("post_install", "-at_install")
class TestSinovikRanking(SinovikCase):
    """The hand-computed example: three jurors, two stages, a tie in the final stage.

    Desk evaluation: Kebaruan weight 2, Manfaat weight 3, both scored 1..5;
    Σ(max × weight) = 5×2 + 5×3 = 25, juror score = Σ(score × weight) / 25 × 100.

    ===========  ===============  ===============  ===============  ======
    proposal     juror 1 (K, M)   juror 2 (K, M)   juror 3 (K, M)   mean
    ===========  ===============  ===============  ===============  ======
    A (OPD A)    5,4: 22 -> 88    4,4: 20 -> 80    3,5: 21 -> 84    84.00
    B (OPD B)    5,5: 25 -> 100   3,3: 15 -> 60    4,4: 20 -> 80    80.00
    C (OPD C)    2,3: 13 -> 52    3,2: 12 -> 48    2,2: 10 -> 40    46.67
    ===========  ===============  ===============  ===============  ======

    Top N = 2: A (rank 1) and B (rank 2) advance, C is eliminated.

    Presentation: Paparan weight 40, Materi weight 60, both 0..100;
    Σ(max × weight) = 100×40 + 100×60 = 10000.

    ===========  ====================  ====================  ====================  =====  ==============
    proposal     juror 1 (P, M)        juror 2 (P, M)        juror 3 (P, M)        mean   mean Materi
    ===========  ====================  ====================  ====================  =====  ==============
    A            80,70: 7400 -> 74     90,60: 7200 -> 72     70,80: 7600 -> 76     74.00  70.00
    B            60,80: 7200 -> 72     75,75: 7500 -> 75     75,75: 7500 -> 75     74.00  76.67
    ===========  ====================  ====================  ====================  =====  ==============

    A and B tie at 74.00. The tie-break (higher mean in the highest-weight
    criterion, Materi) puts B first, although A was submitted earlier and
    led the desk evaluation.
    """

    def _run_desk(self):
        self.competition.action_open_registration()
        self.prop_a = self._proposal(self.opd_a, "Inovasi A")
        self.prop_b = self._proposal(self.opd_b, "Inovasi B")
        self.prop_c = self._proposal(self.opd_c, "Inovasi C")
        (self.prop_a | self.prop_b | self.prop_c).action_submit()
        self.competition.action_start_evaluation()
        (self.prop_a | self.prop_b | self.prop_c).with_user(self.staff).action_accept()
        desk = self.stage_desk
        for proposal, marks in (
            (self.prop_a, ((5, 4), (4, 4), (3, 5))),
            (self.prop_b, ((5, 5), (3, 3), (4, 4))),
            (self.prop_c, ((2, 3), (3, 2), (2, 2))),
        ):
            for juror, values in zip((self.juror_1, self.juror_2, self.juror_3), marks, strict=True):
                self._score(desk, proposal, juror, values)

    def test_two_stage_ranking_with_tie(self):
        self._run_desk()
        self.prop_a.sudo().submit_date = datetime.datetime(2026, 3, 1, 8, 0)
        self.prop_b.sudo().submit_date = datetime.datetime(2026, 3, 20, 8, 0)
        ranking = {e["id"]: e for e in self.stage_desk._compute_ranking()}
        self.assertAlmostEqual(ranking[self.prop_a.id]["score"], 84.0)
        self.assertAlmostEqual(ranking[self.prop_b.id]["score"], 80.0)
        self.assertAlmostEqual(ranking[self.prop_c.id]["score"], 140 / 3)
        self.stage_desk.with_user(self.staff).action_close()

        self.assertEqual(self.stage_desk.state, "closed")
        self.assertEqual(self.stage_presentation.state, "open")
        results = self.stage_desk.result_ids.sorted("rank")
        self.assertEqual(results.proposal_id, self.prop_a | self.prop_b | self.prop_c)
        self.assertEqual(results.mapped("proposal_id").ids, [self.prop_a.id, self.prop_b.id, self.prop_c.id])
        self.assertEqual([round(r.score, 2) for r in results], [84.0, 80.0, 46.67])
        self.assertEqual(results.mapped("advanced"), [True, True, False])
        self.assertEqual(self.prop_c.state, "eliminated")
        self.assertEqual((self.prop_a | self.prop_b).mapped("current_stage_id"), self.stage_presentation)

        pres = self.stage_presentation
        for proposal, marks in (
            (self.prop_a, ((80, 70), (90, 60), (70, 80))),
            (self.prop_b, ((60, 80), (75, 75), (75, 75))),
        ):
            for juror, values in zip((self.juror_1, self.juror_2, self.juror_3), marks, strict=True):
                self._score(pres, proposal, juror, values)
        assignment = pres.assignment_ids.filtered(lambda a: a.proposal_id == self.prop_a and a.juror_id == self.juror_3)
        self.assertAlmostEqual(assignment.total, 76.0)
        pres.with_user(self.staff).action_close()

        results = pres.result_ids.sorted("rank")
        self.assertEqual(results.mapped("proposal_id").ids, [self.prop_b.id, self.prop_a.id])
        self.assertEqual([round(r.score, 2) for r in results], [74.0, 74.0])
        self.assertEqual([round(r.key_score, 2) for r in results], [76.67, 70.0])
        self.assertEqual((self.prop_b.state, self.prop_b.final_rank), ("final", 1))
        self.assertEqual((self.prop_a.state, self.prop_a.final_rank), ("final", 2))
        self.assertAlmostEqual(self.prop_b.final_score, 74.0)

        self.competition.with_user(self.staff).action_announce()
        self.assertEqual(self.competition.state, "announced")
        self.assertEqual(self.prop_b.award, "Rank 1")
        self.assertFalse(self.prop_c.award)

    def test_close_requires_complete_assignments(self):
        self._run_desk()
        extra = self.env["sop.sinovik.assignment"].create(
            {"stage_id": self.stage_desk.id, "proposal_id": self.prop_c.id, "juror_id": self.staff.id}
        )
        with self.assertRaisesRegex(UserError, "1 incomplete juror assignment"):
            self.stage_desk.with_user(self.staff).action_close()
        self.assertEqual(self.stage_desk.state, "open")
        self.assertFalse(self.stage_desk.result_ids)
        self.assertEqual(self.prop_c.state, "evaluation")
        # the override (SOP Administrator only) ignores the incomplete scoring: same ranking as by hand
        self.stage_desk.with_user(self.administrator).action_close_force()
        self.assertEqual(
            self.stage_desk.result_ids.sorted("rank").proposal_id.ids[:2], [self.prop_a.id, self.prop_b.id]
        )
        self.assertEqual(self.prop_c.state, "eliminated")
        # closed stage: scores and assignments locked
        with self.assertRaisesRegex(UserError, "closed"):
            extra.juror_id = self.juror_1
        with self.assertRaisesRegex(UserError, "is closed: its ranking is final"):
            extra.score_ids[:1].score = 3

    def test_score_range_and_done_lock(self):
        self._run_desk()
        assignment = self.stage_desk.assignment_ids[:1]
        with self.assertRaisesRegex(UserError, "locked"):
            assignment.score_ids[:1].with_user(assignment.juror_id).score = 2
        fresh = self.env["sop.sinovik.assignment"].create(
            {"stage_id": self.stage_desk.id, "proposal_id": self.prop_a.id, "juror_id": self.staff.id}
        )
        self.assertEqual(fresh.score_ids.mapped("score"), [1.0, 1.0])
        with self.assertRaisesRegex(ValidationError, r"between 1 and 5 \(got 6\)"):
            fresh.score_ids[:1].score = 6
