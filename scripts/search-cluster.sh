#!/usr/bin/env bash
# A three-node OpenSearch cluster on loopback, for the tests of a search tier that survives a node.
# It uses search-engine.sh's assembled install, unprivileged user and node functions.
#   search-cluster.sh start [PORT]       nodes 1-3 with HTTP on PORT..PORT+2 and transport on PORT+3..PORT+5
#                                        (a free range when no PORT); wait for green; write $CLUSTER_DIR/env
#   search-cluster.sh stop               stop every node and delete the cluster (safe to repeat)
#   search-cluster.sh stop-node I [J]    kill nodes at once (SIGKILL, as a crash would); their data stays
#   search-cluster.sh start-node I [J]   start them again on their data; wait until they have joined
#   search-cluster.sh status             each node's state and the cluster's health
# Env: IOPD_CLUSTER_RUN_DIR ($IOPD_CACHE_DIR/run/cluster), IOPD_CLUSTER_HEAP (320m),
#      IOPD_ENGINE_START_TIMEOUT (180 s here), and search-engine.sh's IOPD_CACHE_DIR and Java.
# After start, `source "$IOPD_CLUSTER_RUN_DIR/env"` gives SEARCH_ENGINE_URL (the three nodes,
# comma-separated), SEARCH_ENGINE_KIND, SEARCH_ENGINE_VERSION and IOPD_CLUSTER_RUN_DIR.
set -euo pipefail

[[ ${IOPD_ENGINE:-opensearch2} == opensearch2 ]] || { echo "search-cluster: OpenSearch only (IOPD_ENGINE=opensearch2)" >&2; exit 1; }
export IOPD_ENGINE=opensearch2 IOPD_ENGINE_START_TIMEOUT=${IOPD_ENGINE_START_TIMEOUT:-180}
# shellcheck source=search-engine.sh
source "$(dirname "${BASH_SOURCE[0]}")/search-engine.sh"
die() { echo "search-cluster: $*" >&2; exit 1; }

CLUSTER_DIR=${IOPD_CLUSTER_RUN_DIR:-$CACHE_DIR/run/cluster}
NODES=(1 2 3)
HEAP=${IOPD_CLUSTER_HEAP:-320m}

