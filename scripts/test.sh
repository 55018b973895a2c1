#!/usr/bin/env bash
# Set up and run the whole test suite against a real PostgreSQL server and a real search engine node,
# both started here (unless DATABASE_URL / SEARCH_ENGINE_URL point at existing ones) and stopped at
# the end, whatever the outcome. Extra arguments go to pytest.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
export IOPD_PG_RUN_DIR=${IOPD_PG_RUN_DIR:-$IOPD_CACHE_DIR/run/postgres-$$}
export IOPD_ENGINE_RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$IOPD_CACHE_DIR/run/engine-$$}
export DJANGO_SETTINGS_MODULE=iopd_site.settings.test

# Prerequisites first, so nothing is left half-done.
find_python >/dev/null
command -v java >/dev/null 2>&1 || die "Java (17+) is required to run the search engine and the Nu HTML checker (Debian: apt-get install openjdk-17-jre-headless)"

setup_venv requirements-dev.txt
# The whole suite runs on OpenSearch; the engine tests run on Elasticsearch 8 as well, beside it.
# IOPD_ELASTICSEARCH=0 leaves Elasticsearch out (a laptop without Maven's artifacts); not in CI.
if [[ ${IOPD_ELASTICSEARCH:-1} == 0 ]]; then
  [[ ${CI:-} =~ ^(1|true|yes)$ ]] && die "IOPD_ELASTICSEARCH=0 is refused in CI: the engine tests run on both engines"
  start_services postgres search-engine
else
  start_services postgres search-engine elasticsearch8
fi
# The cluster tests kill nodes of a three-node OpenSearch cluster, which the second lane below
# starts (unless IOPD_CLUSTER_RUN_DIR names a running one). IOPD_CLUSTER=0 leaves them out; not in CI.
if [[ ${IOPD_CLUSTER:-1} == 0 ]]; then
  [[ ${CI:-} =~ ^(1|true|yes)$ ]] && die "IOPD_CLUSTER=0 is refused in CI: the cluster tests are part of the suite"
  start_cluster=0
elif [[ -n ${IOPD_CLUSTER_RUN_DIR:-} && -f $IOPD_CLUSTER_RUN_DIR/env ]]; then
  start_cluster=0
else
  start_cluster=1
  export IOPD_CLUSTER_RUN_DIR=$IOPD_CACHE_DIR/run/cluster-$$
  started_services+=(search-cluster) # stopped by the lane when it ends, and at exit in any case
fi

if [[ -z ${CHROMIUM_PATH:-} ]]; then
  CHROMIUM_PATH=$(command -v chromium || command -v chromium-browser || true)
  if [[ -z $CHROMIUM_PATH && $(id -u) -eq 0 ]]; then
    echo "Installing Debian's chromium for the browser tests ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } ||
      die "could not install Debian's chromium"
    CHROMIUM_PATH=$(command -v chromium)
  fi
  [[ -n $CHROMIUM_PATH ]] || die "Chromium is required for the browser tests (Debian: apt-get install chromium) or set CHROMIUM_PATH"
  export CHROMIUM_PATH
fi

# The catalogue check extracts strings with GNU gettext's xgettext, as `make messages` does.
if ! command -v xgettext >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] || die "GNU gettext is required for the catalogue check (Debian: apt-get install gettext)"
  echo "Installing Debian's gettext for the catalogue check ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; } ||
    die "could not install Debian's gettext"
fi

# axe-core checks the public pages against WCAG 2.2 AA inside the browser tests.
AXE_VERSION=4.14.1
if [[ -z ${AXE_CORE_PATH:-} ]]; then
  AXE_CORE_PATH=$IOPD_CACHE_DIR/node/axe-core-$AXE_VERSION/node_modules/axe-core/axe.min.js
  if [[ ! -f $AXE_CORE_PATH ]]; then
    command -v npm >/dev/null 2>&1 || die "npm is required to fetch axe-core for the accessibility tests (Debian: apt-get install npm)"
    npm install --silent --no-save --no-audit --no-fund --prefix "$IOPD_CACHE_DIR/node/axe-core-$AXE_VERSION" \
      "axe-core@$AXE_VERSION" >/dev/null || die "npm could not fetch axe-core $AXE_VERSION"
  fi
  export AXE_CORE_PATH
fi

