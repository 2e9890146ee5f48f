#!/usr/bin/env bash
# Builds the embedding outputs from the web build (scripts/build-web.sh, run first if www/pkg is
# missing or with --web): the npm package's module in npm/pkg/ (the same optimised module as the
# page), and www/crossfoot-api.js (the package's entry, served beside www/pkg for the example page).
# Usage: scripts/build-embed.sh [--web]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--web" ] || [ ! -f www/pkg/crossfoot_bg.wasm ] || [ ! -f www/pkg/crossfoot.js ]; then
  scripts/build-web.sh
fi

crate_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
package_version=$(node -p "require('./npm/package.json').version")
if [ "$crate_version" != "$package_version" ]; then
  echo "build-embed: npm/package.json has version $package_version but Cargo.toml has $crate_version" >&2
  exit 1
fi

mkdir -p npm/pkg
cp www/pkg/crossfoot.js www/pkg/crossfoot_bg.wasm npm/pkg/
cp npm/index.js www/crossfoot-api.js
echo "npm/pkg: $(wc -c <npm/pkg/crossfoot_bg.wasm) bytes of wasm; www/crossfoot-api.js copied from npm/index.js"
