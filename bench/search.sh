#!/usr/bin/env bash
# Search benchmark: bulk-generated experiences in a throwaway database and engine index.
# Uses DATABASE_URL / SEARCH_ENGINE_URL when set (the bench creates its own database and alias
# there), else starts a PostgreSQL server and an engine node of its own and stops them after.
#   ./bench/search.sh --experiences 10000   (see bench/search_bench.py for the options)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-$IOPD_CACHE_DIR/run/postgres-bench-$$}
export IOPD_ENGINE_RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$IOPD_CACHE_DIR/run/engine-bench-$$}

started=()
cleanup() {
  for service in "${started[@]}"; do
    "$ROOT/scripts/$service.sh" stop || echo "warning: could not stop $service" >&2
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

setup_venv requirements-dev.txt
if [[ -z ${DATABASE_URL:-} ]]; then
  started+=(postgres)
  scripts/postgres.sh start "$(free_port)"
  set -a; source "$IOPD_PG_RUN_DIR/env"; set +a
fi
if [[ -z ${SEARCH_ENGINE_URL:-} ]]; then
  scripts/search-engine.sh fetch
  started+=(search-engine)
  scripts/search-engine.sh start "$(free_port)"
  set -a; source "$IOPD_ENGINE_RUN_DIR/env"; set +a
fi
export SEARCH_INDEX=iopd_bench_pages
python manage.py compile_translations >/dev/null
python bench/search_bench.py "$@"
