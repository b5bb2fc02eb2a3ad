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
    odoo -d "$DB" -i sop_organisasi,sop_survey --stop-after-init --load-language=id_ID
    log "setting the administrator and the company to Indonesian"
    "$PY" -m odoo shell -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" -d "$DB" \
        --log-level=warn --no-http <<'PYTHON'
env.ref("base.user_admin").write({"lang": "id_ID", "tz": "Asia/Jakarta"})
env.ref("base.main_company").partner_id.lang = "id_ID"
env.cr.commit()
PYTHON
else
    log "reusing database $DB (updating the SOP addons)"
    odoo -d "$DB" -u sop_organisasi,sop_survey --stop-after-init
fi
cat >&2 <<MSG

  SOP is running on http://localhost:$PORT  (database: $DB)
  Log in with  login: admin   password: admin
  (change the password under Settings > Users on a shared machine)
  Stop with Ctrl+C.

MSG
odoo -d "$DB" --db-filter="^$DB\$" --http-port="$PORT" --http-interface=0.0.0.0
