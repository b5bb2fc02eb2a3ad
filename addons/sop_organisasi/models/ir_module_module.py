from odoo import models
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationImporter

# addons whose i18n_extra translates Odoo and OCA texts (see i18n_extra/id.po)
EXTRA_ADDONS = ("sop_organisasi", "sop_survey")
# the product's addons: sop_organisasi and the addons built on it (their own i18n is loaded again)
PRODUCT_BASE = "sop_organisasi"


class IrModuleModule(models.Model):
    """The translations of Odoo and OCA texts shipped in ``i18n_extra`` win over the modules' own.

    Odoo loads ``i18n_extra`` with the module's translations but keeps an existing translation, so a
    wrong or English one of another module (auth_signup's "Never Connected" as "Pernah terhubung",
    a term of a generated view) would stay: they are loaded again, overwriting.

    Likewise the addons' own product data (records not ``noupdate``: setup checklist items, menus,
    views) whose English an upgrade changes would keep the translation of the old text: their
    ``i18n`` files are loaded again, overwriting those records only (as ``--i18n-overwrite`` would).
    """

    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        result = super()._load_module_terms(modules, langs, overwrite=overwrite, imported_module=imported_module)
        if not imported_module:
            addons = self._sop_product_addons(modules)
            if not overwrite:
                self._sop_load_translations(addons, langs, "i18n", overwrite=True)
            self._sop_load_extra_translations([addon for addon in addons if addon in EXTRA_ADDONS], langs)
            if addons:
                self._sop_copy_tier_status_translations(langs)
        return result

    def _sop_copy_tier_status_translations(self, langs):
        """The approval status of every tier-validated model in the words of ``tier.validation``'s own field.

        Odoo reflects ``validation_status`` once per model that inherits it (an SOP, a job data version, a
        service standard...), each with its own selection records; ``i18n_extra`` translates the mixin's.
        """
        Selection = self.env["ir.model.fields.selection"].sudo()
        Selection.invalidate_model(["name"])  # the importer has just written the translations in SQL
        field_domain = [("field_id.name", "=", "validation_status")]
        source = {s.value: s for s in Selection.search([*field_domain, ("field_id.model", "=", "tier.validation")])}
        if not source:
            return
        targets = Selection.search(
            [*field_domain, ("field_id.model", "!=", "tier.validation"), ("value", "in", list(source))]
        )
        for lang in langs:
            if lang == "en_US":
                continue
            for target in targets:
                name = source[target.value].with_context(lang=lang).name
                # SQL: a write of ir.model.fields.selection sets the registry up again, once per record
                self.env.cr.execute(
                    "UPDATE ir_model_fields_selection SET name = name || jsonb_build_object(%s, %s::text) "
                    "WHERE id = %s AND name->>%s IS DISTINCT FROM %s",
                    [lang, name, target.id, lang, name],
                )
        targets.invalidate_recordset(["name"])

    def _sop_product_addons(self, modules):
        """Those of ``modules`` that are sop_organisasi or depend on it directly."""
        names = [name for name in modules if isinstance(name, str)]
        if not names:
            return []
        self.env.cr.execute(
            """SELECT m.name FROM ir_module_module m
                WHERE m.name = ANY(%s) AND (m.name = %s OR EXISTS (
                      SELECT 1 FROM ir_module_module_dependency d WHERE d.module_id = m.id AND d.name = %s))""",
            [names, PRODUCT_BASE, PRODUCT_BASE],
        )
        product = {name for (name,) in self.env.cr.fetchall()}
        return [name for name in names if name in product]

    def _sop_load_extra_translations(self, addons, langs):
        """Load the ``i18n_extra`` files of ``addons`` in ``langs``, overwriting."""
        self._sop_load_translations(addons, langs, "i18n_extra", overwrite=True, force_overwrite=True)

    def _sop_load_translations(self, addons, langs, folder, **save_options):
        """Load the ``folder`` (i18n, i18n_extra) files of ``addons`` in ``langs``; ``save_options``
        of :meth:`TranslationImporter.save` say what they overwrite."""
        if not addons:
            return
        importer = TranslationImporter(self.env.cr, verbose=False)
        loaded = False
        for addon in addons:
            for lang in langs:
                if lang == "en_US":
                    continue
                for name in dict.fromkeys((lang.split("_")[0], lang)):
                    try:
                        path = file_path(f"{addon}/{folder}/{name}.po")
                    except FileNotFoundError:
                        continue
                    importer.load_file(path, lang)
                    loaded = True
        if loaded:
            importer.save(**save_options)
