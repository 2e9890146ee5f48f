// The checker's thread: loads the WebAssembly module and checks files from their raw bytes, so
// the page never freezes. One request at a time; the page sends the next when this one answers.
//
// Messages in:  {type: 'init', wasm?: ArrayBuffer}          (wasm given: the single-file build)
//               {type: 'extract-module', wasm: ArrayBuffer}  (the single-file build, before its first text)
//               {type: 'check', id, name, lang, file?: Blob, bytes?: ArrayBuffer}
//               {type: 'checkMany', id, lang, files: [{name, file?: Blob, bytes?: ArrayBuffer}]}
//               {type: 'extract', id, name, lang, file?: Blob, text?: string}
//               {type: 'layout', id, lang, template}     (a template's empty tables, for the form)
// Messages out: {type: 'ready', version} | {type: 'fatal', message}
//               {type: 'progress', id, stage: 'reading' | 'checking'}
//               {type: 'result', id, verdictParts: [head, checks, facts], excerpts, timing: {bytes, checkMs}}
//               {type: 'results', id, verdicts: [verdict], excerpts: [excerpts]}   (checkMany)
//               {type: 'extracted', id, text, figures, report, template, warnings, verdict}
//               {type: 'layout', id, template, tables}
//               {type: 'error', id, message, trap}        (trap: the module is dead; make a new worker)

// The build of the single file replaces the next line with the module's glue code.
import init, * as core from './pkg/crossfoot.js';

// Extraction is a module of its own (www/pkg-extract: extract() only; each module has a size
// budget), loaded the first time a text is read; its draft report goes to the checker above. The single-file build
// replaces the next line with the module's glue code, inlined.
const loadExtractModule = () => import('./pkg-extract/crossfoot.js');
let extractWasm; // its bytes, in the single-file build
let extracting = null;

/** The extraction module, instantiated once. */
function extractor() {
  if (!extracting) {
    extracting = loadExtractModule().then(async (module) => {
      await module.default(extractWasm ? { module_or_path: extractWasm } : undefined);
      return module;
    });
    extracting.catch(() => { extracting = null; }); // a failed load may be retried
  }
  return extracting;
}

// checkMany is in a module of its own too (www/pkg-batch: the checker and checkMany; the
// cross-year links cost the checker 11 KB), loaded the first time several files are checked
// together. The single-file build's checker is that module: it replaces the next line.
const loadBatchModule = () => import('./pkg-batch/crossfoot.js');
let batching = null;

/** A module with checkMany: this checker if it has it, or the batch module, instantiated once. */
function batcher() {
  if (typeof core.checkMany === 'function') return Promise.resolve(core);
  if (!batching) {
    batching = loadBatchModule().then(async (module) => {
      await module.default();
      return module;
    });
    batching.catch(() => { batching = null; }); // a failed load may be retried
  }
  return batching;
}

let ready = null;

self.onmessage = (event) => {
  const message = event.data || {};
  if (message.type === 'init') {
    ready = start(message.wasm);
  } else if (Object.hasOwn(WORK, message.type)) {
    (ready || Promise.reject(new Error('not initialised'))).then(() => guarded(message, WORK[message.type]), () => {});
  } else if (message.type === 'extract-module') {
    extractWasm = message.wasm;
  } else if (message.type === 'selftest-trap') {
    // Lets the tests prove that a dead module is replaced and the next file still works.
    post({ type: 'error', id: message.id, message: 'RuntimeError: unreachable (self-test)', trap: true });
  }
};

async function start(wasm) {
  try {
    // Asynchronous compile and instantiate (WebAssembly.instantiate), never on the main thread.
    await init(wasm ? { module_or_path: wasm } : undefined);
    const features = ['checkMany']; // from this checker or the batch module (see batcher)
    post({ type: 'ready', version: core.version(), features });
  } catch (error) {
    post({ type: 'fatal', message: describe(error) });
    throw error;
  }
}

async function checkOne({ id, name, lang, file, bytes }) {
  let input;
  try {
    post({ type: 'progress', id, stage: 'reading' });
    input = new Uint8Array(bytes || (await file.arrayBuffer()));
  } catch (error) {
    post({ type: 'error', id, message: describe(error), trap: false, read: true });
    return;
  }
  try {
    post({ type: 'progress', id, stage: 'checking' });
    const started = performance.now();
    // The verdict as its three JSON texts (see lazy-verdict.js): posting strings costs far less
    // than cloning a large verdict's objects, and the page parses facts and checks when it shows them.
    const verdictParts = core.checkParts(input, { lang, source: name });
    const checkMs = performance.now() - started;
    const head = JSON.parse(verdictParts[0]); // findings, for their excerpts (small)
    post({ type: 'result', id, verdictParts, excerpts: excerptsFor(head, input), timing: { bytes: input.length, checkMs } });
  } catch (error) {
    // A trap (panic = abort, out of memory) poisons the instance: the page replaces this worker.
    post({ type: 'error', id, message: describe(error), trap: error instanceof WebAssembly.RuntimeError });
  }
}

const WORK = { check: checkOne, checkMany, extract: extractOne, layout };

