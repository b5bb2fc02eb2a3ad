from odoo.tests import tagged
from odoo.tests.common import TransactionCase

# (code, actor, activity, Kelengkapan, Waktu, Output) as printed in the seed decree
SKJ_STEPS = [
    (
        "A.1",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab membuat penjadwalan pelaksanaan penyusunan SKJ OPD",
        "Aturan terkait, data OPD",
        "1 hari",
        "Penetapan OPD dalam penyusunan SKJ",
    ),
    (
        "A.2",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab menyiapkan konsep surat penyusunan SKJ OPD",
        "Aturan terkait",
        "10 menit",
        "Konsep Surat",
    ),
    (
        "A.3",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab menyediakan konsep surat kepada Kabag untuk mendapatkan persetujuan",
        "Konsep Surat",
        "5 menit",
        "Konsep surat yang telah disediakan",
    ),
    (
        "A.4",
        "Kabag Organisasi",
        "Kabag Organisasi melakukan koreksi dan persetujuan konsep surat",
        "Konsep surat",
        "30 menit",
        "Konsep surat yang disetujui Kabag",
    ),
    (
        "A.5",
        "Analis Jabatan",
        "Analisis Jabatan menyediakan konsep surat kepada pimpinan (Asisten, Sekda)",
        "Konsep surat",
        "15 menit",
        "Surat telah ditandatangani pimpinan",
    ),
    (
        "A.6",
        "Analis Jabatan",
        "Analisis Jabatan menerima surat yang turun dari pimpinan (Asisten, Sekda)",
        "Surat penyusunan SKJ",
        "15 menit",
        "Surat telah ditandatangani pimpinan",
    ),
    (
        "A.7",
        "Analis Jabatan",
        "Analisis Jabatan melakukan pengiriman surat penyusunan SKJ OPD ke OPD",
        "Surat penyusunan SKJ, agenda",
        "1 hari",
        "Tanda bukti penerimaan surat",
    ),
    (
        "A.8",
        "OPD",
        "OPD menerima surat pemberitahuan penyusunan SKJ dan melakukan persiapan data administrasi",
        "Tanda terima Surat",
        "1 hari",
        "Tanda terima Surat",
    ),
    (
        "B.1",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab membuat rencana kerja/ jadwal Penyusunan Standar Kompetensi Jabatan (SKJ)",
        "Program Kerja",
        "1 hari",
        "Perencanaan jadwal penyusunan SKJ",
    ),
    (
        "B.2",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab melakukan koordinasi ke OPD untuk Penyusunan SKJ",
        "Surat yang sudah diberi nomor, Surat perintah tugas",
        "1 hari",
        "Form data jabatan",
    ),
    (
        "B.3",
        "Tim",
        "Tim melakukan pengumpulan data menggunakan formulir data jabatan yg meliputi : struktur organisasi, ihtisar jabatan dan uraian tugas",
        "Surat perintah tugas, struktur organisasi, ihtisar jabatan dan uraian tugas",
        "10 hari",
        "Data awal terkumpul",
    ),
    (
        "B.4",
        "Tim",
        "Tim melakukan identifikasi kompetensi dan analisa data",
        "Kamus kompetensi",
        "1 bulan",
        "Daftar sementara kompetensi",
    ),
    (
        "B.5",
        "Tim",
        "Tim melakukan validasi kompetensi yang telah dituangkan pada draft kompetensi pada OPD (per OPD)",
        "Daftar sementara kompetensi",
        "5 hari",
        "Draft Kompetensi jabatan divalidasi oleh pejabat terkait",
    ),
    (
        "B.6",
        "Tim",
        "Tim menetapkan kompetensi jabatan dan Menyusun draft laporan hasil penyusunan SKJ masing-masing OPD",
        "Standar kompetensi jabatan, draft laporan",
        "1 bulan",
        "Draf laporan hasil penyusunan SKJ masing-masing OPD",
    ),
    (
        "B.7",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab menyampaikan draft laporan hasil penyusunan SKJ untuk dikoreksi OPD",
        "Draf laporan hasil penyusunan SKJ",
        "1 hari",
        "Draf laporan hasil penyusunan SKJ",
    ),
    (
        "B.8",
        "OPD",
        "OPD melakukan koreksi draft SKJ kemudian menyampaikan hasil koreksi ke Tim",
        "Draft SKJ",
        "1 minggu",
        "Draft SKJ dikoreksi",
    ),
    (
        "B.9",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab mengoreksi draft laporan hasil penyusunan SKJ yang telah diserahkan dari OPD",
        "Draf laporan hasil penyusunan SKJ",
        "1 bulan",
        "Koreksi laporan hasil penyusunan SKJ",
    ),
    (
        "B.10",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab menyampaikan draft laporan hasil penyusunan SKJ untuk dikoreksi Kabag",
        "Draf laporan hasil penyusunan SKJ",
        "1 hari",
        "Draf laporan hasil penyusunan SKJ",
    ),
    (
        "B.11",
        "Kabag Organisasi",
        "Kabag Organisasi mengoreksi draft laporan hasil penyusunan SKJ dan memberikan persetujuan (per OPD)",
        "Draf laporan hasil penyusunan SKJ",
        "5 hari",
        "draf laporan hasil penyusunan SKJ",
    ),
    (
        "B.12",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab menyiapkan konsep surat pengantar Laporan Penyusunan SKJ",
        "Konsep surat",
        "1 hari",
        "Konsep surat",
    ),
    (
        "B.13",
        "Kasubbag Kelembagaan dan Anjab",
        "Kasubbag Kelembagaan Dan Anjab menyediakan surat pengantar kepada Kabag untuk mendapat persetujuan",
        "Konsep surat",
        "1 jam",
        "Konsep surat",
    ),
    (
        "B.14",
        "Kabag Organisasi",
        "Kabag Organisasi melakukan koreksi dan persetujuan surat pengantar Standar Kompetensi Jabatan",
        "Konsep surat pengantar",
        "2 jam",
        "Konsep surat telah diparaf",
    ),
    (
        "B.15",
        "Analis Jabatan",
        "Analisis Jabatan menyediakan surat pengantar kepada pimpinan (Asisten, Sekda) untuk mendapatkan persetujuan",
        "Konsep surat pengantar",
        "1 hari",
        "Surat Pengantar",
    ),
    (
        "B.16",
        "Analis Jabatan",
        "Analisis Jabatan menerima surat pengantar dari pimpinan",
        "Surat Pengantar",
        "15 menit",
        "Surat Pengantar telah ditandatangani",
    ),
    (
        "B.17",
        "Analis Jabatan",
        "Analisis Jabatan mengirimkan dokumen Standar Kompetensi Jabatan ke masing – masing OPD",
        "Tanda terima, Surat pengantar pengiriman SKJ",
        "1 hari",
        "Tanda Terima Dokumen SKJ, Bukti Pengiriman",
    ),
    (
        "B.18",
        "Analis Jabatan",
        "Analisis Jabatan menghimpun dan melakukan pengarsipan dokumen SKJ dan tanda terima pengiriman SKJ",
        "Tanda terima pengiriman, dokumen SKJ",
        "1 jam",
        "Dokumen SKJ diarsip",
    ),
]

