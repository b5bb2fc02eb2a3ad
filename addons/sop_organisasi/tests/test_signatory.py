from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TestSopCommon


@tagged("post_install", "-at_install")
class TestSignatory(TestSopCommon):
    """One signing official (sop.signatory.mixin) on the SOP, the letter templates and the letters."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.procedure = cls._create_procedure()
        cls.template = cls.env["sop.letter.template"].create(
            {
                "name": "Surat penanda tangan",
                "classification_code": "800",
                "unit_code": "999.002",
                "subject": "Uji",
                "place": "Mojokerto",
                "signatory_position": "KEPALA BAGIAN UJI",
                "signatory_name": "Budi Santoso, S.H.",
            }
        )

    def test_one_nip_check_and_printed_nip(self):
        letter = self.env["sop.letter"].create({"template_id": self.template.id, "signatory_name": "Budi"})
        for record in (self.procedure, self.template, letter):
            with self.subTest(model=record._name):
                record.signatory_nip = "198001012005011003"
                self.assertEqual(record.signatory_nip_display, "19800101 200501 1 003")
                with self.assertRaisesRegex(ValidationError, "NIP '1980' of the signatory is not valid"):
                    record.signatory_nip = "1980"

    def test_signing_place_comes_from_the_company(self):
        company = self.env.company
        company.write({"sop_sign_place": "Kota Uji", "city": "Surabaya"})
        vals = {
            "name": "Surat tanpa tempat",
            "classification_code": "800",
            "unit_code": "999.003",
            "subject": "Uji",
            "signatory_position": "KEPALA BAGIAN UJI",
            "signatory_name": "Budi Santoso, S.H.",
        }
        self.assertEqual(self.env["sop.letter.template"].create(vals).place, "Kota Uji")
        company.sop_sign_place = False
        self.assertEqual(self.env["sop.letter.template"].create(vals).place, "Surabaya")
