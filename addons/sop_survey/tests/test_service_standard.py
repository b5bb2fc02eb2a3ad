from odoo import Command
from odoo.addons.sop_organisasi.tests.case_common import SopCaseRunCase
from odoo.addons.sop_organisasi.tests.no_english import NoEnglishCase
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from ..tools import service_standard as tool


class ServiceStandardCase(SopCaseRunCase):
    """An OPD with a service unit of two services, another OPD with one; SOP cases of the seeded SKJ SOP
    marked as the one that makes the service standards (as the data marks SOP 11)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        as_workflow(cls.skj).write({"work_product": "service_standard"})
        Unit = cls.env["sop.skm.unit"]
        cls.unit = Unit.create(
            {
                "name": "Puskesmas Uji",
                "opd_id": cls.opd.id,
                "service_ids": [
                    Command.create({"name": "Surat Keterangan Sehat", "sequence": 1}),
                    Command.create({"name": "Pemeriksaan Umum", "sequence": 2}),
                ],
            }
        )
        cls.service, cls.service_two = cls.unit.service_ids.sorted("sequence")
        cls.other_unit = Unit.create(
            {"name": "SD Uji", "opd_id": cls.other_opd.id, "service_ids": [Command.create({"name": "Mutasi Siswa"})]}
        )
        cls.Standard = cls.env["sop.service.standard"]

    def _fill_in(self, standard, user, days=3):
        """The liaison fills in the 14 components through the form (New lines, Save)."""
        with Form(standard.with_user(user)) as form:
            with form.requirement_ids.new() as line:
                line.name = "KTP pemohon"
                line.copies = "1 lembar fotokopi"
            form.procedure_text = "1. Pemohon mendaftar di loket.\n2. Petugas memeriksa.\n3. Surat diserahkan."
            form.duration_qty = days
            form.duration_unit = "day"
            form.cost_type = "free"
            form.product = "Surat keterangan sehat"
            form.complaint_channels = "SP4N-LAPOR!, kotak saran"
            with form.legal_line_ids.new() as law:
                law.name = "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"
            form.facilities = "Ruang tunggu ber-AC, kursi roda"
            form.staff_competence = "D3 Keperawatan"
            form.internal_supervision = "Kepala Puskesmas"
            form.staff_count = 2
            form.service_guarantee = "Selesai tepat waktu"
            form.safety_guarantee = "CCTV dan APAR"
            form.performance_evaluation = "Setiap semester"
        return standard

    def _approve(self, standard):
        standard.with_user(self.liaison).action_submit()
        standard.with_user(self.tim1).action_verify()
        self.assertEqual(standard.state, "review")
        self.assertTrue(standard.review_ids, "the Kabag's tier is asked")
        standard.with_user(self.kabag).validate_tier()


@tagged("post_install", "-at_install")
class TestServiceStandardFlow(ServiceStandardCase):
    def test_data_marks_sop_11(self):
        procedure = self.env.ref("sop_organisasi.sop_draft_11")
        self.assertEqual(procedure._sop_work_product(), "service_standard")

    def test_case_opens_drafts_of_the_opd_services(self):
        case = self._new_case()
        drafts = self.Standard.search([("opd_id", "=", self.opd.id)])
        self.assertEqual(drafts.service_id, self.unit.service_ids, "one draft per service of the OPD's units")
        self.assertEqual(set(drafts.mapped("state")), {"draft"})
        self.assertEqual(drafts.case_ids, case)
        self.assertEqual(drafts.activity_ids.user_id, self.liaison, "the liaison is asked to fill them in")
        self.assertFalse(self.Standard.search([("opd_id", "=", self.other_opd.id)]), "other OPDs untouched")
        # the liaison sees her OPD's drafts only; the other OPD's liaison none of them
        self.assertEqual(self.Standard.with_user(self.liaison).search([]), drafts)
        self.assertFalse(self.Standard.with_user(self.other_liaison).search([]))
        with self.assertRaises(AccessError):
            drafts[0].with_user(self.other_liaison).write({"product": "x"})
        # a case of the next year, while they are drafts, works on the same drafts
        other = self._new_case(year=2027)
        self.assertEqual(self.Standard.search([("opd_id", "=", self.opd.id)]), drafts)
        self.assertEqual(drafts[0].case_ids, case | other)

    def test_to_effective_then_locked(self):
        case = self._new_case()
        standard = self.Standard.search([("service_id", "=", self.service.id)])
        with self.assertRaisesRegex(UserError, "Service Time"):
            standard.with_user(self.liaison).action_submit()
        self._fill_in(standard, self.liaison)
        self.assertEqual(standard.duration_display, "3 hari")
        standard.with_user(self.liaison).action_submit()
        self.assertEqual(standard.state, "submitted")
        # locked after submit, for the liaison and the division alike, lines included
        with self.assertRaises(UserError):
            standard.with_user(self.liaison).write({"product": "Lain"})
        with self.assertRaises(UserError):
            standard.with_user(self.tim1).write({"product": "Lain"})
        with self.assertRaises(UserError):
            standard.requirement_ids.with_user(self.tim1).write({"name": "Lain"})
        with self.assertRaises(UserError):
            standard.with_user(self.tim1).write({"requirement_ids": [Command.create({"name": "Baru"})]})
        with self.assertRaises(UserError):
            standard.with_user(self.tim1).unlink()
        # only the division verifies
        with self.assertRaises(AccessError):
            standard.with_user(self.liaison).action_verify()
        standard.with_user(self.tim1).action_verify()
        standard.with_user(self.kabag).validate_tier()
        self.assertEqual(standard.state, "effective")
        self.assertTrue(standard.date_effective)
        self.assertEqual(self.service.standard_id, standard)
        self.env["sop.document.version.mixin"]._cron_sop_render_documents()  # the background job
        attachments = self.env["ir.attachment"].search([("res_model", "=", "sop.case"), ("res_id", "=", case.id)])
        self.assertEqual(len(attachments), 1, "the lampiran of the effective standard on the case")
        with self.assertRaises(UserError):
            standard.with_user(self.tim1).write({"staff_count": 9})

    def test_send_back_with_reason(self):
        self._new_case()
        standard = self._fill_in(self.Standard.search([("service_id", "=", self.service.id)]), self.liaison)
        standard.with_user(self.liaison).action_submit()
        standard.with_user(self.tim1).action_send_back("Persyaratan belum lengkap")
        self.assertEqual((standard.state, standard.return_reason), ("draft", "Persyaratan belum lengkap"))
        standard.with_user(self.liaison).write({"product": "Surat keterangan sehat (asli)"})

    def test_revision_supersedes(self):
        self._new_case()
        first = self._fill_in(self.Standard.search([("service_id", "=", self.service.id)]), self.liaison)
        self._approve(first)
        # next year's case revises the effective standard
        case = self._new_case(year=2027)
        revision = self.Standard.search([("service_id", "=", self.service.id), ("state", "=", "draft")])
        self.assertEqual((revision.revision, revision.previous_id), (1, first))
        self.assertEqual(revision.requirement_ids.mapped("name"), ["KTP pemohon"], "the lines are copied")
        self.assertEqual(revision.case_ids, case)
        self.assertEqual(first.state, "effective", "in force until the revision is approved")
        with Form(revision.with_user(self.liaison)) as form:
            form.duration_qty = 2
        self._approve(revision)
        self.assertEqual((first.state, revision.state), ("superseded", "effective"))
        self.assertEqual(self.service.standard_id, revision)
        self.assertEqual(first.requirement_ids.mapped("name"), ["KTP pemohon"], "the old version is kept")

    def test_new_standard_only_once_per_service(self):
        with Form(self.Standard.with_user(self.liaison)) as form:
            form.service_id = self.service
        standard = form.record
        self.assertEqual((standard.state, standard.opd_id), ("draft", self.opd))
        with self.assertRaisesRegex(UserError, "Revise"):
            self.Standard.with_user(self.liaison).create({"service_id": self.service.id})
        # a service of another OPD is not the liaison's
        with self.assertRaises(AccessError):
            self.Standard.with_user(self.liaison).create({"service_id": self.other_unit.service_ids.id})

    def test_cost_and_duration_checks(self):
        standard = self.Standard.create({"service_id": self.service.id})
        with self.assertRaises(ValidationError):
            standard.write({"duration_qty": 3})
        standard.write({"cost_type": "paid", "cost_amount": 150000})
        self.assertEqual(standard.cost_display, "Rp 150.000")
        self._fill_in(standard, self.liaison)
        standard.write({"cost_type": "paid", "cost_amount": 150000, "cost_legal_basis": False})
        with self.assertRaisesRegex(UserError, "Cost/Tariff"):
            standard.with_user(self.liaison).action_submit()

    def test_followup_opens_the_revision(self):
        self._new_case()
        standard = self._fill_in(self.Standard.search([("service_id", "=", self.service.id)]), self.liaison)
        self._approve(standard)
        period = self.env["sop.skm.period"].create({"year": 2026, "period_type": "semester", "number": 1})
        population = self.env["sop.skm.population"].create(
            {"period_id": period.id, "unit_id": self.unit.id, "population": 500}
        )
        with Form(self.env["sop.skm.followup"].with_user(self.tim1)) as form:
            form.population_id = population
            form.element = "U3"
            form.name = "Mempercepat pemeriksaan"
            form.deadline = "2026-12-31"
            self.assertEqual(form.standard_component, "time", "U3 measures the service time")
            form.standard_id = standard
        plan = form.record
        action = plan.action_revise_standard()
        revision = self.Standard.browse(action["res_id"])
        self.assertEqual((revision.state, revision.previous_id), ("draft", standard))
        self.assertEqual(plan.action_revise_standard()["res_id"], revision.id, "the open revision is reused")
        # the SKM report puts the standard's time beside U3
        elements = {e["code"]: e for e in population._skm_report_data()["elements"]}
        self.assertEqual(elements["U3"]["component"], "Service Time")
        self.assertEqual(elements["U3"]["standard_values"][0]["value"], "3 hari")
        self.assertEqual(elements["U8"]["component"], "Facilities and Infrastructure")

    def test_reports_render(self):
        standard = self.Standard.create({"service_id": self.service.id, "procedure_id": self.skj.id})
        self._fill_in(standard, self.liaison)
        self.unit.write({"signatory_position": "KEPALA PUSKESMAS", "signatory_name": "dr. Uji", "signatory_nip": False})
        action = standard.with_user(self.liaison).action_print_lampiran()
        self.assertEqual(action["context"]["active_ids"], standard.ids, "no effective standard of the other service")
        Report = self.env["ir.actions.report"]
        lampiran = Report._render_qweb_html("sop_survey.action_report_service_standard_lampiran", standard.ids)[0]
        for text in (b"Surat Keterangan Sehat", b"Persyaratan", b"Evaluasi Kinerja Pelaksana", b"URAIAN PROSEDUR"):
            self.assertIn(text, lampiran)
        board = Report._render_qweb_html("sop_survey.action_report_service_standard_board", standard.ids)[0]
        self.assertIn(b"GRATIS", board)
        self.assertIn(b"3 hari", board)
        self.assertNotIn(b"Evaluasi Kinerja", board, "the board shows the six delivery components only")
        for xmlid in ("sop_survey.action_report_maklumat_a4", "sop_survey.action_report_maklumat_a3"):
            poster = Report._render_qweb_html(xmlid, self.unit.ids)[0]
            self.assertIn(b"MAKLUMAT PELAYANAN", poster)
            self.assertIn(b"dr. Uji", poster)
            self.assertIn(b"sanggup menyelenggarakan pelayanan", poster)

    def test_maklumat_on_the_unit_form(self):
        administrator = new_test_user(self.env, "std_admin", groups="sop_organisasi.group_sop_manager")
        with Form(self.unit.with_user(administrator), view="sop_survey.sop_skm_unit_view_form") as form:
            self.assertIn("sanggup menyelenggarakan", form.maklumat_text)
            form.signatory_name = "dr. Kepala"
            form.signatory_nip = "198001012005011002"
        with self.assertRaises(ValidationError):
            self.unit.signatory_nip = "123"


@tagged("post_install", "-at_install")
class TestServiceStandardTools(ServiceStandardCase):
    def test_every_element_measures_a_component(self):
        codes = [code for code, *_rest in tool.ELEMENT_COMPONENT.items()]
        self.assertEqual(codes, [f"U{i}" for i in range(1, 10)])
        self.assertTrue(set(tool.ELEMENT_COMPONENT.values()) <= set(tool.COMPONENT_KEYS))
        self.assertEqual(len(tool.DELIVERY_KEYS), 6)
        self.assertEqual(len(tool.MANAGEMENT_KEYS), 8)
        self.assertEqual(tool.elements_of_component("time"), ("U3",))

    def test_format_amount(self):
        self.assertEqual(tool.format_amount(150000), "Rp 150.000")
        self.assertEqual(tool.format_amount(7500.5), "Rp 7.500,50")
        self.assertEqual(tool.format_amount(False), "")


@tagged("post_install", "-at_install")
class TestServiceStandardTour(HttpCase):
    def _standard(self, liaison, opd_name, service_name):
        opd = self.env["hr.department"].create(
            {"name": opd_name, "is_opd": True, "liaison_user_ids": [Command.set(liaison.ids)]}
        )
        unit = self.env["sop.skm.unit"].create(
            {"name": f"Loket {opd_name}", "opd_id": opd.id, "service_ids": [Command.create({"name": service_name})]}
        )
        return as_workflow(self.env["sop.service.standard"]).create({"service_id": unit.service_ids.id})

    def test_kabag_approves_a_standard(self):
        """The Kabag approves, on its form, a standard the division has verified."""
        liaison = new_test_user(self.env, "liaison_kabag_std", groups="sop_organisasi.group_sop_opd_user")
        staff = new_test_user(self.env, "staff_kabag_std", groups="sop_organisasi.group_sop_user")
        new_test_user(self.env, "kabag_tour_std", groups="sop_organisasi.group_sop_approver", password="kabag_tour_std")
        standard = self._standard(liaison, "Dinas Tur Kabag", "Izin Kabag Tur")
        standard.write(
            {
                "requirement_ids": [Command.create({"name": "KTP"})],
                "procedure_text": "Daftar, periksa, terbit.",
                "duration_qty": 1,
                "duration_unit": "day",
                "product": "Izin",
                "complaint_channels": "SP4N-LAPOR!",
                "legal_line_ids": [Command.create({"name": "UU 25/2009"})],
                "facilities": "Loket",
                "staff_competence": "SMA",
                "internal_supervision": "Kepala dinas",
                "staff_count": 1,
                "service_guarantee": "Tepat waktu",
                "safety_guarantee": "APAR",
                "performance_evaluation": "Semesteran",
            }
        )
        standard.with_user(liaison).action_submit()
        standard.with_user(staff).action_verify()
        self.start_tour("/odoo", "sop_service_standard_kabag_tour", login="kabag_tour_std")
        self.assertEqual(standard.state, "effective")

    def test_liaison_fills_in_a_standard(self):
        """The OPD's liaison opens the draft a case opened, fills in the components and submits it."""
        liaison = new_test_user(
            self.env, "liaison_tour_std", groups="sop_organisasi.group_sop_opd_user", password="liaison_tour_std"
        )
        opd = self.env["hr.department"].create(
            {"name": "Dinas Tur Standar", "is_opd": True, "liaison_user_ids": [Command.set(liaison.ids)]}
        )
        unit = self.env["sop.skm.unit"].create(
            {"name": "Loket Tur Standar", "opd_id": opd.id, "service_ids": [Command.create({"name": "Izin Tur"})]}
        )
        as_workflow(self.env["sop.service.standard"]).create({"service_id": unit.service_ids.id})
        self.start_tour("/odoo", "sop_service_standard_liaison_tour", login="liaison_tour_std")
        standard = self.env["sop.service.standard"].search([("service_id", "=", unit.service_ids.id)])
        self.assertEqual(standard.state, "submitted")
        self.assertEqual(standard.requirement_ids.mapped("name"), ["KTP asli"])
        self.assertEqual((standard.duration_qty, standard.duration_unit), (2, "day"))
        self.assertEqual(standard.staff_count, 3)


