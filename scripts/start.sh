#!/usr/bin/env bash
# The main job: builds the page (and dist/crossfoot.html, the single offline file, and the embedding
# files) and serves it with the Qingpu 2017 example already checked; /embed-example.html shows the
# three ways to embed it. Installs what it needs first (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup.sh
scripts/build-web.sh
scripts/build-embed.sh
exec node scripts/serve.mjs
