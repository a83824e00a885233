#!/usr/bin/env bash
# Staff CSV import benchmark: dry run and apply of a 50,000-staff CP932 file through
# `jibungoto import staff`, against the same file loaded by the sqlite3 shell's `.import`
# (the reference, measured in the same run). Also the staff list page latency for that city.
#
#   bash Benchmarks/import/run.sh            (ROWS=50000 by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-50000}
WORK=.build/bench-import
mkdir -p "$WORK"
command -v sqlite3 >/dev/null || { apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

swift build -c release --product jibungoto >/dev/null
BIN=$(swift build -c release --show-bin-path)/jibungoto
CSV="$WORK/staff-$ROWS.csv"
python3 Benchmarks/import/generate_staff_csv.py --rows "$ROWS" --encoding cp932 -o "$CSV"
iconv -f CP932 -t UTF-8 "$CSV" > "$WORK/staff-utf8.csv"

measure() {  # label, command… → "seconds peak_kib"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/$label.err" || { cat "$WORK/$label.err"; exit 1; }
  cat "$WORK/time.txt"
}

rm -f "$WORK/ref.sqlite" "$WORK/app.sqlite"
read -r ref_s ref_kib < <(measure reference sqlite3 "$WORK/ref.sqlite" ".mode csv" ".import $WORK/staff-utf8.csv staff")
"$BIN" migrate --database "$WORK/app.sqlite" >/dev/null
read -r dry_s dry_kib < <(measure dryrun "$BIN" import staff "$CSV" --dry-run --database "$WORK/app.sqlite")
read -r apply_s apply_kib < <(measure apply "$BIN" import staff "$CSV" --database "$WORK/app.sqlite")

printf '\n%-28s %10s %8s %12s\n' "step ($ROWS rows, CP932)" seconds ratio "peak MiB"
printf '%-28s %10s %8s %12.1f\n' "sqlite3 .import (reference)" "$ref_s" "1.00" "$(echo "$ref_kib/1024" | bc -l)"
printf '%-28s %10s %8.2f %12.1f\n' "jibungoto dry run" "$dry_s" "$(echo "$dry_s/$ref_s" | bc -l)" "$(echo "$dry_kib/1024" | bc -l)"
printf '%-28s %10s %8.2f %12.1f\n' "jibungoto apply" "$apply_s" "$(echo "$apply_s/$ref_s" | bc -l)" "$(echo "$apply_kib/1024" | bc -l)"

# Staff list latency for this city, signed in as an HR account.
PASS=bench-password-1
echo "$PASS" | "$BIN" create-account --staff-number BENCH --name "Bench HR" --role hr --database "$WORK/app.sqlite" >/dev/null 2>&1
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
LOG_LEVEL=error "$BIN" serve --port "$PORT" --database "$WORK/app.sqlite" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done
JAR="$WORK/cookies"; rm -f "$JAR"
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "_csrf=$TOKEN" -d "staff_number=BENCH&password=$PASS" "http://127.0.0.1:$PORT/login"
for path in "/organization/staff" "/organization/staff?sort=kana&page=200" "/organization/staff?q=%E3%81%95%E3%81%A8%E3%81%86" "/organization/staff?job_type=%E4%BA%8B%E5%8B%99&sort=yearsInPost"; do
  for i in $(seq 21); do
    curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$PORT$path"
  done > "$WORK/latency.txt"
  grep -qv '^200 ' "$WORK/latency.txt" && { echo "unexpected status for $path"; cat "$WORK/latency.txt"; exit 1; }
  median=$(awk '{print $2}' "$WORK/latency.txt" | sort -n | sed -n 11p)
  printf 'staff list %-60s median %.1f ms\n' "$path" "$(echo "$median*1000" | bc -l)"
done
