#!/usr/bin/env bash
# End-to-end check of the production start on a plain machine, once (for CI):
#  1. validates config/nginx/odoo.conf with "nginx -t" (check_nginx_conf.sh; skipped
#     with a message when nginx is not installed);
#  2. starts scripts/run-production.sh --init on free ports with a throw-away database
#     (both addons) and a throw-away data_dir: prefork workers + websocket process;
#  3. check_production.py: admin login, the SKJ SOP PDF over HTTP, simultaneous PDFs
#     (more than the workers), the websocket on the gevent port; then the same through
#     a test nginx running config/nginx/odoo.conf (https, redirect, cookies, HSTS, wss,
#     cache) when nginx is installed;
#  4. checks that the report assets were served by the websocket process (report.url),
#     that nothing was logged at ERROR/CRITICAL level and that the server stops on SIGTERM;
#  5. drops the database (SOP_KEEP_DB=1 keeps it) and prints the times.
# Exit status non-zero on any failure. Environment: SOP_CHECK_DB (default sop_check_prod_PID),
# SOP_CHECK_TIMEOUT (seconds to wait for the server, default 300), SOP_CHECK_NGINX: 0 skips
# the nginx checks, 1 requires them (nginx installed with apt-get when missing); default: run
# them when nginx is installed, and install it first under CI (CI=true).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/../../scripts/common.sh"
HERE="$PROJECT_DIR/tests/production"
DB=${SOP_CHECK_DB:-sop_check_prod_$$}
WAIT=${SOP_CHECK_TIMEOUT:-300}
WORK=$(mktemp -d /tmp/sop-check-prod-XXXX)
LOG="$WORK/odoo.log"
SERVER_PID=
NGINX_PID=
STARTED=$SECONDS

ensure_odoo_source
ensure_virtualenv
ensure_oca_addons
ensure_postgres_role

free_ports() {  # $1: how many free TCP ports of 127.0.0.1
    "$PY" - "$1" <<'PYTHON'
import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
PYTHON
}

cleanup() {
    local status=$?
    if [ -n "$NGINX_PID" ] && kill -0 "$NGINX_PID" 2>/dev/null; then
        kill "$NGINX_PID" 2>/dev/null || true
        wait "$NGINX_PID" 2>/dev/null || true
    fi
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    if [ -z "${SOP_KEEP_DB:-}" ]; then
        psql -U postgres -d postgres -qc "drop database if exists \"$DB\" with (force)" >/dev/null 2>&1 || true
    fi
    if [ "$status" != 0 ]; then
        echo "--- last lines of the server log ($LOG) ---" >&2
        tail -n 40 "$LOG" >&2 || true
        echo "check_production: FAILED after $((SECONDS - STARTED)) s (files kept in $WORK)" >&2
    else
        rm -rf "$WORK"
    fi
    exit "$status"
}
trap cleanup EXIT

read -r ODOO_PORT GEVENT_PORT HTTP_PORT HTTPS_PORT <<<"$(free_ports 4)"

find_nginx() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || true; }
NGINX_MODE=${SOP_CHECK_NGINX:-auto}
NGINX=
if [ "$NGINX_MODE" != 0 ]; then
    NGINX=$(find_nginx)
    if [ -z "$NGINX" ] && { [ "$NGINX_MODE" = 1 ] || [ "${CI:-}" = true ]; } && command -v apt-get >/dev/null; then
        log "installing nginx (Debian) for the proxy checks"
        sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq nginx >/dev/null
        NGINX=$(find_nginx)
    fi
    [ -n "$NGINX" ] || [ "$NGINX_MODE" != 1 ] || { echo "nginx is not installed" >&2; exit 1; }
fi
if [ -n "$NGINX" ]; then
    ODOO_PORT=$ODOO_PORT GEVENT_PORT=$GEVENT_PORT HTTP_PORT=$HTTP_PORT HTTPS_PORT=$HTTPS_PORT \
        "$HERE/check_nginx_conf.sh" "$WORK/nginx"
