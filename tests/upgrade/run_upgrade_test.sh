#!/usr/bin/env bash
# The upgrade from the previous release, as a city would do it:
#   1. install the previous release (its commit is in .ci/previous-release) in a throw-away database,
#   2. fill it through the ORM as users would (fill_previous_release.py),
#   3. snapshot every stored value of the product's models,
#   4. upgrade it with the current code (-u sop_organisasi,sop_survey): no ERROR or WARNING allowed,
#   5. snapshot again and compare: every value identical except expected_changes.py.
# Prints "upgrade test: passed|failed" and the times; exit status non-zero on failure.
source "$(dirname "$0")/../../scripts/common.sh"
HERE="$PROJECT_DIR/tests/upgrade"
PREVIOUS=$(tr -d '[:space:]' < "$PROJECT_DIR/.ci/previous-release")
DB=${SOP_UPGRADE_DB:-sop_upgrade_$$}
WORK=$(mktemp -d /tmp/sop-upgrade-XXXX)
PORT=${SOP_UPGRADE_PORT:-18079}
cleanup() {
    [ -n "${SOP_KEEP_DB:-}" ] || psql -U postgres -d postgres -qc "drop database if exists \"$DB\"" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

git -C "$PROJECT_DIR" cat-file -e "$PREVIOUS^{commit}" 2>/dev/null \
    || die "the previous release $PREVIOUS is not in this clone's history (git fetch --unshallow)"
mkdir -p "$WORK/previous"
git -C "$PROJECT_DIR" archive "$PREVIOUS" addons | tar -x -C "$WORK/previous"
previous_path="$ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$OCA_DIR/odoo/addons,$WORK/previous/addons"
current_path="$ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$OCA_DIR/odoo/addons,$PROJECT_DIR/addons"
run_odoo() {  # $1: addons path, $2: server or shell, then Odoo's arguments
    local path=$1 command=$2
    shift 2
    "$PY" -m odoo "$command" -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$path" -d "$DB" \
        --http-port="$PORT" --workers=0 --max-cron-threads=0 "$@"
}
seconds() { date +%s.%N; }

psql -U postgres -d postgres -qc "drop database if exists \"$DB\""
t0=$(seconds)
log "upgrade test: installing the previous release ${PREVIOUS:0:7} in $DB"
run_odoo "$previous_path" server -i sop_organisasi,sop_survey --stop-after-init --load-language=id_ID \
    > "$WORK/install.log" 2>&1 || { tail -30 "$WORK/install.log"; die "the previous release did not install"; }
t1=$(seconds)
log "upgrade test: filling it as users would"
run_odoo "$previous_path" shell --no-http < "$HERE/fill_previous_release.py" > "$WORK/fill.log" 2>&1 \
    || { tail -30 "$WORK/fill.log"; die "filling the previous release failed"; }
if grep -q "Traceback" "$WORK/fill.log"; then
    grep -A30 Traceback "$WORK/fill.log" | head -40
    die "filling the previous release failed"
fi
tail -1 "$WORK/fill.log"
"$PY" "$HERE/snapshot.py" take "$DB" "$WORK/before.json"
t2=$(seconds)
log "upgrade test: upgrading to the current code"
run_odoo "$current_path" server -u sop_organisasi,sop_survey --stop-after-init > "$WORK/upgrade.log" 2>&1 \
    || { tail -30 "$WORK/upgrade.log"; die "the upgrade failed"; }
t3=$(seconds)
problems=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) " "$WORK/upgrade.log" || true)
grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) " "$WORK/upgrade.log" | head -20 || true
"$PY" "$HERE/snapshot.py" take "$DB" "$WORK/after.json"
status=0
"$PY" "$HERE/snapshot.py" compare "$WORK/before.json" "$WORK/after.json" || status=1
if [ -f "$HERE/check_upgraded.py" ]; then
    run_odoo "$current_path" shell --no-http < "$HERE/check_upgraded.py" > "$WORK/check.log" 2>&1 || status=1
    grep -E "^(CHECK|FAIL)" "$WORK/check.log" || true
    if grep -q "^FAIL" "$WORK/check.log"; then status=1; fi
    if grep -q "Traceback" "$WORK/check.log"; then
        grep -A20 Traceback "$WORK/check.log" | head -30
        status=1
    fi
fi
if [ "$problems" != 0 ]; then
    echo "upgrade log: $problems warnings/errors"
    status=1
fi
printf 'upgrade test: install %.0f s, fill %.0f s, upgrade %.0f s\n' \
    "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)"
if [ "$status" = 0 ]; then echo "upgrade test: passed"; else echo "upgrade test: failed"; fi
exit "$status"
