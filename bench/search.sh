#!/usr/bin/env bash
# Search benchmark: bulk-generated experiences in a throwaway database and engine index.
# Uses DATABASE_URL / SEARCH_ENGINE_URL when set (the bench creates its own database and alias
# there), else starts a PostgreSQL server and an engine node of its own and stops them after.
#   ./bench/search.sh --experiences 10000   (see bench/search_bench.py for the options)
#   ./bench/search.sh --engine elasticsearch8 ...   the node it starts (default opensearch2)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
args=()
while (($#)); do
  case $1 in
    --engine) export IOPD_ENGINE=${2:?--engine takes opensearch2 or elasticsearch8}; shift 2 ;;
    --engine=*) export IOPD_ENGINE=${1#--engine=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-$IOPD_CACHE_DIR/run/postgres-bench-$$}
export IOPD_ENGINE_RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$IOPD_CACHE_DIR/run/engine-bench-$$}

setup_venv requirements-dev.txt
start_services postgres search-engine
export SEARCH_INDEX=iopd_bench_pages
python manage.py compile_translations >/dev/null
python bench/search_bench.py "${args[@]}"
