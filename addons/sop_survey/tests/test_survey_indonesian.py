from odoo.tests import tagged

from .skm_common import SkmCase


@tagged("post_install", "-at_install")
class TestSurveyIndonesian(SkmCase):
    """Texts built in code or data of the SKM and SINOVIK screens are Indonesian for Indonesian users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"].search([("name", "=", "sop_survey")])._update_translations(["id_ID"])
        cls.env_id = cls.env(context=dict(cls.env.context, lang="id_ID"))

    def test_sinovik_section_guidance(self):
        sections = self.env_id["sop.sinovik.competition"]._default_template_vals()["section_ids"]
        guidance = [values["guidance"] for _command, _id, values in sections]
        self.assertEqual(guidance[0], "Mencakup seluruh aspek inovasi.")
        self.assertIn("Sudah direplikasi? Oleh siapa?", guidance)
        english = self.env["sop.sinovik.competition"]._default_template_vals()["section_ids"]
        self.assertEqual(english[0][2]["guidance"], "Covers all aspects of the innovation.")

    def test_certificate_participant(self):
        arch = self.env_id.ref("sop_survey.report_sinovik_certificate").arch_db
        self.assertIn("Peserta", arch)
        self.assertNotIn("Participant", arch)

    def test_skm_report_blank_rows_and_sample(self):
        self._respond([4] * 9, age=30)
        data = self.population.with_context(lang="id_ID")._skm_report_data()
        gender = data["profiles"][0]["rows"]
        self.assertEqual([(r["label"], r["count"]) for r in gender], [("Tidak diisi", 1)])
        self.assertEqual(
            data["sample"]["text"], "Di bawah sampel minimum: 1 dari 80 responden (kurang 79); IKM belum representatif."
        )
        fields = self.env_id["sop.skm.result"].fields_get(["element_index"], ["string"])
        self.assertEqual(fields["element_index"]["string"], "IKM (seluruh responden)")
