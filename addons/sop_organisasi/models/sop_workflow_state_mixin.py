from odoo import api
from odoo import models

from ..tools.workflow import check_workflow_fields
from ..tools.workflow import copy_with_workflow_defaults
from ..tools.workflow import without_client_defaults


class SopWorkflowStateMixin(models.AbstractModel):
    """A record whose ``_workflow_fields`` only its workflow methods set.

    A client creates it with these fields at their defaults (what the form sends on "New") and never
    sets them otherwise, whatever its context: its ``default_<field>`` keys are dropped, any other
    value on ``create``/``write`` is refused, and a copy starts from the defaults again. The workflow
    methods change the state with :meth:`_set_state` after their own group and state checks.
    """

    _name = "sop.workflow.state.mixin"
    _description = "Record whose state only its workflow sets"
    _workflow_fields = ("state",)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_workflow_fields(self, vals, self._workflow_fields, creating=True)
        return super(SopWorkflowStateMixin, without_client_defaults(self, self._workflow_fields)).create(vals_list)

    def write(self, vals):
        check_workflow_fields(self, vals, self._workflow_fields)
        return super().write(vals)

    def copy_data(self, default=None):
        """A copy starts where the workflow starts, not in the original's state."""
        return super().copy_data(default=copy_with_workflow_defaults(self, self._workflow_fields, default))

    def _set_state(self, state):
        """The workflow methods change the state (after their own checks)."""
        self.sudo().write({"state": state})
