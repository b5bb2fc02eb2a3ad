from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .workflow_attacks import WorkflowAttackMixin


@tagged("post_install", "-at_install")
class TestWorkflowFieldsHold(WorkflowAttackMixin, TransactionCase):
    """Every declared workflow field of every SOP screen resists create, default_*, write and copy."""

    _walked_addon = "sop_organisasi"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.opd = cls.env["hr.department"].create({"name": "Dinas Uji Serangan", "is_opd": True, "opd_code": "UJS"})
        cls.users = cls._walker_users()
        units = cls.env["sop.procedure"].search([]).unit_id | cls.opd
        for user in cls.users.values():
            user.sop_unit_ids = units
        cls.opd.liaison_user_ids = cls.users["sop_organisasi.group_sop_opd_user"]

    def test_workflow_fields_hold(self):
        self.assertWorkflowFieldsHold(self.users, minimum=40)
