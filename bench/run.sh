#!/usr/bin/env bash
# Run the repository benchmark against a throwaway PostgreSQL (or DATABASE_URL if set).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-${IOPD_CACHE_DIR:-$HOME/.cache/iopd}/run/postgres-bench-$$}
setup_venv requirements-dev.txt
start_services postgres
python manage.py compile_translations >/dev/null
python bench/repository_index.py "$@"
