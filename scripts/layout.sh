#!/usr/bin/env bash
# The production layout of docs/deploy.md on loopback, for a try-out: nginx with TLS in front of
# two gunicorn servers with the production settings, PostgreSQL with a streaming standby, a
# three-node OpenSearch cluster, the search worker and the background worker (each started again
# if it dies), and the demo content.
#   scripts/layout.sh start [PORT]   serve https://127.0.0.1:PORT/ (default 8443, a self-signed
#                                    certificate: tell the browser or `curl -k` to accept it)
#   scripts/layout.sh status         what runs, the health view, the standby's replication
#   scripts/layout.sh stop           stop everything and delete its data (safe to repeat)
# Env: IOPD_LAYOUT_DIR (/tmp/iopd-layout): configuration, logs, media. Outside the caller's home,
# which nginx's and PostgreSQL's unprivileged users may not enter.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export IOPD_CACHE_DIR=${IOPD_CACHE_DIR:-$HOME/.cache/iopd}
DIR=${IOPD_LAYOUT_DIR:-/tmp/iopd-layout}
export IOPD_PG_RUN_DIR=$DIR/postgres IOPD_CLUSTER_RUN_DIR=$DIR/cluster

need_nginx() {
  command -v nginx >/dev/null 2>&1 && return 0
  [[ $(id -u) -eq 0 ]] || die "nginx is required (Debian: apt-get install nginx)"
  echo "Installing Debian's nginx ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null 2>&1 ||
    { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; } ||
    die "could not install Debian's nginx"
}

