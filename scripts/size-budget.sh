#!/usr/bin/env bash
# Fails (exit 1) when the optimised module is over budget: 200 KB raw or 80 KB gzipped
# (KB = 1000 bytes). Prints both figures. Run after scripts/build-web.sh.
# Usage: scripts/size-budget.sh [path/to/module.wasm]
set -euo pipefail
cd "$(dirname "$0")/.."

WASM=${1:-www/pkg/crossfoot_bg.wasm}
RAW_LIMIT=200000
GZIP_LIMIT=80000

if [ ! -f "$WASM" ]; then
  echo "size-budget: $WASM not found: run scripts/build-web.sh first" >&2
  exit 1
fi
raw=$(wc -c <"$WASM")
gz=$(gzip -9 -c "$WASM" | wc -c)
printf 'wasm size: %d bytes raw (budget %d), %d bytes gzipped (budget %d)\n' "$raw" "$RAW_LIMIT" "$gz" "$GZIP_LIMIT"
status=0
if [ "$raw" -gt "$RAW_LIMIT" ]; then echo "size-budget: FAIL: raw size over budget" >&2; status=1; fi
if [ "$gz" -gt "$GZIP_LIMIT" ]; then echo "size-budget: FAIL: gzipped size over budget" >&2; status=1; fi
[ "$status" -eq 0 ] && echo "size-budget: ok"
exit "$status"
