from lxml import etree

from odoo import Command
from odoo.addons.base.models.res_users import name_selection_groups
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .sinovik_common import SinovikCase
from .skm_common import SkmCase


@tagged("post_install", "-at_install")
class TestSinovikCompetitionSetup(TransactionCase):
    def _assert_ready(self, competition):
        self.assertEqual(len(competition.section_ids), 9)
        self.assertEqual(len(competition.attachment_type_ids), 3)
        self.assertEqual(len(competition.stage_ids), 6)
        self.assertTrue(competition.group_ids)
        self.assertEqual(len(competition.category_ids), 3, "the KIPP categories, to adapt")
        competition.action_open_registration()
        self.assertEqual(competition.state, "open")
        registration = competition.stage_ids.filtered(lambda s: s.kind == "registration")
        self.assertEqual(registration.state, "open")

    def test_signatory_place_and_nip(self):
        """The certificates' signing place comes from the company; the NIP check is the shared one."""
        self.env.company.sop_sign_place = "Kota Uji"
        competition = self.env["sop.sinovik.competition"].create({"name": "Kompetisi Tempat", "year": 2027})
        self.assertEqual(competition.signatory_place, "Kota Uji")
        competition.signatory_nip = "197001011995031001"
        self.assertEqual(competition.signatory_nip_display, "19700101 199503 1 001")
        with self.assertRaisesRegex(ValidationError, "NIP '1970' of the signatory is not valid"):
            competition.signatory_nip = "1970"

    def test_competition_created_in_the_form_gets_the_template(self):
        form = Form(self.env["sop.sinovik.competition"])
        form.name = "Kompetisi Inovasi 2027"
        form.year = 2027
        self._assert_ready(form.save())

    def test_empty_lists_get_the_template(self):
        competition = self.env["sop.sinovik.competition"].create(
            {
                "name": "KIPP 2028",
                "year": 2028,
                "stage_ids": [],
                "section_ids": [],
                "attachment_type_ids": [],
                "group_ids": [],
                "category_ids": [],
            }
        )
        self._assert_ready(competition)

    def test_own_setup_is_kept(self):
        competition = self.env["sop.sinovik.competition"].create(
            {"name": "KIPP 2029", "year": 2029, "section_ids": [Command.create({"name": "Ringkasan"})]}
        )
        self.assertEqual(competition.section_ids.mapped("name"), ["Ringkasan"])
        self.assertEqual(len(competition.stage_ids), 6)


@tagged("post_install", "-at_install")
class TestJurorGroupOnUserForm(TransactionCase):
    def test_juror_group_is_a_selection_outside_developer_mode(self):
        juror = self.env.ref("sop_survey.group_sinovik_juror")
        sop = self.env["res.groups"].search(
            [("category_id", "=", self.env.ref("sop_organisasi.module_category_sop").id)]
        )
        self.assertNotIn(juror, sop)
        arch = etree.fromstring(self.env["res.users"].get_view(self.env.ref("base.view_users_form").id, "form")["arch"])
        shown = {node.get("name") for node in arch.iter("field") if node.get("invisible") != "True"}
        self.assertIn(name_selection_groups(sop.ids), shown)
        self.assertIn(name_selection_groups(juror.ids), shown)


@tagged("post_install", "-at_install")
class TestSinovikCertificateGuard(SinovikCase):
    def _render(self, proposal):
        report = self.env.ref("sop_survey.action_report_sinovik_certificate")
        return report._render_qweb_html(report.report_name, proposal.ids)[0].decode()

    def test_no_certificate_before_judging_ends(self):
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_a, "Inovasi Dini")
        with self.assertRaisesRegex(UserError, "once the judging has ended"):
            self._render(proposal)

    def test_no_certificate_without_signatory_and_date(self):
        self.competition.action_open_registration()
        prop_a = self._proposal(self.opd_a, "Inovasi Alpha")
        prop_b = self._proposal(self.opd_b, "Inovasi Beta")
        (prop_a | prop_b).action_submit()
        self.competition.action_start_evaluation()
        (prop_a | prop_b).with_user(self.staff).action_accept()
        self._score(self.stage_desk, prop_a, self.juror_1, (5, 5))
        self._score(self.stage_desk, prop_b, self.juror_1, (2, 3))
        self.stage_desk.action_close()
        self._score(self.stage_presentation, prop_a, self.juror_2, (50, 50))
        self._score(self.stage_presentation, prop_b, self.juror_2, (90, 90))
        self.stage_presentation.action_close()
        self.competition.action_announce()
        self.assertIn("Drs. Budi Santoso", self._render(prop_b))
        self.competition.write({"signatory_name": False, "signatory_date": False})
        with self.assertRaisesRegex(UserError, "signatory name, announcement date"):
            self._render(prop_b)


@tagged("post_install", "-at_install")
class TestSkmPrintAndSetup(SkmCase):
    def test_poster_and_report_print_directly(self):
        """No document-layout wizard (with a sample invoice) before our PDFs, even without a layout."""
        self.env.company.external_report_layout_id = False
        self.assertTrue(self.env.is_admin())
        poster = self.unit.action_print_poster()
        self.assertEqual(poster["type"], "ir.actions.report")
        self.assertEqual(poster["report_name"], "sop_survey.report_skm_poster")
        self.assertEqual(self.population.action_print_report()["type"], "ir.actions.report")

    def test_checklist_has_the_skm_units_item(self):
        item = self.env.ref("sop_survey.setup_item_skm_units")
        self.assertEqual(item.state, "todo")
        self.assertIn("Loket Lain", item.detail)
        self.other_unit.service_ids = [Command.create({"name": "Pengaduan"})]
        item.invalidate_recordset()
        self.env["sop.skm.unit"].search([("service_ids", "=", False)]).active = False
        self.assertEqual(item.state, "done")
        self.assertEqual(item.action_open()["res_model"], "sop.skm.unit")
