from decimal import Decimal

from odoo.tests import tagged

from ..tools import skm_tally
from .skm_common import SkmCase


@tagged("post_install", "-at_install")
class TestSkmTally(SkmCase):
    """The tally the IKM dashboard reads is the answers' sums after any change, by any path."""

    def _tally(self):
        self.env.flush_all()
        self.env.cr.execute(skm_tally.totals_sql())
        return {
            (period, unit, element): (answers, Decimal(score), respondents)
            for period, unit, element, answers, score, respondents in self.env.cr.fetchall()
        }

    def _recomputed(self):
        """The tally rebuilt from the answers, in a savepoint rolled back afterwards."""
        with self.env.cr.savepoint(flush=True) as savepoint:
            self.env.cr.execute(skm_tally.rebuild_sql())
            totals = self._tally()
            savepoint.rollback()
        return totals

    def assertTallyIsTheAnswers(self, message=""):
        tally = self._tally()
        self.assertEqual(tally, self._recomputed(), message)
        return tally

    def _unit_key(self, element, unit=None, period=None):
        return ((period or self.period).id, (unit or self.unit).id, element)

    def test_every_change_of_the_answers_moves_the_tally(self):
        first = self._respond([4, 3, 2, 1, 4, 3, 2, 1, 4])
        second = self._respond([1] * 9, unit=self.other_unit)
        tally = self.assertTallyIsTheAnswers("submitted answers")
        self.assertEqual(tally[self._unit_key("U1")], (1, Decimal(4), 0))
        self.assertEqual(tally[self._unit_key(None)], (0, Decimal(0), 1))
        self.assertEqual(tally[self._unit_key("U4", unit=self.other_unit)], (1, Decimal(1), 0))

        unfinished = self._respond([2] * 9, done=False)
        self.assertEqual(self.assertTallyIsTheAnswers("an unfinished answer")[self._unit_key(None)][2], 1)
        unfinished._mark_done()
        self.assertEqual(self.assertTallyIsTheAnswers("finished later")[self._unit_key(None)][2], 2)

        # a correction of one score, a skipped line
        line = first.user_input_line_ids.filtered(lambda line: line.question_id.skm_element == "U1")
        line.answer_score = 2
        self.assertEqual(self.assertTallyIsTheAnswers("a corrected score")[self._unit_key("U1")], (2, Decimal(4), 0))
        line.write({"skipped": True, "answer_type": False, "suggested_answer_id": False})
        self.assertEqual(self.assertTallyIsTheAnswers("a skipped line")[self._unit_key("U1")], (1, Decimal(2), 0))

        # the answer becomes a test entry, then moves to the other unit
        first.test_entry = True
        self.assertTallyIsTheAnswers("a test entry")
        first.test_entry = False
        first.skm_unit_id = self.other_unit
        tally = self.assertTallyIsTheAnswers("moved to another unit")
        self.assertEqual(tally[self._unit_key(None, unit=self.other_unit)][2], 2)

        # deletions: a line, an answer
        second.user_input_line_ids[:1].unlink()
        self.assertTallyIsTheAnswers("a deleted line")
        second.unlink()
        self.assertTallyIsTheAnswers("a deleted answer")

        # a question no longer scored, scored again; the questionnaire no longer SKM
        question = self.element_questions["U5"]
        question.skm_element = False
        self.assertNotIn(self._unit_key("U5"), self.assertTallyIsTheAnswers("U5 not scored"))
        question.skm_element = "U5"
        self.assertIn(self._unit_key("U5"), self.assertTallyIsTheAnswers("U5 scored again"))
        self.survey.is_skm = False
        self.assertNotIn(self._unit_key(None), self.assertTallyIsTheAnswers("not an SKM questionnaire"))
        self.survey.is_skm = True
        self.assertTallyIsTheAnswers("an SKM questionnaire again")

    def test_raw_sql_and_deleted_questions_are_counted(self):
        answer = self._respond([3] * 9)
        # lines written by SQL (an import, a script) count as well
        question = self.element_questions["U9"]
        self.env.cr.execute(
            """INSERT INTO survey_user_input_line (user_input_id, survey_id, question_id, answer_type, skipped,
                                                   answer_score, create_date, write_date)
               VALUES (%s, %s, %s, 'suggestion', false, 4, now(), now())""",
            (answer.id, self.survey.id, question.id),
        )
        self.env.invalidate_all()
        self.assertEqual(self.assertTallyIsTheAnswers("a line by SQL")[self._unit_key("U9")], (2, Decimal(7), 0))
        question.unlink()
        self.assertNotIn(self._unit_key("U9"), self.assertTallyIsTheAnswers("a deleted question"))

    def test_folding_the_ledger_keeps_the_figures(self):
        for scores in ([4] * 9, [3] * 9, [2] * 9):
            self._respond(scores)
        answer = self._respond([1] * 9)
        answer.unlink()
        before = self.assertTallyIsTheAnswers()
        Result = self.env["sop.skm.result"]
        Result._skm_tally_compact()
        self.env.cr.execute(f"SELECT count(*) FROM {skm_tally.TABLE} WHERE period_id = %s", self.period.ids)
        self.assertEqual(self.env.cr.fetchone()[0], 10, "one row per element and one of respondents")
        self.assertEqual(self.assertTallyIsTheAnswers("folded"), before)
        Result._skm_tally_rebuild()
        self.assertEqual(self._tally(), before)

    def test_pivot_cells_are_the_ikm_of_their_respondents_in_one_pass(self):
        """Every cell of the unit x period pivot is the engine's IKM; the figures of all the cells
        take the same queries as those of one cell."""
        later = self.env["sop.skm.period"].create(
            {
                "name": "SKM Uji 2",
                "year": self.period.year,
                "period_type": "year",
                "date_start": self.period.date_end,
                "date_end": self.period.date_end,
                "survey_id": self.survey.id,
            }
        )
        for unit, period, scores in (
            (self.unit, self.period, [4] * 9),
            (self.unit, self.period, [1, 2, 3, 4, 4, 3, 2, 1, 2]),
            (self.other_unit, self.period, [3] * 9),
            (self.unit, later, [2] * 9),
            (self.other_unit, later, [4, 4, 4, 4, 4, 4, 4, 4, 1]),
        ):
            self._respond(scores, unit=unit, period=period)
        Result = self.env["sop.skm.result"]
        domain = [("period_id", "in", (self.period | later).ids)]
        measures = ["element_index:avg", "respondents:max", "nrr:avg", "below_sample:bool_or"]
        engine = {
            (row["unit"], row["period"]): row
            for row in self.env["sop.skm.ikm"]._skm_compute(("unit", "period"), period_ids=(self.period | later).ids)
        }
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        cells = Result.read_group(domain, measures, ["unit_id", "period_id"], lazy=False)
        cell_queries = self.env.cr.sql_log_count - queries
        self.assertEqual(len(cells), 4)
        for cell in cells:
            row = engine[(cell["unit_id"][0], cell["period_id"][0])]
            self.assertAlmostEqual(cell["element_index"], float(row["ikm"]), places=2)
            self.assertEqual(cell["respondents"], row["respondents"])
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        one = Result.read_group(
            [*domain, ("unit_id", "=", self.unit.id), ("period_id", "=", later.id)],
            measures,
            ["unit_id", "period_id"],
            lazy=False,
        )
        self.assertEqual(len(one), 1)
        self.assertEqual(self.env.cr.sql_log_count - queries, cell_queries, "as many queries for 4 cells as for 1")

    def test_groups_sorted_and_paged_by_the_figures_they_show(self):
        """A grouped list sorted by its IKM column: the groups follow the IKM shown (over all their
        respondents), not the plain average of their rows, also page by page."""
        later = self.env["sop.skm.period"].create(
            {
                "name": "SKM Uji 3",
                "year": self.period.year,
                "period_type": "year",
                "date_start": self.period.date_end,
                "date_end": self.period.date_end,
                "survey_id": self.survey.id,
            }
        )
        # the unit: one respondent all 4 then three all 1 (IKM 43.75; its rows average 62.5)
        self._respond([4] * 9, unit=self.unit, period=self.period)
        for _index in range(3):
            self._respond([1] * 9, unit=self.unit, period=later)
        # the other unit: all 2 (IKM 50)
        self._respond([2] * 9, unit=self.other_unit, period=self.period)
        Result = self.env["sop.skm.result"]
        domain = [("period_id", "in", (self.period | later).ids)]
        groups = Result.read_group(domain, ["element_index:avg"], ["unit_id"], orderby="element_index desc", lazy=False)
        self.assertEqual([group["element_index"] for group in groups], [50.0, 43.75])
        self.assertEqual(groups[0]["unit_id"][0], self.other_unit.id)
        page = Result.read_group(
            domain, ["element_index:avg"], ["unit_id"], orderby="element_index desc", limit=1, offset=1, lazy=False
        )
        self.assertEqual([group["unit_id"][0] for group in page], [self.unit.id])
        ascending = Result._read_group(domain, ["unit_id"], ["element_index:avg"], order="element_index:avg asc")
        self.assertEqual([unit for unit, _ikm in ascending], [self.unit, self.other_unit])

    def _version(self, answer):
        self.env.flush_all()
        self.env.cr.execute("SELECT ctid FROM survey_user_input WHERE id = %s", answer.ids)
        return self.env.cr.fetchone()[0]

    def test_a_change_of_counted_lines_conflicts_with_a_change_of_their_answer(self):
        """A corrected or deleted line of a counted answer, by any path (SQL here: the ORM also rewrites the
        answer's own score), gives the answer a new row version: a concurrent move of the answer (unit,
        period, state) then fails and is replayed instead of moving the sums it saw before the correction
        (under repeatable read a share lock does not stop it once released)."""
        answer = self._respond([4] * 9)
        line = answer.user_input_line_ids.filtered(lambda line: line.question_id.skm_element == "U1")
        before = self._version(answer)
        self.env.cr.execute("UPDATE survey_user_input_line SET answer_score = 1 WHERE id = %s", line.ids)
        self.assertNotEqual(self._version(answer), before, "a corrected score")
        before = self._version(answer)
        self.env.cr.execute("DELETE FROM survey_user_input_line WHERE id = %s", line.ids)
        self.assertNotEqual(self._version(answer), before, "a deleted line")
        # the lines of an answer not counted yet (the public form filling it) leave it as it is
        unfinished = self._respond([3] * 9, done=False)
        before = self._version(unfinished)
        self.env.cr.execute(
            "UPDATE survey_user_input_line SET answer_score = 2 WHERE id = %s", unfinished.user_input_line_ids[:1].ids
        )
        self.assertEqual(self._version(unfinished), before)
        self.env.invalidate_all()
        self.assertTallyIsTheAnswers()
