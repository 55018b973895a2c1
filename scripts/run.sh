#!/usr/bin/env bash
# Set up and serve the demo site on http://127.0.0.1:8000 (SQLite and database search by default).
# Safe to run again: nothing an editor added is changed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

HOST=${IOPD_HOST:-127.0.0.1}
PORT=${IOPD_PORT:-8000}
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-iopd_site.settings.dev}
# Links in emails name this address, and load_demo gives it to the demo's Site record.
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}

port_free "$PORT" || die "port $PORT on $HOST is already in use (set IOPD_PORT to use another)"
setup_venv requirements.txt
python manage.py compile_translations
python manage.py migrate --noinput
python manage.py createcachetable
python manage.py load_demo
python manage.py load_demo_experiences
python manage.py load_demo_members  # links the experiences just loaded to their members
python manage.py search_drift
python manage.py ensure_admin
python manage.py load_demo_accounts  # one account per role, for the journeys in the README
python manage.py load_demo_jury  # the demo jurors sit on the finished edition
# The worker that updates translations after a publish and reads report PDFs runs beside the
# server, is started again if it dies (a locked database, say), and stops with the server.
SUPERVISED_COMMAND="python manage.py db_worker --backend background --queue-name '*' --no-reload" \
  "$ROOT/scripts/supervise.sh" background-worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT
echo "Serving the site on http://$HOST:$PORT/ (admin: http://$HOST:$PORT/admin/); Ctrl-C stops it."
python manage.py runserver "$HOST:$PORT"
