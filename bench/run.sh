#!/usr/bin/env bash
# Run the repository benchmark against a throwaway PostgreSQL (or DATABASE_URL if set).
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-${IOPD_CACHE_DIR:-$HOME/.cache/iopd}/run/postgres-bench-$$}
setup_venv requirements-dev.txt
if [[ -z ${DATABASE_URL:-} ]]; then
  trap 'scripts/postgres.sh stop' EXIT
  scripts/postgres.sh start "$(free_port)"
  set -a; source "$IOPD_PG_RUN_DIR/env"; set +a
fi
python manage.py compile_translations >/dev/null
python bench/repository_index.py "$@"
