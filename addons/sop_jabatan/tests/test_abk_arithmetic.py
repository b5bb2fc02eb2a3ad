from decimal import Decimal

from odoo.tests.common import BaseCase

from ..tools import abk

# the default tables of data/sop_jabatan_settings_data.xml
JKE = [(2004, 72000), (2020, 75000)]
BANDS = [
    {"code": "A", "lower": "1.00", "lower_inclusive": False, "upper": None, "upper_inclusive": False},
    {"code": "B", "lower": "0.90", "lower_inclusive": True, "upper": "1.00", "upper_inclusive": True},
    {"code": "C", "lower": "0.70", "lower_inclusive": True, "upper": "0.90", "upper_inclusive": False},
    {"code": "D", "lower": "0.50", "lower_inclusive": True, "upper": "0.70", "upper_inclusive": False},
    {"code": "E", "lower": None, "lower_inclusive": False, "upper": "0.50", "upper_inclusive": False},
]
# the worked example of the reference (a teacher post): 44,760 minutes a year
TEACHER = [(2, 480), (864, 45), (8, 120), (288, 5), (8, 90), (2, 180), (12, 120)]


class TestAbkArithmetic(BaseCase):
    def test_unit_normalisation(self):
        self.assertEqual(abk.to_minutes(45, "minutes"), Decimal(45))
        self.assertEqual(abk.to_minutes(1.5, "hours"), Decimal(90))
        self.assertEqual(abk.to_minutes(0.1, "hours"), Decimal("6.0"))
        self.assertEqual(abk.to_minutes(0, "hours"), 0)
        with self.assertRaises(ValueError):
            abk.to_minutes(1, "days")
        with self.assertRaises(ValueError):
            abk.to_minutes(-1, "minutes")

    def test_workload(self):
        self.assertEqual(abk.workload(864, 45), Decimal(38880))
        self.assertEqual(abk.workload(3, abk.to_minutes(0.75, "hours")), Decimal(135))
        total = sum(abk.workload(v, t) for v, t in TEACHER)
        self.assertEqual(total, Decimal(44760))
        with self.assertRaises(ValueError):
            abk.workload(-1, 5)

    def test_jke_by_year(self):
        self.assertIsNone(abk.jke_for_year(JKE, 2003))
        self.assertEqual(abk.jke_for_year(JKE, 2004), 72000)
        self.assertEqual(abk.jke_for_year(JKE, 2019), 72000)
        self.assertEqual(abk.jke_for_year(JKE, 2020), 75000)
        self.assertEqual(abk.jke_for_year(JKE, 2026), 75000)
        # the order of the table does not matter
        self.assertEqual(abk.jke_for_year(list(reversed(JKE)), 2021), 75000)
        self.assertIsNone(abk.jke_for_year([], 2026))

    def test_staff_need_worked_example(self):
        raw, rounded = abk.staff_need([abk.workload(v, t) for v, t in TEACHER], 75000)
        self.assertEqual(raw, Decimal("0.5968"))
        self.assertEqual(rounded, 1)
        # the older basis gives another figure for the same work: the year decides, not the app
        raw, _rounded = abk.staff_need([44760], 72000)
        self.assertEqual(raw, Decimal("0.6217"))

    def test_rounding_once_per_post(self):
        """Ten tasks of 0.3 staff each: 3 staff once per post; per task then summed would give 10."""
        tasks = [22500] * 10  # 22,500 / 75,000 = 0.3 each
        raw, rounded = abk.staff_need(tasks, 75000)
        self.assertEqual(raw, Decimal("3.0000"))
        self.assertEqual(rounded, 3)
        per_task = sum(abk.staff_need([task], 75000, "up")[1] for task in tasks)
        self.assertEqual(per_task, 10, "the public apps' mistake, for comparison")
        self.assertEqual(abk.staff_need(tasks, 75000, "up")[1], 3)

    def test_rounding_methods(self):
        self.assertEqual(abk.staff_need([37500], 75000), (Decimal("0.5000"), 1))  # half up
        self.assertEqual(abk.staff_need([37499], 75000)[1], 0)
        self.assertEqual(abk.staff_need([37499], 75000, "up")[1], 1)
        self.assertEqual(abk.staff_need([149999], 75000, "down")[1], 1)
        self.assertEqual(abk.staff_need([], 75000), (Decimal("0.0000"), 0))
        # rounded from the exact quotient, not from the four-decimal figure
        raw, rounded = abk.staff_need([Decimal("37499.7")], 75000)
        self.assertEqual(raw, Decimal("0.5000"))
        self.assertEqual(rounded, 0)
        with self.assertRaises(ValueError):
            abk.staff_need([1], 75000, "per_task")
        with self.assertRaises(ValueError):
            abk.staff_need([1], 0)

    def test_efficiency_is_not_staff_need(self):
        total = Decimal(44760)
        ej = abk.efficiency(total, 5, 75000)
        self.assertEqual(ej.quantize(Decimal("0.0001")), Decimal("0.1194"))
        self.assertEqual(abk.band_for(ej, BANDS), "E")
        raw, rounded = abk.staff_need([total], 75000)
        self.assertNotEqual(ej, raw)
        self.assertEqual(rounded - 5, -4, "surplus of 4")
        # with one in post EJ is the raw need, with two it halves while the need stays
        self.assertEqual(abk.efficiency(total, 1, 75000), Decimal(44760) / Decimal(75000))
        self.assertEqual(abk.efficiency(total, 2, 75000) * 2, abk.efficiency(total, 1, 75000))

    def test_no_staff_in_post(self):
        self.assertIsNone(abk.efficiency(Decimal(44760), 0, 75000))
        self.assertIsNone(abk.efficiency(Decimal(44760), None, 75000))
        self.assertIsNone(abk.efficiency(Decimal(44760), 3, None))
        self.assertIsNone(abk.band_for(None, BANDS))
        # the need is still defined
        self.assertEqual(abk.staff_need([44760], 75000)[1], 1)

    def test_band_edges(self):
        cases = {
            "0.4999": "E",
            "0.50": "D",
            "0.6999": "D",
            "0.69": "D",
            "0.70": "C",
            "0.89": "C",
            "0.895": "C",
            "0.8999": "C",
            "0.90": "B",
            "1.00": "B",
            "1.0001": "A",
            "2.5": "A",
            "0": "E",
        }
        for value, code in cases.items():
            with self.subTest(value=value):
                self.assertEqual(abk.band_for(Decimal(value), BANDS), code)
        self.assertIsNone(abk.band_for(Decimal("0.5"), BANDS[:3]), "no band holds it")
