from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSkjMatchTours(HttpCase):
    """Who meets the standard in the browser, in Indonesian: the division reads a holder's match and its gaps,
    a liaison sees his OPD's holders only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        env["res.lang"]._activate_lang("id_ID")
        env["ir.module.module"].search([("name", "in", ("sop_organisasi", "sop_jabatan"))])._update_translations(
            ["id_ID"]
        )
        cls.liaison = new_test_user(
            env, "liaison_tur_jpm", groups="sop_organisasi.group_sop_opd_user", lang="id_ID", tz="Asia/Jakarta"
        )
        cls.staff = new_test_user(
            env, "staf_tur_jpm", groups="sop_organisasi.group_sop_user", lang="id_ID", tz="Asia/Jakarta"
        )
        opd_a = env["hr.department"].create(
            {"name": "Dinas Tur JPM", "is_opd": True, "liaison_user_ids": [(4, cls.liaison.id)]}
        )
        opd_b = env["hr.department"].create({"name": "Dinas Tur Lain", "is_opd": True})
        Job = env["hr.job"]
        post_a = Job.create({"name": "Kepala Seksi Tur", "department_id": opd_a.id, "job_kind": "pengawas"})
        post_b = Job.create({"name": "Kepala Seksi Tur Lain", "department_id": opd_b.id, "job_kind": "pengawas"})
        skj_a = cls._effective_skj(post_a)
        cls._effective_skj(post_b)
        budi = env["hr.employee"].create({"name": "Budi Tur", "job_id": post_a.id})
        env["hr.employee"].create({"name": "Eko Tur", "job_id": post_b.id})
        levels = {line.skill_id: 2 for line in skj_a.competency_ids}
        for skill in levels:
            if skill.name == "Integritas":
                levels[skill] = 1
            elif skill.name == "Komunikasi":
                levels[skill] = 3
        env["hr.employee.skill"].create(
            [
                {
                    "employee_id": budi.id,
                    "skill_id": skill.id,
                    "skill_type_id": skill.skill_type_id.id,
                    "skill_level_id": skill.skill_type_id.skill_level_ids.filtered(
                        lambda lvl, level=level: lvl.level_progress == 20 * level
                    ).id,
                }
                for skill, level in levels.items()
            ]
        )

    @classmethod
    def _effective_skj(cls, post):
        skj_set = cls.env["sop.jabatan.skj.set"].create({"opd_id": post.opd_id.id, "year": 2026})
        skj = cls.env["sop.jabatan.skj"].create({"skj_set_id": skj_set.id, "post_id": post.id})
        cls.env.flush_all()
        cls.env.cr.execute("UPDATE sop_jabatan_skj_set SET state = 'effective' WHERE id = %s", [skj_set.id])
        cls.env.invalidate_all()
        return skj

    def test_staff_and_liaison(self):
        self.start_tour("/odoo", "sop_jabatan_skj_match_staff_tour", login=self.staff.login)
        self.start_tour("/odoo", "sop_jabatan_skj_match_liaison_tour", login=self.liaison.login)
