import os

from odoo.tests.common import BaseCase
from odoo.tools import file_path

try:
    import polib
except ImportError:  # pragma: no cover - polib ships with Odoo's requirements
    polib = None


class TestIndonesianTranslation(BaseCase):
    """Every text of the addon's template (.pot) has its Indonesian translation in i18n/id.po."""

    def test_every_text_translated(self):
        self.assertIsNotNone(polib, "polib is needed to read the translations")
        folder = os.path.dirname(file_path("sop_jabatan/i18n/id.po"))
        pot = polib.pofile(os.path.join(folder, "sop_jabatan.pot"))
        po = {entry.msgid: entry.msgstr for entry in polib.pofile(os.path.join(folder, "id.po"))}
        missing = [entry.msgid for entry in pot if not po.get(entry.msgid)]
        self.assertGreater(len(pot), 100)
        self.assertFalse(missing, "texts without an Indonesian translation:\n" + "\n".join(missing))
