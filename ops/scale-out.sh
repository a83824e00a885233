#!/usr/bin/env bash
# Scale-out check: PostgreSQL, two `jibungoto serve` instances (8081, 8082) started at the same
# moment on one fresh database, and nginx on 127.0.0.1:8080 with ops/nginx/jibungoto.conf as is.
# Then checks, one PASS/FAIL line each:
#   - migrations ran once although both instances started together, and neither failed;
#   - a session (and its CSRF token) made on one instance works on the other, and through nginx;
#   - five failed logins spread over both instances hold the next attempt back on either.
#
#   bash ops/scale-out.sh path/to/jibungoto          checks, then stops all it started
#   KEEP=1 bash ops/scale-out.sh path/to/jibungoto   leaves it running (Benchmarks/load/run.sh)
#   bash ops/scale-out.sh stop                       stops what a KEEP=1 run left running
#   bash ops/scale-out.sh start-app 8082 path/to/jibungoto   starts one instance again (fault-check.sh)
#
# Run as root on Debian (installs nginx and PostgreSQL 15 if absent). Uses ports 8080-8082 and
# the database jibungoto_scale (dropped and made afresh); the cluster is stopped at the end only
# if this script started it. Exit status: 0 all passed, 1 a check failed, 2 could not set up.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
STATE=${SCALE_DIR:-/tmp/jibungoto-scale}
PG_VERSION=15
PG_PORT=5432
PG_DB=jibungoto_scale
PG_USER=jibungoto
PG_PASSWORD=jibungoto-ci
PSQL_URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
# tlsmode=disable: loopback; without it the driver tries TLS first (see README).
export DATABASE_URL="$PSQL_URL?tlsmode=disable"
NGINX=http://127.0.0.1:8080
A=http://127.0.0.1:8081
B=http://127.0.0.1:8082

psql_app() { psql "$PSQL_URL" -qAt -c "$1"; }
psql_admin() { su postgres -c "psql -p $PG_PORT -qAt -c \"$1\""; }

stop() {
  # Only what this script started, by the pids it wrote down.
  local pids=()
  for file in "$STATE"/app-*.pid "$STATE/nginx.pid"; do
    [ -f "$file" ] || continue
    pid=$(cat "$file")
    kill "$pid" 2>/dev/null && pids+=("$pid")
    [ "$file" = "$STATE/nginx.pid" ] || rm -f "$file"   # nginx removes its own
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  done
  # The cluster only if this script started it, and nobody else has come to use it meanwhile.
  if [ -f "$STATE/pg-started" ]; then
    others=$(psql_admin "SELECT COUNT(*) FROM pg_stat_activity WHERE datname IS NOT NULL AND datname NOT IN ('$PG_DB', 'postgres')" 2>/dev/null || echo 0)
    if [ "$others" = 0 ]; then pg_ctlcluster "$PG_VERSION" main stop || true; else echo "PostgreSQL left running: $others other connections"; fi
    rm -f "$STATE/pg-started"
  fi
}

# Behind nginx the instances take the client address from X-Forwarded-For (the entry nginx appends).
start_app() {
  JIBUNGOTO_TRUST_PROXY=1 JIBUNGOTO_TRUSTED_PROXY_HOPS=1 LOG_LEVEL=${LOG_LEVEL:-info} \
    "$BIN" serve --host 127.0.0.1 --port "$1" >>"$STATE/app-$1.log" 2>&1 &
  echo $! >"$STATE/app-$1.pid"
}

if [ "${1:-}" = stop ]; then stop; exit 0; fi
# One instance again, as it was started (ops/fault-check.sh, after a kill -9 of it).
if [ "${1:-}" = start-app ]; then
  BIN=$(realpath "${3:?usage: scale-out.sh start-app PORT JIBUNGOTO_BINARY}")
  start_app "$2"
  exit 0
fi
BIN=$(realpath "${1:?usage: scale-out.sh JIBUNGOTO_BINARY | stop}")
for port in 8080 8081 8082; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use (a previous KEEP=1 run? bash ops/scale-out.sh stop)" >&2; exit 2
  fi
done

mkdir -p "$STATE"
rm -f "$STATE"/app-*.log   # start-app appends to them
chmod 755 "$STATE"   # nginx workers (www-data) write their temporary files below it
READY=0
# On failure, or without KEEP=1, leave nothing behind.
trap '[ "${KEEP:-0}" = 1 ] && [ "$READY" = 1 ] || stop' EXIT

FAILED=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILED=1; }
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//'; }

