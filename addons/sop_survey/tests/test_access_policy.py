from odoo.addons.sop_organisasi.tests.access_policy import AccessPolicyMixin
from odoo.tests import tagged

from .test_form_new import SurveyCityCase


@tagged("post_install", "-at_install")
class TestAccessPolicy(AccessPolicyMixin, SurveyCityCase):
    """security/access_policy.json is the policy of sop_survey (see sop_organisasi's access_policy.py),
    attacked in a city with an SKM period and SINOVIK competitions under way."""

    _policy_addon = "sop_survey"
    _walked_addon = "sop_survey"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a closed stage (its ranking made) for the lock attacks on what the workflow creates
        evaluated = cls.env["sop.sinovik.competition"].search([("state", "=", "evaluation")], limit=1)
        stage = evaluated.stage_ids.filtered(lambda s: s.state == "open")[:1]
        stage.with_user(cls.administrator).action_close_force()

    def test_policy_holds(self):
        self.assertPolicyHolds()

    def test_locks_hold(self):
        """A submitted, evaluated, rejected or ranked proposal: fields, delete, the files of its parts."""
        self.assertLocksHold(minimum=100)
