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

USERS_FORM = "base.view_users_form"


@tagged("post_install", "-at_install")
class TestAdminDayOne(TransactionCase):
    """The administrator creates users and gives them their roles on the user form (no HR detour)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = cls.env.ref("base.user_admin")
        cls.Users = cls.env["res.users"].with_user(cls.admin)
        cls.kabag = cls.env.ref("sop_organisasi.role_kabag_organisasi")
        cls.kasubbag = cls.env.ref("sop_organisasi.role_kasubbag_kelembagaan")
        cls.opd = cls.env["hr.department"].create({"name": "Dinas Uji Hari Pertama", "is_opd": True})
        cls.other_opd = cls.env["hr.department"].create({"name": "Dinas Lain Hari Pertama", "is_opd": True})

    def _new_user(self, name, login, **values):
        with Form(self.Users, view=USERS_FORM) as form:
            form.name = name
            form.login = login
            for field, records in values.items():
                for record in records:
                    form[field].add(record)
        return form.record

    def test_sop_administrator_without_hr_rights_manages_roles(self):
        """The SOP Administrator is no HR officer: he still opens the executor roles, list and form."""
        sop_admin = new_test_user(self.env, "sop_admin_no_hr", groups="sop_organisasi.group_sop_manager")
        self.assertFalse(sop_admin.has_group("hr.group_hr_user"))
        Role = self.env["sop.role"].with_user(sop_admin)
        fields = Role.get_views([(False, "list")])["models"]["sop.role"]["fields"]
        spec = {
            name: {"fields": {"display_name": {}}} if fields[name]["type"] in ("many2one", "many2many") else {}
            for name in fields
        }
        self.assertTrue(Role.web_search_read([], spec)["records"])
        form = Form(self.kabag.with_user(sop_admin))
        self.assertTrue(form.job_ids)

    def test_new_internal_user_gets_only_the_internal_user(self):
        """No "Employees: Administrator", no Surveys rights preselected on the user form."""
        user = self._new_user("Pegawai Baru", "pegawai_baru_h1")
        internal = self.env.ref("base.group_user")
        self.assertEqual(user.groups_id, internal | internal.trans_implied_ids)
        self.assertFalse(user.has_group("hr.group_hr_user"))
        self.assertFalse(user.has_group("hr.group_hr_manager"))
        survey_user = self.env.ref("survey.group_survey_user", raise_if_not_found=False)
        if survey_user:
            self.assertNotIn(survey_user, user.groups_id)
        self.assertFalse(user.has_group("sop_organisasi.group_sop_opd_user"))

    def test_portal_user_gets_portal_only(self):
        user_types = self.env["res.groups"].search(
            [("category_id", "=", self.env.ref("base.module_category_user_type").id)]
        )
        portal = self.env.ref("base.group_portal")
        # the user type is on the form in developer mode: what the form sends when Portal is chosen
        user = self.Users.create(
            {"name": "Warga Uji", "login": "warga_uji_h1", name_selection_groups(user_types.ids): portal.id}
        )
        self.assertEqual(user.groups_id, portal)
        self.assertTrue(user.share)

    def test_role_given_on_the_user_form(self):
        user = self._new_user("Kabag Baru", "kabag_baru_h1", sop_role_ids=self.kabag)
        # the role finds him the way it looks for people: his employee's job position
        self.assertEqual(user.employee_id.job_id, self.kabag.job_ids)
        self.assertIn(user, self.kabag._resolve_users())
        self.assertEqual(user.sop_role_ids, self.kabag)
        # the rights of an executor, not those of HR
        self.assertTrue(user.has_group("sop_organisasi.group_sop_opd_user"))
        self.assertFalse(user.has_group("hr.group_hr_user"))
        self.assertIn("Holders added", self.kabag.message_ids[:1].body)
        # a person has one job position: a second job role is refused, not silently swapped
        with self.assertRaisesRegex(UserError, "one job position"):
            with Form(user.with_user(self.admin), view=USERS_FORM) as form:
                form.sop_role_ids.add(self.kasubbag)
        # taking it away
        with Form(user.with_user(self.admin), view=USERS_FORM) as form:
            form.sop_role_ids.remove(self.kabag.id)
        self.assertNotIn(user, self.kabag._resolve_users())
        self.assertFalse(user.employee_id.job_id)

    def test_role_given_and_taken_on_the_role_form(self):
        user = self._new_user("Staf Baru", "staf_baru_h1")
        role = self.env["sop.role"].create({"name": "Peran Kosong Uji", "resolution_type": "employee"})
        self.assertIn("Add him under Holders below", role.staffing_warning)
        with Form(role.with_user(self.admin)) as form:
            form.user_ids.add(user)
        self.assertEqual(role.user_ids, user)
        self.assertFalse(role.staffing_warning)
        self.assertEqual(role.employee_ids.user_id, user)
        with Form(role.with_user(self.admin)) as form:
            form.user_ids.remove(user.id)
        self.assertFalse(role.user_ids)
        # the OPD role is held by the OPDs' liaisons, not given here
        with self.assertRaisesRegex(UserError, "liaison users of each OPD"):
            self.env.ref("sop_organisasi.role_opd").with_user(self.admin).user_ids = user

    def test_only_the_sop_administrator_gives_roles(self):
        settings_admin = new_test_user(self.env, "settings_admin_h1", groups="base.group_system")
        user = self._new_user("Orang Lain", "orang_lain_h1")
        with self.assertRaisesRegex(AccessError, "Only the SOP Administrator gives executor roles"):
            user.with_user(settings_admin).write({"sop_role_ids": [Command.link(self.kabag.id)]})
        self.assertNotIn(user, self.kabag._resolve_users())

    def test_liaison_of_opds_on_the_user_form(self):
        user = self._new_user("Penghubung Uji", "penghubung_uji_h1", sop_liaison_opd_ids=self.opd)
        self.assertEqual(self.opd.liaison_user_ids, user)
        self.assertEqual(user.sop_liaison_opd_ids, self.opd)
        self.assertTrue(user.has_group("sop_organisasi.group_sop_opd_user"))
        arch = self.Users.get_views([(self.env.ref(USERS_FORM).id, "form")])["views"]["form"]["arch"]
        self.assertIn('name="sop_liaison_opd_ids"', arch)
        self.assertIn('name="sop_role_ids"', arch)
        # the liaison (default rights) cannot name the liaisons of another OPD, by any path
        with self.assertRaises(AccessError):
            self.other_opd.with_user(user).write({"liaison_user_ids": [Command.link(user.id)]})
        with self.assertRaises(AccessError):
            user.with_user(user).write({"sop_liaison_opd_ids": [Command.link(self.other_opd.id)]})
        self.assertFalse(self.other_opd.liaison_user_ids)
        # nor reach the Employees app
        menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
        self.assertNotIn(self.env.ref("hr.menu_hr_root").id, menus)
        self.assertNotIn(self.env.ref("base.menu_management").id, menus)

    def test_units_list_shows_opds_and_liaisons(self):
        action = self.env.ref("sop_organisasi.hr_department_action_sop")
        views = self.env["hr.department"].get_views([(view.view_id.id, view.view_mode) for view in action.view_ids])
        columns = {node.get("name") for node in etree.fromstring(views["views"]["list"]["arch"]).iter("field")}
        self.assertIn("is_opd", columns)
        self.assertIn("liaison_user_ids", columns)
        self.assertNotIn("color", columns)

    def test_documents_settings_survive_the_reload(self):
        """Saving a company reloads the web client on the URL: the Documents action has its own path."""
        action = self.env.ref("sop_organisasi.res_company_action_document_settings")
        self.assertEqual(action.path, "sop-documents")
        result = action.with_user(self.admin).run()
        self.assertEqual(result["views"][0][0], self.env.ref("sop_organisasi.res_company_view_form_sop_documents").id)


@tagged("post_install", "-at_install")
class TestSetupChecklistPath(TransactionCase):
    def test_checklist_is_the_administrators_path(self):
        items = self.env["sop.setup.item"].search([])
        names = items.mapped("check_method")
        for method in (
            "_setup_check_users",
            "_setup_check_roles",
            "_setup_check_tiers",
            "_setup_check_calendar",
            "_setup_check_mail_server",
        ):
            self.assertIn(method, names)
        self.assertEqual(items[:1], self.env.ref("sop_organisasi.setup_item_users"))
        for item in items:
            action = item.action_open()
            self.assertIn(action["type"], ("ir.actions.act_window", "ir.actions.server"), item.name)

    def test_users_and_tiers_items(self):
        item = self.env.ref("sop_organisasi.setup_item_users")
        others = self.env.ref("sop_organisasi.group_sop_opd_user").users - self.env.ref("base.user_admin")
        others.filtered(lambda user: not user._is_superuser()).active = False
        item.invalidate_recordset()
        self.assertEqual(item.state, "todo")
        new_test_user(self.env, "staf_checklist_h1", groups="sop_organisasi.group_sop_user")
        item.invalidate_recordset()
        self.assertEqual(item.state, "done")
        tiers = self.env.ref("sop_organisasi.setup_item_tiers")
        self.assertEqual(tiers.state, "done")
        self.env["tier.definition"].search([("model", "=", "sop.procedure")]).write(
            {"reviewer_group_id": self.env["res.groups"].create({"name": "Grup Kosong Uji"}).id}
        )
        tiers.invalidate_recordset()
        self.assertEqual(tiers.state, "todo")
        self.assertIn("Nobody reviews", tiers.detail)


@tagged("post_install", "-at_install")
class TestAdminDayOneTour(HttpCase):
    def test_admin_day_one_tour(self):
        """The administrator follows the checklist, opening each item's screen, and creates a user with
        a role from the user form."""
        self.start_tour("/odoo", "sop_admin_day_one_tour", login="admin")
        user = self.env["res.users"].search([("login", "=", "kasubbag.tour")])
        self.assertTrue(user)
        self.assertIn(user, self.env.ref("sop_organisasi.role_kasubbag_kinerja")._resolve_users())
        self.assertFalse(user.has_group("hr.group_hr_user"))


@tagged("post_install", "-at_install")
class TestRoleHoldersRights(TransactionCase):
    """Giving a role of type group adds the user to the group: what the group confers is no SOP right."""

    def test_sop_administrator_cannot_join_a_group_through_a_role(self):
        sop_admin = new_test_user(self.env, "sop_admin_group_h10", groups="sop_organisasi.group_sop_manager")
        other = new_test_user(self.env, "staf_group_h10", groups="base.group_user")
        system = self.env.ref("base.group_system")
        Role = self.env["sop.role"].with_user(sop_admin)
        role = Role.create({"name": "Peran Grup Uji H10", "resolution_type": "group", "group_id": system.id})
        # the role form (holders) and a raw RPC write, for himself or anyone
        with self.assertRaisesRegex(AccessError, "only an administrator of access rights"):
            with Form(role) as form:
                form.user_ids.add(sop_admin)
        with self.assertRaisesRegex(AccessError, "only an administrator of access rights"):
            role.write({"user_ids": [Command.link(other.id)]})
        with self.assertRaisesRegex(AccessError, "only an administrator of access rights"):
            Role.create(
                {
                    "name": "Peran Grup Uji H10 B",
                    "resolution_type": "group",
                    "group_id": system.id,
                    "user_ids": [Command.link(sop_admin.id)],
                }
            )
        system.invalidate_recordset(["users"])
        self.assertNotIn(sop_admin, system.users)
        self.assertNotIn(other, system.users)
        # nor take members out of it
        admin = self.env.ref("base.user_admin")
        with self.assertRaisesRegex(AccessError, "only an administrator of access rights"):
            role.write({"user_ids": [Command.unlink(admin.id)]})
        system.invalidate_recordset(["users"])
        self.assertIn(admin, system.users)

    def test_access_rights_administrator_gives_a_group_role(self):
        admin = self.env.ref("base.user_admin")
        other = new_test_user(self.env, "staf_group_h10b", groups="base.group_user")
        group = self.env["res.groups"].create({"name": "Grup Peran Uji H10"})
        role = self.env["sop.role"].create(
            {"name": "Peran Grup Uji H10 C", "resolution_type": "group", "group_id": group.id}
        )
        role.with_user(admin).write({"user_ids": [Command.link(other.id)]})
        self.assertIn(other, group.users)
        self.assertIn(other, role._resolve_users())
        role.with_user(admin).write({"user_ids": [Command.unlink(other.id)]})
        self.assertNotIn(other, group.users)
