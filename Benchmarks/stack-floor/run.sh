#!/usr/bin/env bash
# The decided stack's floor (Vapor, Fluent on SQLite, sessions in the database, Leaf) beside its
# own plain-text ceiling, with none of Jibungoto's code (README.md here).
#
#   swift build -c release --product StackFloor
#   bash Benchmarks/stack-floor/run.sh .build/release/StackFloor      (CLIENTS=50 DURATION=15)
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(realpath "${1:?usage: run.sh path/to/StackFloor}")
WORK=$(mktemp -d /tmp/stack-floor.XXXXXX)
trap 'kill "${SERVER:-}" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
echo "$(nproc) cores; clients=${CLIENTS:-50} duration=${DURATION:-15}s; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# LOG_LEVEL=info as in the app's load run: one log line per request.
STACK_FLOOR_DATABASE="$WORK/floor.sqlite" LOG_LEVEL=${LOG_LEVEL:-info} "$BIN" serve --hostname 127.0.0.1 --port 8083 >"$WORK/log" 2>&1 &
SERVER=$!
for _ in $(seq 60); do curl -fs -o /dev/null --max-time 2 http://127.0.0.1:8083/plain && break; sleep 0.5; done
python3 Benchmarks/stack-floor/floor.py http://127.0.0.1:8083 --clients "${CLIENTS:-50}" --seconds "${DURATION:-15}" --server-pid $SERVER
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
