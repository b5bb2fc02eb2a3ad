from odoo.addons.sop_organisasi.tests.form_walker import FormWalkerMixin
from odoo.tests import tagged

from .common import JabatanCase


@tagged("post_install", "-at_install")
class TestEveryFormSaves(FormWalkerMixin, JabatanCase):
    """Every "New" and "Save" of the Jabatan screens works for the groups that are offered it (the
    liaison in his OPD, the division staff, the approving official, the SOP Administrator)."""

    _walked_addon = "sop_jabatan"

    def test_every_new_and_save_works(self):
        users = self._walker_users()
        self.opd_a.liaison_user_ids = [(4, users["sop_organisasi.group_sop_opd_user"].id)]
        self.assertEveryNewSaves(users, minimum=4)
