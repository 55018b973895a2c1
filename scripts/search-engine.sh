#!/usr/bin/env bash
# Assemble and run a single-node search engine on loopback, from Maven Central artifacts.
# IOPD_ENGINE picks the engine: opensearch2 (the default) or elasticsearch8.
#   search-engine.sh fetch        assemble the engine into the cache (idempotent, offline once done)
#   search-engine.sh start PORT   start a node on 127.0.0.1:PORT, wait for yellow, write $RUN_DIR/env
#   search-engine.sh stop         stop that node and remove its run dir (safe to repeat)
#   search-engine.sh info         print the engine kind and version, e.g. "opensearch 2.19.6"
# Env: IOPD_CACHE_DIR (~/.cache/iopd), IOPD_ENGINE_RUN_DIR ($IOPD_CACHE_DIR/run/engine),
#      IOPD_ENGINE_START_TIMEOUT (90 s), IOPD_ENGINE_JAVA_HOME (else JAVA_HOME, else java on PATH).
# After start, `source "$IOPD_ENGINE_RUN_DIR/env"` gives SEARCH_ENGINE_URL and SEARCH_ENGINE_KIND.
# Both integ-test-zips lack the analysis module (stemmer, elision, asciifolding...). OpenSearch publishes
# its analysis-common on Maven Central, so it is added here; Elasticsearch does not, so the filters our
# index settings name come from a small plugin built from source (scripts/es-analysis-plugin). Neither
# zip has rest-root (`GET /` answers 405 on Elasticsearch), so the version is read from _nodes.
set -euo pipefail

die() { echo "search-engine: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "'$1' is required but was not found on PATH"; }

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIND=${IOPD_ENGINE:-opensearch2}
CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
case $KIND in
  opensearch2)
    ENGINE=opensearch VERSION=2.19.6 JAVA_RANGE="11 23" # it needs the security manager, gone in Java 24+
    INSTALL=$CACHE_DIR/engine/$ENGINE-$VERSION
    RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$CACHE_DIR/run/engine}
    ;;
  elasticsearch8)
    ENGINE=elasticsearch VERSION=8.19.3 JAVA_RANGE="17 24"
    PLUGIN_SRC=$ROOT/scripts/es-analysis-plugin
    # The plugin's sources are part of the cache key: a changed filter rebuilds the assembly.
    PLUGIN_KEY=$(cd "$PLUGIN_SRC" && find . -type f -not -path './target/*' | LC_ALL=C sort | xargs cat | sha256sum | cut -c1-12)
    INSTALL=$CACHE_DIR/engine/$ENGINE-$VERSION-$PLUGIN_KEY
    RUN_DIR=${IOPD_ENGINE_RUN_DIR:-$CACHE_DIR/run/engine-$KIND}
    ;;
  *) die "IOPD_ENGINE=$KIND: choose opensearch2 or elasticsearch8" ;;
esac
NODE_USER=iopd-search # engines refuse to run as root
START_TIMEOUT=${IOPD_ENGINE_START_TIMEOUT:-90}

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
  if [[ $ENGINE == opensearch ]]; then
    items+=$(item "org.opensearch.plugin:analysis-common:$VERSION" "$home/modules/analysis-common")
    while read -r coord; do items+=$(item "$coord" "$home/modules/lang-painless"); done <<<"$PAINLESS_JARS"
  fi
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
        $(item "org.$ENGINE.distribution.integ-test-zip:$ENGINE:$VERSION:zip" "$1")
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

add_opensearch_modules() { # $1 = the unpacked home
  local home=$1
  descriptor analysis-common org.opensearch.analysis.common.CommonAnalysisPlugin lang-painless \
    "Adds built in analyzers, tokenizers and filters" >"$home/modules/analysis-common/plugin-descriptor.properties"
  descriptor lang-painless org.opensearch.painless.PainlessPlugin "" \
    "Painless scripting language" >"$home/modules/lang-painless/plugin-descriptor.properties"
  # Same grants as OpenSearch's own lang-painless module: it generates classes at run time.
  printf 'grant {\n  permission java.lang.RuntimePermission "createClassLoader";\n  permission java.lang.RuntimePermission "getClassLoader";\n};\n' \
    >"$home/modules/lang-painless/plugin-security.policy"
}

