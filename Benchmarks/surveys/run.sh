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
swift build -c release -Xswiftc -enable-testing --product SurveyBench >/dev/null
BENCH=$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/SurveyBench
LOG_LEVEL=error "$BENCH" results --respondents "${RESPONDENTS:-50000}" --questions "${QUESTIONS:-40}" --database "$WORK/bench.sqlite"

# Concurrent survey submitters (200 on SQLite, 500 on PostgreSQL behind nginx), with the other
# pages of a busy week: Benchmarks/load/run.sh.
