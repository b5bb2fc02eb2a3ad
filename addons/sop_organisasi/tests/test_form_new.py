from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .form_walker import FormWalkerMixin


class SopCityCase(FormWalkerMixin, TransactionCase):
    """The SOP screens as a city uses them: an OPD with its liaison, one user per product group, the
    Division's staff maintaining every unit with an SOP."""

    _walked_addon = "sop_organisasi"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opd = cls.env["hr.department"].create({"name": "Dinas Uji Formulir", "is_opd": True, "opd_code": "UJI"})
        cls.users = cls._walker_users()
        # the Division's staff maintain the SOPs of their units: here, every unit with an SOP
        units = cls.env["sop.procedure"].search([]).unit_id | cls.opd
        for user in cls.users.values():
            user.sop_unit_ids = units
        cls.opd.liaison_user_ids = cls.users["sop_organisasi.group_sop_opd_user"]


@tagged("post_install", "-at_install")
class TestEveryFormSaves(SopCityCase):
    """Every "New" and "Save" of the SOP screens works for the groups that are offered it."""

    def test_every_new_and_save_works(self):
        """SOPs, cases, monitoring, evaluations, letters, roles, units: New, Add a line, Save."""
        self.assertEveryNewSaves(self.users, minimum=8)
