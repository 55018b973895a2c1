# Shared by run.sh and test.sh: fail early with one clear line, and a virtualenv that is only
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
