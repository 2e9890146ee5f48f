// The page: ways in (drop, open, paste), the list of files, the worker that checks them, and the
// language switch. The verdict view itself is render.js (its tables: table-view.js); the words are
// i18n.js. Two workspaces above the verdict: the template form (template-form.js) and a report's
// text read for its figures (text-view.js); both go through the same worker queue as files.

import { el } from './dom.js';
import { renderBanner, renderVerdict } from './render.js';
import { LANGS, initialLang, rememberLang, translator } from './i18n.js';
import { templateForm, valuesFromReport } from './template-form.js';
import { confirmCheck, dismissCheck, textView } from './text-view.js';
import { documentView } from './document-view.js';
import { lazyVerdict } from './lazy-verdict.js';
import { batchCsv, batchTable } from './batch-view.js';

const EXAMPLE_NAME = 'qingpu-2017.json';
const PROGRESS_DELAY_MS = 250; // show the progress bar only for work that takes longer than this
const TYPING_DELAY_MS = 250; // the form is re-checked this long after the last keystroke
const TEXT_FILE = /\.(txt|text|html?|xhtml)$/i;
const PDF_FILE = /\.pdf$/i;
// pdf.js comes only with the first PDF (the single file replaces this line with the bundled module).
const loadPdfText = () => import('./pdf-text.js');

const $ = (id) => document.getElementById(id);

const state = {
  lang: initialLang(),
  t: null,
  worker: null,
  ready: false,
  version: '',
  entries: [], // {id, name, file?, bytes?, status: 'pending'|'checking'|'done'|'error', verdict, excerpts, error}
  selected: 0,
  queue: [],
  busy: null,
  nextId: 1,
  batchSize: 0,
  progressTimer: 0,
  notice: '',
  features: [], // what the checking module can do beyond check: 'checkMany'
  extractSent: false, // the single file's extraction module was handed to this worker
  form: null, // the template form: {template, view, entry, values, timer, layoutId}
}; // entries of kind 'form' (the template form) and 'text' (a report's text) live in the workspace
state.t = translator(state.lang);

// ---- the worker ----

/** The single-file build carries the module and the worker's source inside the page. */
function embedded(id) {
  const node = document.getElementById(id);
  return node ? node.textContent.trim() : null;
}

function base64Bytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An inline block's bytes (base64; gzipped when data-encoding="gzip"), inflated once. */
const inflated = new Map();
function inlineBytes(id) {
  if (!inflated.has(id)) {
    const node = document.getElementById(id);
    inflated.set(id, (async () => {
      if (!node) return null;
      const bytes = base64Bytes(node.textContent.trim());
      if (node.dataset.encoding !== 'gzip') return bytes;
      const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    })());
  }
  return inflated.get(id);
}

function startWorker() {
  state.ready = false;
  let worker;
  try {
    const source = embedded('crossfoot-worker-source');
    if (source !== null) {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      worker = new Worker(url); // classic: Chromium refuses module workers from blob: on file://
      const started = worker;
      // Both modules inflated before init, so that the extraction module is at hand (synchronously)
      // when the first text comes; copies go to the worker (a restarted one needs them again).
      Promise.all([inlineBytes('crossfoot-wasm'), inlineBytes('crossfoot-wasm-extract')]).then(([wasm, extractWasm]) => {
        state.extractWasm = extractWasm;
        const copy = wasm.slice();
        started.postMessage({ type: 'init', wasm: copy.buffer }, [copy.buffer]);
      }, fatal);
    } else {
      worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      worker.postMessage({ type: 'init' });
    }
  } catch (error) {
    fatal(error);
    return;
  }
  state.extractSent = false; // a new worker has not had the extraction module yet
  worker.onmessage = (event) => onWorkerMessage(worker, event.data);
  worker.onerror = (event) => {
    if (worker !== state.worker) return;
    event.preventDefault();
    if (!state.ready) fatal(event.message || 'worker error');
    else restartAfterTrap(event.message || 'worker error');
  };
  state.worker = worker;
}

function fatal(error) {
  state.notice = state.t('workerFailed', { message: error && error.message ? error.message : String(error) });
  showNotice();
}

