// The verdict's tables (format v1 `tables`) as HTML tables: row labels, column labels, figures
// right-aligned, failing cells marked with a visible ✗ and a text marker for screen readers (never
// colour alone), each marked cell titled with its failing checks. The same grid, with inputs in
// the cells, is the template form (template-form.js). Report text only ever becomes text nodes.

import { el } from './dom.js';

/** The failing error checks each fact takes part in: fact id → [check]. */
export function failingChecksByFact(checks) {
  const byFact = new Map();
  for (const check of checks || []) {
    if (check.status !== 'fail' || check.toConfirm) continue;
    for (const fact of check.facts || []) {
      if (!byFact.has(fact)) byFact.set(fact, []);
      byFact.get(fact).push(check);
    }
  }
  return byFact;
}

/** One line per failing check: "label: arithmetic". */
export function describeChecks(checks) {
  return checks.map((check) => `${check.label || check.id}: ${check.arithmetic || check.expect}`).join('\n');
}

/**
 * A table with a title, a header row of column labels (and units), one header cell per row, and
 * `cellContent(row, rowIndex, column, columnIndex)` in each body cell. Wrapped in a scrolling
 * region (keyboard reachable), so a wide table scrolls inside itself, never the page.
 */
export function grid({ id, title, subtitle, columns, rows, cellContent, className = '' }) {
  const titleId = `table-${id}-title`;
  const head = el('tr', {}, el('td', { class: 'corner' }), columns.map((column) =>
    el('th', { scope: 'col', 'data-column': column.id }, column.label || column.id, column.unit ? el('span', { class: 'unit' }, ` (${column.unit})`) : null)));
  const body = el('tbody', {}, rows.map((row, r) =>
    el('tr', { 'data-row': row.id },
      el('th', { scope: 'row' }, row.label || row.id),
      columns.map((column, c) => cellContent(row, r, column, c)))));
  // The title stands outside the scrolling region, so it stays in view when the table scrolls.
  return el('div', { class: 'grid-block', 'data-table': id },
    el('p', { class: 'grid-title', id: titleId }, title || id, subtitle ? el('span', { class: 'muted small' }, ` · ${subtitle}`) : null),
    el('div', { class: 'table-wrap grid-wrap', role: 'region', tabindex: '0', 'aria-labelledby': titleId },
      el('table', { class: `grid ${className}`.trim(), 'data-table': id, 'aria-labelledby': titleId },
        el('thead', {}, head),
        body)));
}

/** Puts the fail marker into a cell (or takes it away): ✗ seen, "fails" heard, checks in the title. */
export function markCell(td, failing, t) {
  td.classList.toggle('cell-fail', failing.length > 0);
  for (const old of td.querySelectorAll('.cell-mark')) old.remove();
  if (failing.length === 0) {
    td.removeAttribute('title');
    return;
  }
  td.title = `${t('cellFailingChecks')}\n${describeChecks(failing)}`;
  td.append(el('span', { class: 'cell-mark' }, el('span', { 'aria-hidden': 'true' }, '✗'), el('span', { class: 'visually-hidden' }, ` ${t('cellFails', { n: failing.length })}`)));
}

/** Every table of a verdict, each cell's status from the verdict (`pass`, `fail`, `none`). */
export function renderTables(tables, checks, t, suspects = []) {
  const failingOf = failingChecksByFact(checks);
  // The figure most likely wrong, when one value would mend every failing check: said in its cell.
  const likeliest = suspects.length && suspects[0].wouldFix && (suspects[0].reasons || []).includes('fixes-all') ? suspects[0] : null;
  return el('div', { class: 'tables' }, tables.map((table) => {
    const rows = table.rows || [];
    return grid({
      id: table.id,
      title: table.title,
      subtitle: table.section,
      columns: table.columns || [],
      rows,
      cellContent: (row, r, column, c) => {
        const cell = (row.cells || [])[c] || { fact: null, value: null, status: 'none' };
        const td = el('td', { class: `num cell-${cell.status || 'none'}`, 'data-fact': cell.fact || undefined },
          cell.value === null || cell.value === undefined ? el('span', { class: 'empty', 'aria-label': t('emptyCell') }, '—') : cell.value);
        const failing = cell.fact ? failingOf.get(cell.fact) || [] : [];
        if (cell.status === 'fail' || failing.length) {
          markCell(td, failing.length ? failing : [{ id: cell.fact, arithmetic: '' }], t);
          td.tabIndex = 0; // the title is a tooltip: focus shows where a keyboard user is
        }
        if (likeliest && cell.fact === likeliest.fact) {
          td.classList.add('cell-suspect');
          td.append(el('span', { class: 'cell-suspect-mark' }, t('cellSuspect', { value: likeliest.wouldFix })));
        }
        return td;
      },
    });
  }));
}
