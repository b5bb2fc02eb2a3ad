from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSkjTours(HttpCase):
    """The SKJ of an OPD in the browser, in Indonesian: the liaison fills in a post's SKJ and submits, the team
    verifies, the Kabag approves through his tier and prints the lampiran."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("id_ID")
        cls.liaison = new_test_user(
            env, "liaison_tur_skj", groups="sop_organisasi.group_sop_opd_user", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.team = new_test_user(
            env, "tim_tur_skj", groups="sop_organisasi.group_sop_user", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.kabag = new_test_user(
            env, "kabag_tur_skj", groups="sop_organisasi.group_sop_approver", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.opd = env["hr.department"].create(
            {"name": "Dinas Tur SKJ", "is_opd": True, "liaison_user_ids": [(4, cls.liaison.id)]}
        )
        env["hr.job"].create({"name": "Kepala Dinas Tur SKJ", "department_id": cls.opd.id, "job_kind": "jpt_pratama"})
        cls.post = env["hr.job"].create(
            {"name": "Pengolah Data Tur SKJ", "department_id": cls.opd.id, "job_kind": "pelaksana"}
        )
        cls.skj_set = env["sop.jabatan.skj.set"]._sop_open_for(cls.opd, 2026)

    def test_liaison_team_kabag(self):
        self.start_tour("/odoo", "sop_jabatan_skj_liaison_tour", login=self.liaison.login)
        self.assertEqual(self.skj_set.state, "submitted")
        skj = self.skj_set.skj_ids.filtered(lambda s: s.post_id == self.post)
        integrity = skj.competency_ids.filtered(
            lambda c: c.skill_id == self.env.ref("sop_jabatan.competency_integritas")
        )
        self.assertEqual(integrity.level, 2)
        self.assertEqual(
            [(r.kind, r.name, r.grade) for r in skj.requirement_ids], [("education", "S1 Sistem Informasi", "mutlak")]
        )
        self.start_tour("/odoo", "sop_jabatan_skj_team_tour", login=self.team.login)
        self.assertEqual(self.skj_set.state, "review")
        self.start_tour("/odoo", "sop_jabatan_skj_kabag_tour", login=self.kabag.login)
        self.assertEqual(self.skj_set.state, "effective")
        # what the Print Lampiran button downloads, as the Kabag
        self.authenticate(self.kabag.login, self.kabag.login)
        response = self.url_open(f"/report/pdf/sop_jabatan.report_skj_lampiran/{self.skj_set.id}")
        self.assertEqual(response.status_code, 200)
        # (Odoo's test mode answers the report's HTML instead of running wkhtmltopdf)
        self.assertIn(b"STANDAR KOMPETENSI JABATAN", response.content)
        self.assertIn(b"Pengolah Data Tur SKJ", response.content)
        self.assertIn(b"S1 Sistem Informasi", response.content)
