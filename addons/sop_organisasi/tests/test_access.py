from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import TestSopCommon


@tagged("post_install", "-at_install")
class TestAccess(TestSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skj = cls.env.ref("sop_organisasi.sop_skj")
        cls.draft = cls._create_procedure()
        cls.foreign_draft = cls._create_procedure("Prosedur Unit Lain", unit_id=cls.other_unit.id)

    def test_opd_user_reads_only_effective_sops(self):
        Procedure = self.Procedure.with_user(self.opd_user)
        visible = Procedure.search([])
        self.assertIn(self.skj, visible)
        self.assertNotIn(self.draft, visible)
        self.assertEqual(set(visible.mapped("state")), {"effective"})
        with self.assertRaises(AccessError):
            self.draft.with_user(self.opd_user).read(["name"])
        self.assertEqual(len(self.skj.with_user(self.opd_user).step_ids), 26)
        self.assertFalse(self.env["sop.step"].with_user(self.opd_user).search([("procedure_id", "=", self.draft.id)]))

    def test_opd_user_cannot_write(self):
        with self.assertRaises(AccessError):
            self.skj.with_user(self.opd_user).check_access("write")
        with self.assertRaises(AccessError):
            self.skj.line_ids[0].with_user(self.opd_user).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.Procedure.with_user(self.opd_user).create({"name": "Baru"})
        with self.assertRaises(AccessError):
            self.env["sop.role"].with_user(self.opd_user).create({"name": "Peran baru"})

    def test_sop_user_edits_own_unit_only(self):
        as_staff = self.Procedure.with_user(self.sop_user)
        self.assertIn(self.foreign_draft, as_staff.search([]), "SOP users read every SOP")
        self.draft.with_user(self.sop_user).write({"note": "<p>Catatan</p>"})
        with self.assertRaises(AccessError):
            self.foreign_draft.with_user(self.sop_user).write({"note": "<p>Catatan</p>"})
        created = as_staff.create({"name": "SOP baru", "unit_id": self.unit.id})
        self.assertEqual(created.unit_id, self.unit)
        with self.assertRaises(AccessError):
            as_staff.create({"name": "SOP unit lain", "unit_id": self.other_unit.id})

    def test_sop_user_cannot_configure_roles(self):
        with self.assertRaises(AccessError):
            self.role_staff.with_user(self.sop_user).write({"name": "Diubah"})

    def test_admin_edits_every_unit(self):
        self.foreign_draft.with_user(self.sop_admin).write({"note": "<p>OK</p>"})
        role = self.env["sop.role"].with_user(self.sop_admin).create({"name": "Peran Admin"})
        self.assertTrue(role.exists())

    def test_user_without_sop_group(self):
        with self.assertRaises(AccessError):
            self.Procedure.with_user(self.plain_user).search([])

    def test_search_by_role_and_legal_basis(self):
        Procedure = self.Procedure.with_user(self.sop_user)
        by_role = Procedure.search([("step_ids.role_id.name", "ilike", "Kabag Organisasi")])
        self.assertIn(self.skj, by_role)
        self.assertNotIn(self.draft, by_role)
        by_law = Procedure.search([("line_ids", "any", [("kind", "=", "legal"), ("name", "ilike", "38 Tahun 2017")])])
        self.assertEqual(by_law, self.skj)
        self.assertEqual(Procedure.search([("number", "=", "065/SOP/417.112/02")]), self.skj)
        self.draft.role_ids = [Command.link(self.role_outsider.id)]
        self.assertIn(self.draft, Procedure.search([("role_ids", "in", self.role_outsider.ids)]))
