from odoo.addons.base.models.ir_qweb import QWebException
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import TEACHER_TASKS
from .common import JabatanCase

REFUSED = UserError  # AccessError included


@tagged("post_install", "-at_install")
class TestVersionedDocumentHoles(JabatanCase):
    """Regression tests of the review of the versioned documents (job data): paths around the lock."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sheet_a = cls._post("Guru Kelas", cls.opd_a, TEACHER_TASKS, job_kind="fungsional")
        cls.analysis_a = cls.sheet_a.analysis_id

    def test_liaison_cannot_forge_the_approval_review(self):
        """The tier reviews of job data change only through Validate/Reject by their reviewers: the OPD's
        liaison (an internal user) neither approves, drops nor adds a review in his own session."""
        approver = self.env.ref("base.user_admin")
        approver.groups_id = [(4, self.env.ref("sop_organisasi.group_sop_approver").id)]
        self.analysis_a.action_submit()
        self.analysis_a.action_verify()
        self.assertEqual(self.analysis_a.state, "review")
        review = self.analysis_a.review_ids
        self.assertTrue(review)
        as_liaison = review.with_user(self.liaison_a)
        with self.assertRaises(REFUSED):
            as_liaison.write({"status": "approved", "done_by": self.liaison_a.id})
        with self.assertRaises(REFUSED):
            as_liaison.unlink()
        definition = review.definition_id
        with self.assertRaises(REFUSED):
            self.env["tier.review"].with_user(self.liaison_a).create(
                {
                    "model": self.analysis_a._name,
                    "res_id": self.analysis_a.id,
                    "definition_id": definition.id,
                    "status": "approved",
                }
            )
        # nor made without a document, then moved onto the job data
        orphan = (
            self.env["tier.review"]
            .with_user(self.liaison_a)
            .create({"res_id": self.analysis_a.id, "definition_id": definition.id, "status": "approved"})
        )
        with self.assertRaises(REFUSED):
            orphan.write({"model": self.analysis_a._name})
        self.assertEqual(review.status, "pending")
        # the Kabag still approves through his tier
        self.analysis_a.with_user(approver).validate_tier()
        self.assertEqual(self.analysis_a.state, "effective")

    def test_sheet_state_and_opd_are_not_written_by_a_client(self):
        """A sheet's state, OPD and year follow its job data: a client cannot write them (a draft sheet
        written 'effective' would become the post's current figures)."""
        sheet = self.sheet_a.with_user(self.liaison_a)
        for vals in ({"state": "effective"}, {"opd_id": self.opd_b.id}, {"year": 2030}):
            with self.assertRaises(REFUSED):
                sheet.write(vals)
        self.assertEqual(self.sheet_a.state, "draft")
        self.assertEqual(self.sheet_a.opd_id, self.opd_a)
        self.assertFalse(self.sheet_a.post_id.current_sheet_id)

    def test_sheet_created_with_a_state_stays_draft(self):
        """A state (or OPD) given on create follows the job data all the same (held before the review)."""
        post = self.env["hr.job"].create({"name": "Pengawas Sekolah", "department_id": self.opd_a.id})
        sheet = (
            self.env["sop.jabatan.sheet"]
            .with_user(self.liaison_a)
            .create({"analysis_id": self.analysis_a.id, "post_id": post.id, "state": "effective"})
        )
        self.env.flush_all()
        sheet.invalidate_recordset()
        self.assertEqual(sheet.state, "draft")
        self.assertFalse(post.current_sheet_id)

    def test_totals_of_the_job_data_are_not_written_by_a_client(self):
        """The totals of the job data are computed from its sheets: a client does not set them."""
        need = self.analysis_a.staff_need
        with self.assertRaises(REFUSED):
            self.analysis_a.with_user(self.liaison_a).write({"staff_need": need + 99})
        self.assertEqual(self.analysis_a.staff_need, need)
        # the lines' own data stay writable while the job data is a draft
        self.sheet_a.task_ids[:1].with_user(self.liaison_a).write({"volume": 3})
        self.sheet_a.with_user(self.liaison_a).write({"summary": "Mengajar"})

    def test_liaison_cannot_move_job_data_to_another_opd(self):
        """A liaison's (empty) draft does not move to an OPD she does not serve."""
        draft = self.env["sop.jabatan.analysis"].create({"opd_id": self.opd_a.id, "year": 2031})
        with self.assertRaises(REFUSED):
            draft.with_user(self.liaison_a).write({"opd_id": self.opd_b.id})
        self.assertEqual(draft.opd_id, self.opd_a)
        draft.with_user(self.liaison_a).write({"year": 2032})  # her own OPD: still hers

    def test_sheet_default_state_key_is_dropped(self):
        """A client's default_state / default_opd_id keys do not set a new sheet's state or OPD (held before the
        review)."""
        post = self.env["hr.job"].create({"name": "Penjaga Sekolah", "department_id": self.opd_a.id})
        context = {"default_state": "effective", "default_opd_id": self.opd_b.id, "default_year": 1999}
        sheet = (
            self.env["sop.jabatan.sheet"]
            .with_user(self.liaison_a)
            .with_context(**context)
            .create({"analysis_id": self.analysis_a.id, "post_id": post.id})
        )
        self.env.flush_all()
        sheet.invalidate_recordset()
        self.assertEqual((sheet.state, sheet.opd_id, sheet.year), ("draft", self.opd_a, self.analysis_a.year))
        self.assertFalse(post.current_sheet_id)

    def test_sheet_unit_stays_in_the_opd(self):
        """The sheet's unit is pushed to the post when the version is effective: it stays in the OPD (or the
        post would move to another OPD)."""
        sheet = self.sheet_a.with_user(self.liaison_a)
        with self.assertRaises(REFUSED):
            sheet.write({"department_id": self.opd_b.id})
        sheet.write({"department_id": self.unit_a1.id})  # a unit below her OPD
        self.assertEqual(self.sheet_a.department_id, self.unit_a1)

    def test_send_back_wizard_acts_on_versioned_documents_only(self):
        """The Send Back wizard takes its document from the context: only a versioned document, by the division
        (held before the review)."""
        self.analysis_a.action_submit()
        Wizard = self.env["sop.document.send.back"].with_user(self.staff)
        for model, res_id in (("sop.procedure", self.env.ref("sop_organisasi.sop_draft_01").id), ("res.users", 1)):
            wizard = Wizard.with_context(sop_document_model=model, sop_document_id=res_id).create({"reason": "x"})
            with self.assertRaises(UserError):
                wizard.action_send_back()
        with self.assertRaises(REFUSED):  # the liaison has no Send Back
            self.env["sop.document.send.back"].with_user(self.liaison_a).with_context(
                sop_document_model=self.analysis_a._name, sop_document_id=self.analysis_a.id
            ).create({"reason": "x"}).action_send_back()
        self.assertEqual(self.analysis_a.state, "submitted")
        context = {"sop_document_model": self.analysis_a._name, "sop_document_id": self.analysis_a.id}
        Wizard.with_context(**context).create({"reason": "Lengkapi tugas"}).action_send_back()
        self.assertEqual(self.analysis_a.state, "draft")

    def test_reports_of_another_opd_are_refused(self):
        """Every PDF of the job data, its sheets and the SKJ refuses a liaison the records of another OPD (held
        before the review): a report action called with the ids of OPD B."""
        skj_set = self.env["sop.jabatan.skj.set"].create({"opd_id": self.opd_b.id, "year": 2025})
        skj = self.env["sop.jabatan.skj"].create({"skj_set_id": skj_set.id, "post_id": self.post_b.id})
        records = {
            "sop.jabatan.analysis": self.analysis_b,
            "sop.jabatan.sheet": self.sheet_b,
            "sop.jabatan.skj.set": skj_set,
            "sop.jabatan.skj": skj,
        }
        reports = self.env["ir.actions.report"].search([("model", "in", list(records))])
        self.assertGreaterEqual(len(reports), 7)
        Report = self.env["ir.actions.report"].with_user(self.liaison_a)
        for report in reports:
            with self.subTest(report=report.report_name):
                self.env.invalidate_all()  # a new request: nothing read by the administrator is cached
                try:
                    Report._render_qweb_html(report.report_name, records[report.model].ids)
                except AccessError:
                    continue
                except QWebException as exc:  # the template's first read of the record
                    self.assertIsInstance(exc.__cause__, AccessError)
                else:
                    self.fail(f"{report.report_name} printed another OPD's record")
