"""18.0.0.1.0 -> 18.0.1.0.0, before the ORM updates the tables.

The signatory of a SINOVIK competition's certificates moved to the shared signatory fields
(sop.signatory.mixin): ``sign_*`` became ``signatory_*``. Renaming the columns keeps them.
"""

from odoo.addons.sop_organisasi.tools.migration import rename_fields

RENAMED = [
    ("sign_place", "signatory_place"),
    ("sign_date", "signatory_date"),
    ("sign_position", "signatory_position"),
    ("sign_name", "signatory_name"),
    ("sign_rank", "signatory_rank"),
    ("sign_nip", "signatory_nip"),
]


def migrate(cr, version):
    if version:
        rename_fields(cr, "sop.sinovik.competition", RENAMED)