/** Runs one piece of work; a trap (panic = abort, out of memory) poisons the instance: the page
 *  replaces this worker. Any other error is this request's alone. */
async function guarded(message, work) {
  try {
    await work(message);
  } catch (error) {
    post({ type: 'error', id: message.id, message: describe(error), trap: error instanceof WebAssembly.RuntimeError });
  }
}

const readBytes = async ({ file, bytes }) => new Uint8Array(bytes || (await file.arrayBuffer()));

/** Several reports checked together (cross-year links between reports of one issuer). */
async function checkMany({ id, lang, files }) {
  post({ type: 'progress', id, stage: 'reading' });
  const inputs = [];
  for (const file of files) inputs.push(await readBytes(file));
  post({ type: 'progress', id, stage: 'checking' });
  const verdicts = (await batcher()).checkMany(inputs, { lang });
  post({ type: 'results', id, verdicts, excerpts: verdicts.map((verdict, i) => excerptsFor(verdict, inputs[i])) });
}

/** A report's text (plain or HTML): its figures, the draft report, and the draft's verdict. */
async function extractOne({ id, name, lang, file, text }) {
  post({ type: 'progress', id, stage: 'reading' });
  const source = text ?? new TextDecoder('utf-8').decode(await readBytes({ file }));
  post({ type: 'progress', id, stage: 'checking' });
  const html = /\.(html?|xhtml)$/i.test(name || '') || /^\s*<(!doctype|html|body|div|p|table)\b/i.test(source);
  const extraction = (await extractor()).extract(source, { source: name, html });
  const verdict = core.check(extraction.report, { lang, source: name });
  post({ type: 'extracted', id, text: extraction.text ?? source, figures: extraction.figures, report: extraction.report, template: extraction.template ?? null, warnings: extraction.warnings ?? [], verdict });
}

/** A template's tables with no figures: the layout of the form, labelled in the page's language. */
async function layout({ id, lang, template }) {
  const file = typeof core.template === 'function' ? core.template(template) : undefined;
  const pick = (text) => (text && typeof text === 'object' ? text[lang] ?? text.en ?? text.zh : text);
  const tables = ((file && file.tables) || []).map((table) => ({
    id: table.id,
    title: pick(table.title),
    unit: pick(table.unit),
    columns: (table.columns || []).map((column) => ({ id: column.id, label: pick(column.label), unit: pick(column.unit) })),
    rows: (table.rows || []).map((row) => ({ id: row.id, label: pick(row.label) })),
  }));
  post({ type: 'layout', id, template, title: file ? pick(file.title) : template, tables });
}

function post(message) {
  self.postMessage(message);
}

function describe(error) {
  return error && error.message ? `${error.name || 'Error'}: ${error.message}` : String(error);
}

// ---- the offending lines of the file, for structure findings ----

const MAX_EXCERPTS = 50;
const WINDOW = 100; // characters of a long line shown around the marked place

/** For each finding that has a line, the line before it and the line itself, cut to a window
 *  around the column, keyed by "line:column". Found by scanning the bytes, not decoding all. */
function excerptsFor(verdict, bytes) {
  const places = [];
  for (const finding of verdict.findings || []) {
    if (finding.line > 0 && places.length < MAX_EXCERPTS) places.push([finding.line, Math.max(1, finding.column)]);
  }
  if (places.length === 0) return {};
  const lastLine = Math.max(...places.map(([line]) => line));
  const starts = [0];
  for (let at = bytes.indexOf(10); at !== -1 && starts.length <= lastLine; at = bytes.indexOf(10, at + 1)) {
    starts.push(at + 1);
  }
  const decoder = new TextDecoder('utf-8');
  // The text of line n, decoded only as far as the window needs (a byte per character at least).
  const lineText = (n, needChars) => {
    if (n < 1 || n > starts.length) return null;
    const from = starts[n - 1];
    const to = n < starts.length ? starts[n] : bytes.length;
    return decoder.decode(bytes.subarray(from, Math.min(to, from + 4 * needChars + 4))).replace(/\r?\n$/, '');
  };
  const excerpts = {};
  for (const [line, column] of places) {
    const key = `${line}:${column}`;
    if (excerpts[key]) continue;
    const need = column + WINDOW;
    const text = lineText(line, need);
    if (text === null) continue;
    const first = column <= WINDOW - 20 ? 0 : column - 1 - WINDOW / 2;
    const lines = [];
    const before = lineText(line - 1, need);
    if (before !== null) lines.push({ n: line - 1, text: windowOf(before, first) });
    lines.push({ n: line, text: windowOf(text, first), marked: true });
    excerpts[key] = { lines, markAt: column - 1 - first + (first > 0 ? 1 : 0) };
  }
  return excerpts;
}

/** WINDOW characters (code points) of text from the first-th, with "…" where it is cut. */
function windowOf(text, first) {
  let out = first > 0 ? '…' : '';
  let index = 0;
  for (const char of text) {
    if (index >= first + WINDOW) return out + '…';
    if (index >= first) out += char;
    index += 1;
  }
  return out;
}
