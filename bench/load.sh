#!/usr/bin/env bash
# Load benchmark: gunicorn with the production settings on PostgreSQL and the search engine,
# under a bounded crowd on loopback. Uses DATABASE_URL / SEARCH_ENGINE_URL when set, else
# starts a PostgreSQL server and an engine node of its own and stops them after.
#   ./bench/load.sh --users 10 50 100 --duration 30 [--soak 600] [--kill-engine]
# (see bench/load.py for the options; --kill-engine starts and kills a node of its own)
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-$IOPD_CACHE_DIR/run/postgres-bench-$$}
export IOPD_ENGINE_RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$IOPD_CACHE_DIR/run/engine-bench-$$}

setup_venv requirements-dev.txt
start_services postgres search-engine
python manage.py compile_translations >/dev/null
python bench/load.py "$@"
