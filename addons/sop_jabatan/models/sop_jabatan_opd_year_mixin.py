from odoo import api
from odoo import fields
from odoo import models
from odoo.addons.sop_organisasi.tools.workflow import as_workflow
from odoo.addons.sop_organisasi.tools.year import Year
from odoo.exceptions import UserError


class SopJabatanOpdYearMixin(models.AbstractModel):
    """A work product of an OPD for a year, versioned (the job data, the competency standards): one line per
    post of the OPD (``_sop_lines_field``), opened by a case of its SOP, kept per revision."""

    _name = "sop.jabatan.opd.year.mixin"
    _description = "Work Product of an OPD for a Year"
    _inherit = ["sop.document.version.mixin"]
    _order = "year desc, opd_id, revision desc, id desc"
    _rec_names_search = ["opd_id.name"]
    _sop_version_key = ("opd_id", "year")
    _sop_lines_field = None  # the One2many holding a line per post

    name = fields.Char(compute="_compute_name")
    opd_id = fields.Many2one(
        "hr.department",
        string="OPD",
        required=True,
        index=True,
        tracking=True,
        domain=[("is_opd", "=", True)],
        default=lambda self: self._default_opd(),
    )
    year = Year(required=True, default=lambda self: fields.Date.context_today(self).year, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company, index=True)

    def _default_opd(self):
        """A liaison of exactly one OPD starts in it."""
        opds = self.env["hr.department"].search([("liaison_user_ids", "in", self.env.uid), ("is_opd", "=", True)])
        return opds if len(opds) == 1 else False

    def _sop_name_prefix(self):
        """'Job Data', 'SKJ'... (override)."""
        return self._description

    @api.depends("opd_id.name", "year", "revision")
    def _compute_name(self):
        for rec in self:
            name = f"{rec._sop_name_prefix()} {rec.opd_id.name or ''} {rec.year or ''}".strip()
            rec.name = f"{name} (rev. {rec.revision})" if rec.revision else name

    @api.constrains("opd_id", "year", "state", "revision")
    def _check_one_open_version(self):
        self._sop_check_versions()

    def write(self, vals):
        if {"opd_id", "year"} & set(vals) and any(rec[self._sop_lines_field] for rec in self):
            raise UserError(
                self.env._("The OPD and year of %(document)s cannot be changed: it has posts.", document=self[:1].name)
            )
        return super().write(vals)

    def _sop_revision_default(self):
        return {**super()._sop_revision_default(), "opd_id": self.opd_id.id, "year": self.year}

    @api.model
    def _sop_open_for(self, opd, year, case=False):
        """The version of (opd, year) a case works on (``_sop_open_version``)."""
        return self._sop_open_version({"opd_id": opd.id, "year": year}, case)[0]

    def _sop_on_new_version(self):
        self._sop_load_posts()

    def action_load_posts(self):
        """Add a line for every post of the OPD that has none yet (the post's latest effective line copied)."""
        self.check_access("write")
        self._sop_check_editable()
        for rec in self:
            rec._sop_load_posts()
        return True

    def _sop_load_posts(self):
        """A line per post of the OPD that has none yet: a copy of the post's line in the latest effective
        version up to this year, or a new line made from the post. Returns the new (not copied) lines."""
        self.ensure_one()
        lines_field = self._fields[self._sop_lines_field]
        Line = as_workflow(self.env[lines_field.comodel_name])
        posts = self.env["hr.job"].sudo().search([("opd_id", "=", self.opd_id.id)], order="id")
        posts -= self[self._sop_lines_field].post_id
        created = Line.browse()
        for post in posts:
            source = Line.search(
                [("post_id", "=", post.id), ("state", "=", "effective"), ("year", "<=", self.year)],
                order="year desc, id desc",
                limit=1,
            )
            if source:
                source.copy({lines_field.inverse_name: self.id})
            else:
                created |= Line.create({lines_field.inverse_name: self.id, "post_id": post.id})
        return created
