from odoo.addons.sop_organisasi.tests.access_policy import AccessPolicyMixin
from odoo.tests import tagged

from .test_form_new import SurveyCityCase


@tagged("post_install", "-at_install")
class TestAccessPolicy(AccessPolicyMixin, SurveyCityCase):
    """security/access_policy.json is the policy of sop_survey (see sop_organisasi's access_policy.py),
    attacked in a city with an SKM period and SINOVIK competitions under way."""

    _policy_addon = "sop_survey"
    _walked_addon = "sop_survey"

    def test_policy_holds(self):
        self.assertPolicyHolds()

    def test_locks_hold(self):
        """A submitted, evaluated, rejected or ranked proposal: fields, delete, the files of its parts."""
        self.assertLocksHold(minimum=100)
