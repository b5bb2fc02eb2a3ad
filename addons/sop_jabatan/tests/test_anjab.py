import io
from unittest.mock import patch

from reportlab.pdfgen import canvas

from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import tagged
from odoo.tools.pdf import PdfFileReader

from .common import JabatanCase

SHEET_FORM = "sop_jabatan.sop_jabatan_sheet_view_form"
LINE_MODELS = (
    "sop.jabatan.anjab.qualification",
    "sop.jabatan.anjab.result",
    "sop.jabatan.anjab.material",
    "sop.jabatan.anjab.tool",
    "sop.jabatan.anjab.responsibility",
    "sop.jabatan.anjab.authority",
    "sop.jabatan.anjab.relation",
    "sop.jabatan.anjab.hazard",
)
# what the liaison enters in the lists of the sheet form
LINES = {
    "qualification_ids": [
        {"kind": "education", "name": "S-1 Statistika"},
        {"kind": "training_technical", "name": "Diklat Pengelolaan Data"},
        {"kind": "experience", "name": "2 tahun di bidang data"},
    ],
    "result_ids": [{"name": "Data sekolah terverifikasi", "unit": "dokumen"}],
    "material_ids": [{"name": "Formulir data sekolah", "use": "Menghimpun data sekolah"}],
    "tool_ids": [{"name": "Komputer", "use": "Menginput data"}],
    "responsibility_ids": [{"name": "Kebenaran data yang diinput"}],
    "authority_ids": [{"name": "Meminta data kepada sekolah"}],
    "relation_ids": [{"name": "Operator Sekolah", "unit": "Sekolah Dasar", "subject": "Pengiriman data"}],
    "hazard_ids": [{"name": "Kelelahan mata", "cause": "Bekerja lama di depan layar"}],
}
CONDITIONS = {
    "condition_place": "Di dalam ruangan",
    "condition_temperature": "Sedang",
    "condition_air": "Kering",
    "condition_room": "Cukup",
    "condition_location": "Strategis",
    "condition_lighting": "Terang",
    "condition_noise": "Tenang",
    "condition_workplace": "Bersih",
    "condition_vibration": "Tidak ada",
}


