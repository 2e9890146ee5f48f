// Text import: the report's own text with every figure underlined like a spell-checker (green:
// in a check that holds; red: in one that fails; dashed amber: in a relation to confirm; dotted
// grey: in no check). Hover or focus a figure to see its checks with their arithmetic; a relation
// to confirm has its two buttons there. The style of each mark differs too, never colour alone.
//
// The extractor gives offsets in Unicode code points; JavaScript strings count UTF-16 units, so
// a character outside the BMP (𠮷, emoji) counts 1 there and 2 here: codePointIndex converts.

import { el } from './dom.js';

/** utf16[i] = the UTF-16 offset of code point i; utf16[count] = text.length. */
export function codePointIndex(text) {
  const utf16 = new Uint32Array(text.length + 1);
  let points = 0;
  for (let unit = 0; unit < text.length; points += 1) {
    utf16[points] = unit;
    const code = text.codePointAt(unit);
    unit += code > 0xffff ? 2 : 1;
  }
  utf16[points] = text.length;
  return utf16.subarray(0, points + 1);
}

const STATUS_ORDER = ['fail', 'pass', 'confirm', 'none']; // a figure shows the first that applies
const MARK = { fail: '✗', pass: '✓', confirm: '?', none: '' };

/** Each fact's checks, and its status: fail > pass > confirm > none. */
function checksOfFacts(verdict) {
  const byFact = new Map();
  for (const check of verdict.checks || []) {
    for (const fact of check.facts || []) {
      if (!byFact.has(fact)) byFact.set(fact, []);
      byFact.get(fact).push(check);
    }
  }
  return byFact;
}

function statusOf(checks) {
  const kinds = new Set(checks.map((c) => (c.toConfirm ? 'confirm' : c.status === 'pass' ? 'pass' : 'fail')));
  return STATUS_ORDER.find((kind) => kinds.has(kind)) || 'none';
}

/** The draft report's facts by the offsets they quote: "start:end" → fact id. */
function factsByPlace(report) {
  const byPlace = new Map();
  const walk = (node) => {
    for (const fact of node.facts || []) if (fact.at) byPlace.set(`${fact.at.start}:${fact.at.end}`, fact.id);
    for (const child of node.sections || []) walk(child);
  };
  if (report) walk(report);
  return byPlace;
}

/**
 * The view. `figures`: [{id, start, end, printed, unit, label}] (code point offsets); `report`:
 * the draft report as an object; `actions`: {confirm(check), dismiss(check)}. Returns {node, counts}.
 */
export function textView({ text, figures, verdict, report, t, actions, lang }) {
  const utf16 = codePointIndex(text);
  const last = utf16.length - 1;
  const checksOf = checksOfFacts(verdict);
  const byPlace = factsByPlace(report);
  const known = new Set((verdict.facts || []).map((fact) => fact.id));
  // Not role=tooltip: it holds buttons. A group named after its figure, described by aria-describedby.
  const tip = el('div', { class: 'fig-tip', role: 'group', id: 'fig-tip', hidden: true });

  const counts = { n: 0, bound: 0, confirm: 0 };
  const pre = el('div', { class: 'source-text', lang: lang || undefined });
  const sorted = [...figures].filter((f) => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start < f.end && f.end <= last).sort((a, b) => a.start - b.start);
  let at = 0; // code points written so far
  for (const figure of sorted) {
    if (figure.start < at) continue; // overlapping figures: the first one wins
    const fact = known.has(figure.id) ? figure.id : byPlace.get(`${figure.start}:${figure.end}`) ?? figure.id;
    const checks = checksOf.get(fact) || [];
    const status = statusOf(checks);
    counts.n += 1;
    if (status === 'pass' || status === 'fail') counts.bound += 1;
    if (checks.some((c) => c.toConfirm)) counts.confirm += 1;
    const printed = text.slice(utf16[figure.start], utf16[figure.end]);
    pre.append(text.slice(utf16[at], utf16[figure.start]));
    const span = el('span', {
      class: `fig fig-${status}${status !== 'confirm' && checks.some((c) => c.toConfirm) ? ' fig-also-confirm' : ''}`,
      tabindex: '0', role: 'button', 'aria-expanded': 'false', 'aria-controls': 'fig-tip',
      'aria-label': `${printed}${figure.unit ? ` ${figure.unit}` : ''}: ${t(`figureStatus_${status}`)}`,
      'data-fact': fact, 'data-status': status,
    }, printed, MARK[status] ? el('sup', { class: 'fig-mark', 'aria-hidden': 'true' }, MARK[status]) : null);
    span.figure = { figure, printed, checks };
    pre.append(span);
    at = figure.end;
  }
  pre.append(text.slice(utf16[at]));

  // The tooltip sits right after the figure it explains, so Tab goes figure → its buttons → next figure.
  let current = null;
  let closeTimer = 0;
  const show = (span) => {
    clearTimeout(closeTimer);
    if (current === span) return;
    if (current) current.setAttribute('aria-expanded', 'false');
    current = span;
    fillTip(tip, span.figure, t, actions);
    span.after(tip);
    tip.hidden = false;
    place(tip, span, pre);
    span.setAttribute('aria-expanded', 'true');
    span.setAttribute('aria-describedby', 'fig-tip');
  };
  const hide = () => {
    if (!current) return;
    current.setAttribute('aria-expanded', 'false');
    current.removeAttribute('aria-describedby');
    current = null;
    tip.hidden = true;
  };
  const hideSoon = () => {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(hide, 250);
  };
  const figureOf = (node) => (node && node.closest ? node.closest('.fig') : null);
  pre.addEventListener('mouseover', (event) => {
    const span = figureOf(event.target);
    if (span) show(span);
    else if (tip.contains(event.target)) clearTimeout(closeTimer);
  });
  pre.addEventListener('mouseout', (event) => {
    if (figureOf(event.target) || tip.contains(event.target)) hideSoon();
  });
  pre.addEventListener('focusin', (event) => {
    const span = figureOf(event.target);
    if (span) show(span);
    else if (tip.contains(event.target)) clearTimeout(closeTimer);
  });
  pre.addEventListener('focusout', (event) => {
    if (!pre.contains(event.relatedTarget) || (!figureOf(event.relatedTarget) && !tip.contains(event.relatedTarget))) hideSoon();
  });
  pre.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });

  const legend = el('ul', { class: 'fig-legend' }, ['pass', 'fail', 'confirm', 'none'].map((status) =>
    el('li', {}, el('span', { class: `fig fig-${status}` }, '123', MARK[status] ? el('sup', { class: 'fig-mark', 'aria-hidden': 'true' }, MARK[status]) : null), ' ', t(`legend_${status}`))));

  const node = el('div', { class: 'text-view' },
    el('p', { class: 'muted small' }, t('textHelp'), ' ', el('span', { class: 'fig-counts' }, t('figuresCount', counts))),
    legend, pre);
  return { node, counts };
}

