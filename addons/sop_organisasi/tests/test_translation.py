from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tests.common import TransactionCase


@tagged("post_install", "-at_install")
class TestIndonesianTranslation(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"].search([("name", "=", "sop_organisasi")])._update_translations(["id_ID"])

    def test_indonesian_users_see_indonesian(self):
        env_id = self.env(context={"lang": "id_ID"})
        states = dict(env_id["sop.procedure"]._fields["state"]._description_selection(env_id))
        self.assertEqual(states["effective"], "Berlaku")
        self.assertEqual(states["draft"], "Draf")
        fields_id = env_id["sop.procedure"].fields_get(["signatory_rank", "line_ids"], ["string"])
        self.assertEqual(fields_id["signatory_rank"]["string"], "Pangkat")
        menu = env_id.ref("sop_organisasi.sop_role_menu")
        self.assertEqual(menu.name, "Pelaksana")

    def test_error_messages_are_translated(self):
        procedure = self.env["sop.procedure"].with_context(lang="id_ID").create({"name": "Kosong"})
        with self.assertRaisesRegex(UserError, "tidak dapat diajukan"):
            procedure.action_submit()
