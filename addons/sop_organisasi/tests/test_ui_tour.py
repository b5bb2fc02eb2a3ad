from odoo.tests import HttpCase
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSopTour(HttpCase):
    def test_sop_library_tour(self):
        """An administrator finds the SKJ SOP, reads its steps and revises it."""
        skj = self.env.ref("sop_organisasi.sop_skj")
        self.start_tour("/odoo", "sop_library_tour", login="admin")
        revision = self.env["sop.procedure"].search([("previous_id", "=", skj.id)])
        self.assertEqual(revision.state, "draft")
        self.assertEqual(revision.revision_no, 2)
        self.assertEqual(len(revision.step_ids), 26)
