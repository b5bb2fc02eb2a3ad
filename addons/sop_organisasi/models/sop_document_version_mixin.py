import base64
import logging

from lxml import etree

from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import AccessError
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.workflow import as_workflow
from ..tools.workflow import check_computed_fields
from ..tools.workflow import in_workflow
from ..tools.workflow import written_fields

_logger = logging.getLogger(__name__)

DOCUMENT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("review", "Under Review"),
    ("effective", "Effective"),
    ("superseded", "Superseded"),
]
# the states of a version still being prepared (at most one per versioned thing)
OPEN_STATES = ("draft", "submitted", "review")
# set by the workflow only (docs/security.md rule 11)
DOCUMENT_WORKFLOW_FIELDS = (
    "state",
    "revision",
    "previous_id",
    "review_ids",
    "date_submitted",
    "date_effective",
    "return_reason",
    "case_ids",
    "pending_documents",
)
# Context keys of base_tier_validation that open its locks: ignored outside the workflow.
_TIER_BYPASS_KEYS = ("skip_validation_check", "skip_check_state_condition")


class SopDocumentVersionMixin(models.AbstractModel):
    """A work product of the division, made by an OPD and the division for a year (or a service), approved
    through tiers and kept per version.

    Flow: *draft* (the OPD's liaison and the division fill it in) → Submit → *submitted* → Verify (division
    staff) → *review* (the approval tiers, e.g. the Kabag) → *effective*; the effective version it replaces
    becomes *superseded*. Send Back returns a submitted or reviewed version to draft with a reason; Revise
    copies an effective version into the next draft. Outside draft only the workflow writes: no client
    context opens the lock (``tools.workflow``).

    The concrete model defines ``previous_id`` (Many2one to itself), its identity fields and
    ``_sop_version_key`` (the fields naming the versioned thing, e.g. ``("opd_id", "year")``), and may
    override the hooks ``_sop_check_complete``, ``_sop_on_effective`` and ``_sop_revision_default``.
    """

    _name = "sop.document.version.mixin"
    _description = "Versioned Work Product of the Division"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "sop.approval.activity.mixin",
        "sop.workflow.state.mixin",
    ]
    _workflow_fields = DOCUMENT_WORKFLOW_FIELDS
    _sop_version_key = ()
    _sop_opd_field = "opd_id"

    _state_field = "state"
    _state_from = ["review"]
    _state_to = ["effective"]
    _cancel_state = "draft"
    _tier_validation_manual_config = False

    state = fields.Selection(DOCUMENT_STATES, default="draft", required=True, copy=False, tracking=True, index=True)
    revision = fields.Integer(default=0, copy=False, readonly=True, help="0 for the first version of the year.")
    date_submitted = fields.Date(string="Submitted On", copy=False, readonly=True)
    date_effective = fields.Date(string="Effective Since", copy=False, readonly=True)
    return_reason = fields.Text(
        string="Reason Sent Back", copy=False, readonly=True, help="Why the last reviewer sent it back to draft."
    )
    case_ids = fields.Many2many(
        "sop.case",
        string="SOP Cases",
        copy=False,
        readonly=True,
        help="The SOP cases that opened or revised this version; they receive its documents when it is effective.",
    )
    pending_documents = fields.Json(
        copy=False,
        readonly=True,
        help="The documents of an effective version still to be generated and attached to it and its cases "
        "(a background job makes them: wkhtmltopdf takes a while for a whole OPD).",
    )

    # ---------------------------------------------------------------- guard
    def _sop_without_tier_bypass(self):
        if in_workflow(self.env) or not any(self.env.context.get(key) for key in _TIER_BYPASS_KEYS):
            return self
        return self.with_context(dict.fromkeys(_TIER_BYPASS_KEYS, False))  # pylint: disable=context-overridden

    @api.model_create_multi
    def create(self, vals_list):
        return super(SopDocumentVersionMixin, self._sop_without_tier_bypass()).create(vals_list)

    def write(self, vals):
        check_computed_fields(self, vals)  # the totals follow the lines
        if not in_workflow(self.env) and written_fields(vals):
            self._sop_check_editable()
        res = super(SopDocumentVersionMixin, self._sop_without_tier_bypass()).write(vals)
        if not self.env.su and set(vals) & {*self._sop_version_key, self._sop_opd_field}:
            self.check_access("write")  # moved: still a document the user may write (e.g. her OPD's)
        return res

    def copy(self, default=None):
        """A version is copied by Revise only (the next revision of the same OPD and year)."""
        if not in_workflow(self.env):
            raise UserError(self.env._("A version is copied by its Revise button only."))
        return super().copy(default)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft_version(self):
        if in_workflow(self.env):
            return
        if any(rec.state != "draft" for rec in self):
            raise UserError(self.env._("Only a draft can be deleted; a submitted or effective version is kept."))

    def _sop_check_editable(self):
        """Raise unless the version (and its lines) may change: only a draft, except for the workflow."""
        if in_workflow(self.env):
            return
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "'%(document)s' can only be changed while it is a draft (it is %(state)s).",
                        document=rec.display_name,
                        state=dict(DOCUMENT_STATES).get(rec.state, rec.state),
                    )
                )

    def _check_attachment_change(self):
        """Files of a version follow its lock: changed only while it is a draft (the generated documents of an
        effective version are attached by the workflow)."""
        self._sop_check_editable()
        if not self.env.su:
            self.check_access("write")

    def _sop_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    # ---------------------------------------------------------------- hooks
    def _sop_check_complete(self):
        """Raise a UserError naming what is missing before the version can be submitted (override)."""
        return True

    def _sop_on_effective(self):
        """Called by the workflow when the version becomes effective (override)."""
        return True

    def _sop_revision_default(self):
        """Values of the next draft when an effective version is revised (override to add)."""
        self.ensure_one()
        return {"revision": self.revision + 1, "previous_id": self.id}

    def _sop_key_domain(self):
        self.ensure_one()
        return [
            (name, "=", self[name].id if hasattr(self[name], "id") else self[name]) for name in self._sop_version_key
        ]

    def _sop_check_versions(self):
        """One version per revision of the versioned thing, and at most one being prepared: call it from a
        ``@api.constrains`` of the concrete model on its ``_sop_version_key`` fields, ``state`` and
        ``revision``."""
        for rec in self:
            others = [*rec._sop_key_domain(), ("id", "!=", rec.id)]
            if self.sudo().search_count([*others, ("revision", "=", rec.revision)]):
                raise ValidationError(
                    self.env._(
                        "%(document)s already exists: open it (or revise it) instead.", document=rec.display_name
                    )
                )
            if rec.state in OPEN_STATES and self.sudo().search_count([*others, ("state", "in", OPEN_STATES)]):
                raise ValidationError(
                    self.env._(
                        "%(document)s is already being prepared: continue that version.", document=rec.display_name
                    )
                )

    @api.model
    def _sop_open_version(self, values, case=False):
        """The version a case works on for the versioned thing ``values`` (its key fields): the one being
        prepared, else a revision of the effective one, else a new draft (``_sop_on_new_version``). The case
        is linked to it. Returns the version and whether it was being prepared already."""
        flow = as_workflow(self)
        domain = [(name, "=", value) for name, value in values.items()]
        version = flow.search([*domain, ("state", "in", OPEN_STATES)], order="revision desc, id desc", limit=1)
        pending = bool(version)
        if not version:
            effective = flow.search([*domain, ("state", "=", "effective")], order="revision desc, id desc", limit=1)
            if effective:
                version = as_workflow(effective._sop_open_revision())
            else:
                version = flow.create(dict(values))
                version._sop_on_new_version()
        if case:
            version._sop_link_case(case)
        return version.with_env(self.env), pending

    def _sop_on_new_version(self):
        """Fill a first version just opened for a case (override, e.g. a sheet per post of the OPD)."""
        return True

    # ---------------------------------------------------------------- rights
    def _sop_check_group(self, xmlids, action):
        if self.env.su:
            return
        if not any(self.env.user.has_group(xmlid) for xmlid in xmlids):
            raise AccessError(self.env._("You are not allowed to %(action)s this document.", action=action))

    # ---------------------------------------------------------------- flow
    def action_submit(self):
        """Draft → submitted, by whoever may edit the draft (the OPD's liaison, the division)."""
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only a draft can be submitted."))
            rec._sop_check_complete()
            as_workflow(rec).write(
                {"state": "submitted", "date_submitted": fields.Date.context_today(rec), "return_reason": False}
            )
            rec.message_post(body=self.env._("Submitted for verification."))
        return True

    def action_verify(self):
        """Submitted → under review: the division has checked it; the approval tiers are asked."""
        self._sop_check_group(("sop_organisasi.group_sop_user",), self.env._("verify"))
        self.check_access("read")
        for rec in self:
            if rec.state != "submitted":
                raise UserError(self.env._("Only a submitted version can be verified."))
            rec._sop_check_complete()
            as_workflow(rec).write({"state": "review"})
            rec.message_post(body=self.env._("Verified by the division; waiting for approval."))
            rec.invalidate_recordset(["need_validation"])
            if rec.need_validation:
                as_workflow(rec).request_validation()
                rec.invalidate_recordset(["need_validation"])
                rec.review_ids._compute_can_review()
            else:
                rec._sop_make_effective()
        return True

    def action_send_back(self, reason=None):
        """Submitted or under review → draft, with the reason (division staff or an approver)."""
        self._sop_check_group(
            ("sop_organisasi.group_sop_user", "sop_organisasi.group_sop_approver"), self.env._("send back")
        )
        self.check_access("read")
        if not (reason or "").strip():
            raise UserError(self.env._("Say why the version goes back to draft."))
        for rec in self:
            if rec.state not in ("submitted", "review"):
                raise UserError(self.env._("Only a submitted version or one under review can be sent back."))
            flow = as_workflow(rec)
            if rec.review_ids:
                flow.with_context(skip_validation_check=True).restart_validation()
            flow.with_context(skip_validation_check=True).write({"state": "draft", "return_reason": reason.strip()})
            rec.message_post(body=self.env._("Sent back to draft: %(reason)s", reason=reason.strip()))
        return True

    def action_open_send_back(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Back to Draft"),
            "res_model": "sop.document.send.back",
            "view_mode": "form",
            "target": "new",
            "context": {"sop_document_model": self._name, "sop_document_id": self.id},
        }

    def _sop_make_effective(self):
        """Under review → effective (the workflow, once every tier has validated)."""
        for rec in self:
            if rec.state != "review":
                raise UserError(self.env._("Only a version under review can become effective."))
            flow = as_workflow(rec)
            flow.write({"state": "effective", "date_effective": fields.Date.context_today(rec)})
            older = flow.search([*rec._sop_key_domain(), ("state", "=", "effective"), ("id", "!=", rec.id)])
            if older:
                older.write({"state": "superseded"})
                for old in older:
                    old.message_post(body=self.env._("Superseded by revision %s.", rec.revision))
            rec.message_post(body=self.env._("Approved: this version is effective."))
            flow._sop_on_effective()
        return True

    def _validate_tier(self, tiers=False):
        tiers = self._sop_reviews_in_turn(tiers)
        res = super(SopDocumentVersionMixin, self.sudo())._validate_tier(tiers and tiers.sudo())
        if self.state == "review" and self.validation_status == "validated":
            self._sop_make_effective()
        return res

    def _rejected_tier(self, tiers=False):
        tiers = self._sop_reviews_in_turn(tiers)
        return super(SopDocumentVersionMixin, self.sudo())._rejected_tier(tiers and tiers.sudo())

    def _add_tier_validation_buttons(self, node, params):
        """No Request/Restart Validation buttons: Verify asks the reviews, Send Back drops them."""
        return etree.fromstring('<div><field name="validation_status" invisible="1"/></div>')

    def request_validation(self):
        # public in base_tier_validation: the reviews are asked by Verify only
        if not in_workflow(self.env):
            raise AccessError(self.env._("The approval is asked by the division's Verify button."))
        return super().request_validation()

    def restart_validation(self):
        # public in base_tier_validation: only the workflow (Send Back) drops the reviews
        if not in_workflow(self.env):
            raise AccessError(self.env._("The reviews are dropped by Send Back only."))
        return super().restart_validation()

    def action_revise(self):
        """Effective → the next draft (a copy with everything); the effective version stays until it is replaced."""
        self.ensure_one()
        self._sop_check_group(("sop_organisasi.group_sop_user",), self.env._("revise"))
        if self.state != "effective":
            raise UserError(self.env._("Only an effective version can be revised."))
        new = self._sop_open_revision()
        return new._sop_form_action()

    def _sop_open_revision(self):
        """The draft revising this effective version: the one already open, or a new copy."""
        self.ensure_one()
        pending = self.search([*self._sop_key_domain(), ("state", "in", OPEN_STATES)], limit=1)
        if pending:
            return pending
        new = as_workflow(self).copy(self._sop_revision_default()).with_env(self.env)
        new.message_post(body=self.env._("Revision of %s.", self._get_html_link()))
        return new

    def _sop_link_case(self, case):
        """Record that ``case`` works on this version (the workflow)."""
        for rec in self:
            as_workflow(rec).write({"case_ids": [fields.Command.link(case.id)]})

    def _sop_attach_to_cases(self, report_xmlid, filename):
        """Have ``report_xmlid`` made for this version and attached to it and its cases, in the background
        (``_sop_render_pending_documents``): the approval does not wait for wkhtmltopdf."""
        self.ensure_one()
        pending = [*(self.pending_documents or []), [report_xmlid, filename]]
        as_workflow(self).write({"pending_documents": pending})
        cron = self.env.ref("sop_organisasi.ir_cron_sop_render_documents", raise_if_not_found=False)
        if cron:
            cron.sudo()._trigger()
        return True

    def _sop_render_pending_documents(self):
        """Render the pending documents of these versions and attach each PDF to the version and its cases."""
        Attachment = self.env["ir.attachment"].sudo()
        for rec in as_workflow(self):
            for report_xmlid, filename in rec.pending_documents or []:
                report = self.env.ref(report_xmlid).sudo()
                pdf, _type = report._render_qweb_pdf(report.report_name, rec.ids)
                # a report kept as an attachment (``attachment_use``) has just saved it on the version itself
                kept = report.attachment and report.retrieve_attachment(rec)
                for target in (*(() if kept else (rec,)), *rec.case_ids):
                    Attachment.create(
                        {
                            "name": filename,
                            "datas": base64.b64encode(pdf),
                            "res_model": target._name,
                            "res_id": target.id,
                        }
                    )
                for case in rec.case_ids:
                    case.message_post(
                        body=self.env._(
                            "%(document)s is effective; its document is attached.", document=rec.display_name
                        )
                    )
            rec.write({"pending_documents": False})
        return True

    @api.model
    def _cron_sop_render_documents(self, limit=20):
        """The background job: the pending documents of every kind of versioned work product."""
        for name in self.env.registry.descendants(["sop.document.version.mixin"], "_inherit"):
            model = self.env[name]
            if model._abstract or model._transient:
                continue
            versions = model.sudo().search([("pending_documents", "!=", False)], limit=limit)
            for version in versions:
                try:
                    with self.env.cr.savepoint():
                        version._sop_render_pending_documents()
                except Exception:  # a failing document is logged and retried by the next run, the others go on
                    _logger.exception("The documents of %s could not be made", version.display_name)
        return True

    def _sop_form_action(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }
