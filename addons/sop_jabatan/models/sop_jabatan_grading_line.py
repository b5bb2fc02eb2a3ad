from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from ..tools import grading
from .sop_jabatan_grading_factor import grading_scheme_for


class SopJabatanGradingLine(models.Model):
    """The level a post sheet gives one grading factor, with its justification (Informasi Faktor Jabatan)."""

    _name = "sop.jabatan.grading.line"
    _inherit = "sop.document.content.mixin"
    _description = "Job Grading Line"
    _order = "sheet_id, factor_sequence, factor_id, id"
    _sop_document_path = "sheet_id.analysis_id"

    sheet_id = fields.Many2one("sop.jabatan.sheet", string="Post Sheet", required=True, index=True, ondelete="cascade")
    opd_id = fields.Many2one(related="sheet_id.opd_id", store=True, index=True)
    factor_id = fields.Many2one("sop.jabatan.grading.factor", required=True, ondelete="restrict")
    factor_sequence = fields.Integer(related="factor_id.sequence", store=True)
    scheme = fields.Selection(related="factor_id.scheme")
    level_id = fields.Many2one(
        "sop.jabatan.grading.factor.level",
        ondelete="restrict",
        domain="[('factor_id', '=', factor_id)]",
    )
    descriptor = fields.Text(related="level_id.descriptor")
    points = fields.Integer(
        compute="_compute_points",
        store=True,
        help="The points of the chosen level when it was chosen (an approved version keeps them).",
    )
    justification = fields.Text(help="Why the post is at this level: the facts of the post that match the level.")

    _sql_constraints = [
        ("factor_unique", "unique(sheet_id, factor_id)", "The post sheet already grades this factor."),
    ]

    @api.depends("level_id")
    def _compute_points(self):
        # on the level only, not on its points: a changed table reaches drafts through the level's write
        for line in self:
            line.points = line.level_id.points

    @api.constrains("factor_id", "level_id")
    def _check_level_of_factor(self):
        for line in self:
            if line.level_id and line.level_id.factor_id != line.factor_id:
                raise ValidationError(
                    self.env._(
                        "The level %(level)s is not a level of the factor %(factor)s.",
                        level=line.level_id.display_name,
                        factor=line.factor_id.display_name,
                    )
                )

    # ---------------------------------------------------------------- the sheet's figures
    @api.model
    def _sop_grading_of(self, sheet):
        """``(total points, kelas, complete)`` of a sheet: the kelas only when every factor of the post's scheme
        has its level (0 otherwise, shown as undefined)."""
        lines = sheet.grading_line_ids
        scheme = grading_scheme_for(sheet.job_kind)
        complete = (
            bool(lines)
            and not self._sop_missing_factors(sheet)
            and all(line.level_id and line.factor_id.scheme == scheme for line in lines)
        )
        total = grading.total_points(line.points for line in lines) if lines else 0
        if not complete:
            return total or 0, 0, False
        kelas = self.env["sop.jabatan.grading.band"]._kelas_for(total)
        return total, kelas or 0, True

    @api.model
    def _sop_missing_factors(self, sheet):
        """The factors of the sheet's scheme it has no line for."""
        scheme = grading_scheme_for(sheet.job_kind)
        if not scheme:
            return self.env["sop.jabatan.grading.factor"]
        factors = self.env["sop.jabatan.grading.factor"].search([("scheme", "=", scheme)])
        return factors - sheet.grading_line_ids.factor_id

    @api.model
    def _sop_load_factors(self, sheets):
        """One line per factor of each sheet's scheme; lines of another scheme's factors are removed."""
        for sheet in sheets:
            scheme = grading_scheme_for(sheet.job_kind)
            stale = sheet.grading_line_ids.filtered(lambda line, scheme=scheme: line.factor_id.scheme != scheme)
            commands = [fields.Command.unlink(line.id) for line in stale]
            commands += [fields.Command.create({"factor_id": factor.id}) for factor in self._sop_missing_factors(sheet)]
            if commands:
                sheet.write({"grading_line_ids": commands})

    @api.model
    def _sop_kelas_text(self, sheet):
        """'Kelas 6 (805 points)', or why the kelas is undefined."""
        if not sheet.grading_complete:
            return self.env._("Undefined: not every factor is graded")
        if not sheet.grading_kelas:
            return self.env._("Undefined: no kelas band holds %s points", sheet.total_points)
        return self.env._("Kelas %(kelas)s (%(points)s points)", kelas=sheet.grading_kelas, points=sheet.total_points)

    @api.model
    def _sop_grading_problems(self, sheets, require_all=False):
        """What a version may not lack when it is submitted: a justification for every graded factor and,
        when ``require_all`` (job data of a job grading case), a level for every factor of each post's scheme."""
        problems = []
        for sheet in sheets:
            lines = sheet.grading_line_ids
            unjustified = lines.filtered(lambda line: line.level_id and not (line.justification or "").strip())
            if unjustified:
                problems.append(
                    self.env._(
                        "%(post)s: factors without a justification: %(factors)s",
                        post=sheet.name,
                        factors=", ".join(unjustified.factor_id.mapped("code")),
                    )
                )
            if not require_all:
                continue
            if not grading_scheme_for(sheet.job_kind):
                continue  # the job data names posts without a kind already
            ungraded = self._sop_missing_factors(sheet) | lines.filtered(lambda line: not line.level_id).factor_id
            if ungraded:
                problems.append(
                    self.env._(
                        "%(post)s: factors not graded: %(factors)s",
                        post=sheet.name,
                        factors=", ".join(ungraded.sorted().mapped("code")),
                    )
                )
        return problems
