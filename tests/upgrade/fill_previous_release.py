"""Fill a database of the release of commit 5654535 (2026-11-25) with realistic data (fill_release.py).

Its API: the approving official of an SOP is ``approver_title/approver_name/approver_rank/
approver_nip``, the signatory of a SINOVIK competition ``sign_*``; workflow fields are not yet locked
behind their actions; no void of letters, no logged SKM corrections.

    odoo -d upg_fill -i sop_organisasi,sop_survey --stop-after-init --load-language=id_ID ...
    SOP_UPGRADE_DIR=tests/upgrade odoo shell -d upg_fill --no-http < tests/upgrade/fill_previous_release.py
"""

import os
import sys

sys.path.insert(0, os.environ.get("SOP_UPGRADE_DIR") or "tests/upgrade")
import fill_release  # found through SOP_UPGRADE_DIR (odoo shell reads this file from stdin)

RELEASE = fill_release.Release(
    commit="5654535c8c8a5e5ffd14d5140545febd1cdec60d",
    sop_signatory=("approver_title", "approver_name", "approver_rank", "approver_nip"),
    competition_signatory=("sign_place", "sign_date", "sign_position", "sign_name", "sign_rank", "sign_nip"),
)

fill_release.main(env, RELEASE)  # noqa: F821 - defined by odoo shell
