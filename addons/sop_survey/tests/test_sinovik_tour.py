from odoo.tests import HttpCase
from odoo.tests import tagged

from .sinovik_common import SinovikFixtures


@tagged("post_install", "-at_install")
class TestSinovikPortalTour(SinovikFixtures, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sinovik_setup()
        cls.competition.action_open_registration()

    def test_portal_opd_user_submits_a_proposal(self):
        """An OPD liaison who is a portal user writes and submits a proposal at /my/sinovik."""
        self.start_tour("/my/sinovik", "sinovik_portal_tour", login=self.portal_b.login)
        proposal = self.env["sop.sinovik.proposal"].search([("name", "=", "Layanan Adminduk Jemput Bola")])
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.opd_id, self.opd_b)
        self.assertEqual(proposal.state, "submitted")
        self.assertEqual(str(proposal.start_date), "2024-02-01")
        self.assertEqual(proposal.sdg_ids, self.sdg_16)
        self.assertEqual(proposal.video_url, "https://youtu.be/jemput-bola")
        words = {a.section_id.name: a.word_count for a in proposal.answer_ids}
        self.assertEqual(words, {"Ringkasan": 9, "Kebaruan": 4})
        self.assertEqual(proposal.document_ids.filename, "pernyataan.pdf")
        self.assertTrue(proposal.document_ids.datas)
