import io
from decimal import Decimal

import openpyxl

from odoo.addons.sop_organisasi.tools import xlsx_reader
from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools import skj_assessment_xlsx
from ..tools import skj_match

# the categories shipped in data/sop_jabatan_skj_match_data.xml (conventions, see docs/jabatan.md)
BANDS = [
    {"name": "Optimal", "min_percent": 90},
    {"name": "Cukup Optimal", "min_percent": 70},
    {"name": "Kurang Optimal", "min_percent": 0},
]
EMPLOYEES = [
    {"id": 1, "nip": "198001012005011003", "name": "Budi Santoso"},
    {"id": 2, "nip": "198502022010012004", "name": "Siti Aminah"},
    {"id": 3, "nip": False, "name": "Siti Aminah"},
    {"id": 4, "nip": False, "name": "Joko"},
]
COMPETENCIES = [
    {"id": 10, "name": "Integritas"},
    {"id": 11, "name": "Kerja Sama"},
    {"id": 12, "name": "Perekat Bangsa"},
]


def workbook(rows, header=None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = skj_assessment_xlsx.SHEET
    sheet.append(["Hasil penilaian"])
    sheet.append([])
    sheet.append(header or ["NIP", "Nama Pegawai", "Kompetensi", "Level"])
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestSkjMatchArithmetic(BaseCase):
    """docs/jabatan.md, "Who meets the standard": gap, JPM, categories, training needs."""

    def test_level_from_progress(self):
        self.assertEqual([skj_match.level_from_progress(p) for p in (0, 20, 40, 60, 80, 100)], [0, 1, 2, 3, 4, 5])
        self.assertEqual(skj_match.level_from_progress(59), 2, "rounded down")
        for bad in (-1, 101, 2.5, None, True):
            with self.assertRaises(ValueError):
                skj_match.level_from_progress(bad)

    def test_gap_and_training_need(self):
        self.assertEqual(skj_match.gap(3, 3), 0)
        self.assertEqual(skj_match.gap(4, 3), 1)
        self.assertEqual(skj_match.gap(2, 3), -1)
        self.assertEqual(skj_match.gap(None, 3), -3, "not assessed counts as 0")
        self.assertFalse(skj_match.is_training_need(0))
        self.assertFalse(skj_match.is_training_need(1))
        self.assertTrue(skj_match.is_training_need(-1))
        self.assertEqual(skj_match.match(3, 5), (3, 5, 2, 3, False), "above the standard meets it, no more")
        self.assertEqual(skj_match.match(3, None), (3, None, -3, 0, False), "not assessed: no training need yet")
        for bad in (0, 6, None, 2.0):
            with self.assertRaises(ValueError):
                skj_match.gap(1, bad)
        with self.assertRaises(ValueError):
            skj_match.match(3, 6)

    def test_jpm(self):
        # a pengawas (level 2 x 8 managerial, 2 socio-cultural) with one competency below by 1
        pairs = [(2, 2)] * 7 + [(2, 1), (2, 3)]
        self.assertEqual(skj_match.jpm(pairs), Decimal("94.44"), "17 / 18 (the level above does not count)")
        self.assertEqual(skj_match.jpm([(3, 3), (3, 4)]), Decimal("100.00"))
        self.assertEqual(skj_match.jpm([(3, 1), (3, 1), (3, 1)]), Decimal("33.33"))
        self.assertEqual(skj_match.jpm([(3, 2)]), Decimal("66.67"), "half up")
        self.assertIsNone(skj_match.jpm([]), "no competency: nothing to match")

    def test_jpm_with_a_missing_assessment(self):
        pairs = [(3, 3), (3, 3), (4, None)]
        self.assertEqual(skj_match.jpm(pairs), Decimal("60.00"), "6 / 10: the missing one counts as 0")
        self.assertEqual(skj_match.not_assessed(pairs), 1)
        self.assertEqual(skj_match.jpm([(3, None), (2, None)]), Decimal("0.00"))

    def test_category_edges(self):
        def category(value):
            band = skj_match.category_for(value, BANDS)
            return band and band["name"]

        self.assertEqual(category(Decimal("100")), "Optimal")
        self.assertEqual(category(Decimal("90.00")), "Optimal", "the lower bound is included")
        self.assertEqual(category(Decimal("89.99")), "Cukup Optimal")
        self.assertEqual(category(Decimal("70")), "Cukup Optimal")
        self.assertEqual(category(Decimal("69.99")), "Kurang Optimal")
        self.assertEqual(category(Decimal("0")), "Kurang Optimal")
        self.assertIsNone(category(None))
        self.assertIsNone(skj_match.category_for(Decimal("50"), BANDS[:2]), "below every band")
        self.assertEqual(skj_match.check_bands(BANDS), [])
        self.assertEqual(len(skj_match.check_bands([*BANDS, {"name": "X", "min_percent": 90}])), 1)
        self.assertEqual(len(skj_match.check_bands([{"name": "X", "min_percent": 120}])), 1)


@tagged("post_install", "-at_install")
class TestSkjAssessmentWorkbook(BaseCase):
    """The assessment centre's workbook: every problem named by its cell, nothing returned unless valid."""

    def _read(self, rows, header=None):
        return skj_assessment_xlsx.read_workbook(workbook(rows, header), EMPLOYEES, COMPETENCIES)

    def _problems(self, rows, header=None):
        with self.assertRaises(xlsx_reader.WorkbookError) as caught:
            self._read(rows, header)
        return [str(message) for message in caught.exception.messages]

    def test_read(self):
        levels = self._read(
            [
                ["19800101 200501 1 003", "", "integritas", 3],
                ["", "Joko", "Kerja  Sama", "Level 2"],
                ["198502022010012004", None, "Perekat Bangsa", "4"],
                [],
                ["", "Joko", "Perekat Bangsa", 5.0],
            ]
        )
        self.assertEqual(
            levels, [(1, 10, 3, 4), (4, 11, 2, 5), (2, 12, 4, 6), (4, 12, 5, 8)], "NIP without spaces, names by case"
        )

    def test_errors_name_the_cells(self):
        problems = self._problems(
            [
                ["199001012015011001", "", "Integritas", 3],
                ["", "Siti Aminah", "Integritas", 3],
                ["", "Joko", "Kejujuran", 3],
                ["", "Joko", "Integritas", 6],
                ["", "Joko", "Kerja Sama", "tiga"],
                ["", "Joko", "Kerja Sama", 2.5],
                ["", "", "Integritas", 3],
                ["", "Joko", "Integritas", None],
                ["", "Joko", "Perekat Bangsa", 2],
                ["", "joko", "Perekat Bangsa", 3],
                [198502022010012004, "", "Integritas", 3],
            ]
        )
        self.assertEqual(
            problems,
            [
                "Penilaian!A4: unknown employee '199001012015011001'",
                "Penilaian!B5: several employees are 'Siti Aminah': give the NIP",
                "Penilaian!C6: unknown competency 'Kejujuran'",
                "Penilaian!D7: '6' is not a level from 1 to 5",
                "Penilaian!D8: 'tiga' is not a level from 1 to 5",
                "Penilaian!D9: '2.5' is not a level from 1 to 5",
                "Penilaian!A10: the employee (NIP or name) is missing",
                "Penilaian!D11: the level is missing",
                "Penilaian!C13: the employee and competency of row 12 again",
                "Penilaian!A14: the NIP is a number cell and lost its last digits: type it as text",
            ],
        )

    def test_header_and_empty(self):
        problems = self._problems([["", "Joko", "Integritas", 3]], header=["NIP", "Nama", "Kompetensi", "Level"])
        self.assertEqual(problems, ["Penilaian!B3: bad header, expected 'Nama Pegawai'"])
        self.assertEqual(self._problems([]), ["Penilaian: no assessment row"])

    def test_bounds(self):
        with self.assertRaises(xlsx_reader.WorkbookTooLarge) as caught:
            self._read([["", "Joko", "Integritas", 3]] * (skj_assessment_xlsx.LIMITS.rows - 2))
        self.assertEqual(caught.exception.limit, "rows")
        with self.assertRaises(xlsx_reader.WorkbookTooLarge) as caught:
            self._read([["", "Joko", "Integritas", 3] + [None] * 6 + ["x"]])
        self.assertEqual(caught.exception.limit, "columns")
        with self.assertRaises(xlsx_reader.WorkbookError):
            skj_assessment_xlsx.read_workbook(b"not a workbook", EMPLOYEES, COMPETENCIES)

    def test_template_reads_back(self):
        content = skj_assessment_xlsx.write_template(
            "Hasil Penilaian Kompetensi",
            [{"group": "Manajerial", "name": "Integritas"}],
            [{"nip": "198001012005011003", "name": "Budi Santoso", "competency": "=Integritas", "level": 3}],
        )
        book = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(book.sheetnames, ["Penilaian", "Kompetensi"])
        self.assertEqual(book["Penilaian"]["C4"].value, "=Integritas", "text stays text")
        self.assertEqual(book["Penilaian"]["C4"].data_type, "s")
        levels = skj_assessment_xlsx.read_workbook(
            content, EMPLOYEES, [*COMPETENCIES, {"id": 13, "name": "=Integritas"}]
        )
        self.assertEqual(levels, [(1, 13, 3, 4)])