add_elasticsearch_analysis() { # $1 = the unpacked home: build our analysis plugin and install it there
  local home=$1 build=$STAGE/plugin zip=$STAGE/plugin-zip
  cp -R "$PLUGIN_SRC" "$build" && rm -rf "$build/target"
  (cd "$build" && mvn -q -B -Delasticsearch.version="$VERSION" package) >"$STAGE/mvn-plugin.log" 2>&1 ||
    { tail -n 40 "$STAGE/mvn-plugin.log" >&2; die "mvn could not build scripts/es-analysis-plugin (see above)"; }
  mkdir "$zip"
  cp "$build/target/iopd-analysis.jar" "$build/named_components.json" "$zip/"
  # A stable plugin's descriptor takes these keys only; any other one is refused at install.
  printf 'name=iopd-analysis\ndescription=%s\nversion=1.0\nelasticsearch.version=%s\njava.version=17\n' \
    "Lucene's stemmers, elision and ASCII folding under analysis-common's names" "$VERSION" \
    >"$zip/stable-plugin-descriptor.properties"
  (cd "$zip" && "$JH/bin/jar" --create --no-manifest --file "$STAGE/iopd-analysis.zip" .)
  # The CLI ignores JAVA_HOME; named_components.json spares it the jar scan that needs a larger heap.
  ES_JAVA_HOME=$JH ES_PATH_CONF=$home/config "$home/bin/elasticsearch-plugin" install --batch --silent \
    "file://$STAGE/iopd-analysis.zip" >"$STAGE/plugin-install.log" 2>&1 ||
    { cat "$STAGE/plugin-install.log" >&2; die "elasticsearch-plugin could not install the analysis plugin"; }
}

