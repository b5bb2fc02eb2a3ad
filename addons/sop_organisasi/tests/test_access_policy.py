from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .access_policy import AccessPolicyMixin


@tagged("post_install", "-at_install")
class TestAccessPolicy(AccessPolicyMixin, TransactionCase):
    """security/access_policy.json is the policy of sop_organisasi: every model and stored field has
    an entry, the code grants exactly its rights and declares its workflow fields, and every right it
    does not grant is refused (docs/security.md shows it)."""

    _policy_addon = "sop_organisasi"

    def test_policy_holds(self):
        self.assertPolicyHolds()
