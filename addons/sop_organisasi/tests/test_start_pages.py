from datetime import timedelta

from lxml import etree

from odoo import Command
from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tests import HttpCase
from odoo.tests import new_test_user
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .case_common import SopCaseRunCase
from .common import TestSopCommon


@tagged("post_install", "-at_install")
class TestStartPages(TestSopCommon):
    """Each role's home action, the dashboard data, the calendar and the SOP editor."""

    def _home_of(self, user):
        return self.env["res.users"].with_user(user)._sop_home_action()

    def test_home_action_by_role(self):
        home = self.env.ref("sop_organisasi.res_users_action_sop_home")
        dashboard = self.env.ref("sop_organisasi.sop_dashboard_action")
        my_work = self.env.ref("sop_organisasi.sop_case_step_action_my_work")
        for user in (self.sop_user, self.approver, self.sop_admin, self.opd_user, self.env.ref("base.user_admin")):
            self.assertEqual(user.action_id.id, home.id, user.login)
        self.assertFalse(self.plain_user.action_id, "users outside the SOP groups keep their home")
        for user in (self.sop_user, self.approver, self.sop_admin):
            self.assertEqual(self._home_of(user)["id"], dashboard.id, user.login)
            # the server action itself, run as the user, opens the dashboard
            self.assertEqual(home.with_user(user).run()["tag"], "sop_organisasi.dashboard")
        self.assertEqual(self._home_of(self.opd_user)["id"], my_work.id)
        self.assertEqual(home.with_user(self.opd_user).run()["res_model"], "sop.case.step")
        # a user getting an SOP group later gets the start page too
        self.plain_user.groups_id = [Command.link(self.env.ref("sop_organisasi.group_sop_opd_user").id)]
        self.assertEqual(self.plain_user.action_id.id, home.id)
        # a home action chosen by the user is kept
        other = new_test_user(self.env, "has_home", groups="base.group_user")
        other.action_id = self.env.ref("mail.action_discuss").id
        other.groups_id = [Command.link(self.env.ref("sop_organisasi.group_sop_user").id)]
        self.assertEqual(other.action_id.id, self.env.ref("mail.action_discuss").id)

    def test_calendar_of_step_deadlines(self):
        action = self.env.ref("sop_organisasi.sop_case_step_action_calendar")
        self.assertEqual(action.view_mode.split(",")[0], "calendar")
        menu = self.env.ref("sop_organisasi.sop_case_step_menu_calendar")
        self.assertEqual(menu.action, action)
        views = self.env["sop.case.step"].with_user(self.sop_user).get_views([(action.view_id.id, "calendar")])
        arch = etree.fromstring(views["views"]["calendar"]["arch"])
        self.assertEqual(arch.get("date_start"), "date_deadline")
        self.assertEqual(arch.get("color"), "calendar_color")
        records = (
            self.env["sop.case.step"]
            .with_user(self.sop_user)
            .search_read(safe_eval(action.domain), ["date_deadline", "calendar_color"])
        )
        self.assertIsInstance(records, list)

    def test_flowchart_preview_of_skj(self):
        skj = self.env.ref("sop_organisasi.sop_skj")
        preview = skj.flowchart_preview
        chart = skj._get_report_document()["chart"]
        self.assertEqual(str(preview).count("<svg"), len(chart.pages))
        self.assertIn(chart.pages[0].svg(numbered=True), str(preview), "the same drawing as the PDF")
        # with the step numbers in the symbols: the preview has no table to read them from
        self.assertIn('<text class="code"', str(preview))
        self.assertIn(">A.1</text>", str(preview))
        self.assertIn(skj.section_ids.sorted("sequence")[0].name, str(preview))
        # recomputed from the steps while editing
        draft = self._create_procedure()
        self.assertEqual(str(draft.flowchart_preview).count("<svg"), 1)
        self.assertIn("<polygon", str(draft.flowchart_preview), "the decision diamond")
        empty = self.Procedure.create({"name": "Kosong"})
        self.assertNotIn("<svg", str(empty.flowchart_preview))

    def test_step_editor_on_a_new_sop(self):
        """A new SOP is written in one pass: sections, steps and a decision with its return step
        before the first save, as the form sends them."""
        view = self.env.ref("sop_organisasi.sop_procedure_view_form")
        Procedure = self.Procedure.with_user(self.sop_user)
        form = Form(Procedure, view=view)
        form.name = "Pengujian Editor"
        form.unit_id = self.unit
        form.role_ids.add(self.role_staff)
        with form.section_ids.new() as section:
            section.code = "A"
            section.name = "PERSIAPAN"
        self.assertFalse(form._get_modifier("step_ids", "invisible"), "steps are entered before saving")
        rows = [
            ("Menyiapkan bahan", "start", False),
            ("Menyusun konsep", "process", False),
            ("Memeriksa konsep", "decision", "a.2"),
            ("Mengirim surat", "end", False),
        ]
        for name, kind, return_code in rows:
            with form.step_ids.new() as line:
                line.section_label = "A"
                line.name = name
                line.role_id = self.role_staff
                line.kind = kind
                if kind == "decision":
                    self.assertTrue(line._get_modifier("return_step_code", "required"))
                    line.return_step_code = return_code
                else:
                    self.assertTrue(line._get_modifier("return_step_code", "invisible"))
        procedure = form.save()
        steps = procedure._get_ordered_steps()
        self.assertEqual(steps.mapped("code"), ["A.1", "A.2", "A.3", "A.4"], "no step lost")
        decision = steps.filtered(lambda s: s.kind == "decision")
        self.assertEqual(decision.return_step_id.code, "A.2")
        self.assertEqual(decision.return_step_code, "A.2")
        # a wrong number names the row and the column
        with self.assertRaisesRegex(ValidationError, "Step A.3: there is no step A.9 to return to.*Return to Step No"):
            with Form(procedure, view=view) as edit, edit.step_ids.edit(2) as line:
                line.return_step_code = "A.9"
        # a decision without a return step says which column to fill
        with self.assertRaisesRegex(ValidationError, "Return to Step No"):
            self.env["sop.step"].with_user(self.sop_user).create(
                {
                    "procedure_id": procedure.id,
                    "section_label": "A",
                    "name": "Putus",
                    "role_id": self.role_staff.id,
                    "kind": "decision",
                }
            )
        # a section the table does not have is named
        with self.assertRaisesRegex(ValidationError, "Section 'C' of a step is not in the Sections table"):
            with Form(procedure, view=view) as edit, edit.step_ids.new() as line:
                line.section_label = "C"
                line.name = "Lain"
                line.role_id = self.role_staff
        # the acting roles of a section are computed: shown read-only
        arch = etree.fromstring(Procedure.get_views([(view.id, "form")])["views"]["form"]["arch"])
        roles = arch.xpath("//field[@name='section_ids']/list/field[@name='role_ids']")[0]
        self.assertEqual(roles.get("readonly"), "1")
        # the step's Section column is typed, not picked: nothing is created outside the form's save
        self.assertFalse(arch.xpath("//field[@name='step_ids']/list/field[@name='section_id']"))
        # the label the user sees finds the section
        Section = self.env["sop.section"].with_user(self.sop_user)
        for label in ("A", "A.", "a. pers", "PERSIAPAN"):
            found = Section.name_search(label, [("procedure_id", "=", procedure.id)])
            self.assertEqual([name for _id, name in found], ["A. PERSIAPAN"], label)


