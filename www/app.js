// The page: ways in (drop, open, paste), the list of files, the worker that checks them, and the
// language switch. The verdict view itself is render.js; the words are i18n.js.

import { el, renderBanner, renderVerdict } from './render.js';
import { LANGS, initialLang, rememberLang, translator } from './i18n.js';

const EXAMPLE_NAME = 'qingpu-2017.json';
const PROGRESS_DELAY_MS = 250; // show the progress bar only for work that takes longer than this

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
};
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

function startWorker() {
  state.ready = false;
  let worker;
  try {
    const source = embedded('crossfoot-worker-source');
    if (source !== null) {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      worker = new Worker(url); // classic: Chromium refuses module workers from blob: on file://
      const wasm = base64Bytes(embedded('crossfoot-wasm'));
      worker.postMessage({ type: 'init', wasm: wasm.buffer }, [wasm.buffer]);
    } else {
      worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
      worker.postMessage({ type: 'init' });
    }
  } catch (error) {
    fatal(error);
    return;
  }
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
  if (entry) finish(entry, { status: 'error', error: state.t('trap', { name: entry.name, message }) });
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
      finish(entry, { status: 'done', verdict: message.verdict, excerpts: message.excerpts, timing: message.timing });
      document.documentElement.dataset.lastCheckMs = String(Math.round(message.timing ? message.timing.checkMs : -1));
      pump();
      break;
    case 'error':
      if (message.trap) {
        restartAfterTrap(message.message);
        break;
      }
      if (!entry) break;
      state.busy = null;
      finish(entry, { status: 'error', error: message.read ? state.t('readFailed', { name: entry.name, message: message.message }) : message.message });
      pump();
      break;
    default:
  }
}

/** Sends the next file to the worker; one at a time, so a trap loses at most the file it was on. */
function pump() {
  if (!state.ready || state.busy) return;
  const entry = state.queue.shift();
  if (!entry) {
    batchDone();
    return;
  }
  state.busy = entry;
  entry.status = 'checking';
  entry.stage = 'reading';
  const message = { type: 'check', id: entry.id, name: entry.name, lang: state.lang };
  if (entry.bytes) message.bytes = entry.bytes.slice().buffer; // a copy: the entry keeps its bytes for a re-check
  else message.file = entry.file;
  state.worker.postMessage(message);
  if (!state.progressTimer) state.progressTimer = setTimeout(() => { state.progressTimer = 0; showProgress(true); }, PROGRESS_DELAY_MS);
  showProgress();
  if (entry === state.entries[state.selected] && !entry.verdict) showSelected();
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
  state.entries = inputs.map((input) => ({ id: state.nextId++, status: 'pending', ...input }));
  state.queue = [...state.entries];
  state.batchSize = state.entries.length;
  state.selected = 0;
  renderList();
  showSelected();
  pump();
}

function addFiles(fileList) {
  addInputs(Array.from(fileList, (file) => ({ name: file.name, file })));
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
  for (const [i, entry] of state.entries.entries()) if (entry.row) entry.row.button.setAttribute('aria-current', i === index ? 'true' : 'false');
  showSelected();
}

function renderList() {
  const list = $('file-list');
  state.userPicked = false;
  if (state.entries.length < 2) {
    list.hidden = true;
    list.replaceChildren();
    return;
  }
  list.hidden = false;
  const ol = el('ol', {});
  for (const [index, entry] of state.entries.entries()) {
    const badge = el('span', { class: 'badge' });
    const button = el('button', { type: 'button', class: 'file', 'aria-current': index === state.selected ? 'true' : 'false', onclick: () => { state.userPicked = true; select(index); } }, el('span', { class: 'file-name' }, entry.name), badge);
    entry.row = { button, badge };
    ol.append(el('li', {}, button));
    updateRow(entry);
  }
  list.replaceChildren(el('h2', { id: 'files-title' }, state.t('files')), el('p', { class: 'muted small', id: 'files-summary' }), ol);
  updateListSummary();
}

function updateRow(entry) {
  if (!entry.row) return;
  const { badge } = entry.row;
  const status = entry.status === 'done' ? entry.verdict.verdict : entry.status === 'error' ? 'error' : 'pending';
  badge.className = `badge badge-${status}`;
  badge.textContent = entry.status === 'done' ? state.t(`verdict_${status}`) : entry.status === 'error' ? state.t('failed') : state.t('pending');
  updateListSummary();
}

function updateListSummary() {
  const summary = $('files-summary');
  if (!summary) return;
  const count = (word) => state.entries.filter((e) => e.verdict && e.verdict.verdict === word).length;
  summary.textContent = state.t('fileCount', { n: state.entries.length, consistent: count('consistent'), inconsistent: count('inconsistent'), invalid: count('invalid') });
}

// ---- showing ----

function showSelected() {
  const entry = state.entries[state.selected];
  const banner = $('banner');
  const body = $('verdict-body');
  $('save').disabled = !(entry && entry.verdict);
  $('save-all').hidden = state.entries.length < 2;
  if (!entry) return;
  if (entry.verdict || entry.status === 'error') {
    state.renders = (state.renders || 0) + 1;
    document.documentElement.dataset.renders = String(state.renders); // lets tests wait for the next verdict
  }
  if (entry.verdict && entry.status !== 'error') {
    renderBanner(banner, entry.verdict, state.t, entry.name);
    renderVerdict(body, entry.verdict, entry.excerpts, state.t);
    document.documentElement.dataset.verdict = entry.verdict.verdict;
  } else if (entry.status === 'error') {
    banner.className = 'banner banner-error';
    banner.replaceChildren(el('p', { class: 'verdict-word' }, el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, '!'), state.t('failed')), el('p', { class: 'summary' }, entry.error), el('p', { class: 'file-name' }, `${state.t('file')}: `, entry.name));
    body.replaceChildren();
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
  recheckAll(); // the verdict's own messages come from the module in the chosen language
}

// ---- saving ----

function download(name, value) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }));
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
    if (text.trim()) addText(text);
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
    if (/^\s*[[{]/.test(text)) {
      event.preventDefault();
      $('paste').value = text.length < 200000 ? text : '';
      addText(text);
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
    else if (/^\s*[[{]/.test(data.getData('text/plain') || '')) addText(data.getData('text/plain'));
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
  $('print').addEventListener('click', () => window.print());

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