# --- nginx and PostgreSQL from Debian's packages -------------------------------------------------
if ! command -v nginx >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
if ! command -v pg_ctlcluster >/dev/null || [ ! -d "/usr/lib/postgresql/$PG_VERSION" ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
fi
[ -d "/etc/postgresql/$PG_VERSION/main" ] || pg_createcluster "$PG_VERSION" main >/dev/null
if ! pg_lsclusters -h | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster "$PG_VERSION" main start
  touch "$STATE/pg-started"
fi
for _ in $(seq 30); do psql_admin 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
psql_admin "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'" | grep -q 1 \
  || psql_admin "CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD'"
psql_admin "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
psql_admin "CREATE DATABASE $PG_DB OWNER $PG_USER"

# --- two instances at the same moment, on the empty database -------------------------------------
start_app 8081
start_app 8082
up() { curl -fs -o /dev/null --max-time 2 "$1/healthz"; }
alive() { kill -0 "$(cat "$STATE/app-$1.pid")" 2>/dev/null; }
for _ in $(seq 120); do
  { up $A || ! alive 8081; } && { up $B || ! alive 8082; } && break
  sleep 0.5
done

# The number of migrations: what one process applies to an empty SQLite file.
rm -f "$STATE/reference.sqlite"
# (without DATABASE_URL, which would win over --database)
env -u DATABASE_URL LOG_LEVEL=error "$BIN" migrate --database "$STATE/reference.sqlite" >/dev/null
EXPECTED=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM _fluent_migrations").fetchone()[0])' "$STATE/reference.sqlite")
APPLIED=$(psql_app 'SELECT COUNT(*) FROM _fluent_migrations' 2>/dev/null || echo "no table")
DISTINCT=$(psql_app 'SELECT COUNT(DISTINCT name) FROM _fluent_migrations' 2>/dev/null || echo "?")
CRASHED=""
for port in 8081 8082; do
  if ! alive $port; then
    wait "$(cat "$STATE/app-$port.pid")" && status=0 || status=$?
    CRASHED+=" $port (exit $status: $(grep -m1 -E '\[ (ERROR|CRITICAL) \]' "$STATE/app-$port.log" | cut -c1-400 || true))"
  fi
done
if [ "$APPLIED" = "$EXPECTED" ] && [ "$DISTINCT" = "$EXPECTED" ] && [ -z "$CRASHED" ]; then
  pass "migrations ran once: $APPLIED rows in _fluent_migrations (expected $EXPECTED), both instances up"
else
  fail "migrations with two instances starting together: $APPLIED rows ($DISTINCT distinct, expected $EXPECTED); exited:${CRASHED:- none}"
  # Start the one that failed again (the migrations are done now) so the other checks can run.
  for port in 8081 8082; do alive $port || start_app $port; done
  for _ in $(seq 60); do up $A && up $B && break; sleep 0.5; done
fi

# --- nginx, with the configuration as is, wrapped in a main configuration of its own -------------
mkdir -p "$STATE/nginx-temp"
rm -f "$STATE/nginx-access.log"
cat >"$STATE/nginx.conf" <<EOF
worker_processes auto;
worker_rlimit_nofile 20000;
pid $STATE/nginx.pid;
error_log $STATE/nginx-error.log warn;
events { worker_connections 8192; }
http {
    log_format upstream '\$remote_addr "\$request" \$status \$request_time \$upstream_addr';
    access_log $STATE/nginx-access.log upstream buffer=64k flush=1s;
    client_body_temp_path $STATE/nginx-temp/body;
    proxy_temp_path $STATE/nginx-temp/proxy;
    fastcgi_temp_path $STATE/nginx-temp/fastcgi;
    uwsgi_temp_path $STATE/nginx-temp/uwsgi;
    scgi_temp_path $STATE/nginx-temp/scgi;
    include $ROOT/ops/nginx/jibungoto.conf;
}
EOF
nginx -q -t -p "$STATE" -e "$STATE/nginx-error.log" -c "$STATE/nginx.conf" || exit 2
nginx -p "$STATE" -e "$STATE/nginx-error.log" -c "$STATE/nginx.conf" || exit 2
for _ in $(seq 40); do up $NGINX && break; sleep 0.25; done
up $NGINX || { echo "nginx does not answer /healthz" >&2; exit 2; }

# --- the demo city, once, for the other checks and the load --------------------------------------
LOG_LEVEL=error "$BIN" demo >/dev/null
READY=1

# --- a session made on one instance works on the other --------------------------------------------
NAME=$(psql_app "SELECT display_name FROM users WHERE staff_number = 'D0004'")
JAR="$STATE/jar-session"
rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" $A/login | csrf)
LOGIN=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$TOKEN" \
  --data-urlencode staff_number=D0004 --data-urlencode password=jibungoto-demo $A/login)
ON_B=$(curl -s -w '\n%{http_code}' -b "$JAR" $B/account)
if [ "$LOGIN" = 303 ] && [ "$(tail -1 <<<"$ON_B")" = 200 ] && grep -q "$NAME" <<<"$ON_B"; then
  pass "session: signed in on 8081, 8082 shows /account to $NAME (200)"
else
  fail "session: sign-in on 8081 answered $LOGIN; /account on 8082 answered $(tail -1 <<<"$ON_B")"
fi
# The CSRF token a page of 8081 shows (a new one since the sign-in) is accepted by 8082.
TOKEN=$(curl -s -b "$JAR" $A/account | csrf)
SWITCH=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR" --data-urlencode "_csrf=$TOKEN" \
  --data-urlencode language=ja --data-urlencode return_to=/ $B/language)
[ "$SWITCH" = 303 ] && pass "CSRF: a token shown by 8081 is accepted by 8082 (POST /language: 303)" \
  || fail "CSRF: a token shown by 8081 posted to 8082 answered $SWITCH (403 = token unknown there)"

# Through nginx: one sign-in, then 20 pages, spread over both instances by nginx.
rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" $NGINX/login | csrf)
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "_csrf=$TOKEN" \
  --data-urlencode staff_number=D0004 --data-urlencode password=jibungoto-demo $NGINX/login
GOOD=0
for _ in $(seq 20); do
  PAGE=$(curl -s -w '\n%{http_code}' -b "$JAR" "$NGINX/account?check=session")
  [ "$(tail -1 <<<"$PAGE")" = 200 ] && grep -q "$NAME" <<<"$PAGE" && GOOD=$((GOOD + 1))
done
sleep 1.5   # the access log is flushed every second
SERVED=$(grep -c 'check=session.* 127.0.0.1:8081' "$STATE/nginx-access.log" || true)
SERVED2=$(grep -c 'check=session.* 127.0.0.1:8082' "$STATE/nginx-access.log" || true)
if [ "$GOOD" = 20 ] && [ "$SERVED" -gt 0 ] && [ "$SERVED2" -gt 0 ]; then
  pass "session through nginx: 20/20 signed-in pages (8081 served $SERVED, 8082 served $SERVED2)"
else
  fail "session through nginx: $GOOD/20 signed-in pages (8081 served $SERVED, 8082 served $SERVED2)"
fi

# --- five failed logins spread over both instances hold the next attempt back on either ----------
# A new browser each time (no jibungoto_device cookie: a known browser is never held back).
attempt() { # base password -> HTTP status
  local jar="$STATE/jar-throttle" token
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "$1/login" | csrf)
  curl -s -o "$STATE/throttle.html" -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "_csrf=$token" \
    --data-urlencode staff_number=D0003 --data-urlencode "password=$2" "$1/login"
}
STATUSES=""
for base in $A $B $A $B $A; do STATUSES+="$(attempt "$base" wrong-password-1) "; done
# The right password now: held back all the same, on either instance.
SIXTH=$(attempt $B jibungoto-demo)
SEVENTH=$(attempt $A jibungoto-demo)
MESSAGE=$(grep -o 'ログインの失敗が続いたため[^<]*' "$STATE/throttle.html" | head -1 || true)
if [ "$STATUSES" = "401 401 401 401 401 " ] && [ "$SIXTH" = 429 ] && [ "$SEVENTH" = 429 ]; then
  pass "login throttling across instances: failures ${STATUSES}then 429 on 8082 and on 8081 («${MESSAGE:0:40}…»)"
