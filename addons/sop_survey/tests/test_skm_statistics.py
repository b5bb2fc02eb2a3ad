from decimal import Decimal

from odoo.addons.sop_survey.tools.statistics import ikm_category
from odoo.addons.sop_survey.tools.statistics import ikm_from_nrr
from odoo.addons.sop_survey.tools.statistics import ikm_from_sums
from odoo.addons.sop_survey.tools.statistics import krejcie_morgan
from odoo.tests import TransactionCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSkmStatistics(TransactionCase):
    """Pure IKM and sample-size rules (domain.md 7.1 and 7.2)."""

    def test_ikm_uniform_answers(self):
        for score, ikm, category in ((4, "100.00", "A"), (3, "75.00", "C"), (2, "50.00", "D"), (1, "25.00", "D")):
            value = ikm_from_nrr([score] * 9)
            self.assertEqual(value, Decimal(ikm))
            self.assertEqual(ikm_category(value)[0], category)
        self.assertEqual(ikm_category(Decimal("100.00")), ("A", "Sangat Baik"))
        self.assertEqual(ikm_category(Decimal("75.00")), ("C", "Kurang Baik"))
        self.assertEqual(ikm_category(Decimal("25.00")), ("D", "Tidak Baik"))

    def test_weight_is_exactly_one_ninth(self):
        # T9: the printed 0.11 would give 99.00 for all answers 4
        self.assertEqual(ikm_from_sums({f"U{i}": (400, 100) for i in range(1, 10)}), Decimal("100.00"))
        self.assertEqual(ikm_from_nrr([Decimal(4)] * 9), Decimal("100.00"))

    def test_category_boundaries(self):
        cases = {
            "88.31": "A",
            "88.30": "B",
            "76.61": "B",
            "76.60": "C",
            "65.00": "C",
            "64.99": "D",
            "100.00": "A",
            "25.00": "D",
        }
        for value, expected in cases.items():
            self.assertEqual(ikm_category(Decimal(value))[0], expected, value)
        self.assertEqual(ikm_category(Decimal("76.61"))[1], "Baik")
        self.assertEqual(ikm_category(Decimal("65.00"))[1], "Kurang Baik")

    def test_rounding_half_up_at_the_end(self):
        # T8: mean NRR 3.5322 -> 88.305 -> 88.31 (A); rounding earlier would give B
        value = ikm_from_nrr([Decimal("3.5322")] * 9)
        self.assertEqual(value, Decimal("88.31"))
        self.assertEqual(ikm_category(value), ("A", "Sangat Baik"))

    def test_element_without_answers_is_left_out(self):
        self.assertEqual(ikm_from_nrr([4] * 8 + [None]), Decimal("100.00"))
        self.assertIsNone(ikm_from_nrr([None] * 9))
        self.assertEqual(ikm_category(None), (False, False))

    def test_krejcie_morgan_table(self):
        table = {
            0: 0,
            10: 10,
            20: 19,
            50: 44,
            100: 80,
            150: 108,
            200: 132,
            300: 169,
            500: 217,
            1000: 278,
            1500: 306,
            2000: 322,
            2200: 327,
            5000: 357,
            10000: 370,
            20000: 377,
            50000: 381,
            75000: 382,
            100000: 383,
            1000000: 384,
        }
        for population, sample in table.items():
            self.assertEqual(krejcie_morgan(population), sample, population)
        with self.assertRaises(ValueError):
            krejcie_morgan(-1)
