#!/usr/bin/env bash
# ruff and pylint-odoo on the project's own Python code.
source "$(dirname "$0")/common.sh"
cd "$PROJECT_DIR"
"$VENV/bin/ruff" check addons scripts tests
"$VENV/bin/ruff" format --check addons scripts tests
"$VENV/bin/pylint" --rcfile=.pylintrc addons/sop_organisasi addons/sop_survey addons/sop_jabatan
