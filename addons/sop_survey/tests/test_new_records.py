from odoo.exceptions import AccessError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged

from .skm_common import SkmCase


class TestWorkflowFieldsOnCreate(SkmCase):
    """A new period or follow-up plan starts where its workflow starts: the form's default state is
    accepted, any other state is refused, a context key sets nothing and a copy starts again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.administrator = new_test_user(cls.env, "skm_new_admin", groups="sop_organisasi.group_sop_manager")

    def test_new_period_from_the_form(self):
        """What the issue reported: SKM > Periods > New > Save as the administrator."""
        with Form(self.env["sop.skm.period"].with_user(self.administrator)) as form:
            form.year = 2031
            with form.population_ids.new() as line:
                line.unit_id = self.other_unit
                line.population = 400
        period = form.record
        self.assertEqual((period.name, period.state), ("SKM 2031 Semester I", "open"))
        self.assertEqual(period.population_ids.unit_id, self.other_unit)

    def test_new_followup_from_the_form(self):
        with Form(self.env["sop.skm.followup"].with_user(self.sop_user)) as form:
            form.population_id = self.population
            form.element = "U1"
            form.name = "Menyederhanakan persyaratan"
            form.deadline = "2031-06-30"
        self.assertEqual(form.record.state, "draft")

    def test_other_state_refused_on_create(self):
        Period = self.env["sop.skm.period"].with_user(self.administrator)
        with self.assertRaisesRegex(AccessError, "workflow"):
            Period.create({"year": 2032, "state": "closed"})
        Followup = self.env["sop.skm.followup"].with_user(self.sop_user)
        values = {"population_id": self.population.id, "element": "U1", "name": "x", "deadline": "2031-06-30"}
        with self.assertRaisesRegex(AccessError, "workflow"):
            Followup.create(dict(values, state="done"))
        self.assertFalse(Followup.search([("name", "=", "x")]))

    def test_context_default_sets_nothing(self):
        Period = self.env["sop.skm.period"].with_user(self.administrator).with_context(default_state="closed")
        self.assertEqual(Period.create({"year": 2033}).state, "open")
        Followup = self.env["sop.skm.followup"].with_user(self.sop_user).with_context(default_state="done")
        plan = Followup.create(
            {"population_id": self.population.id, "element": "U1", "name": "y", "deadline": "2031-06-30"}
        )
        self.assertEqual(plan.state, "draft")

    def test_copy_starts_from_the_defaults(self):
        self.period.action_close()
        self.assertEqual(self.period.state, "closed")
        copy = self.period.with_user(self.administrator).copy({"year": 2034})
        self.assertEqual(copy.state, "open")


@tagged("post_install", "-at_install")
class TestNewRecordsTour(HttpCase):
    def test_admin_creates_period_and_followup(self):
        """The administrator creates an SKM period and a follow-up plan in the browser."""
        opd = self.env["hr.department"].create({"name": "Dinas Tur", "is_opd": True})
        self.env["sop.skm.unit"].create({"name": "Loket Tur", "opd_id": opd.id})
        self.start_tour("/odoo", "skm_new_records_tour", login="admin")
        period = self.env["sop.skm.period"].search([("name", "=", "SKM 2027 Semester I")])
        self.assertEqual(period.state, "open")
        self.assertEqual(period.population_ids.unit_id.name, "Loket Tur")
        self.assertEqual(period.population_ids.population, 1200)
        plan = self.env["sop.skm.followup"].search([("population_id", "=", period.population_ids.id)])
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.name, "Menambah petugas loket pada jam sibuk")
        self.assertEqual(str(plan.deadline), "2027-06-30")