function restartAfterTrap(message) {
  const entry = state.busy;
  state.busy = null;
  if (entry && entry.batch) retrySingly(entry);
  else if (entry) finish(entry, { status: 'error', error: state.t('trap', { name: entry.name, message }) });
  state.notice = state.t('trap', { name: entry ? entry.name : '—', message });
  showNotice();
  state.worker.terminate();
  startWorker();
}

function onWorkerMessage(worker, message) {
  if (worker !== state.worker) return; // a replaced worker's last words
  const entry = state.busy && state.busy.id === message.id ? state.busy : null;
  switch (message.type) {
    case 'ready':
      state.ready = true;
      state.version = message.version;
      state.features = message.features || [];
      $('version').textContent = state.t('version', { version: state.version });
      document.documentElement.dataset.ready = 'true';
      pump();
      break;
    case 'fatal':
      fatal(message.message);
      break;
    case 'progress':
      if (entry) {
        entry.stage = message.stage;
        showProgress();
      }
      break;
    case 'result':
      if (!entry) break;
      state.busy = null;
      finish(entry, { status: 'done', verdict: lazyVerdict(message.verdictParts), excerpts: message.excerpts, timing: message.timing });
      document.documentElement.dataset.lastCheckMs = String(Math.round(message.timing ? message.timing.checkMs : -1));
      againIfEdited(entry);
      pump();
      break;
    case 'results': // a batch checked together: one verdict per file, in order
      if (!entry) break;
      state.busy = null;
      for (const [i, one] of entry.batch.entries()) finish(one, { status: 'done', verdict: message.verdicts[i], excerpts: message.excerpts[i] });
      pump();
      break;
    case 'extracted':
      if (!entry) break;
      state.busy = null;
      entry.text = message.text;
      entry.figures = message.figures || [];
      entry.draft = JSON.parse(message.report);
      entry.template = message.template || entry.draft.template || null;
      entry.warnings = message.warnings || [];
      entry.bytes = new TextEncoder().encode(message.report);
      finish(entry, { status: 'done', verdict: message.verdict, excerpts: {} });
      pump();
      break;
    case 'layout':
      if (state.form && state.form.layoutId === message.id) showForm(message.tables, message.title);
      break;
    case 'error':
      if (message.trap) {
        restartAfterTrap(message.message);
        break;
      }
      if (!entry) break;
      state.busy = null;
      if (entry.batch) {
        retrySingly(entry);
        pump();
        break;
      }
      finish(entry, { status: 'error', error: message.read ? state.t('readFailed', { name: entry.name, message: message.message }) : message.message });
      pump();
      break;
    default:
  }
}

/** Sends the next file to the worker; one at a time, so a trap loses at most the file it was on. */
function pump() {
  if (!state.ready || state.busy) return;
  const entry = nextJob();
  if (!entry) {
    batchDone();
    return;
  }
  state.busy = entry;
  entry.status = 'checking';
  entry.stage = 'reading';
  for (const one of entry.batch || []) one.status = 'checking';
  if (entry.pdf && entry.source === undefined) readPdf(entry);
  else state.worker.postMessage(messageFor(entry));
  if (!state.progressTimer) state.progressTimer = setTimeout(() => { state.progressTimer = 0; showProgress(true); }, PROGRESS_DELAY_MS);
  showProgress();
  if (entry === state.entries[state.selected] && !entry.verdict) showSelected();
}

/** A PDF's text (pdf.js, on the page's side), then the same way as a text: extraction in the worker. */
function readPdf(entry) {
  const worker = state.worker;
  loadPdfText()
    .then(async ({ pdfToText }) => pdfToText(new Uint8Array(await entry.pdf.arrayBuffer())))
    .then(
      (text) => {
        entry.source = text;
        if (state.busy === entry && state.worker === worker) state.worker.postMessage(messageFor(entry));
        else if (state.busy === entry) { state.busy = null; state.queue.unshift(entry); pump(); }
      },
      (error) => {
        if (state.busy !== entry) return;
        state.busy = null;
        const code = error && error.code === 'pdf-no-text' ? 'pdfNoText' : 'pdfUnreadable';
        finish(entry, { status: 'error', errorCode: code, error: state.t(code, { name: entry.name, message: error && error.message ? error.message : String(error) }) });
        pump();
      },
    );
}

