// <crossfoot-report>: the verdict of one report, inside any page, with one line:
//   <script type="module" src="crossfoot-element.js"></script>
//
// The report comes from (the last one given wins):
//   - the `report` property: text, bytes (Uint8Array, ArrayBuffer), a Blob/File, or an object;
//   - the `src` attribute: a URL, fetched relative to the page;
//   - an inline child <script type="application/json">…</script>.
// Attributes: `lang` ("en" or "zh"; else the nearest lang= of the page, else the browser's) and
// `compact` (the default; compact="false" shows every check and fact, as the page does).
// Events: `crossfoot-verdict` (detail: the verdict) and `crossfoot-error` (detail: {message}).
// Theming: CSS custom properties --crossfoot-* and ::part(banner, summary, counts, title, body,
// section, check, suspect, finding, badge, facts, …), listed in docs/embedding.md.
//
// The view is render.js, the page's own, drawn into an open shadow root: the host's CSS does not
// reach in and ours does not leak out. Report text only ever becomes text nodes. The module runs
// on the page's thread and is loaded once for every element on the page.

import init, { check } from './pkg/crossfoot.js';
import { renderBanner, renderVerdict } from './render.js';
import { LANGS, translator } from './i18n.js';

const STYLE = `
:host {
  all: initial;
  display: block;
  --cf-font: var(--crossfoot-font, system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif);
  --cf-mono: var(--crossfoot-mono, ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace);
  --cf-fg: var(--crossfoot-color, #1b1d21);
  --cf-bg: var(--crossfoot-background, #ffffff);
  --cf-muted: var(--crossfoot-muted, #5d6470);
  --cf-line: var(--crossfoot-border, #d9dce1);
  --cf-code-bg: var(--crossfoot-code-background, #f1f2f4);
  --cf-accent: var(--crossfoot-accent, #1d5fd1);
  --cf-ok: var(--crossfoot-ok, #17703a);
  --cf-ok-bg: var(--crossfoot-ok-background, #e5f4ea);
  --cf-bad: var(--crossfoot-bad, #b42318);
  --cf-bad-bg: var(--crossfoot-bad-background, #fdecea);
  --cf-warn: var(--crossfoot-warn, #8a5a00);
  --cf-warn-bg: var(--crossfoot-warn-background, #fff4d6);
  --cf-invalid: var(--crossfoot-invalid, #6b3fa0);
  --cf-invalid-bg: var(--crossfoot-invalid-background, #f1eafb);
  --cf-radius: var(--crossfoot-radius, 10px);
}
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  font-family: var(--cf-font);
  font-size: var(--crossfoot-font-size, 16px);
  line-height: 1.5;
  color: var(--cf-fg);
  background: var(--cf-bg);
  border: 1px solid var(--cf-line);
  border-radius: var(--cf-radius);
  padding: 0.75em;
  text-align: start;
  overflow-wrap: anywhere;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
p, ol, ul, dl, dd, h2, blockquote, pre, table { margin: 0; padding: 0; }
h2 { font-size: 1.05em; font-weight: 700; }
code, pre, .arithmetic, .num { font-family: var(--cf-mono); }
code { background: var(--cf-code-bg); border-radius: 3px; padding: 0 0.25em; font-size: 0.92em; }
.muted { color: var(--cf-muted); }
.small { font-size: 0.88em; }
:focus-visible { outline: 3px solid var(--cf-accent); outline-offset: 2px; border-radius: 3px; }
button { font: inherit; font-size: 0.9em; color: var(--cf-fg); background: var(--cf-bg); border: 1px solid var(--cf-line); border-radius: 6px; padding: 0.25em 0.7em; cursor: pointer; margin-top: 0.5em; }
button:hover { border-color: var(--cf-accent); }

.banner { border-radius: calc(var(--cf-radius) - 2px); padding: 0.6em 0.9em; border: 2px solid var(--cf-line); background: var(--cf-bg); }
.banner p { margin: 0.1em 0; }
.verdict-word { font-size: 1.35em; font-weight: 700; line-height: 1.3; }
.verdict-icon { display: inline-block; width: 1.3em; }
.banner-consistent { border-color: var(--cf-ok); background: var(--cf-ok-bg); }
.banner-consistent .verdict-word { color: var(--cf-ok); }
.banner-inconsistent { border-color: var(--cf-bad); background: var(--cf-bad-bg); }
.banner-inconsistent .verdict-word { color: var(--cf-bad); }
.banner-invalid { border-color: var(--cf-invalid); background: var(--cf-invalid-bg); }
.banner-invalid .verdict-word { color: var(--cf-invalid); }
.banner-error { border-color: var(--cf-warn); background: var(--cf-warn-bg); }
.banner-error .verdict-word, .banner-pending .verdict-word { font-size: 1em; font-weight: 500; }
.banner-error .verdict-word { color: var(--cf-warn); }
.banner-pending .verdict-word { color: var(--cf-muted); }
.summary { font-size: 1em; }
.counts { display: flex; flex-wrap: wrap; gap: 0.3em; list-style: none; margin: 0.4em 0 0.1em; }
.count { background: var(--cf-bg); border: 1px solid var(--cf-line); border-radius: 999px; padding: 0 0.55em; font-size: 0.85em; }
.count-failed, .count-errors { border-color: var(--cf-bad); color: var(--cf-bad); font-weight: 600; }
.count-checkErrors, .count-warnings { border-color: var(--cf-warn); color: var(--cf-warn); }
.count-passed { border-color: var(--cf-ok); color: var(--cf-ok); }
.file-name { color: var(--cf-muted); font-size: 0.88em; }

.body:empty { display: none; }
.body { margin-top: 0.6em; }
.report-info h2 { font-size: 1.1em; margin: 0.2em 0; }
.report-info dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 0.8em; font-size: 0.9em; }
.report-info dt { color: var(--cf-muted); }
.part, .passing { margin: 0.9em 0 0; }
.part h2, .passing > summary { font-size: 1em; margin: 0 0 0.4em; }
.part h2 .n { color: var(--cf-muted); font-weight: 400; }
.list { list-style: none; display: grid; gap: 0.5em; }
.list > li { background: var(--cf-bg); border: 1px solid var(--cf-line); border-radius: 8px; padding: 0.5em 0.7em; }
.list > li p { margin: 0.25em 0; }
.check-fail, .suspect { border-inline-start: 5px solid var(--cf-bad) !important; }
.check-error, .finding-warning { border-inline-start: 5px solid var(--cf-warn) !important; }
.check-pass { border-inline-start: 5px solid var(--cf-ok) !important; }
.finding-error { border-inline-start: 5px solid var(--cf-invalid) !important; }
.suspect-message { font-weight: 600; }
.item-head { display: flex; flex-wrap: wrap; gap: 0.25em 0.5em; align-items: baseline; }
.where { color: var(--cf-muted); font-size: 0.85em; margin-inline-start: auto; }
.badge { font-size: 0.75em; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; border-radius: 4px; padding: 0 0.4em; background: var(--cf-code-bg); color: var(--cf-muted); white-space: nowrap; }
.badge-fail { background: var(--cf-bad-bg); color: var(--cf-bad); }
.badge-pass { background: var(--cf-ok-bg); color: var(--cf-ok); }
.badge-error { background: var(--cf-invalid-bg); color: var(--cf-invalid); }
.badge-warning { background: var(--cf-warn-bg); color: var(--cf-warn); }
.arithmetic { font-size: 0.95em; }
.check-fail .arithmetic { font-weight: 600; }
.quote { padding: 0.1em 0.7em; border-inline-start: 3px solid var(--cf-line); color: var(--cf-muted); }
.off-by { color: var(--cf-bad); }
.passing > summary { cursor: pointer; font-weight: 700; }
.passing > .list-wrap { margin-top: 0.4em; }
.table-wrap { overflow-x: auto; }
table.facts { border-collapse: collapse; width: 100%; font-size: 0.88em; }
table.facts th, table.facts td { text-align: start; vertical-align: top; padding: 0.25em 0.45em; border-bottom: 1px solid var(--cf-line); }
table.facts td.num { text-align: end; white-space: nowrap; }
table.facts td.quote-cell { color: var(--cf-muted); min-width: 10em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.grid-block + .grid-block { margin-top: 1em; }
.grid-title { font-weight: 700; margin-bottom: 0.25em; }
.grid-wrap { position: relative; border: 1px solid var(--cf-line); border-radius: 6px; }
table.grid { border-collapse: collapse; font-size: 0.88em; min-width: 100%; }
table.grid th, table.grid td { padding: 0.2em 0.45em; border-top: 1px solid var(--cf-line); }
table.grid thead th, table.grid thead td { border-top: 0; text-align: end; vertical-align: bottom; }
table.grid tbody th { text-align: start; font-weight: 400; min-width: 9em; }
table.grid td.num { text-align: end; white-space: nowrap; }
table.grid td.cell-fail { background: var(--cf-bad-bg); color: var(--cf-bad); font-weight: 700; box-shadow: inset 0 0 0 2px var(--cf-bad); }
.cell-mark { margin-inline-start: 0.2em; }
.cell-suspect-mark { display: block; font-size: 0.75em; }
@media (max-width: 40rem) {
  .where { margin-inline-start: 0; width: 100%; }
  table.facts th:nth-child(5), table.facts td:nth-child(5) { display: none; }
}
`;

