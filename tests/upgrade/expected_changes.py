"""What an upgrade from a shipped release (.ci/previous-release) changes on purpose.

Every stored value of the product's models must be identical after the upgrade, except what is
listed here by name, each with the reason. A value that changes and is not listed fails the test.
Each entry belongs to the module version whose migration makes it true: an upgrade from a release
expects the entries of the versions after the ones that release had installed (the snapshot taken
before the upgrade records them), so the renames of 18.0.2.0.0 apply to an upgrade from 5654535
(18.0.1.0.0) and not to one from 18916d5 (18.0.2.0.0).
"""

import collections

Expected = collections.namedtuple("Expected", "renamed changed dropped added")

# (module, version) -> what the migration to that version changes
BY_VERSION = {
    ("sop_organisasi", "18.0.2.0.0"): Expected(
        # (table, old column) -> new column: the same value under a new name (migrations/*/pre-migrate.py)
        renamed={
            # the approving official of an SOP is the shared signatory (sop.signatory.mixin)
            ("sop_procedure", "approver_title"): "signatory_position",
            ("sop_procedure", "approver_name"): "signatory_name",
            ("sop_procedure", "approver_rank"): "signatory_rank",
            ("sop_procedure", "approver_nip"): "signatory_nip",
        },
        # (table, column) -> why its values change
        changed={
            ("sop_case_step", "date_deadline"): "steps in progress are replanned on the WIB calendar with the "
            "N-day rule (post-migrate), each change kept as a 'Deadline Recomputed' history row",
        },
        # (table, column) -> why the column is gone with its values
        dropped={},
        # (table, new column) -> why the rows that existed before the upgrade have a value in it
        added={},
    ),
    ("sop_survey", "18.0.1.0.0"): Expected(
        renamed={
            # the signatory of the SINOVIK certificates, likewise
            ("sop_sinovik_competition", "sign_place"): "signatory_place",
            ("sop_sinovik_competition", "sign_date"): "signatory_date",
            ("sop_sinovik_competition", "sign_position"): "signatory_position",
            ("sop_sinovik_competition", "sign_name"): "signatory_name",
            ("sop_sinovik_competition", "sign_rank"): "signatory_rank",
            ("sop_sinovik_competition", "sign_nip"): "signatory_nip",
        },
        changed={},
        dropped={},
        added={},
    ),
    ("sop_organisasi", "18.0.2.1.0"): Expected(
        renamed={},
        changed={
            # product data, not the city's: the items of the setup checklist follow the data files
            ("sop_setup_item", "name"): "the setup checklist items were renamed (the calendar item also names "
            "the time zone), their Indonesian with them",
            ("sop_setup_item", "sequence"): "the setup checklist became the administrator's path, in a new order",
        },
        dropped={},
        added={
            ("sop_case_step", "return_reason"): "steps sent back by a 'No' before the upgrade get the reason of "
            "their last 'No' from the case history (post-migrate; checked by check_upgraded.py)",
            ("res_company", "sop_monitoring_start_date"): "the ORM's default: the day the SOP application was "
            "installed (checked by check_upgraded.py)",
        },
    ),
    ("sop_jabatan", "18.0.1.1.0"): Expected(
        renamed={},
        changed={
            ("hr_job", "department_id"): "a post with tasks but no OPD is placed in the OPD of the Bagian Organisasi "
            "(its former unit said in its chatter; post-migrate; check_upgraded.py checks that only those posts moved)",
            ("hr_job", "opd_id"): "likewise: the OPD of a post placed there",
            ("sop_jabatan_task", "opd_id"): "likewise: the tasks of a post placed there",
        },
        dropped={
            # the post's figures are those of its effective sheet now (related fields, not stored on the post);
            # check_upgraded.py checks that every sheet has the figures its post had
            **{
                ("hr_job", column): "the post's ABK figures moved to its sheet in the yearly job data (post-migrate)"
                for column in (
                    "abk_year",
                    "workload_minutes",
                    "jke_minutes",
                    "staff_need_raw",
                    "staff_need",
                    "staff_gap",
                    "efficiency",
                    "efficiency_defined",
                    "efficiency_band_id",
                )
            },
        },
        added={
            ("sop_jabatan_task", "sheet_id"): "every task is on the sheet of its post in the effective job data of the "
            "post's OPD and ABK year (post-migrate; checked by check_upgraded.py)",
            ("hr_job", "current_sheet_id"): "a post with tasks has that sheet as its effective sheet",
        },
    ),
}


def _version(text):
    return tuple(int(part) for part in text.split("."))


def for_upgrade(installed):
    """The merged :class:`Expected` of an upgrade from ``installed`` {module: version} (the snapshot's)."""
    merged = Expected({}, {}, {}, {})
    for (module, version), expected in sorted(BY_VERSION.items(), key=lambda item: _version(item[0][1])):
        if module in installed and _version(version) > _version(installed[module]):
            for mine, theirs in zip(merged, expected, strict=True):
                mine.update(theirs)
    return merged
