#!/usr/bin/env bash
# Runs every test: formatting, lints, Rust unit/integration/CLI tests, the wasm32 build of the
# core, the web build with its size budget, and the browser tests (Chromium and Firefox).
# Installs what it needs first (idempotent), so it works on a machine that has never seen the project.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

step "install (scripts/setup.sh --browsers)"
scripts/setup.sh --browsers

step "rustfmt"
cargo fmt --all -- --check

step "clippy"
cargo clippy --all-targets --quiet -- -D warnings

step "core builds for wasm32-unknown-unknown"
cargo check --lib --target wasm32-unknown-unknown --quiet
cargo check --lib --target wasm32-unknown-unknown --features wasm-extract --quiet

step "cargo test"
cargo test --quiet 2>&1 | tee target/cargo-test.log

step "web build and size budget"
scripts/build-web.sh
scripts/build-embed.sh   # npm/pkg, dist/embed/, dist/crossfoot-*.tgz: used by tests/browser/embed.test.mjs
scripts/size-budget.sh

step "browser tests"
npm run --silent test:browser

step "embedding: the npm package in Node.js, its types with tsc (issue 4)"
scripts/test-embed.sh --no-build --no-browser   # its browser tests ran above, in tests/browser/

# One closing line that counts everything (cargo's and node's own summaries are above).
passed=$(grep -Eo '[0-9]+ passed' target/cargo-test.log | awk '{s+=$1} END {print s+0}')
printf '\nrust: %s passed, 0 failed\n' "$passed"
