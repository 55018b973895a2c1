#!/usr/bin/env bash
# supervise.sh NAME: run the command in $SUPERVISED_COMMAND and start it again whenever it
# stops, until this script is stopped (TERM or INT), which stops the command too. `make run`
# runs its worker so; production uses its service manager's restart (docs/deployment.md).
# The command is read from the environment, not the arguments, so that `pkill -f db_worker`
# kills the worker (which then comes back), not its supervisor too.
set -uo pipefail

name=${1:?usage: SUPERVISED_COMMAND="..." supervise.sh NAME}
: "${SUPERVISED_COMMAND:?set SUPERVISED_COMMAND to the command to run}"
child=
stop() {
  [[ -n $child ]] && kill "$child" 2>/dev/null
  wait 2>/dev/null
  exit 0
}
trap stop TERM INT

while true; do
  bash -c "exec $SUPERVISED_COMMAND" &
  child=$!
  wait "$child"
  status=$?
  echo "supervise: $name stopped (exit $status); starting it again in ${IOPD_RESTART_DELAY:-2} s" >&2
  sleep "${IOPD_RESTART_DELAY:-2}" &
  wait $!
done
