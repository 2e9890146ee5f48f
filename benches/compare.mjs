#!/usr/bin/env node
// Times the WebAssembly checker against JSON.parse on the same bytes, in one process (not a test:
// it prints figures and asserts nothing about time). Run by scripts/bench.sh, which writes the
// generated reports first; on its own: node benches/compare.mjs [--node] [--chromium] FILE...
//   Node.js:  JSON.parse(text) and check(text) (www/pkg, the module the page and the npm package
//             ship), medians, their ratio and check()'s MB/s. check() is the npm package's: the
//             module's checkParts() made into the verdict by www/lazy-verdict.js (its facts and
//             checks parsed when first read, as the page and the package do); "eager" is the
//             module's own check(), which builds every object of the verdict at once.
//   Chromium: the same in a dedicated worker (Debian's Chromium via playwright-core), and the
//             module's compile + instantiate time (WebAssembly.instantiate on its bytes, fresh
//             workers).
// Timings on a shared machine are noisy: the ratios, taken in one process, are what to compare.

import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The module to time: www/pkg, or another build's directory (CROSSFOOT_PKG=dir).
const PKG = process.env.CROSSFOOT_PKG ? resolve(process.env.CROSSFOOT_PKG) : join(ROOT, 'www', 'pkg');
const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--')).map((f) => resolve(f));
const wantNode = args.includes('--node') || !args.includes('--chromium');
const wantChromium = (args.includes('--chromium') || !args.includes('--node')) && !args.includes('--baseline');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
// Fewer runs for larger files; at least 3 below 10 MB.
const runsFor = (bytes) => (bytes < 200_000 ? 21 : bytes < 2_000_000 ? 7 : bytes < 20_000_000 ? 3 : 1);
const mb = (bytes) => bytes / 1e6;
// The native CLI's time per file (µs), from scripts/bench.sh: "name=µs name=µs …".
const nativeUs = new Map((process.env.NATIVE_US || '').split(' ').filter(Boolean).map((p) => {
  const at = p.lastIndexOf('=');
  return [p.slice(0, at), Number(p.slice(at + 1))];
}));

function row(where, name, bytes, { parseMs, checkMs, firstMs, eagerMs, verdict, verdictBytes, floorMs }) {
  const ratio = checkMs / parseMs;
  const native = nativeUs.get(name);
  const vsNative = native ? `  wasm/native ${(checkMs * 1000 / native).toFixed(1)}×` : '';
  console.log(
    `${where.padEnd(8)} ${name.padEnd(24)} ${mb(bytes).toFixed(2).padStart(7)} MB  JSON.parse ${parseMs.toFixed(2).padStart(9)} ms` +
      `  check() ${checkMs.toFixed(2).padStart(9)} ms  ratio ${ratio.toFixed(1).padStart(5)}×  ${(mb(bytes) / (checkMs / 1000)).toFixed(1).padStart(6)} MB/s${vsNative}  first ${firstMs.toFixed(2)} ms  eager ${eagerMs.toFixed(2)} ms (${(eagerMs / parseMs).toFixed(1)}×)  ${verdict}; verdict ${mb(verdictBytes).toFixed(1)} MB, its JSON.parse ${floorMs.toFixed(1)} ms`,
  );
}

/** The timing loop, the same in Node and in the worker (its source is sent to the worker). */
function timeBoth({ check, eager }, text, runs) {
  const now = () => performance.now();
  const parse = [];
  const checks = [];
  const eagers = [];
  let verdict;
  let result;
  for (let i = 0; i < runs; i += 1) {
    let t = now();
    const parsed = JSON.parse(text);
    parse.push(now() - t);
    if (!parsed) throw new Error('empty');
    t = now();
    result = check(text);
    checks.push(now() - t);
    verdict = `${result.verdict} (${result.counts.checks} checks)`;
    t = now();
    eager(text);
    eagers.push(now() - t);
  }
  // check() returns the verdict as plain objects, which costs at least a JSON.parse of the
  // verdict's text: that floor, for comparison.
  const verdictText = JSON.stringify(result);
  result = null;
  const floor = [];
  for (let i = 0; i < Math.min(runs, 3); i += 1) {
    const t = now();
    JSON.parse(verdictText);
    floor.push(now() - t);
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  // The first check() of this file: memory not yet grown for it (in Chromium, the worker's
  // module is fresh for each file). A page checks a file once.
  return { parseMs: median(parse), checkMs: median(checks), firstMs: checks[0], eagerMs: median(eagers), verdict, verdictBytes: verdictText.length, floorMs: median(floor) };
}

/** Runs check() untimed on the first (small) file a few times, so that V8 has compiled the
 *  module's hot functions with its optimising tier before anything is timed. */
function warmUp(check) {
  const text = readFileSync(files[0], 'utf8');
  for (let i = 0; i < 30; i += 1) check(text);
}

/** `--baseline DIR`: another build of the module (e.g. before a change), timed interleaved with
 *  this one in the same process, so that the machine's load falls on both alike. */
async function againstBaseline(dir) {
  const load = async (pkg, tag) => {
    const glue = await import(`${join(pkg, 'crossfoot.js')}?${tag}`);
    glue.initSync({ module: readFileSync(join(pkg, 'crossfoot_bg.wasm')) });
    return glue.check;
  };
  const before = await load(resolve(dir), 'baseline');
  const after = await load(PKG, 'current');
  warmUp(before);
  warmUp(after);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const runs = runsFor(Buffer.byteLength(text));
    const times = { before: [], after: [] };
    for (let i = 0; i < runs; i += 1) {
      for (const [name, check] of i % 2 ? [['after', after], ['before', before]] : [['before', before], ['after', after]]) {
        const t = performance.now();
        check(text);
        times[name].push(performance.now() - t);
      }
    }
    const [b, a] = [median(times.before), median(times.after)];
    console.log(`baseline ${basename(file).padEnd(24)} check() before ${b.toFixed(2).padStart(9)} ms  after ${a.toFixed(2).padStart(9)} ms  after/before ${(a / b).toFixed(2)}`);
  }
}