@tagged("post_install", "-at_install")
class TestServiceStandardIndonesian(ServiceStandardCase):
    """The service standard's screens, messages and component names are Indonesian for Indonesian users."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        cls.env["ir.module.module"].search([("name", "=", "sop_survey")])._update_translations(["id_ID"])
        cls.env_id = cls.env(context=dict(cls.env.context, lang="id_ID"))

    def test_labels_and_messages(self):
        Standard = self.env_id["sop.service.standard"]
        labels = Standard.fields_get(["requirement_ids", "duration_qty", "safety_guarantee"], ["string"])
        self.assertEqual(labels["requirement_ids"]["string"], "Persyaratan")
        self.assertEqual(labels["duration_qty"]["string"], "Jangka Waktu Penyelesaian")
        self.assertEqual(labels["safety_guarantee"]["string"], "Jaminan Keamanan dan Keselamatan Pelayanan")
        self.assertEqual(Standard._sop_component_labels()["time"], "Jangka Waktu Penyelesaian")
        arch = Standard.get_view(view_type="form")["arch"]
        arch = arch.decode() if isinstance(arch, bytes) else arch
        for text in ("Penyampaian Pelayanan", "Pengelolaan", "Verifikasi"):
            self.assertIn(text, arch)
        standard = self.Standard.create({"service_id": self.service.id})
        with self.assertRaisesRegex(UserError, "belum lengkap. Isikan: Persyaratan"):
            standard.with_user(self.liaison).with_context(lang="id_ID").action_submit()


@tagged("post_install", "-at_install")
class TestServiceStandardNoEnglish(NoEnglishCase):
    def test_service_standard_screens_are_indonesian(self):
        self.assertNoEnglish(
            [
                ("sop.service.standard", "sop_survey.sop_service_standard_view_form", "form"),
                ("sop.service.standard", "sop_survey.sop_service_standard_view_list", "list"),
                ("sop.service.standard", "sop_survey.sop_service_standard_view_search", "search"),
                ("sop.skm.unit", "sop_survey.sop_skm_unit_view_form", "form"),
                ("sop.skm.followup", "sop_survey.sop_skm_followup_view_form", "form"),
                ("sop.skm.result", "sop_survey.sop_skm_result_view_list", "list"),
            ]
        )
