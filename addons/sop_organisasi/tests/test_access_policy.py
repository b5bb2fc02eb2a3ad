from odoo.tests import tagged

from .access_policy import AccessPolicyMixin
from .test_form_new import SopCityCase


@tagged("post_install", "-at_install")
class TestAccessPolicy(AccessPolicyMixin, SopCityCase):
    """security/access_policy.json is the policy of sop_organisasi: every model and stored field has
    an entry, the code grants exactly its rights and declares its workflow fields, every right it
    does not grant is refused, and its locks hold for every field, delete and file
    (docs/security.md shows it)."""

    _policy_addon = "sop_organisasi"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # what the workflow creates, in its locked states: a done step and an issued letter of a case
        staff = cls.users["sop_organisasi.group_sop_user"]
        case = (
            cls.env["sop.case"]
            .with_user(staff)
            .create({"procedure_id": cls.env.ref("sop_organisasi.sop_skj").id, "opd_id": cls.opd.id, "year": 2031})
        )
        case.action_start()
        first = case.current_step_id
        first.with_user(first.user_ids[0]).action_finish()
        step = case.current_step_id
        cls.env.ref("sop_organisasi.sop_letter_template_skj_notification").unit_code = "999.431"
        step.with_user(step.user_ids[0]).action_generate_letter()

    def test_policy_holds(self):
        self.assertPolicyHolds()

    def test_locks_hold(self):
        """SOPs effective/superseded, cases done/cancelled, monitoring and evaluation done."""
        self.assertLocksHold(minimum=200)
