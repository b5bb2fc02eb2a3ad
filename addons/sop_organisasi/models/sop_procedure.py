from markupsafe import Markup

from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError
from odoo.exceptions import ValidationError

from ..tools.dates import format_date_long
from ..tools.dates import format_date_short
from ..tools.ordering import record_order
from ..tools.step_codes import RETURN_CODES_PENDING
from ..tools.workflow import as_workflow
from ..tools.workflow import field_labels
from ..tools.workflow import in_workflow
from ..tools.workflow import refused_workflow_fields
from ..tools.workflow import without_client_defaults
from ..tools.workflow import written_fields

# Fields only the workflow sets (submission, the tiers, Revise): never written by a client.
_WORKFLOW_FIELDS = {"state", "revision_no", "previous_id", "review_ids"}
# Fields a user may type in while the SOP is a draft; afterwards only the workflow sets them.
_DRAFT_ONLY_FIELDS = {"number", "date_effective"}
# Fields a user may still change on an effective or superseded SOP (archive, chatter).
_LOCKED_STATE_WRITABLE = {"active"}
# Context keys of base_tier_validation that open its locks: ignored outside the workflow.
_TIER_BYPASS_KEYS = ("skip_validation_check", "skip_check_state_condition")


class SopProcedure(models.Model):
    _name = "sop.procedure"
    _description = "SOP AP Document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "tier.validation",
        "sop.approval.activity.mixin",
        "sop.signatory.mixin",
    ]
    _order = "number, revision_no desc, id desc"
    _rec_names_search = ["name", "number"]

    # tier validation: review -> effective; going back to draft drops the reviews
    _state_field = "state"
    _state_from = ["review"]
    _state_to = ["effective"]
    _cancel_state = "draft"
    _tier_validation_manual_config = False
    # the guard's declaration (tools/workflow.py; docs/security.md rule 11)
    _workflow_fields = tuple(sorted(_WORKFLOW_FIELDS))

    # identity
    name = fields.Char(string="SOP Name", required=True, tracking=True, translate=False)
    number = fields.Char(
        string="SOP Number",
        copy=False,
        tracking=True,
        index=True,
        help="Given from the 'SOP number' sequence when the SOP is submitted for "
        "review, unless typed in. A revision keeps the number of its SOP.",
    )
    revision_no = fields.Integer(string="Revision No.", default=0, copy=False, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)
    unit_id = fields.Many2one(
        "hr.department",
        string="Organisational Unit",
        tracking=True,
        index=True,
        help="The unit that owns the SOP, e.g. Bagian Organisasi.",
    )
    date_created = fields.Date(
        string="Date of Creation",
        tracking=True,
        help="Tanggal pembuatan: the date drafting was finished.",
    )
    date_revision = fields.Date(string="Date of Revision", tracking=True, copy=False)
    date_effective = fields.Date(string="Effective Date", tracking=True, copy=False)
    # the approving official ('Disahkan oleh'): sop.signatory.mixin
    signatory_position = fields.Char(
        string="Approving Position",
        tracking=True,
        help="'Disahkan oleh': the position, with its a.n./Plt. prefix, e.g. 'Plt. SEKRETARIS DAERAH KOTA MOJOKERTO'.",
    )
    signatory_name = fields.Char(string="Approving Official", tracking=True)
    signatory_rank = fields.Char(string="Rank (Pangkat)", tracking=True)
    signatory_nip = fields.Char(string="NIP", tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("review", "Under Review"),
            ("effective", "Effective"),
            ("superseded", "Superseded"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
    note = fields.Html(string="Notes")
    work_product = fields.Selection(
        [],
        tracking=True,
        help="What a case of this SOP makes as data (e.g. the job data of an OPD): starting a case opens the "
        "OPD's draft for the case's year. The addons that hold the work products add the choices.",
    )

    # the six information boxes
    line_ids = fields.One2many("sop.procedure.line", "procedure_id", string="Information Lines", copy=True)
    legal_line_ids = fields.One2many(
        "sop.procedure.line",
        "procedure_id",
        string="Legal Basis",
        domain=[("kind", "=", "legal")],
        context={"default_kind": "legal"},
    )
    qualification_line_ids = fields.One2many(
        "sop.procedure.line",
        "procedure_id",
        string="Executor Qualifications",
        domain=[("kind", "=", "qualification")],
        context={"default_kind": "qualification"},
    )
    related_line_ids = fields.One2many(
        "sop.procedure.line",
        "procedure_id",
        string="Related SOPs",
        domain=[("kind", "=", "related")],
        context={"default_kind": "related"},
    )
    equipment_line_ids = fields.One2many(
        "sop.procedure.line",
        "procedure_id",
        string="Equipment",
        domain=[("kind", "=", "equipment")],
        context={"default_kind": "equipment"},
    )
    warning_line_ids = fields.One2many(
        "sop.procedure.line",
        "procedure_id",
        string="Warnings",
        domain=[("kind", "=", "warning")],
        context={"default_kind": "warning"},
    )
    record_line_ids = fields.One2many(
        "sop.procedure.line",
        "procedure_id",
        string="Records",
        domain=[("kind", "=", "record")],
        context={"default_kind": "record"},
    )
    related_procedure_ids = fields.Many2many(
        "sop.procedure",
        compute="_compute_related_procedure_ids",
        search="_search_related_procedure_ids",
        string="Linked SOPs",
    )

    # procedure
    role_ids = fields.Many2many(
        "sop.role",
        string="Executor Roles",
        help="The 'Pelaksana' columns of the SOP. Every step is performed by one of them.",
    )
    section_ids = fields.One2many("sop.section", "procedure_id", string="Sections", copy=True)
    step_ids = fields.One2many("sop.step", "procedure_id", string="Steps")
    step_count = fields.Integer(compute="_compute_step_count", string="Number of Steps")

    # versions
    previous_id = fields.Many2one("sop.procedure", string="Previous Version", copy=False, readonly=True, index=True)
    root_id = fields.Many2one(
        "sop.procedure", string="First Version", compute="_compute_root_id", store=True, recursive=True, index=True
    )
    version_ids = fields.One2many(
        "sop.procedure",
        compute="_compute_version_ids",
        string="Versions",
    )
    version_count = fields.Integer(compute="_compute_version_ids")

    # printable values
    revision_display = fields.Char(string="Revision", compute="_compute_display_values")
    date_created_display = fields.Char(compute="_compute_display_values")
    date_effective_display = fields.Char(compute="_compute_display_values")
    date_effective_long = fields.Char(compute="_compute_display_values")

    flowchart_preview = fields.Html(
        compute="_compute_flowchart_preview",
        sanitize=False,  # only SVG drawn by tools/flowchart.py from escaped text
        help="The flowchart as printed in the PDF, redrawn from the steps while they are edited.",
    )

    # ------------------------------------------------------------------ compute
    @api.depends("line_ids.related_procedure_id")
    def _compute_related_procedure_ids(self):
        for rec in self:
            rec.related_procedure_ids = rec.line_ids.related_procedure_id

    def _search_related_procedure_ids(self, operator, value):
        return [("line_ids.related_procedure_id", operator, value)]

    @api.depends("step_ids")
    def _compute_step_count(self):
        for rec in self:
            rec.step_count = len(rec.step_ids)

    @api.depends("previous_id", "previous_id.root_id")
    def _compute_root_id(self):
        for rec in self:
            rec.root_id = rec.previous_id.root_id or rec.previous_id or rec

    @api.depends("root_id")
    def _compute_version_ids(self):
        for rec in self:
            root = rec.root_id or rec
            if isinstance(root.id, int):
                versions = self.with_context(active_test=False).search(
                    [("root_id", "=", root.id)], order="revision_no desc, id desc"
                )
            else:
                versions = rec
            rec.version_ids = versions
            rec.version_count = len(versions)

    @api.depends("revision_no", "date_revision", "date_created", "date_effective")
    def _compute_display_values(self):
        for rec in self:
            rec.revision_display = rec._revision_text()
            rec.date_created_display = format_date_short(rec.date_created)
            rec.date_effective_display = format_date_short(rec.date_effective)
            rec.date_effective_long = format_date_long(rec.date_effective)

    def _revision_text(self):
        """'01/13-03-2018' (revision no. and date) on the SOP identity block; the original version
        (revision 0) shows only its planned review date, or '-'."""
        self.ensure_one()
        if not self.revision_no:
            return format_date_short(self.date_revision) or "-"
        rev = f"{self.revision_no:02d}"
        return f"{rev}/{format_date_short(self.date_revision)}" if self.date_revision else rev

    @api.depends("number", "name", "revision_no")
    def _compute_display_name(self):
        for rec in self:
            name = rec.name or ""
            if rec.number:
                name = f"[{rec.number}] {name}"
            if rec.revision_no and rec.state == "superseded":
                name = self.env._("%(name)s (rev. %(rev)s)", name=name, rev=rec.revision_no)
            rec.display_name = name

    @api.depends(
        "role_ids",
        "section_ids.sequence",
        "section_ids.code",
        "section_ids.name",
        "step_ids.section_id",
        "step_ids.sequence",
        "step_ids.name",
        "step_ids.kind",
        "step_ids.role_id",
        "step_ids.return_step_id",
        "step_ids.requirement",
        "step_ids.output",
        "step_ids.remarks",
        "step_ids.duration_qty",
        "step_ids.duration_unit",
    )
    def _compute_flowchart_preview(self):
        for rec in self:
            rec.flowchart_preview = rec._flowchart_preview_html()

    def _flowchart_preview_html(self):
        """One block per flowchart page: section title, actor columns and the page's SVG."""
        self.ensure_one()
        if not self.step_ids:
            return Markup("<p class='text-muted'>%s</p>") % self.env._("Add steps to see the flowchart.")
        try:
            document = self._get_report_document()
        except (KeyError, ValueError, IndexError, TypeError):
            return Markup("<p class='text-muted'>%s</p>") % self.env._(
                "The flowchart appears once every step has a section and an actor of the SOP."
            )
        blocks = []
        for page, chart_page in zip(document["pages"], document["chart"].pages, strict=True):
            title = page["section"].display_name or ""
            if page["continued"]:
                title = self.env._("%(section)s (continued)", section=title)
            headers = Markup("").join(
                Markup('<th class="text-center small" style="width:%smm">%s</th>') % (page["role_width"], role)
                for role in page["roles"]
            )
            blocks.append(
                Markup(
                    '<div class="o_sop_flowchart_page mb-4"><h5>%s</h5>'
                    '<table class="table table-bordered mb-0" style="table-layout:fixed;width:%smm">'
                    "<tr>%s</tr></table>%s</div>"
                )
                % (title, f"{chart_page.width:.2f}", headers, Markup(chart_page.svg(numbered=True)))
            )
        return Markup('<div class="o_sop_flowchart">%s</div>') % Markup("").join(blocks)

    # -------------------------------------------------------------- constraints
    @api.constrains("number", "previous_id", "company_id", "revision_no")
    def _check_number_unique(self):
        for rec in self.filtered("number"):
            others = self.with_context(active_test=False).search(
                [
                    ("id", "!=", rec.id),
                    ("number", "=", rec.number),
                    ("company_id", "=", rec.company_id.id),
                    "|",
                    ("root_id", "!=", rec.root_id.id),
                    ("revision_no", "=", rec.revision_no),
                ],
                limit=1,
            )
            if others:
                raise ValidationError(
                    self.env._(
                        "The SOP number %(number)s is already used by '%(other)s'. "
                        "Each SOP needs its own number; revisions keep theirs.",
                        number=rec.number,
                        other=others.name,
                    )
                )

    @api.constrains("role_ids")
    def _check_roles_used(self):
        for rec in self:
            unused = rec.step_ids.role_id - rec.role_ids
            if unused:
                raise ValidationError(
                    self.env._(
                        "The role(s) %(roles)s still perform steps of '%(sop)s': "
                        "reassign those steps before removing the role.",
                        roles=", ".join(unused.mapped("name")),
                        sop=rec.name,
                    )
                )

    # -------------------------------------------------------------------- CRUD
    # The server decides: nobody (not even the superuser) sets the workflow fields or changes
    # an effective SOP outside the workflow, and no context key a client sends opens that
    # lock. The workflow methods check the user's own rights, then write through
    # ``tools.workflow.as_workflow``; data files are loaded by the module loader.
    def _without_tier_bypass(self):
        """This model without the base_tier_validation context keys a client could send."""
        if in_workflow(self.env) or not any(self.env.context.get(key) for key in _TIER_BYPASS_KEYS):
            return self
        # the client's context is replaced, not merged (kept as it was when this check was added)
        return self.with_context(dict.fromkeys(_TIER_BYPASS_KEYS, False))  # pylint: disable=context-overridden

    def _raise_workflow_fields(self, fields_set):
        names = field_labels(self, fields_set)
        raise UserError(
            self.env._(
                "%(fields)s of an SOP are set by its workflow (Submit for Review, the approval tiers, "
                "Revise) and cannot be written directly.",
                fields=names,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        model = self
        if not in_workflow(self.env):
            self.browse().check_access("create")
            for vals in vals_list:
                # a new SOP starts as a draft of revision 0: the form's defaults pass, nothing else
                workflow = refused_workflow_fields(self, vals, _WORKFLOW_FIELDS, creating=True, trusted=False)
                if workflow:
                    self._raise_workflow_fields(workflow)
            model = without_client_defaults(self, _WORKFLOW_FIELDS)
        return super(SopProcedure, model._without_tier_bypass()).create(vals_list)

    def write(self, vals):
        vals, return_codes, updated = self._split_return_codes(vals)
        if return_codes:
            # a decision's return step typed by its number ("A.2") is the step of that number once every
            # row of the save is written: the updates run before the new rows are created, and a new
            # row put between others renumbers them
            res = self.with_context(sop_return_codes_pending=RETURN_CODES_PENDING).write(vals)
            Step = self.env["sop.step"]
            for step_id, code in return_codes.items():
                Step.browse(step_id).write({"return_step_code": code})
            # the updated steps' check of their return step waited for the whole save
            Step.browse(updated).exists()._check_decision()
            return res
        if in_workflow(self.env):
            return super().write(vals)
        self._check_client_write(vals)
        res = super(SopProcedure, self._without_tier_bypass()).write(vals)
        if {"unit_id", "company_id"} & set(vals):
            self.check_access("write")  # not moved to a unit the user does not maintain
        return res

    @staticmethod
    def _split_return_codes(vals):
        """``vals`` without the return step numbers its step updates carry, those numbers by step id and
        the ids of the updated steps (``{}`` and ``[]`` when no update carries a number)."""
        commands = vals.get("step_ids")
        if not isinstance(commands, (list, tuple)):
            return vals, {}, []
        codes, kept, updated = {}, [], []
        for command in commands:
            if isinstance(command, (list, tuple)) and command and command[0] == Command.UPDATE:
                updated.append(command[1])
                if isinstance(command[2], dict) and "return_step_code" in command[2]:
                    values = dict(command[2])
                    codes[command[1]] = values.pop("return_step_code")
                    kept.append((Command.UPDATE, command[1], values))
                    continue
            kept.append(command)
        if not codes:
            return vals, {}, []
        return dict(vals, step_ids=kept), codes, updated

    def _check_client_write(self, vals):
        """Raise unless a user may write ``vals`` directly (outside the workflow)."""
        self.check_access("write")
        written = written_fields(vals)
        locked = self.filtered(lambda r: r.state in ("effective", "superseded"))
        if locked and written - _LOCKED_STATE_WRITABLE:
            raise UserError(
                self.env._(
                    "The SOP '%(sop)s' is %(state)s and can no longer be changed. "
                    "Use 'Revise' to prepare a new version.",
                    sop=locked[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[locked[0].state],
                )
            )
        workflow = written & _WORKFLOW_FIELDS
        if workflow:
            self._raise_workflow_fields(workflow)
        if written & _DRAFT_ONLY_FIELDS and any(rec.state != "draft" for rec in self):
            self._raise_workflow_fields(written & _DRAFT_ONLY_FIELDS)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(self.env._("Only draft SOPs can be deleted; archive effective or superseded ones instead."))

    @api.ondelete(at_uninstall=False)
    def _unlink_not_linked_from_locked(self):
        """An effective or superseded SOP's Keterkaitan is frozen: the SOPs it links to stay."""
        lines = (
            self.env["sop.procedure.line"]
            .sudo()
            .search(
                [
                    ("related_procedure_id", "in", self.ids),
                    ("procedure_id.state", "in", ("effective", "superseded")),
                    ("procedure_id", "not in", self.ids),
                ],
                limit=1,
            )
        )
        if lines:
            raise UserError(
                self.env._(
                    "'%(sop)s' is a related SOP (Keterkaitan) of the %(state)s SOP '%(locked)s' and cannot be "
                    "deleted; archive it instead.",
                    sop=lines.related_procedure_id.display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[lines.procedure_id.state],
                    locked=lines.procedure_id.display_name,
                )
            )

    def _check_editable(self):
        """Raise unless the SOP content (boxes, sections, steps) may change: only while it is a
        draft, except for the workflow (the copy of a revision) and data files."""
        if in_workflow(self.env):
            return
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "The content of '%(sop)s' can only be changed while it is a draft.",
                        sop=rec.display_name,
                    )
                )

    # --------------------------------------------------------------- workflow
    def _check_complete(self):
        """Raise a clear error if the SOP is not ready to be reviewed."""
        for rec in self:
            problems = []
            if not rec.step_ids:
                problems.append(self.env._("it has no procedure steps"))
            starts = rec.step_ids.filtered(lambda s: s.kind == "start")
            if len(starts) != 1:
                problems.append(self.env._("it needs exactly one start step (found %s)", len(starts)))
            if not rec.step_ids.filtered(lambda s: s.kind == "end"):
                problems.append(self.env._("it needs at least one end step"))
            if not rec.unit_id:
                problems.append(self.env._("the organisational unit is missing"))
            if not rec.signatory_name or not rec.signatory_position:
                problems.append(self.env._("the approving official is missing"))
            if problems:
                raise UserError(
                    self.env._(
                        "'%(sop)s' cannot be submitted: %(problems)s.",
                        sop=rec.name,
                        problems="; ".join(problems),
                    )
                )

    def _next_free_number(self):
        self.ensure_one()
        sequence = self.env["ir.sequence"].with_company(self.company_id)
        for _attempt in range(1000):
            number = sequence.next_by_code("sop.procedure")
            if not number:
                raise UserError(self.env._("The 'SOP number' sequence is missing."))
            if not self.search_count([("number", "=", number), ("company_id", "=", self.company_id.id)]):
                return number
        raise UserError(self.env._("No free SOP number found in the sequence."))

    def action_submit(self):
        """Draft -> under review: check completeness, number it, ask the tiers."""
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("Only draft SOPs can be submitted for review."))
            rec._check_complete()
            vals = {"state": "review"}
            if not rec.number:
                vals["number"] = rec._next_free_number()
            if not rec.date_created:
                vals["date_created"] = fields.Date.context_today(rec)
            as_workflow(rec).write(vals)
            rec.invalidate_recordset(["need_validation"])
            if rec.need_validation:
                rec.sudo().request_validation()
                rec.invalidate_recordset(["need_validation"])
                # sets the first tier pending, as the web client does
                rec.review_ids._compute_can_review()
        return True

    def action_make_effective(self):
        """Under review -> effective, once every tier has validated it."""
        self.check_access("write")
        for rec in self:
            if rec.state != "review":
                raise UserError(self.env._("Only SOPs under review can become effective."))
            vals = {"state": "effective"}
            if not rec.date_effective:
                vals["date_effective"] = fields.Date.context_today(rec)
            as_workflow(rec).write(vals)  # tier validation refuses while reviews are pending
            previous = as_workflow(rec.previous_id)
            if previous.state == "effective":
                previous.write({"state": "superseded"})
                previous.message_post(body=self.env._("Superseded by revision %s.", rec.revision_no))
        return True

    def _validate_tier(self, tiers=False):
        # base_tier_validation approves only the current user's reviews; it writes them as
        # superuser (reviews are closed to users' sessions, see tier_review.py)
        tiers = self._sop_reviews_in_turn(tiers)
        res = super(SopProcedure, self.sudo())._validate_tier(tiers and tiers.sudo())
        if self.state == "review" and self.validation_status == "validated":
            # the last reviewer does not need write access on the SOP itself
            self.sudo().action_make_effective()
        return res

    def action_back_to_draft(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "review":
                raise UserError(self.env._("Only SOPs under review can go back to draft."))
            as_workflow(rec).with_context(skip_validation_check=True).write({"state": "draft"})
        return True

    def request_validation(self):
        # public in base_tier_validation: only who maintains the SOP asks for its reviews
        self.check_access("write")
        return super().request_validation()

    def _rejected_tier(self, tiers=False):
        tiers = self._sop_reviews_in_turn(tiers)
        return super(SopProcedure, self.sudo())._rejected_tier(tiers and tiers.sudo())

    def restart_validation(self):
        # public in base_tier_validation: only who maintains the SOP drops its reviews
        self.check_access("write")
        return super(SopProcedure, self.sudo()).restart_validation()

    def action_revise(self):
        """Create the next draft version of an effective SOP and open it."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "effective":
            raise UserError(self.env._("Only an effective SOP can be revised."))
        pending = self.search([("previous_id", "=", self.id)], limit=1)
        if pending:
            raise UserError(
                self.env._(
                    "A revision of this SOP already exists (%(rev)s); continue that one.",
                    rev=pending.display_name,
                )
            )
        new = self._copy_as_revision()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": new.id,
            "view_mode": "form",
            "target": "current",
        }

    def _copy_as_revision(self):
        """The next draft version, copied by the workflow: the caller checks the user's rights."""
        self.ensure_one()
        new = (
            as_workflow(self)
            .with_context(sop_copying_revision=True)
            .copy(
                {
                    "number": self.number,
                    "revision_no": self.revision_no + 1,
                    "previous_id": self.id,
                    "date_revision": fields.Date.context_today(self),
                    "role_ids": [Command.set(self.role_ids.ids)],
                }
            )
        )
        new._remap_return_steps(self)
        new.step_ids._check_decision()
        new = new.with_env(self.env)
        new.message_post(body=self.env._("Revision of %s.", self._get_html_link()))
        return new

    def _remap_return_steps(self, source):
        """Point the copied decisions at the copied steps (not the old version's)."""
        old_steps = source._get_ordered_steps()
        new_steps = self._get_ordered_steps()
        mapping = dict(zip(old_steps.ids, new_steps, strict=True))
        for old, new in zip(old_steps, new_steps, strict=True):
            if old.return_step_id:
                new.return_step_id = mapping[old.return_step_id.id]

    def action_edit_steps(self):
        """'Save and Add Steps' on a new SOP: the web client saves the record before calling it."""
        self.ensure_one()
        self._check_editable()
        return True

    def _sop_work_product(self):
        """The work product of a case of this SOP: its own, or its first version's (set by the data files)."""
        self.ensure_one()
        return self.work_product or self.root_id.work_product

    def action_print_pdf(self):
        """The SOP document as PDF (the "Print PDF" button of the form)."""
        self.check_access("read")
        return self.env.ref("sop_organisasi.action_report_sop_document").report_action(self)

    def action_view_versions(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Versions"),
            "res_model": self._name,
            "view_mode": "list,form",
            "domain": [("root_id", "=", self.root_id.id)],
            "context": {"active_test": False},
        }

    # --------------------------------------------------------------- helpers
    def _get_lines(self, kind):
        self.ensure_one()
        return self.line_ids.filtered(lambda line: line.kind == kind).sorted("sequence")

    def _get_ordered_steps(self):
        self.ensure_one()
        return self.step_ids.sorted(
            lambda s: (s.section_id.sequence, record_order(s.section_id), s.sequence, record_order(s))
        )

    @api.model
    def _get_paper_size(self):
        """Paper ('f4' or 'a4') of the SOP document, in PDF and XLSX alike: the 'SOP Paper Size' of
        the printing company (``env.company``), as for the paper format of the PDF."""
        return self.env.company.sop_paper_size or "f4"

    def _get_report_document(self, paper=None):
        """The SOP document as printed (identity boxes, flowchart pages) on ``paper`` ('f4' or 'a4',
        by default the printing company's): see ``report.sop_organisasi.report_sop_document``."""
        self.ensure_one()
        return self.env["report.sop_organisasi.report_sop_document"]._document_values(self, paper)
