from odoo import api
from odoo import models
from odoo.exceptions import UserError

from ..tools.workflow import copy_with_workflow_defaults
from ..tools.workflow import field_labels
from ..tools.workflow import refused_workflow_fields
from ..tools.workflow import without_client_defaults
from ..tools.workflow import written_fields


class SopAssessmentMixin(models.AbstractModel):
    """The workflow of the assessment forms (monitoring, evaluation): only their actions
    (Finish, Back to Draft, Start Revision) set the workflow fields, and a finished form
    is read-only. The actions check the user's right to write the form, then set the
    workflow fields as superuser."""

    _inherit = "sop.assessment.mixin"
    _workflow_fields = ("state",)

    @api.model_create_multi
    def create(self, vals_list):
        model = self
        if not self.env.su:
            self.browse().check_access("create")
            for vals in vals_list:
                # a new form starts as a draft: the form's defaults pass, nothing else
                workflow = refused_workflow_fields(self, vals, self._workflow_fields, creating=True)
                if workflow:
                    self._raise_workflow_fields(workflow)
            model = without_client_defaults(self, self._workflow_fields)
        return super(SopAssessmentMixin, model).create(vals_list)

    def copy_data(self, default=None):
        """A copy starts where the workflow starts, not in the original's state."""
        return super().copy_data(default=copy_with_workflow_defaults(self, self._workflow_fields, default))

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            written = written_fields(vals)
            workflow = written & set(self._workflow_fields)
            if workflow:
                self._raise_workflow_fields(workflow)
            if written:
                self._check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        """A finished form is a record of what was assessed: set it back to draft first."""
        if not self.env.su:
            self._check_draft()

    def _raise_workflow_fields(self, names):
        labels = field_labels(self, names)
        raise UserError(
            self.env._(
                "%(fields)s of '%(form)s' are set by its buttons (Finish, Back to Draft, Start Revision) "
                "and cannot be written directly.",
                fields=labels,
                form=self._description,
            )
        )

    def _check_draft(self):
        finished = self.filtered(lambda rec: rec.state != "draft")
        if finished:
            raise UserError(
                self.env._(
                    "'%(name)s' is finished and can no longer be changed; set it back to draft first.",
                    name=finished[0].name,
                )
            )

    def action_print_pdf(self):
        self.check_access("read")
        return super().action_print_pdf()

    def action_export_xlsx(self):
        self.check_access("read")
        return super().action_export_xlsx()

    def _workflow_write(self, vals):
        """Write workflow fields for a user who may write the forms (checked first)."""
        self.check_access("write")
        return self.sudo().write(vals)


class SopAssessmentLineMixin(models.AbstractModel):
    """A row of an assessment form: changes only while its form is a draft; the fields in
    ``_assessment_line_workflow_fields`` are set by the form's actions only."""

    _name = "sop.assessment.line.mixin"
    _description = "SOP Assessment Form Row"
    _assessment_parent_field = None
    _assessment_line_workflow_fields = ()

    def _assessment_forms(self):
        return self[self._assessment_parent_field]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records._assessment_forms()._check_draft()
        return records

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            workflow = set(vals) & set(self._assessment_line_workflow_fields)
            if workflow:
                labels = field_labels(self, workflow)
                raise UserError(
                    self.env._(
                        "%(fields)s of a row are set by the form's buttons and cannot be written directly.",
                        fields=labels,
                    )
                )
            self._assessment_forms()._check_draft()
        res = super().write(vals)
        if not self.env.su and self._assessment_parent_field in vals:
            self._assessment_forms()._check_draft()  # moved into another form
            self.check_access("write")
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_draft_form(self):
        if not self.env.su:
            self._assessment_forms()._check_draft()
