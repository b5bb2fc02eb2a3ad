from odoo import models

from .ir_module_module import EXTRA_ADDONS


class ResGroups(models.Model):
    """The user form's group headings ("Human Resources", "Other"...) are terms of a view Odoo generates
    again whenever groups change; a term missing at one moment loses its translation. The headings
    translated in ``i18n_extra`` are loaded again after each generation."""

    _inherit = "res.groups"

    def _update_user_groups_view(self):
        result = super()._update_user_groups_view()
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        installed = (
            self.env["ir.module.module"].sudo().search([("name", "in", EXTRA_ADDONS), ("state", "=", "installed")])
        )
        if langs and installed:
            self.env["ir.module.module"].sudo()._sop_load_extra_translations(installed.mapped("name"), langs)
        return result
