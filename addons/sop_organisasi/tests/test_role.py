from odoo.tests import tagged

from .common import TestSopCommon


@tagged("post_install", "-at_install")
class TestRoleResolution(TestSopCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.job = cls.env["hr.job"].create({"name": "Analis Uji"})
        cls.employee = cls.env["hr.employee"].create(
            {"name": "Sari", "user_id": cls.sop_user.id, "job_id": cls.job.id, "department_id": cls.unit.id}
        )
        cls.other_employee = cls.env["hr.employee"].create(
            {"name": "Tono", "user_id": cls.approver.id, "job_id": cls.job.id, "department_id": cls.other_unit.id}
        )

    def test_job_positions(self):
        role = self.env["sop.role"].create(
            {"name": "Analis", "resolution_type": "job", "job_ids": [(6, 0, self.job.ids)]}
        )
        self.assertEqual(role.user_ids, self.sop_user | self.approver)
        role.department_id = self.unit
        self.assertEqual(role._resolve_users(), self.sop_user)

    def test_department_employees_and_group(self):
        role = self.env["sop.role"].create(
            {"name": "Unit", "resolution_type": "department", "department_id": self.unit.id}
        )
        self.assertEqual(role.user_ids, self.sop_user)
        role.write({"resolution_type": "employee", "employee_ids": [(6, 0, self.other_employee.ids)]})
        self.assertEqual(role.user_ids, self.approver)
        role.write({"resolution_type": "group", "group_id": self.env.ref("sop_organisasi.group_sop_approver").id})
        self.assertIn(self.approver, role.user_ids)
        self.assertIn(self.sop_admin, role.user_ids, "administrators imply approving officials")
        self.assertNotIn(self.sop_user, role.user_ids)

    def test_opd_role_uses_liaisons(self):
        opd = self.env["hr.department"].create(
            {"name": "Dinas Uji", "is_opd": True, "liaison_user_ids": [(6, 0, self.opd_user.ids)]}
        )
        role = self.env.ref("sop_organisasi.role_opd")
        self.assertFalse(role.user_ids)
        self.assertEqual(role._resolve_users(opd=opd), self.opd_user)
        self.opd_user.active = False
        self.assertFalse(role._resolve_users(opd=opd))

    def test_step_count(self):
        self._create_procedure()
        self.assertEqual(self.role_staff.step_count, 3)
        self.assertEqual(self.role_head.step_count, 1)
        self.assertEqual(self.role_outsider.step_count, 0)