cmd_fetch() {
  [[ -f $INSTALL/.assembled ]] && return 0 # already assembled: no mvn, no network
  need mvn
  mkdir -p "$CACHE_DIR/engine"
  local home goals
  JH=$(java_home)
  STAGE=$(mktemp -d "$CACHE_DIR/engine/.stage.XXXXXX") # same filesystem, so the final mv is atomic
  trap 'rm -rf "$STAGE"' EXIT
  write_pom "$STAGE"
  goals=(dependency:unpack@dist)
  [[ $ENGINE == opensearch ]] && goals+=(dependency:copy@modules)
  (cd "$STAGE" && mvn -q -B "${goals[@]}") >"$STAGE/mvn.log" 2>&1 ||
    { tail -n 40 "$STAGE/mvn.log" >&2; die "mvn could not fetch $ENGINE $VERSION (see above)"; }
  home=$STAGE/$ENGINE-$VERSION
  [[ -f $home/bin/$ENGINE ]] || die "distribution zip did not unpack to $home"
  [[ -d $home/modules/transport-netty4 ]] || die "integ-test-zip lacks transport-netty4"
  if [[ $ENGINE == opensearch ]]; then add_opensearch_modules "$home"; else add_elasticsearch_analysis "$home"; fi
  chmod -R a+rX "$home" && chmod a+rx "$home"/bin/* # the node runs as another user
  [[ -f $INSTALL/.assembled ]] && return 0 # a concurrent fetch won the race
  rm -rf "$INSTALL" && mv "$home" "$INSTALL" && touch "$INSTALL/.assembled"
}

java_home() { # first JDK the node can run on (JAVA_RANGE)
  local c major low high
  read -r low high <<<"$JAVA_RANGE"
  for c in "${IOPD_ENGINE_JAVA_HOME:-}" "${JAVA_HOME:-}" \
    "$(dirname "$(dirname "$(readlink -f "$(command -v java || echo /none/bin/java)")")")"; do
    [[ -n $c && -x $c/bin/java ]] || continue
    major=$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [[ $major =~ ^[0-9]+$ ]] && ((major >= low && major <= high)) && { echo "$c"; return; }
  done
  die "no Java $low-$high found for $ENGINE $VERSION (looked at IOPD_ENGINE_JAVA_HOME, JAVA_HOME, java on PATH)"
}

as_node() { # prefix that runs a command as the node user (root: the system user; else: ourselves)
  AS_NODE=()
  [[ $EUID -eq 0 ]] && AS_NODE=(setpriv --reuid="$NODE_USER" --regid="$(id -g "$NODE_USER")" --init-groups --)
  return 0
}

ensure_node_user() {
  if [[ $EUID -eq 0 ]] && ! id -u "$NODE_USER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$NODE_USER"
  fi
  return 0
}

# --- one node, kept in $RUN_DIR (search-cluster.sh runs three, each with its own RUN_DIR) -------

node_pid() { # the node's pid if it is alive and really ours (pids get reused), else nothing
  local pid node
  pid=$(cat "$RUN_DIR/pid" 2>/dev/null) && node=$(cat "$RUN_DIR/node-dir" 2>/dev/null) || return 0
  [[ $pid =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$node/home" && echo "$pid"
  return 0
}

show_log() {
  local node log
  node=$(cat "$RUN_DIR/node-dir" 2>/dev/null || true)
  log=$node/logs/$(sed -n 's/^cluster.name: //p' "$node/config/$ENGINE.yml" 2>/dev/null).log
  [[ -s $log ]] || log=$RUN_DIR/console.log
  echo "---- last 40 lines of $log ----" >&2
  tail -n 40 "$log" >&2 || true
}

new_node() { # HTTP_PORT HEAP, and the lines naming the node and its cluster on stdin: a node in
  # $RUN_DIR with its own data, logs, config and copy of the install. Sets NODE.
  local port=$1 heap=$2
  mkdir -p "$RUN_DIR" && chmod 755 "$RUN_DIR"
  # The node needs its own writable dir; under root's 0700 $HOME it cannot reach $RUN_DIR, so use /tmp then.
  as_node
  if "${AS_NODE[@]}" test -x "$RUN_DIR"; then NODE=$RUN_DIR/node; mkdir "$NODE"; else NODE=$(mktemp -d "${TMPDIR:-/tmp}/iopd-engine.XXXXXX"); fi
  echo "$NODE" >"$RUN_DIR/node-dir"
  # Hard-link (or copy) the install next to it for the same reason; the cache itself is never written to.
  cp -al "$INSTALL" "$NODE/home" 2>/dev/null || { rm -rf "${NODE:?}/home"; cp -a "$INSTALL" "$NODE/home"; }
  mkdir -p "$NODE/data" "$NODE/logs" "$NODE/tmp"
  cp -R "$INSTALL/config" "$NODE/config" # a private, writable config dir (the keystore lands there)
  {
    cat
    cat <<EOF
network.host: 127.0.0.1
http.port: $port
path.data: $NODE/data
path.logs: $NODE/logs
# shared disks may be nearly full: never block writes or allocation on disk usage
cluster.routing.allocation.disk.threshold_enabled: false
EOF
    if [[ $ENGINE == elasticsearch ]]; then
      # No TLS nor passwords on a loopback test node, and nothing downloaded: machine learning and
      # GeoIP are turned off only when their module is there (an unknown setting stops the node).
      echo "xpack.security.enabled: false"
      [[ -d $INSTALL/modules/x-pack-ml ]] && echo "xpack.ml.enabled: false"
      [[ -d $INSTALL/modules/ingest-geoip ]] && echo "ingest.geoip.downloader.enabled: false"
    fi
  } >"$NODE/config/$ENGINE.yml"
  printf -- '-Xms%s\n-Xmx%s\n' "$heap" "$heap" >"$NODE/config/jvm.options.d/heap.options"
  # jvm.options paths are relative to the (read-only) install; point them at the node dir, and keep GC logs small.
  sed -i -e "s#logs/#$NODE/logs/#g" -e "s#HeapDumpPath=data#HeapDumpPath=$NODE/data#" \
    -e "s#file=gc.log#file=$NODE/logs/gc.log#" -e "s#ErrorFile=hs_err#ErrorFile=$NODE/logs/hs_err#" \
    -e 's#filecount=32,filesize=64m#filecount=2,filesize=16m#' "$NODE/config/jvm.options"
  [[ $EUID -eq 0 ]] && chown -R "$NODE_USER:" "$NODE/data" "$NODE/logs" "$NODE/tmp" "$NODE/config" && chown "$NODE_USER:" "$NODE"
  return 0
}

launch_node() { # start the node that new_node made in $RUN_DIR (again, on its data, after a stop)
  local jh node prefix=OPENSEARCH
  jh=$(java_home)
  node=$(cat "$RUN_DIR/node-dir")
  [[ $ENGINE == elasticsearch ]] && prefix=ES
  as_node
  # setsid, setpriv, env and bin/<engine> all exec, so $! is the java pid: OpenSearch's node, or
  # Elasticsearch's launcher, which runs the node as its child and stops it on TERM. -q: a quiet console.
  setsid "${AS_NODE[@]}" env -C "$node" HOME="$node" "${prefix}_JAVA_HOME=$jh" "${prefix}_PATH_CONF=$node/config" \
    "${prefix}_TMPDIR=$node/tmp" "$node/home/bin/$ENGINE" -q >>"$RUN_DIR/console.log" 2>&1 </dev/null &
  echo "$!" >"$RUN_DIR/pid"
}

await_node() { # URL QUERY: until the node at URL answers _cluster/health?QUERY with 200 (a wait_for_*
  # that times out answers 408). Shows the log and fails when the node exits or time runs out.
  local deadline=$((SECONDS + START_TIMEOUT))
  until curl -sf -o /dev/null --max-time 10 "$1/_cluster/health?$2"; do
    [[ -n $(node_pid) ]] || { show_log; echo "the node at $1 exited during start-up" >&2; return 1; }
    ((SECONDS < deadline)) || { show_log; echo "the node at $1 was not ready after ${START_TIMEOUT}s" >&2; return 1; }
    sleep 1
  done
}

node_version() { # URL
  curl -sf "$1/_nodes/_local?filter_path=nodes.*.version" | sed -n 's/.*"version" *: *"\([^"]*\)".*/\1/p'
}

