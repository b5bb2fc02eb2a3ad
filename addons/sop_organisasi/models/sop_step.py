from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools.duration import UNIT_SELECTION
from ..tools.duration import format_duration
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
        for step in self:
            if step.kind == "decision" and not step.return_step_id and not copying:
                raise ValidationError(
                    self.env._(
                        "Step %(code)s is a decision: name the step it returns to when the answer is 'no'.",
                        code=step.code,
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
