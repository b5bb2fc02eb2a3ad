from odoo import api
from odoo import models

from ..tools.access import check_workflow_fields
from ..tools.access import without_client_defaults


class SopWorkflowStateMixin(models.AbstractModel):
    """A record whose ``_workflow_fields`` only its workflow methods set.

    Any other ``create``/``write`` that sets them is refused (whatever its context), a client's
    ``default_<field>`` keys are dropped, and the workflow methods change the state with
    :meth:`_set_state` after their own group and state checks.
    """

    _name = "sop.workflow.state.mixin"
    _description = "Record whose state only its workflow sets"
    _workflow_fields = ("state",)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            check_workflow_fields(self, vals, self._workflow_fields)
        return super(SopWorkflowStateMixin, without_client_defaults(self, self._workflow_fields)).create(vals_list)

    def write(self, vals):
        check_workflow_fields(self, vals, self._workflow_fields)
        return super().write(vals)

    def _set_state(self, state):
        """The workflow methods change the state (after their own checks)."""
        self.sudo().write({"state": state})
