#!/usr/bin/env bash
# Faults during the load (issue 19): survey answers, self-reports, rotation pins and staff imports
# are written by many signed-in clients while
#   1. PostgreSQL, two instances behind nginx (ops/scale-out.sh): one instance is killed with
#      kill -9 and started again; then PostgreSQL is stopped for a while and started again. While
#      it is away, /healthz of each instance must answer 503 (and /livez 200), and 200 again once
#      it is back, without restarting the app;
#   2. SQLite on a small tmpfs (a loop device if tmpfs is refused): the disk is filled to ENOSPC
#      while writes go on, then freed. The server must stay up, refuse cleanly, keep the file
#      whole (PRAGMA integrity_check) and accept writes again without a restart.
# After each load every write answered with success is looked for in the database: stored exactly
# once and whole (Benchmarks/load/load.py --faults-log: survey completions per account, sheets =
# completions = day counters, answers per sheet; self-report text, wishes and situation; pins;
# imported staff, all or nothing per file). Failures answered to the clients are allowed, counted
# and shown. PASS/FAIL lines, then a summary table; exit 1 if anything failed, 2 if setup failed.
#
#   bash ops/fault-check.sh path/to/jibungoto [path/to/SurveyBench]
#   STEPS="postgres sqlite" SUBMITTERS=120 PG_SECONDS=110 SQLITE_SECONDS=80 (defaults)
#
# Run as root on Debian (needs what ops/scale-out.sh needs, and mount). Takes about 15 minutes.
# Ports 8080-8083. Not in CI: too long. See Benchmarks/load/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$(realpath "${1:?usage: fault-check.sh JIBUNGOTO_BINARY [SURVEYBENCH_BINARY]}")
BENCH=$(realpath "${2:-$(dirname "$BIN")/SurveyBench}")
STEPS=${STEPS:-"postgres sqlite"}
SUBMITTERS=${SUBMITTERS:-120}
PG_SECONDS=${PG_SECONDS:-110}
SQLITE_SECONDS=${SQLITE_SECONDS:-80}
PASSWORD=bench-password-1
STATE=${SCALE_DIR:-/tmp/jibungoto-scale}
PG_URL=postgresql://jibungoto:jibungoto-ci@127.0.0.1:5432/jibungoto_scale
WORK=$(mktemp -d /tmp/jibungoto-faults.XXXXXX)
RESULTS=$WORK/results   # key=value lines for the summary
: >"$RESULTS"
FAILED=0
SCALE_STARTED=0
PG_STOPPED=0
MOUNTED=""
LOOP_IMAGE=""
SERVER=""
LOAD=""

pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILED=1; }
note() { echo "$1=$2" >>"$RESULTS"; }
now() { date +%s.%N; }
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$(now)"; }
code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" || true; }

cleanup() {
  set +e
  [ -n "$LOAD" ] && kill "$LOAD" 2>/dev/null
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }
  # PostgreSQL stopped by this script and not started again: start it, so scale-out.sh can stop
  # (or leave) it as it found it.
  [ "$PG_STOPPED" = 1 ] && pg_ctlcluster 15 main start
  [ "$SCALE_STARTED" = 1 ] && bash ops/scale-out.sh stop >/dev/null 2>&1
  [ -n "$MOUNTED" ] && umount "$MOUNTED"
  [ -n "$LOOP_IMAGE" ] && rm -f "$LOOP_IMAGE"
  if [ "$FAILED" = 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK (and $STATE)"; fi
}
trap cleanup EXIT

