#!/usr/bin/env bash
# Survey results benchmark: what the results page computes (GROUP BY counts, disclosure control
# over every cell, summaries of every question in every shown cell) for 50,000 respondents × 40
# questions, against the plain GROUP BY aggregate on the same data, measured in the same run.
#
#   bash Benchmarks/surveys/run.sh                 (RESPONDENTS=50000 QUESTIONS=40)
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=.build/bench-surveys
mkdir -p "$WORK"
rm -f "$WORK/bench.sqlite"
# The benchmark reaches the app's internals with @testable import: built with -enable-testing.
swift build -c release -Xswiftc -enable-testing --product jibungoto >/dev/null
swift build -c release -Xswiftc -enable-testing --product SurveyBench >/dev/null
BIN=$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/jibungoto
BENCH=$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/SurveyBench
LOG_LEVEL=error "$BENCH" results --respondents "${RESPONDENTS:-50000}" --questions "${QUESTIONS:-40}" --database "$WORK/bench.sqlite"

# 200 concurrent submitters against a demo instance on loopback; every answer must be stored.
SUBMITTERS=${SUBMITTERS:-200}
rm -f "$WORK/demo.sqlite"
LOG_LEVEL=error "$BIN" demo --database "$WORK/demo.sqlite" >/dev/null
mapfile -t PREPARED < <(LOG_LEVEL=error "$BENCH" submitters --count "$SUBMITTERS" --password bench-password-1 --database "$WORK/demo.sqlite")
SURVEY=${PREPARED[0]}
BEFORE=$(sqlite3 "$WORK/demo.sqlite" "SELECT COUNT(*) FROM survey_completions" 2>/dev/null || echo "?")
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
LOG_LEVEL=error "$BIN" serve --port "$PORT" --database "$WORK/demo.sqlite" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
python3 Benchmarks/surveys/submit_load.py "http://127.0.0.1:$PORT" "$SURVEY" bench-password-1 "${PREPARED[@]:1}"
kill $SERVER; wait $SERVER 2>/dev/null || true
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
AFTER_COMPLETIONS=$(sqlite3 "$WORK/demo.sqlite" "SELECT COUNT(*) FROM survey_completions")
AFTER_RESPONSES=$(sqlite3 "$WORK/demo.sqlite" "SELECT COUNT(*) FROM survey_responses")
echo "completions before=$BEFORE after=$AFTER_COMPLETIONS; responses after=$AFTER_RESPONSES (completions and responses must match)"
