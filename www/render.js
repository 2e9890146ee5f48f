// The verdict view. Everything that comes from the report (titles, labels, quotes, ids,
// messages) is untrusted: it is only ever put into the page as text (createElement and
// textContent), never parsed as HTML.

import { el, fill } from './dom.js';
import { renderTables } from './table-view.js';

const PAGE = 200; // rows shown at once in long lists; "show more" adds the next ones

const has = (text) => typeof text === 'string' && text !== '';

function where(t, item) {
  return item && item.line > 0 ? t('at', { line: item.line, column: item.column }) : null;
}

/** The banner: the verdict in one word, the summary, and the counts. */
export function renderBanner(banner, verdict, t, fileName) {
  const word = t(`verdict_${verdict.verdict}`);
  const counts = verdict.counts || {};
  const shown = ['facts', 'checks', 'passed', 'failed', 'checkErrors', 'errors', 'warnings'].filter(
    // Facts and checks are always counted, except in a file that could not be read at all.
    (key) => counts[key] > 0 || ((key === 'checks' || key === 'facts') && verdict.verdict !== 'invalid'),
  );
  banner.className = `banner banner-${verdict.verdict}`;
  fill(
    banner,
    el('p', { class: 'verdict-word' }, el('span', { class: 'verdict-icon', 'aria-hidden': 'true' }, icon(verdict.verdict)), word),
    has(verdict.summary) ? el('p', { class: 'summary' }, verdict.summary) : null,
    el('ul', { class: 'counts' }, shown.map((key) => el('li', { class: `count count-${key}` }, t(`count_${key}`, { n: counts[key] ?? 0 })))),
    fileName ? el('p', { class: 'file-name' }, `${t('file')}: `, fileName) : null,
  );
}

function icon(status) {
  return status === 'consistent' ? '✓' : status === 'inconsistent' ? '✗' : '!';
}

/** The body: report metadata, failing checks, suspects, tables, findings, relations to confirm,
 *  passing checks, facts. `actions` ({confirm(check), dismiss(check)}) puts the two buttons on
 *  each check that is to be confirmed (the text view has them; a file's verdict has not). */
export function renderVerdict(body, verdict, excerpts, t, { actions, showTables = true, places = true } = {}) {
  const shown = { places }; // places: lines and columns of the file, left out where the file is not shown
  const checks = verdict.checks || [];
  const sure = checks.filter((c) => !c.toConfirm);
  // A failing warning (a cross-year link, say) leaves the report consistent: it gets its own list.
  const failing = sure.filter((c) => c.status === 'fail' && c.severity !== 'warning');
  const warnings = sure.filter((c) => c.status === 'fail' && c.severity === 'warning');
  const errors = sure.filter((c) => c.status === 'error');
  const passing = sure.filter((c) => c.status === 'pass');
  const toConfirm = checks.filter((c) => c.toConfirm);
  fill(
    body,
    reportInfo(verdict.report, t),
    failing.length ? section('failing', t('failingChecks'), failing.length, list('checks', failing, (c) => checkItem(c, t, shown))) : null,
    warnings.length ? section('warnings', t('failingWarnings'), warnings.length, list('checks', warnings, (c) => checkItem(c, t, shown))) : null,
    (verdict.suspects || []).length ? section('suspects', t('suspects'), verdict.suspects.length, list('suspects', verdict.suspects, (s) => suspectItem(s, t, shown))) : null,
    showTables && (verdict.tables || []).length ? section('tables', t('tables'), verdict.tables.length, renderTables(verdict.tables, checks, t, verdict.suspects || [])) : null,
    errors.length ? section('check-errors', t('checkErrors'), errors.length, list('checks', errors, (c) => checkItem(c, t, shown))) : null,
    (verdict.findings || []).length
      ? section('findings', t('findings'), verdict.findings.length, list('findings', verdict.findings, (f) => findingItem(f, excerpts || {}, t)))
      : null,
    toConfirm.length
      ? section('to-confirm', t('toConfirm'), toConfirm.length, el('p', { class: 'muted small' }, t('toConfirmHelp')), list('checks', toConfirm, (c) => checkItem(c, t, { ...shown, actions })))
      : null,
    passing.length
      ? el('details', { class: 'passing', id: 'passing' }, el('summary', {}, t('passingChecks', { n: passing.length })), list('checks', passing, (c) => checkItem(c, t, shown)))
      : null,
    factsSection(verdict, t),
  );
}

