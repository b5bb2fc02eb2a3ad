#!/usr/bin/env bash
# The upgrade from each shipped release, as a city would do it. For every release listed in
# .ci/previous-release (one a line: <commit> <fill script>; '#' starts a comment), in a database of its own:
#   1. install that release's addons in a throw-away database (sop_organisasi, sop_survey and, from the
#      release that has it, sop_jabatan: read from the release's tree),
#   2. fill it through the ORM as users would (the release's fill script, sharing fill_release.py),
#   3. snapshot every stored value of the product's models,
#   4. upgrade those addons with the current code (-u): no ERROR or WARNING allowed,
#   5. snapshot again and compare: every value identical except expected_changes.py,
#   6. check the upgraded database (check_upgraded.py).
# Prints "upgrade from <commit>: passed|failed" with the times for each release, then
# "upgrade test: passed|failed"; exit status non-zero when any release fails.
# SOP_UPGRADE_ONLY=<commit prefix> runs the listed releases whose commit starts with it (e.g. ff6b57c).
source "$(dirname "$0")/../../scripts/common.sh"
set +e  # a failing release is reported; the others still run
HERE="$PROJECT_DIR/tests/upgrade"
RELEASES="$PROJECT_DIR/.ci/previous-release"
DB_PREFIX=${SOP_UPGRADE_DB:-sop_upgrade_$$}
WORK=$(mktemp -d /tmp/sop-upgrade-XXXX)
PORT=${SOP_UPGRADE_PORT:-18079}
DATABASES=()
cleanup() {
    if [ -z "${SOP_KEEP_DB:-}" ]; then
        for db in "${DATABASES[@]}"; do
            psql -U postgres -d postgres -qc "drop database if exists \"$db\"" >/dev/null 2>&1 || true
        done
        rm -rf "$WORK"
    else
        echo "kept: databases ${DATABASES[*]}, logs and snapshots in $WORK"
    fi
}
trap cleanup EXIT
export SOP_UPGRADE_DIR="$HERE"  # where the fill scripts find fill_release.py
current_path="$ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$OCA_DIR/odoo/addons,$PROJECT_DIR/addons"
seconds() { date +%s.%N; }
fail() { echo "upgrade from $SHORT: $*" >&2; return 1; }

upgrade_from() {  # $1: commit, $2: fill script; prints its lines, returns non-zero on failure
    local commit=$1 fill=$2 status=0 problems from_version t0 t1 t2 t3 addons
    local work="$WORK/$SHORT" db="${DB_PREFIX}_$SHORT"
    DATABASES+=("$db")
    run_odoo() {  # $1: addons path, $2: server or shell, then Odoo's arguments
        local path=$1 command=$2
        shift 2
        "$PY" -m odoo "$command" -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$path" -d "$db" \
            --http-port="$PORT" --workers=0 --max-cron-threads=0 "$@"
    }
    git -C "$PROJECT_DIR" cat-file -e "$commit^{commit}" 2>/dev/null \
        || { fail "$commit is not in this clone's history (git fetch --unshallow)"; return 1; }
    [ -f "$HERE/$fill" ] || { fail "no fill script $HERE/$fill"; return 1; }
    mkdir -p "$work/release"
    git -C "$PROJECT_DIR" archive "$commit" addons | tar -x -C "$work/release"
    local release_path="$ODOO_DIR/odoo/addons,$ODOO_DIR/addons,$OCA_DIR/odoo/addons,$work/release/addons"
    # the product's addons the release has, in their install order (sop_jabatan from ff6b57c on)
    addons=$(for addon in ${PRODUCT_ADDONS//,/ }; do
        [ -f "$work/release/addons/$addon/__manifest__.py" ] && echo "$addon"
    done | paste -sd,)

    psql -U postgres -d postgres -qc "drop database if exists \"$db\""
    t0=$(seconds)
    log "upgrade test: installing the release $SHORT ($addons) in $db"
    run_odoo "$release_path" server -i "$addons" --stop-after-init --load-language=id_ID \
        > "$work/install.log" 2>&1 || { tail -30 "$work/install.log"; fail "the release did not install"; return 1; }
    t1=$(seconds)
    log "upgrade test: filling it as users would ($fill)"
    run_odoo "$release_path" shell --no-http < "$HERE/$fill" > "$work/fill.log" 2>&1 \
        || { tail -30 "$work/fill.log"; fail "filling the release failed"; return 1; }
    if grep -q "Traceback" "$work/fill.log"; then
        grep -A30 Traceback "$work/fill.log" | head -40
        fail "filling the release failed"
        return 1
    fi
    tail -1 "$work/fill.log"
    "$PY" "$HERE/snapshot.py" take "$db" "$work/before.json" || { fail "no snapshot"; return 1; }
    t2=$(seconds)
    log "upgrade test: upgrading $SHORT to the current code"
    run_odoo "$current_path" server -u "$addons" --stop-after-init > "$work/upgrade.log" 2>&1 \
        || { tail -30 "$work/upgrade.log"; fail "the upgrade failed"; return 1; }
    t3=$(seconds)
    problems=$(grep -cE "^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) " "$work/upgrade.log")
    grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) " "$work/upgrade.log" | head -20
    "$PY" "$HERE/snapshot.py" take "$db" "$work/after.json" || status=1
    "$PY" "$HERE/snapshot.py" compare "$work/before.json" "$work/after.json" || status=1
    from_version=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["_versions"]["sop_organisasi"])' \
        "$work/before.json")
    SOP_UPGRADE_FROM="$from_version" SOP_UPGRADE_BEFORE="$work/before.json" \
        run_odoo "$current_path" shell --no-http < "$HERE/check_upgraded.py" > "$work/check.log" 2>&1 || status=1
    grep -E "^(CHECK|FAIL|INFO)" "$work/check.log"
    if grep -q "^FAIL" "$work/check.log"; then status=1; fi
    if grep -q "Traceback" "$work/check.log"; then
        grep -A20 Traceback "$work/check.log" | head -30
        status=1
    fi
    if [ "$problems" != 0 ]; then
        echo "upgrade log: $problems warnings/errors"
        status=1
    fi
    printf 'upgrade from %s: install %.0f s, fill %.0f s, upgrade %.0f s\n' \
        "$SHORT" "$(echo "$t1 - $t0" | bc)" "$(echo "$t2 - $t1" | bc)" "$(echo "$t3 - $t2" | bc)"
    return "$status"
}

overall=0
count=0
mapfile -t lines < "$RELEASES"  # read first: nothing the loop runs may eat the list from stdin
for line in "${lines[@]}"; do
    read -r commit fill rest <<< "$line"
    case "$commit" in "" | "#"*) continue ;; esac
    case "$commit" in "${SOP_UPGRADE_ONLY:-}"*) ;; *) continue ;; esac
    [ -z "$rest" ] || { echo "upgrade test: unexpected words after '$commit $fill' in $RELEASES"; overall=1; continue; }
    count=$((count + 1))
    SHORT=${commit:0:7}
    if upgrade_from "$commit" "$fill"; then
        echo "upgrade from $SHORT: passed"
    else
        echo "upgrade from $SHORT: failed"
        overall=1
    fi
done
[ "$count" -gt 0 ] || { echo "upgrade test: no release listed in $RELEASES"; overall=1; }
if [ "$overall" = 0 ]; then echo "upgrade test: passed"; else echo "upgrade test: failed"; fi
exit "$overall"
