#!/usr/bin/env bash
# Shared settings and set-up steps for run.sh and test.sh. Source it; do not run it.
#
# Environment:
#   ODOO_SRC   where to take Odoo 18.0 Community from when it is not installed yet:
#              a source directory (with odoo-bin), a .tar.gz/.zip archive, or a URL.
#              Default: the official 18.0 nightly source archive.
#   SOP_HOME   where Odoo, its virtualenv and the OCA addons are installed
#              (default /opt/sop-odoo as root, ~/.local/share/sop-odoo otherwise).
#   PYTHON     Python (3.10-3.12) used to create the virtualenv (default python3.11 or python3).
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ "$(id -u)" = 0 ]; then
    SOP_HOME=${SOP_HOME:-/opt/sop-odoo}
else
    SOP_HOME=${SOP_HOME:-$HOME/.local/share/sop-odoo}
fi
ODOO_SRC=${ODOO_SRC:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
ODOO_DIR="$SOP_HOME/odoo"
VENV="$SOP_HOME/venv"
OCA_DIR="$SOP_HOME/oca"
PY="$VENV/bin/python"
OCA_REQUIREMENT="odoo-addon-base-tier-validation>=18.0.3,<18.1"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
DB_USER=odoo
# the product's addons, in the order they install (README, run, test, production, backup)
PRODUCT_ADDONS=sop_organisasi,sop_survey,sop_jabatan

log() { printf '\033[1m[sop]\033[0m %s\n' "$*" >&2; }
die() { printf '[sop] ERROR: %s\n' "$*" >&2; exit 1; }

sudo_cmd() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_system_packages() {
    local missing=()
    command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 \
        || command -v google-chrome >/dev/null 2>&1 || missing+=(chromium)
    command -v wkhtmltopdf >/dev/null 2>&1 || missing+=(wkhtmltopdf)
    command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
    fc-list 2>/dev/null | grep -qi dejavu || missing+=(fonts-dejavu-core)
    if [ ${#missing[@]} -gt 0 ]; then
        command -v apt-get >/dev/null 2>&1 || die "please install: ${missing[*]}"
        log "installing Debian packages: ${missing[*]}"
        sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

odoo_version_ok() {  # $1: a directory holding odoo-bin
    [ -f "$1/odoo-bin" ] && [ -f "$1/odoo/release.py" ] \
        && grep -q "version_info = (18, 0," "$1/odoo/release.py"
}

ensure_odoo_source() {
    if odoo_version_ok "$ODOO_DIR"; then
        return
    fi
    mkdir -p "$SOP_HOME"
    if [ -d "$ODOO_SRC" ]; then
        odoo_version_ok "$ODOO_SRC" || die "$ODOO_SRC does not hold the Odoo 18.0 source (odoo-bin)"
        log "using the Odoo 18.0 source in $ODOO_SRC"
        rm -rf "$ODOO_DIR"
        ln -s "$(cd "$ODOO_SRC" && pwd)" "$ODOO_DIR"
        return
    fi
    local archive="$ODOO_SRC" tmp
    tmp=$(mktemp -d)
    if [[ "$ODOO_SRC" == http://* || "$ODOO_SRC" == https://* ]]; then
        log "downloading Odoo 18.0 from $ODOO_SRC"
        archive="$tmp/odoo-src"
        curl -fL --retry 3 -o "$archive" "$ODOO_SRC" \
            || die "cannot download $ODOO_SRC; set ODOO_SRC to a local Odoo 18.0 source directory or archive"
    fi
    [ -f "$archive" ] || die "ODOO_SRC=$ODOO_SRC is neither a directory, an archive nor a URL"
    log "unpacking Odoo 18.0"
    mkdir -p "$tmp/x"
    case "$archive" in
        *.zip) python3 -m zipfile -e "$archive" "$tmp/x" ;;
        *) tar -xf "$archive" -C "$tmp/x" ;;
    esac
    local found
    found=$(dirname "$(find "$tmp/x" -maxdepth 3 -name odoo-bin | head -1)")
    odoo_version_ok "$found" || die "the archive does not hold the Odoo 18.0 source"
    rm -rf "$ODOO_DIR"
    mv "$found" "$ODOO_DIR"
    rm -rf "$tmp"
}

ensure_virtualenv() {
    local python=${PYTHON:-}
    if [ -z "$python" ]; then
        python=$(command -v python3.11 || command -v python3.12 || command -v python3.10 || command -v python3)
    fi
    if [ ! -x "$PY" ]; then
        log "creating the virtualenv $VENV with $python"
        "$python" -m venv "$VENV"
        "$PY" -m pip install -q --upgrade pip
    fi
    local stamp="$VENV/.sop-requirements.sha" want
    want=$(cat "$PROJECT_DIR/requirements.txt" "$PROJECT_DIR/requirements-dev.txt" | sha256sum | cut -d' ' -f1)
    if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
        log "installing Python requirements"
        "$PY" -m pip install -q --prefer-binary -r "$PROJECT_DIR/requirements.txt" -r "$PROJECT_DIR/requirements-dev.txt"
        echo "$want" > "$stamp"
    fi
    # make "python -m odoo" find the source without running Odoo's setup.py
    local site
    site=$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
    echo "$ODOO_DIR" > "$site/odoo-src.pth"
}

ensure_oca_addons() {
    if [ ! -f "$OCA_DIR/odoo/addons/base_tier_validation/__manifest__.py" ]; then
        log "installing OCA base_tier_validation 18.0"
        "$PY" -m pip install -q --no-deps --upgrade --target "$OCA_DIR" "$OCA_REQUIREMENT"
    fi
}

ensure_postgres_role() {
    if ! psql -U postgres -d postgres -tAc "select 1" >/dev/null 2>&1; then
        die "PostgreSQL does not answer on $PGHOST:$PGPORT as user postgres"
    fi
    if [ "$(psql -U postgres -d postgres -tAc "select 1 from pg_roles where rolname='$DB_USER'")" != 1 ]; then
        log "creating the PostgreSQL role $DB_USER"
        psql -U postgres -d postgres -qc "create role $DB_USER login createdb"
    fi
}

addons_path() {
    echo "$ODOO_DIR/odoo/addons,$OCA_DIR/odoo/addons,$PROJECT_DIR/addons"
}

odoo() {  # run Odoo with the project configuration
    "$PY" -m odoo -c "$PROJECT_DIR/config/odoo.conf" --addons-path="$(addons_path)" "$@"
}

db_exists() {
    [ "$(psql -U postgres -d postgres -tAc "select 1 from pg_database where datname='$1'")" = 1 ]
}

setup_all() {
    ensure_system_packages
    ensure_odoo_source
    ensure_virtualenv
    ensure_oca_addons
    ensure_postgres_role
}
