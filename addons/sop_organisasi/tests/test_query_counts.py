from odoo.tests import Form
from odoo.tests import tagged

from .bulk import clone_relation
from .bulk import clone_rows
from .case_common import SopCaseRunCase


@tagged("post_install", "-at_install")
class TestQueryCounts(SopCaseRunCase):
    """What users open costs the same number of queries with 10 or with 1,000 cases around it.

    A screen that reads every record of a growing table (an unbounded list, a count
    done in Python, a prefetch that splits past 1,000 rows) shows here as more queries
    on the larger city, long before it shows as seconds.
    """

    AROUND = 1000

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.few = [cls._new_case(year=2016 + i) for i in range(10)]

    def _queries(self, function):
        """Queries of ``function()``, measured on its second run (the first fills the caches)."""
        counts = []
        for _run in range(2):
            self.env.invalidate_all()
            self.env.registry.clear_cache()
            with self.env.cr.savepoint(flush=True) as savepoint:
                before = self.env.cr.sql_log_count
                function()
                self.env.flush_all()
                counts.append(self.env.cr.sql_log_count - before)
                savepoint.rollback()
        self.env.invalidate_all()
        return counts[-1]

    def _grow_the_city(self):
        """1,000 more started cases: copies of the cases of the fixture, steps, assignees, activities."""
        cr = self.env.cr
        self.env.flush_all()
        before = self.Case.search_count([])
        ids = [case.id for case in self.few]
        cases = clone_rows(cr, "sop_case", copies=self.AROUND // len(ids), where="t.id = ANY(%s)", params=[ids])
        steps = clone_rows(cr, "sop_case_step", parent=("case_id", cases))
        cr.execute(
            f"UPDATE sop_case c SET current_step_id = m.new_id FROM {steps} m, {cases} cm "
            "WHERE cm.new_id = c.id AND m.g = cm.g AND m.old_id = c.current_step_id"
        )
        clone_relation(cr, "sop_case_step_res_users_rel", "step_id", steps)
        clone_rows(cr, "sop_case_history", parent=("case_id", cases), remap={"step_id": steps})
        clone_rows(
            cr,
            "mail_activity",
            parent=("res_id", steps),
            where="t.res_model = 'sop.case.step'",
        )
        self.env.invalidate_all()
        self.assertEqual(self.Case.search_count([]), before + self.AROUND)

    def _open_case(self, user):
        case = self.few[0]
        return lambda: Form(case.with_user(user))

    def _case_list(self, user):
        """The cases menu: a page of the list (10 rows in both cities, the page the small one fills)
        and the count of all the cases."""

        def open_list():
            cases = self.Case.with_user(user)
            fields = cases.get_views([(False, "list")])["models"]["sop.case"]["fields"]
            cases.web_search_read(
                [], {name: {} for name in fields if fields[name]["type"] not in ("one2many", "many2many")}, limit=10
            )
            cases.search_count([])

        return open_list

    def _finish_first_step(self, year):
        case = self._new_case(year=year)
        step = case.current_step_id
        # started an hour ago in both cities: the working hours are counted on the calendar
        # (a step finished in the second it started counts none, without reading the calendar)
        self.env.cr.execute(
            "UPDATE sop_case_step SET date_started = date_started - interval '1 hour' WHERE id = %s", [step.id]
        )
        step.invalidate_recordset(["date_started"])
        return lambda: step.with_user(step.user_ids[0]).action_finish()

    def _start_page(self, user):
        return lambda: self.env["sop.dashboard"].with_user(user).get_dashboard_data()

    def test_screens_cost_the_same_queries_in_a_larger_city(self):
        screens = {
            "start page (staff)": self._start_page(self.sop_user),
            "start page (Kabag)": self._start_page(self.kabag),
            "start page (liaison)": self._start_page(self.liaison),
            "open a running case": self._open_case(self.sop_user),
            "case list": self._case_list(self.sop_user),
            "finish a step": self._finish_first_step(2030),
        }
        small = {name: self._queries(screen) for name, screen in screens.items()}
        self._grow_the_city()
        screens["finish a step"] = self._finish_first_step(2031)
        large = {name: self._queries(screen) for name, screen in screens.items()}
        self.assertTrue(all(small.values()), small)
        self.assertEqual(large, small)