/** Just under the figure, kept inside the text's box. */
function place(tip, span, box) {
  const rects = span.getClientRects();
  const last = rects[rects.length - 1] || span.getBoundingClientRect();
  const outer = box.getBoundingClientRect();
  const left = Math.max(0, Math.min(last.left - outer.left, box.clientWidth - tip.offsetWidth - 4));
  tip.style.left = `${left}px`;
  tip.style.top = `${last.bottom - outer.top + 4}px`;
}

function fillTip(tip, { figure, printed, checks }, t, actions) {
  const name = `${printed}${figure.unit ? ` ${figure.unit}` : ''}`;
  tip.setAttribute('aria-label', t('figureChecks', { figure: name }));
  tip.replaceChildren(
    el('p', { class: 'fig-tip-head' }, el('strong', {}, name), figure.label ? el('span', { class: 'muted' }, ` · ${figure.label}`) : null),
    checks.length
      ? el('ul', { class: 'fig-tip-checks', 'aria-label': t('figureChecks', { figure: name }) }, checks.map((check) => {
        const kind = check.toConfirm ? 'confirm' : check.status;
        const title = check.label || check.id;
        return el('li', { class: `tip-check tip-check-${kind}` },
          el('span', { class: `badge badge-${kind}` }, check.toConfirm ? `${t('toConfirm')} · ${t(check.status === 'pass' ? 'wouldHold' : 'wouldFail')}` : t(`status_${check.status}`)),
          ' ', el('span', { class: 'tip-title' }, title),
          el('span', { class: 'arithmetic' }, check.arithmetic || check.expect),
          check.toConfirm && actions ? el('span', { class: 'confirm-actions' },
            el('button', { type: 'button', class: 'confirm', 'aria-label': t('confirmLabel', { check: title }), onclick: () => actions.confirm(check) }, '✓ ', t('confirm')),
            el('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismissLabel', { check: title }), onclick: () => actions.dismiss(check) }, '✕ ', t('dismiss'))) : null);
      }))
      : el('p', { class: 'muted' }, t('figureNoChecks', { figure: name })),
  );
}

/** The draft report's check with this verdict id (its `id`, or its position counting from 1). */
function findCheck(report, id) {
  let position = 0;
  let found = null;
  const walk = (node) => {
    for (const [index, check] of (node.checks || []).entries()) {
      position += 1;
      if (!found && (check.id === id || (check.id === undefined && String(position) === id))) found = { list: node.checks, index };
    }
    for (const child of node.sections || []) walk(child);
  };
  walk(report);
  return found;
}

/** Confirming makes a doubtful relation a real check (it can now fail the report). */
export function confirmCheck(report, id) {
  const found = findCheck(report, id);
  if (!found) return false;
  const check = found.list[found.index];
  delete check.to_confirm;
  check.confidence = 'sure';
  return true;
}

/** Dismissing takes the relation out of the report. */
export function dismissCheck(report, id) {
  const found = findCheck(report, id);
  if (!found) return false;
  found.list.splice(found.index, 1);
  return true;
}