kill_node() { # SIGNAL: stop the node of $RUN_DIR (KILL after 30 s of TERM) and wait until it is gone
  local pid i
  pid=$(node_pid)
  [[ -n $pid ]] || return 0
  kill "-$1" "$pid" 2>/dev/null || true
  # node_pid, not kill -0: a node that exited but is not yet reaped no longer counts as running.
  for ((i = 0; i < 60; i++)); do [[ -n $(node_pid) ]] || break; sleep 0.5; done
  [[ -z $(node_pid) ]] || kill -KILL "$pid" 2>/dev/null || true
  # then until it is gone from the process table (init may reap the orphan a little later)
  for ((i = 0; i < 40; i++)); do [[ -e /proc/$pid ]] || break; sleep 0.25; done
}

remove_node() { # stop the node of $RUN_DIR and delete it with its data
  local node
  kill_node TERM
  node=$(cat "$RUN_DIR/node-dir" 2>/dev/null || true)
  [[ -n $node && -d $node ]] && rm -rf "$node"
  rm -rf "$RUN_DIR"
}

# --- the single node's commands -------------------------------------------------------------

cmd_start() {
  local port=${1:-}
  [[ $port =~ ^[0-9]+$ && $port -ge 1024 && $port -le 65535 ]] || die "usage: $0 start PORT (1024-65535)"
  need curl
  java_home >/dev/null
  [[ -n $(node_pid) ]] && die "a node from $RUN_DIR is already running; run '$0 stop' first"
  (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port on 127.0.0.1 is already in use"
  cmd_fetch
  remove_node # clear a stale run dir left by a failed start
  ensure_node_user
  new_node "$port" 512m <<EOF
cluster.name: iopd-search
node.name: iopd-node
discovery.type: single-node
transport.port: 0
EOF
  launch_node
  local url=http://127.0.0.1:$port name ver
  await_node "$url" "wait_for_status=yellow&timeout=2s" || { remove_node; die "the node did not start"; }
  ver=$(node_version "$url")
  [[ $ENGINE == opensearch ]] && name=OpenSearch || name=Elasticsearch
  printf 'SEARCH_ENGINE_URL=%s\nSEARCH_ENGINE_KIND=%s\nSEARCH_ENGINE_VERSION=%s\n' "$url" "$KIND" "$ver" >"$RUN_DIR/env"
  echo "search engine: $name $ver at $url"
}

cmd_stop() {
  remove_node
  echo "search engine: stopped"
}

# search-cluster.sh reads this file for its functions; only a direct run dispatches a command.
[[ ${BASH_SOURCE[0]} == "$0" ]] || return 0

case ${1:-} in
  fetch) cmd_fetch; echo "search engine: $ENGINE $VERSION assembled in $INSTALL" ;;
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  info) echo "$ENGINE $VERSION" ;;
  *) die "usage: [IOPD_ENGINE=opensearch2|elasticsearch8] $0 fetch | start PORT | stop | info" ;;
esac
