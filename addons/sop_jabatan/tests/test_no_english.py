from odoo.addons.sop_organisasi.tests.no_english import NoEnglishCase
from odoo.addons.sop_organisasi.tests.no_english import screen_strings
from odoo.tests import tagged

# every screen of the Jabatan app, as an Indonesian user sees it
SCREENS = [
    ("hr.job", "sop_jabatan.hr_job_view_list_sop_jabatan", "list"),
    ("hr.job", "sop_jabatan.hr_job_view_form_sop_jabatan", "form"),
    ("hr.job", "sop_jabatan.hr_job_view_search_sop_jabatan", "search"),
    ("sop.jabatan.analysis", "sop_jabatan.sop_jabatan_analysis_view_list", "list"),
    ("sop.jabatan.analysis", "sop_jabatan.sop_jabatan_analysis_view_form", "form"),
    ("sop.jabatan.analysis", "sop_jabatan.sop_jabatan_analysis_view_search", "search"),
    ("sop.jabatan.sheet", "sop_jabatan.sop_jabatan_sheet_view_list", "list"),
    ("sop.jabatan.sheet", "sop_jabatan.sop_jabatan_sheet_view_search", "search"),
    ("sop.jabatan.sheet", "sop_jabatan.sop_jabatan_sheet_view_pivot", "pivot"),
    ("sop.document.send.back", "sop_organisasi.sop_document_send_back_view_form", "form"),
    ("hr.department", "sop_jabatan.hr_department_view_list_sop_abk_recap", "list"),
    ("sop.jabatan.jke", "sop_jabatan.sop_jabatan_jke_view_list", "list"),
    ("sop.jabatan.efficiency.band", "sop_jabatan.sop_jabatan_efficiency_band_view_list", "list"),
    ("sop.jabatan.sheet", "sop_jabatan.sop_jabatan_sheet_view_form", "form"),
    ("sop.jabatan.requirement.option", "sop_jabatan.sop_jabatan_requirement_option_view_list", "list"),
    ("sop.jabatan.requirement.option", "sop_jabatan.sop_jabatan_requirement_option_view_search", "search"),
    ("sop.jabatan.nomenclature", "sop_jabatan.sop_jabatan_nomenclature_view_list", "list"),
    ("sop.jabatan.nomenclature", "sop_jabatan.sop_jabatan_nomenclature_view_search", "search"),
    ("sop.jabatan.recap.wizard", "sop_jabatan.sop_jabatan_recap_wizard_view_form", "form"),
    ("sop.jabatan.import.wizard", "sop_jabatan.sop_jabatan_import_wizard_view_form", "form"),
    ("sop.jabatan.skj.set", "sop_jabatan.sop_jabatan_skj_set_view_list", "list"),
    ("sop.jabatan.skj.set", "sop_jabatan.sop_jabatan_skj_set_view_form", "form"),
    ("sop.jabatan.skj.set", "sop_jabatan.sop_jabatan_skj_set_view_search", "search"),
    ("sop.jabatan.skj", "sop_jabatan.sop_jabatan_skj_view_list", "list"),
    ("sop.jabatan.skj", "sop_jabatan.sop_jabatan_skj_view_form", "form"),
    ("sop.jabatan.skj", "sop_jabatan.sop_jabatan_skj_view_search", "search"),
    ("sop.jabatan.skj.import.wizard", "sop_jabatan.sop_jabatan_skj_import_wizard_view_form", "form"),
    ("hr.skill.type", "sop_jabatan.hr_skill_type_view_list_competency", "list"),
    ("hr.skill.type", "sop_jabatan.hr_skill_type_view_form_competency", "form"),
    ("hr.skill", "sop_jabatan.hr_skill_view_form_competency", "form"),
    ("sop.jabatan.competency.level", "sop_jabatan.sop_jabatan_competency_level_view_form", "form"),
    ("sop.jabatan.skj.default.level", "sop_jabatan.sop_jabatan_skj_default_level_view_list", "list"),
]


@tagged("post_install", "-at_install")
class TestJabatanScreensIndonesian(NoEnglishCase):
    def test_jabatan_screens_are_indonesian(self):
        self.assertNoEnglish(SCREENS)
        form = screen_strings(self.env_id, "sop.jabatan.sheet", "sop_jabatan.sop_jabatan_sheet_view_form", "form")
        texts = [text for _where, text in form]
        self.assertIn("Uraian Tugas dan Beban Kerja", texts)
        self.assertIn(("staff_need label", "Kebutuhan Pegawai"), form)

    def test_undefined_efficiency_in_indonesian(self):
        Department = self.env_id["hr.department"]
        opd = Department.create({"name": "Dinas Uji Bahasa", "is_opd": True})
        post = self.env_id["hr.job"].create({"name": "Analis Uji", "department_id": opd.id})
        texts = []
        for year in (2003, 2026):
            analysis = self.env_id["sop.jabatan.analysis"].create({"opd_id": opd.id, "year": year})
            sheet = self.env_id["sop.jabatan.sheet"].create({"analysis_id": analysis.id, "post_id": post.id})
            texts.append(sheet.efficiency_text)
        self.assertEqual(
            texts,
            ["Tidak terdefinisi: tidak ada JKE untuk tahun tersebut", "Tidak terdefinisi: tidak ada pemangku jabatan"],
        )