@tagged("post_install", "-at_install")
class TestStartPageActivities(SopCaseRunCase):
    """Reviewers get an activity while an SOP or a case step waits for them; the dashboard lists late steps."""

    def _review_activities(self, record, step=None):
        domain = [
            ("res_model", "=", record._name),
            ("res_id", "=", record.id),
            ("activity_type_id", "=", self.env.ref("sop_organisasi.mail_activity_type_sop_review").id),
        ]
        if step is not None:
            domain.append(("sop_review_step_id", "=", step.id))
        return self.env["mail.activity"].search(domain)

    def test_sop_reviewers_get_activities(self):
        procedure = self._create_procedure()
        self.assertFalse(self._review_activities(procedure))
        procedure.with_user(self.sop_user).action_submit()
        managers = self.env.ref("sop_organisasi.group_sop_manager").users
        first = self._review_activities(procedure)
        self.assertEqual(first.user_id, managers, "the first tier (SOP administrators) is asked first")
        self.assertEqual(len(first), len(managers), "one activity per reviewer")
        procedure.with_user(self.sop_admin).validate_tier()
        approvers = self.env.ref("sop_organisasi.group_sop_approver").users
        second = self._review_activities(procedure)
        self.assertEqual(second.user_id, approvers, "then the approving officials")
        self.assertEqual(len(second), len(approvers))
        self.assertTrue(second & first, "an administrator who is also an approving official keeps the activity")
        procedure.with_user(self.approver).validate_tier()
        self.assertEqual(procedure.state, "effective")
        self.assertFalse(self._review_activities(procedure), "nothing waits once the SOP is effective")
        done = self.env["mail.message"].search(
            [
                ("model", "=", procedure._name),
                ("res_id", "=", procedure.id),
                ("mail_activity_type_id", "=", self.env.ref("sop_organisasi.mail_activity_type_sop_review").id),
            ]
        )
        # marked done for those who decided (the administrator at tier 1, the approver at tier 2)
        self.assertEqual(len(done), 2)

    def test_case_step_reviewers_get_activities(self):
        skj_b11 = self.skj.step_ids.filtered(lambda s: s.code == "B.11")
        self._write_locked(skj_b11, {"requires_approval": True})
        case = self._new_case()
        b11 = case.step_ids.filtered(lambda s: s.code == "B.11")
        for step in case.step_ids.filtered(lambda s: s.sequence < b11.sequence):
            step.sudo().write({"state": "done"})
        self._step_activities(case.current_step_id).unlink()
        b11._activate()
        self.assertFalse(self._review_activities(case, b11))
        b11.with_user(self.kabag).action_finish()
        approvers = self.env.ref("sop_organisasi.group_sop_approver").users
        activities = self._review_activities(case, b11)
        self.assertEqual(activities.user_id, approvers)
        self.assertIn("B.11", activities[0].summary)
        # marking a review activity done does not finish or approve the step
        b11.with_user(self.approver).reject_tier()
        self.assertEqual(b11.state, "current")
        self.assertFalse(self._review_activities(case, b11), "rejected: the review activities are gone")
        self.assertEqual(self._step_activities(b11).user_id, self.kabag, "the actor works on it again")
        b11.with_user(self.kabag).action_finish()
        self.assertEqual(self._review_activities(case, b11).user_id, approvers)
        b11.with_user(self.approver).validate_tier()
        self.assertEqual(b11.state, "done")
        self.assertFalse(self._review_activities(case, b11), "approved: nothing waits")

    def test_dashboard_lists_running_and_late_steps(self):
        case = self._new_case()
        step = case.current_step_id
        step.sudo().date_deadline = fields.Datetime.now() - timedelta(days=2)
        data = self.env["sop.dashboard"].with_user(self.sop_user).get_dashboard_data()
        sections = {section["key"]: section for section in data["sections"]}
        self.assertEqual(
            [s["key"] for s in data["sections"]][:5],
            ["my_desk", "counters", "late_steps", "steps_by_step", "monitoring_due"],
        )
        late_rows = sections["late_steps"]["rows"]
        self.assertEqual([row["action"]["res_id"] for row in late_rows], step.ids)
        self.assertEqual(late_rows[0]["action"]["res_model"], "sop.case.step")
        self.assertIn(case.name, late_rows[0]["cells"])
        tiles = {tile["label"]: tile["value"] for tile in sections["counters"]["tiles"]}
        self.assertEqual(tiles["Late steps"], 1)
        self.assertEqual(tiles["Running cases"], 1)
        by_step = [row for row in sections["steps_by_step"]["rows"] if row["cells"][1] == step.code]
        self.assertEqual(by_step[0]["cells"][2:], [1, 1])
        self.assertEqual(step.calendar_color, 1, "late steps are red on the calendar")
        # the liaison cannot see the division's data through it: record rules apply
        data = self.env["sop.dashboard"].with_user(self.other_liaison).get_dashboard_data()
        late = next(s for s in data["sections"] if s["key"] == "late_steps")
        self.assertFalse(late["rows"])


