#!/usr/bin/env bash
# Opportunities benchmark: the fairness figures for one fiscal year (and, once they exist, the
# candidate suggestions) on a 50,000-staff city with 500,000 participation ledger entries, each
# beside a plain GROUP BY over the same ledger measured in the same run. See README.md.
#
#   bash Benchmarks/opportunities/run.sh                 (STAFF=50000 ENTRIES=500000 REPEATS=7)
set -euo pipefail
cd "$(dirname "$0")/../.."
# The benchmark reaches the app's internals with @testable import: built with -enable-testing.
swift build -c release -Xswiftc -enable-testing --product OpportunityBench >/dev/null
BENCH=$(swift build -c release -Xswiftc -enable-testing --show-bin-path)/OpportunityBench
# A new SQLite database in a temporary folder, removed afterwards (PostgreSQL when DATABASE_URL is set).
LOG_LEVEL=error "$BENCH" --staff "${STAFF:-50000}" --entries "${ENTRIES:-500000}" --repeats "${REPEATS:-7}"