# The load in the background; returns when everyone is signed in and the writes begin.
start_load() { # name base-url database-option... ; sets LOAD, T0, RUN
  local name=$1 base=$2
  shift 2
  rm -f "$WORK/$name.ready"
  python3 Benchmarks/load/load.py "$base" --survey "$(cat "$WORK/$name.survey")" --accounts "$WORK/$name.accounts" \
    --account-password $PASSWORD --submitters "$SUBMITTERS" --faults-log "$WORK/$name.jsonl" --ready-file "$WORK/$name.ready" \
    --summary "$WORK/$name.json" --pins --imports "$@" >"$WORK/$name.out" 2>&1 &
  LOAD=$!
  for _ in $(seq 900); do
    [ -s "$WORK/$name.ready" ] && break
    kill -0 "$LOAD" 2>/dev/null || { cat "$WORK/$name.out"; echo "the load client stopped before it began" >&2; exit 2; }
    sleep 1
  done
  [ -s "$WORK/$name.ready" ] || { echo "the load client did not sign everyone in within 15 minutes" >&2; exit 2; }
  T0=$(now)
  RUN=$(cat "$WORK/$name.ready")
  sed -n 1p "$WORK/$name.out"
}
at() { # seconds after T0: sleep until then
  local wait
  wait=$(python3 -c "import sys, time; print(max(0.0, float(sys.argv[1]) + float(sys.argv[2]) - time.time()))" "$T0" "$1")
  sleep "$wait"
}
finish_load() { # name: waits for the client, shows its report, counts a failed check
  local name=$1 status=0
  wait "$LOAD" || status=$?
  LOAD=""
  tail -n +2 "$WORK/$name.out"
  grep -q '^FAIL' "$WORK/$name.out" && FAILED=1
  [ "$status" = 0 ] || [ "$status" = 1 ] || fail "$name: the load client ended with status $status"
}
# Counts of each answer of a probe while something is away: "200 ×3, 503 ×12".
tally() { sort | uniq -c | awk '{printf "%s%s ×%s", (NR > 1 ? ", " : ""), $2, $1}'; }

