import functools

from odoo import api
from odoo import models
from odoo.tools.misc import file_path
from odoo.tools.translate import PoFileReader

from .ir_module_module import EXTRA_ADDONS


@functools.lru_cache(maxsize=16)
def extra_web_terms(addon, lang):
    """The web client terms of Odoo and OCA modules translated in ``addon/i18n_extra``."""
    terms = {}
    for name in dict.fromkeys((lang.split("_")[0], lang)):
        try:
            path = file_path(f"{addon}/i18n_extra/{name}.po")
        except FileNotFoundError:
            continue
        with open(path, "rb") as handle:
            for entry in PoFileReader(handle):
                if (
                    entry.get("type") == "code"
                    and entry["value"]
                    and "odoo-javascript" in (entry.get("comments") or "")
                ):
                    terms[entry["src"]] = entry["value"]
    return terms


class IrHttp(models.AbstractModel):
    """The web client merges the terms of every module into one dictionary in no fixed order: a term
    of Odoo translated in ``i18n_extra`` (hr_skills' "ADD", web's "Actions") replaces the module's own
    in every module, so the Indonesian one is shown whatever the order."""

    _inherit = "ir.http"

    @api.model
    def get_translations_for_webclient(self, modules, lang):
        translations, lang_params = super().get_translations_for_webclient(modules, lang)
        code = lang or self.env.context.get("lang")
        if not code or code == "en_US":
            return translations, lang_params
        fixes = {}
        for addon in EXTRA_ADDONS:
            if addon in translations:
                fixes.update(extra_web_terms(addon, code))
        if not fixes:
            return translations, lang_params
        fixed = {}
        for module, data in translations.items():
            messages = [
                {"id": message["id"], "string": fixes.get(message["id"], message["string"])}
                for message in data.get("messages", [])
            ]
            fixed[module] = dict(data, messages=messages)
        return fixed, lang_params