DECREE_TITLES = [
    "Pelaksanaan Analisis Jabatan (ANJAB) Dan Analisis Beban Kerja (ABK)",
    "Pelaksanaan Evaluasi Jabatan",
    "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)",
    "Evaluasi Organisasi Perangkat Daerah",
    "Evaluasi Tugas Pokok Dan Fungsi Organisasi Perangkat Daerah",
    "Penyusunan Indikator Kinerja Utama (IKU) Pemerintah Kota",
    "Penyusunan Perjanjian Kinerja Pemerintah Daerah",
    "Penyusunan Laporan Kinerja Instansi Pemerintah (LKjIP) Pemerintah Kota",
    "Mengikuti Gelar Budaya Kerja Tingkat Propinsi",
    "Penyusunan Road Map Reformasi Birokrasi",
    "Penyusunan Standar Pelayanan",
    "Evaluasi Standar Pelayanan Minimal (SPM)",
    "Pengukuran Survey Kepuasan Masyarakat (SKM)",
    "Kompetisi SINOVIK",
]


@tagged("post_install", "-at_install")
class TestSeedData(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.skj = cls.env.ref("sop_organisasi.sop_skj")

    def test_skj_identity(self):
        skj = self.skj
        self.assertEqual(skj.state, "effective")
        self.assertEqual(skj.number, "065/SOP/417.112/02")
        self.assertEqual(skj.name, "PENYUSUNAN STANDAR KOMPETENSI JABATAN (SKJ)")
        self.assertEqual(skj.unit_id.name, "Bagian Organisasi")
        self.assertEqual(skj.date_created_display, "13-03-2018")
        self.assertEqual(skj.revision_display, "01/13-03-2018")
        self.assertEqual(skj.date_effective_display, "13-03-2018")
        self.assertEqual(skj.date_effective_long, "13 Maret 2018")
        self.assertEqual(skj.signatory_position, "Plt. SEKRETARIS DAERAH KOTA MOJOKERTO")
        self.assertEqual(skj.signatory_name, "Dr. Ir. GENTUR PRIHANTONO S.P., M.T.")
        self.assertEqual(skj.signatory_rank, "Pembina Utama Madya")
        self.assertEqual(skj.signatory_nip_display, "19590109 198712 1 002")

    def test_skj_boxes(self):
        counts = {
            kind: len(self.skj._get_lines(kind))
            for kind in ("legal", "qualification", "related", "equipment", "warning", "record")
        }
        self.assertEqual(
            counts,
            {"legal": 3, "qualification": 2, "related": 1, "equipment": 5, "warning": 1, "record": 1},
        )
        self.assertEqual(
            self.skj._get_lines("legal").mapped("name")[1],
            "Permenpan RB Nomor 38 Tahun 2017 Tentang Standar Kompetensi Jabatan Aparatur Sipil Negara",
        )
        related = self.skj._get_lines("related")
        self.assertEqual(related.name, "SOP Pengiriman Surat")
        self.assertEqual(related.related_procedure_id.name, "Pengiriman Surat")
        self.assertEqual(self.skj._get_lines("equipment").mapped("name")[3], "ATK")
        self.assertEqual(self.skj._get_lines("record").name, "Standar Kompetensi Jabatan")

    def test_skj_sections_and_columns(self):
        sections = self.skj.section_ids.sorted("sequence")
        self.assertEqual(sections.mapped("code"), ["A", "B"])
        self.assertEqual([len(s.step_ids) for s in sections], [8, 18])
        self.assertEqual(
            sections[0].role_ids.mapped("column_label"),
            ["Analisis Jabatan", "Kasubbag Kelemb & Anjab", "Kabag Organisasi", "OPD"],
        )
        self.assertEqual(
            sections[1].role_ids.mapped("column_label"),
            ["Analisis Jabatan", "Kasubbag Kelemb & Anjab", "Kabag Organisasi", "Tim", "OPD"],
        )

    def test_skj_every_step(self):
        steps = self.skj._get_ordered_steps()
        self.assertEqual(len(steps), len(SKJ_STEPS))
        for step, expected in zip(steps, SKJ_STEPS, strict=True):
            code, actor, text, requirement, waktu, output = expected
            with self.subTest(step=code):
                self.assertEqual(step.code, code)
                self.assertEqual(step.role_id.name, actor)
                self.assertEqual(step.name, text)
                self.assertEqual(step.requirement, requirement)
                self.assertEqual(step.duration_display, waktu)
                self.assertEqual(step.output, output)

    def test_skj_flow_kinds(self):
        steps = self.skj._get_ordered_steps()
        self.assertEqual(steps[0].kind, "start")
        self.assertEqual(steps[-1].kind, "end")
        decisions = steps.filtered(lambda s: s.kind == "decision")
        self.assertEqual([(d.code, d.return_step_id.code) for d in decisions], [("A.4", "A.2"), ("B.14", "B.12")])

    def test_fourteen_sops_of_the_decree(self):
        unit = self.env.ref("sop_organisasi.dept_bagian_organisasi")
        sops = self.env["sop.procedure"].search([("unit_id", "=", unit.id)])
        self.assertEqual(len(sops), 14)
        self.assertCountEqual(sops.mapped("name"), DECREE_TITLES)
        drafts = sops - self.skj
        self.assertEqual(set(drafts.mapped("state")), {"draft"})
        for draft in drafts:
            with self.subTest(sop=draft.name):
                self.assertGreaterEqual(len(draft.step_ids), 6, "a draft procedure to complete")
                self.assertEqual(draft._get_ordered_steps()[0].kind, "start")
                self.assertTrue(draft._get_lines("legal"))
