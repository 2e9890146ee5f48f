#!/usr/bin/env bash
# Builds the web page: the WebAssembly module into www/pkg (optimised with binaryen's wasm-opt),
# the example into www/example.json, and the single self-contained file dist/crossfoot.html
# (module, worker, example, script and style inlined; CSP by hash; works from file://).
# Usage: scripts/build-web.sh [--browsers]   (the flag is passed on to scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

scripts/setup.sh "$@"

step() { printf '\n== %s\n' "$*"; }

# strip = true (the release profile, for the CLI) would drop the target_features section wasm-bindgen
# reads; wasm-opt strips the names afterwards.
export CARGO_PROFILE_RELEASE_STRIP=false
# The release profile is opt-level 3 for the CLI's speed; the modules are built for size.
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
if scripts/setup.sh --has-nightly-build-std; then
  NIGHTLY=1
else
  NIGHTLY=0
  echo "warning: nightly with rust-src is not available; building with stable's std (larger modules)" >&2
fi

# Three modules from the one crate, each as small as it can be: the checker (www/pkg/), the batch
# module (www/pkg-batch/, feature wasm-batch: the checker and `checkMany`, whose cross-year links
# cost the checker 11 KB / 4.8 KB gzipped), which a page loads only when several files are checked
# together, and the text import (www/pkg-extract/, feature wasm-extract: `extract` only), which a
# page loads only when it reads text. Link-time optimisation keeps in each only what it exports.
# Usage: build_module OUT_DIR [cargo arguments]
# EXTRA_RUSTFLAGS: more flags for rustc, for one module.
build_module() {
  local out_dir=$1 out_name=crossfoot
  shift
  if [ "$NIGHTLY" = 1 ]; then
    # std rebuilt for size, with panics that abort at once (the module never panics on input, and
    # the page re-creates it if it ever traps): about 10% smaller than with stable's prebuilt std.
    # optimize_for_size picks core's and alloc's smaller algorithms (sorting, formatting): about
    # 6 KB less; results are the same (every sort in the crate has a total order).
    # -Zlocation-detail=none and -Zfmt-debug=none: no file names for panics that abort anyway,
    # and no `Debug` formatting (nothing the modules return is written with `{:?}`).
    step "wasm-pack build $out_dir/$out_name (nightly, build-std) $*"
    RUSTUP_TOOLCHAIN=nightly RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none ${EXTRA_RUSTFLAGS:-}" \
      CARGO_TARGET_DIR=target/wasm-build-std \
      wasm-pack build --release --target web --out-dir "$out_dir" --out-name "$out_name" --no-pack . \
      -- -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size "$@"
  else
    step "wasm-pack build $out_dir/$out_name $*"
    RUSTFLAGS="${EXTRA_RUSTFLAGS:-}" \
      wasm-pack build --release --target web --out-dir "$out_dir" --out-name "$out_name" --no-pack . -- "$@"
  fi
  local wasm="$out_dir/${out_name}_bg.wasm" raw
  raw=$(wc -c <"$wasm")
  # Flattening and re-looping the control flow before two -Oz rounds saves about 1 KB more than
  # one -Oz, raw and gzipped (the module has a size budget); it takes some seconds longer.
  # Merging similar functions first (std's many near-identical monomorphizations) and -Oz until
  # nothing changes (--converge) take 0.6 KB raw / 0.8 KB gzipped more off the checker.
  node_modules/.bin/wasm-opt --merge-similar-functions --flatten --rereloop -Oz -Oz --converge \
    --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-reference-types \
    --enable-multivalue --enable-sign-ext \
    "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  echo "$wasm: $raw bytes from wasm-pack, $(wc -c <"$wasm") after wasm-opt, $(gzip -9 -c "$wasm" | wc -c) gzipped"
}

build_module www/pkg-extract --features wasm-extract
# The checker last, so that target/ holds its build. At opt-level "z" LLVM inlines almost nothing
# (not even std's str equality or Layout checks); a threshold of 40 makes check() about 18% faster
# for 2.7 KB (1.1 KB gzipped) more; 100, or opt-level "s", about 30% faster for 30 KB more
# (benches/compare.mjs --baseline, scripts/bench.sh; README "Speed and size").
EXTRA_RUSTFLAGS="-Cllvm-args=-inline-threshold=40" build_module www/pkg-batch --features wasm-batch
EXTRA_RUSTFLAGS="-Cllvm-args=-inline-threshold=40" build_module www/pkg
# Which std the modules were built with: scripts/size-budget.sh allows stable's prebuilt std more.
if [ "$NIGHTLY" = 1 ]; then echo nightly-build-std; else echo stable; fi >www/pkg/built-with

step "www/example.json"
if [ -f examples/qingpu-2017.json ]; then
  cp examples/qingpu-2017.json www/example.json
else
  echo "examples/qingpu-2017.json is not there yet: using tests/browser/fixtures/small-report.json" >&2
  cp tests/browser/fixtures/small-report.json www/example.json