@tagged("post_install", "-at_install")
class TestStartPageTours(SopCaseRunCase, HttpCase):
    """Each role lands on its start page in the browser and opens what waits there."""

    def _case(self, name):
        case = self.Case.with_user(self.sop_user).create(
            {"name": name, "procedure_id": self.skj.id, "opd_id": self.opd.id, "year": 2026}
        )
        case.action_start()
        return case.with_user(self.env.user)

    def test_division_staff_opens_a_late_step_from_the_dashboard(self):
        case = self._case("Tour Late Case")
        step = case.current_step_id
        step.sudo().date_deadline = fields.Datetime.now() - timedelta(days=3)
        self.start_tour("/odoo", "sop_start_page_division_tour", login=self.kasubbag.login)

    def test_step_deadlines_calendar(self):
        case = self._case("Tour Calendar Case")
        step = case.current_step_id
        step.sudo().date_deadline = fields.Datetime.now() - timedelta(hours=2)
        self.start_tour("/odoo", "sop_step_calendar_tour", login=self.kasubbag.login)

    def test_opd_liaison_opens_its_step(self):
        case = self._case("Tour Liaison Case")
        opd_step = case.step_ids.filtered(lambda s: s.role_id == self.env.ref("sop_organisasi.role_opd"))[:1]
        for step in case.step_ids.filtered(lambda s: s.sequence < opd_step.sequence):
            step.sudo().write({"state": "done"})
        self._step_activities(case.current_step_id).unlink()
        opd_step._activate()
        self.assertEqual(opd_step.user_ids, self.liaison)
        self.start_tour("/odoo", "sop_start_page_liaison_tour", login=self.liaison.login)


