"""What an upgrade from the previous release (.ci/previous-release) changes on purpose.

Every stored value of the product's models must be identical after the upgrade, except what is
listed here by name, each with the reason. A value that changes and is not listed fails the test.
Each release adds its own entries (and the migration scripts that make them true).
"""

# (table, old column) -> new column: the same value under a new name (migrations/*/pre-migrate.py)
RENAMED = {
    # 18.0.2.0.0: the approving official of an SOP is the shared signatory (sop.signatory.mixin)
    ("sop_procedure", "approver_title"): "signatory_position",
    ("sop_procedure", "approver_name"): "signatory_name",
    ("sop_procedure", "approver_rank"): "signatory_rank",
    ("sop_procedure", "approver_nip"): "signatory_nip",
    # sop_survey 18.0.1.0.0: the signatory of the SINOVIK certificates, likewise
    ("sop_sinovik_competition", "sign_place"): "signatory_place",
    ("sop_sinovik_competition", "sign_date"): "signatory_date",
    ("sop_sinovik_competition", "sign_position"): "signatory_position",
    ("sop_sinovik_competition", "sign_name"): "signatory_name",
    ("sop_sinovik_competition", "sign_rank"): "signatory_rank",
    ("sop_sinovik_competition", "sign_nip"): "signatory_nip",
}

# (table, column) -> why its values change
CHANGED = {
    ("sop_case_step", "date_deadline"): "steps in progress are replanned on the WIB calendar with the "
    "N-day rule (post-migrate), each change kept as a 'Deadline Recomputed' history row",
}

# (table, column) -> why the column is gone with its values
DROPPED = {}
