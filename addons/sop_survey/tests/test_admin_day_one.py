from datetime import date

from lxml import etree

from odoo.addons.sop_organisasi.tests.no_english import NoEnglishCase
from odoo.tests import Form
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

# the SKM and SINOVIK screens of the administrator's first day (issue 18)
SCREENS = [
    ("survey.survey", "sop_survey.survey_survey_view_list_skm", "list"),
    ("sop.skm.period", "sop_survey.sop_skm_period_view_form", "form"),
    ("sop.sinovik.assignment", "sop_survey.sop_sinovik_assignment_view_form", "form"),
    ("sop.setup.item", "sop_organisasi.sop_setup_item_view_list", "list"),
]


@tagged("post_install", "-at_install")
class TestSurveyAdminDayOne(TransactionCase):
    def test_new_users_are_not_survey_users(self):
        self.assertNotIn(self.env.ref("survey.group_survey_user"), self.env.ref("base.default_user").groups_id)
        with Form(
            self.env["res.users"].with_user(self.env.ref("base.user_admin")), view="base.view_users_form"
        ) as form:
            form.name = "Juri Baru"
            form.login = "juri_baru_h1"
        self.assertFalse(form.record.has_group("survey.group_survey_user"))

    def test_a_new_period_is_the_current_one(self):
        form = Form(self.env["sop.skm.period"])
        today = date.today()
        self.assertLessEqual(form.date_start, today)
        self.assertGreaterEqual(form.date_end, today)
        form.period_type = "quarter"
        self.assertLessEqual(form.date_start, today)
        self.assertGreaterEqual(form.date_end, today)
        # a coming year starts with its first period
        form.year = today.year + 1
        self.assertEqual(form.number, 1)
        self.assertEqual(form.date_start, date(today.year + 1, 1, 1))

    def test_questionnaire_is_created_after_a_question(self):
        action = self.env.ref("sop_survey.survey_survey_action_skm")
        arch = self.env["survey.survey"].get_views([(action.view_ids[:1].view_id.id, "list")])["views"]["list"]["arch"]
        button = etree.fromstring(arch).xpath("//header/button[@name='action_skm_create_questionnaire']")
        self.assertTrue(button)
        self.assertTrue(button[0].get("confirm"))
        self.assertFalse(self.env.ref("sop_survey.survey_survey_menu_create_skm", raise_if_not_found=False))

    def test_two_apps_do_not_share_a_name(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.env["ir.module.module"].search([("name", "=", "sop_survey")])._update_translations(["id_ID"])
        for lang in ("en_US", "id_ID"):
            ours = self.env.ref("sop_survey.sop_survey_root_menu").with_context(lang=lang).name
            odoo = self.env.ref("survey.menu_surveys").with_context(lang=lang).name
            self.assertNotEqual(ours, odoo, lang)

    def test_new_juror_assignment_has_a_name(self):
        assignment = self.env["sop.sinovik.assignment"].new({})
        self.assertNotIn("False", assignment.display_name)

    def test_checklist_items_of_skm_and_sinovik(self):
        for xmlid, model in (
            ("sop_survey.setup_item_skm_units", "sop.skm.unit"),
            ("sop_survey.setup_item_skm_questionnaire", "survey.survey"),
            ("sop_survey.setup_item_skm_period", "sop.skm.period"),
            ("sop_survey.setup_item_sinovik", "sop.sinovik.competition"),
        ):
            item = self.env.ref(xmlid)
            self.assertEqual(item.action_open()["res_model"], model)
        questionnaire = self.env.ref("sop_survey.setup_item_skm_questionnaire")
        self.env["survey.survey"].search([]).filtered("is_skm").active = False
        questionnaire.invalidate_recordset()
        self.assertEqual(questionnaire.state, "todo")
        self.env["survey.survey"]._skm_create_questionnaire()
        questionnaire.invalidate_recordset()
        self.assertEqual(questionnaire.state, "done")
        sinovik = self.env.ref("sop_survey.setup_item_sinovik")
        competition = self.env["sop.sinovik.competition"].create({"name": "KIPP Uji", "year": date.today().year + 1})
        competition.category_ids = [(5, 0, 0)]
        sinovik.invalidate_recordset()
        self.assertEqual(sinovik.state, "todo")
        self.assertIn("no categories", sinovik.detail)


@tagged("post_install", "-at_install")
class TestSurveyNoEnglish(NoEnglishCase):
    def test_survey_administrator_screens_are_indonesian(self):
        self.assertNoEnglish(SCREENS)
