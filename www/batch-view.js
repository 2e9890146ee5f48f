// Many documents at once (a district's reports): one row per document with its verdict, issuer,
// year and the number of failing checks, sortable by every column (click its header), the
// document's own view one click away (its name), and every verdict as one CSV. Text from the
// documents only ever becomes text nodes; in the CSV, a cell that a spreadsheet would read as a
// formula is quoted with a leading apostrophe.

import { el } from './dom.js';

const COLUMNS = ['file', 'verdict', 'issuer', 'year', 'failing'];
const VERDICT_ORDER = { error: 0, invalid: 1, inconsistent: 2, pending: 3, consistent: 4 };

/** What a row shows of an entry. */
export function rowValues(entry, t) {
  const verdict = entry.verdict;
  const status = entry.status === 'done' && verdict ? verdict.verdict : entry.status === 'error' ? 'error' : 'pending';
  const report = (verdict && verdict.report) || (entry.draft && entry.draft.report) || {};
  return {
    file: entry.name,
    status,
    verdict: status === 'error' ? t('failed') : status === 'pending' ? t('pending') : t(`verdict_${status}`),
    issuer: report.issuer || '',
    year: report.period || '',
    failing: verdict && verdict.counts ? verdict.counts.failed : null,
    checks: verdict && verdict.counts ? verdict.counts.checks : null,
    summary: status === 'error' ? entry.error || '' : (verdict && verdict.summary) || '',
    template: entry.template || (entry.draft && entry.draft.template) || '',
  };
}

function compare(key, a, b) {
  if (key === 'verdict') return VERDICT_ORDER[a.status] - VERDICT_ORDER[b.status];
  if (key === 'failing') return (a.failing ?? -1) - (b.failing ?? -1);
  return String(a[key]).localeCompare(String(b[key]), undefined, { numeric: true });
}

/**
 * The table. `onOpen(index)` opens an entry (index into `entries`); `sort` ({key, dir}) is kept
 * by the page across re-renders through `onSort`.
 */
export function batchTable({ entries, selected, t, sort = { key: null, dir: 1 }, onOpen, onSort }) {
  let current = { ...sort };
  const rows = new Map(); // entry → {tr, button, badge, cells}
  const tbody = el('tbody', {});
  const headers = COLUMNS.map((key) => {
    const button = el('button', { type: 'button', class: 'sort', onclick: () => sortBy(key) }, t(`batch_${key}`), el('span', { class: 'sort-mark', 'aria-hidden': 'true' }));
    return el('th', { scope: 'col', 'data-column': key }, button);
  });
  for (const [index, entry] of entries.entries()) {
    const badge = el('span', { class: 'badge' });
    const button = el('button', { type: 'button', class: 'file', 'aria-current': index === selected ? 'true' : 'false', onclick: () => onOpen(index) }, el('span', { class: 'file-name' }, entry.name));
    const cells = { verdict: el('td', { class: 'b-verdict' }, badge), issuer: el('td', { class: 'b-issuer' }), year: el('td', { class: 'b-year' }), failing: el('td', { class: 'num b-failing' }) };
    const tr = el('tr', { 'data-index': index }, el('th', { scope: 'row', class: 'b-file' }, button), cells.verdict, cells.issuer, cells.year, cells.failing);
    rows.set(entry, { tr, button, badge, cells, index });
    tbody.append(tr);
  }
  const table = el('table', { class: 'batch', id: 'batch-table' }, el('thead', {}, el('tr', {}, headers)), tbody);

  function update(entry) {
    const row = rows.get(entry);
    if (!row) return;
    const v = rowValues(entry, t);
    row.badge.className = `badge badge-${v.status}`;
    row.badge.textContent = v.verdict;
    row.cells.issuer.textContent = v.issuer;
    row.cells.year.textContent = v.year;
    row.cells.failing.textContent = v.failing === null ? '' : String(v.failing);
    row.tr.dataset.status = v.status;
  }

  function apply() {
    for (const th of headers) {
      const key = th.dataset.column;
      th.setAttribute('aria-sort', key === current.key ? (current.dir > 0 ? 'ascending' : 'descending') : 'none');
      th.querySelector('.sort-mark').textContent = key === current.key ? (current.dir > 0 ? ' ▲' : ' ▼') : '';
    }
    const order = [...rows.entries()];
    if (current.key) {
      const values = new Map(order.map(([entry]) => [entry, rowValues(entry, t)]));
      order.sort(([a, ra], [b, rb]) => current.dir * compare(current.key, values.get(a), values.get(b)) || ra.index - rb.index);
    }
    tbody.append(...order.map(([, row]) => row.tr));
  }

  function sortBy(key) {
    current = { key, dir: current.key === key ? -current.dir : 1 };
    if (onSort) onSort(current);
    apply();
  }

  function select(index) {
    for (const row of rows.values()) row.button.setAttribute('aria-current', row.index === index ? 'true' : 'false');
  }

  for (const entry of entries) update(entry);
  apply();
  return { node: el('div', { class: 'table-wrap batch-wrap', role: 'region', tabindex: '0', 'aria-labelledby': 'files-title' }, table), update, select, rowOf: (entry) => rows.get(entry) };
}

/** A CSV cell: quoted, and never a formula when a spreadsheet opens it. */
function csvCell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Every verdict as one CSV: file, verdict, issuer, year, failing checks, checks, template, summary. */
export function batchCsv(entries, t) {
  const head = ['file', 'verdict', 'issuer', 'year', 'failing_checks', 'checks', 'template', 'summary'];
  const lines = [head.join(',')];
  for (const entry of entries) {
    const v = rowValues(entry, t);
    lines.push([v.file, v.status, v.issuer, v.year, v.failing, v.checks, v.template, v.summary].map(csvCell).join(','));
  }
  return `\ufeff${lines.join('\r\n')}\r\n`; // the BOM: spreadsheets then read the Chinese as UTF-8
}
