#!/usr/bin/env bash
# Run all tests of the project in a fresh throw-away database:
# installs both addons with their tests (unit tests and browser tours),
# prints "N passed, N failed" and exits non-zero on any failure or error.
source "$(dirname "$0")/common.sh"
DB=${SOP_TEST_DB:-sop_test_$$}
LOG=${SOP_TEST_LOG:-$(mktemp /tmp/sop-test-XXXX.log)}
TAGS=${SOP_TEST_TAGS:-/sop_organisasi,/sop_survey}

setup_all
db_exists "$DB" && psql -U postgres -d postgres -qc "drop database \"$DB\""
log "testing in database $DB (full log: $LOG)"
set +e
# a hung test (e.g. wkhtmltopdf waiting on the test server) fails the run instead of blocking it
timeout --kill-after=60 "${SOP_TEST_TIMEOUT:-2700}" \
    "$PY" -m odoo -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" \
    -d "$DB" -i sop_organisasi,sop_survey --test-tags "$TAGS" --stop-after-init \
    --http-port="${SOP_TEST_PORT:-18069}" --workers=0 --max-cron-threads=0 2>&1 \
    | tee "$LOG" | "$PY" "$PROJECT_DIR/scripts/odoo_test_filter.py"
set -e
[ -n "${SOP_KEEP_DB:-}" ] || psql -U postgres -d postgres -qc "drop database if exists \"$DB\"" || true
"$PY" "$PROJECT_DIR/scripts/odoo_test_summary.py" "$LOG"