# The Nu HTML checker (vnu.jar, run with the machine's Java) validates one page of every type.
VNU_VERSION=26.9.27
if [[ -z ${VNU_JAR_PATH:-} ]]; then
  VNU_JAR_PATH=$IOPD_CACHE_DIR/node/vnu-jar-$VNU_VERSION/node_modules/vnu-jar/build/dist/vnu.jar
  if [[ ! -f $VNU_JAR_PATH ]]; then
    command -v npm >/dev/null 2>&1 || die "npm is required to fetch the Nu HTML checker (Debian: apt-get install npm)"
    npm install --silent --no-save --no-audit --no-fund --prefix "$IOPD_CACHE_DIR/node/vnu-jar-$VNU_VERSION" \
      "vnu-jar@$VNU_VERSION" >/dev/null || die "npm could not fetch vnu-jar $VNU_VERSION"
  fi
  export VNU_JAR_PATH
fi

python manage.py compile_translations
# One command per line: with `set -e`, a failure on the left of `&&` would not stop the run.
echo "== ruff"
ruff check .
ruff format --check .
echo "== manage.py check"; python manage.py check --fail-level WARNING
echo "== makemigrations --check"; python manage.py makemigrations --check --dry-run
# Test workers each get their own database and index; four keep CI well inside its budget.
# A second lane runs meanwhile with one worker, in databases of their own name (test_iopd_es_*),
# its output kept for the end: the engine tests (`-m engine`: every test that uses the
# search_engine fixture) on Elasticsearch. It also starts the three-node cluster, whose tests
# (`-m cluster`) run last, alone: they time how the site rides out nodes killed and restarted,
# and beside the main lane's browser tests a node's restart outlasted its clients' patience. No
# test selected (extra arguments naming other tests) is not a failure.
lane_marks=
[[ -n ${ELASTICSEARCH_URL:-} ]] && lane_marks=engine
run_cluster=0
[[ ${IOPD_CLUSTER:-1} != 0 ]] && run_cluster=1
second_lane() {
  local status=0
  if ((start_cluster)); then
    # A failed start is reported by the cluster tests, which fail in CI without their cluster.
    "$ROOT/scripts/search-cluster.sh" start || echo "warning: the search cluster did not start"
  fi
  if [[ -n $lane_marks ]]; then
    SEARCH_ENGINE_URL=$ELASTICSEARCH_URL SEARCH_ENGINE_KIND=elasticsearch8 \
      SEARCH_ENGINE_VERSION=${ELASTICSEARCH_VERSION:-} DATABASE_URL=${DATABASE_URL%/*}/iopd_es \
      python -m pytest -n 1 -m "$lane_marks" --durations=10 "$@" || status=$?
  fi
  return "$status"
}
lane_pid=
stop_background() { # at exit before the services stop: the lane, and what it runs, end first
  [[ -n $lane_pid ]] && kill -0 "$lane_pid" 2>/dev/null || return 0
  pkill -TERM -P "$lane_pid" 2>/dev/null || true
  kill -TERM "$lane_pid" 2>/dev/null || true
  wait "$lane_pid" 2>/dev/null || true
}
lane_status=0
if [[ -n $lane_marks ]] || ((start_cluster)); then
  lane_log=$(mktemp "${TMPDIR:-/tmp}/iopd-lane-tests.XXXXXX")
  second_lane "$@" >"$lane_log" 2>&1 &
  lane_pid=$!
fi
main_status=0
# The slowest tests are listed at the end: the budget of the whole run is watched there.
echo "== pytest"; python -m pytest -n "${IOPD_TEST_WORKERS:-4}" --durations=25 "$@" || main_status=$?
if [[ -n $lane_pid ]]; then
  wait "$lane_pid" || lane_status=$?
  lane_pid=
  echo "== pytest -m '$lane_marks' (engine tests on Elasticsearch)"
  cat "$lane_log"; rm -f "$lane_log"
  [[ $lane_status == 5 ]] && lane_status=0 # no engine test among the ones asked for
fi
cluster_status=0
if ((run_cluster)); then
  echo "== pytest -m cluster (the three-node cluster, alone)"
  DATABASE_URL=${DATABASE_URL%/*}/iopd_cluster python -m pytest -n 1 -m cluster --durations=5 "$@" ||
    cluster_status=$?
  [[ $cluster_status == 5 ]] && cluster_status=0 # no cluster test among the ones asked for
  if ((start_cluster)); then "$ROOT/scripts/search-cluster.sh" stop >/dev/null || true; fi
fi
((main_status == 0)) || exit "$main_status"
((lane_status == 0)) || exit "$lane_status"
exit "$cluster_status"
