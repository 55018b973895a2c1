#!/usr/bin/env bash
# Assemble and run a single-node search engine on loopback, from Maven Central artifacts.
#   search-engine.sh fetch        assemble the engine into the cache (idempotent, offline once done)
#   search-engine.sh start PORT   start a node on 127.0.0.1:PORT, wait for yellow, write $RUN_DIR/env
#   search-engine.sh stop         stop that node and remove its run dir (safe to repeat)
#   search-engine.sh info         print the engine kind and version, e.g. "opensearch 2.19.6"
# Env: IOPD_CACHE_DIR (~/.cache/iopd), IOPD_ENGINE_RUN_DIR ($IOPD_CACHE_DIR/run/engine),
#      IOPD_ENGINE_START_TIMEOUT (90 s), IOPD_ENGINE_JAVA_HOME (else JAVA_HOME, else java on PATH).
# After start, `source "$IOPD_ENGINE_RUN_DIR/env"` gives SEARCH_ENGINE_URL and SEARCH_ENGINE_KIND.
# Why OpenSearch and not Elasticsearch: Elasticsearch's integ-test-zip lacks analysis-common (english,
# asciifolding, edge_ngram, synonym...) and rest-root (GET /), and neither module is on Maven Central.
# OpenSearch publishes its modules there, so they are added to its integ-test-zip here.
set -euo pipefail

ENGINE=opensearch
VERSION=2.19.6
KIND=opensearch2
CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
INSTALL=$CACHE_DIR/engine/$ENGINE-$VERSION
RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$CACHE_DIR/run/engine}
NODE_USER=iopd-search # engines refuse to run as root
START_TIMEOUT=${IOPD_ENGINE_START_TIMEOUT:-90}

die() { echo "search-engine: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but was not found on PATH"; }

# Module jars, non-transitive and pinned (the versions OpenSearch $VERSION itself ships).
# lang-painless is needed because analysis-common declares extended.plugins=lang-painless.
PAINLESS_JARS="org.opensearch.plugin:lang-painless:$VERSION
org.opensearch.plugin:opensearch-scripting-painless-spi:$VERSION
org.antlr:antlr4-runtime:4.13.1
org.ow2.asm:asm:9.7
org.ow2.asm:asm-analysis:9.7
org.ow2.asm:asm-commons:9.7
org.ow2.asm:asm-tree:9.7
org.ow2.asm:asm-util:9.7"

item() { # G:A:V[:type] DIR -> one <artifactItem> of maven-dependency-plugin
  local g a v t
  IFS=: read -r g a v t <<<"$1"
  printf '<artifactItem><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><type>%s</type><outputDirectory>%s</outputDirectory></artifactItem>\n' \
    "$g" "$a" "$v" "${t:-jar}" "$2"
}

write_pom() { # $1 = staging dir; one mvn run unpacks the distribution and copies the module jars
  local home=$1/$ENGINE-$VERSION items="" coord
  items+=$(item "org.opensearch.plugin:analysis-common:$VERSION" "$home/modules/analysis-common")
  while read -r coord; do items+=$(item "$coord" "$home/modules/lang-painless"); done <<<"$PAINLESS_JARS"
  cat >"$1/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.iopd</groupId><artifactId>search-engine-fetch</artifactId><version>1</version>
  <packaging>pom</packaging>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId>
    <version>3.6.1</version>
    <executions>
      <execution><id>dist</id><configuration><artifactItems>
        $(item "org.opensearch.distribution.integ-test-zip:opensearch:$VERSION:zip" "$1")
      </artifactItems></configuration></execution>
      <execution><id>modules</id><configuration><artifactItems>
        $items
      </artifactItems></configuration></execution>
    </executions>
  </plugin></plugins></build>
</project>
EOF
}

descriptor() { # name classname extended-plugins description -> plugin-descriptor.properties (the jars lack one)
  printf 'name=%s\nclassname=%s\nextended.plugins=%s\ndescription=%s\nversion=%s\nopensearch.version=%s\njava.version=11\ncustom.foldername=\nhas.native.controller=false\n' \
    "$1" "$2" "$3" "$4" "$VERSION" "$VERSION"
}

