from odoo import api
from odoo import fields
from odoo import models
from odoo.exceptions import ValidationError

from .hr_job import FUNCTIONAL_LEVELS
from .hr_job import JOB_KINDS


class SopJabatanPostLineMixin(models.AbstractModel):
    """A post of the OPD in one of its yearly work products (a sheet of the job data, an SKJ): the post and its
    identity in that version, taken from the post when the line is made. The concrete model names its document
    in ``_sop_document_path`` (a field of the line) and defines ``opd_id`` (the document's)."""

    _name = "sop.jabatan.post.line.mixin"
    _description = "Post in a Yearly Work Product of an OPD"

    post_id = fields.Many2one(
        "hr.job",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('opd_id', '=', opd_id)]",
        help="The post (job position) described, for the year of the document.",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Post Name", required=True)
    job_kind = fields.Selection(JOB_KINDS, string="Kind of Post")
    functional_level = fields.Selection(FUNCTIONAL_LEVELS)
    job_code = fields.Char(string="Post Code")

    @api.model
    def _sop_identity_from_post(self, post):
        """The values of a new line of ``post`` (extended by the concrete models)."""
        return {
            "name": post.name,
            "job_kind": post.job_kind,
            "functional_level": post.functional_level,
            "job_code": post.job_code,
        }

    @api.model
    def _sop_fill_identity(self, vals_list):
        """A line made for a post without a name starts from the post."""
        Job = self.env["hr.job"]
        for vals in vals_list:
            if vals.get("post_id") and not vals.get("name"):
                for key, value in self._sop_identity_from_post(Job.browse(vals["post_id"])).items():
                    vals.setdefault(key, value)
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        return super().create(self._sop_fill_identity(vals_list))

    @api.onchange("post_id")
    def _onchange_post_id(self):
        if self.post_id:
            self.update(self._sop_identity_from_post(self.post_id))

    @api.onchange("job_kind")
    def _onchange_job_kind(self):
        if self.job_kind != "fungsional":
            self.functional_level = False

    @api.constrains("post_id")
    def _check_post_in_opd(self):
        for line in self:
            opd = line[line._sop_document_path].opd_id
            if line.post_id.sudo().opd_id != opd:
                raise ValidationError(
                    self.env._("The post '%(post)s' is not a post of %(opd)s.", post=line.post_id.name, opd=opd.name)
                )

    @api.constrains("job_kind", "functional_level")
    def _check_functional_level(self):
        for line in self:
            if line.functional_level and line.job_kind != "fungsional":
                raise ValidationError(self.env._("Only a functional post (Fungsional) has a functional level."))