// Elements of the view the host may style with ::part(name).
const PARTS = [
  ['.verdict-word', 'verdict-word'],
  ['.summary', 'summary'],
  ['.counts', 'counts'],
  ['.report-title', 'title'],
  ['.part, .passing', 'section'],
  ['.check', 'check'],
  ['.suspect', 'suspect'],
  ['.finding', 'finding'],
  ['.badge', 'badge'],
  ['.arithmetic', 'arithmetic'],
  ['table.facts', 'facts'],
  ['table.grid', 'table'],
  ['button', 'button'],
];

let sheet = null;
/** One constructed style sheet shared by every element (not subject to the host's style-src). */
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
  }
  return sheet;
}

let loading = null;
/** Loads the WebAssembly module once for the page; a failed load may be retried. */
function loadModule() {
  if (!loading) {
    loading = init({ module_or_path: new URL('./pkg/crossfoot_bg.wasm', import.meta.url) }).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

/** The report as the module takes it: text or bytes. An object is checked as JSON.stringify writes it. */
async function toInput(report) {
  if (typeof report === 'string' || report instanceof Uint8Array || report instanceof ArrayBuffer) return report;
  if (ArrayBuffer.isView(report)) return new Uint8Array(report.buffer, report.byteOffset, report.byteLength);
  if (report instanceof Blob) return new Uint8Array(await report.arrayBuffer());
  const text = JSON.stringify(report);
  if (typeof text !== 'string') throw new TypeError('the report must be text, bytes, a Blob or an object');
  return text;
}

const COMPACT_SUSPECTS = 3; // the compact view names the likeliest few

// Said after the error when the host page's policy forbids compiling WebAssembly: the fix is theirs.
const CSP_HINT = {
  en: "The page's Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src.",
  zh: '本页的内容安全策略(Content-Security-Policy)须在 script-src 中允许 \'wasm-unsafe-eval\'。',
};

const message = (error) => (error && error.message ? error.message : String(error));

export class CrossfootReport extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'compact'];

  #report = undefined; // what was set through the `report` property
  #fromProperty = false; // true while the property (not src or the inline child) is the source
  #input = null; // {data, name} of the report last read, kept so that a new lang re-checks it without re-reading
  #verdict = null;
  #error = null;
  #reads = 0; // each read and each check takes a number; an answer for an older one is dropped
  #checks = 0;
  #pending = null; // 'read' | 'check' | 'render': the work scheduled for the next microtask
  #fetch = null; // AbortController of the src fetch in flight
  #observer = null;
  #banner;
  #body;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    const frame = document.createElement('div');
    frame.className = 'root';
    frame.setAttribute('part', 'root');
    this.#banner = document.createElement('div');
    this.#banner.setAttribute('part', 'banner');
    this.#banner.setAttribute('role', 'status');
    this.#banner.setAttribute('aria-live', 'polite');
    this.#body = document.createElement('div');
    this.#body.className = 'body';
    this.#body.setAttribute('part', 'body');
    frame.append(this.#banner, this.#body);
    root.append(frame);
    // "Show more" buttons add rows: give the new ones their parts too.
    root.addEventListener('click', () => queueMicrotask(() => this.#assignParts()));
  }

  connectedCallback() {
    // A property set on the element before this script defined it hides the class's setter: take it over.
    for (const name of ['report', 'src', 'compact']) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    // The inline report may be parsed after the element is upgraded, or changed later.
    this.#observer = new MutationObserver(() => {
      if (!this.#fromProperty && !this.hasAttribute('src')) this.#schedule('read');
    });
    this.#observer.observe(this, { childList: true, subtree: true, characterData: true });
    this.#schedule('read');
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#fetch?.abort();
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'src') {
      this.#fromProperty = false;
      this.#schedule('read');
    } else if (name === 'lang') {
      this.#schedule('check');
    } else {
      this.#schedule('render');
    }
  }

  /** The report last set through this property (text, bytes, Blob or object). */
  get report() {
    return this.#report;
  }

  set report(value) {
    this.#report = value;
    this.#fromProperty = value !== undefined && value !== null;
    this.#schedule('read');
  }

  /** The verdict on show, or null. */
  get verdict() {
    return this.#verdict;
  }

  get src() {
    return this.getAttribute('src') ?? '';
  }

  set src(value) {
    this.setAttribute('src', value);
  }

  /** Compact (the default) shows the verdict, failing checks, suspects and findings; false shows everything. */
  get compact() {
    return this.getAttribute('compact') !== 'false';
  }

  set compact(value) {
    this.setAttribute('compact', value ? '' : 'false');
  }

  /** "en" or "zh": the element's lang, else the nearest one of the page, else the browser's. */
  get language() {
    const tags = [this.closest('[lang]')?.getAttribute('lang'), ...(navigator.languages || [navigator.language])];
    for (const tag of tags) {
      const primary = String(tag || '').toLowerCase().split(/[-_]/)[0];
      if (LANGS.includes(primary)) return primary;
    }
    return 'en';
  }

  /** Batches attribute and property changes of one task into one piece of work, the biggest asked for. */
  #schedule(work) {
    const order = { render: 0, check: 1, read: 2 };
    if (this.#pending && order[this.#pending] >= order[work]) return;
    const first = this.#pending === null;
    this.#pending = work;
    if (first) {
      queueMicrotask(() => {
        const next = this.#pending;
        this.#pending = null;
        if (!this.isConnected) return;
        if (next === 'read') this.#read();
        else if (next === 'check') this.#check();
        else this.#render();
      });
    }
  }

  async #read() {
    const run = ++this.#reads;
    this.#fetch?.abort();
    this.#fetch = null;
    try {
      let input = null;
      if (this.#fromProperty) {
        input = { data: await toInput(this.#report), name: this.#report instanceof File ? this.#report.name : undefined };
      } else if (this.hasAttribute('src')) {
        this.#showPending();
        const url = new URL(this.getAttribute('src'), document.baseURI);
        const controller = new AbortController();
        this.#fetch = controller;
        const response = await fetch(url, { signal: controller.signal, credentials: 'same-origin' });
        if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
        input = { data: new Uint8Array(await response.arrayBuffer()), name: decodeURIComponent(url.pathname.split('/').pop() || url.hostname) };
      } else {
        const inline = this.querySelector(':scope > script[type="application/json"]');
        if (inline) input = { data: inline.textContent, name: undefined };
      }
      if (run !== this.#reads) return;
      this.#input = input;
      if (input) this.#check();
      else this.#clear();
    } catch (error) {
      if (run !== this.#reads || error?.name === 'AbortError') return;
      this.#fail(this.#t('readFailed', { name: this.getAttribute('src') || 'report', message: message(error) }));
    }
  }

  async #check() {
    if (!this.#input) return; // a read in flight checks when it has the report
    const run = ++this.#checks;
    const input = this.#input;
    try {
      if (!this.#verdict) this.#showPending();
      await loadModule();
      if (run !== this.#checks) return;
      const options = { lang: this.language };
      if (input.name) options.source = input.name;
      this.#verdict = check(input.data, options);
      this.#error = null;
    } catch (error) {
      if (run !== this.#checks) return;
      const text = message(error);
      const hint = /unsafe-eval|Content.Security.Policy/i.test(text) ? ` ${CSP_HINT[this.language]}` : '';
      this.#fail(this.#t('workerFailed', { message: text }) + hint);
      return;
    }
    this.#render();
    this.dispatchEvent(new CustomEvent('crossfoot-verdict', { detail: this.#verdict, bubbles: true, composed: true }));
  }

  #t(key, vars) {
    return translator(this.language)(key, vars);
  }

  #showPending() {
    this.#banner.className = 'banner banner-pending';
    const word = document.createElement('p');
    word.className = 'verdict-word';
    word.textContent = this.#t('loading');
    this.#banner.replaceChildren(word);
    this.#assignParts();
  }

  #clear() {
    this.#checks += 1; // a check still in flight is for a report no longer here
    this.removeAttribute('verdict');
    this.#verdict = null;
    this.#error = null;
    this.#showPending();
    this.#body.replaceChildren();
  }

  #fail(text) {
    this.#checks += 1;
    this.removeAttribute('verdict');
    this.#verdict = null;
    this.#error = text;
    this.#render();
    this.dispatchEvent(new CustomEvent('crossfoot-error', { detail: { message: text }, bubbles: true, composed: true }));
  }

  #render() {
    if (this.#error !== null) {
      this.#banner.className = 'banner banner-error';
      const word = document.createElement('p');
      word.className = 'verdict-word';
      word.textContent = this.#error;
      this.#banner.replaceChildren(word);
      this.#body.replaceChildren();
      this.#assignParts();
      return;
    }
    const verdict = this.#verdict;
    if (!verdict) return;
    const t = translator(verdict.language);
    this.setAttribute('verdict', verdict.verdict);
    const banner = this.#banner;
    const body = this.#body;
    if (this.compact) {
      renderBanner(banner, verdict, t, null);
      const checks = verdict.checks.filter((c) => c.status !== 'pass');
      const report = verdict.report && verdict.report.title ? { title: verdict.report.title } : undefined;
      const suspects = verdict.suspects.slice(0, COMPACT_SUSPECTS);
      renderVerdict(body, { ...verdict, report, checks, suspects, facts: [] }, {}, t);
    } else {
      renderBanner(banner, verdict, t, verdict.source);
      renderVerdict(body, verdict, {}, t);
    }
    this.#banner.setAttribute('part', `banner banner-${verdict.verdict}`);
    this.#assignParts();
  }

  #assignParts() {
    this.#banner.setAttribute('part', this.#verdict && this.#error === null ? `banner banner-${this.#verdict.verdict}` : 'banner');
    for (const [selector, part] of PARTS) {
      for (const node of this.shadowRoot.querySelectorAll(selector)) node.setAttribute('part', part);
    }
  }
}

if (!customElements.get('crossfoot-report')) customElements.define('crossfoot-report', CrossfootReport);
