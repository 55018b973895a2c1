#!/usr/bin/env bash
# Page benchmark: every public page type with 10,000 experiences, uncached and from the page
# cache, in process and through one gunicorn worker. Uses DATABASE_URL's server when set (the
# bench creates its own database there), else starts a PostgreSQL server of its own and stops
# it after. No search engine: pages and search answer from the database.
#   ./bench/pages.sh --experiences 10000   (see bench/pages.py for the options)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-$IOPD_CACHE_DIR/run/postgres-bench-$$}

setup_venv requirements-dev.txt
start_services postgres
python manage.py compile_translations >/dev/null
python bench/pages.py "$@"
