from odoo import models


class SopSetupItem(models.Model):
    _inherit = "sop.setup.item"

    def _setup_check_skm_units(self):
        units = self.env["sop.skm.unit"].sudo().search([])
        if not units:
            return False, self.env._("No SKM service unit yet.")
        without = units.filtered(lambda unit: not unit.service_ids.filtered("active"))
        if without:
            return False, self.env._(
                "%(count)s of %(total)s service units list no service: %(names)s",
                count=len(without),
                total=len(units),
                names=", ".join(without[:5].mapped("name")),
            )
        return True, self.env._("%(total)s service units with their services.", total=len(units))
