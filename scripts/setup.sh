#!/usr/bin/env bash
# Installs everything the build and the tests need. Idempotent: skips what is already there.
# Usage: scripts/setup.sh [--browsers]   (--browsers also installs Chromium, Firefox ESR and the npm tools)
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The web build rebuilds std for size with nightly (scripts/build-web.sh); it falls back to stable.
has_nightly_build_std() {
  rustup target list --toolchain nightly --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' &&
    rustup component list --toolchain nightly --installed 2>/dev/null | grep -q '^rust-src'
}
if [ "${1:-}" = "--has-nightly-build-std" ]; then
  has_nightly_build_std
  exit
fi
if rustup toolchain list | grep -q '^nightly' && ! has_nightly_build_std; then
  step "rustup: rust-src and the wasm32 target for nightly"
  rustup component add rust-src --toolchain nightly || true
  rustup target add wasm32-unknown-unknown --toolchain nightly || true
fi

if ! command -v wasm-pack >/dev/null; then
  step "cargo install wasm-pack"
  cargo install wasm-pack
fi

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ "${1:-}" = "--browsers" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)   # Chinese text in screenshots
  if [ ${#need[@]} -gt 0 ]; then
    step "apt-get install ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q "${need[@]}"
  fi
fi

# The npm tools: binaryen's wasm-opt for the web build, pdfjs-dist (the page's PDF reader), playwright-core and puppeteer-core for the
# browser tests (neither downloads a browser). Needed by scripts/build-web.sh with or without --browsers.
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/puppeteer-core ] || [ ! -d node_modules/binaryen ] || [ ! -d node_modules/pdfjs-dist ]; then
  step "npm ci"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
