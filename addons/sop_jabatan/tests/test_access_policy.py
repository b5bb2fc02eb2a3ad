from odoo.addons.sop_organisasi.tests.access_policy import AccessPolicyMixin
from odoo.tests import tagged

from .common import TEACHER_TASKS
from .common import JabatanCase


@tagged("post_install", "-at_install")
class TestAccessPolicy(AccessPolicyMixin, JabatanCase):
    """security/access_policy.json is the policy of sop_jabatan (see sop_organisasi's access_policy.py),
    attacked in a city with posts, tasks and staff in post."""

    _policy_addon = "sop_jabatan"
    _walked_addon = "sop_jabatan"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        post = cls._post("Guru Kelas", cls.unit_a1, TEACHER_TASKS)
        cls._staff(post, ["pns", "pppk"])

    def _got_through(self, model, record, operation):
        """Odoo's hr answers a read of an employee without the right from ``hr.employee.public`` (its
        public fields, by design): the attack reads the field this addon adds, which is not public."""
        if model._name == "hr.employee" and operation == "read":
            return not self._refused(lambda: record.with_env(model.env).read(["employment_status"]))
        return super()._got_through(model, record, operation)

    def test_policy_holds(self):
        self.assertPolicyHolds()
