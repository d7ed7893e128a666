#!/usr/bin/env bash
# Size benchmark of a release build: brotli (quality 11) sizes of the wasm, the JS and the CSS in
# dist/, written to bench/results/size.json. Reports the budget; never fails on it.
#
# Usage: bench/size.sh [DIST_DIR]   (default: dist; build it first with `cargo xtask build --release`)
# Needs the `brotli` command (Debian: apt-get install brotli; `cargo xtask test` installs it).
set -euo pipefail

cd "$(dirname "$0")/.."
dist="${1:-dist}"
out="bench/results/size.json"
budget_br=307200 # 300 KiB, brotli, wasm + js + css

command -v brotli >/dev/null || { echo "size.sh: the brotli command is missing: apt-get install -y brotli" >&2; exit 1; }
[ -d "$dist" ] || { echo "size.sh: no $dist/ directory: run a release build first" >&2; exit 1; }

shopt -s nullglob
# First load: everything at the top of dist/ but the whitelist import worker, which is only
# fetched when a file is imported (reported on its own as worker_br).
first_load() { local f; for f in "$@"; do [[ "$(basename "$f")" == whitelist-worker-* ]] || echo "$f"; done; }
mapfile -t wasm_files < <(first_load "$dist"/*.wasm)
mapfile -t js_files < <(first_load "$dist"/*.js)
css_files=("$dist"/*.css)
worker_files=("$dist"/whitelist-worker-*)
[ ${#wasm_files[@]} -gt 0 ] || { echo "size.sh: no .wasm in $dist/" >&2; exit 1; }

# Sum of brotli -q 11 sizes of the given files.
br_size() {
  local total=0 f
  for f in "$@"; do total=$((total + $(brotli -q 11 -c -- "$f" | wc -c))); done
  echo "$total"
}
raw_size() {
  local total=0 f
  for f in "$@"; do total=$((total + $(wc -c <"$f"))); done
  echo "$total"
}

wasm_br=$(br_size "${wasm_files[@]}")
js_br=$(br_size "${js_files[@]}")
css_br=$(br_size "${css_files[@]}")
wasm_raw=$(raw_size "${wasm_files[@]}")
worker_br=$( [ ${#worker_files[@]} -gt 0 ] && br_size "${worker_files[@]}" || echo 0)
total_br=$((wasm_br + js_br + css_br))
within=$([ "$total_br" -le "$budget_br" ] && echo true || echo false)

mkdir -p "$(dirname "$out")"
cat >"$out" <<EOF
{
  "measured_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "wasm_br": $wasm_br,
  "js_br": $js_br,
  "css_br": $css_br,
  "total_br": $total_br,
  "wasm_raw": $wasm_raw,
  "worker_br": $worker_br,
  "budget_br": $budget_br,
  "within_budget": $within
}
EOF

kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
echo "size (brotli q11): wasm $(kib "$wasm_br") (raw $(kib "$wasm_raw")), js $(kib "$js_br"), css $(kib "$css_br")"
echo "whitelist import worker (loaded on import only): $(kib "$worker_br")"
echo "total $(kib "$total_br") of budget $(kib "$budget_br"): $([ "$within" = true ] && echo "within budget" || echo "OVER BUDGET")"
echo "written to $out"
