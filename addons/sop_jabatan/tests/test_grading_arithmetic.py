from odoo.tests.common import BaseCase

from ..tools import grading

# the kelas table of data/sop_jabatan_grading_data.xml (Permenpan RB 34/2011)
LIMITS = [190, 241, 301, 371, 451, 651, 851, 1101, 1351, 1601, 1851, 2101, 2351, 2751, 3151, 3601, 4051]
BANDS = [
    {"kelas": kelas, "min_points": low, "max_points": LIMITS[kelas] - 1 if kelas < 17 else None}
    for kelas, low in enumerate(LIMITS, start=1)
]
# points of the structural factors F1, F2, F3, F4a, F4b, F5, F6 and of the nine functional ones
STRUCTURAL = {
    "F1": [175, 350, 550, 775, 900],
    "F2": [100, 250, 350],
    "F3": [450, 775, 900],
    "F4a": [25, 50, 75, 100],
    "F4b": [30, 75, 100, 125],
    "F5": [75, 205, 340, 505, 650, 800, 930, 1030],
    "F6": [310, 575, 975, 1120, 1225, 1325],
}
FUNCTIONAL = {
    "F1": [50, 200, 350, 550, 750, 950, 1250, 1550, 1850],
    "F2": [25, 125, 275, 450, 650],
    "F3": [25, 125, 275, 450, 650],
    "F4": [25, 75, 150, 225, 325, 450],
    "F5": [25, 75, 150, 225, 325, 450],
    "F6": [10, 25, 60, 110],
    "F7": [20, 50, 120, 220],
    "F8": [5, 20, 50],
    "F9": [5, 20, 50],
}


class TestGradingArithmetic(BaseCase):
    def test_kelas_band_edges(self):
        self.assertIsNone(grading.kelas_for(189, BANDS))
        self.assertIsNone(grading.kelas_for(0, BANDS))
        self.assertEqual(grading.kelas_for(190, BANDS), 1)
        self.assertEqual(grading.kelas_for(240, BANDS), 1)
        self.assertEqual(grading.kelas_for(241, BANDS), 2)
        self.assertEqual(grading.kelas_for(1100, BANDS), 7)
        self.assertEqual(grading.kelas_for(1101, BANDS), 8)
        self.assertEqual(grading.kelas_for(4050, BANDS), 16)
        self.assertEqual(grading.kelas_for(4051, BANDS), 17)
        self.assertEqual(grading.kelas_for(99999, BANDS), 17)
        self.assertIsNone(grading.kelas_for(None, BANDS))
        self.assertIsNone(grading.kelas_for(500, []))

    def test_totals(self):
        self.assertEqual(grading.total_points([175, 100, 450, 25, 30, 75, 310]), 1165)
        self.assertIsNone(grading.total_points([175, None, 450]))
        self.assertIsNone(grading.total_points([]))
        with self.assertRaises(ValueError):
            grading.total_points([10, -5])
        with self.assertRaises(ValueError):
            grading.total_points([10, 2.5])

    def test_the_schemes_span_the_table(self):
        """The lowest structural post is kelas 8, the highest 17; a functional post spans 1 to 17."""
        lowest = grading.total_points(levels[0] for levels in STRUCTURAL.values())
        highest = grading.total_points(levels[-1] for levels in STRUCTURAL.values())
        self.assertEqual((lowest, grading.kelas_for(lowest, BANDS)), (1165, 8))
        self.assertEqual((highest, grading.kelas_for(highest, BANDS)), (4730, 17))
        lowest = grading.total_points(levels[0] for levels in FUNCTIONAL.values())
        highest = grading.total_points(levels[-1] for levels in FUNCTIONAL.values())
        self.assertEqual((lowest, grading.kelas_for(lowest, BANDS)), (190, 1))
        self.assertEqual((highest, grading.kelas_for(highest, BANDS)), (4480, 17))

    def test_a_pelaksana_example(self):
        """A typical administrative pelaksana: 1-3, 2-2, 3-2, 4-2, 5-2, 6-2, 7-1, 8-1, 9-1."""
        points = [350, 125, 125, 75, 75, 25, 20, 5, 5]
        self.assertEqual(grading.total_points(points), 805)
        self.assertEqual(grading.kelas_for(805, BANDS), 6)

    def test_the_shipped_table_is_sound(self):
        self.assertEqual(grading.check_bands(BANDS), [])
        self.assertEqual(grading.check_bands(list(reversed(BANDS))), [])

    def test_band_table_problems(self):
        gap = [dict(band) for band in BANDS]
        gap[1]["min_points"] = 245  # 241..244 fall nowhere
        self.assertEqual(grading.check_bands(gap), [(grading.GAP, 1, 2, 241, 244)])
        self.assertIsNone(grading.kelas_for(243, gap))
        overlap = [dict(band) for band in BANDS]
        overlap[0]["max_points"] = 250
        self.assertEqual(grading.check_bands(overlap), [(grading.OVERLAP, 1, 2)])
        opened = [dict(band) for band in BANDS]
        opened[15]["max_points"] = None
        self.assertIn((grading.OPEN_NOT_LAST, 16), grading.check_bands(opened))
        twice = [*BANDS, {"kelas": 17, "min_points": 5000, "max_points": None}]
        self.assertIn((grading.DUPLICATE, 17), grading.check_bands(twice))
        empty = [dict(band) for band in BANDS]
        empty[2]["max_points"] = 200
        self.assertIn((grading.EMPTY, 3), grading.check_bands(empty))
        disorder = [dict(band) for band in BANDS]
        disorder[4]["min_points"], disorder[4]["max_points"] = 100, 150
        self.assertIn((grading.DISORDER, 4, 5), grading.check_bands(disorder))
