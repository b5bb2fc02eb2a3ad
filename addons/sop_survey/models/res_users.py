import logging

from odoo import Command
from odoo import api
from odoo import models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)


class ResUsers(models.Model):
    """A SINOVIK juror starts on their assignments; the public user is never one."""

    _inherit = "res.users"

    @api.model
    def _sop_home_groups(self):
        return super()._sop_home_groups() | self.env.ref("sop_survey.group_sinovik_juror")

    def _sop_home_action_xmlid(self):
        self.ensure_one()
        if not self.has_group("sop_organisasi.group_sop_user") and self.has_group("sop_survey.group_sinovik_juror"):
            return "sop_survey.sop_sinovik_assignment_action_mine"
        return super()._sop_home_action_xmlid()

    @api.constrains("groups_id")
    def _check_sinovik_juror_not_public(self):
        """The juror group opens the assigned proposals and their files: never to the public user (every
        anonymous visitor)."""
        juror = self.env.ref("sop_survey.group_sinovik_juror", raise_if_not_found=False)
        public = self.env.ref("base.group_public")
        if juror and self.filtered(lambda user: juror in user.groups_id and public in user.groups_id):
            raise ValidationError(self.env._("The public user cannot be a SINOVIK juror."))

    @api.model
    def _sinovik_remove_public_jurors(self):
        """Take the juror group from the public user, who got it before jurors were checked (run on every
        update of the module): anonymous visitors would read the assigned proposals and their files."""
        juror = self.env.ref("sop_survey.group_sinovik_juror")
        users = (
            self.sudo()
            .with_context(active_test=False)
            .search([("groups_id", "in", juror.ids), ("groups_id", "in", self.env.ref("base.group_public").ids)])
        )
        if users:
            _logger.warning("SINOVIK juror group taken from public user(s) %s", users.ids)
            users.write({"groups_id": [Command.unlink(juror.id)]})
