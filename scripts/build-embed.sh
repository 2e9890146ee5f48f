#!/usr/bin/env bash
# Builds the embedding outputs from the web build (scripts/build-web.sh, run first if www/pkg is
# missing or with --web), all with the same optimised module as the page:
#   npm/pkg/, npm/pkg-extract/  the npm package's modules: checker (the batch module, www/pkg-batch:
#                               check and checkMany in one), text extraction (npm/ is then the package)
#   dist/crossfoot-X.Y.Z.tgz    the npm package, packed: `npm install path/to/it.tgz`
#   dist/embed/                 the files a site copies for <crossfoot-report> and embed.html
#   www/crossfoot-api.js        the package's entry beside www/pkg, for www/embed-example.html
# Usage: scripts/build-embed.sh [--web]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--web" ] || [ ! -f www/pkg/crossfoot_bg.wasm ] || [ ! -f www/pkg-batch/crossfoot_bg.wasm ] ||
  [ ! -f www/pkg-extract/crossfoot_bg.wasm ]; then
  scripts/build-web.sh
fi

crate_version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
package_version=$(node -p "require('./npm/package.json').version")
if [ "$crate_version" != "$package_version" ]; then
  echo "build-embed: npm/package.json has version $package_version but Cargo.toml has $crate_version" >&2
  exit 1
fi

mkdir -p npm/pkg npm/pkg-extract
cp www/pkg-batch/crossfoot.js www/pkg-batch/crossfoot_bg.wasm npm/pkg/
cp www/pkg-extract/crossfoot.js www/pkg-extract/crossfoot_bg.wasm npm/pkg-extract/
cp www/lazy-verdict.js npm/   # the package's check() builds its verdict with it (www/ is its source)
# The package's schema(): the committed schema file as a module (JSON is JavaScript), minified.
node -e 'const fs = require("fs"); const schema = JSON.parse(fs.readFileSync("schema/crossfoot-v1.schema.json", "utf8"));
fs.writeFileSync(process.argv[1], "// Written by scripts/build-embed.sh from schema/crossfoot-v1.schema.json.\nexport default " + JSON.stringify(schema) + ";\n");' npm/schema.js
cp npm/schema.js www/schema.js   # beside www/crossfoot-api.js
# Beside www/pkg-batch (the package's checker, with checkMany) rather than www/pkg.
sed 's#\./pkg/#./pkg-batch/#g' npm/index.js >www/crossfoot-api.js

rm -rf dist/embed
mkdir -p dist/embed/pkg
cp www/crossfoot-element.js www/render.js www/dom.js www/table-view.js www/i18n.js www/embed.html www/embed.js dist/embed/
cp www/pkg/crossfoot.js www/pkg/crossfoot_bg.wasm dist/embed/pkg/

rm -f dist/crossfoot-*.tgz
tarball=$(cd npm && npm pack --silent --pack-destination ../dist)
echo "npm/pkg and dist/$tarball: $(wc -c <npm/pkg/crossfoot_bg.wasm) bytes of wasm"
echo "dist/embed/: $(cd dist/embed && find . -type f | sort | tr '\n' ' ')"