/** The next piece of work: several files of one batch go together (checkMany: cross-year links). */
function nextJob() {
  const entry = state.queue.shift();
  if (!entry || entry.kind || entry.single || !state.features.includes('checkMany') || state.entries.length < 2) return entry;
  const batch = [entry, ...state.queue.filter((one) => !one.kind && !one.single)];
  if (batch.length < 2) return entry;
  state.queue = state.queue.filter((one) => !batch.includes(one));
  return { id: state.nextId++, name: state.t('checkingMany', { done: 0, total: batch.length }), batch };
}

const fileOf = (entry) => (entry.bytes ? { bytes: entry.bytes.slice().buffer } : { file: entry.file }); // a copy: the entry keeps its bytes

function messageFor(entry) {
  const base = { id: entry.id, name: entry.name, lang: state.lang };
  if (entry.batch) return { ...base, type: 'checkMany', files: entry.batch.map((one) => ({ name: one.name, ...fileOf(one) })) };
  if (entry.kind === 'text' && !entry.draft) {
    sendExtractModule();
    return { ...base, type: 'extract', text: entry.source, file: entry.file };
  }
  return { ...base, type: 'check', ...fileOf(entry) };
}

/** The single-file build carries the extraction module too: handed to the worker before its first text. */
function sendExtractModule() {
  if (state.extractSent) return;
  state.extractSent = true;
  if (!state.extractWasm) return; // served: the worker fetches www/pkg-extract itself
  const wasm = state.extractWasm.slice();
  state.worker.postMessage({ type: 'extract-module', wasm: wasm.buffer }, [wasm.buffer]);
}

/** A batch the module could not check together: each file alone, so that one bad file costs only itself. */
function retrySingly(job) {
  for (const one of job.batch) one.single = true;
  state.queue.unshift(...job.batch);
}

/** The form changed while its last version was being checked: check the new one. */
function againIfEdited(entry) {
  if (!entry.edited) return;
  entry.edited = false;
  if (!state.queue.includes(entry)) state.queue.push(entry);
}

/** Checks an entry again (its bytes changed), once the check in flight is done. */
function recheck(entry) {
  if (state.busy === entry) entry.edited = true;
  else if (!state.queue.includes(entry)) state.queue.push(entry);
  state.batchSize = 1;
  pump();
}

function finish(entry, result) {
  Object.assign(entry, result);
  updateRow(entry);
  if (entry === state.entries[state.selected]) showSelected();
  showProgress();
}

// ---- the files ----

/** A new batch: one file or many; each gets its verdict, and the first failing one is opened. */
function addInputs(inputs) {
  if (inputs.length === 0) return;
  state.notice = '';
  if (inputs.length > 1 || !inputs.some((input) => input.kind)) closeWorkspace();
  state.entries = inputs.map((input) => ({ id: state.nextId++, status: 'pending', ...input }));
  state.queue = [...state.entries];
  state.batchSize = state.entries.length;
  state.selected = 0;
  renderList();
  showSelected();
  pump();
}

function addFiles(fileList) {
  const files = Array.from(fileList);
  if (files.length === 0) return;
  // Each file by its kind: a PDF and a report's text (.txt or .html whose first character is not
  // { or [) are read for their figures; anything else is a report (JSON) to check.
  Promise.all(files.map(classify)).then((inputs) => {
    if (inputs.length === 1 && inputs[0].kind === 'text') openText(inputs[0]);
    else addInputs(inputs);
  });
}

