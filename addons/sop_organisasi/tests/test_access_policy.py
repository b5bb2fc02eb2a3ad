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

    def test_policy_holds(self):
        self.assertPolicyHolds()

    def test_locks_hold(self):
        """SOPs effective/superseded, cases done/cancelled, monitoring and evaluation done."""
        self.assertLocksHold(minimum=200)
