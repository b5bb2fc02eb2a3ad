from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_service_standard import ServiceStandardCase


@tagged("post_install", "-at_install")
class TestServiceStandardHoles(ServiceStandardCase):
    """Regression tests of the review of the service standards: a liaison's draft stays in her OPD."""

    def test_liaison_cannot_move_a_draft_to_another_opd(self):
        Standard = self.Standard.with_user(self.liaison)
        standard = Standard.create({"service_id": self.service.id})
        other_service = self.other_unit.service_ids
        with self.assertRaises(UserError):  # AccessError included
            standard.write({"service_id": other_service.id})
        self.assertEqual(standard.opd_id, self.opd)
        # nor created for another OPD's service under her own OPD (the OPD follows the service)
        with self.assertRaises(UserError):
            Standard.create({"service_id": other_service.id, "opd_id": self.opd.id})
        self.assertFalse(self.Standard.search([("service_id", "=", other_service.id)]))