// Above this many facts, they are a closed list, like the passing checks, built when opened: a
// large verdict's facts, read lazily (lazy-verdict.js), are then parsed only for a reader who
// wants them.
const FACTS_AT_ONCE = 2000;

function factsSection(verdict, t) {
  const descriptor = Object.getOwnPropertyDescriptor(verdict, 'facts');
  const unread = typeof descriptor?.get === 'function'; // still text: its length is in the counts
  const count = unread ? verdict.counts?.facts ?? 0 : (verdict.facts || []).length;
  if (!count) return null;
  if (count <= FACTS_AT_ONCE) return section('facts', t('facts'), count, factTable(verdict.facts || [], t));
  const details = el('details', { class: 'passing part-facts', id: 'facts' }, el('summary', {}, t('count_facts', { n: count })));
  const build = () => {
    details.removeEventListener('toggle', build);
    details.append(factTable(verdict.facts || [], t));
  };
  details.addEventListener('toggle', build);
  return details;
}

function section(name, title, count, ...content) {
  return el('section', { class: `part part-${name}`, 'aria-labelledby': `h-${name}` }, el('h2', { id: `h-${name}` }, title, ' ', el('span', { class: 'n' }, `(${count})`)), content);
}

function reportInfo(report, t) {
  if (!report) return null;
  const rows = ['issuer', 'period', 'published', 'language', 'source']
    .filter((key) => has(report[key]))
    .map((key) => [el('dt', {}, t(`report_${key}`)), el('dd', {}, report[key])]);
  return el('header', { class: 'report-info' }, has(report.title) ? el('h2', { class: 'report-title' }, report.title) : null, rows.length ? el('dl', {}, rows) : null);
}

/** A list that shows PAGE items and a button for the next PAGE, so 100,000 rows never freeze the page. */
function list(kind, items, renderItem) {
  const ol = el('ol', { class: `list list-${kind}` });
  return paged(ol, items, renderItem, (more) => el('div', { class: 'list-wrap' }, ol, more));
}

function paged(container, items, renderItem, wrap) {
  let shown = 0;
  const more = el('button', { type: 'button', class: 'more' });
  const showMore = () => {
    const next = items.slice(shown, shown + PAGE);
    container.append(...next.map(renderItem));
    shown += next.length;
    more.hidden = shown >= items.length;
    more.textContent = `+ ${Math.min(PAGE, items.length - shown)} / ${items.length - shown}`;
  };
  more.addEventListener('click', showMore);
  showMore();
  return wrap(more);
}

function checkItem(check, t, { actions, places = true } = {}) {
  const title = has(check.label) ? check.label : check.id;
  const kind = check.toConfirm ? 'confirm' : check.status;
  return el(
    'li',
    { class: `check check-${kind}`, 'data-id': check.id },
    el('div', { class: 'item-head' },
      check.toConfirm
        ? el('span', { class: 'badge badge-confirm' }, `${t('toConfirm')} · ${t(check.status === 'pass' ? 'wouldHold' : 'wouldFail')}`)
        : el('span', { class: `badge badge-${check.status}` }, t(`status_${check.status}`)),
      el('strong', { class: 'item-title' }, title),
      has(check.label) ? el('code', { class: 'id' }, check.id) : null,
      check.severity === 'warning' ? el('span', { class: 'badge badge-warning' }, t('severity_warning')) : null,
      places && where(t, check) ? el('span', { class: 'where' }, where(t, check)) : null),
    has(check.arithmetic) ? el('p', { class: 'arithmetic' }, check.arithmetic) : null,
    has(check.message) ? el('p', { class: 'message' }, check.message) : null,
    has(check.quote) ? el('blockquote', { class: 'quote' }, check.quote) : null,
    el('p', { class: 'expect' }, el('span', { class: 'muted' }, `${t('expect')}: `), el('code', {}, check.expect),
      has(check.offBy) ? el('span', { class: 'off-by' }, ` · ${t('offBy', { n: check.offBy })}`) : null),
    has(check.section) ? el('p', { class: 'muted small' }, `${t('section')}: `, check.section) : null,
    check.toConfirm && actions ? el('p', { class: 'confirm-actions' },
      el('button', { type: 'button', class: 'confirm', 'aria-label': t('confirmLabel', { check: title }), onclick: () => actions.confirm(check) }, '✓ ', t('confirm')),
      el('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismissLabel', { check: title }), onclick: () => actions.dismiss(check) }, '✕ ', t('dismiss'))) : null,
  );
}

