# Shared by run.sh, test.sh and the benchmarks: fail early with one clear line, and a virtualenv that is only
# rebuilt when the pinned requirements change (so a second run is fast).
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV=${IOPD_VENV:-$ROOT/.venv}

die() { echo "error: $*" >&2; exit 1; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.11 python3; do
    [[ -n $candidate ]] || continue
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return
    fi
  done
  die "Python 3.11 is required (set PYTHON=/path/to/python3.11)"
}

setup_venv() { # $1 = requirements file
  local requirements=$ROOT/$1 python stamp
  python=$(find_python)
  if [[ ! -x $VENV/bin/python ]]; then
    "$python" -m venv "$VENV" || die "could not create a virtualenv in $VENV (Debian: apt-get install python3-venv)"
  fi
  stamp=$VENV/.installed-$(cat "$requirements" "$ROOT/requirements.txt" "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$1
  if [[ ! -f $stamp ]]; then
    echo "Installing $1 into $VENV ..."
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" ||
      die "pip could not install $1"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT" >/dev/null 2>&1 ||
      die "pip could not install the project itself"
    touch "$stamp"
  fi
  # shellcheck disable=SC1091
  source "$VENV/bin/activate"
}

free_port() {
  "$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# start_services postgres search-engine elasticsearch8: start a throwaway PostgreSQL, search engine
# node (IOPD_ENGINE's kind, OpenSearch by default) and/or a second node of Elasticsearch 8, unless
# DATABASE_URL / SEARCH_ENGINE_URL / ELASTICSEARCH_URL already name running ones, export their
# settings, and stop what was started when the script exits, whatever the outcome. Needs the
# virtualenv.
started_services=()
stop_started_services() {
  local status=$?
  # What runs in the background ends first (test.sh's second lane, which may be starting a service).
  [[ $(type -t stop_background) == function ]] && stop_background
  for service in "${started_services[@]}"; do
    case $service in
      elasticsearch8)
        IOPD_ENGINE=elasticsearch8 IOPD_ENGINE_RUN_DIR=$IOPD_ES_RUN_DIR "$ROOT/scripts/search-engine.sh" stop ||
          echo "warning: could not stop $service" >&2
        ;;
      *) "$ROOT/scripts/$service.sh" stop || echo "warning: could not stop $service" >&2 ;;
    esac
  done
  exit "$status"
}
start_services() {
  trap stop_started_services EXIT
  trap 'exit 130' INT TERM
  local service
  for service in "$@"; do
    case $service in
      postgres)
        [[ -z ${DATABASE_URL:-} ]] || continue
        started_services+=(postgres)
        "$ROOT/scripts/postgres.sh" start "$(free_port)"
        set -a; source "$IOPD_PG_RUN_DIR/env"; set +a
        ;;
      search-engine)
        [[ -z ${SEARCH_ENGINE_URL:-} ]] || continue
        "$ROOT/scripts/search-engine.sh" fetch
        started_services+=(search-engine)
        "$ROOT/scripts/search-engine.sh" start "$(free_port)"
        set -a; source "$IOPD_ENGINE_RUN_DIR/env"; set +a
        ;;
      elasticsearch8) # a second engine, for the engine tests: ELASTICSEARCH_URL, not SEARCH_ENGINE_URL
        [[ -z ${ELASTICSEARCH_URL:-} ]] || continue
        export IOPD_ES_RUN_DIR=${IOPD_ES_RUN_DIR:-$IOPD_CACHE_DIR/run/elasticsearch-$$}
        IOPD_ENGINE=elasticsearch8 "$ROOT/scripts/search-engine.sh" fetch
        started_services+=(elasticsearch8)
        IOPD_ENGINE=elasticsearch8 IOPD_ENGINE_RUN_DIR=$IOPD_ES_RUN_DIR "$ROOT/scripts/search-engine.sh" start "$(free_port)"
        ELASTICSEARCH_URL=$(sed -n 's/^SEARCH_ENGINE_URL=//p' "$IOPD_ES_RUN_DIR/env")
        ELASTICSEARCH_VERSION=$(sed -n 's/^SEARCH_ENGINE_VERSION=//p' "$IOPD_ES_RUN_DIR/env")
        export ELASTICSEARCH_URL ELASTICSEARCH_VERSION
        ;;
      *) die "unknown service $service" ;;
    esac
  done
}
