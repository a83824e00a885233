#!/bin/bash
# Demo city, click to result page: signs in as HR (D0004), then five times POSTs "solve" on the
# first scenario and GETs the result page it redirects to; prints the seconds of each.
# Usage: bash Benchmarks/planner/click_to_result.sh BINARY [DEMO_DB]
# (DEMO_DB: a database made by `BINARY demo --database FILE`; made in a temporary folder if absent.)
set -euo pipefail
BIN=$1
WORK=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
if [[ $# -ge 2 ]]; then cp "$2" "$WORK/demo.sqlite"; else "$BIN" demo --database "$WORK/demo.sqlite" > /dev/null; fi
PORT=8097
"$BIN" serve --database "$WORK/demo.sqlite" --port "$PORT" > "$WORK/serve.log" 2>&1 &
SERVER=$!
BASE="http://127.0.0.1:$PORT"
until curl -sf "$BASE/healthz" > /dev/null; do sleep 0.5; done
JAR="$WORK/cookies"
token() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'; }
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | token)
curl -s -c "$JAR" -b "$JAR" -o /dev/null -X POST "$BASE/login" --data-urlencode "staff_number=D0004" \
  --data-urlencode "password=jibungoto-demo" --data-urlencode "_csrf=$TOKEN"
SCENARIO=$(curl -s -b "$JAR" "$BASE/rotation" | grep -o '/rotation/scenarios/[0-9a-f-]*' | head -1)
TOKEN=$(curl -s -b "$JAR" "$BASE$SCENARIO" | token)
for _ in 1 2 3 4 5; do
  SOLVE=$(curl -s -b "$JAR" -c "$JAR" -X POST "$BASE$SCENARIO/solve" --data-urlencode "_csrf=$TOKEN" -o /dev/null -w "%{time_total}")
  RESULTS=$(curl -s -b "$JAR" "$BASE$SCENARIO/results" -o /dev/null -w "%{time_total}")
  echo "solve ${SOLVE}s  results ${RESULTS}s  total $(python3 -c "print(round($SOLVE + $RESULTS, 3))")s"
done
