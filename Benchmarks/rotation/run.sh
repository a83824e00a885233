#!/usr/bin/env bash
# Benchmarks/rotation/run.sh -- RotationSolver vs OR-Tools SimpleMinCostFlow vs LEMON NetworkSimplex.
#
# Generates the instances (shared/bench/gen_rotation_instance.py, seed 1), installs OR-Tools
# (pinned, PyPI, into a venv) and LEMON (Debian liblemon-dev) when missing, builds the runners
# and our solver (release), solves every instance 3 times with each solver, checks that all
# optimal costs agree, and prints a markdown table: solve seconds (median of 3, file reading
# excluded: each runner times itself), our ratio to the fastest reference, peak RSS
# (/usr/bin/time -v, max of the 3 runs) and our warm re-solve time after one pin.
#
# Environment:
#   SIZES       instances to run (default: tiny small mid large national small-dense mid-dense)
#   BENCH_DIR   work folder (default: <repo>/.build/bench-rotation)
#   SOLVER_BIN  our solve command (default: "<repo>/.build/release/SolverBench", built here)
#   GENERATOR   instance generator (default: <repo>/../shared/bench/gen_rotation_instance.py)
#   RUNS        runs per solver and instance (default 3)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
SIZES="${SIZES:-tiny small mid large national small-dense mid-dense}"
BENCH_DIR="${BENCH_DIR:-$REPO/.build/bench-rotation}"
GENERATOR="${GENERATOR:-$REPO/../shared/bench/gen_rotation_instance.py}"
RUNS="${RUNS:-3}"
ORTOOLS_VERSION="9.15.6755"

mkdir -p "$BENCH_DIR/instances" "$BENCH_DIR/bin" "$BENCH_DIR/logs"
log() { echo "[bench] $*" >&2; }

# ---------------------------------------------------------------- tools
need_apt_update=1
apt_install() {
    if [ "$need_apt_update" = 1 ]; then apt-get update -qq; need_apt_update=0; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
[ -x /usr/bin/time ] || { log "installing time"; apt_install time; }
dpkg -s liblemon-dev >/dev/null 2>&1 || { log "installing liblemon-dev"; apt_install liblemon-dev; }
command -v g++ >/dev/null || { log "installing g++"; apt_install g++; }

VENV="$BENCH_DIR/venv"
if ! "$VENV/bin/python" -c "import ortools, sys; sys.exit(ortools.__version__ != '$ORTOOLS_VERSION')" 2>/dev/null; then
    log "creating venv with ortools==$ORTOOLS_VERSION"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "ortools==$ORTOOLS_VERSION"
fi

LEMON_BIN="$BENCH_DIR/bin/lemon_runner"
if [ ! -x "$LEMON_BIN" ] || [ "$HERE/lemon_runner.cpp" -nt "$LEMON_BIN" ]; then
    log "compiling lemon_runner"
    g++ -O2 -std=c++17 -o "$LEMON_BIN" "$HERE/lemon_runner.cpp"
fi

if [ -z "${SOLVER_BIN:-}" ]; then
    log "building SolverBench (release)"
    (cd "$REPO" && swift build -c release --product SolverBench >&2)
    SOLVER_BIN="$REPO/.build/release/SolverBench"
fi
read -r -a SOLVER_CMD <<<"$SOLVER_BIN"

# ---------------------------------------------------------------- instances
instance_file() {
    local name="$1" f="$BENCH_DIR/instances/$1.txt"
    if [ ! -s "$f" ]; then
        log "generating $name"
        case "$name" in
            *-dense) python3 "$GENERATOR" --size "${name%-dense}" --dense --seed 1 -o "$f" 2>>"$BENCH_DIR/logs/generate.log" ;;
            *)       python3 "$GENERATOR" --size "$name" --seed 1 -o "$f" 2>>"$BENCH_DIR/logs/generate.log" ;;
        esac
    fi
    echo "$f"
}

# ---------------------------------------------------------------- running
# run_timed OUTFILE cmd... -> stdout of cmd in OUTFILE, prints peak RSS in KB
run_timed() {
    local out="$1"; shift
    local tv="$out.time"
    /usr/bin/time -v -o "$tv" "$@" >"$out" 2>"$out.err" || {
        log "FAILED: $* (see $out.err)"; cat "$out.err" >&2; return 1; }
    awk -F': ' '/Maximum resident set size/ {print $2}' "$tv"
}
field() { # field NAME FILE -> value of NAME=... in FILE
    grep -o "$1=[^ ]*" "$2" | head -1 | cut -d= -f2
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maxval() { printf '%s\n' "$@" | sort -g | tail -1; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k/1024}'; }

MACHINE="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
DATE="$(date -u +%Y-%m-%dT%H:%MZ)"
RESULTS="$BENCH_DIR/results.md"
status=0
{
    echo "Rotation solver benchmark, $DATE, $MACHINE; median of $RUNS runs; solve seconds exclude file reading."
    echo
    echo "| instance | S | J | E | OR-Tools s | LEMON s | ours s | ours / fastest ref | RSS OR-Tools MB | RSS LEMON MB | RSS ours MB | warm after pin s | warm / cold |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} | tee "$RESULTS"

for name in $SIZES; do
    f="$(instance_file "$name")"
    read -r S J E < <(head -1 "$f")
    o=(); l=(); w=(); ws=(); ro=(); rl=(); rw=()
    costs=""
    for ((i = 1; i <= RUNS; i++)); do
        tmp="$BENCH_DIR/logs/$name.$i"
        rss=$(run_timed "$tmp.ortools" "$VENV/bin/python" "$HERE/ortools_runner.py" "$f"); ro+=("$rss")
        o+=("$(field seconds "$tmp.ortools")"); costs+=" $(field cost "$tmp.ortools")"
        rss=$(run_timed "$tmp.lemon" "$LEMON_BIN" "$f"); rl+=("$rss")
        l+=("$(field seconds "$tmp.lemon")"); costs+=" $(field cost "$tmp.lemon")"
        rss=$(run_timed "$tmp.ours" "${SOLVER_CMD[@]}" "$f"); rw+=("$rss")
        w+=("$(field seconds "$tmp.ours")"); costs+=" $(field cost "$tmp.ours")"
        ws+=("$(field warm_seconds "$tmp.ours")")
    done
    distinct=$(printf '%s\n' $costs | sort -u | wc -l)
    if [ "$distinct" != 1 ]; then
        log "COST MISMATCH on $name:$costs"
        status=1
    fi
    mo=$(median "${o[@]}"); ml=$(median "${l[@]}"); mw=$(median "${w[@]}"); mws=$(median "${ws[@]}")
    ratio=$(awk -v a="$mw" -v b="$mo" -v c="$ml" 'BEGIN {m = b < c ? b : c; printf "%.2f", a / m}')
    wr=$(awk -v a="$mws" -v b="$mw" 'BEGIN {printf "%.1f%%", 100 * a / b}')
    printf '| %s | %s | %s | %s | %.4f | %.4f | %.4f | %s | %s | %s | %s | %.4f | %s |\n' \
        "$name" "$S" "$J" "$E" "$mo" "$ml" "$mw" "$ratio" \
        "$(mb "$(maxval "${ro[@]}")")" "$(mb "$(maxval "${rl[@]}")")" "$(mb "$(maxval "${rw[@]}")")" \
        "$mws" "$wr" | tee -a "$RESULTS"
done
if [ "$status" = 0 ]; then
    echo | tee -a "$RESULTS"
    echo "All optimal costs agree across the three solvers and all runs." | tee -a "$RESULTS"
fi
log "table saved to $RESULTS"
exit "$status"