# ================================================================================================
if [[ " $STEPS " == *" postgres "* ]]; then
  echo "== 1. PostgreSQL, two instances behind nginx: kill -9 of one, PostgreSQL stopped and started"
  # LOG_LEVEL=warning: the instances' logs show the errors, not a line per request.
  SCALE_STARTED=1
  KEEP=1 LOG_LEVEL=${LOG_LEVEL:-warning} bash ops/scale-out.sh "$BIN" >"$WORK/scale-out.out" 2>&1 || {
    status=$?
    cat "$WORK/scale-out.out"
    [ "$status" = 1 ] || { echo "ops/scale-out.sh could not set up (status $status)" >&2; exit 2; }
  }
  grep -E '^(PASS|FAIL)' "$WORK/scale-out.out" | sed 's/^/  scale-out: /'
  DATABASE_URL="$PG_URL?tlsmode=disable" LOG_LEVEL=error "$BENCH" submitters --count $((SUBMITTERS * 3)) --password $PASSWORD >"$WORK/pg.prepared"
  head -1 "$WORK/pg.prepared" >"$WORK/pg.survey"
  tail -n +2 "$WORK/pg.prepared" >"$WORK/pg.accounts"
  start_load pg http://127.0.0.1:8080 --psql "$PG_URL" --seconds "$PG_SECONDS"

  # kill -9 of 8082 at +10 s; started again at +15 s.
  at 10
  KILLED=$(cat "$STATE/app-8082.pid")
  kill -9 "$KILLED"
  KILLED_AT=$(now)
  echo "+10 s: kill -9 of the instance on 8082 (pid $KILLED)"
  at 15
  bash ops/scale-out.sh start-app 8082 "$BIN"
  for _ in $(seq 240); do [ "$(code http://127.0.0.1:8082/healthz)" = 200 ] && break; sleep 0.25; done
  BACK=$(since "$KILLED_AT")
  if [ "$(code http://127.0.0.1:8082/healthz)" = 200 ]; then
    pass "kill -9: 8082 started again and healthy ${BACK} s after the kill"
  else
    fail "kill -9: 8082 not healthy ${BACK} s after the kill"
  fi
  note pg_kill_back "$BACK"

  # PostgreSQL away from +35 s for 10 s: /healthz of each instance must say so.
  at 35
  PIDS_BEFORE="$(cat "$STATE/app-8081.pid") $(cat "$STATE/app-8082.pid")"
  pg_ctlcluster 15 main stop -m fast
  PG_STOPPED=1
  DOWN_AT=$(now)
  echo "+35 s: PostgreSQL stopped"
  : >"$WORK/probe.8081"; : >"$WORK/probe.8082"; : >"$WORK/probe.livez"
  while [ "$(since "$DOWN_AT" | cut -d. -f1)" -lt 10 ]; do
    code http://127.0.0.1:8081/healthz 2 >>"$WORK/probe.8081"; echo >>"$WORK/probe.8081"
    code http://127.0.0.1:8082/healthz 2 >>"$WORK/probe.8082"; echo >>"$WORK/probe.8082"
    code http://127.0.0.1:8081/livez 2 >>"$WORK/probe.livez"; echo >>"$WORK/probe.livez"
    sleep 0.5
  done
  pg_ctlcluster 15 main start
  PG_STOPPED=0
  UP_AT=$(now)
  note pg_down_seconds "$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1])))" "$DOWN_AT" "$UP_AT")"
  echo "+$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1])))" "$T0" "$UP_AT") s: PostgreSQL started again after $(since "$DOWN_AT" | cut -d. -f1) s"
  declare -A RECOVERED=()
  for _ in $(seq 240); do
    for port in 8081 8082; do
      [ -z "${RECOVERED[$port]:-}" ] && [ "$(code "http://127.0.0.1:$port/healthz" 2)" = 200 ] && RECOVERED[$port]=$(since "$UP_AT")
    done
    [ -n "${RECOVERED[8081]:-}" ] && [ -n "${RECOVERED[8082]:-}" ] && break
    sleep 0.25
  done
  for port in 8081 8082; do
    seen=$(tally <"$WORK/probe.$port")
    note "pg_healthz_down_$port" "$seen"
    note "pg_healthz_back_$port" "${RECOVERED[$port]:-never}"
    lies=$(grep -c '^200$' "$WORK/probe.$port" || true)
    refusals=$(grep -c '^503$' "$WORK/probe.$port" || true)
    if [ "$lies" = 0 ] && [ "$refusals" -gt 0 ]; then
      pass "/healthz on $port while PostgreSQL was away: $seen (000 = no answer within 2 s)"
    else
      fail "/healthz on $port while PostgreSQL was away: $seen (expected 503 only)"
    fi
    if [ -n "${RECOVERED[$port]:-}" ]; then
      pass "/healthz on $port answered 200 again ${RECOVERED[$port]} s after PostgreSQL was started"
    else
      fail "/healthz on $port did not answer 200 within 60 s after PostgreSQL was started"
    fi
  done
  note pg_livez_down "$(tally <"$WORK/probe.livez")"
  PIDS_AFTER="$(cat "$STATE/app-8081.pid") $(cat "$STATE/app-8082.pid")"
  ALIVE=1
  for pid in $PIDS_AFTER; do kill -0 "$pid" 2>/dev/null || ALIVE=0; done
  if [ "$PIDS_BEFORE" = "$PIDS_AFTER" ] && [ "$ALIVE" = 1 ]; then
    pass "no restart: the instances (pids $PIDS_AFTER) reconnected by themselves; /livez answered $(tally <"$WORK/probe.livez") while PostgreSQL was away"
  else
    fail "the instances changed or died while PostgreSQL was away (pids $PIDS_BEFORE -> $PIDS_AFTER, alive $ALIVE)"
  fi
  note pg_up_at "$UP_AT"
  finish_load pg
  # Writes answered with success after PostgreSQL came back: the app reconnected for writes too.
  AFTER=$(python3 -c '
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1])]
print(sum(1 for e in entries if e["outcome"] == "ok" and e["wall"] > float(sys.argv[2])))' "$WORK/pg.jsonl" "$UP_AT")
  note pg_ok_after "$AFTER"
  [ "$AFTER" -gt 0 ] && pass "writes after PostgreSQL came back: $AFTER answered with success" \
    || fail "no write succeeded after PostgreSQL came back"
  grep -h -E '\[ (CRITICAL|ERROR) \]' "$STATE"/app-808[12].log | sed -E 's/request-id: [A-F0-9-]+//; s/\[ (ERROR|CRITICAL) \] //' \
    | cut -c1-160 | sort | uniq -c | sort -rn | head -8 | sed 's/^/  app log: /' || true
  bash ops/scale-out.sh stop >/dev/null 2>&1
  SCALE_STARTED=0
fi

