from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestJabatanRoleTours(HttpCase):
    """The job data of an OPD in the browser: the liaison fills in a post and submits, the division
    verifies and prints the peta jabatan, the Kabag approves through his tier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("id_ID")
        env["ir.module.module"].search([("name", "in", ("sop_organisasi", "sop_jabatan"))])._update_translations(
            ["id_ID"]
        )
        cls.liaison = new_test_user(
            env, "liaison_tur_jabatan", groups="sop_organisasi.group_sop_opd_user", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.staff = new_test_user(
            env, "staf_tur_jabatan", groups="sop_organisasi.group_sop_user", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.kabag = new_test_user(
            env, "kabag_tur_jabatan", groups="sop_organisasi.group_sop_approver", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.opd = env["hr.department"].create(
            {"name": "Dinas Tur Jabatan", "is_opd": True, "liaison_user_ids": [(4, cls.liaison.id)]}
        )
        head = env["hr.job"].create(
            {"name": "Kepala Dinas Tur", "department_id": cls.opd.id, "job_kind": "jpt_pratama"}
        )
        cls.post = env["hr.job"].create(
            {"name": "Pengolah Data Tur", "department_id": cls.opd.id, "job_kind": "pelaksana", "parent_id": head.id}
        )
        cls.analysis = env["sop.jabatan.analysis"]._sop_open_for(cls.opd, 2026)
        head_sheet = cls.analysis.sheet_ids.filtered(lambda s: s.post_id == head)
        env["sop.jabatan.task"].create(
            {
                "sheet_id": head_sheet.id,
                "name": "Memimpin dinas",
                "volume": 1,
                "standard_time": 1250,
                "time_unit": "hours",
            }
        )

    def test_liaison_staff_kabag(self):
        self.start_tour("/odoo", "sop_jabatan_liaison_tour", login=self.liaison.login)
        self.assertEqual(self.analysis.state, "submitted")
        sheet = self.analysis.sheet_ids.filtered(lambda s: s.post_id == self.post)
        self.assertAlmostEqual(sheet.workload_minutes, 120 * 240)
        self.start_tour("/odoo", "sop_jabatan_staff_tour", login=self.staff.login)
        self.assertEqual(self.analysis.state, "review")
        # what the print button downloads, as the division user
        self.authenticate(self.staff.login, self.staff.login)
        response = self.url_open(f"/report/pdf/sop_jabatan.report_peta_jabatan/{self.analysis.id}")
        self.assertEqual(response.status_code, 200)
        # (in test mode Odoo renders a report as its HTML, without wkhtmltopdf)
        self.assertIn(b"Pengolah Data Tur", response.content, "the peta jabatan shows the posts")
        self.assertIn(b"Kepala Dinas Tur", response.content)
        self.start_tour("/odoo", "sop_jabatan_kabag_tour", login=self.kabag.login)
        self.assertEqual(self.analysis.state, "effective")
        self.assertEqual(self.post.current_sheet_id, sheet)