fi

step "www/vendor/pdfjs (pdf.js from npm pdfjs-dist, for PDFs)"
# Loaded only when a PDF arrives (www/pdf-text.js). The CMaps let it read Chinese fonts that a PDF
# names without embedding them.
rm -rf www/vendor/pdfjs
mkdir -p www/vendor/pdfjs/cmaps
cp node_modules/pdfjs-dist/build/pdf.min.mjs node_modules/pdfjs-dist/build/pdf.worker.min.mjs node_modules/pdfjs-dist/LICENSE www/vendor/pdfjs/
cp node_modules/pdfjs-dist/cmaps/*.bcmap www/vendor/pdfjs/cmaps/

step "dist/crossfoot.html"
mkdir -p dist
node --input-type=module - <<'EOF'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

const read = (path) => readFileSync(path, 'utf8');
const fail = (message) => { console.error(`build-web: ${message}`); process.exit(1); };
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Removes one exact line from a source, failing loudly if the source no longer has it. */
function without(source, line, file) {
  if (!source.includes(line)) fail(`${file} no longer contains: ${line}`);
  return source.replace(line, '');
}

// The page's modules, in dependency order, as one module: their imports of each other removed
// (every local import must name a module listed before it).
const MODULES = ['i18n.js', 'dom.js', 'table-view.js', 'render.js', 'template-form.js', 'text-view.js', 'document-view.js', 'batch-view.js', 'pdf-text.js', 'lazy-verdict.js', 'app.js'];
const LOCAL_IMPORT = /^import \{[^}]*\} from '\.\/([\w-]+\.js)';\n/gm;
let app = '';
for (const [index, file] of MODULES.entries()) {
  let source = read(`www/${file}`);
  source = source.replace(LOCAL_IMPORT, (line, name) => {
    if (!MODULES.slice(0, index).includes(name)) fail(`${file} imports ${name}, which is not bundled before it`);
    return '';
  });
  if (/^\s*import\s/m.test(source)) fail(`${file} has an import the bundler does not know`);
  app += `// ---- ${file} ----\n${source.replace(/^export /gm, '')}\n`;
}
// pdf-text.js is in the bundle (it is small); pdf.js itself stays an inert block until a PDF comes.
const LOAD_PDF = "const loadPdfText = () => import('./pdf-text.js');";
if (!app.includes(LOAD_PDF)) fail('app.js no longer loads ./pdf-text.js as expected: update build-web.sh');
app = app.replace(LOAD_PDF, () => 'const loadPdfText = () => Promise.resolve({ pdfToText });');

// The worker, as a classic script (Chromium refuses a module worker from a blob: URL on a file://
// page): the module's glue code with its exports removed, then worker.js without its import. The
// single file's checker is the batch module (the checker and checkMany): one module rather than
// two, and the file is no larger than with the checker alone and the batch module beside it.
let glue = read('www/pkg-batch/crossfoot.js');
glue = without(glue, 'export { initSync, __wbg_init as default };', 'crossfoot.js');
// The module's exported functions, gathered into the `core` object worker.js imports them as.
const exported = [...glue.matchAll(/^export function (\w+)/gm)].map((match) => match[1]);
glue = glue.replace(/^export (function|async function|class|const|let) /gm, '$1 ');
glue = glue.replace(/import\.meta\.url/g, 'self.location.href'); // only for a default path; the bytes are always given
if (/^\s*(export|import)\s/m.test(glue)) fail('crossfoot.js has an export or import the bundler does not know');
// The extraction module's glue, the same way, inside a function of its own (its names are the
// checking module's names too): worker.js loads it the first time a text is read.
let extractGlue = read('www/pkg-extract/crossfoot.js');
extractGlue = without(extractGlue, 'export { initSync, __wbg_init as default };', 'pkg-extract/crossfoot.js');
const extractExported = [...extractGlue.matchAll(/^export function (\w+)/gm)].map((match) => match[1]);
if (!extractExported.includes('extract')) fail('www/pkg-extract has no extract(): build it with --features wasm-extract');
extractGlue = extractGlue.replace(/^export (function|async function|class|const|let) /gm, '$1 ');
extractGlue = extractGlue.replace(/import\.meta\.url/g, 'self.location.href');
if (/^\s*(export|import)\s/m.test(extractGlue)) fail('pkg-extract/crossfoot.js has an export or import the bundler does not know');
const extractModule = `(() => {\n${extractGlue}\nreturn { default: __wbg_init, ${extractExported.join(', ')} };\n})()`;

