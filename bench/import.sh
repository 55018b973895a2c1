#!/usr/bin/env bash
# Import benchmark: rows per second on PostgreSQL and SQLite, and what a visitor sees meanwhile.
# Uses DATABASE_URL's server when set (the bench creates its own database there), else starts a
# PostgreSQL server of its own and stops it after.
#   ./bench/import.sh --rows 2000   (see bench/import_bench.py for the options)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-$IOPD_CACHE_DIR/run/postgres-bench-$$}

setup_venv requirements-dev.txt
start_services postgres
python manage.py compile_translations >/dev/null
python bench/import_bench.py "$@"