write_nginx_conf() { # $1 = port, $2 $3 = the app servers' ports
  cat >"$DIR/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $DIR/nginx/nginx.pid;
error_log $DIR/logs/nginx-error.log;
events { worker_connections 512; }
http {
  include /etc/nginx/mime.types;
  access_log $DIR/logs/nginx-access.log;
  client_body_temp_path $DIR/nginx/body;
  proxy_temp_path $DIR/nginx/proxy;
  fastcgi_temp_path $DIR/nginx/fastcgi;
  uwsgi_temp_path $DIR/nginx/uwsgi;
  scgi_temp_path $DIR/nginx/scgi;
  client_max_body_size 60m; # the site refuses bodies over UPLOAD_MAX_MB itself, with a message
  upstream iopd {
    server 127.0.0.1:$2 max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$3 max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$1 ssl;
    ssl_certificate $DIR/nginx/cert.pem;
    ssl_certificate_key $DIR/nginx/key.pem;
    # Public pictures straight from the media folder; documents only through the application,
    # which answers with X-Accel-Redirect to the internal location (docs/deployment.md).
    location /media/images/ { alias $DIR/media/images/; }
    location /media/original_images/ { alias $DIR/media/original_images/; }
    location /protected-media/ { internal; alias $DIR/media/; }
    location / {
      proxy_pass http://iopd;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto https;
      # A server that stops answering is skipped; a request it already started is not sent twice.
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
EOF
}

cmd_start() {
  local port=${1:-8443}
  [[ -f $DIR/env ]] && die "a layout runs in $DIR; 'scripts/layout.sh stop' first"
  port_free "$port" || die "port $port on 127.0.0.1 is already in use"
  need_nginx
  command -v openssl >/dev/null 2>&1 || die "openssl is required for the proxy's certificate"
  find_python >/dev/null
  mkdir -p "$DIR"/{logs,media,static,nginx}
  chmod 755 "$DIR" "$DIR/media" # nginx's workers read the public pictures
  setup_venv requirements.txt

  ./scripts/postgres.sh start "$(free_port)"
  ./scripts/postgres.sh standby "$(free_port)"
  ./scripts/search-cluster.sh start

  local web1 web2 secret
  web1=$(free_port)
  web2=$(free_port)
  [[ $web1 == "$web2" ]] && web2=$((web1 + 1))
  secret=$(python -c 'import secrets; print(secrets.token_urlsafe(50))')
  {
    cat "$DIR/postgres/env" "$DIR/cluster/env"
    cat <<EOF
DJANGO_SETTINGS_MODULE=iopd_site.settings.production
SECRET_KEY=$secret
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$port,https://localhost:$port
WAGTAILADMIN_BASE_URL=https://127.0.0.1:$port
MEDIA_ROOT=$DIR/media
STATIC_ROOT=$DIR/static
SENDFILE_URL=/protected-media/
TRUSTED_PROXIES=1
SECURE_HSTS_SECONDS=0
EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend
IOPD_LAYOUT_PORTS="$port $web1 $web2"
EOF
  } >"$DIR/env.tmp"
  set -a
  source "$DIR/env.tmp"
  set +a

  echo "Setting up the database and the demo (a few minutes) ..."
  {
    python manage.py compile_translations
    python manage.py migrate --noinput
    python manage.py createcachetable
    python manage.py collectstatic --noinput
    python manage.py load_demo
    python manage.py load_demo_experiences
    python manage.py load_demo_members
    python manage.py rebuild_search_index
    python manage.py ensure_admin # the demo's role accounts are for development sites only
  } >"$DIR/logs/setup.log" 2>&1 || {
    tail -n 30 "$DIR/logs/setup.log" >&2
    cmd_stop
    die "setup failed"
  }
  mv "$DIR/env.tmp" "$DIR/env"

  local name
  for name in web1 web2; do
    gunicorn iopd_site.wsgi --workers 2 --bind "127.0.0.1:${!name}" --daemon --pid "$DIR/$name.pid" \
      --capture-output --error-logfile "$DIR/logs/$name.log"
  done
  SUPERVISED_COMMAND="python manage.py search_worker --loop" \
    setsid ./scripts/supervise.sh search-worker >"$DIR/logs/search-worker.log" 2>&1 &
  echo $! >"$DIR/search-worker.pid"
  SUPERVISED_COMMAND="python manage.py db_worker --backend background --queue-name '*' --no-reload" \
    setsid ./scripts/supervise.sh background-worker >"$DIR/logs/background-worker.log" 2>&1 &
  echo $! >"$DIR/background-worker.pid"

  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
    -keyout "$DIR/nginx/key.pem" -out "$DIR/nginx/cert.pem" >/dev/null 2>&1
  write_nginx_conf "$port" "$web1" "$web2"
  nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf"

  local tries
  for tries in $(seq 60); do
    curl -ksf "https://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 1
  done
  cmd_status
  cat <<EOF

The layout serves https://127.0.0.1:$port/ (admin: /admin/, user "admin", password:
$(sed -n "s/.*Password (shown only now): //p" "$DIR/logs/setup.log")). Logs in $DIR/logs. To try a failure:
  kill \$(cat $DIR/web1.pid)                                 one app server stops
  IOPD_CLUSTER_RUN_DIR=$DIR/cluster scripts/search-cluster.sh stop-node 2   one engine node stops
  pkill -f search_worker                                      the worker dies and comes back
scripts/layout.sh stop stops everything.
EOF
}

cmd_status() {
  [[ -f $DIR/env ]] || { echo "no layout runs in $DIR"; return 0; }
  local port web1 web2 name
  read -r port web1 web2 < <(sed -n 's/^IOPD_LAYOUT_PORTS="\(.*\)"/\1/p' "$DIR/env")
  echo "proxy (nginx): https://127.0.0.1:$port/ $([[ -f $DIR/nginx/nginx.pid ]] && kill -0 "$(cat "$DIR/nginx/nginx.pid")" 2>/dev/null && echo running || echo stopped)"
  for name in web1 web2 search-worker background-worker; do
    if [[ -f $DIR/$name.pid ]] && kill -0 "$(cat "$DIR/$name.pid")" 2>/dev/null; then
      echo "$name: running (pid $(cat "$DIR/$name.pid"))"
    else
      echo "$name: stopped"
    fi
  done
  echo "app servers on 127.0.0.1:$web1 and 127.0.0.1:$web2"
  ./scripts/search-cluster.sh status || true
  local primary standby
  primary=$(sed -n 's|^DATABASE_URL=postgres://postgres@127.0.0.1:\([0-9]*\)/.*|\1|p' "$DIR/env")
  standby=$(sed -n 's|^STANDBY_DATABASE_URL=postgres://postgres@127.0.0.1:\([0-9]*\)/.*|\1|p' "$DIR/env")
  echo "database: primary 127.0.0.1:$primary, standby 127.0.0.1:$standby," \
    "replication $(psql -h 127.0.0.1 -p "$primary" -U postgres -Atc 'select state from pg_stat_replication' iopd 2>/dev/null || echo unknown)"
  echo "health: $(curl -ks "https://127.0.0.1:$port/healthz" || echo 'no answer')"
}

cmd_stop() {
  local name
  [[ -f $DIR/nginx/nginx.pid ]] && nginx -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s stop 2>/dev/null || true
  for name in search-worker background-worker web1 web2; do
    [[ -f $DIR/$name.pid ]] && kill -TERM "$(cat "$DIR/$name.pid")" 2>/dev/null || true
  done
  sleep 1
  ./scripts/search-cluster.sh stop >/dev/null 2>&1 || true
  ./scripts/postgres.sh stop
  rm -rf "$DIR"
  echo "layout stopped"
}

case ${1:-} in
  start) shift; cmd_start "$@" ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  *) die "usage: scripts/layout.sh start [PORT] | status | stop" ;;
esac
