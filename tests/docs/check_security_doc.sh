#!/usr/bin/env bash
# docs/security.md shows exactly the access policies the tests check (scripts/gen_security_matrix.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 scripts/gen_security_matrix.py --check
