// The crossfoot npm package: `await check(report, options)` → verdict, `version()`, `schema()`.
// A thin, hand-written layer over the wasm-bindgen glue in pkg/: it loads the WebAssembly module
// once (browsers: fetched and compiled while streaming, from beside this file; Node.js: read from
// disk), and turns whatever the caller has (text, bytes, a Blob, an object) into the module's input.

import init, * as glue from './pkg/crossfoot.js';
// Text extraction is a module of its own (pkg-extract/), loaded on the first extract() call, so
// that checking loads only the checker (each module has a size budget).
import initExtraction, * as extraction from './pkg-extract/crossfoot.js';
import { lazyVerdict } from './lazy-verdict.js';

let loading = null; // the one load in flight or done; reset when it fails so that a retry can work
let loadingExtraction = null; // the same for the extraction module
let api = glue; // the glue module in use; replaced by a fresh copy after a trap (see run)
let generation = 0;
let chosenSource; // what the caller gave load(), kept for a reload after a trap

const isNode = typeof process === 'object' && process !== null && typeof process.versions?.node === 'string';

/** Loads the module now (optional: every function loads it on first use). */
export function load(wasm) {
  if (wasm !== undefined && !(typeof Response === 'function' && wasm instanceof Response)) chosenSource = wasm;
  if (!loading) {
    loading = instantiate(api === glue ? init : api.default, wasm ?? chosenSource).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

async function instantiate(initialise, wasm, path = './pkg/crossfoot_bg.wasm') {
  let source = wasm;
  if (source === undefined) {
    const url = new URL(path, import.meta.url);
    // Node's fetch cannot read file: URLs, so Node reads the bytes itself. The module name is in a
    // variable so that bundlers for the browser do not try to resolve node:fs.
    if (isNode && url.protocol === 'file:') {
      const fs = 'node:fs/promises';
      const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
      source = await readFile(url);
    } else {
      source = url;
    }
  }
  await initialise({ module_or_path: source });
}

/** Runs one call into the module. A trap (a WebAssembly RuntimeError) leaves that instance
 *  unusable, so the next call loads a fresh copy of the glue and the module. */
async function run(call) {
  await load();
  try {
    return call(api);
  } catch (error) {
    if (error instanceof WebAssembly.RuntimeError) {
      generation += 1;
      const fresh = new URL(`./pkg/crossfoot.js?instance=${generation}`, import.meta.url).href;
      loading = null;
      api = await import(/* webpackIgnore: true */ /* @vite-ignore */ fresh);
    }
    throw error;
  }
}

/** The report as the module takes it: a string, or bytes. */
async function toInput(report) {
  if (typeof report === 'string' || report instanceof Uint8Array || report instanceof ArrayBuffer) return report;
  if (ArrayBuffer.isView(report)) return new Uint8Array(report.buffer, report.byteOffset, report.byteLength);
  if (typeof Blob === 'function' && report instanceof Blob) return new Uint8Array(await report.arrayBuffer());
  if (report === undefined || typeof report === 'function' || typeof report === 'symbol') {
    throw new TypeError('check(report): report must be the report\'s text, its bytes, a Blob or an object');
  }
  let text;
  try {
    text = JSON.stringify(report);
  } catch (error) {
    throw new TypeError(`check(report): cannot turn the object into JSON: ${error.message}`);
  }
  return text;
}

/**
 * Checks a report and resolves to its verdict. A broken report is a verdict (`invalid`), not a
 * rejection. Options: `{ lang: "en" | "zh", source: "file name" }`. The verdict's `checks` and
 * `facts` are parsed when first read (lazy-verdict.js): the object is otherwise the plain one.
 */
export async function check(report, options) {
  const input = await toInput(report);
  return run((module) => lazyVerdict(module.checkParts(input, options)));
}

/**
 * Checks several reports together and resolves to their verdicts, in order. Reports of one
 * issuer for consecutive years on a template also get the cross-year links (warnings).
 */
export async function checkMany(reports, options) {
  if (!Array.isArray(reports)) throw new TypeError('checkMany(reports): reports must be an array');
  const inputs = await Promise.all(reports.map(toInput));
  return run((module) => module.checkMany(inputs, options));
}

/** The crossfoot version, e.g. "0.1.0". */
export async function version() {
  return run((module) => module.version());
}

/** The report format's JSON Schema, as a plain object (a fresh copy each time). It is data, not
 *  code: schema.js (written by scripts/build-embed.sh from schema/crossfoot-v1.schema.json), loaded
 *  on the first call, rather than 8 KB of every WebAssembly module. */
export async function schema() {
  const { default: file } = await import('./schema.js');
  return structuredClone(file);
}

/**
 * Extracts the figures and relations of a report's text (plain text, or HTML with
 * `{ html: true }`) and resolves to `{ figures, relations, report, text? }`: `report` is the draft
 * report's JSON text, ready for `check()`.
 */
export async function extract(text, options) {
  if (typeof text !== 'string') throw new TypeError('extract(text): text must be a string');
  if (!loadingExtraction) {
    loadingExtraction = instantiate(initExtraction, undefined, './pkg-extract/crossfoot_bg.wasm').catch((error) => {
      loadingExtraction = null;
      throw error;
    });
  }
  await loadingExtraction;
  return extraction.extract(text, options);
}