@tagged("post_install", "-at_install")
class TestAnjabElements(JabatanCase):
    """The ANJAB elements of a post sheet, filled in by the OPD's liaison on the sheet form, kept with the
    version, and printed as the Informasi Jabatan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Job = cls.env["hr.job"]
        cls.head = Job.create(
            {"name": "Kepala Dinas Pendidikan", "department_id": cls.opd_a.id, "job_kind": "jpt_pratama"}
        )
        cls.chief = Job.create(
            {
                "name": "Kepala Bidang Pembinaan SD",
                "department_id": cls.unit_a1.id,
                "job_kind": "administrator",
                "parent_id": cls.head.id,
            }
        )
        cls.post = Job.create(
            {
                "name": "Pengelola Data Pendidikan",
                "department_id": cls.unit_a1.id,
                "job_kind": "pelaksana",
                "job_code": "PL.01",
                "parent_id": cls.chief.id,
            }
        )
        cls.analysis = cls._analysis(cls.opd_a)
        option = cls.env["sop.jabatan.requirement.option"]
        cls.opt = {
            (kind, code): option.search([("kind", "=", kind), ("code", "=", code)])
            for kind, code in (
                ("aptitude", "G"),
                ("aptitude", "V"),
                ("temperament", "D"),
                ("interest", "K"),
                ("job_function", "D2"),
                ("job_function", "O6"),
            )
        }
        cls.effort_sit = option.search([("kind", "=", "physical_effort"), ("name", "=", "Duduk")])
        cls.condition_healthy = option.search(
            [("kind", "=", "physical_condition"), ("name", "=", "Sehat jasmani dan rohani")]
        )

    def _fill_as_liaison(self):
        """The liaison adds the post to his OPD's draft job data and fills in its elements (New, Save)."""
        Sheet = (
            self.env["sop.jabatan.sheet"].with_user(self.liaison_a).with_context(default_analysis_id=self.analysis.id)
        )
        with Form(Sheet, view=SHEET_FORM) as form:
            form.post_id = self.post
            self.assertEqual(form.name, "Pengelola Data Pendidikan", "the identity comes from the post")
            form.summary = "Mengelola data pendidikan dasar sebagai bahan perencanaan."
            with form.task_ids.new() as task:
                task.name = "Menghimpun data sekolah"
                task.steps = "Menerima formulir dari sekolah\nMemeriksa kelengkapan\n\nMenginput ke aplikasi"
                task.result = "Data sekolah"
                task.result_unit = "dokumen"
                task.volume = 120
                task.standard_time = 30
            for field, rows in LINES.items():
                for row in rows:
                    with form[field].new() as line:
                        for name, value in row.items():
                            setattr(line, name, value)
            for name, value in CONDITIONS.items():
                setattr(form, name, value)
            form.skills = "Mengoperasikan aplikasi pengolah data"
            for (kind, _code), option in self.opt.items():
                form[f"{kind}_ids"].add(option)
            form.physical_effort_ids.add(self.effort_sit)
            form.physical_condition_ids.add(self.condition_healthy)
            form.physical_condition_note = "Umur 18-35 tahun"
            form.expected_performance = "Data pendidikan dasar lengkap dan tepat waktu."
        return form.record

    def test_liaison_fills_in_the_elements(self):
        sheet = self._fill_as_liaison()
        self.assertEqual(sheet.analysis_id, self.analysis)
        self.assertEqual(sheet.parent_post_id, self.chief)
        self.assertEqual(sheet.qualification_ids.mapped("kind"), ["education", "training_technical", "experience"])
        self.assertEqual(sheet.result_ids.unit, "dokumen")
        self.assertEqual(sheet.relation_ids.subject, "Pengiriman data")
        self.assertEqual(sheet.hazard_ids.cause, "Bekerja lama di depan layar")
        self.assertEqual(sheet.condition_vibration, "Tidak ada")
        self.assertEqual(sheet.aptitude_ids.mapped("code"), ["G", "V"])
        self.assertEqual(sheet.job_function_ids.mapped("code"), ["D2", "O6"])
        self.assertEqual(sheet.task_ids.steps.splitlines()[0], "Menerima formulir dari sekolah")
        # the liaison opens the sheet again and changes a line
        with Form(sheet.with_user(self.liaison_a), view=SHEET_FORM) as form:
            with form.tool_ids.edit(0) as line:
                line.use = "Menginput dan mengolah data"
            form.temperament_ids.clear()
        self.assertEqual(sheet.tool_ids.use, "Menginput dan mengolah data")
        self.assertFalse(sheet.temperament_ids)

    def test_lists_keep_their_kind(self):
        sheet = self._fill_as_liaison()
        with self.assertRaises(ValidationError):
            sheet.with_user(self.liaison_a).aptitude_ids = [(4, self.opt[("temperament", "D")].id)]
        self.assertEqual(len(self.env.ref("sop_jabatan.requirement_bakat_g")), 1)
        kinds = self.env["sop.jabatan.requirement.option"].read_group([], ["kind"], ["kind"])
        counts = {row["kind"]: row["kind_count"] for row in kinds}
        self.assertEqual(counts["aptitude"], 11)
        self.assertEqual(counts["temperament"], 10)
        self.assertEqual(counts["interest"], 6)
        self.assertEqual(counts["job_function"], 7 + 9 + 8, "D0-D6, O0-O8, B0-B7")
        # the lists are the administrator's: others read them
        option = self.opt[("aptitude", "G")]
        with self.assertRaises(AccessError):
            option.with_user(self.liaison_a).write({"name": "Kecerdasan"})
        option.with_user(self.admin_sop).write({"description": "Kemampuan belajar."})
        with self.assertRaises(ValidationError):
            option.with_user(self.admin_sop).write({"kind": "temperament"})

    def test_elements_lock_with_the_version(self):
        sheet = self._fill_as_liaison()
        as_workflow(self.analysis).write({"state": "submitted"})
        liaison_sheet = sheet.with_user(self.liaison_a)
        with self.assertRaises(UserError):
            liaison_sheet.result_ids.write({"unit": "berkas"})
        with self.assertRaises(UserError):
            self.env["sop.jabatan.anjab.hazard"].with_user(self.liaison_a).create(
                {"sheet_id": sheet.id, "name": "Tersengat listrik"}
            )
        with self.assertRaises(UserError):
            liaison_sheet.authority_ids.unlink()
        with self.assertRaises(UserError):
            liaison_sheet.write({"summary": "Lain"})
        with self.assertRaises(UserError):
            sheet.with_user(self.staff).write({"physical_effort_ids": [(5,)]})

    def test_other_opds_lines_are_out_of_reach(self):
        Result = self.env["sop.jabatan.anjab.result"]
        result = Result.create({"sheet_id": self.sheet_b.id, "name": "Data kesehatan"})
        self.assertFalse(Result.with_user(self.liaison_a).search([("id", "=", result.id)]))
        with self.assertRaises(AccessError):
            Result.with_user(self.liaison_a).create({"sheet_id": self.sheet_b.id, "name": "Data lain"})
        for model in LINE_MODELS:
            self.assertFalse(self.env[model].with_user(self.internal).has_access("read"), model)

    def test_revision_copies_the_elements(self):
        sheet = self._fill_as_liaison()
        self._make_effective(self.analysis)
        self.assertEqual(self.analysis.state, "effective")
        draft = self.analysis._sop_open_revision()
        copy = draft.sheet_ids.filtered(lambda s: s.post_id == self.post)
        self.assertNotEqual(copy, sheet)
        for name in (
            "qualification_ids",
            "result_ids",
            "material_ids",
            "tool_ids",
            "responsibility_ids",
            "authority_ids",
            "relation_ids",
            "hazard_ids",
        ):
            self.assertEqual(copy[name].mapped("name"), sheet[name].mapped("name"), name)
            self.assertNotEqual(copy[name], sheet[name], name)
        self.assertEqual(copy.aptitude_ids, sheet.aptitude_ids)
        self.assertEqual(copy.task_ids.steps, sheet.task_ids.steps)
        self.assertEqual(copy.condition_place, "Di dalam ruangan")

    # ------------------------------------------------------------------ the Informasi Jabatan
    def _html(self, xmlid, records):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(xmlid, records.ids)
        return html.decode()

    def test_informasi_jabatan(self):
        sheet = self._fill_as_liaison()
        html = self._html("sop_jabatan.action_report_informasi_jabatan_sheet", sheet)
        sections = [
            "1.",
            "NAMA JABATAN",
            "2.",
            "KODE JABATAN",
            "3.",
            "UNIT KERJA",
            "4.",
            "IKHTISAR JABATAN",
            "5.",
            "KUALIFIKASI JABATAN",
            "6.",
            "TUGAS POKOK",
            "7.",
            "HASIL KERJA",
            "8.",
            "BAHAN KERJA",
            "9.",
            "PERANGKAT KERJA",
            "10.",
            "TANGGUNG JAWAB",
            "11.",
            "WEWENANG",
            "12.",
            "KORELASI JABATAN",
            "13.",
            "KONDISI LINGKUNGAN KERJA",
            "14.",
            "RISIKO BAHAYA",
            "15.",
            "SYARAT JABATAN",
            "16.",
            "PRESTASI KERJA YANG DIHARAPKAN",
            "17.",
            "KELAS JABATAN",
        ]
        position = 0
        for text in sections:
            found = html.find(text, position)
            self.assertGreater(found, -1, f"{text} after position {position}")
            position = found
        values = [
            "INFORMASI JABATAN",
            "Pengelola Data Pendidikan",
            "PL.01",
            "Kepala Dinas Pendidikan",
            "Kepala Bidang Pembinaan SD",
            "Bidang Pembinaan SD",
            "Mengelola data pendidikan dasar sebagai bahan perencanaan.",
            "S-1 Statistika",
            "Diklat Pengelolaan Data",
            "2 tahun di bidang data",
            "Menghimpun data sekolah",
            "Memeriksa kelengkapan",
            "Menginput ke aplikasi",
            "Data sekolah terverifikasi",
            "Formulir data sekolah",
            "Komputer",
            "Kebenaran data yang diinput",
            "Meminta data kepada sekolah",
            "Operator Sekolah",
            "Pengiriman data",
            "Kelelahan mata",
            "Di dalam ruangan",
            "Getaran",
            "Tidak ada",
            "Mengoperasikan aplikasi pengolah data",
            "G – Intelegensia",
            "D – DCP (Directing, Control, Planning)",
            "K – Konvensional",
            "Duduk",
            "Sehat jasmani dan rohani",
            "Umur 18-35 tahun",
            "D2 – Menganalisis Data",
            "Data pendidikan dasar lengkap dan tepat waktu.",
            # 120 x 30 minutes = 3,600 minutes: 0.5 hours a result, 1,250 effective hours, 0.048 staff
            "0,5",
            "1.250",
            "0,048",
            "Jumlah Pegawai yang Dibutuhkan",
        ]
        for value in values:
            self.assertIn(value, html)
        self.assertEqual(html.count("<li>"), html.count("</li>"))
        # every post of the job data in one document: the post sheet of OPD A and its sections
        html_all = self._html("sop_jabatan.action_report_informasi_jabatan", self.analysis)
        self.assertIn("Pengelola Data Pendidikan", html_all)
        self.assertEqual(html_all.count("NAMA JABATAN"), len(self.analysis.sheet_ids))

    def test_informasi_jabatan_pdf_has_page_numbers(self):
        """The PDF gets "Halaman n dari N" on every page (wkhtmltopdf replaced by a two-page stand-in: it would
        fetch the assets from an HTTP server this TransactionCase blocks)."""
        sheet = self._fill_as_liaison()
        report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        with patch.object(type(report), "_run_wkhtmltopdf", _two_pages):
            pdf, _kind = report._render_qweb_pdf("sop_jabatan.action_report_informasi_jabatan_sheet", sheet.ids)
        reader = PdfFileReader(io.BytesIO(pdf))
        self.assertEqual(reader.getNumPages(), 2)
        self.assertIn("Halaman 1 dari 2", reader.getPage(0).extractText())
        self.assertIn("Halaman 2 dari 2", reader.getPage(1).extractText())
        self.assertIn("INFORMASI JABATAN", reader.getPage(0).extractText())


def _two_pages(self, bodies, *args, **kwargs):
    buffer = io.BytesIO()
    document = canvas.Canvas(buffer)
    for index in range(2):
        document.drawString(72, 800, "INFORMASI JABATAN" if index == 0 else "lanjutan")
        document.showPage()
    document.save()
    return buffer.getvalue()