else
    echo "nginx checks skipped (not installed or SOP_CHECK_NGINX=0): apt-get install -y nginx"
fi

db_exists "$DB" && psql -U postgres -d postgres -qc "drop database \"$DB\" with (force)"
log "starting scripts/run-production.sh --init $DB on 127.0.0.1:$ODOO_PORT (websocket $GEVENT_PORT), log $LOG"
T0=$SECONDS
SOP_PORT=$ODOO_PORT SOP_GEVENT_PORT=$GEVENT_PORT SOP_DATA_DIR="$WORK/data" \
    "$PROJECT_DIR/scripts/run-production.sh" --init "$DB" --log-level=info >"$LOG" 2>&1 &
SERVER_PID=$!
up=
for _ in $(seq "$WAIT"); do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server stopped while starting" >&2; exit 1; }
    if grep -q "Evented Service (longpolling) running" "$LOG" \
        && curl -fsS -o /dev/null "http://127.0.0.1:$ODOO_PORT/web/login" 2>/dev/null; then
        up=1
        break
    fi
    sleep 1
done
[ -n "$up" ] || { echo "the server did not answer within $WAIT s" >&2; exit 1; }
START_TIME=$((SECONDS - T0))
echo "server up (database created, workers and websocket process) in ${START_TIME} s"
if ss -ltn 2>/dev/null | grep -qE "(0\.0\.0\.0|\*|\[::\]):($ODOO_PORT|$GEVENT_PORT)\b"; then
    echo "Odoo listens on all interfaces, not on 127.0.0.1 only" >&2
    exit 1
fi

NGINX_ARGS=()
if [ -n "$NGINX" ]; then
    "$NGINX" -e "$WORK/nginx/logs/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g "daemon off;" &
    NGINX_PID=$!
    for _ in $(seq 20); do
        curl -ksS -o /dev/null "https://127.0.0.1:$HTTPS_PORT/web/login" 2>/dev/null && break
        sleep 0.5
    done
    NGINX_ARGS=(--nginx-http "http://127.0.0.1:$HTTP_PORT" --nginx-https "https://127.0.0.1:$HTTPS_PORT"
        --nginx-cache "$WORK/nginx/cache" --nginx-ca "$WORK/nginx/certs/fullchain.pem")
fi

T1=$SECONDS
"$PY" "$HERE/check_production.py" --db "$DB" --url "http://127.0.0.1:$ODOO_PORT" \
    --gevent-url "http://127.0.0.1:$GEVENT_PORT" "${NGINX_ARGS[@]}"
CHECK_TIME=$((SECONDS - T1))

# wkhtmltopdf fetched the report assets from the websocket process, not from a worker
gevent_pid=$(sed -n 's/^[0-9-]* [0-9:,]* \([0-9]*\) INFO .*Evented Service (longpolling) running.*/\1/p' "$LOG" | tail -1)
assets=$(grep -c "^[0-9-]* [0-9:,]* $gevent_pid INFO .*GET /web/assets/.*report_assets" "$LOG" || true)
[ "${assets:-0}" -gt 0 ] || { echo "the report assets were not served by the websocket process" >&2; exit 1; }
echo "report assets served by the websocket process: $assets requests"
if grep -E "^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) " "$LOG"; then
    echo "errors in the server log" >&2
    exit 1
fi

T2=$SECONDS
kill "$SERVER_PID"
for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
if kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server did not stop on SIGTERM within 30 s" >&2
    exit 1
fi
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
if pgrep -f -- "--gevent-port=$GEVENT_PORT" >/dev/null; then
    echo "the websocket process outlived the server" >&2
    exit 1
fi
echo "server stopped in $((SECONDS - T2)) s"
echo "check_production: passed in $((SECONDS - STARTED)) s (start ${START_TIME} s, checks ${CHECK_TIME} s)"
