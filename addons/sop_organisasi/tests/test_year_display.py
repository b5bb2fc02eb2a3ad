"""Years read "2026" on every screen of an Indonesian user, never "2.026" (issue 18).

The web client groups the thousands of integers ("2.026" in Indonesian) in fields without
``enable_formatting: false``, sums integers in grouped lists and offers them as pivot measures, and
formats the integer changes of the chatter. Group headers of lists, kanban columns and pivot/graph
headers show the raw value the server groups by ("2026").
"""

from datetime import datetime

from lxml import etree

from odoo.addons.mail.tools.discuss import Store
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from ..tools.year import Year
from ..tools.year import is_year_field
from .case_common import SopCaseRunCase

ADDONS = ("sop_organisasi", "sop_survey")


def _year_fields(env):
    """{model: [field names]} of the Year fields of the SOP addons' models."""
    found = {}
    for name in env.registry:
        model = env[name]
        names = [fname for fname, field in model._fields.items() if is_year_field(field)]
        if names:
            found[name] = names
    return found


@tagged("post_install", "-at_install")
class TestYearDisplay(SopCaseRunCase):
    def test_every_year_integer_of_the_addons_is_a_year(self):
        """An integer field called like a year in the two addons is a Year field (the rest follows)."""
        missing = []
        for name in self.env.registry:
            model = self.env[name]
            for fname, field in model._fields.items():
                if field.type != "integer" or not (fname == "year" or fname.endswith("_year")):
                    continue
                if set(field._modules or ()) & set(ADDONS) and not isinstance(field, Year):
                    missing.append(f"{name}.{fname}")
        self.assertFalse(missing, "integer years that would be shown with a thousands separator")
        found = _year_fields(self.env)
        for model, fname in [
            ("sop.case", "year"),
            ("sop.monitoring", "year"),
            ("sop.letter", "year"),
            ("sop.letter", "period_year"),
            ("sop.letter.agenda", "year"),
            ("sop.case.start.wizard", "year"),
        ]:
            self.assertIn(fname, found.get(model, []), f"{model}.{fname}")

    def test_years_are_not_summed(self):
        """No "Year" measure in pivots and no sum of years in a grouped list's group rows."""
        for model, names in _year_fields(self.env).items():
            description = self.env[model].fields_get(names, ["aggregator", "type"])
            for fname in names:
                self.assertEqual(description[fname]["type"], "integer", "same column as before")
                self.assertFalse(description[fname].get("aggregator"), f"{model}.{fname} has no aggregate")

    def _shown_fields(self, models):
        """(view, model, field node, options) of the fields shown by the list, form and kanban views of
        ``models``, x2many subviews included."""
        views = self.env["ir.ui.view"].search(
            [("type", "in", ("list", "form", "kanban")), ("inherit_id", "=", False), ("model", "in", list(models))]
        )
        for view in views:
            arch = etree.fromstring(self.env[view.model].get_view(view.id, view.type)["arch"])
            for node in arch.iter("field"):
                if node.get("invisible") in ("1", "True"):
                    continue
                options = safe_eval(node.get("options") or "{}", {"false": False, "true": True})
                yield view, self._node_model(node, view.model), node, options

    def test_views_show_years_without_thousands_separator(self):
        """Every list, form and kanban view showing a year turns the integer's grouping off."""
        wrong = []
        checked = 0
        year_fields = _year_fields(self.env)
        for view, model, node, options in self._shown_fields(year_fields):
            if node.get("name") not in year_fields.get(model, []):
                continue
            checked += 1
            if options.get("enable_formatting") is not False:
                wrong.append(f"{view.xml_id or view.name}: {model}.{node.get('name')}")
        self.assertGreater(checked, 5, "the views of cases, monitoring, letters and wizards show years")
        self.assertFalse(wrong, "views showing a year as 2.026")

    def test_views_show_times_without_seconds(self):
        """Every moment the addons' views show reads "17:00", not "17:00:00"."""
        models = {
            name for name in self.env.registry if name.startswith(("sop.", "survey.")) and not self.env[name]._abstract
        }
        wrong = []
        checked = 0
        for view, model, node, options in self._shown_fields(models):
            field = self.env[model]._fields.get(node.get("name"))
            if field is None or field.type != "datetime" or node.get("widget") in ("date", "remaining_days"):
                continue
            # the addons' views; the approval tiers' table inside them is drawn by OCA's widget
            if view.xml_id.split(".")[0] not in ADDONS or model not in models:
                continue
            checked += 1
            if options.get("show_seconds") is not False:
                wrong.append(f"{view.xml_id}: {model}.{node.get('name')}")
        self.assertGreater(checked, 10, "cases, steps, letters, proposals show moments")
        self.assertFalse(wrong, "views showing seconds")

    def _node_model(self, node, model):
        """The model a <field> node belongs to (the comodel inside an x2many's subview)."""
        chain = [parent for parent in node.iterancestors() if parent.tag == "field"]
        for parent in reversed(chain):
            field = self.env[model]._fields.get(parent.get("name"))
            if field is not None and field.relational:
                model = field.comodel_name
        return model

    def test_chatter_shows_a_changed_year_as_text(self):
        """The chatter of a case shows "2025 → 2026" (char), not the integer the client would group."""
        case = self._new_case(start=False, year=2025).with_context(tracking_disable=False)
        self.env.cr.precommit.run()  # created in one request, edited in the next
        case.write({"year": 2026})
        self.env.cr.precommit.run()  # the chatter's tracking is written before the commit
        tracking = case.message_ids.tracking_value_ids.filtered(lambda t: t.field_id.name == "year")
        self.assertTrue(tracking, "the year is tracked")
        (info,) = tracking._tracking_value_format()
        self.assertEqual(info["fieldType"], "char")
        self.assertEqual((info["oldValue"]["value"], info["newValue"]["value"]), ("2025", "2026"))
        # what the web client receives with the message
        store = Store()
        case.message_ids.filtered("tracking_value_ids")[:1]._to_store(store, for_current_user=True)
        (message,) = store.get_result()["mail.message"]
        year_info = [info for info in message["trackingValues"] if info["fieldName"] == "year"]
        self.assertEqual([(info["fieldType"], info["newValue"]["value"]) for info in year_info], [("char", "2026")])


@tagged("post_install", "-at_install")
class TestDashboardMoments(SopCaseRunCase):
    """The start page's "Due" column: the reader's date format and hours:minutes in his zone."""

    def test_due_without_seconds_in_the_readers_zone(self):
        self.env["res.lang"]._activate_lang("id_ID")
        self.sop_user.write({"lang": "id_ID", "tz": "Asia/Jakarta"})
        case = self._new_case()
        case.current_step_id.sudo().date_deadline = datetime(2026, 3, 2, 10, 0)  # 17:00 WIB
        dashboard = self.env["sop.dashboard"].with_user(self.sop_user).with_context(lang="id_ID")
        sections = {section["key"]: section for section in dashboard.get_dashboard_data()["sections"]}
        (row,) = [row for row in sections["late_steps"]["rows"] if case.name in row["cells"]]
        self.assertEqual(row["cells"][-1], "02/03/2026 17:00 WIB")
        # a reader in Makassar reads his own time, named
        self.sop_user.tz = "Asia/Makassar"
        sections = {section["key"]: section for section in dashboard.get_dashboard_data()["sections"]}
        (row,) = [row for row in sections["late_steps"]["rows"] if case.name in row["cells"]]
        self.assertEqual(row["cells"][-1], "02/03/2026 18:00 WITA")
