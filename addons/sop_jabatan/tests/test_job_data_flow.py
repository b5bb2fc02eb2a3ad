import contextlib

from odoo.addons.sop_organisasi.tests.case_common import SopCaseRunCase
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import Form
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestJobDataFlow(SopCaseRunCase):
    """From an SOP 1 case to effective, versioned job data: the OPD fills in, the division verifies, the
    Kabag approves through the tier, the case gets the document; last year's figures are never overwritten."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the administrator has marked the SOP as the one that makes the job data (SOP 1 of the decree)
        as_workflow(cls.skj).write({"work_product": "anjab_abk"})
        Job = cls.env["hr.job"]
        cls.head = Job.create(
            {"name": "Kepala Dinas Kesehatan Uji", "department_id": cls.opd.id, "job_kind": "jpt_pratama"}
        )
        cls.clerk = Job.create(
            {
                "name": "Pengadministrasi Umum Uji",
                "department_id": cls.opd.id,
                "job_kind": "pelaksana",
                "parent_id": cls.head.id,
            }
        )
        cls.env["hr.employee"].create(
            [
                {"name": "Pegawai Satu", "job_id": cls.clerk.id, "employment_status": "pns"},
                {"name": "Pegawai Dua", "job_id": cls.clerk.id, "employment_status": "pppk"},
            ]
        )
        cls.Analysis = cls.env["sop.jabatan.analysis"]

    def _fill_in(self, analysis, user):
        """The liaison enters a task on every post of the draft, through the sheet form."""
        for sheet in analysis.sheet_ids:
            with Form(sheet.with_user(user), view="sop_jabatan.sop_jabatan_sheet_view_form") as form:
                with form.task_ids.new() as task:
                    task.name = f"Tugas {sheet.name}"
                    task.volume = 100
                    task.standard_time = 6
                    task.time_unit = "hours"

    def _approve(self, analysis):
        analysis.with_user(self.liaison).action_submit()
        analysis.with_user(self.tim1).action_verify()
        self.assertEqual(analysis.state, "review")
        self.assertTrue(analysis.review_ids, "the Kabag's tier is asked")
        analysis.with_user(self.kabag).validate_tier()

    def _check_documents(self, analysis, cases):
        # the cases receive the document in the background: the approval did not wait for wkhtmltopdf
        Attachment = self.env["ir.attachment"]
        on_cases = [("res_model", "=", "sop.case"), ("res_id", "in", cases.ids)]
        self.assertFalse(Attachment.search(on_cases), "not made during the approval")
        self.assertEqual(analysis.pending_documents[0][0], "sop_jabatan.action_report_informasi_jabatan")
        cron = self.env.ref("sop_organisasi.ir_cron_sop_render_documents")
        self.assertTrue(
            self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]), "the job was started at once"
        )
        self.env["sop.document.version.mixin"]._cron_sop_render_documents()
        self.assertFalse(analysis.pending_documents)
        self.assertEqual(len(Attachment.search(on_cases)), 2, "the Informasi Jabatan PDF on each case")
        kept = Attachment.search([("res_model", "=", analysis._name), ("res_id", "=", analysis.id)])
        self.assertEqual(len(kept), 1, "and once on the job data, kept for every later Print")
        self.assertTrue(kept.name.endswith(".pdf"))

    def test_case_to_effective_job_data(self):
        case = self._new_case(year=2026)
        analysis = self.Analysis.search([("opd_id", "=", self.opd.id), ("year", "=", 2026)])
        self.assertEqual(len(analysis), 1, "starting the case opened the OPD's job data of the year")
        self.assertEqual(analysis.state, "draft")
        self.assertEqual(analysis.case_ids, case)
        self.assertEqual(analysis.sheet_ids.post_id, self.head | self.clerk, "a sheet per post of the OPD")
        clerk_sheet = analysis.sheet_ids.filtered(lambda s: s.post_id == self.clerk)
        self.assertEqual((clerk_sheet.staff_pns, clerk_sheet.staff_pppk, clerk_sheet.staff_in_post), (1, 1, 2))
        self.assertEqual(clerk_sheet.parent_post_id, self.head)
        # another case of the year (the first one cancelled) works on the same draft
        case.with_user(self.sop_user).action_cancel()
        other = self._new_case(year=2026)
        self.assertEqual(analysis.case_ids, case | other)
        self.assertEqual(self.Analysis.search_count([("opd_id", "=", self.opd.id)]), 1)

        # the liaison cannot hand in an empty draft, then fills it in
        with self.assertRaisesRegex(UserError, "no tasks"):
            analysis.with_user(self.liaison).action_submit()
        self._fill_in(analysis, self.liaison)
        # the other OPD's liaison does not see it
        with self.assertRaises(AccessError):
            analysis.with_user(self.other_liaison).read(["name"])
        analysis.with_user(self.liaison).action_submit()
        self.assertEqual(analysis.state, "submitted")
        with self.assertRaises(UserError):
            clerk_sheet.task_ids.with_user(self.liaison).write({"volume": 1})
        with self.assertRaises(AccessError):
            analysis.with_user(self.liaison).action_verify()
        # the division sends it back with a reason, the liaison corrects and hands it in again
        analysis.with_user(self.tim1).action_send_back("Volume tugas Kepala Dinas belum sesuai.")
        self.assertEqual(analysis.state, "draft")
        self.assertEqual(analysis.return_reason, "Volume tugas Kepala Dinas belum sesuai.")
        clerk_sheet.task_ids.with_user(self.liaison).write({"volume": 200})
        analysis.with_user(self.liaison).action_submit()
        self.assertFalse(analysis.return_reason)
        analysis.with_user(self.tim1).action_verify()
        with contextlib.suppress(AccessError, UserError):
            analysis.with_user(self.liaison).validate_tier()
        self.assertEqual(analysis.state, "review", "the liaison does not approve")
        analysis.with_user(self.kabag).validate_tier()
        self.assertEqual(analysis.state, "effective")
        self.assertTrue(analysis.date_effective)
        self.assertEqual(self.clerk.current_sheet_id, clerk_sheet)
        self.assertAlmostEqual(self.clerk.workload_minutes, 200 * 360)
        self._check_documents(analysis, case | other)
        # effective: read-only for everyone, the lines too
        for user in (self.liaison, self.tim1, self.kabag):
            with self.assertRaises(UserError):
                analysis.with_user(user).write({"year": 2027})
            with self.assertRaises(UserError):
                clerk_sheet.task_ids.with_user(user).write({"volume": 1})
            with self.assertRaises(UserError):
                clerk_sheet.task_ids.with_user(user).unlink()

    def test_revision_keeps_the_effective_version(self):
        self._new_case(year=2025)
        first = self.Analysis.search([("opd_id", "=", self.opd.id), ("year", "=", 2025)])
        self._fill_in(first, self.liaison)
        self._approve(first)
        clerk_2025 = first.sheet_ids.filtered(lambda s: s.post_id == self.clerk)
        figures = clerk_2025.workload_minutes
        # next year: a new draft starts from last year's effective sheets; 2025 is untouched
        self._new_case(year=2026)
        second = self.Analysis.search([("opd_id", "=", self.opd.id), ("year", "=", 2026)])
        self.assertEqual(second.state, "draft")
        clerk_2026 = second.sheet_ids.filtered(lambda s: s.post_id == self.clerk)
        self.assertEqual(clerk_2026.task_ids.mapped("volume"), [100.0], "copied from 2025")
        clerk_2026.task_ids.with_user(self.liaison).write({"volume": 300})
        self.assertEqual(clerk_2025.workload_minutes, figures, "last year's figures are not overwritten")
        self._approve(second)
        self.assertEqual(self.clerk.current_sheet_id, clerk_2026)
        self.assertEqual(first.state, "effective", "another year: both stay effective")
        # a revision of the same year supersedes it when approved
        action = second.with_user(self.tim1).action_revise()
        revision = self.Analysis.browse(action["res_id"])
        self.assertEqual((revision.revision, revision.previous_id, revision.state), (1, second, "draft"))
        self.assertEqual(second.with_user(self.tim1).action_revise()["res_id"], revision.id, "one open revision")
        revision.sheet_ids.filtered(lambda s: s.post_id == self.clerk).task_ids.with_user(self.liaison).write(
            {"volume": 50}
        )
        self.assertEqual(clerk_2026.task_ids.volume, 300, "the effective version is not touched by its revision")
        self._approve(revision)
        self.assertEqual(second.state, "superseded")
        self.assertEqual(self.clerk.current_sheet_id.analysis_id, revision)
        with self.assertRaises(UserError):
            second.with_user(self.tim1).action_revise()
        # a case of the year while a revision is open works on it
        self.Case.search([("opd_id", "=", self.opd.id), ("year", "=", 2026)]).with_user(self.sop_user).action_cancel()
        self._new_case(year=2026)
        latest = self.Analysis.search([("opd_id", "=", self.opd.id), ("year", "=", 2026)], order="revision desc")
        self.assertEqual(
            latest.mapped("state"), ["draft", "effective", "superseded"], "a revision of the effective one"
        )
        self.assertEqual(latest[0].previous_id, revision)

    def test_guard(self):
        self._new_case(year=2026)
        analysis = self.Analysis.search([("opd_id", "=", self.opd.id), ("year", "=", 2026)])
        hostile = {"skip_validation_check": True, "default_state": "effective", "tracking_disable": True}
        for user in (self.liaison, self.tim1, self.kabag):
            with self.assertRaises(AccessError):
                analysis.with_user(user).with_context(**hostile).write({"state": "effective"})
            with self.assertRaises(AccessError):
                analysis.with_user(user).request_validation()
        created = self.Analysis.with_user(self.tim1).with_context(**hostile).create({"opd_id": self.other_opd.id})
        self.assertEqual(created.state, "draft", "default_state is ignored")
        with self.assertRaises(AccessError):
            self.Analysis.with_user(self.tim1).create({"opd_id": self.other_opd.id, "year": 2024, "state": "effective"})
        with self.assertRaises(UserError):
            analysis.with_user(self.tim1).copy()  # versions are copied by Revise only
        with self.assertRaises(AccessError):
            analysis.with_user(self.liaison).unlink()
        self._fill_in(analysis, self.liaison)
        analysis.with_user(self.liaison).action_submit()
        with self.assertRaises(UserError):
            analysis.with_user(self.tim1).unlink()
        with self.assertRaises(UserError):
            analysis.with_user(self.tim1).action_send_back("  ")
