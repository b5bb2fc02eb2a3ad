#!/usr/bin/env bash
# Back up one database and its filestore (attachments) into one archive.
#
#   scripts/backup.sh [--data-dir PATH] DB DIR
#
# Writes DIR/DB_YYYY-MM-DD_HHMMSS.tar.gz holding
#   db.dump       pg_dump -Fc of DB (custom format, compressed),
#   filestore/    the content of DATA_DIR/filestore/DB (every attachment's file),
#   manifest.txt  database, date, the addons' versions, what made it;
# restore it with scripts/restore.sh (under any database name). The database is dumped
# first, then the filestore is copied: files added meanwhile are extra, never missing.
# The server may keep running.
#
# DATA_DIR (Odoo's data_dir: the filestore is DATA_DIR/filestore/DB): --data-dir, else
# $SOP_DATA_DIR, else Odoo's default for the user running this script,
# ${XDG_DATA_HOME:-~/.local/share}/Odoo (/root/.local/share/Odoo for root). Run it as the
# user that runs Odoo, or pass the data_dir of the server's configuration.
# PostgreSQL: PGHOST/PGPORT (default 127.0.0.1:5432), role $SOP_DB_USER (default odoo),
# password from PGPASSWORD or ~/.pgpass.
set -euo pipefail

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

DATA_DIR=${SOP_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/Odoo}
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
        --data-dir) [ $# -ge 2 ] || usage; DATA_DIR=$2; shift 2 ;;
        --data-dir=*) DATA_DIR=${1#--data-dir=}; shift ;;
        -h|--help) usage ;;
        -*) echo "unknown option $1" >&2; usage ;;
        *) ARGS+=("$1"); shift ;;
    esac
done
[ ${#ARGS[@]} = 2 ] || usage
DB=${ARGS[0]}
DEST=${ARGS[1]}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PGUSER_SOP=${SOP_DB_USER:-odoo}

STARTED=$EPOCHREALTIME
STAMP=$(date +%Y-%m-%d_%H%M%S)
mkdir -p "$DEST"
ARCHIVE="$(cd "$DEST" && pwd)/${DB}_$STAMP.tar.gz"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sop-backup-XXXX")
trap 'rm -rf "$WORK"; rm -f "$ARCHIVE.partial"' EXIT

echo "backing up database $DB and $DATA_DIR/filestore/$DB"
pg_dump -U "$PGUSER_SOP" -d "$DB" -Fc --no-owner -f "$WORK/db.dump"
FILESTORE="$DATA_DIR/filestore/$DB"
mkdir -p "$WORK/filestore"
if [ -d "$FILESTORE" ]; then
    cp -a "$FILESTORE/." "$WORK/filestore/"
else
    echo "WARNING: no filestore at $FILESTORE (no attachments, or another data_dir: --data-dir)" >&2
fi
files=$(find "$WORK/filestore" -type f | wc -l)
attachments=$(psql -U "$PGUSER_SOP" -d "$DB" -tAc \
    "select count(distinct store_fname) from ir_attachment where store_fname is not null")
versions=$(psql -U "$PGUSER_SOP" -d "$DB" -tAc \
    "select name || ' ' || coalesce(latest_version, '') from ir_module_module
     where state = 'installed' and name in ('base', 'sop_organisasi', 'sop_survey', 'sop_jabatan', 'base_tier_validation')
     order by name")
cat > "$WORK/manifest.txt" <<MANIFEST
database: $DB
date: $(date -Iseconds)
made by: scripts/backup.sh on $(hostname)
filestore: $FILESTORE ($files files; $attachments files referenced by attachments)
modules:
$versions
MANIFEST
tar -czf "$ARCHIVE.partial" -C "$WORK" manifest.txt db.dump filestore
mv "$ARCHIVE.partial" "$ARCHIVE"
if [ "$files" -lt "$attachments" ]; then
    echo "WARNING: the database references $attachments files but the filestore holds $files" >&2
fi
awk -v a="$ARCHIVE" -v s="$(du -h "$ARCHIVE" | cut -f1)" -v f="$files" -v t0="$STARTED" -v t1="$EPOCHREALTIME" \
    'BEGIN { printf "%s (%s, %s files) in %.1f s\n", a, s, f, t1 - t0 }'
