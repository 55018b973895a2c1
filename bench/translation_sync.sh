#!/usr/bin/env bash
# Bulk publish of translated pages and the background sync, on a throwaway PostgreSQL (or on
# DATABASE_URL if set; the bench then adds its pages to that database).
#   ./bench/translation_sync.sh --pages 500
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-${IOPD_CACHE_DIR:-$HOME/.cache/iopd}/run/postgres-bench-$$}
setup_venv requirements-dev.txt
start_services postgres
python manage.py compile_translations >/dev/null
python bench/translation_sync.py "$@"
