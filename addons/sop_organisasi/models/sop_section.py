from odoo import api
from odoo import fields
from odoo import models
from odoo.osv import expression


class SopSection(models.Model):
    """A phase of the procedure ("A. Perencanaan") with its own table of steps."""

    _name = "sop.section"
    _inherit = ["sop.procedure.content"]
    _description = "SOP Procedure Section"
    _order = "procedure_id, sequence, id"

    procedure_id = fields.Many2one("sop.procedure", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    code = fields.Char(help="Letter printed before the title, e.g. 'A'.")
    name = fields.Char(string="Title", required=True)
    step_ids = fields.One2many("sop.step", "section_id", string="Steps", copy=True)
    role_ids = fields.Many2many(
        "sop.role",
        compute="_compute_role_ids",
        string="Acting Roles",
        help="Roles performing at least one step of the section, in column order.",
    )

    @api.depends("step_ids.role_id", "procedure_id.role_ids")
    def _compute_role_ids(self):
        for section in self:
            acting = section.step_ids.role_id
            section.role_ids = acting.sorted(lambda r: (r.sequence, r.id))

    @api.model
    def name_create(self, name):
        """Quick creation from a step's Section column: "B. Pelaksanaan" gives code B."""
        code, _dot, title = (name or "").partition(". ")
        if title and code.strip() and len(code.strip()) <= 3:
            section = self.create({"code": code.strip(), "name": title.strip()})
            return section.id, section.display_name
        return super().name_create(name)

    @api.model
    def _search_display_name(self, operator, value):
        """Find a section by the label the user sees: "A", "A.", "A. Pere" or its title."""
        domain = super()._search_display_name(operator, value)
        if operator in ("ilike", "=ilike", "=") and isinstance(value, str) and value.strip():
            code, dot, title = value.strip().partition(".")
            code, title = code.strip(), title.strip()
            if code and len(code) <= 3:
                by_code = [("code", "=ilike", code)]
                if dot and title:
                    by_code = expression.AND([by_code, [("name", "ilike", title)]])
                domain = expression.OR([by_code, domain])
        return domain

    @api.depends("code", "name")
    def _compute_display_name(self):
        for section in self:
            section.display_name = f"{section.code}. {section.name}" if section.code else section.name
