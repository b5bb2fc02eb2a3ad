from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError


class SopProcedureLine(models.Model):
    """One line of an information box of the SOP identity page."""

    _name = "sop.procedure.line"
    _inherit = ["sop.procedure.content"]
    _description = "SOP Information Box Line"
    _order = "procedure_id, kind, sequence, id"

    procedure_id = fields.Many2one("sop.procedure", required=True, ondelete="cascade", index=True)
    kind = fields.Selection(
        [
            ("legal", "Legal Basis (Dasar Hukum)"),
            ("qualification", "Executor Qualification (Kualifikasi Pelaksana)"),
            ("related", "Related SOP (Keterkaitan)"),
            ("equipment", "Equipment (Peralatan/Perlengkapan)"),
            ("warning", "Warning (Peringatan)"),
            ("record", "Records (Pencatatan dan Pendataan)"),
        ],
        required=True,
        index=True,
    )
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Text", required=True)
    related_procedure_id = fields.Many2one(
        "sop.procedure",
        string="Linked SOP",
        ondelete="set null",
        help="For related SOPs: the SOP record this line refers to.",
    )

    @api.onchange("related_procedure_id")
    def _onchange_related_procedure_id(self):
        if self.related_procedure_id and not self.name:
            self.name = self.related_procedure_id.name

    @api.constrains("kind", "related_procedure_id", "procedure_id")
    def _check_related(self):
        for line in self:
            if line.related_procedure_id and line.kind != "related":
                raise ValidationError(self.env._("Only 'Related SOP' lines can link to another SOP."))
            if line.related_procedure_id and line.related_procedure_id.root_id == line.procedure_id.root_id:
                raise ValidationError(self.env._("An SOP cannot be related to itself."))
