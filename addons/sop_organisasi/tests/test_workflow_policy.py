from odoo.tests import tagged

from .test_form_new import SopCityCase
from .workflow_attacks import WorkflowAttackMixin


@tagged("post_install", "-at_install")
class TestWorkflowFieldsHold(WorkflowAttackMixin, SopCityCase):
    """Every declared workflow field of every SOP screen resists create, default_*, write and copy."""

    def test_workflow_fields_hold(self):
        self.assertWorkflowFieldsHold(self.users, minimum=40)
