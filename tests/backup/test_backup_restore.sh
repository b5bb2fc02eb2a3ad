#!/usr/bin/env bash
# Backup and restore, end to end: a database with a letter PDF attachment is backed up with
# scripts/backup.sh, restored under another name and into another data_dir with
# scripts/restore.sh --neutralize, and the letter PDF is opened through Odoo (odoo shell)
# from the restored database: same bytes (checksum), a PDF, attached to the letter.
# Everything is throw-away (databases sop_backup_src_PID / sop_backup_copy_PID, a
# temporary directory); prints the time of each step and exits non-zero on failure.
#   tests/backup/test_backup_restore.sh
set -euo pipefail
# shellcheck source=scripts/common.sh
source "$(dirname "$0")/../../scripts/common.sh"
SRC=sop_backup_src_$$
COPY=sop_backup_copy_$$
WORK=$(mktemp -d /tmp/sop-backup-test-XXXX)
STARTED=$EPOCHREALTIME
T=$EPOCHREALTIME

ensure_odoo_source
ensure_virtualenv
ensure_oca_addons
ensure_postgres_role

cleanup() {
    local status=$?
    for db in "$SRC" "$COPY"; do
        psql -U postgres -d postgres -qc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true
    done
    if [ "$status" = 0 ]; then
        rm -rf "$WORK"
    else
        echo "test_backup_restore: FAILED (files kept in $WORK)" >&2
    fi
    exit "$status"
}
trap cleanup EXIT

step() {  # print the time since the previous step
    awk -v l="$1" -v t0="$T" -v t1="$EPOCHREALTIME" 'BEGIN { printf "%-58s %6.1f s\n", l, t1 - t0 }'
    T=$EPOCHREALTIME
}

shell() {  # $1: database, $2: data_dir; Python on stdin
    "$PY" -m odoo shell -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" -d "$1" \
        --data-dir="$2" --no-http --log-level=error
}

odoo -d "$SRC" --data-dir="$WORK/data" -i "$PRODUCT_ADDONS" --stop-after-init --workers=0 \
    --max-cron-threads=0 --no-http --log-level=warn
step "database with both addons"

# a letter with its PDF (wkhtmltopdf) as an attachment in the filestore
shell "$SRC" "$WORK/data" > "$WORK/letter.txt" <<'PYTHON'
template = env.ref("sop_organisasi.sop_letter_template_skj_notification")
opd = env["hr.department"].search([("is_opd", "=", True)], limit=1) or env["hr.department"].create(
    {"name": "Dinas Uji Cadangan", "is_opd": True})
letter = env["sop.letter"]._generate(template, opd=opd)
attachment = letter.attachment_id
assert attachment.store_fname and attachment.raw[:4] == b"%PDF", "the letter has no PDF in the filestore"
env.cr.commit()
print(f"LETTER {letter.id} {letter.name.replace(' ', '_')} {attachment.id} {attachment.checksum} {attachment.file_size}")
PYTHON
read -r _ LETTER_ID LETTER_NO ATT_ID CHECKSUM SIZE < <(grep '^LETTER ' "$WORK/letter.txt")
[ -n "${CHECKSUM:-}" ] || { cat "$WORK/letter.txt" >&2; exit 1; }
step "letter $LETTER_NO with its PDF ($SIZE bytes)"

"$PROJECT_DIR/scripts/backup.sh" --data-dir "$WORK/data" "$SRC" "$WORK/backups"
ARCHIVE=$(find "$WORK/backups" -name "${SRC}_*.tar.gz" | head -1)
[ -f "$ARCHIVE" ] || { echo "no archive written" >&2; exit 1; }
step "backup.sh"

# another data_dir: the copy can only find its attachments in the restored filestore
"$PROJECT_DIR/scripts/restore.sh" --data-dir "$WORK/data2" --neutralize "$ARCHIVE" "$COPY"
[ -d "$WORK/data2/filestore/$COPY" ] || { echo "no filestore under the new name" >&2; exit 1; }
step "restore.sh under a new name (--neutralize)"

shell "$COPY" "$WORK/data2" > "$WORK/open.txt" <<PYTHON
import base64, hashlib
attachment = env["ir.attachment"].browse($ATT_ID)
raw = attachment.raw or b""
datas = base64.b64decode(attachment.datas or b"")
letter = env["sop.letter"].browse($LETTER_ID)
ok = (raw[:4] == b"%PDF" and hashlib.sha1(raw).hexdigest() == "$CHECKSUM" and datas == raw
      and letter.exists() and letter.attachment_id == attachment
      and attachment.res_model == "sop.letter" and attachment.res_id == letter.id)
neutralized = env["ir.config_parameter"].get_param("database.is_neutralized")
print(f"OPENED {'ok' if ok else 'BAD'} {len(raw)} {hashlib.sha1(raw).hexdigest()} neutralized={neutralized}")
PYTHON
read -r _ RESULT OPEN_SIZE OPEN_SUM NEUTRALIZED < <(grep '^OPENED ' "$WORK/open.txt" || echo "OPENED missing")
if [ "$RESULT" != ok ] || [ "${NEUTRALIZED,,}" != neutralized=true ]; then
    echo "the restored letter PDF does not open: $RESULT ${OPEN_SIZE:-} ${OPEN_SUM:-} ${NEUTRALIZED:-}" >&2
    cat "$WORK/open.txt" >&2
    exit 1
fi
step "letter PDF opened from the restored database ($OPEN_SIZE bytes)"
T=$STARTED
step "test_backup_restore: passed, total"