/** The package's check() (lazy) and the module's own (eager), from the glue. A build from before
 *  checkParts existed has only the eager one. */
function checkers(glue, lazyVerdict) {
  const lazy = glue.checkParts ? (text) => lazyVerdict(glue.checkParts(text)) : glue.check;
  return { check: lazy, eager: glue.check };
}

async function inNode() {
  const glue = await import(join(PKG, 'crossfoot.js'));
  const { lazyVerdict } = await import(join(ROOT, 'www', 'lazy-verdict.js'));
  const wasm = readFileSync(join(PKG, 'crossfoot_bg.wasm'));
  glue.initSync({ module: wasm });
  const both = checkers(glue, lazyVerdict);
  warmUp(both.check);
  warmUp(both.eager);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const bytes = Buffer.byteLength(text);
    try {
      row('node', basename(file), bytes, timeBoth(both, text, runsFor(bytes)));
    } catch (error) {
      console.log(`node     ${basename(file)}: ${error.message}`);
    }
  }
}

const WORKER = `
import init, * as glue from '/pkg/crossfoot.js';
import { lazyVerdict } from '/lazy-verdict.js';
const timeBoth = ${timeBoth.toString()};
const checkers = ${checkers.toString()};
self.onmessage = async ({ data }) => {
  try {
    const wasm = await (await fetch('/pkg/crossfoot_bg.wasm')).arrayBuffer();
    const t = performance.now();
    await init({ module_or_path: wasm });
    const instantiateMs = performance.now() - t;
    if (!data.file) return self.postMessage({ instantiateMs });
    const text = await (await fetch('/file/' + data.file)).text();
    self.postMessage({ instantiateMs, ...timeBoth(checkers(glue, lazyVerdict), text, data.runs) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};`;

async function inChromium() {
  const served = new Map(files.map((f) => [basename(f), f]));
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const send = (type, body) => { response.writeHead(200, { 'content-type': type }); response.end(body); };
    if (path === '/') return send('text/html', '<!doctype html><title>bench</title>');
    if (path === '/worker.js') return send('text/javascript', WORKER);
    if (path === '/lazy-verdict.js') return send('text/javascript', readFileSync(join(ROOT, 'www', 'lazy-verdict.js')));
    if (path === '/pkg/crossfoot.js') return send('text/javascript', readFileSync(join(PKG, 'crossfoot.js')));
    if (path === '/pkg/crossfoot_bg.wasm') return send('application/wasm', readFileSync(join(PKG, 'crossfoot_bg.wasm')));
    if (path.startsWith('/file/') && served.has(path.slice(6))) return send('application/json', readFileSync(served.get(path.slice(6))));
    response.writeHead(404);
    response.end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(url);
    // In a fresh worker each time, as the page does.
    const inWorker = (file, runs) => page.evaluate(([file, runs]) => new Promise((done) => {
      const worker = new Worker('/worker.js', { type: 'module' });
      worker.onmessage = ({ data }) => { worker.terminate(); done(data); };
      worker.onerror = (event) => { worker.terminate(); done({ error: event.message || 'worker error' }); };
      worker.postMessage({ file, runs });
    }), [file, runs]);
    const instantiate = [];
    for (let i = 0; i < 7; i += 1) instantiate.push((await inWorker(null, 0)).instantiateMs);
    const wasmBytes = statSync(join(PKG, 'crossfoot_bg.wasm')).size;
    // The first worker compiles cold; later ones may reuse V8's compiled module for the same bytes.
    console.log(`chromium module ${(wasmBytes / 1000).toFixed(1)} KB: compile + instantiate ${instantiate[0].toFixed(1)} ms in the first worker, median of ${instantiate.length} ${median(instantiate).toFixed(1)} ms (runs: ${instantiate.map((t) => t.toFixed(1)).join(', ')})`);
    for (const file of files) {
      const bytes = statSync(file).size;
      const result = await inWorker(basename(file), runsFor(bytes));
      if (result.error) console.log(`chromium ${basename(file)}: ${result.error}`);
      else row('chromium', basename(file), bytes, result);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

const baseline = args.indexOf('--baseline');
if (baseline >= 0) {
  files.splice(files.indexOf(resolve(args[baseline + 1])), 1);
  await againstBaseline(args[baseline + 1]);
} else if (wantNode) await inNode();
if (wantChromium) await inChromium();