function suspectItem(suspect, t, { places = true } = {}) {
  return el(
    'li',
    { class: 'suspect', 'data-fact': suspect.fact },
    el('p', { class: 'suspect-message' }, suspect.message),
    el('p', { class: 'muted small' },
      el('code', {}, suspect.fact), has(suspect.label) ? ` · ${suspect.label}` : null,
      ` · ${suspect.value}${has(suspect.unit) ? ` ${suspect.unit}` : ''}`,
      places && where(t, suspect) ? ` · ${where(t, suspect)}` : null),
  );
}

function findingItem(finding, excerpts, t) {
  const excerpt = finding.line > 0 ? excerpts[`${finding.line}:${Math.max(1, finding.column)}`] : null;
  return el(
    'li',
    { class: `finding finding-${finding.severity}`, 'data-code': finding.code },
    el('div', { class: 'item-head' },
      el('span', { class: `badge badge-${finding.severity}` }, t(`severity_${finding.severity}`)),
      el('code', { class: 'code' }, finding.code),
      where(t, finding) ? el('span', { class: 'where' }, where(t, finding)) : null),
    el('p', { class: 'message' }, finding.message),
    has(finding.pointer) ? el('p', { class: 'muted small pointer' }, t('pointer', { pointer: finding.pointer })) : null,
    excerpt ? excerptView(excerpt) : null,
  );
}

/** The file's lines around a finding, the marked character highlighted and a caret under it. */
function excerptView(excerpt) {
  const width = String(Math.max(...excerpt.lines.map((l) => l.n))).length;
  const pre = el('pre', { class: 'excerpt' });
  for (const line of excerpt.lines) {
    const number = el('span', { class: 'ln', 'aria-hidden': 'true' }, String(line.n).padStart(width), ' │ ');
    if (!line.marked) {
      pre.append(el('span', { class: 'line' }, number, line.text, '\n'));
      continue;
    }
    const chars = Array.from(line.text);
    const at = Math.min(Math.max(0, excerpt.markAt), chars.length);
    const mark = chars[at] === undefined ? ' ' : chars[at];
    pre.append(
      el('span', { class: 'line line-marked' }, number, chars.slice(0, at).join(''), el('mark', {}, mark), chars.slice(at + 1).join(''), '\n'),
      el('span', { class: 'caret', 'aria-hidden': 'true' }, ' '.repeat(width + 3), caretPad(chars.slice(0, at)), '^'),
    );
  }
  return pre;
}

/** Spaces as wide as the text before the mark: CJK and other wide characters take two. */
function caretPad(chars) {
  return chars.map((c) => (c === '\t' ? '\t' : /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? '  ' : ' ')).join('');
}

function factTable(facts, t) {
  const tbody = el('tbody');
  const row = (fact) =>
    el('tr', { 'data-id': fact.id },
      el('td', {}, el('code', {}, fact.id)),
      el('td', {}, fact.label ?? ''),
      el('td', { class: 'num' }, fact.value),
      el('td', {}, fact.unit ?? ''),
      el('td', { class: 'num muted' }, fact.range && fact.range !== fact.value ? fact.range : ''),
      el('td', { class: 'quote-cell' }, fact.quote ?? ''));
  return paged(tbody, facts, row, (more) =>
    el('div', { class: 'table-wrap' },
      el('table', { class: 'facts' },
        el('thead', {}, el('tr', {}, ['col_id', 'col_label', 'col_value', 'col_unit', 'col_range', 'col_quote'].map((k) => el('th', { scope: 'col' }, t(k))))),
        tbody),
      more));
}