select_node() { # I: the node functions of search-engine.sh then act on node I
  [[ $1 =~ ^[1-3]$ ]] || die "no node '$1': the nodes are 1, 2 and 3"
  RUN_DIR=$CLUSTER_DIR/node-$1
}
base_port() { cat "$CLUSTER_DIR/base-port" 2>/dev/null || die "no cluster in $CLUSTER_DIR; run '$0 start' first"; }
http_url() { echo "http://127.0.0.1:$(($(base_port) + $1 - 1))"; }
port_in_use() { (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_base() { # six consecutive free ports below Linux's range for outgoing connections (32768-)
  local base port attempt
  for ((attempt = 0; attempt < 50; attempt++)); do
    base=$((20000 + RANDOM % 12000))
    for ((port = base; port < base + 6; port++)); do port_in_use "$port" && continue 2; done
    echo "$base"
    return
  done
  die "found no six free consecutive ports"
}

running_nodes() {
  local i
  for i in "${NODES[@]}"; do
    select_node "$i"
    [[ -n $(node_pid) ]] && echo "$i"
  done
  return 0
}

cmd_start() {
  local base=${1:-} i seeds managers url ver
  need curl
  java_home >/dev/null
  [[ -n $(running_nodes) ]] && die "a cluster from $CLUSTER_DIR is running; run '$0 stop' first"
  [[ -z $base ]] && base=$(free_base)
  [[ $base =~ ^[0-9]+$ && $base -ge 1024 && $base -le 65530 ]] || die "usage: $0 start [PORT] (1024-65530)"
  for ((i = base; i < base + 6; i++)); do port_in_use "$i" && die "port $i on 127.0.0.1 is already in use"; done
  cmd_fetch
  cmd_stop >/dev/null # clear what a failed start left
  ensure_node_user
  mkdir -p "$CLUSTER_DIR" && chmod 755 "$CLUSTER_DIR"
  echo "$base" >"$CLUSTER_DIR/base-port"
  seeds="127.0.0.1:$((base + 3)), 127.0.0.1:$((base + 4)), 127.0.0.1:$((base + 5))"
  managers="node-1, node-2, node-3"
  for i in "${NODES[@]}"; do
    select_node "$i"
    # Every node may lead and holds data. A node cut off from the majority answers nothing rather
    # than what its copy held when it lost the others: the site then searches its database instead.
    new_node "$((base + i - 1))" "$HEAP" <<EOF
cluster.name: iopd-cluster
node.name: node-$i
transport.port: $((base + i + 2))
discovery.seed_hosts: [$seeds]
cluster.initial_cluster_manager_nodes: [$managers]
cluster.no_cluster_manager_block: all
EOF
    # Test nodes live minutes and restart often: without the optimising compiler a start takes
    # half the CPU time (6 s instead of 13 on this machine), and the tests wait on starts.
    echo "-XX:TieredStopAtLevel=1" >"$NODE/config/jvm.options.d/quick-start.options"
    launch_node
  done
  for i in "${NODES[@]}"; do
    select_node "$i"
    await_node "$(http_url "$i")" "wait_for_nodes=3&timeout=2s" || { cmd_stop >/dev/null; die "the cluster did not form"; }
  done
  url=$(http_url 1)
  curl -sf -o /dev/null --max-time 40 "$url/_cluster/health?wait_for_status=green&timeout=30s" ||
    { cmd_stop >/dev/null; die "the cluster was not green after it formed"; }
  ver=$(node_version "$url")
  printf 'SEARCH_ENGINE_URL=%s\nSEARCH_ENGINE_KIND=%s\nSEARCH_ENGINE_VERSION=%s\nIOPD_CLUSTER_RUN_DIR=%s\n' \
    "$(http_url 1),$(http_url 2),$(http_url 3)" "$KIND" "$ver" "$CLUSTER_DIR" >"$CLUSTER_DIR/env"
  echo "search cluster: OpenSearch $ver, nodes at $(http_url 1), $(http_url 2) and $(http_url 3)"
}

cmd_stop() {
  local i
  for i in "${NODES[@]}"; do
    select_node "$i"
    kill_node TERM &
  done
  wait
  for i in "${NODES[@]}"; do
    select_node "$i"
    remove_node
  done
  rm -rf "$CLUSTER_DIR"
  echo "search cluster: stopped"
}

cmd_stop_node() {
  local i
  (($#)) || die "usage: $0 stop-node I [J]"
  for i in "$@"; do select_node "$i"; done
  for i in "$@"; do
    select_node "$i"
    kill_node KILL &
  done
  wait
  echo "search cluster: killed node $*"
}

cmd_start_node() { # together: a node alone cannot rejoin when the others it needs for a majority are down
  local i
  (($#)) || die "usage: $0 start-node I [J]"
  for i in "$@"; do
    select_node "$i"
    [[ -f $RUN_DIR/node-dir ]] || die "node $i was never started; run '$0 start' first"
    [[ -z $(node_pid) ]] || die "node $i is running"
  done
  for i in "$@"; do
    select_node "$i"
    launch_node
  done
  for i in "$@"; do
    select_node "$i"
    # Health answers once the node knows the elected cluster manager, that is once it has joined.
    await_node "$(http_url "$i")" "timeout=2s&cluster_manager_timeout=2s" || die "node $i did not rejoin"
  done
  echo "search cluster: node $* back"
}

cmd_status() {
  local i
  for i in "${NODES[@]}"; do
    select_node "$i"
    if [[ -n $(node_pid) ]]; then echo "node $i: running at $(http_url "$i")"; else echo "node $i: down"; fi
  done
  for i in $(running_nodes); do
    curl -s --max-time 5 "$(http_url "$i")/_cluster/health?cluster_manager_timeout=2s" && echo && return
  done
  echo "no node answers"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  stop-node) shift; cmd_stop_node "$@" ;;
  start-node) shift; cmd_start_node "$@" ;;
  status) cmd_status ;;
  *) die "usage: $0 start [PORT] | stop | stop-node I [J] | start-node I [J] | status" ;;
esac
