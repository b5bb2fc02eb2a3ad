"""18.0.1.0.0 -> 18.0.2.0.0, before the ORM updates the tables.

The approving official of an SOP moved to the shared signatory fields (sop.signatory.mixin):
``approver_*`` became ``signatory_*``. Renaming the columns keeps every SOP's "Disahkan oleh".
"""

from odoo.addons.sop_organisasi.tools.migration import rename_fields

RENAMED = [
    ("approver_title", "signatory_position"),
    ("approver_name", "signatory_name"),
    ("approver_rank", "signatory_rank"),
    ("approver_nip", "signatory_nip"),
]


def migrate(cr, version):
    if version:
        rename_fields(cr, "sop.procedure", RENAMED)
