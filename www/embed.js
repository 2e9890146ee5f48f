// The script of embed.html: the message API of the crossfoot iframe.
//
// In:  {type: "crossfoot:check", report, id?, lang?}   report: text, bytes, a Blob or an object
// Out: {type: "crossfoot:verdict", id, verdict, height} | {type: "crossfoot:error", id, message}
//
// A message is answered only when it comes from this frame's parent window, from an origin the
// deployment allows (data-allowed-origins on <html>; empty: any), and the answer is posted to
// that exact origin, never "*". Anything else is ignored without a word. The frame shows the
// verdict too (<crossfoot-report>), and `height` lets the parent size the iframe to fit.
// Query string (display only): ?lang=zh, ?compact=false.

import './crossfoot-element.js';

const allowed = (document.documentElement.dataset.allowedOrigins || '').split(/[\s,]+/).filter(Boolean);
const element = document.querySelector('crossfoot-report');
const query = new URLSearchParams(location.search);

const page = new CSSStyleSheet();
page.replaceSync('html, body { margin: 0; padding: 0; background: transparent; } crossfoot-report { margin: 0; }');
document.adoptedStyleSheets = [page];

if (query.get('lang')) element.setAttribute('lang', query.get('lang'));
if (query.get('compact') === 'false') element.setAttribute('compact', 'false');

/** True for an origin this deployment lets ask. "null" (sandboxed or file:// parents) can never be
 *  answered without "*", so it is never allowed. */
function mayAsk(origin) {
  if (typeof origin !== 'string' || origin === 'null' || origin === '') return false;
  return allowed.length === 0 || allowed.includes(origin);
}

// One request at a time: the element shows one report, and each answer must be that request's.
let queue = Promise.resolve();

window.addEventListener('message', (event) => {
  if (window.parent === window || event.source !== window.parent) return;
  if (!mayAsk(event.origin)) return;
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'crossfoot:check') return;
  const origin = event.origin;
  const parent = event.source;
  queue = queue.then(() => answer(data, parent, origin));
});

async function answer(data, parent, origin) {
  const id = typeof data.id === 'string' || typeof data.id === 'number' ? data.id : null;
  const reply = (message) => parent.postMessage({ ...message, id }, origin);
  const outcome = new Promise((resolve) => {
    const done = (event) => {
      element.removeEventListener('crossfoot-verdict', done);
      element.removeEventListener('crossfoot-error', done);
      resolve(event);
    };
    element.addEventListener('crossfoot-verdict', done);
    element.addEventListener('crossfoot-error', done);
  });
  if (typeof data.lang === 'string') element.setAttribute('lang', data.lang);
  if (data.report === undefined || data.report === null) {
    reply({ type: 'crossfoot:error', message: 'crossfoot:check needs a report' });
    return;
  }
  element.report = data.report;
  const event = await outcome;
  if (event.type === 'crossfoot-verdict') {
    reply({ type: 'crossfoot:verdict', verdict: event.detail, height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
  } else {
    reply({ type: 'crossfoot:error', message: event.detail.message });
  }
}
