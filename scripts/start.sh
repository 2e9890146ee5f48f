#!/usr/bin/env bash
# The main job: builds the page (and dist/crossfoot.html, the single offline file) and serves it
# with the Qingpu 2017 example already checked. Installs what it needs first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
scripts/build-web.sh
exec node scripts/serve.mjs
