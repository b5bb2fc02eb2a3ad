"""What an Indonesian user reads on a screen, compared with what an English user reads.

A screen is ``(model, view xmlid or False, view type)``. Its strings are those the web client gets:
the ``string``, ``help``, ``placeholder``, ``title`` and ``confirm`` attributes and the text of the
view's arch (``get_views``, inherited views and generated group headings included), and the label,
help and selection values of its fields (``fields_get``). A string an Indonesian user gets exactly as
the English user does is untranslated; it is reported when it holds an English word of the list
below (names, codes and words spelt alike in both languages are not).
"""

import re

from lxml import etree

from odoo.tests.common import TransactionCase

ATTRIBUTES = ("string", "help", "placeholder", "title", "confirm")
# words that betray an English text (not spelt alike in Indonesian)
ENGLISH_WORDS = {
    "about", "action", "actions", "add", "administration", "allow", "an", "and", "any", "apply", "approve",
    "archived", "are", "by", "bypass", "company", "created", "definition", "field", "for", "from", "group",
    "has", "have", "human", "if", "in", "is", "marketing", "more", "name", "never", "next", "no", "notify", "of",
    "on", "options", "or", "other", "previous", "referenced", "resources", "reviewer", "reviewers", "same",
    "send", "sequence", "specific", "the", "this", "tier", "timeline", "to", "user", "users", "valid",
    "validated", "was", "when", "which", "who", "will", "with", "without", "you", "your",
}  # fmt: skip
# selections whose values are names (time zones, languages)
NAME_FIELDS = {"tz", "lang"}


def screen_strings(env, model, view, view_type):
    """``[(where, text)]`` of the screen as ``env``'s user gets it, in ``env``'s language."""
    view_id = env.ref(view).id if view else False
    arch = env[model].get_views([(view_id, view_type)])["views"][view_type]["arch"]
    root = etree.fromstring(arch.encode() if isinstance(arch, str) else arch)
    strings = []
    for node in root.iter():
        if not isinstance(node.tag, str):
            continue
        for attribute in ATTRIBUTES:
            if node.get(attribute):
                strings.append((f"{node.tag}@{attribute}", node.get(attribute)))
        for text in (node.text, node.tail):
            if text and text.strip():
                strings.append((f"{node.tag} text", text.strip()))
    names = [node.get("name") for node in root.iter("field") if node.get("name") in env[model]._fields]
    for name, description in env[model].fields_get(names, ["string", "help", "selection"]).items():
        strings.append((f"{name} label", description.get("string") or ""))
        if description.get("help"):
            strings.append((f"{name} help", description["help"]))
        if name not in NAME_FIELDS:
            strings.extend((f"{name} value", label) for _value, label in description.get("selection") or [])
    return strings


def english_words(text):
    return sorted({word for word in re.findall(r"[A-Za-z]+", text) if word.lower() in ENGLISH_WORDS})


class NoEnglishCase(TransactionCase):
    """Loads the Indonesian translations and compares each screen in both languages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("id_ID")
        # as on a server in Indonesian: every installed module's translations, then the addons' own
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        installed._update_translations(["id_ID"])
        admin = cls.env.ref("base.user_admin")
        cls.env_en = cls.env(user=admin, context={"lang": "en_US"})
        cls.env_id = cls.env(user=admin, context={"lang": "id_ID"})

    def untranslated(self, screens):
        """``["model view: where: text (words)"]`` of the English strings left on ``screens``."""
        found = []
        for model, view, view_type in screens:
            english = {text for _where, text in screen_strings(self.env_en, model, view, view_type)}
            for where, text in screen_strings(self.env_id, model, view, view_type):
                words = english_words(text)
                if text in english and words:
                    found.append(f"{model} {view or view_type}: {where}: {text!r} ({', '.join(words)})")
        return found

    def assertNoEnglish(self, screens):
        self.assertTrue(screens)
        self.assertEqual(self.untranslated(screens), [])
