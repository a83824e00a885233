#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (release, -sanitize=fuzzer,address) and runs each for
# SECONDS seconds (default 60), starting from a copy of its seed corpus in Fuzz/Corpus so the
# repository's corpus is not changed, with its token dictionary from Fuzz/Dictionaries if any.
# Prints executions, exec/s, coverage (cov, ft) and the outcome per target; exits non-zero
# when any target crashed, timed out or ran out of memory.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]
#
# A crashing input is kept in .build-fuzz/artifacts/; reproduce it with
#   SWIFT_BACKTRACE=enable=no .build-fuzz/release/<Target> <file>
# Environment: FUZZ_SCRATCH (build directory, default <repo>/.build-fuzz).
set -euo pipefail

FUZZ_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO="$(dirname "$FUZZ_DIR")"
SCRATCH="${FUZZ_SCRATCH:-$REPO/.build-fuzz}"
DURATION="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(CSVImportFuzzer JapaneseDateFuzzer InstanceFuzzer FormFieldFuzzer MultipartFuzzer)
fi

# `--sanitize=fuzzer` makes SwiftPM link libFuzzer's main in place of the executables' own
# entry point, but SwiftPM passes it and `--sanitize=address` as two -sanitize flags, of which
# swiftc keeps only the last, so nothing would be instrumented for coverage. The combined
# flag, which comes after them on every compile and link line, gives both.
echo "=== Building the fuzz targets (release, -sanitize=fuzzer,address)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
build_start=$(date +%s)
build_status=0
(cd "$FUZZ_DIR" && swift build -c release --scratch-path "$SCRATCH" \
  --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address) >"$WORK/build.log" 2>&1 || build_status=$?
# Progress lines and the linker's harmless note about an ASan symbol are left out.
grep -vE '^\[[0-9]+/[0-9]+\]|Cannot export local symbol .__asan_extra_spill_area.' "$WORK/build.log" || true
[ "$build_status" -eq 0 ] || exit "$build_status"
echo "build: $(( $(date +%s) - build_start )) s"
BIN="$(cd "$FUZZ_DIR" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)"
ARTIFACTS="$SCRATCH/artifacts"
mkdir -p "$ARTIFACTS"

# Swift's own crash backtracer would fight libFuzzer's and ASan's signal handlers.
export SWIFT_BACKTRACE=enable=no

failed=0
summary=()
for target in "${TARGETS[@]}"; do
  echo "=== $target: ${DURATION} s"
  corpus="$WORK/$target"
  mkdir -p "$corpus"
  cp "$FUZZ_DIR/Corpus/$target/"* "$corpus/"
  log="$WORK/$target.log"
  dict=()
  if [ -f "$FUZZ_DIR/Dictionaries/$target.dict" ]; then
    dict=(-dict="$FUZZ_DIR/Dictionaries/$target.dict")
  fi
  status=0
  # -timeout: an input taking 10 s is a hang; -rss_limit_mb also caps a single allocation.
  "$BIN/$target" "$corpus" -max_total_time="$DURATION" -rss_limit_mb=2048 -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$ARTIFACTS/$target-" "${dict[@]}" >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  corp=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | cut -d' ' -f2)
  if [ "$status" -eq 0 ]; then
    outcome="no crash"
  else
    failed=1
    outcome="FAILED (exit $status)"
    grep -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|Fatal error|Test unit written' "$log" || tail -30 "$log"
  fi
  line=$(printf '%-20s %12s %9s %7s %7s %11s  %s' "$target" "${executions:-?}" "${rate:-?}" \
    "${cov:-?}" "${ft:-?}" "${corp:-?}" "$outcome")
  echo "$line"
  summary+=("$line")
done

echo
printf '%-20s %12s %9s %7s %7s %11s  %s\n' target executions exec/s cov ft corpus outcome
printf '%s\n' "${summary[@]}"
exit "$failed"