# ================================================================================================
if [[ " $STEPS " == *" sqlite "* ]]; then
  echo "== 2. SQLite on a small file system, filled to ENOSPC during the load, then freed"
  unset DATABASE_URL   # it would win over --database
  LOG_LEVEL=error "$BIN" demo --database "$WORK/demo.sqlite" >/dev/null
  LOG_LEVEL=error "$BENCH" submitters --database "$WORK/demo.sqlite" --count $((SUBMITTERS * 3)) --password $PASSWORD >"$WORK/sqlite.prepared"
  head -1 "$WORK/sqlite.prepared" >"$WORK/sqlite.survey"
  tail -n +2 "$WORK/sqlite.prepared" >"$WORK/sqlite.accounts"
  sqlite3 "$WORK/demo.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
  SIZE_MB=$(( $(stat -c %s "$WORK/demo.sqlite") / 1048576 + 48 ))
  MNT=$WORK/small
  mkdir -p "$MNT"
  if mount -t tmpfs -o "size=${SIZE_MB}m" tmpfs "$MNT" 2>"$WORK/mount.err"; then
    MOUNTED=$MNT; FS="tmpfs of $SIZE_MB MB"
  else
    LOOP_IMAGE=$WORK/small.img
    truncate -s "${SIZE_MB}M" "$LOOP_IMAGE"
    if mkfs.ext4 -q "$LOOP_IMAGE" 2>>"$WORK/mount.err" && mount -o loop "$LOOP_IMAGE" "$MNT" 2>>"$WORK/mount.err"; then
      MOUNTED=$MNT; FS="ext4 loop device of $SIZE_MB MB"
    fi
  fi
  if [ -z "$MOUNTED" ]; then
    echo "SKIP SQLite ENOSPC: neither a tmpfs nor a loop device could be mounted: $(tr '\n' ' ' <"$WORK/mount.err")"
    note sqlite_skip "mount refused"
  else
    cp "$WORK/demo.sqlite" "$MNT/demo.sqlite"
    DB=$MNT/demo.sqlite
    "$BIN" serve --host 127.0.0.1 --port 8083 --database "$DB" >"$WORK/sqlite-app.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 120); do [ "$(code http://127.0.0.1:8083/healthz)" = 200 ] && break; sleep 0.5; done
    start_load sqlite http://127.0.0.1:8083 --sqlite "$DB" --seconds "$SQLITE_SECONDS"

    at 20
    dd if=/dev/zero of="$MNT/filler" bs=64k 2>"$WORK/dd.err" || true
    FULL_AT=$(now)
    grep -q 'No space left' "$WORK/dd.err" && pass "disk full: $FS, $(df -h --output=avail "$MNT" | tail -1 | tr -d ' ') left (dd: No space left on device)" \
      || fail "disk full: dd ended without ENOSPC: $(tail -1 "$WORK/dd.err")"
    : >"$WORK/probe.full.livez"; : >"$WORK/probe.full.healthz"
    while [ "$(since "$FULL_AT" | cut -d. -f1)" -lt 20 ]; do
      code http://127.0.0.1:8083/livez 2 >>"$WORK/probe.full.livez"; echo >>"$WORK/probe.full.livez"
      code http://127.0.0.1:8083/healthz 2 >>"$WORK/probe.full.healthz"; echo >>"$WORK/probe.full.healthz"
      sleep 0.5
    done
    rm -f "$MNT/filler"
    FREED_AT=$(now)
    note sqlite_full_seconds "$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1])))" "$FULL_AT" "$FREED_AT")"
    echo "+$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1])))" "$T0" "$FREED_AT") s: space freed after 20 s full"
    note sqlite_livez_full "$(tally <"$WORK/probe.full.livez")"
    note sqlite_healthz_full "$(tally <"$WORK/probe.full.healthz")"
    # /healthz writes a row (HealthProbe): while writes fail it must say so, as for PostgreSQL away.
    if grep -qx 503 "$WORK/probe.full.healthz" && ! grep -qvx '200\|503' "$WORK/probe.full.healthz"; then
      pass "/healthz while the disk was full: $(tally <"$WORK/probe.full.healthz") (503 while writes fail)"
    else
      fail "/healthz while the disk was full: $(tally <"$WORK/probe.full.healthz") (expected 503 while writes fail)"
    fi
    finish_load sqlite
    if kill -0 "$SERVER" 2>/dev/null && [ "$(code http://127.0.0.1:8083/livez)" = 200 ]; then
      pass "the server stayed up (pid $SERVER); /livez while the disk was full: $(tally <"$WORK/probe.full.livez"); /healthz: $(tally <"$WORK/probe.full.healthz")"
    else
      fail "the server did not survive the full disk: $(tail -5 "$WORK/sqlite-app.log")"
    fi
    # What the clients were told while the disk was full: answers (5xx), not resets or silence.
    read -r DURING CLEAN REASONS AFTER < <(python3 -c '
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1])]
full, freed = float(sys.argv[2]), float(sys.argv[3])
during = [e for e in entries if full <= e["wall"] <= freed + 5 and e["outcome"] in ("fail", "unknown")]
clean = [e for e in during if e["reason"].startswith("HTTP ")]
reasons = {}
for e in during:
    reasons[e["reason"]] = reasons.get(e["reason"], 0) + 1
