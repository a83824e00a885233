#!/usr/bin/env bash
# SQLite under a kill -9: an import killed halfway leaves the database whole and unchanged
# (PRAGMA integrity_check, counts before = after); the same import then succeeds; a backup taken
# while the server serves holds what was there. Prints PASS/FAIL lines, exits 1 on a failure.
#
#   bash ops/sqlite-crash-check.sh PATH/TO/jibungoto        (ROWS=50000 KILL_AFTER=1.5)
set -euo pipefail
BIN=$(realpath "$1")
ROWS=${ROWS:-50000}
KILL_AFTER=${KILL_AFTER:-1.5}
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
WORK=$(mktemp -d /tmp/jibungoto-crash.XXXXXX)
SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
DB="$WORK/city.sqlite"
failures=0
check() {  # description, condition…
  local what=$1; shift
  if "$@"; then echo "PASS $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
counts() { sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM staff) || ' staff, ' || (SELECT COUNT(*) FROM assignments) || ' assignments'"; }

LOG_LEVEL=error "$BIN" demo --database "$DB" >/dev/null
python3 Benchmarks/import/generate_staff_csv.py --rows "$ROWS" --encoding utf8 -o "$WORK/staff.csv"
before=$(counts)

# The import writes its rows in one transaction; kill it in the middle of writing.
LOG_LEVEL=error "$BIN" import staff "$WORK/staff.csv" --database "$DB" >/dev/null 2>&1 &
IMPORT=$!
sleep "$KILL_AFTER"
if kill -0 "$IMPORT" 2>/dev/null; then
  kill -9 "$IMPORT"; wait "$IMPORT" 2>/dev/null || true
  echo "killed the import after ${KILL_AFTER} s (journal files: $(ls "$WORK" | grep -c -- '-wal\|-journal' || true))"
else
  echo "FAIL the import finished within ${KILL_AFTER} s; raise ROWS or lower KILL_AFTER"; exit 1
fi
check "integrity after kill -9 mid-import: $(sqlite3 "$DB" 'PRAGMA integrity_check')" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
check "foreign keys after kill -9 mid-import" test -z "$(sqlite3 "$DB" 'PRAGMA foreign_key_check')"
after=$(counts)
check "counts unchanged by the killed import ($before → $after)" test "$before" = "$after"

LOG_LEVEL=error "$BIN" import staff "$WORK/staff.csv" --database "$DB" >/dev/null
check "the same import then succeeds ($(counts))" test "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM staff')" -gt "${before%% *}"

# A backup while the server serves (and keeps writing sessions): consistent, and it says what it holds.
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
LOG_LEVEL=error "$BIN" serve --port "$PORT" --database "$DB" >/dev/null 2>&1 &
SERVER=$!
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
( for _ in $(seq 200); do curl -s -o /dev/null "http://127.0.0.1:$PORT/login"; done ) &
LOAD=$!
"$BIN" backup "$WORK/copy.sqlite" --database "$DB"
wait "$LOAD"
check "backup while serving is intact" test "$(sqlite3 "$WORK/copy.sqlite" 'PRAGMA integrity_check')" = ok
check "backup holds the staff ($(sqlite3 "$WORK/copy.sqlite" 'SELECT COUNT(*) FROM staff'))" \
  test "$(sqlite3 "$WORK/copy.sqlite" 'SELECT COUNT(*) FROM staff')" = "$(sqlite3 "$DB" 'SELECT COUNT(*) FROM staff')"
if "$BIN" restore "$WORK/copy.sqlite" --database "$DB" >/dev/null 2>"$WORK/refused.txt"; then
  check "restore refused while the server runs" false
else
  check "restore refused while the server runs: $(head -1 "$WORK/refused.txt")" grep -q "サーバーがこのデータベースを使っています" "$WORK/refused.txt"
fi
kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
check "restore after the server stopped" "$BIN" restore "$WORK/copy.sqlite" --database "$DB"
check "integrity after restore" test "$(sqlite3 "$DB" 'PRAGMA integrity_check')" = ok
[ "$failures" -eq 0 ] || exit 1
