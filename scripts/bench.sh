#!/usr/bin/env bash
# Checking speed, native and WebAssembly, on the same files (reports; asserts nothing about time).
# Writes generated consistent reports (benches/throughput.rs's generator) to target/bench/, then:
#   - the native CLI (`crossfoot check --format json FILE > /dev/null`, release profile): time, MB/s;
#   - Node.js and Chromium (benches/compare.mjs, the www/pkg module): JSON.parse vs check() on the
#     same text in one process, their ratio, MB/s, the wasm/native ratio, and the module's compile +
#     instantiate time in Chromium.
# Run scripts/build-web.sh first (the module) and scripts/setup.sh --browsers (Chromium).
# Usage: scripts/bench.sh [--node|--chromium] [N ...]   (N facts; default 1000 10000 100000 1000000)
# The machine is shared: read the ratios (taken in one process), not the absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

where=()
sizes=()
for arg in "$@"; do
  case "$arg" in
    --node | --chromium) where+=("$arg") ;;
    *) sizes+=("$arg") ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000 1000000)
if [ ! -f www/pkg/crossfoot_bg.wasm ]; then
  echo "bench: www/pkg/crossfoot_bg.wasm not found: run scripts/build-web.sh first" >&2
  exit 1
fi

mkdir -p target/bench
files=(examples/qingpu-2017.json)
for n in "${sizes[@]}"; do
  [ -f "target/bench/report-$n.json" ] || cargo bench -q --bench throughput -- --write target/bench "$n" >/dev/null
  files+=("target/bench/report-$n.json")
done

cargo build -q --release
cli=target/release/crossfoot
echo "== native CLI ($cli check --format json FILE > /dev/null; median of 3)"
native=()
for file in "${files[@]}"; do
  times=()
  for _ in 1 2 3; do
    start=$(date +%s%N)
    "$cli" check --format json "$file" >/dev/null || [ $? -eq 1 ]
    times+=($(( ($(date +%s%N) - start) / 1000 )))
  done
  us=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
  bytes=$(wc -c <"$file")
  awk -v f="$(basename "$file")" -v b="$bytes" -v us="$us" \
    'BEGIN { printf "native   %-24s %7.2f MB  %9.2f ms  %6.1f MB/s\n", f, b / 1e6, us / 1000, b / us }'
  native+=("$(basename "$file")=$((us))")
done

echo "== WebAssembly (node benches/compare.mjs)"
NATIVE_US="${native[*]}" node benches/compare.mjs "${where[@]}" "${files[@]}"
