"""Fill a database of the release of commit 18916d5 (sop_organisasi 18.0.2.0.0, sop_survey 18.0.1.0.0).

Its API: the approving official of an SOP and the signatory of a SINOVIK competition are the shared
``signatory_*`` fields; workflow fields are set by the actions only; agenda numbers are taken in a
transaction of their own. On top of the content of every release (fill_release.py): a letter voided
with its reason (its number stays void in the agenda book) and a logged correction of an SKM answer.

    odoo -d upg_fill -i sop_organisasi,sop_survey --stop-after-init --load-language=id_ID ...
    SOP_UPGRADE_DIR=tests/upgrade odoo shell -d upg_fill --no-http < tests/upgrade/fill_release_18916d5.py
"""

import os
import sys

sys.path.insert(0, os.environ.get("SOP_UPGRADE_DIR") or "tests/upgrade")
import fill_release  # found through SOP_UPGRADE_DIR (odoo shell reads this file from stdin)

SIGNATORY = ("signatory_position", "signatory_name", "signatory_rank", "signatory_nip")
RELEASE = fill_release.Release(
    commit="18916d59f77cfd7bc70612b0bee9a303f7d962a4",
    sop_signatory=SIGNATORY,
    competition_signatory=("signatory_place", "signatory_date", *SIGNATORY),
    letter_void=True,
    skm_correction=True,
)

fill_release.main(env, RELEASE)  # noqa: F821 - defined by odoo shell