else
  fail "login throttling across instances: failures ${STATUSES}then $SIXTH on 8082, $SEVENTH on 8081 (expected 401 ×5, then 429, 429)"
fi

# --- what nginx answers in the app's place -------------------------------------------------------
code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
LONG_URI=$(code "$NGINX/$(head -c 9000 /dev/zero | tr '\0' a)")
LONG_HEADER=$(code -H "X-Filler: $(head -c 9000 /dev/zero | tr '\0' a)" $NGINX/healthz)
BIG_BODY=$(head -c 33554433 /dev/zero | code -X POST -H 'Content-Type: text/csv' --data-binary @- $NGINX/organization/import)
[ "$LONG_URI $LONG_HEADER $BIG_BODY" = "414 400 413" ] \
  && pass "nginx limits: 9 KB request line 414, 9 KB header 400, 32 MB + 1 byte body 413" \
  || fail "nginx limits: 9 KB request line $LONG_URI, 9 KB header $LONG_HEADER, 32 MB + 1 byte body $BIG_BODY (expected 414 400 413)"
# Another loopback address (127.0.0.2) stands in for a machine elsewhere.
METRICS_LOCAL=$(code $NGINX/metrics)
METRICS_OTHER=$(code --interface 127.0.0.2 $NGINX/metrics)
[ "$METRICS_OTHER" = 403 ] && [ "$METRICS_LOCAL" != 403 ] \
  && pass "/metrics: $METRICS_LOCAL from 127.0.0.1 (passed to the app), 403 from 127.0.0.2" \
  || fail "/metrics: $METRICS_LOCAL from 127.0.0.1, $METRICS_OTHER from 127.0.0.2 (expected 403 only from 127.0.0.2)"
# Slowloris: half a request, then silence; nginx must hang up after client_header_timeout (10 s).
SLOW=$(python3 - <<'EOF'
import socket, time
s = socket.create_connection(("127.0.0.1", 8080))
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
start = time.monotonic()
s.settimeout(30)
try:
    s.recv(1024)
except OSError:
    pass
print(round(time.monotonic() - start))
EOF
)
[ "$SLOW" -le 12 ] && pass "slowloris: a half-sent request is closed by nginx after ${SLOW} s" \
  || fail "slowloris: a half-sent request was held ${SLOW} s"

if [ "${KEEP:-0}" = 1 ]; then
  echo "running: nginx $NGINX -> $A, $B on $PG_DB (logs in $STATE); stop with: bash ops/scale-out.sh stop"
fi
exit $FAILED
