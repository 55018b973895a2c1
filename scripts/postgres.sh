#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the test suite.
#   postgres.sh start PORT   initdb a fresh cluster, start it on 127.0.0.1:PORT, create database "iopd",
#                            write $RUN_DIR/env with DATABASE_URL
#   postgres.sh standby PORT a streaming standby of it on 127.0.0.1:PORT (pg_basebackup -R), read-only,
#                            for the production layout's try-out (scripts/layout.sh)
#   postgres.sh stop         stop it (and its standby) and delete its data (safe to repeat)
# Env: IOPD_CACHE_DIR (~/.cache/iopd), IOPD_PG_RUN_DIR ($IOPD_CACHE_DIR/run/postgres).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the "postgres" system user.
set -euo pipefail

CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
RUN_DIR=${IOPD_PG_RUN_DIR:-$CACHE_DIR/run/postgres}

die() { echo "postgres: $*" >&2; exit 1; }

bindir() { # newest installed server binaries, installing Debian's package when missing and allowed
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1 || true)
  if [[ -z $dir ]] && command -v pg_ctl >/dev/null 2>&1; then dir=$(dirname "$(command -v pg_ctl)"); fi
  if [[ -z $dir ]]; then
    [[ $(id -u) -eq 0 ]] || die "PostgreSQL server is not installed; install it (Debian: apt-get install postgresql) or set DATABASE_URL"
    echo "postgres: installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; } ||
      die "could not install Debian's postgresql package"
    dir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  fi
  echo "$dir"
}

as_owner() { # run as the cluster owner: "postgres" when we are root, else ourselves
  if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

cmd_start() {
  local port=${1:?usage: postgres.sh start PORT} bin data
  [[ $port =~ ^[0-9]+$ ]] || die "port must be a number, got '$port'"
  port_free "$port" || die "port $port on 127.0.0.1 is already in use"
  bin=$(bindir)
  [[ -f $RUN_DIR/data_dir ]] && cmd_stop
  mkdir -p "$RUN_DIR"
  # The data lives under /tmp: the owner may not be able to enter the caller's home (root's is 0700).
  data=$(mktemp -d /tmp/iopd-postgres.XXXXXX)
  echo "$data" >"$RUN_DIR/data_dir"
  [[ $(id -u) -eq 0 ]] && { id postgres >/dev/null 2>&1 || as_owner true; chown postgres: "$data"; }
  as_owner "$bin/initdb" -D "$data/db" -U postgres -A trust -E UTF8 --locale=C --no-sync >"$data/initdb.log" 2>&1 ||
    { tail -n 20 "$data/initdb.log" >&2; die "initdb failed"; }
  # Durability is pointless for a throwaway cluster; turning it off makes the suite faster. Four
  # test workers and their live servers hold a connection per open browser connection (Chromium
  # keeps several alive per context): 50 ran out once the browser tests ran at the same time.
  as_owner "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 start -o \
    "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { tail -n 30 "$data/server.log" >&2; die "server did not start"; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres iopd
  local version
  version=$(as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -Atc "show server_version" iopd)
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$port/iopd" >"$RUN_DIR/env"
  printf "POSTGRES_VERSION=%q\n" "$version" >>"$RUN_DIR/env"
  echo "database: PostgreSQL $version at 127.0.0.1:$port"
}

cmd_standby() {
  local port=${1:?usage: postgres.sh standby PORT} bin data primary
  [[ -f $RUN_DIR/env ]] || die "no server in $RUN_DIR; run 'postgres.sh start PORT' first"
  port_free "$port" || die "port $port on 127.0.0.1 is already in use"
  bin=$(bindir)
  data=$(cat "$RUN_DIR/data_dir")
  primary=$(sed -n 's|^DATABASE_URL=postgres://postgres@127.0.0.1:\([0-9]*\)/.*|\1|p' "$RUN_DIR/env")
  # initdb's trust rules let loopback connect for replication; the standby streams the primary's WAL.
  as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$primary" -U postgres -D "$data/standby" -R -X stream \
    >"$data/basebackup.log" 2>&1 || { tail -n 20 "$data/basebackup.log" >&2; die "pg_basebackup failed"; }
  as_owner "$bin/pg_ctl" -D "$data/standby" -l "$data/standby.log" -w -t 60 start -o \
    "-p $port -k $data -c listen_addresses=127.0.0.1" >/dev/null ||
    { tail -n 30 "$data/standby.log" >&2; die "standby did not start"; }
  echo "STANDBY_DATABASE_URL=postgres://postgres@127.0.0.1:$port/iopd" >>"$RUN_DIR/env"
  echo "database standby: streaming from 127.0.0.1:$primary at 127.0.0.1:$port"
}

cmd_stop() {
  [[ -f $RUN_DIR/data_dir ]] || return 0
  local data bin cluster
  data=$(cat "$RUN_DIR/data_dir")
  bin=$(bindir)
  for cluster in standby db; do
    if [[ -f $data/$cluster/postmaster.pid ]]; then
      as_owner "$bin/pg_ctl" -D "$data/$cluster" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  done
  rm -rf "$data" "$RUN_DIR"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  standby) shift; cmd_standby "$@" ;;
  stop) cmd_stop ;;
  *) die "usage: postgres.sh start PORT | standby PORT | stop" ;;
esac
