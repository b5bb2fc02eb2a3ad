from unittest.mock import patch

from odoo.addons.sop_organisasi.tests.bulk import clone_rows
from odoo.tests import tagged

from .skm_common import SkmPortalCase


@tagged("post_install", "-at_install")
class TestSkmQueryCounts(SkmPortalCase):
    """The public form and the IKM dashboard cost the same queries with 10 or 1,000 answers around."""

    AROUND = 1000

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("sop_survey.skm_rate_limit", False)
        cls.answers = [cls._respond([4, 3, 3, 2, 4, 3, 4, 4, 1]) for _i in range(10)]

    def _count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def _submission(self):
        """GET the form, POST it: the queries of each request."""
        response = []
        get = self._count(lambda: response.append(self._open_form()))
        token = response[0][1]
        post = self._count(lambda: response.append(self._post(self._form_data(token))))
        self.assertEqual(response[1].status_code, 303)
        return get, post

    def _dashboard(self):
        Result = self.env["sop.skm.result"].with_user(self.sop_user)
        measures = ["element_index:avg", "respondents:max"]
        return self._count(
            lambda: (
                Result.read_group([], measures, ["unit_id"]),
                Result.read_group([], measures, ["unit_id", "period_id"], lazy=False),
                Result.read_group([], measures, []),
            )
        )

    def _grow(self):
        """1,000 more submitted answers: copies of the fixture's, with their lines."""
        cr = self.env.cr
        self.env.flush_all()
        before = self.env["survey.user_input"].search_count([])
        ids = [answer.id for answer in self.answers]
        answers = clone_rows(
            cr,
            "survey_user_input",
            copies=self.AROUND // len(ids),
            where="t.id = ANY(%s)",
            params=[ids],
            overrides={"access_token": "md5(t.access_token || m.new_id::text)"},
        )
        clone_rows(cr, "survey_user_input_line", parent=("user_input_id", answers))
        self.env.invalidate_all()
        self.assertEqual(self.env["survey.user_input"].search_count([]), before + self.AROUND)

    def test_public_form_and_dashboard_cost_the_same_in_a_larger_city(self):
        self._submission()  # caches filled
        self._dashboard()
        small = {"form": self._submission(), "dashboard": self._dashboard()}
        self._grow()
        large = {"form": self._submission(), "dashboard": self._dashboard()}
        self.assertTrue(all(small.values()), small)
        self.assertEqual(large, small)
        # the dashboard counts them all
        total = self.env["sop.skm.result"].read_group([], ["respondents:max"], [])[0]
        self.assertEqual(total["respondents"], 10 + self.AROUND + 3)

    def test_unit_list_draws_no_qr_code(self):
        """The Service Units list shows the public links; the QR images are drawn for the form only."""
        units = self.env["sop.skm.unit"].search([])
        fields = units.get_views([(False, "list")])["models"]["sop.skm.unit"]["fields"]
        Unit = type(units)
        with patch.object(Unit, "_skm_qr_png", side_effect=AssertionError("QR drawn for the list")):
            rows = units.with_user(self.sop_user).web_search_read([], {name: {} for name in fields})["records"]
        self.assertTrue(all(row["public_url"] for row in rows))
        with patch.object(Unit, "_skm_qr_png", return_value=b"png") as draw:
            self.unit.invalidate_recordset()
            self.assertTrue(self.unit.qr_code)
        draw.assert_called_once()
