#!/usr/bin/env bash
# supervise.sh COMMAND [ARG...]: run a worker and start it again whenever it stops, until this
# script is stopped (TERM or INT), which stops the worker too. `make run` runs its workers so;
# production uses its service manager's restart instead (docs/deployment.md).
set -uo pipefail

child=
stop() {
  [[ -n $child ]] && kill "$child" 2>/dev/null
  wait 2>/dev/null
  exit 0
}
trap stop TERM INT

while true; do
  "$@" &
  child=$!
  wait "$child"
  status=$?
  echo "supervise: '$*' stopped (exit $status); starting it again in ${IOPD_RESTART_DELAY:-2} s" >&2
  sleep "${IOPD_RESTART_DELAY:-2}" &
  wait $!
done
