import re

from lxml import etree

from odoo import Command
from odoo.addons.base.models.res_users import name_selection_groups
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools.safe_eval import safe_eval

from .case_common import SopCaseRunCase

SOP_GROUPS = (
    "sop_organisasi.group_sop_opd_user",
    "sop_organisasi.group_sop_user",
    "sop_organisasi.group_sop_approver",
    "sop_organisasi.group_sop_manager",
)


@tagged("post_install", "-at_install")
class TestSetupUsers(TransactionCase):
    def test_sop_groups_are_a_selection_on_the_user_form(self):
        """Without developer mode the user form offers the SOP rights as one selection."""
        groups = self.env["res.groups"].browse([self.env.ref(xmlid).id for xmlid in SOP_GROUPS])
        field_name = name_selection_groups(groups.ids)
        self.assertIn(field_name, self.env["res.users"].fields_get([field_name]))
        self.assertFalse(self.env.user.has_group("base.group_no_one"))
        arch = self.env["res.users"].get_view(self.env.ref("base.view_users_form").id, "form")["arch"]
        visible = [
            node
            for node in etree.fromstring(arch).iter("field")
            if node.get("name") == field_name and node.get("invisible") != "True"
        ]
        self.assertTrue(visible, "the SOP selection is on the user form outside developer mode")

    def test_liaison_created_from_the_opd_is_an_opd_user_only(self):
        """A liaison created from the OPD form gets internal user + OPD User, nothing more."""
        arch = self.env["hr.department"].get_view(self.env.ref("hr.view_department_form").id, "form")["arch"]
        node = etree.fromstring(arch).xpath("//field[@name='liaison_user_ids']")[0]
        context = safe_eval(node.get("context") or "{}")
        with Form(self.env["res.users"].with_context(**context)) as form:
            form.name = "Penghubung Dinas Sosial"
            form.login = "penghubung_dinsos"
        user = form.record
        base = self.env.ref("base.group_user") | self.env.ref("sop_organisasi.group_sop_opd_user")
        self.assertEqual(user.groups_id, base | base.trans_implied_ids)
        self.assertFalse(user.has_group("hr.group_hr_user"))
        self.assertFalse(user.has_group("sop_organisasi.group_sop_user"))


