#!/usr/bin/env bash
# Run all tests of the project in a fresh throw-away database:
# installs both addons with their tests (unit tests and browser tours), then runs the system
# tests (docs/security.md against the access policies, the upgrade from the previous release,
# production, backup/restore) unless SOP_TEST_TAGS
# picks some tests or SOP_SKIP_SYSTEM_TESTS=1; prints "N passed, N failed" and exits non-zero
# on any failure or error.
source "$(dirname "$0")/common.sh"
DB=${SOP_TEST_DB:-sop_test_$$}
LOG=${SOP_TEST_LOG:-$(mktemp /tmp/sop-test-XXXX.log)}
TAGS=${SOP_TEST_TAGS:-/${PRODUCT_ADDONS//,/,/}}

setup_all
db_exists "$DB" && psql -U postgres -d postgres -qc "drop database \"$DB\""
log "testing in database $DB (full log: $LOG)"
set +e
# a hung test (e.g. wkhtmltopdf waiting on the test server) fails the run instead of blocking it
timeout --kill-after=60 "${SOP_TEST_TIMEOUT:-2700}" \
    "$PY" -m odoo -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" \
    -d "$DB" -i "$PRODUCT_ADDONS" --test-tags "$TAGS" --stop-after-init \
    --http-port="${SOP_TEST_PORT:-18069}" --workers=0 --max-cron-threads=0 2>&1 \
    | tee "$LOG" | "$PY" "$PROJECT_DIR/scripts/odoo_test_filter.py"
set -e
[ -n "${SOP_KEEP_DB:-}" ] || psql -U postgres -d postgres -qc "drop database if exists \"$DB\"" || true

SYSTEM="$LOG.system"
: > "$SYSTEM"
if [ -z "${SOP_TEST_TAGS:-}" ] && [ -z "${SOP_SKIP_SYSTEM_TESTS:-}" ]; then
    # the upgrade from the previous release, production with workers behind nginx, backup and restore
    for system_test in "$PROJECT_DIR/tests/docs/check_security_doc.sh" "$PROJECT_DIR/tests/upgrade/run_upgrade_test.sh" \
        "$PROJECT_DIR/tests/production/check_production.sh" "$PROJECT_DIR/tests/backup/test_backup_restore.sh"; do
        name=${system_test#"$PROJECT_DIR/"}
        log "system test $name"
        if "$system_test" > "$LOG.$(basename "$system_test").log" 2>&1; then
            echo "PASS $name" >> "$SYSTEM"
        else
            echo "FAIL $name" >> "$SYSTEM"
        fi
        tail -15 "$LOG.$(basename "$system_test").log"
    done
fi
"$PY" "$PROJECT_DIR/scripts/odoo_test_summary.py" "$LOG" "$SYSTEM"