function classify(file) {
  const input = { name: file.name, file };
  if (PDF_FILE.test(file.name)) return Promise.resolve({ kind: 'text', name: file.name, pdf: file });
  if (!TEXT_FILE.test(file.name)) {
    return file.slice(0, 8).arrayBuffer().then(
      (head) => (new TextDecoder().decode(head).startsWith('%PDF-') ? { kind: 'text', name: file.name, pdf: file } : input),
      () => input,
    );
  }
  return file.slice(0, 256).text().then((head) => (/^\s*[[{]/.test(head) ? input : { kind: 'text', name: file.name, file }), () => input);
}

/** Pasted or dropped text: JSON is a report to check; anything else is a report's text to read. */
function addPasted(text, name) {
  if (/^\s*[[{]/.test(text)) addText(text, name);
  else openText({ name: name || state.t('pastedName'), source: text });
}

function addText(text, name) {
  addInputs([{ name: name || state.t('pastedName'), bytes: new TextEncoder().encode(text) }]);
}

function recheckAll() {
  state.queue = state.entries.filter((entry) => entry !== state.busy);
  if (state.busy) state.queue.push(state.busy);
  state.batchSize = state.entries.length;
  pump();
}

function batchDone() {
  clearTimeout(state.progressTimer);
  state.progressTimer = 0;
  showProgress(false);
  if (state.entries.length > 1) {
    const firstFailing = state.entries.findIndex((entry) => entry.status === 'error' || (entry.verdict && entry.verdict.verdict !== 'consistent'));
    const current = state.entries[state.selected];
    const currentFailing = current && (current.status === 'error' || (current.verdict && current.verdict.verdict !== 'consistent'));
    if (firstFailing >= 0 && !currentFailing && !state.userPicked) select(firstFailing);
  }
  document.documentElement.dataset.busy = 'false';
}

function select(index) {
  state.selected = index;
  if (state.table) state.table.select(index);
  showSelected();
}

function renderList() {
  const list = $('file-list');
  state.userPicked = false;
  if (state.entries.length < 2) {
    list.hidden = true;
    list.replaceChildren();
    state.table = null;
    return;
  }
  list.hidden = false;
  state.table = batchTable({
    entries: state.entries,
    selected: state.selected,
    t: state.t,
    sort: state.sort,
    onSort: (sort) => { state.sort = sort; },
    onOpen: (index) => {
      state.userPicked = true;
      select(index);
      const target = state.entries[index] && state.entries[index].kind ? $('workspace') : $('banner');
      if (target && target.scrollIntoView) target.scrollIntoView({ block: 'start' });
    },
  });
  for (const entry of state.entries) entry.row = state.table.rowOf(entry);
  list.replaceChildren(el('h2', { id: 'files-title' }, state.t('files')), el('p', { class: 'muted small', id: 'files-summary' }), state.table.node);
  updateListSummary();
}

function updateRow(entry) {
  if (!entry.row || !state.table) return;
  state.table.update(entry);
  updateListSummary();
}

function updateListSummary() {
  const summary = $('files-summary');
  if (!summary) return;
  const count = (word) => state.entries.filter((e) => e.verdict && e.verdict.verdict === word).length;
  const errors = state.entries.filter((e) => e.status === 'error').length;
  summary.textContent = state.t('fileCount', { n: state.entries.length, consistent: count('consistent'), inconsistent: count('inconsistent'), invalid: count('invalid') + errors });
}

// ---- showing ----

function showSelected() {
  const entry = state.entries[state.selected];
  const banner = $('banner');
  const body = $('verdict-body');
  $('save').disabled = !(entry && entry.verdict);
  $('save-all').hidden = state.entries.length < 2;
  $('save-all-csv').hidden = state.entries.length < 2;
  $('save-report').disabled = !(state.form || (entry && entry.kind === 'text' && entry.draft)); // a scan has no draft
  if (!entry) return;
  if (state.entries.length > 1 && !entry.kind && !state.form) $('workspace').hidden = true; // a batch: the workspace belongs to a text
  if (entry.verdict || entry.status === 'error') {
    state.renders = (state.renders || 0) + 1;
    document.documentElement.dataset.renders = String(state.renders); // lets tests wait for the next verdict
  }
  if (entry.verdict && entry.status !== 'error') {
    renderBanner(banner, entry.verdict, state.t, entry.name);
    renderVerdict(body, entry.verdict, entry.excerpts, state.t, {
      actions: entry.kind === 'text' ? relationActions(entry) : undefined,
      // The form shows the tables marked, and so does a document read on a template (its view
      // above the text): the verdict below does not repeat them.
      showTables: entry.kind !== 'form' && !(entry.kind === 'text' && entry.template),
      places: !entry.kind, // a form's or a text's report is made by the page: its lines mean nothing to the reader
    });
    showWorkspaceVerdict(entry);
    document.documentElement.dataset.verdict = entry.verdict.verdict;
  } else if (entry.status === 'error') {
    banner.className = 'banner banner-error';
    banner.replaceChildren(el('p', { class: 'verdict-word' }, el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, '!'), state.t('failed')), el('p', { class: 'summary' }, entry.error), el('p', { class: 'file-name' }, `${state.t('file')}: `, entry.name));
    body.replaceChildren();
    if (entry.kind === 'text') $('workspace-body').replaceChildren(el('p', { class: 'notice' }, entry.error));
    document.documentElement.dataset.verdict = 'error';
  } else {
    banner.className = 'banner banner-pending';
    banner.replaceChildren(el('p', { class: 'verdict-word' }, state.t(state.ready ? 'checking' : 'loading', { name: entry.name })));
    body.replaceChildren();
  }
}

function showNotice() {
  const notice = $('notice');
  notice.hidden = !state.notice;
  notice.textContent = state.notice;
}

function showProgress(force) {
  const box = $('progress');
  const working = state.busy || state.queue.length > 0;
  document.documentElement.dataset.busy = working ? 'true' : 'false';
  if (!working || (!force && box.hidden && state.progressTimer)) {
    if (!working) box.hidden = true;
    return;
  }
  box.hidden = false;
  const bar = box.querySelector('progress');
  const label = box.querySelector('.label');
  const done = state.entries.filter((e) => e.status === 'done' || e.status === 'error').length;
  if (state.batchSize > 1) {
    bar.max = state.batchSize;
    bar.value = Math.min(done, state.batchSize);
    label.textContent = state.t('checkingMany', { done, total: state.batchSize });
  } else {
    bar.removeAttribute('value'); // indeterminate: one file is checked in one go
    const entry = state.busy;
    label.textContent = entry ? state.t(entry.stage === 'reading' ? 'reading' : 'checking', { name: entry.name }) : '';
  }
}

function applyLanguage() {
  const t = state.t;
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t('title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  for (const button of document.querySelectorAll('#lang-switch button')) button.setAttribute('aria-pressed', button.dataset.lang === state.lang ? 'true' : 'false');
  if (state.version) $('version').textContent = t('version', { version: state.version });
}

function setLanguage(lang) {
  if (!LANGS.includes(lang) || lang === state.lang) return;
  state.lang = lang;
  state.t = translator(lang);
  rememberLang(lang);
  applyLanguage();
  renderList();
  showSelected();
  if (state.form) requestLayout(); // the form's labels are the template's, in the chosen language
  recheckAll(); // the verdict's own messages come from the module in the chosen language
}

// ---- the workspace: the template form, or a report's text ----

function openWorkspace(title) {
  $('workspace').hidden = false;
  $('workspace-title').textContent = title;
  $('workspace-status').textContent = '';
  $('workspace-body').replaceChildren(el('p', { class: 'muted' }, state.t('templateLoading')));
}

function closeWorkspace() {
  if (state.form) clearTimeout(state.form.timer);
  state.form = null;
  $('workspace').hidden = true;
  $('workspace-body').replaceChildren();
}

/**
 * "Start from a template": asks the worker for the template's tables, then shows the form, empty
 * or filled from a template report (`report`: e.g. the draft extraction wrote for a text).
 */
function openForm(template, report) {
  closeWorkspace();
  state.form = { template, view: null, entry: null, values: undefined, report, timer: 0, layoutId: 0 };
  openWorkspace(state.t(`template_${template}`));
  document.documentElement.dataset.form = 'loading';
  requestLayout();
}

function requestLayout() {
  if (!state.ready) {
    setTimeout(requestLayout, 100);
    return;
  }
  const form = state.form;
  form.layoutId = state.nextId++;
  state.worker.postMessage({ type: 'layout', id: form.layoutId, lang: state.lang, template: form.template });
}

function showForm(tables, title) {
  const form = state.form;
  if (form.view) form.values = form.view.values(); // a new language: keep what was typed
  else if (form.report) form.values = valuesFromReport(form.report, tables);
  form.view = templateForm({ template: form.template, tables, t: state.t, values: form.values, onChange: formEdited });
  $('workspace-title').textContent = title || state.t(`template_${form.template}`);
  $('workspace-body').replaceChildren(form.view.node);
  document.documentElement.dataset.form = 'ready';
  if (!form.entry) {
    form.entry = { id: state.nextId++, kind: 'form', name: state.t('templateName', { template: form.template }), status: 'pending', bytes: formBytes() };
    state.entries = [form.entry];
    state.selected = 0;
    renderList();
    recheck(form.entry);
  } else if (form.entry.verdict) {
    form.view.mark(form.entry.verdict);
  }
}

const formBytes = () => new TextEncoder().encode(JSON.stringify(state.form.view.report()));

/** A keystroke in the form: re-check a moment after the typing stops. */
function formEdited() {
  const form = state.form;
  clearTimeout(form.timer);
  form.timer = setTimeout(() => {
    if (state.form !== form) return;
    form.entry.bytes = formBytes();
    recheck(form.entry);
  }, TYPING_DELAY_MS);
}

/** A report's text: the worker reads its figures, and the draft report is checked. */
function openText({ name, file, source, pdf }) {
  closeWorkspace();
  openWorkspace(name);
  $('workspace-body').replaceChildren(el('p', { class: 'muted' }, state.t(pdf ? 'pdfReading' : 'textReading', { name })));
  addInputs([{ kind: 'text', name, file, source, pdf }]);
}

function relationActions(entry) {
  const change = (edit) => (check) => {
    if (!entry.draft || !edit(entry.draft, check.id)) return;
    const text = JSON.stringify(entry.draft, null, 2);
    entry.bytes = new TextEncoder().encode(text);
    recheck(entry);
  };
  return { confirm: change(confirmCheck), dismiss: change(dismissCheck) };
}

/** The workspace's part of a verdict: the form's marked cells, or the text's underlined figures. */
function showWorkspaceVerdict(entry) {
  if (entry.kind === 'form' && state.form && state.form.entry === entry && state.form.view) {
    state.form.view.mark(entry.verdict);
    $('workspace-status').textContent = statusLine(entry.verdict);
    $('workspace-status').className = `workspace-status status-${entry.verdict.verdict}`;
  } else if (entry.kind === 'text' && entry.draft) {
    const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('.fig');
    const focusedFact = focused ? focused.dataset.fact : null;
    const view = textView({ text: entry.text, figures: entry.figures, verdict: entry.verdict, report: entry.draft, t: state.t, actions: relationActions(entry), lang: (entry.draft.report && entry.draft.report.language) || undefined });
    $('workspace').hidden = false;
    $('workspace-title').textContent = entry.template ? state.t('documentTitle', { name: entry.name }) : state.t('textTitle');
    $('workspace-status').textContent = statusLine(entry.verdict);
    $('workspace-status').className = `workspace-status status-${entry.verdict.verdict}`;
    // A report on a known template: its tables as the document prints them, ✓/✗ in every cell,
    // the narrative's restatements, extraction's warnings; the text with its figures below.
    const documentNode = entry.template || (entry.warnings || []).length
      ? documentView({ entry, verdict: entry.verdict, t: state.t, lang: state.lang, onEdit: () => editInForm(entry) })
      : null;
    $('workspace-body').replaceChildren(...(documentNode ? [documentNode, el('details', { class: 'document-text', open: entry.template ? undefined : true }, el('summary', {}, state.t('documentText')), view.node)] : [view.node]));
    if (focusedFact) view.node.querySelector(`.fig[data-fact="${CSS.escape(focusedFact)}"]`)?.focus();
  }
}

/** The recognised draft in the template form, to correct what was misread. */
function editInForm(entry) {
  openForm(entry.template, entry.draft);
}

/** One line above the form or the text: the verdict's mark and summary. */
function statusLine(verdict) {
  const mark = verdict.verdict === 'consistent' ? '✓' : verdict.verdict === 'inconsistent' ? '✗' : '!';
  return `${mark} ${verdict.summary || state.t(`verdict_${verdict.verdict}`)}`;
}

function saveReport() {
  const entry = state.entries[state.selected];
  if (state.form && state.form.view) download(`${state.form.template}-report.json`, state.form.view.report());
  else if (entry && entry.kind === 'text' && entry.draft) download(`${baseName(entry.name)}.crossfoot.json`, entry.draft);
}

// ---- saving ----

function download(name, value) {
  downloadText(name, JSON.stringify(value, null, 2) + '\n', 'application/json');
}

function downloadText(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const baseName = (name) => String(name).replace(/\.[^./\\]*$/, '') || 'report';

// ---- the ways in ----

function wire() {
  const input = $('file-input');
  $('open').addEventListener('click', () => input.click());
  input.addEventListener('change', () => {
    addFiles(input.files);
    input.value = '';
  });

  $('paste-check').addEventListener('click', () => {
    const text = $('paste').value;
    if (text.trim()) addPasted(text);
  });

  document.addEventListener('paste', (event) => {
    const target = event.target;
    if (target && (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT')) return;
    const data = event.clipboardData;
    if (!data) return;
    if (data.files && data.files.length) {
      event.preventDefault();
      addFiles(data.files);
      return;
    }
    const text = data.getData('text/plain');
    if (text.trim()) {
      event.preventDefault();
      $('paste').value = text.length < 200000 ? text : '';
      addPasted(text);
    }
  });

  let depth = 0;
  const isFileDrag = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
  window.addEventListener('dragenter', (event) => {
    if (!isFileDrag(event)) return;
    event.preventDefault();
    depth += 1;
    document.body.classList.add('dragging');
  });
  window.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) document.body.classList.remove('dragging');
  });
  window.addEventListener('dragover', (event) => {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  window.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    document.body.classList.remove('dragging');
    const data = event.dataTransfer;
    if (!data) return;
    if (data.files && data.files.length) addFiles(data.files);
    else if ((data.getData('text/plain') || '').trim()) addPasted(data.getData('text/plain'));
  });

  for (const button of document.querySelectorAll('#lang-switch button')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }

  $('save').addEventListener('click', () => {
    const entry = state.entries[state.selected];
    if (entry && entry.verdict) download(`${baseName(entry.name)}.verdict.json`, entry.verdict);
  });
  $('save-all').addEventListener('click', () => {
    download('verdicts.json', state.entries.map((entry) => ({ file: entry.name, verdict: entry.verdict ?? null, error: entry.error ?? undefined })));
  });
  $('save-all-csv').addEventListener('click', () => {
    downloadText('verdicts.csv', batchCsv(state.entries, state.t), 'text/csv');
  });
  $('print').addEventListener('click', () => window.print());
  $('template-open').addEventListener('click', () => openForm($('template-select').value));
  $('save-report').addEventListener('click', saveReport);
  $('close-workspace').addEventListener('click', () => {
    if (state.entries.length > 1 && !state.form) {
      $('workspace').hidden = true; // a batch: back to its table, every document kept
      return;
    }
    closeWorkspace();
    loadExample().then((bytes) => addInputs([{ name: EXAMPLE_NAME, bytes }]), () => {});
  });

  // Printing shows everything: open the collapsed parts, and close them again afterwards.
  let opened = [];
  window.addEventListener('beforeprint', () => {
    opened = Array.from(document.querySelectorAll('#verdict-body details:not([open])'));
    for (const details of opened) details.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
}

// ---- the example, checked on load ----

async function loadExample() {
  const inline = embedded('crossfoot-example');
  if (inline !== null) return base64Bytes(inline);
  const response = await fetch('example.json');
  if (!response.ok) throw new Error(`example.json: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function main() {
  applyLanguage();
  wire();
  startWorker();
  loadExample().then(
    (bytes) => {
      if (state.entries.length === 0) addInputs([{ name: EXAMPLE_NAME, bytes }]); // unless a file came first
    },
    (error) => {
      state.notice = error.message;
      showNotice();
    },
  );
}

main();
