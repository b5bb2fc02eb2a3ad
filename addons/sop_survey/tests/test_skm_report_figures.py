import io
from datetime import datetime
from decimal import Decimal

import openpyxl
from lxml import etree

from odoo.tests import tagged

from .skm_common import SkmCase


def _skipping(*elements, score=4):
    """Nine scores with the given elements (1-9) left blank."""
    return [None if i in elements else score for i in range(1, 10)]


@tagged("post_install", "-at_install")
class TestSkmReportFigures(SkmCase):
    """Respondents, totals and sample checks of the SKM report, the XLSX and the dashboard."""

    def _recap(self, population):
        sheet = openpyxl.load_workbook(io.BytesIO(population._skm_xlsx()))["Rekap"]
        return {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row and row[0] is not None}

    def _html(self, population):
        return self.env["ir.actions.report"]._render_qweb_html("sop_survey.report_skm_unit", population.ids)[0]

    def _respond_with_blanks(self):
        """Four respondents; every element left blank by one of them; one gives no gender."""
        self._respond(_skipping(1, 2, 3), gender="Laki-laki", age=65)
        self._respond(_skipping(4, 5), gender="Perempuan", age=15)
        self._respond(_skipping(6, 7), gender="Laki-laki", age=55)
        self._respond(_skipping(8, 9, score=3), age=25)

    def test_respondents_are_the_submitted_answers(self):
        self._respond_with_blanks()
        row = self.env["sop.skm.ikm"]._skm_compute(("unit",), period_ids=self.period.ids)[0]
        self.assertEqual(max(row["counts"].values()), 3, "every element has a blank")
        self.assertEqual(row["respondents"], 4)
        self.population.invalidate_recordset()
        self.assertEqual(self.population.response_count, 4)
        # a respondent who left every element blank still took part
        self._respond([None] * 9, gender="Perempuan", age=40)
        data = self.population._skm_report_data()
        self.assertEqual(data["respondents"], 5)
        # every table of the report adds up to the respondents
        for profile in data["profiles"]:
            self.assertEqual(profile["total"], 5, profile["title"])
            self.assertEqual(sum(r["count"] for r in profile["rows"]), 5, profile["title"])
        gender = {r["label"]: r["count"] for r in data["profiles"][0]["rows"]}
        self.assertEqual(gender, {"Laki-laki": 2, "Perempuan": 2, "Not answered": 1})
        for element in data["elements"]:
            self.assertEqual(element["count"] + element["blank"], 5, element["code"])
        html = self._html(self.population)
        self.assertIn(b'o_skm_respondents">5<', html)
        self.assertIn(b"Not answered", html)
        recap = self._recap(self.population)
        self.assertEqual(recap["Responden"][0], 5)
        self.assertEqual(recap["Jenis Kelamin"][0], "Jumlah")

    def test_age_bands_in_age_order(self):
        self._respond_with_blanks()
        rows = self.env["sop.skm.ikm"]._skm_compute(("age_band",), period_ids=self.period.ids)
        self.assertEqual([r["profile_label"] for r in rows], ["< 20", "20-29", "50-59", ">= 60"])
        ages = next(p for p in self.population._skm_report_data()["profiles"] if p["title"] == "Umur")
        self.assertEqual([r["label"] for r in ages["rows"]], ["< 20", "20-29", "50-59", ">= 60"])

    def test_dashboard_total_is_the_ikm_of_all_respondents(self):
        """One respondent at 4 in a unit, three at 1 in another: the city IKM weighs the four answers
        (NRR 1.75 -> 43.75), not the two units (100 and 25 -> 62.50)."""
        self._respond([4] * 9)
        for _i in range(3):
            self._respond([1] * 9, unit=self.other_unit)
        Result = self.env["sop.skm.result"]
        domain = [("period_id", "=", self.period.id)]
        total = Result.read_group(domain, ["element_index:avg", "respondents:max"], [])[0]
        city = self.env["sop.skm.ikm"]._skm_compute((), period_ids=self.period.ids)[0]
        self.assertEqual(city["ikm"], Decimal("43.75"))
        self.assertAlmostEqual(total["element_index"], 43.75)
        self.assertEqual(total["respondents"], 4)
        by_unit = {
            g["unit_id"][0]: (g["element_index"], g["respondents"])
            for g in Result.read_group(domain, ["element_index:avg", "respondents:max"], ["unit_id"])
        }
        self.assertEqual(by_unit, {self.unit.id: (100.0, 1), self.other_unit.id: (25.0, 3)})
        self.assertEqual(Result._fields["element_index"].string, "IKM (all respondents)")

    def test_dashboard_pdf_and_xlsx_agree(self):
        self._respond_with_blanks()
        self._respond([2, 3, 3, 2, 3, 4, 1, 2, 3], gender="Perempuan", age=33)
        main = self.population._skm_report_data()["main"]
        group = self.env["sop.skm.result"].read_group(
            [("unit_id", "=", self.unit.id), ("period_id", "=", self.period.id)],
            ["element_index:avg", "respondents:max"],
            ["unit_id"],
        )[0]
        self.assertEqual(group["element_index"], float(main["ikm"]))
        self.assertEqual(group["respondents"], main["respondents"])
        self.assertIn(f"IKM = <strong>{main['ikm']}</strong>".encode(), self._html(self.population))
        recap = self._recap(self.population)
        self.assertEqual(recap["IKM"][0], float(main["ikm"]))
        self.assertEqual(recap["Responden"][0], 5)

    def test_no_responses_show_no_index(self):
        self.population.invalidate_recordset()
        self.assertEqual(self.population.response_count, 0)
        self.assertFalse(self.population.category)
        for view_type in ("list", "form"):
            arch = etree.fromstring(self.env["sop.skm.population"].get_view(view_type=view_type)["arch"])
            ikm = arch.xpath("//field[@name='ikm']")[0]
            self.assertEqual(ikm.get("invisible"), "not response_count", view_type)
        period_form = etree.fromstring(self.env["sop.skm.period"].get_view(view_type="form")["arch"])
        self.assertEqual(
            period_form.xpath("//field[@name='population_ids']//field[@name='ikm']")[0].get("invisible"),
            "not response_count",
        )

    def test_below_the_krejcie_morgan_minimum_is_flagged(self):
        for _i in range(3):
            self._respond([4] * 9)
        self.population.invalidate_recordset()
        self.assertEqual(self.population.sample_min, 80)
        self.assertTrue(self.population.below_sample)
        html = self._html(self.population)
        self.assertIn(b"o_skm_sample_below", html)
        self.assertIn(b"Below the minimum sample: 3 of 80 respondents (77 missing)", html)
        recap = self._recap(self.population)
        self.assertEqual(recap["Sampel minimum"][0], 80)
        self.assertIn("Below the minimum sample", recap["Status sampel"][0])
        Result = self.env["sop.skm.result"]
        rows = Result.search([("unit_id", "=", self.unit.id)])
        self.assertTrue(rows)
        self.assertTrue(all(rows.mapped("below_sample")))
        self.assertEqual(Result.search([("below_sample", "=", True)]), rows)
        # the population shrinks to 3: the sample is reached
        self.population.population = 3
        self.assertFalse(self.population.below_sample)
        self.assertFalse(Result.search([("unit_id", "=", self.unit.id), ("below_sample", "=", True)]))
        self.assertIn(b"Minimum sample reached: 3 of 3 respondents.", self._html(self.population))

    def test_answer_times_in_the_sheet_are_wib(self):
        answer = self._respond([4] * 9)
        answer.end_datetime = datetime(2026, 3, 2, 2, 0)  # 09:00 in Mojokerto
        self.env.user.tz = "Asia/Jakarta"
        _header, rows = self.population._skm_raw_answers()
        self.assertEqual(rows[0][1], datetime(2026, 3, 2, 9, 0))
