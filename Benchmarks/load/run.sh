#!/usr/bin/env bash
# Load: the staff list, the self-report form, a survey page and survey submission, beside a
# plain-text route of the same binary (the framework's ceiling), in one run (README.md here).
#
#   bash Benchmarks/load/run.sh sqlite   path/to/jibungoto [path/to/SurveyBench]
#   bash Benchmarks/load/run.sh postgres path/to/jibungoto [path/to/SurveyBench]
#
# sqlite: one instance on 127.0.0.1:8081 with a demo SQLite file in a temporary folder.
# postgres: ops/scale-out.sh (PostgreSQL, two instances, nginx on 127.0.0.1:8080), then teardown.
# SurveyBench (default: beside the binary) prepares the survey's submitters; it is built with
# -enable-testing, as in Benchmarks/surveys/run.sh.
# CLIENTS=50 DURATION=15 SUBMITTERS=200 (sqlite) / 500 (postgres) FLOOD=1 LOG_LEVEL=info
# BURST_ONLY=1: only the submission burst (and its count), to compare binaries
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=${1:?usage: run.sh sqlite|postgres JIBUNGOTO_BINARY [SURVEYBENCH_BINARY]}
BIN=$(realpath "${2:?usage: run.sh sqlite|postgres JIBUNGOTO_BINARY [SURVEYBENCH_BINARY]}")
BENCH=$(realpath "${3:-$(dirname "$BIN")/SurveyBench}")
CLIENTS=${CLIENTS:-50}
DURATION=${DURATION:-15}
PASSWORD=bench-password-1
export LOG_LEVEL=${LOG_LEVEL:-info}   # the README's default: one log line per request
WORK=$(mktemp -d /tmp/jibungoto-load.XXXXXX)

up() { curl -fs -o /dev/null --max-time 2 "$1/healthz"; }
# The survey page and the submission need accounts that have not answered the open survey yet.
prepare() { # database-option... -> $WORK/survey, $WORK/accounts
  local count=$((SUBMITTERS > CLIENTS ? SUBMITTERS : CLIENTS))
  LOG_LEVEL=error "$BENCH" submitters --count "$count" --password $PASSWORD "$@" >"$WORK/prepared"
  head -1 "$WORK/prepared" >"$WORK/survey"
  tail -n +2 "$WORK/prepared" >"$WORK/accounts"
}
# The flood runs last: afterwards new browsers from this address wait out the login window.
load() { # base-url more-options...
  local base=$1
  shift
  python3 Benchmarks/load/load.py "$base" --survey "$(cat "$WORK/survey")" --accounts "$WORK/accounts" \
    --account-password $PASSWORD --clients "$CLIENTS" --seconds "$DURATION" --submitters "$SUBMITTERS" \
    "$@" $([ "${FLOOD:-1}" = 1 ] && echo --flood) $([ "${BURST_ONLY:-0}" = 1 ] && echo --burst-only)
}

# The load average says whether something else shared the cores during the run.
echo "$(nproc) cores; $MODE; clients=$CLIENTS duration=${DURATION}s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
case "$MODE" in
  sqlite)
    SUBMITTERS=${SUBMITTERS:-200}
    trap 'kill "${SERVER:-}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
    unset DATABASE_URL   # it would win over --database
    LOG_LEVEL=error "$BIN" demo --database "$WORK/demo.sqlite" >/dev/null
    prepare --database "$WORK/demo.sqlite"
    "$BIN" serve --port 8081 --database "$WORK/demo.sqlite" >"$WORK/app.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 60); do up http://127.0.0.1:8081 && break; sleep 0.5; done
    load http://127.0.0.1:8081 --sqlite "$WORK/demo.sqlite" --server-pid $SERVER
    ;;
  postgres)
    SUBMITTERS=${SUBMITTERS:-500}
    URL=postgresql://jibungoto:jibungoto-ci@127.0.0.1:5432/jibungoto_scale
    trap 'bash ops/scale-out.sh stop; rm -rf "$WORK"' EXIT
    # A failed check (printed) does not stop the measurement; a failed setup (status 2) does.
    KEEP=1 bash ops/scale-out.sh "$BIN" || [ $? = 1 ]
    DATABASE_URL="$URL?tlsmode=disable" prepare
    load http://127.0.0.1:8080 --psql "$URL" \
      --server-pid "$(cat ${SCALE_DIR:-/tmp/jibungoto-scale}/app-8081.pid)" --server-pid "$(cat ${SCALE_DIR:-/tmp/jibungoto-scale}/app-8082.pid)"
    ;;
  *) echo "unknown mode $MODE (sqlite or postgres)" >&2; exit 2 ;;
esac
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
