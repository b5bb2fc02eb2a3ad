import datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .sinovik_common import SinovikCase


@tagged("post_install", "-at_install")
class TestSinovikWorkflow(SinovikCase):
    def test_default_configuration(self):
        """A new competition starts with the KIPP 2021-2023 form (domain.md 3.5)."""
        competition = self.env["sop.sinovik.competition"].create({"name": "KIPP", "year": 2027})
        limits = competition.section_ids.sorted("sequence").mapped("max_words")
        self.assertEqual(limits, [200, 300, 200, 200, 600, 100, 200, 200, 500])
        self.assertEqual(len(competition.attachment_type_ids), 3)
        self.assertEqual(
            competition.stage_ids.sorted("sequence").mapped("kind"),
            ["registration", "administrative", "desk", "presentation", "field", "announcement"],
        )
        desk = competition.stage_ids.filtered(lambda s: s.kind == "desk")
        self.assertEqual(desk.weight_total, 100)
        self.assertEqual(len(self.env["sop.sinovik.sdg"].search([])), 17)

    def test_lines_follow_configuration(self):
        proposal = self._proposal(self.opd_a, "Inovasi", complete=False)
        self.assertEqual(proposal.answer_ids.section_id, self.competition.section_ids)
        self.assertEqual(proposal.document_ids.type_id, self.competition.attachment_type_ids)
        submitted = self._proposal(self.opd_c, "Sudah Diajukan")
        submitted.sudo()._sinovik_write({"state": "submitted"})
        section = self.env["sop.sinovik.section"].create(
            {"competition_id": self.competition.id, "name": "Sumber Daya", "max_words": 200}
        )
        self.assertIn(section, proposal.answer_ids.section_id)
        self.assertNotIn(section, submitted.answer_ids.section_id, "a locked proposal is not touched")
        # the liaison's OPD is proposed by default
        new = self.env["sop.sinovik.proposal"].with_user(self.liaison_a).new({"name": "x"})
        self.assertEqual(new.opd_id, self.opd_a)

    def test_submission_lists_every_problem(self):
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_a, "Inovasi Kosong", user=self.liaison_a, complete=False)
        proposal.answer_ids.filtered(lambda a: a.section_id.name == "Kebaruan").text = "satu dua tiga empat lima enam"
        with self.assertRaises(ValidationError) as caught:
            proposal.action_submit()
        message = str(caught.exception)
        for expected in (
            "The start of implementation is missing.",
            "The group is missing.",
            "The category is missing.",
            "Link the innovation to at least one SDG.",
            "The video link is missing.",
            "Section 'Ringkasan' is empty.",
            "Section 'Kebaruan' has 6 words; the limit is 5.",
            "The attachment 'Surat Pernyataan Implementasi' is missing.",
        ):
            self.assertIn(expected, message)
        self.assertEqual(proposal.state, "draft")
        self.assertFalse(proposal.submit_date)
        self.assertTrue(proposal.answer_ids.filtered("over_limit"))

    def test_batch_submission_all_or_nothing(self):
        self.competition.action_open_registration()
        good = self._proposal(self.opd_a, "Lengkap")
        bad = self._proposal(self.opd_c, "Tanpa Video")
        bad.video_url = "youtu.be/x"
        with self.assertRaisesRegex(ValidationError, "must be a web address"):
            (good | bad).action_submit()
        self.assertEqual((good | bad).mapped("state"), ["draft", "draft"])

    def test_start_date_one_year_before_deadline(self):
        proposal = self._proposal(self.opd_a, "Baru", complete=False)
        proposal.start_date = datetime.date(2025, 3, 31)  # exactly one year before 31 March 2026
        with self.assertRaisesRegex(ValidationError, "31 Maret 2025 at the latest"):
            proposal.start_date = datetime.date(2025, 4, 1)

    def test_registration_must_be_open(self):
        proposal = self._proposal(self.opd_a, "Terlalu Dini")
        with self.assertRaisesRegex(ValidationError, "is not open"):
            proposal.action_submit()

    def test_quota_per_opd(self):
        self.competition.action_open_registration()
        first, second, third = (self._proposal(self.opd_a, f"Inovasi {i}") for i in range(3))
        (first | second).action_submit()
        with self.assertRaisesRegex(ValidationError, "the quota is 2"):
            third.action_submit()

    def test_transitions_and_locking(self):
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_a, "Inovasi A", user=self.liaison_a)
        proposal.action_submit()
        self.assertEqual(proposal.state, "submitted")
        self.assertTrue(proposal.submit_date)
        first_submit = proposal.submit_date
        # locked: neither the proposal nor its sections or attachments can change
        with self.assertRaisesRegex(UserError, "locked"):
            proposal.name = "Ganti"
        with self.assertRaisesRegex(UserError, "locked"):
            proposal.answer_ids[:1].text = "ganti"
        with self.assertRaisesRegex(UserError, "locked"):
            proposal.document_ids[:1].datas = False
        with self.assertRaisesRegex(UserError, "Only draft proposals"):
            proposal.unlink()
        # the OPD cannot decide the administrative selection
        with self.assertRaisesRegex(UserError, "Organization Division"):
            proposal.action_accept()
        # returned for correction: comment + activity for the OPD liaison
        wizard = (
            self.env["sop.sinovik.decision.wizard"]
            .with_user(self.staff)
            .create({"proposal_ids": [Command.set(proposal.ids)], "decision": "return", "comment": "Lengkapi data."})
        )
        wizard.action_confirm()
        self.assertEqual(proposal.state, "returned")
        self.assertEqual(proposal.return_comment, "Lengkapi data.")
        activity = proposal.activity_ids
        self.assertEqual(activity.user_id, self.liaison_a)
        self.assertIn("Lengkapi data.", str(activity.note))
        proposal.name = "Inovasi A (perbaikan)"
        proposal.action_submit()
        self.assertEqual(proposal.state, "resubmitted")
        self.assertEqual(proposal.submit_date, first_submit, "the first submission time is kept for the tie-break")
        self.assertFalse(proposal.activity_ids, "the correction activity is done")
        # administrative selection passed: into the first scored stage
        self.competition.action_start_evaluation()
        proposal.with_user(self.staff).action_accept()
        self.assertEqual((proposal.state, proposal.current_stage_id), ("evaluation", self.stage_desk))
        with self.assertRaisesRegex(UserError, "locked"):
            proposal.answer_ids[:1].text = "ganti"

    def test_reject_needs_reason(self):
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_a, "Inovasi Ditolak")
        proposal.action_submit()
        with self.assertRaisesRegex(UserError, "needs a reason"):
            proposal.with_user(self.staff).action_reject(" ")
        proposal.with_user(self.staff).action_reject("Belum berjalan satu tahun.")
        self.assertEqual((proposal.state, proposal.reject_reason), ("rejected", "Belum berjalan satu tahun."))
        with self.assertRaisesRegex(UserError, "administrative selection"):
            proposal.with_user(self.staff).action_accept()

    def test_conflict_of_interest(self):
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_a, "Inovasi A")
        proposal.action_submit()
        self.competition.action_start_evaluation()
        proposal.with_user(self.staff).action_accept()
        Assignment = self.env["sop.sinovik.assignment"]
        # the liaison of the OPD
        with self.assertRaisesRegex(ValidationError, "Conflict of interest: juror .* belongs to Dinas Kesehatan"):
            Assignment.create(
                {"stage_id": self.stage_desk.id, "proposal_id": proposal.id, "juror_id": self.liaison_a.id}
            )
        # an employee of the OPD
        self.env["hr.employee"].create(
            {"name": "Pegawai Dinkes", "user_id": self.juror_1.id, "department_id": self.opd_a.id}
        )
        with self.assertRaisesRegex(ValidationError, "Conflict of interest"):
            Assignment.create({"stage_id": self.stage_desk.id, "proposal_id": proposal.id, "juror_id": self.juror_1.id})
        # the same juror may score other OPDs' proposals
        assignment = Assignment.create(
            {"stage_id": self.stage_desk.id, "proposal_id": proposal.id, "juror_id": self.juror_2.id}
        )
        self.assertEqual(len(assignment.score_ids), 2)
        self.assertTrue(self.juror_2.has_group("sop_survey.group_sinovik_juror"))
        # changing the juror later is checked too
        with self.assertRaisesRegex(ValidationError, "Conflict of interest"):
            assignment.juror_id = self.liaison_a

    def test_return_to_portal_liaison(self):
        """A portal OPD liaison gets the correction activity and can resubmit."""
        self.competition.action_open_registration()
        proposal = self._proposal(self.opd_b, "Inovasi Portal", user=self.portal_b)
        proposal.action_submit()
        proposal.with_user(self.staff).action_return("Perbaiki video.")
        self.assertEqual(proposal.sudo().activity_ids.user_id, self.portal_b)
        proposal.video_url = "https://youtu.be/baru"
        proposal.action_submit()
        self.assertEqual(proposal.state, "resubmitted")
        self.assertFalse(proposal.sudo().activity_ids)

    def test_assign_wizard(self):
        self.competition.action_open_registration()
        prop_a = self._proposal(self.opd_a, "Inovasi A")
        prop_c = self._proposal(self.opd_c, "Inovasi C")
        (prop_a | prop_c).action_submit()
        self.competition.action_start_evaluation()
        (prop_a | prop_c).with_user(self.staff).action_accept()
        Wizard = self.env["sop.sinovik.assign.wizard"].with_user(self.staff)
        vals = {
            "stage_id": self.stage_desk.id,
            "proposal_ids": [Command.set((prop_a | prop_c).ids)],
            "juror_ids": [Command.set((self.juror_1 | self.liaison_a).ids)],
        }
        # liaison_a belongs to OPD A: refused as a whole when conflicts are not skipped
        with self.assertRaisesRegex(ValidationError, "nothing was assigned"):
            Wizard.create(dict(vals, skip_conflicts=False)).action_assign()
        self.assertFalse(self.stage_desk.assignment_ids)
        result = Wizard.create(vals).action_assign()
        self.assertIn("3 assignment(s) created", result["params"]["message"])
        pairs = {(a.proposal_id, a.juror_id) for a in self.stage_desk.assignment_ids}
        self.assertEqual(pairs, {(prop_a, self.juror_1), (prop_c, self.juror_1), (prop_c, self.liaison_a)})
        # running it again creates nothing new
        Wizard.create(vals).action_assign()
        self.assertEqual(len(self.stage_desk.assignment_ids), 3)
