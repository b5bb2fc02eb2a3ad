from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools.duration import UNIT_SELECTION
from ..tools.duration import format_duration
from ..tools.step_codes import RETURN_CODES_PENDING
from ..tools.workflow import in_workflow


class SopStep(models.Model):
    """One activity of the procedure flowchart with its Mutu Baku."""

    _name = "sop.step"
    _inherit = ["sop.procedure.content"]
    _description = "SOP Procedure Step"
    _order = "section_sequence, section_id, sequence, id"
    _rec_names_search = ["name"]

    section_id = fields.Many2one("sop.section", required=True, ondelete="cascade", index=True)
    section_sequence = fields.Integer(related="section_id.sequence", store=True, string="Section Sequence")
    procedure_id = fields.Many2one(
        "sop.procedure", related="section_id.procedure_id", store=True, index=True, readonly=True
    )
    sequence = fields.Integer(default=10)
    number = fields.Integer(string="No.", compute="_compute_number", store=True)
    name = fields.Text(string="Activity", required=True)
    kind = fields.Selection(
        [
            ("start", "Start"),
            ("process", "Process"),
            ("decision", "Decision"),
            ("end", "End"),
        ],
        required=True,
        default="process",
        help="Flowchart symbol: capsule for start and end, rectangle for a process, diamond for a decision.",
    )
    role_id = fields.Many2one(
        "sop.role",
        string="Actor",
        required=True,
        ondelete="restrict",
        index=True,
        help="The executor ('Pelaksana') column the step's symbol stands in.",
    )
    requirement = fields.Text(string="Requirements (Kelengkapan)")
    duration_qty = fields.Float(string="Standard Time", digits=(16, 2))
    duration_unit = fields.Selection(UNIT_SELECTION, string="Time Unit")
    duration_display = fields.Char(string="Time (Waktu)", compute="_compute_duration_display")
    output = fields.Text()
    output_is_document = fields.Boolean(
        string="Output Is a Document",
        help="The output is a document: finishing the step in a case needs it attached.",
    )
    requires_approval = fields.Boolean(
        help="Finishing the step in a case asks the approval tiers of case steps (base_tier_validation); "
        "the step is done once they validate it.",
    )
    remarks = fields.Text(string="Remarks (Keterangan)")
    return_step_id = fields.Many2one(
        "sop.step",
        string="Return Step if No",
        copy=False,
        ondelete="set null",
        help="For a decision: the step the flow goes back to when the answer is 'no'.",
    )
    code = fields.Char(compute="_compute_code", string="Step")
    # typed in the steps table of the SOP form, so that a new SOP is written in one pass: the
    # section by its code ("A") and a decision's return step by its number ("A.2"), resolved on save
    section_label = fields.Char(
        string="Section Code",
        compute="_compute_section_label",
        inverse="_inverse_section_label",
        help="The code of the step's section in the Sections table, e.g. 'A'.",
    )
    return_step_code = fields.Char(
        string="Return to Step No.",
        compute="_compute_return_step_code",
        inverse="_inverse_return_step_code",
        help="For a decision: the number of the step the flow goes back to when the answer is 'no', e.g. 'A.2'.",
    )

    @api.depends("section_id.step_ids.sequence", "sequence")
    def _compute_number(self):
        for section in self.section_id:
            ordered = section.step_ids.sorted(lambda s: (s.sequence, s.id or 0))
            for index, step in enumerate(ordered, start=1):
                step.number = index
        for step in self.filtered(lambda s: not s.section_id):
            step.number = 0

    @api.depends("section_id.code", "number")
    def _compute_code(self):
        for step in self:
            prefix = step.section_id.code
            step.code = f"{prefix}.{step.number}" if prefix else str(step.number)

    @api.depends("section_id.code", "section_id.name")
    def _compute_section_label(self):
        for step in self:
            step.section_label = step.section_id.code or step.section_id.name or False

    def _inverse_section_label(self):
        for step in self:
            section = step._section_from_label(step.section_label, step.procedure_id)
            if section and section != step.section_id:
                step.section_id = section

    @api.depends("return_step_id")
    def _compute_return_step_code(self):
        for step in self:
            step.return_step_code = step.return_step_id.code or False

    def _inverse_return_step_code(self):
        for step in self:
            step.return_step_id = step._return_step_from_code(step.return_step_code)

    @api.model
    def _section_from_label(self, label, procedure):
        """The section of ``procedure`` a typed label names: its code ("A", "A."), its title or
        both ("A. PERENCANAAN"); raise naming the label when there is none."""
        text = (label or "").strip()
        if not text or not procedure:
            return self.env["sop.section"]
        key = text.rstrip(".").strip().casefold()
        sections = procedure.section_ids
        for candidate in (
            sections.filtered(lambda s: (s.code or "").strip().casefold() == key),
            sections.filtered(lambda s: (s.name or "").strip().casefold() == key),
            sections.filtered(lambda s: (s.display_name or "").strip().casefold() == text.casefold()),
        ):
            if len(candidate) > 1:
                # two sections with one code: the step would land in either, silently
                raise ValidationError(
                    self.env._(
                        "Section '%(label)s' of a step names several sections of the SOP (%(sections)s): give "
                        "each section its own code in the Sections table.",
                        label=text,
                        sections=", ".join(candidate.mapped("display_name")),
                    )
                )
            if candidate:
                return candidate
        raise ValidationError(
            self.env._(
                "Section '%(label)s' of a step is not in the Sections table of the SOP: add it there "
                "or type one of %(codes)s in the step's Section Code column.",
                label=text,
                codes=", ".join(sections.mapped(lambda s: s.code or s.name)) or "-",
            )
        )

    def _return_step_from_code(self, code):
        """The step of the same SOP numbered ``code`` ("A.2", "a.2", "2" when sections have no code)."""
        self.ensure_one()
        text = (code or "").strip().rstrip(".").replace(" ", "").casefold()
        if not text:
            return self.browse()
        steps = self.procedure_id.step_ids or self.section_id.procedure_id.step_ids
        target = steps.filtered(lambda s: (s.code or "").casefold() == text)
        if len(target) > 1:
            # sections sharing a code (or several without one) number their steps alike
            raise ValidationError(
                self.env._(
                    "Step %(code)s: several steps are numbered %(target)s. Give each section of the SOP its "
                    "own code in the Sections table, then type the number of the step to return to.",
                    code=self.code,
                    target=code,
                )
            )
        if not target:
            raise ValidationError(
                self.env._(
                    "Step %(code)s: there is no step %(target)s to return to. In the column "
                    "'Return to Step No.' type the number of a step of this SOP, e.g. %(example)s.",
                    code=self.code,
                    target=code,
                    example=steps[:1].code or "A.1",
                )
            )
        return target

    @api.model_create_multi
    def create(self, vals_list):
        """A new step may name its section and its return step by the codes the user sees; the
        return steps are resolved once the whole batch (the rows of one save) exists."""
        return_codes = []
        for vals in vals_list:
            label = vals.pop("section_label", None)
            if label and not vals.get("section_id"):
                procedure = self.env["sop.procedure"].browse(
                    vals.get("procedure_id") or self.env.context.get("default_procedure_id")
                )
                vals["section_id"] = self._section_from_label(label, procedure).id
            return_codes.append(vals.pop("return_step_code", None))
        pending = RETURN_CODES_PENDING if any(return_codes) else False
        steps = super(SopStep, self.with_context(sop_return_codes_pending=pending)).create(vals_list)
        steps = steps.with_env(self.env)
        if pending:
            for step, code in zip(steps, return_codes, strict=True):
                if code and not step.return_step_id:
                    step.return_step_id = step._return_step_from_code(code)
            steps._check_decision()
        return steps

    def write(self, vals):
        # the pending return steps are the business of the save (create, the SOP's write), never a caller's context
        pending = self.env.context.get("sop_return_codes_pending")
        if pending and pending is not RETURN_CODES_PENDING:
            self = self.with_context(sop_return_codes_pending=False)  # noqa: PLW0642
        return super().write(vals)

    @api.depends("duration_qty", "duration_unit")
    def _compute_duration_display(self):
        for step in self:
            step.duration_display = format_duration(step.duration_qty, step.duration_unit)

    @api.depends("code", "name")
    def _compute_display_name(self):
        for step in self:
            text = (step.name or "").strip()
            if len(text) > 60:
                text = text[:57] + "..."
            step.display_name = f"{step.code} {text}"

    @api.constrains("kind", "return_step_id", "section_id")
    def _check_decision(self):
        # while the workflow copies a revision or an import, the return steps are set last
        copying = in_workflow(self.env) and self.env.context.get("sop_copying_revision")
        # rows typed with their return step number: checked once the batch is created (see create)
        copying = copying or self.env.context.get("sop_return_codes_pending") is RETURN_CODES_PENDING
        for step in self:
            if step.kind == "decision" and not step.return_step_id and not copying:
                raise ValidationError(
                    self.env._(
                        "Step %(code)s is a decision: name the step it returns to when the answer is 'no' "
                        "(column 'Return to Step No.', e.g. %(example)s).",
                        code=step.code,
                        example=step.section_id.step_ids[:1].code or "A.1",
                    )
                )
            if step.return_step_id and step.kind != "decision":
                raise ValidationError(
                    self.env._("Step %(code)s is not a decision and cannot have a return step.", code=step.code)
                )
            if step.return_step_id == step:
                raise ValidationError(self.env._("Step %(code)s cannot return to itself.", code=step.code))
            if step.return_step_id and step.return_step_id.procedure_id != step.procedure_id:
                raise ValidationError(
                    self.env._("The return step of step %(code)s must belong to the same SOP.", code=step.code)
                )

    @api.constrains("role_id", "section_id")
    def _check_role(self):
        # one set of allowed roles per SOP, the SOP read through the section: reading the stored
        # related procedure_id of each new step would update the SOP's step cache once per step
        allowed = {}
        for step in self:
            procedure = step.section_id.procedure_id
            if procedure.id not in allowed:
                allowed[procedure.id] = set(procedure.role_ids.ids)
            if step.role_id.id not in allowed[procedure.id]:
                raise ValidationError(
                    self.env._(
                        "The actor '%(role)s' of step %(code)s is not one of the executor roles "
                        "of the SOP '%(sop)s'. Add the role to the SOP first.",
                        role=step.role_id.name,
                        code=step.code,
                        sop=procedure.name,
                    )
                )

    @api.constrains("duration_qty", "duration_unit")
    def _check_duration(self):
        for step in self:
            if step.duration_qty < 0:
                raise ValidationError(
                    self.env._("The standard time of step %(code)s cannot be negative.", code=step.code)
                )
            if bool(step.duration_qty) != bool(step.duration_unit):
                raise ValidationError(
                    self.env._(
                        "Step %(code)s: give the standard time as a quantity together with its unit "
                        "(menit, jam, hari, minggu, bulan).",
                        code=step.code,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_return_step(self):
        referencing = self.search([("return_step_id", "in", self.ids), ("id", "not in", self.ids)])
        if referencing:
            raise ValidationError(
                self.env._(
                    "Step %(code)s is the return step of decision %(decision)s; change that decision first.",
                    code=referencing[0].return_step_id.code,
                    decision=referencing[0].code,
                )
            )

    def _prepare_case_step_vals(self):
        """Values of the frozen copy of this step in a case (return step set afterwards)."""
        self.ensure_one()
        return {
            "source_step_id": self.id,
            "section_code": self.section_id.code,
            "section_name": self.section_id.name,
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "role_id": self.role_id.id,
            "requirement": self.requirement,
            "duration_qty": self.duration_qty,
            "duration_unit": self.duration_unit,
            "output": self.output,
            "output_is_document": self.output_is_document,
            "requires_approval": self.requires_approval,
        }
