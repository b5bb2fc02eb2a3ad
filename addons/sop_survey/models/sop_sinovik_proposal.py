from dateutil.relativedelta import relativedelta

from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.dates import format_date_long
from odoo.addons.sop_organisasi.tools.workflow import check_workflow_fields
from odoo.addons.sop_organisasi.tools.workflow import without_client_defaults
from odoo.addons.sop_organisasi.tools.xlsx_writer import download_action
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.access import DIVISION
from ..tools.access import require_group

EDITABLE_STATES = ("draft", "returned")
# fields the workflow sets; everything else is proposal content, locked after submission
WORKFLOW_FIELDS = {
    "state",
    "current_stage_id",
    "submit_date",
    "return_comment",
    "reject_reason",
    "final_rank",
    "final_score",
    "award",
    "message_main_attachment_id",
}
# set by the workflow methods only (sudo); the mail framework may set the main attachment of any record
PROTECTED_FIELDS = WORKFLOW_FIELDS - {"message_main_attachment_id"}
# the Division words the award of a proposal of the final ranking (editable in the form once final)
AWARD_STATE = "final"


class SopSinovikProposal(models.Model):
    _name = "sop.sinovik.proposal"
    _description = "SINOVIK Innovation Proposal"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    # the guard's declaration (sop_organisasi tools/workflow.py; docs/security.md)
    _workflow_fields = tuple(sorted(PROTECTED_FIELDS))
    _order = "competition_id desc, final_rank, id desc"

    name = fields.Char(string="Innovation Title", required=True, tracking=True)
    competition_id = fields.Many2one(
        "sop.sinovik.competition",
        required=True,
        index=True,
        tracking=True,
        domain="[('state', 'in', ('draft', 'open'))]",
    )
    year = Year(related="competition_id.year", store=True)
    company_id = fields.Many2one(related="competition_id.company_id", store=True)
    opd_id = fields.Many2one(
        "hr.department",
        string="OPD",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_opd', '=', True)]",
        default=lambda self: self._default_opd(),
    )
    user_id = fields.Many2one("res.users", string="Written by", default=lambda self: self.env.user)
    start_date = fields.Date(string="Start of Implementation")
    group_id = fields.Many2one("sop.sinovik.group", domain="[('competition_id', '=', competition_id)]")
    category_id = fields.Many2one("sop.sinovik.category", domain="[('competition_id', '=', competition_id)]")
    sdg_ids = fields.Many2many("sop.sinovik.sdg", string="SDGs")
    video_url = fields.Char(string="Video Link")
    answer_ids = fields.One2many("sop.sinovik.proposal.answer", "proposal_id", string="Sections")
    document_ids = fields.One2many("sop.sinovik.proposal.document", "proposal_id", string="Attachments")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("returned", "Returned for Correction"),
            ("resubmitted", "Resubmitted"),
            ("rejected", "Rejected"),
            ("evaluation", "In Evaluation"),
            ("eliminated", "Not Advanced"),
            ("final", "Final Ranking"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    is_locked = fields.Boolean(compute="_compute_is_locked")
    submit_date = fields.Datetime(string="Submitted on", readonly=True, copy=False)
    return_comment = fields.Text(string="Correction Request", readonly=True, copy=False)
    reject_reason = fields.Text(string="Rejection Reason", readonly=True, copy=False)
    current_stage_id = fields.Many2one("sop.sinovik.stage", readonly=True, copy=False, tracking=True)
    assignment_ids = fields.One2many("sop.sinovik.assignment", "proposal_id", string="Juror Assignments")
    result_ids = fields.One2many("sop.sinovik.result", "proposal_id", string="Stage Results")
    final_rank = fields.Integer(readonly=True, copy=False, tracking=True)
    final_score = fields.Float(digits=(16, 2), readonly=True, copy=False)
    award = fields.Char(copy=False, tracking=True)
    total_words = fields.Integer(compute="_compute_total_words")

    @api.model
    def _default_opd(self):
        return (
            self.env["hr.department"]
            .sudo()
            .search([("is_opd", "=", True), ("liaison_user_ids", "in", self.env.user.id)], limit=1)
            .id
        )

    @api.depends("state")
    def _compute_is_locked(self):
        for proposal in self:
            proposal.is_locked = proposal.state not in EDITABLE_STATES

    @api.depends("answer_ids.word_count")
    def _compute_total_words(self):
        for proposal in self:
            proposal.total_words = sum(proposal.answer_ids.mapped("word_count"))

    # ------------------------------------------------------------------ create / lock
    def _is_trusted_write(self):
        """Writes made by the workflow methods themselves (sudo + marker), never by a client."""
        return self.env.su and self.env.context.get("sinovik_workflow")

    def _check_workflow_fields(self, vals, creating=False):
        """Workflow fields are set by the workflow methods only (sudo), whatever the user and the context.

        The one exception: the Division words the award of a proposal of the final ranking.
        """
        protected = PROTECTED_FIELDS
        if self and self._is_division() and all(proposal.state == AWARD_STATE for proposal in self):
            protected = protected - {"award"}
        check_workflow_fields(
            self,
            vals,
            protected,
            lambda labels: self.env._(
                "Only the Organization Division can set %(fields)s; use the proposal's buttons.", fields=labels
            ),
            creating=creating,
        )

    def _is_division(self):
        return self.env.su or self.env.user.has_group(DIVISION)

    def _check_opd_and_competition(self, vals):
        """An OPD liaison files proposals for its own OPDs, in a competition open for registration."""
        if self._is_division():
            return
        if vals.get("opd_id"):
            opd = self.env["hr.department"].sudo().browse(vals["opd_id"]).exists()
            if self.env.user not in opd.liaison_user_ids:
                raise AccessError(self.env._("You can only file proposals for an OPD you act for as liaison."))
        if vals.get("competition_id"):
            competition = self.env["sop.sinovik.competition"].sudo().browse(vals["competition_id"]).exists()
            if competition.state != "open":
                raise UserError(
                    self.env._(
                        "The registration of %(name)s is not open.", name=competition.name or vals["competition_id"]
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_workflow_fields(vals, creating=True)
            self._check_opd_and_competition(vals)
        proposals = super(SopSinovikProposal, without_client_defaults(self, PROTECTED_FIELDS)).create(vals_list)
        proposals._sync_lines()
        return proposals

    def write(self, vals):
        self._check_workflow_fields(vals)
        if (
            not self.env.su
            and "competition_id" in vals
            and self.filtered(lambda p: p.competition_id.id != vals["competition_id"])
        ):
            # its sections and attachments are the competition's: a proposal never moves to another one
            raise UserError(
                self.env._(
                    "A proposal stays in the competition it was filed in: delete the draft and file it again in "
                    "the other competition."
                )
            )
        if not self._is_trusted_write() and set(vals) - WORKFLOW_FIELDS:
            self._check_unlocked()
            self._check_opd_and_competition(vals)
        result = super().write(vals)
        if not self.env.su:
            # record rules are checked before a write only: the proposals must still be the user's afterwards
            self.check_access("write")
        if "competition_id" in vals:
            self._sync_lines()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(self.env._("Only draft proposals can be deleted."))

    def _sinovik_write(self, vals):
        """Write workflow values, bypassing the content lock and the field restriction.

        Called only after the calling method has checked the transition and the user's right.
        """
        return self.sudo().with_context(sinovik_workflow=True).write(vals)

    def _check_unlocked(self):
        locked = self.filtered("is_locked")
        if locked:
            raise UserError(
                self.env._(
                    "Proposal %(name)s is locked (%(state)s): it can only be changed after it is returned for correction.",
                    name=locked[0].name,
                    state=dict(self._fields["state"]._description_selection(self.env))[locked[0].state],
                )
            )

    def _sync_lines(self):
        """One answer line per configured section, one document line per attachment type."""
        for proposal in self:
            have_sections = proposal.answer_ids.section_id
            missing = proposal.competition_id.section_ids - have_sections
            have_types = proposal.document_ids.type_id
            missing_types = proposal.competition_id.attachment_type_ids - have_types
            vals = {}
            if missing:
                vals["answer_ids"] = [fields.Command.create({"section_id": s.id}) for s in missing]
            if missing_types:
                vals["document_ids"] = [fields.Command.create({"type_id": t.id}) for t in missing_types]
            if vals:
                proposal._sinovik_write(vals)

    @api.constrains("start_date", "competition_id")
    def _check_start_date(self):
        for proposal in self:
            deadline = proposal.competition_id.registration_deadline
            if proposal.start_date and deadline and proposal.start_date > deadline - relativedelta(years=1):
                raise ValidationError(
                    self.env._(
                        "The innovation must have been implemented at least one year before the registration "
                        "deadline (%(deadline)s): start on %(limit)s at the latest.",
                        deadline=format_date_long(deadline),
                        limit=format_date_long(deadline - relativedelta(years=1)),
                    )
                )

    @api.constrains("opd_id")
    def _check_opd(self):
        for proposal in self.sudo():  # portal liaisons cannot read hr.department
            if not proposal.opd_id.is_opd:
                raise ValidationError(
                    self.env._("%(unit)s is not marked as an OPD.", unit=proposal.opd_id.display_name)
                )

    # ------------------------------------------------------------------ submission
    def _submission_problems(self):
        """List of human-readable problems that prevent submitting this proposal."""
        self.ensure_one()
        problems = []
        competition = self.competition_id
        if competition.state != "open":
            problems.append(self.env._("The registration of %(name)s is not open.", name=competition.name))
        if not self.start_date:
            problems.append(self.env._("The start of implementation is missing."))
        if competition.group_ids and not self.group_id:
            problems.append(self.env._("The group is missing."))
        if competition.category_ids and not self.category_id:
            problems.append(self.env._("The category is missing."))
        if not self.sdg_ids:
            problems.append(self.env._("Link the innovation to at least one SDG."))
        if not (self.video_url or "").strip():
            problems.append(self.env._("The video link is missing."))
        elif not self.video_url.strip().lower().startswith(("http://", "https://")):
            problems.append(self.env._("The video link must be a web address (http:// or https://)."))
        problems += self._content_problems()
        problems += self._quota_problems()
        return problems

    def _content_problems(self):
        problems = []
        competition = self.competition_id
        answers = {a.section_id.id: a for a in self.answer_ids}
        for section in competition.section_ids:
            answer = answers.get(section.id)
            words = answer.word_count if answer else 0
            if section.required and not words:
                problems.append(self.env._("Section '%(section)s' is empty.", section=section.name))
            if section.max_words and words > section.max_words:
                problems.append(
                    self.env._(
                        "Section '%(section)s' has %(words)s words; the limit is %(limit)s.",
                        section=section.name,
                        words=words,
                        limit=section.max_words,
                    )
                )
        documents = {d.type_id.id: d for d in self.document_ids if d.datas}
        for doc_type in competition.attachment_type_ids.filtered("required"):
            if doc_type.id not in documents:
                problems.append(self.env._("The attachment '%(type)s' is missing.", type=doc_type.name))
        return problems

    def _quota_problems(self):
        problems = []
        competition = self.competition_id
        if competition.quota_per_opd:
            others = self.sudo().search_count(
                [
                    ("id", "!=", self.id),
                    ("competition_id", "=", competition.id),
                    ("opd_id", "=", self.opd_id.id),
                    ("state", "not in", ("draft", "rejected")),
                ]
            )
            if others >= competition.quota_per_opd and self.state == "draft":
                problems.append(
                    self.env._(
                        "%(opd)s already has %(count)s proposal(s): the quota is %(quota)s.",
                        opd=self.sudo().opd_id.name,
                        count=others,
                        quota=competition.quota_per_opd,
                    )
                )
        return problems

    def action_submit(self):
        """Check completeness and word limits of all proposals, then lock them (all-or-nothing).

        Only a user who may write the proposal (its OPD's liaison, the Organization Division) submits it.
        """
        self.check_access("write")
        messages = []
        for proposal in self:
            if proposal.state not in EDITABLE_STATES:
                messages.append(
                    self.env._("%(name)s: only a draft or returned proposal can be submitted.", name=proposal.name)
                )
                continue
            problems = proposal._submission_problems()
            if problems:
                messages.append(
                    self.env._("%(name)s cannot be submitted:", name=proposal.name)
                    + "\n"
                    + "\n".join(f"- {p}" for p in problems)
                )
        if messages:
            raise ValidationError("\n\n".join(messages))
        now = fields.Datetime.now()
        for proposal in self:
            new_state = "resubmitted" if proposal.state == "returned" else "submitted"
            vals = {"state": new_state}
            if not proposal.submit_date:
                vals["submit_date"] = now
            proposal._sinovik_write(vals)
            # sudo: portal liaisons cannot read activities
            proposal.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
            ).action_feedback(feedback=self.env._("Proposal resubmitted."))
        return True

    def _check_division(self):
        require_group(self.env, DIVISION, self.env._("Only the Organization Division can review proposals."))

    def action_return(self, comment):
        """Return submitted proposals for correction, with a to-do activity for the OPD liaisons."""
        self._check_division()
        if not (comment or "").strip():
            raise UserError(self.env._("Explain what must be corrected."))
        for proposal in self:
            if proposal.state not in ("submitted", "resubmitted"):
                raise UserError(
                    self.env._("%(name)s is not waiting for the administrative selection.", name=proposal.name)
                )
        for proposal in self:
            proposal._sinovik_write({"state": "returned", "return_comment": comment})
            users = proposal.opd_id.liaison_user_ids | proposal.user_id
            for user in users.filtered(lambda u: not u.share)[:1] or users[:1]:
                proposal.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Correct the SINOVIK proposal"),
                    note=comment,
                    user_id=user.id,
                )
            proposal.message_post(body=self.env._("Returned for correction: %(comment)s", comment=comment))
        return True

    def action_reject(self, reason):
        self._check_division()
        if not (reason or "").strip():
            raise UserError(self.env._("A rejection needs a reason."))
        for proposal in self:
            if proposal.state not in ("submitted", "resubmitted", "returned"):
                raise UserError(self.env._("%(name)s cannot be rejected in its state.", name=proposal.name))
        for proposal in self:
            proposal._sinovik_write({"state": "rejected", "reject_reason": reason})
            proposal.message_post(
                body=self.env._("Rejected at the administrative selection: %(reason)s", reason=reason)
            )
        return True

    def action_accept(self):
        """Pass the administrative selection: the proposal enters the first scored stage."""
        self._check_division()
        for proposal in self:
            if proposal.state not in ("submitted", "resubmitted"):
                raise UserError(
                    self.env._("%(name)s is not waiting for the administrative selection.", name=proposal.name)
                )
            first = proposal.competition_id.stage_ids.filtered("is_scored").sorted(lambda s: (s.sequence, s.id))[:1]
            if not first:
                raise UserError(self.env._("The competition has no scored stage."))
            if first.state == "closed":
                raise UserError(self.env._("The first evaluation stage is already closed."))
        for proposal in self:
            first = proposal.competition_id.stage_ids.filtered("is_scored").sorted(lambda s: (s.sequence, s.id))[:1]
            proposal._sinovik_write({"state": "evaluation", "current_stage_id": first.id})
        return True

    def action_open_return_wizard(self):
        return self._open_decision_wizard("return")

    def action_open_reject_wizard(self):
        return self._open_decision_wizard("reject")

    def _open_decision_wizard(self, decision):
        self._check_division()
        return {
            "type": "ir.actions.act_window",
            "res_model": "sop.sinovik.decision.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_proposal_ids": self.ids, "default_decision": decision},
        }

    # ------------------------------------------------------------------ package export
    def _answers_in_form_order(self):
        self.ensure_one()
        return self.answer_ids.sorted(lambda a: (a.section_id.sequence, a.section_id.id))

    def action_export_package(self):
        """One merged PDF of the selected proposals, each in the order of the national form."""
        if not self:
            raise UserError(self.env._("Select the proposals to export."))
        report = self.env.ref("sop_survey.action_report_sinovik_proposal")
        ordered = self.sorted(lambda p: (p.final_rank or 10**6, p.id))
        # one proposal per wkhtmltopdf call, merged in this order: render_one_per_call of the report
        merged = report._render_qweb_pdf(report.report_name, res_ids=ordered.ids)[0]
        attachment = self.env["ir.attachment"].create(
            {
                "name": f"SINOVIK package - {len(ordered)} proposal(s).pdf",
                "raw": merged,
                "mimetype": "application/pdf",
            }
        )
        return download_action(attachment)
