import datetime

from odoo.tests import tagged
from odoo.tests.common import BaseCase

from ..tools.dates import format_date_long
from ..tools.dates import format_date_short
from ..tools.duration import DurationError
from ..tools.duration import format_duration
from ..tools.duration import parse_duration
from ..tools.nip import NipError
from ..tools.nip import display_nip
from ..tools.nip import format_nip
from ..tools.nip import is_valid_nip
from ..tools.nip import parse_nip


@tagged("post_install", "-at_install")
class TestTools(BaseCase):
    def test_indonesian_dates(self):
        self.assertEqual(format_date_long(datetime.date(2018, 3, 13)), "13 Maret 2018")
        self.assertEqual(format_date_long(datetime.date(2026, 12, 1)), "1 Desember 2026")
        self.assertEqual(format_date_short(datetime.date(2018, 3, 13)), "13-03-2018")
        self.assertEqual(format_date_long(False), "")

    def test_parse_duration(self):
        self.assertEqual(parse_duration("10 menit"), (10.0, "minute"))
        self.assertEqual(parse_duration("1 bln"), (1.0, "month"))
        self.assertEqual(parse_duration(" 2 Jam "), (2.0, "hour"))
        self.assertEqual(parse_duration("1,5 hari"), (1.5, "day"))
        self.assertEqual(parse_duration("1 minggu"), (1.0, "week"))
        for bad in ("2 hri", "sehari", "", "0 hari", "hari 2", "5"):
            with self.assertRaises(DurationError, msg=bad):
                parse_duration(bad)

    def test_format_duration(self):
        self.assertEqual(format_duration(1, "month"), "1 bulan")
        self.assertEqual(format_duration(1.5, "hour"), "1,5 jam")
        self.assertEqual(format_duration(0, "hour"), "")

    def test_nip(self):
        info = parse_nip("19590109 198712 1 002")
        self.assertEqual(info.birth_date, datetime.date(1959, 1, 9))
        self.assertEqual((info.tmt_year, info.tmt_month, info.gender, info.serial), (1987, 12, "male", "002"))
        self.assertEqual(parse_nip("199012312019032001").gender, "female")
        self.assertEqual(format_nip("195901091987121002"), "19590109 198712 1 002")
        for bad in (
            "19590109198712100",
            "1959010919871210021",
            "195901091987123002",
            "195913091987121002",
            "195901091987131002",
            "abc",
        ):
            with self.assertRaises(NipError, msg=bad):
                parse_nip(bad)

    def test_nip_display_and_validity(self):
        self.assertTrue(is_valid_nip("19590109 198712 1 002"))
        self.assertFalse(is_valid_nip("19590109 198712 3 002"))
        self.assertEqual(display_nip("195901091987121002"), "19590109 198712 1 002")
        self.assertEqual(display_nip("12345"), "12345", "an invalid NIP is shown as typed")
        self.assertEqual(display_nip(False), "")
