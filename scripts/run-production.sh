#!/usr/bin/env bash
# Start the production configuration (config/odoo-production.conf: prefork HTTP workers,
# the websocket/gevent process, proxy_mode, no database manager) on a plain machine,
# without Docker, behind nginx (config/nginx/odoo.conf). See docs/deployment.md.
#
#   scripts/run-production.sh [--init] [DB] [more odoo-bin options]
#
#   DB       the database (default: $SOP_DB, else "sop"); the server serves only it.
#   --init   create DB with both addons (and Indonesian) when it does not exist yet;
#            without it a missing database is an error.
#
# What it does, on top of the configuration file:
#   * runs $SOP_HOME/odoo/odoo-bin with the virtualenv's python: the prefork server starts
#     its websocket process by re-running its own command line (sys.argv[0] + "gevent"),
#     which works with odoo-bin and not with "python -m odoo";
#   * replaces the Docker paths of the file: --addons-path (Odoo, OCA, ./addons) and
#     --data-dir (filestore and sessions);
#   * binds both ports to 127.0.0.1 (--http-interface): with proxy_mode only nginx may
#     reach Odoo, or a direct request could forge X-Forwarded-For;
#   * -d DB --db-filter ^DB$, the PostgreSQL address from PGHOST/PGPORT and the role
#     $SOP_DB_USER (password: PGPASSWORD or ~/.pgpass, never on the command line);
#   * sets the system parameter report.url to the websocket process
#     (http://127.0.0.1:$SOP_GEVENT_PORT): wkhtmltopdf fetches the report assets from
#     there, so PDFs rendered by every worker at once never wait for a free worker.
#
# Environment:
#   SOP_PORT (8069), SOP_GEVENT_PORT (8072)   ports of the HTTP workers and the websocket process
#   SOP_DATA_DIR     filestore and sessions (default: Odoo's default for the user running it,
#                    ${XDG_DATA_HOME:-~/.local/share}/Odoo; /root/.local/share/Odoo for root)
#   SOP_REPORT_URL   report.url to set (default http://127.0.0.1:$SOP_GEVENT_PORT);
#                    "keep": leave the database's report.url as it is
#   SOP_DB_USER      PostgreSQL role (default odoo); PGHOST, PGPORT, PGPASSWORD
# The server runs in the foreground (exec: its pid is this script's); stop it with
# SIGTERM / Ctrl+C. Extra options after DB go to odoo-bin (e.g. --workers=8 --logfile=...).
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/common.sh"

INIT=
if [ "${1:-}" = --init ]; then
    INIT=1
    shift
fi
DB=${SOP_DB:-sop}
if [ $# -gt 0 ] && [[ "$1" != -* ]]; then
    DB=$1
    shift
fi
[[ "$DB" =~ ^[A-Za-z0-9_-]+$ ]] || die "database name '$DB': letters, digits, _ and - only"
PORT=${SOP_PORT:-8069}
GEVENT_PORT=${SOP_GEVENT_PORT:-8072}
DATA_DIR=${SOP_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/Odoo}
REPORT_URL=${SOP_REPORT_URL:-http://127.0.0.1:$GEVENT_PORT}
DB_USER=${SOP_DB_USER:-$DB_USER}
CONF="$PROJECT_DIR/config/odoo-production.conf"

ensure_odoo_source
ensure_virtualenv
ensure_oca_addons
command -v wkhtmltopdf >/dev/null 2>&1 || log "WARNING: wkhtmltopdf is not installed: no PDF reports"
mkdir -p "$DATA_DIR"

ODOO_ARGS=(
    -c "$CONF"
    --addons-path="$(addons_path)"
    --data-dir="$DATA_DIR"
    --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$DB_USER"
    -d "$DB" --db-filter="^$DB\$"
)

db_ready() {
    [ "$(psql -U "$DB_USER" -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" = 1 ]
}

if ! db_ready; then
    [ -n "$INIT" ] || die "database $DB does not exist: create it with  $0 --init $DB"
    log "creating database $DB with the SOP addons (production configuration, no demo data)"
    "$PY" "$ODOO_DIR/odoo-bin" "${ODOO_ARGS[@]}" -i "$PRODUCT_ADDONS" --load-language=id_ID \
        --stop-after-init --workers=0 --max-cron-threads=0 --no-http
fi

if [ "$REPORT_URL" != keep ]; then
    log "report.url = $REPORT_URL (wkhtmltopdf fetches the report assets from the websocket process)"
    psql -U "$DB_USER" -d "$DB" -v ON_ERROR_STOP=1 -q -v url="$REPORT_URL" >/dev/null <<'SQL'
insert into ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
values ('report.url', :'url', 1, 1, now() at time zone 'utc', now() at time zone 'utc')
on conflict (key) do update set value = excluded.value, write_date = excluded.write_date;
SQL
fi

log "serving database $DB on 127.0.0.1:$PORT (workers) and 127.0.0.1:$GEVENT_PORT (websocket), data in $DATA_DIR"
exec "$PY" "$ODOO_DIR/odoo-bin" "${ODOO_ARGS[@]}" \
    --http-interface=127.0.0.1 --http-port="$PORT" --gevent-port="$GEVENT_PORT" "$@"