@tagged("post_install", "-at_install")
class TestSetupChecklist(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sop_admin = new_test_user(cls.env, "setup_admin", groups="sop_organisasi.group_sop_manager")
        cls.sop_user = new_test_user(cls.env, "setup_staff", groups="sop_organisasi.group_sop_user")

    def _item(self, xmlid):
        return self.env.ref(xmlid).with_user(self.sop_admin)

    def test_items_are_computed_live_and_open_their_screen(self):
        item = self._item("sop_organisasi.setup_item_opds")
        self.env["hr.department"].search([("is_opd", "=", True)]).is_opd = False
        self.assertEqual(item.state, "todo")
        opd = self.env["hr.department"].create({"name": "Dinas Uji Setup", "is_opd": True})
        item.invalidate_recordset()
        self.assertEqual(item.state, "todo")
        self.assertIn("Dinas Uji Setup", item.detail)
        opd.liaison_user_ids = self.sop_user
        item.invalidate_recordset()
        self.assertEqual(item.state, "done")
        action = item.action_open()
        self.assertEqual((action["type"], action["res_model"]), ("ir.actions.act_window", "hr.department"))

    def test_letterhead_item_and_documents_screen(self):
        company = self.env.company
        company.write({"kop_government_name": "PEMERINTAH KOTA MOJOKERTO", "kop_unit_name": "SETDA"})
        company.write({"kop_address": "Jl. Gajah Mada 145", "logo": False})
        item = self._item("sop_organisasi.setup_item_letterhead")
        self.assertEqual(item.state, "todo")
        self.assertIn("logo", item.detail)
        action = item.action_open()
        self.assertEqual(action["type"], "ir.actions.server")
        screen = self.env["ir.actions.server"].browse(action["id"]).with_user(self.sop_admin).run()
        self.assertEqual((screen["res_model"], screen["res_id"]), ("res.company", company.id))
        self.assertEqual(screen["views"][0][0], self.env.ref("sop_organisasi.res_company_view_form_sop_documents").id)

    def test_roles_item_and_mail_server_item(self):
        role = self.env["sop.role"].create({"name": "Peran Kosong", "resolution_type": "employee"})
        item = self._item("sop_organisasi.setup_item_roles")
        self.assertEqual(item.state, "todo")
        self.assertIn("Peran Kosong", item.detail)
        self.env["ir.mail_server"].search([]).unlink()
        mail = self._item("sop_organisasi.setup_item_mail_server")
        self.assertEqual(mail.state, "todo")
        self.env["ir.mail_server"].create({"name": "SMTP Kota", "smtp_host": "smtp.example.com"})
        mail.invalidate_recordset()
        self.assertEqual(mail.state, "done")
        self.assertTrue(role.staffing_warning)

    def test_checklist_is_for_sop_administrators_only(self):
        menu = self.env.ref("sop_organisasi.sop_setup_item_menu")
        self.assertIn(menu.id, self.env["ir.ui.menu"].with_user(self.sop_admin)._visible_menu_ids())
        self.assertNotIn(menu.id, self.env["ir.ui.menu"].with_user(self.sop_user)._visible_menu_ids())
        with self.assertRaises(AccessError):
            self.env.ref("sop_organisasi.setup_item_opds").with_user(self.sop_user).read(["state"])


@tagged("post_install", "-at_install")
class TestRoleStaffing(SopCaseRunCase):
    def test_role_held_by_nobody_warns_on_its_form(self):
        role = self.env.ref("sop_organisasi.role_kasubbag_kelembagaan")
        self.assertFalse(role.staffing_warning)
        self.kasubbag_emp.job_id = False
        role.invalidate_recordset()
        self.assertIn("Nobody holds this role", role.staffing_warning)
        arch = self.env["sop.role"].get_view(self.env.ref("sop_organisasi.sop_role_view_form").id, "form")["arch"]
        self.assertIn('name="staffing_warning"', arch)

    def test_start_wizard_requires_confirmation_and_history_shows_fallback(self):
        role = self.env.ref("sop_organisasi.role_kasubbag_kelembagaan")
        self.kasubbag_emp.job_id = False
        Wizard = self.env["sop.case.start.wizard"].with_user(self.sop_user)
        vals = {"procedure_id": self.skj.id, "opd_ids": [Command.set(self.opd.ids)], "year": 2026}
        wizard = Wizard.create(vals)
        self.assertIn(role.name, wizard.unstaffed_warning)
        self.assertIn(self.opd.name, wizard.unstaffed_warning)
        with self.assertRaisesRegex(UserError, re.compile(re.escape(role.name) + ".*Assign to the Responsible", re.S)):
            wizard.action_start()
        self.assertFalse(self.Case.search([("procedure_id", "=", self.skj.id), ("opd_id", "=", self.opd.id)]))
        wizard.confirm_unstaffed = True
        case = self.Case.search(wizard.action_start()["domain"])
        self.assertEqual(case.state, "running")
        first = case.current_step_id
        self.assertEqual(first.role_id, role)
        self.assertEqual(first.user_ids, self.sop_user)
        history = case.history_ids.filtered(lambda h: h.step_id == first and h.event == "start")
        self.assertIn(f"Nobody holds the role '{role.name}'", history.note)

    def test_staffed_roles_start_without_confirmation(self):
        wizard = (
            self.env["sop.case.start.wizard"]
            .with_user(self.sop_user)
            .create({"procedure_id": self.skj.id, "opd_ids": [Command.set(self.opd.ids)], "year": 2026})
        )
        self.assertFalse(wizard.unstaffed_warning)
        case = self.Case.search(wizard.action_start()["domain"])
        self.assertFalse(case.history_ids.filtered("note"))


@tagged("post_install", "-at_install")
class TestDocumentSetup(TransactionCase):
    def test_assessment_print_skips_the_layout_wizard(self):
        """Printing goes straight to the PDF even when no document layout was ever chosen."""
        self.env.company.external_report_layout_id = False
        self.assertTrue(self.env.is_admin())
        for model in ("sop.monitoring", "sop.evaluation"):
            action = self.env[model].action_print_pdf()
            self.assertEqual(action["type"], "ir.actions.report", model)

    def test_company_data_sets_a_report_layout(self):
        self.assertTrue(self.env.ref("base.main_company").external_report_layout_id)

    def test_letterhead_prints_no_logo_placeholder(self):
        company = self.env.company
        company.logo = company._get_logo()
        self.assertTrue(company.uses_default_logo)
        html = self.env["ir.qweb"]._render("sop_organisasi.kop_surat", {"company": company})
        self.assertNotIn("<img", html)
        company.logo = (
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )
        html = self.env["ir.qweb"]._render("sop_organisasi.kop_surat", {"company": company})
        self.assertIn("<img", html)


@tagged("post_install", "-at_install")
class TestAdminSetupTour(HttpCase):
    def test_sop_admin_setup_tour(self):
        """The administrator opens the checklist from the SOP menu, follows an item and comes back."""
        self.env["sop.role"].create({"name": "Peran Tanpa Pemegang", "resolution_type": "employee"})
        self.start_tour("/odoo", "sop_admin_setup_tour", login="admin")
