from odoo.addons.sop_organisasi.tests.form_walker import FormWalkerMixin
from odoo.addons.sop_organisasi.tests.workflow_attacks import WorkflowAttackMixin
from odoo.tests import tagged
from odoo.tests.common import TransactionCase

from .sinovik_common import SinovikFixtures
from .skm_common import SkmCommon


class SurveyCityCase(FormWalkerMixin, SkmCommon, SinovikFixtures, TransactionCase):
    """A city where an SKM period runs and a SINOVIK competition is open, another one under
    evaluation with a proposal at its first scored stage; one user per product group."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls._setup_skm()
        cls._sinovik_setup()
        # a competition in its evaluation, with a proposal at its first scored stage ...
        evaluated = cls.competition.copy({"name": "SINOVIK Dinilai"})
        cls.competition.action_open_registration()
        cls._proposal(cls.opd_a, "Inovasi Berjalan", user=cls.liaison_a).action_submit()
        cls.competition.action_start_evaluation()
        cls.competition.proposal_ids.with_user(cls.staff).action_accept()
        # ... and another one open for registration
        cls.competition = evaluated
        evaluated.action_open_registration()
        cls.users = cls._walker_users()
        for user in cls.users.values():
            user.sop_unit_ids = cls.opd | cls.opd_a
        liaison = cls.users["sop_organisasi.group_sop_opd_user"]
        (cls.opd | cls.opd_a).liaison_user_ids = [(4, liaison.id)]


@tagged("post_install", "-at_install")
class TestEveryFormSaves(SurveyCityCase):
    """Every "New" and "Save" of the SKM and SINOVIK screens works for the groups that are offered it."""

    _walked_addon = "sop_survey"

    def test_every_new_and_save_works(self):
        """SKM periods, follow-up plans, units, questionnaires, SINOVIK competitions, proposals..."""
        self.assertEveryNewSaves(self.users, minimum=15)


@tagged("post_install", "-at_install")
class TestWorkflowFieldsHold(WorkflowAttackMixin, SurveyCityCase):
    """Every declared workflow field of every SKM and SINOVIK screen resists create, default_*,
    write and copy (periods, follow-ups, competitions, stages, proposals, juror assignments)."""

    _walked_addon = "sop_survey"

    def test_workflow_fields_hold(self):
        self.assertWorkflowFieldsHold(self.users, minimum=20)
