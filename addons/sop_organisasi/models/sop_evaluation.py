from odoo import Command
from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import UserError

from .sop_evaluation_line import EVALUATION_CRITERIA

EVALUATION_REPORT = "sop_organisasi.action_report_sop_evaluation"


class SopEvaluation(models.Model):
    """Evaluation of one SOP against the seven criteria of Permenpan RB 35/2012."""

    _name = "sop.evaluation"
    _description = "SOP Evaluation"
    _inherit = ["mail.thread", "sop.assessment.mixin"]
    _order = "date desc, id desc"
    _assessment_report = EVALUATION_REPORT
    _workflow_fields = ("state", "revision_id")

    name = fields.Char(compute="_compute_name", store=True)
    procedure_id = fields.Many2one(
        "sop.procedure",
        string="SOP",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        domain=[("state", "=", "effective")],
    )
    unit_id = fields.Many2one(related="procedure_id.unit_id", store=True, index=True, string="Organisational Unit")
    company_id = fields.Many2one(related="procedure_id.company_id", store=True, index=True)
    date = fields.Date(string="Evaluation Date", required=True, default=fields.Date.context_today, tracking=True)
    date_long = fields.Char(compute="_compute_date_long")
    evaluator_id = fields.Many2one("res.users", default=lambda self: self.env.user, tracking=True)
    line_ids = fields.One2many(
        "sop.evaluation.line",
        "evaluation_id",
        string="Criteria",
        copy=True,
        default=lambda self: [Command.create({"code": code, "name": name}) for code, name in EVALUATION_CRITERIA],
    )
    yes_count = fields.Integer(compute="_compute_counts", string="Criteria Met")
    outcome = fields.Selection(
        [("keep", "Tetap (keep as is)"), ("revise", "Revisi (revise)"), ("revoke", "Dicabut (revoke)")],
        tracking=True,
        help="Decision following the evaluation; 'revise' can start a new revision of the SOP.",
    )
    action_note = fields.Text(string="Notes / Actions", help="Catatan / tindakan.")
    state = fields.Selection(
        [("draft", "Draft"), ("done", "Done")], default="draft", required=True, tracking=True, copy=False
    )
    revision_id = fields.Many2one("sop.procedure", readonly=True, copy=False, tracking=True)

    @api.depends("procedure_id", "date")
    def _compute_name(self):
        for rec in self:
            rec.name = f"Evaluasi {rec.procedure_id.display_name or ''} {rec.date.year if rec.date else ''}".strip()

    @api.depends("line_ids.answer")
    def _compute_counts(self):
        for rec in self:
            rec.yes_count = len(rec.line_ids.filtered(lambda line: line.answer == "yes"))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records:
            missing = [(code, name) for code, name in EVALUATION_CRITERIA if code not in rec.line_ids.mapped("code")]
            if missing:
                rec.line_ids = [Command.create({"code": code, "name": name}) for code, name in missing]
        return records

    def action_done(self):
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(self.env._("The evaluation '%(name)s' is already done.", name=rec.name))
            unanswered = rec.line_ids.filtered(lambda line: not line.answer)
            if unanswered or len(rec.line_ids) != len(EVALUATION_CRITERIA):
                raise UserError(
                    self.env._(
                        "Answer all seven criteria with Ya or Tidak; missing: %(criteria)s.",
                        criteria=", ".join(str(code) for code in unanswered.mapped("code")),
                    )
                )
            if not rec.outcome:
                raise UserError(self.env._("Choose the outcome: keep, revise or revoke the SOP."))
            rec._workflow_write({"state": "done"})
        return True

    def action_draft(self):
        if any(rec.revision_id for rec in self):
            raise UserError(self.env._("A revision was already started from this evaluation."))
        self._workflow_write({"state": "draft"})
        return True

    def action_start_revision(self):
        """Outcome 'revise': create the next draft version of the SOP and link it."""
        self.ensure_one()
        self.check_access("write")
        if self.outcome != "revise":
            raise UserError(self.env._("Only an evaluation with the outcome 'revise' can start a revision."))
        if self.revision_id:
            raise UserError(self.env._("The revision %(rev)s was already started.", rev=self.revision_id.display_name))
        procedure = self.procedure_id
        if procedure.state != "effective":
            raise UserError(
                self.env._("Only an effective SOP can be revised; '%(sop)s' is not.", sop=procedure.display_name)
            )
        action = procedure.action_revise()
        revision = self.env["sop.procedure"].browse(action["res_id"])
        self._workflow_write({"revision_id": revision.id})
        revision.message_post(
            body=self.env._("Revision started from the evaluation %(evaluation)s.", evaluation=self._get_html_link())
        )
        return action

    def _xlsx_write_sheet(self, workbook, styles, index):
        """Tabel 8 (evaluasi penerapan SOP AP): one sheet per evaluation."""
        self.ensure_one()
        title, bold, head, cell, center = (styles[key] for key in ("title", "bold", "head", "cell", "center"))
        outcomes = dict(self._fields["outcome"].selection)
        sheet = workbook.add_worksheet(f"Evaluasi {index}")
        sheet.set_paper(9)
        for col, width in enumerate((5, 55, 8, 8, 40)):
            sheet.set_column(col, col, width)
        sheet.merge_range(0, 0, 0, 4, "EVALUASI PENERAPAN SOP AP", title)
        sheet.write(2, 0, "SOP", bold)
        sheet.write(2, 1, self.procedure_id.display_name)
        sheet.write(3, 0, "Unit", bold)
        sheet.write(3, 1, self.unit_id.name or "")
        sheet.write(4, 0, "Tanggal", bold)
        sheet.write(4, 1, self.date_long)
        for col, label in enumerate(("No", "Kriteria", "Ya", "Tidak", "Catatan")):
            sheet.write(6, col, label, head)
        row = 7
        for line in self.line_ids.sorted("code"):
            sheet.write(row, 0, line.code, center)
            sheet.write(row, 1, line.name, cell)
            sheet.write(row, 2, "V" if line.answer == "yes" else "", center)
            sheet.write(row, 3, "V" if line.answer == "no" else "", center)
            sheet.write(row, 4, line.note or "", cell)
            row += 1
        row += 1
        sheet.write(row, 0, "Hasil", bold)
        sheet.write(row, 1, outcomes.get(self.outcome, "") if self.outcome else "")
        sheet.write(row + 1, 0, "Catatan / Tindakan", bold)
        sheet.write(row + 1, 1, self.action_note or "")