@tagged("post_install", "-at_install")
class TestStepEditorCodes(TestSopCommon):
    """The steps table names sections and return steps by the codes the user reads: one code, one record."""

    def _form(self, record=None):
        view = self.env.ref("sop_organisasi.sop_procedure_view_form")
        if record:
            return Form(record.with_user(self.sop_user), view=view)
        form = Form(self.Procedure.with_user(self.sop_user), view=view)
        form.name = "Pengujian Kode"
        form.unit_id = self.unit
        form.role_ids.add(self.role_staff)
        return form

    def test_a_section_code_names_one_section(self):
        form = self._form()
        for code, name in (("A", "PERSIAPAN"), ("a", "PELAKSANAAN")):
            with form.section_ids.new() as section:
                section.code = code
                section.name = name
        with form.step_ids.new() as line:
            line.section_label = "A"
            line.name = "Mulai"
            line.role_id = self.role_staff
            line.kind = "start"
        with self.assertRaisesRegex(ValidationError, "names several sections"):
            form.save()

    def test_a_return_step_number_names_one_step(self):
        """Sections without a code (older SOPs) number their steps alike: "2" names no single step."""
        procedure = self.Procedure.create(
            {
                "name": "Pengujian Kode Lama",
                "unit_id": self.unit.id,
                "role_ids": [Command.set(self.role_staff.ids)],
                "section_ids": [
                    Command.create({"name": "PERSIAPAN", "sequence": 10}),
                    Command.create({"name": "PELAKSANAAN", "sequence": 20}),
                ],
            }
        )
        first, second = procedure.section_ids.sorted("sequence")
        Step = self.env["sop.step"]
        Step.create(self._step_vals(first, 10, "start", self.role_staff, "Mulai"))
        Step.create(self._step_vals(first, 20, "process", self.role_staff, "Menyiapkan"))
        target = Step.create(self._step_vals(second, 10, "process", self.role_staff, "Menyusun"))
        Step.create(
            dict(self._step_vals(second, 20, "decision", self.role_staff, "Memeriksa"), return_step_id=target.id)
        )
        Step.create(self._step_vals(second, 30, "end", self.role_staff, "Selesai"))
        self.assertEqual(procedure.step_ids.mapped("code"), ["1", "2", "1", "2", "3"])
        decision = procedure.step_ids.filtered(lambda s: s.kind == "decision")
        with self.assertRaisesRegex(ValidationError, "several steps are numbered 1"):
            # what the form sends (the sections' required code is the new form's rule)
            procedure.with_user(self.sop_user).write(
                {"step_ids": [Command.update(decision.id, {"return_step_code": "1"})]}
            )
        with self.assertRaisesRegex(ValidationError, "several steps are numbered 1"):
            decision.with_user(self.sop_user).return_step_code = "1"
        self.assertEqual(decision.return_step_id, target)

    def test_return_step_added_in_the_same_save(self):
        """An existing decision names a step added in the same save by the number the table shows."""
        procedure = self._create_procedure()
        decision = procedure.step_ids.filtered(lambda s: s.kind == "decision")
        self.assertEqual(decision.code, "A.3")
        with self._form(procedure) as edit:
            with edit.step_ids.new() as line:
                # put between A.1 and A.2 (the handle): it becomes A.2, the decision A.4
                line.sequence = 15
                line.section_label = "A"
                line.name = "Memeriksa kelengkapan"
                line.role_id = self.role_staff
            with edit.step_ids.edit(2) as line:
                self.assertEqual(line.name, "Mengoreksi dan menyetujui")
                line.return_step_code = "A.2"
        added = procedure.step_ids.filtered(lambda s: s.name == "Memeriksa kelengkapan")
        self.assertEqual(added.code, "A.2")
        self.assertEqual(decision.code, "A.4")
        self.assertEqual(decision.return_step_id, added)
        # and a step appended after the decision, named by its new number
        with self._form(procedure) as edit:
            with edit.step_ids.new() as line:
                line.sequence = 50
                line.section_label = "A"
                line.name = "Merevisi konsep"
                line.role_id = self.role_staff
            with edit.step_ids.edit(3) as line:
                line.return_step_code = "A.6"
        self.assertEqual(decision.return_step_id.name, "Merevisi konsep")