let worker = read('www/worker.js');
worker = worker.replace("import init, * as core from './pkg/crossfoot.js';", () => `const init = __wbg_init;\nconst core = { ${exported.join(', ')} };`);
const LOAD_BATCH = "const loadBatchModule = () => import('./pkg-batch/crossfoot.js');";
if (!exported.includes('checkMany')) fail('www/pkg-batch has no checkMany(): build it with --features wasm-batch');
if (!worker.includes(LOAD_BATCH)) fail('worker.js no longer loads ./pkg-batch as expected: update build-web.sh');
worker = worker.replace(LOAD_BATCH, () => 'const loadBatchModule = () => Promise.resolve({ default: () => Promise.resolve(), checkMany });');
const LOAD_EXTRACT = "const loadExtractModule = () => import('./pkg-extract/crossfoot.js');";
if (!worker.includes(LOAD_EXTRACT)) fail('worker.js no longer loads ./pkg-extract as expected: update build-web.sh');
worker = worker.replace(LOAD_EXTRACT, () => `const extractModule = ${extractModule};\nconst loadExtractModule = () => Promise.resolve(extractModule);`);
if (/^\s*import\s/m.test(worker) || /\bimport\(/.test(worker)) fail('worker.js import line changed: update build-web.sh');
const workerSource = `${glue}\n// ---- worker.js ----\n${worker}`;

const style = read('www/style.css');
// The modules gzipped before base64 (the page inflates them with DecompressionStream): base64 text
// gzips to about 130% of the module's own gzip, these to about 100%.
const wasm = gzipSync(readFileSync('www/pkg-batch/crossfoot_bg.wasm'), { level: 9 }).toString('base64');
const extractWasm = gzipSync(readFileSync('www/pkg-extract/crossfoot_bg.wasm'), { level: 9 }).toString('base64');
const example = readFileSync('www/example.json').toString('base64');
// pdf.js, its worker (run on the page's thread: see pdf-text.js) and the CMaps of Chinese fonts.
// gzip before base64 (the page inflates them with DecompressionStream): half the size of the file.
const pdfjs = gzipSync(readFileSync('www/vendor/pdfjs/pdf.min.mjs'), { level: 9 }).toString('base64');
const pdfjsWorker = gzipSync(readFileSync('www/vendor/pdfjs/pdf.worker.min.mjs'), { level: 9 }).toString('base64');
const cmaps = {};
for (const name of readdirSync('www/vendor/pdfjs/cmaps')) {
  if (/GB/.test(name)) cmaps[name.replace(/\.bcmap$/, '')] = readFileSync(`www/vendor/pdfjs/cmaps/${name}`).toString('base64');
}

// Text inside <script>/<style> ends at the first "</script" or "</style": make sure there is none.
for (const [name, text] of [['app', app], ['worker', workerSource], ['style', style]]) {
  if (/<\/(script|style)|<!--/i.test(text)) fail(`${name} contains </script, </style or <!--: cannot inline it`);
}

const csp = [
  "default-src 'none'",
  // blob: only for pdf.js, which the page itself turns from its inert block into a module URL.
  `script-src ${sha256(app)} 'wasm-unsafe-eval' blob:`,
  'worker-src blob:',
  `style-src ${sha256(style)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

let html = read('www/index.html');
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
html = html.replace('<link rel="stylesheet" href="style.css">', () => `<style>${style}</style>`);
html = html.replace('<script type="module" src="app.js"></script>', () => `<script type="module">${app}</script>`);
html = html.replace('</body>', () =>
  `<script type="text/plain" id="crossfoot-worker-source">${workerSource}</script>\n` +
  `<script type="application/octet-stream" id="crossfoot-wasm" data-encoding="gzip">${wasm}</script>\n` +
  `<script type="application/octet-stream" id="crossfoot-wasm-extract" data-encoding="gzip">${extractWasm}</script>\n` +
  `<script type="application/octet-stream" id="crossfoot-example">${example}</script>\n` +
  '<!--pdf-->' +
  `<script type="application/octet-stream" id="crossfoot-pdfjs" data-encoding="gzip">${pdfjs}</script>\n` +
  `<script type="application/octet-stream" id="crossfoot-pdfjs-worker" data-encoding="gzip">${pdfjsWorker}</script>\n` +
  `<script type="application/json" id="crossfoot-pdfjs-cmaps">${JSON.stringify(cmaps)}</script>\n` +
  '<!--/pdf-->' +
  '</body>');
for (const needle of ['href="style.css"', 'src="app.js"', "connect-src 'self'"]) {
  if (html.includes(needle)) fail(`index.html changed: ${needle} is still in the single file`);
}
writeFileSync('dist/crossfoot.html', html);
const gz = (text) => gzipSync(Buffer.from(text, 'utf8'), { level: 9 }).length;
const withoutPdf = html.replace(/<!--pdf-->[\s\S]*<!--\/pdf-->/, '');
console.log(`dist/crossfoot.html: ${html.length} bytes, ${gz(html)} gzipped; without the PDF reader ${withoutPdf.length} bytes, ${gz(withoutPdf)} gzipped`);
EOF

echo
echo "built: www/ (serve it with: node scripts/serve.mjs) and dist/crossfoot.html"
