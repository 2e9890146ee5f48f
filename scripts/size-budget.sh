#!/usr/bin/env bash
# Fails (exit 1) when an optimised module is over budget: 200 KB raw or 80 KB gzipped each
# (KB = 1000 bytes). Prints the figures of every module. Run after scripts/build-web.sh.
# Usage: scripts/size-budget.sh [path/to/module.wasm ...]   (default: the checker and the text import)
set -euo pipefail
cd "$(dirname "$0")/.."

RAW_LIMIT=200000
GZIP_LIMIT=80000
if [ "$#" -eq 0 ]; then
  set -- www/pkg/crossfoot_bg.wasm www/pkg-extract/crossfoot_bg.wasm
fi

status=0
for wasm in "$@"; do
  if [ ! -f "$wasm" ]; then
    echo "size-budget: $wasm not found: run scripts/build-web.sh first" >&2
    exit 1
  fi
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  printf '%s: %d bytes raw (budget %d), %d bytes gzipped (budget %d)\n' "$wasm" "$raw" "$RAW_LIMIT" "$gz" "$GZIP_LIMIT"
  if [ "$raw" -gt "$RAW_LIMIT" ]; then echo "size-budget: FAIL: $wasm: raw size over budget" >&2; status=1; fi
  if [ "$gz" -gt "$GZIP_LIMIT" ]; then echo "size-budget: FAIL: $wasm: gzipped size over budget" >&2; status=1; fi
done
[ "$status" -eq 0 ] && echo "size-budget: ok"
exit "$status"
