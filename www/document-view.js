// A document read on a known template (the draft has "template"): the template's tables as the
// report prints them, ✓ in every cell its checks hold and ✗ where one fails (a tooltip names the
// failing checks), the narrative's restatements of table figures ("本年度共收到…58件" against
// 表三), the warnings of extraction (a table or row that could not be placed), and a button that
// opens the draft in the template form for correcting. Document text only ever becomes text nodes.

import { el } from './dom.js';
import { renderTables } from './table-view.js';

const isRestatement = (check) => typeof check.id === 'string' && check.id.startsWith('restates:');
const BY_ORDER = 'row-placed-by-order';

export function documentView({ entry, verdict, t, lang, onEdit }) {
  const checks = verdict.checks || [];
  const restatements = checks.filter(isRestatement);
  const all = entry.warnings || [];
  // Rows read by the template's order were read: they are marked in their table, not listed as unread.
  const byOrder = all.filter((w) => w.code === BY_ORDER);
  const warnings = all.filter((w) => w.code !== BY_ORDER);
  const message = (w) => (lang === 'en' && w.messageEn) || w.message || '';
  const tables = verdict.tables || [];
  const report = (entry.draft && entry.draft.report) || {};
  const meta = [report.issuer, report.period].filter(Boolean).join(' · ');
  return el('div', { class: 'document-view', 'data-template': entry.template || undefined },
    el('div', { class: 'document-head' },
      el('p', { class: 'document-template' }, entry.template ? t('documentTemplate', { template: t(`template_${entry.template}`) }) : t('documentNoTemplate')),
      meta ? el('p', { class: 'muted small document-meta' }, meta) : null,
      entry.template && onEdit ? el('button', { type: 'button', id: 'edit-in-form', onclick: onEdit }, t('editInForm')) : null),
    warnings.length
      ? el('section', { class: 'document-warnings', 'aria-labelledby': 'h-doc-warnings' },
        el('h3', { id: 'h-doc-warnings' }, t('extractWarnings'), ' ', el('span', { class: 'n' }, `(${warnings.length})`)),
        el('ul', {}, warnings.map((w) => el('li', { class: 'extract-warning', 'data-code': w.code || undefined }, el('span', { class: 'badge badge-warning' }, w.code || '!'), ' ', message(w)))))
      : null,
    tables.length ? markRows(markPassing(renderTables(tables, checks, t, verdict.suspects || []), t), all, t, message) : null,
    tables.length && byOrder.length ? el('p', { class: 'muted small read-by-order-note' }, t('readByOrderNote')) : null,
    restatements.length
      ? el('section', { class: 'document-restatements', 'aria-labelledby': 'h-restatements' },
        el('h3', { id: 'h-restatements' }, t('restatements'), ' ', el('span', { class: 'n' }, `(${restatements.length})`)),
        el('ul', { class: 'list' }, restatements.map((check) => {
          const state = check.toConfirm ? 'confirm' : check.status;
          const mark = state === 'pass' ? '✓' : state === 'fail' ? '✗' : state === 'confirm' ? '?' : '!';
          return el('li', { class: `restatement restatement-${state}` },
            el('span', { class: 'mark', 'aria-hidden': 'true' }, mark), ' ',
            el('span', { class: 'visually-hidden' }, `${t(`restatement_${state}`)}: `),
            check.quote ? el('q', {}, check.quote) : null, check.quote ? ' — ' : null,
            el('span', { class: 'arithmetic' }, check.arithmetic || check.expect || check.id));
        })))
      : null);
}

/** Beside a row's label: "read by order" (placed by the template's order of rows) or "not read". */
function markRows(node, warnings, t, message) {
  for (const w of warnings) {
    if (!w.table || !w.row) continue;
    const th = node.querySelector(`.grid-block[data-table="${CSS.escape(w.table)}"] tr[data-row="${CSS.escape(w.row)}"] > th`);
    if (!th) continue;
    const byOrder = w.code === BY_ORDER;
    th.closest('tr').classList.add(byOrder ? 'row-by-order' : 'row-not-read');
    th.append(' ', el('span', { class: `badge ${byOrder ? 'badge-by-order' : 'badge-warning'}`, title: message(w) }, t(byOrder ? 'readByOrder' : 'rowNotRead')));
  }
  return node;
}

/** ✓ beside every figure whose checks all hold (the failing ones already carry ✗). */
function markPassing(node, t) {
  for (const td of node.querySelectorAll('td.cell-pass')) {
    if (td.querySelector('.cell-mark')) continue;
    td.append(el('span', { class: 'cell-mark cell-mark-pass' }, el('span', { 'aria-hidden': 'true' }, '✓'), el('span', { class: 'visually-hidden' }, ` ${t('cellHolds')}`)));
  }
  return node;
}
