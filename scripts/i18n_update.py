"""Refresh addons/<addon>/i18n/id.po from the terms Odoo exports for the addon.

Usage: python scripts/i18n_update.py DB ADDON [ADDON...]
Exports the current terms (code strings, fields, views, data) of each addon with
Odoo's --i18n-export into i18n/<addon>.pot, keeps every translation already in i18n/id.po (matched by
msgid), adds new terms with an empty msgstr, drops obsolete ones, and prints
how many terms still need a translation.
"""

import datetime
import os
import subprocess
import sys

import polib

PROJECT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def export(db, addon):
    """Export the addon's terms to addons/<addon>/i18n/<addon>.pot and return them.

    Odoo reads id.po through that .pot (entries missing from it are obsolete), so the
    .pot must be exported from a database where only the addon and its dependencies
    define its fields' strings: an addon installed on top may override them.
    """
    out = os.path.join(PROJECT, "addons", addon, "i18n", f"{addon}.pot")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    script = (
        f'source "{PROJECT}/scripts/common.sh"; '
        f'odoo -d "{db}" --i18n-export="{out}" --modules={addon} --stop-after-init --log-level=warn'
    )
    subprocess.run(["bash", "-c", script], check=True)
    return polib.pofile(out, wrapwidth=78)


def merge(addon, pot):
    path = os.path.join(PROJECT, "addons", addon, "i18n", "id.po")
    old = {}
    if os.path.exists(path):
        for entry in polib.pofile(path):
            if entry.msgstr:
                old[(entry.msgctxt, entry.msgid)] = entry.msgstr
                old.setdefault((None, entry.msgid), entry.msgstr)
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "PO-Revision-Date": datetime.date.today().isoformat(),
        "Last-Translator": "Bagian Organisasi SOP Team",
        "Language-Team": "Indonesian",
        "Language": "id",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": "nplurals=1; plural=0;",
    }
    missing = 0
    for entry in pot:
        entry.msgstr = old.get((entry.msgctxt, entry.msgid)) or old.get((None, entry.msgid), "")
        if not entry.msgstr:
            missing += 1
        po.append(entry)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    po.save(path)
    print(f"{addon}: {len(po)} terms, {missing} without translation -> {path}")


def main():
    db, addons = sys.argv[1], sys.argv[2:]
    for addon in addons:
        merge(addon, export(db, addon))


if __name__ == "__main__":
    main()
