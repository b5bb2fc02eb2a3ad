from odoo import Command
from odoo.tests import tagged

from .no_english import NoEnglishCase
from .no_english import screen_strings

# the screens of the administrator's first day (issue 18), as an Indonesian user sees them
SCREENS = [
    ("tier.definition", "base_tier_validation.tier_definition_view_tree", "list"),
    ("tier.definition", "base_tier_validation.tier_definition_view_form", "form"),
    ("res.users", "base.view_users_form", "form"),
    ("res.users", "base.view_users_tree", "list"),
    ("sop.setup.item", "sop_organisasi.sop_setup_item_view_list", "list"),
    ("sop.role", "sop_organisasi.sop_role_view_form", "form"),
    ("hr.department", "sop_organisasi.hr_department_view_list_sop", "list"),
    ("res.company", "sop_organisasi.res_company_view_form_sop_documents", "form"),
]


@tagged("post_install", "-at_install")
class TestNoEnglish(NoEnglishCase):
    def test_the_check_finds_english(self):
        """The check is able to fail: an English user's screen is all English for it."""
        english = self.untranslated([("tier.definition", "base_tier_validation.tier_definition_view_form", "form")])
        self.assertFalse(english)
        strings = dict(
            screen_strings(self.env_en, "tier.definition", "base_tier_validation.tier_definition_view_form", "form")
        )
        self.assertEqual(strings["model_id label"], "Referenced Model")

    def test_administrator_screens_are_indonesian(self):
        self.assertNoEnglish(SCREENS)
        strings = [text for _where, text in screen_strings(self.env_id, "res.users", "base.view_users_form", "form")]
        for heading in ("Marketing", "Human Resources", "Administration", "Other"):
            self.assertNotIn(heading, strings)
        tier = dict(
            screen_strings(self.env_id, "tier.definition", "base_tier_validation.tier_definition_view_form", "form")
        )
        self.assertEqual(tier["model_id label"], "Model Acuan")
        self.assertEqual(tier["approve_sequence label"], "Setujui berurutan")

    def test_never_connected_says_so(self):
        """auth_signup's "Never Connected" was "Pernah terhubung" (has connected)."""
        states = dict(self.env_id["res.users"].fields_get(["state"], ["selection"])["state"]["selection"])
        if "new" in states:
            self.assertEqual(states["new"], "Belum Pernah Masuk")

    def test_web_client_terms(self):
        """The gear menu's "Actions" (where "Change Password" is) and hr_skills' "ADD" and "TIMELINE"."""
        translations, _lang = self.env["ir.http"].get_translations_for_webclient(
            ["web", "hr_skills", "base_tier_validation", "sop_organisasi"], "id_ID"
        )
        for module, data in translations.items():
            terms = {message["id"]: message["string"] for message in data["messages"]}
            for term, expected in (("Actions", "Tindakan"), ("ADD", "TAMBAH"), ("Timeline", "Linimasa")):
                if term in terms:
                    self.assertEqual(terms[term], expected, module)
        action = self.env_id.ref("base.change_password_wizard_action")
        self.assertEqual(action.name, "Ubah Sandi")

    def test_next_tier_on_the_banner(self):
        record = self.env_id["sop.procedure"].new(
            {"name": "SOP Uji", "review_ids": [Command.create({"status": "pending", "sequence": 1})]}
        )
        record._compute_next_review()
        self.assertTrue(record.next_review.startswith("Berikutnya:"), record.next_review)
