#!/usr/bin/env bash
# Restore an archive of scripts/backup.sh as a new database.
#
#   scripts/restore.sh [--data-dir PATH] [--neutralize] ARCHIVE NEWDB
#
# Creates the database NEWDB (it must not exist) from the archive's db.dump and puts the
# archive's filestore in DATA_DIR/filestore/NEWDB (it must not exist either): Odoo looks
# for the attachments of a database under its own name, so a copy restored under another
# name opens its attachments. Odoo may keep running; serve the copy with -d NEWDB.
#   --neutralize   run "odoo-bin neutralize" on the copy: no outgoing mail, scheduled
#                  actions off, a banner (for a test copy of production data)
#
# DATA_DIR: --data-dir, else $SOP_DATA_DIR, else Odoo's default for the user running it,
# ${XDG_DATA_HOME:-~/.local/share}/Odoo (/root/.local/share/Odoo for root): the data_dir
# of the server that will serve NEWDB. PostgreSQL: PGHOST/PGPORT (default 127.0.0.1:5432),
# role $SOP_DB_USER (default odoo, with the right to create databases; it owns NEWDB),
# password from PGPASSWORD or ~/.pgpass.
set -euo pipefail

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

DATA_DIR=${SOP_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/Odoo}
NEUTRALIZE=
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --data-dir) [ $# -ge 2 ] || usage; DATA_DIR=$2; shift 2 ;;
        --data-dir=*) DATA_DIR=${1#--data-dir=}; shift ;;
        --neutralize) NEUTRALIZE=1; shift ;;
        -h|--help) usage ;;
        -*) echo "unknown option $1" >&2; usage ;;
        *) ARGS+=("$1"); shift ;;
    esac
done
[ ${#ARGS[@]} = 2 ] || usage
ARCHIVE=${ARGS[0]}
DB=${ARGS[1]}
[ -f "$ARCHIVE" ] || { echo "no archive $ARCHIVE" >&2; exit 1; }
[[ "$DB" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "database name '$DB': letters, digits, _ and - only" >&2; exit 1; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PGUSER_SOP=${SOP_DB_USER:-odoo}
FILESTORE="$DATA_DIR/filestore/$DB"

STARTED=$EPOCHREALTIME
if [ "$(psql -U "$PGUSER_SOP" -d postgres -tAc "select 1 from pg_database where datname = '$DB'")" = 1 ]; then
    echo "database $DB exists already: choose another name or drop it first" >&2
    exit 1
fi
[ ! -e "$FILESTORE" ] || { echo "$FILESTORE exists already: remove it or choose another name" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sop-restore-XXXX")
CREATED=
cleanup() {
    local status=$?
    rm -rf "$WORK"
    if [ "$status" != 0 ] && [ -n "$CREATED" ]; then  # nothing half-restored stays behind
        echo "restore failed: dropping $DB and $FILESTORE" >&2
        dropdb -U "$PGUSER_SOP" --if-exists "$DB" || true
        rm -rf "$FILESTORE"
    fi
    exit "$status"
}
trap cleanup EXIT

tar -xzf "$ARCHIVE" -C "$WORK"
if [ ! -f "$WORK/db.dump" ] || [ ! -d "$WORK/filestore" ]; then
    echo "$ARCHIVE is not an archive of scripts/backup.sh" >&2
    exit 1
fi
sed -n 's/^/  /p' "$WORK/manifest.txt" 2>/dev/null | head -3
echo "restoring into database $DB and $FILESTORE"
createdb -U "$PGUSER_SOP" -O "$PGUSER_SOP" "$DB"
CREATED=1
pg_restore -U "$PGUSER_SOP" -d "$DB" --no-owner --role="$PGUSER_SOP" --exit-on-error "$WORK/db.dump"
mkdir -p "$DATA_DIR/filestore"
mv "$WORK/filestore" "$FILESTORE"
files=$(find "$FILESTORE" -type f | wc -l)

if [ -n "$NEUTRALIZE" ]; then
    # shellcheck source=scripts/common.sh
    source "$(dirname "$0")/common.sh"
    "$PY" "$ODOO_DIR/odoo-bin" neutralize -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" \
        --db_host="$PGHOST" --db_port="$PGPORT" --db_user="$PGUSER_SOP" -d "$DB" --log-level=warn
fi
awk -v d="$DB" -v f="$files" -v p="$FILESTORE" -v t0="$STARTED" -v t1="$EPOCHREALTIME" \
    'BEGIN { printf "restored %s (%s files in %s) in %.1f s\n", d, f, p, t1 - t0 }'
