#!/usr/bin/env bash
# Runs every test of the embedding surfaces (issue 4): the npm package in Node.js 20
# (tests/node/), the TypeScript check of its types against real verdicts (tests/types/), and the
# <crossfoot-report> element, the embed.html iframe and the example page in Chromium
# (tests/browser/embed.test.mjs). Installs and builds what it needs first (idempotent).
# Usage: scripts/test-embed.sh [--no-build] [--no-browser]
#   --no-build    www/pkg is fresh already (scripts/build-web.sh has just run): do not rebuild it
#   --no-browser  skip tests/browser/embed.test.mjs (when `npm run test:browser` runs it anyway)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

build=1
browser=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    --no-browser) browser=0 ;;
    *) echo "test-embed: unknown option $arg" >&2; exit 2 ;;
  esac
done

step() { printf '\n== %s\n' "$*"; }

step "install (scripts/setup.sh --browsers)"
scripts/setup.sh --browsers
if [ ! -x npm/node_modules/.bin/tsc ]; then
  step "npm ci in npm/ (typescript)"
  (cd npm && npm ci --no-audit --no-fund)
fi

if [ "$build" = 1 ]; then
  step "web build"
  scripts/build-web.sh
fi
step "npm package (scripts/build-embed.sh)"
scripts/build-embed.sh

step "the CLI, for real verdicts"
cargo build --quiet --bin crossfoot

step "TypeScript: tsc --noEmit --strict against real verdicts"
node tests/types/generate-fixtures.mjs
npm/node_modules/.bin/tsc --noEmit --strict -p tests/types
echo "tsc: ok"

step "npm package in Node.js $(node --version)"
node --test tests/node/

if [ "$browser" = 1 ]; then
  step "component, iframe and example page in Chromium"
  node --test tests/browser/embed.test.mjs
fi

printf '\nembed: all tests passed\n'
