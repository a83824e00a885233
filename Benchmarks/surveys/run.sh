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
swift build -c release --product jibungoto >/dev/null
BIN=$(swift build -c release --show-bin-path)/jibungoto
LOG_LEVEL=error "$BIN" bench-survey-results --respondents "${RESPONDENTS:-50000}" --questions "${QUESTIONS:-40}" --database "$WORK/bench.sqlite"