after = sum(1 for e in entries if e["outcome"] == "ok" and e["wall"] > freed)
print(len(during), len(clean), ";".join(k.replace(chr(32), chr(95)) + "×" + str(v) for k, v in sorted(reasons.items())) or "-", after)
' "$WORK/sqlite.jsonl" "$FULL_AT" "$FREED_AT")
    note sqlite_failed_full "$DURING"
    note sqlite_ok_after "$AFTER"
    [ "$DURING" = "$CLEAN" ] && pass "requests refused while full: $DURING, each with an HTTP status (${REASONS//_/ })" \
      || fail "requests refused while full: $DURING, only $CLEAN with an HTTP status (${REASONS//_/ })"
    [ "$AFTER" -gt 0 ] && pass "after freeing the space, without a restart: $AFTER writes answered with success" \
      || fail "no write succeeded after the space was freed"
    INTEGRITY=$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1 | head -3 | tr '\n' ' ')
    [ "$INTEGRITY" = "ok " ] && pass "PRAGMA integrity_check while serving: ok" || fail "PRAGMA integrity_check while serving: $INTEGRITY"
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
    INTEGRITY=$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>&1 | head -3 | tr '\n' ' ')
    FK=$(sqlite3 "$DB" 'PRAGMA foreign_key_check' | wc -l)
    [ "$INTEGRITY" = "ok " ] && [ "$FK" = 0 ] && pass "after stopping: integrity_check ok, foreign_key_check empty" \
      || fail "after stopping: integrity_check $INTEGRITY, foreign_key_check $FK rows"
    grep -h -E '\[ (CRITICAL|ERROR) \]' "$WORK/sqlite-app.log" | sed -E 's/request-id: [A-F0-9-]+//; s/\[ (ERROR|CRITICAL) \] //' \
      | cut -c1-160 | sort | uniq -c | sort -rn | head -8 | sed 's/^/  app log: /' || true
    umount "$MNT"; MOUNTED=""
    [ -n "$LOOP_IMAGE" ] && { rm -f "$LOOP_IMAGE"; LOOP_IMAGE=""; }
  fi
fi

# ================================================================================================
echo
echo "== Summary (for a README)"
python3 - "$WORK" "$RESULTS" <<'EOF'
import json, os, sys
work, results = sys.argv[1], sys.argv[2]
notes = dict(line.rstrip("\n").split("=", 1) for line in open(results) if "=" in line)
print("| step | kind | answered with success | refused (nothing stored) | answer lost (may be stored) | stored as logged |")
print("|---|---|---|---|---|---|")
for step, name in (("PostgreSQL, kill -9 + restart", "pg"), ("SQLite, disk full", "sqlite")):
    path = os.path.join(work, f"{name}.json")
    if not os.path.exists(path):
        continue
    figures = json.load(open(path))
    for kind, s in figures["writes"].items():
        print(f"| {step} | {kind} | {s['ok']} | {s['fail']} | {s['unknown']} | {'PASS' if figures['passed'] else 'FAIL'} |")
print()
rows = [
    ("PostgreSQL: 8082 healthy again after kill -9", notes.get("pg_kill_back"), "s"),
    ("PostgreSQL stopped for", notes.get("pg_down_seconds"), "s"),
    ("PostgreSQL away: /healthz 8081", notes.get("pg_healthz_down_8081"), ""),
    ("PostgreSQL away: /healthz 8082", notes.get("pg_healthz_down_8082"), ""),
    ("PostgreSQL away: /livez 8081", notes.get("pg_livez_down"), ""),
    ("/healthz 200 again after PostgreSQL start, 8081", notes.get("pg_healthz_back_8081"), "s"),
    ("/healthz 200 again after PostgreSQL start, 8082", notes.get("pg_healthz_back_8082"), "s"),
    ("writes answered with success after PostgreSQL came back", notes.get("pg_ok_after"), ""),
    ("SQLite disk full for", notes.get("sqlite_full_seconds"), "s"),
    ("SQLite full: /livez", notes.get("sqlite_livez_full"), ""),
    ("SQLite full: /healthz", notes.get("sqlite_healthz_full"), ""),
    ("SQLite full: writes refused", notes.get("sqlite_failed_full"), ""),
    ("SQLite freed: writes answered with success afterwards", notes.get("sqlite_ok_after"), ""),
]
print("| observation | figure |")
print("|---|---|")
for label, value, unit in rows:
    if value is not None:
        print(f"| {label} | {value}{' ' + unit if unit and value != 'never' else ''} |")
EOF
echo
[ "$FAILED" = 0 ] && echo "all checks passed" || echo "some checks FAILED"
exit $FAILED
