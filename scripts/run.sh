#!/usr/bin/env bash
# Set up everything (first time) and serve the product on http://localhost:8069.
#   scripts/run.sh                 # database "sop"
#   SOP_DB=mydb scripts/run.sh     # another database
#   ODOO_SRC=/path/to/odoo-18.0 scripts/run.sh   # take Odoo from a local source
source "$(dirname "$0")/common.sh"
DB=${SOP_DB:-sop}
PORT=${SOP_PORT:-8069}

setup_all
if ! db_exists "$DB"; then
    log "creating database $DB with the SOP addons and the 14 SOPs of the seed"
    odoo -d "$DB" -i "$PRODUCT_ADDONS" --stop-after-init --load-language=id_ID
    log "setting the administrator and the company to Indonesian"
    "$PY" -m odoo shell -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" -d "$DB" \
        --log-level=warn --no-http <<'PYTHON'
env.ref("base.user_admin").write({"lang": "id_ID", "tz": "Asia/Jakarta"})
env.ref("base.main_company").partner_id.lang = "id_ID"
env.cr.commit()
PYTHON
else
    # Update the addons only when their files changed since the last update (or SOP_UPDATE=1): every
    # module update makes Odoo run its autovacuum a minute later, and every browser tab whose bus
    # connection was cut meanwhile (the restart) then shows "The page is out of date" / "Halaman sudah
    # tidak berlaku lagi", for every user, although nothing changed.
    CHECKSUM=$(cd "$PROJECT_DIR" && find addons -type f ! -name '*.pyc' ! -path '*/__pycache__/*' -print0 \
        | sort -z | xargs -0 sha1sum | sha1sum | cut -d' ' -f1)
    LAST=$(psql -U postgres -d "$DB" -tAc \
        "select value from ir_config_parameter where key = 'sop.run.addons_checksum'" 2>/dev/null || true)
    if [ -n "${SOP_UPDATE:-}" ] || [ "$CHECKSUM" != "$LAST" ]; then
        log "reusing database $DB (updating the SOP addons: their files changed)"
        # an addon added by a release is installed, the others updated
        odoo -d "$DB" -i "$PRODUCT_ADDONS" -u "$PRODUCT_ADDONS" --stop-after-init
        psql -U postgres -d "$DB" -v ON_ERROR_STOP=1 -q -v sum="$CHECKSUM" >/dev/null <<'SQL'
insert into ir_config_parameter (key, value, create_uid, write_uid, create_date, write_date)
values ('sop.run.addons_checksum', :'sum', 1, 1, now() at time zone 'utc', now() at time zone 'utc')
on conflict (key) do update set value = excluded.value, write_date = excluded.write_date;
SQL
    else
        log "reusing database $DB (SOP addons unchanged since the last update; SOP_UPDATE=1 updates anyway)"
    fi
fi
cat >&2 <<MSG

  SOP is running on http://localhost:$PORT  (database: $DB)
  Log in with  login: admin   password: admin
  (change the password under Settings > Users on a shared machine)
  Stop with Ctrl+C.

MSG
odoo -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --http-interface=0.0.0.0