cmd_fetch() {
  [[ -f $INSTALL/.assembled ]] && return 0 # already assembled: no mvn, no network
  need mvn
  mkdir -p "$CACHE_DIR/engine"
  local home
  STAGE=$(mktemp -d "$CACHE_DIR/engine/.stage.XXXXXX") # same filesystem, so the final mv is atomic
  trap 'rm -rf "$STAGE"' EXIT
  write_pom "$STAGE"
  (cd "$STAGE" && mvn -q -B dependency:unpack@dist dependency:copy@modules) >"$STAGE/mvn.log" 2>&1 ||
    { tail -n 40 "$STAGE/mvn.log" >&2; die "mvn could not fetch $ENGINE $VERSION (see above)"; }
  home=$STAGE/$ENGINE-$VERSION
  [[ -f $home/bin/$ENGINE ]] || die "distribution zip did not unpack to $home"
  [[ -f $home/modules/transport-netty4/plugin-descriptor.properties ]] || die "integ-test-zip lacks transport-netty4"
  descriptor analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin lang-painless \
    "Adds built in analyzers, tokenizers and filters" >"$home/modules/analysis-common/plugin-descriptor.properties"
  descriptor lang-painless org.opensearch.painless.PainlessPlugin "" \
    "Painless scripting language" >"$home/modules/lang-painless/plugin-descriptor.properties"
  # Same grants as OpenSearch's own lang-painless module: it generates classes at run time.
  printf 'grant {\n  permission java.lang.RuntimePermission "createClassLoader";\n  permission java.lang.RuntimePermission "getClassLoader";\n};\n' \
    >"$home/modules/lang-painless/plugin-security.policy"
  chmod -R a+rX "$home" && chmod a+rx "$home"/bin/* # the node runs as another user
  [[ -f $INSTALL/.assembled ]] && return 0 # a concurrent fetch won the race
  rm -rf "$INSTALL" && mv "$home" "$INSTALL" && touch "$INSTALL/.assembled"
}

java_home() { # first JDK the node can run on: OpenSearch 2.19 needs its security manager, gone in Java 24+
  local c major
  for c in "${IOPD_ENGINE_JAVA_HOME:-}" "${JAVA_HOME:-}" \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /none/bin/java)")")")"; do
    [[ -n $c && -x $c/bin/java ]] || continue
    major=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [[ $major =~ ^[0-9]+$ ]] && ((major >= 11 && major <= 23)) && { echo "$c"; return; }
  done
  die "no Java 11-23 found for $ENGINE $VERSION (looked at IOPD_ENGINE_JAVA_HOME, JAVA_HOME, java on PATH)"
}

as_node() { # prefix that runs a command as the node user (root: the system user; else: ourselves)
  AS_NODE=()
  [[ $EUID -eq 0 ]] && AS_NODE=(setpriv --reuid="$NODE_USER" --regid="$(id -g "$NODE_USER")" --init-groups --)
  return 0
}

node_pid() { # the node's pid if it is alive and really ours (pids get reused), else nothing
  local pid node
  pid=$(cat "$RUN_DIR/pid" 2>/dev/null) && node=$(cat "$RUN_DIR/node-dir" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$node/home" && echo "$pid"
  return 0
}

show_log() {
  local log=$NODE/logs/iopd-search.log
  [[ -s $log ]] || log=$RUN_DIR/console.log
  echo "---- last 40 lines of $log ----" >&2
  tail -n 40 "$log" >&2 || true
}

cmd_start() {
  local port=${1:-}
  [[ $port =~ ^[0-9]+$ && $port -ge 1024 && $port -le 65535 ]] || die "usage: $0 start PORT (1024-65535)"
  need curl
  local jh; jh=$(java_home)
  [[ -n $(node_pid) ]] && die "a node from $RUN_DIR is already running; run '$0 stop' first"
  (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port on 127.0.0.1 is already in use"
  cmd_fetch
  cmd_stop >/dev/null # clear a stale run dir left by a failed start
  if [[ $EUID -eq 0 ]] && ! id -u "$NODE_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$NODE_USER"
  fi
  mkdir -p "$RUN_DIR" && chmod 755 "$RUN_DIR"
  # The node needs its own writable dir; under root's 0700 $HOME it cannot reach $RUN_DIR, so use /tmp then.
  as_node
  if "${AS_NODE[@]}" test -x "$RUN_DIR"; then NODE=$RUN_DIR/node; mkdir "$NODE"; else NODE=$(mktemp -d "${TMPDIR:-/tmp}/iopd-engine.XXXXXX"); fi
  echo "$NODE" >"$RUN_DIR/node-dir"
  # Hard-link (or copy) the install next to it for the same reason; the cache itself is never written to.
  cp -al "$INSTALL" "$NODE/home" 2>/dev/null || { rm -rf "${NODE:?}/home"; cp -a "$INSTALL" "$NODE/home"; }
  mkdir -p "$NODE/data" "$NODE/logs" "$NODE/tmp"
  cp -R "$INSTALL/config" "$NODE/config" # a private, writable config dir (the keystore lands there)
  cat >"$NODE/config/opensearch.yml" <<EOF
cluster.name: iopd-search
node.name: iopd-node
discovery.type: single-node
network.host: 127.0.0.1
http.port: $port
transport.port: 0
path.data: $NODE/data
path.logs: $NODE/logs
# shared disks may be nearly full: never block writes or allocation on disk usage
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  printf -- '-Xms512m\n-Xmx512m\n' >"$NODE/config/jvm.options.d/heap.options"
  # jvm.options paths are relative to the (read-only) install; point them at the node dir, and keep GC logs small.
  sed -i -e "s#logs/#$NODE/logs/#g" -e "s#HeapDumpPath=data#HeapDumpPath=$NODE/data#" \
    -e 's#filecount=32,filesize=64m#filecount=2,filesize=16m#' "$NODE/config/jvm.options"
  [[ $EUID -eq 0 ]] && chown -R "$NODE_USER:" "$NODE/data" "$NODE/logs" "$NODE/tmp" "$NODE/config" && chown "$NODE_USER:" "$NODE"
  # setsid, setpriv, env and bin/opensearch all exec, so $! is the node's java pid; -q keeps console quiet.
  setsid "${AS_NODE[@]}" env -C "$NODE" HOME="$NODE" OPENSEARCH_JAVA_HOME="$jh" OPENSEARCH_PATH_CONF="$NODE/config" \
    OPENSEARCH_TMPDIR="$NODE/tmp" "$NODE/home/bin/opensearch" -q >"$RUN_DIR/console.log" 2>&1 </dev/null &
  echo "$!" >"$RUN_DIR/pid"
  local deadline=$((SECONDS + START_TIMEOUT)) url=http://127.0.0.1:$port
  until curl -sf -o /dev/null "$url/_cluster/health?wait_for_status=yellow&timeout=2s"; do
    [[ -n $(node_pid) ]] || { show_log; cmd_stop >/dev/null; die "the node exited during start-up"; }
    ((SECONDS < deadline)) || { show_log; cmd_stop >/dev/null; die "the node was not healthy after ${START_TIMEOUT}s"; }
    sleep 1
  done
  local root name ver
  root=$(curl -sf "$url/")
  name=$(sed -n 's/.*"distribution" *: *"\([^"]*\)".*/\1/p' <<<"$root" | head -1)
  ver=$(sed -n 's/.*"number" *: *"\([^"]*\)".*/\1/p' <<<"$root" | head -1)
  [[ $name == opensearch ]] && name=OpenSearch || name=${name:-Elasticsearch}
  printf 'SEARCH_ENGINE_URL=%s\nSEARCH_ENGINE_KIND=%s\nSEARCH_ENGINE_VERSION=%s\n' "$url" "$KIND" "$ver" >"$RUN_DIR/env"
  echo "search engine: $name $ver at $url"
}

cmd_stop() {
  local pid node i
  pid=$(node_pid)
  if [[ -n $pid ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    # node_pid, not kill -0: a node that exited but is not yet reaped no longer counts as running.
    for ((i = 0; i < 60; i++)); do [[ -n $(node_pid) ]] || break; sleep 0.5; done
    [[ -z $(node_pid) ]] || kill -KILL "$pid" 2>/dev/null || true
    # then until it is gone from the process table (init may reap the orphan a little later)
    for ((i = 0; i < 40; i++)); do [[ -e /proc/$pid ]] || break; sleep 0.25; done
  fi
  node=$(cat "$RUN_DIR/node-dir" 2>/dev/null || true)
  [[ -n $node && -d $node ]] && rm -rf "$node"
  rm -rf "$RUN_DIR"
  echo "search engine: stopped"
}

case ${1:-} in
  fetch) cmd_fetch; echo "search engine: $ENGINE $VERSION assembled in $INSTALL" ;;
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  info) echo "$ENGINE $VERSION" ;;
  *) die "usage: $0 fetch | start PORT | stop | info" ;;
esac
