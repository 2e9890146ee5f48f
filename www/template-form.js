// "Start from a template": an empty form of a template's tables (an input in every cell, labels
// in the page's language), the report's title, issuer and year, and the report it makes: only the
// numbers, by the template's ids. The page checks that report as the person types (debounced, in
// the worker) and hands the verdict back here to mark the failing cells.

import { el } from './dom.js';
import { failingChecksByFact, grid, markCell } from './table-view.js';

export const TEMPLATES = ['cn-gov-info-disclosure-2021', 'cn-gov-info-disclosure-2019'];

const FIELDS = ['title', 'issuer', 'period'];

/** A printed figure as the report gives it: a JSON number for a plain integer, else the text. */
function figure(text) {
  const value = text.trim();
  if (value === '') return null;
  if (/^-?\d{1,15}$/.test(value)) return Number(value);
  return value;
}

/**
 * What the form shows for a template report (the draft that extraction writes for a text on the
 * template, or a saved form): its report fields and every cell of its rows, by the layout's
 * column ids. Rows and cells the layout does not have are left out.
 */
export function valuesFromReport(report, tables) {
  const fields = {};
  for (const name of FIELDS) if (report && report.report && report.report[name] != null) fields[name] = String(report.report[name]);
  const cells = {};
  for (const given of (report && report.tables) || []) {
    const table = tables.find((t) => t.id === given.id);
    if (!table) continue;
    for (const row of given.rows || []) {
      (row.cells || []).forEach((cell, k) => {
        const column = (table.columns || [])[k];
        if (column && cell !== null && cell !== undefined) cells[`${table.id}.${row.id}.${column.id}`] = String(cell);
      });
    }
  }
  return { fields, cells };
}

/**
 * The form. `tables` is the template's layout ({id, title, columns: [{id, label, unit}], rows:
 * [{id, label}]}); `values` (optional) restores what was typed: {fields: {title, …}, cells: {
 * "t3.new.total": "12"}}. `onChange()` is called on every edit.
 */
export function templateForm({ template, tables, t, values = { fields: {}, cells: {} }, onChange }) {
  const inputs = new Map(); // "table.row.column" → input
  const fieldInputs = {};
  const changed = () => onChange && onChange();

  const fields = el('div', { class: 'form-fields' }, FIELDS.map((name) => {
    const input = el('input', { type: 'text', id: `field-${name}`, name, value: values.fields[name] ?? '', autocomplete: 'off', oninput: changed });
    if (name === 'period') {
      input.setAttribute('inputmode', 'numeric');
      input.setAttribute('size', '6');
    }
    fieldInputs[name] = input;
    return el('label', { class: `field field-${name}` }, el('span', {}, t(`field_${name}`)), input);
  }));

  const grids = tables.map((table) => grid({
    id: table.id,
    title: table.title,
    subtitle: table.unit ? t('unitNote', { unit: table.unit }) : undefined,
    columns: table.columns || [],
    rows: table.rows || [],
    className: 'form-grid',
    cellContent: (row, r, column) => {
      const key = `${table.id}.${row.id}.${column.id}`;
      const input = el('input', {
        type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
        'data-cell': key, value: values.cells[key] ?? '',
        'aria-label': t('cellInput', { row: row.label || row.id, column: column.label || column.id }),
        oninput: changed,
      });
      inputs.set(key, input);
      return el('td', { class: 'num' }, input);
    },
  }));

  const node = el('div', { class: 'template-form', 'data-template': template },
    el('p', { class: 'muted small' }, t('templateHelp')), fields, grids);

  /** What was typed, to rebuild the form in another language. */
  function currentValues() {
    const cells = {};
    for (const [key, input] of inputs) if (input.value.trim() !== '') cells[key] = input.value;
    return { fields: Object.fromEntries(FIELDS.map((name) => [name, fieldInputs[name].value])), cells };
  }

  /** The report: template name, report fields, and the rows that have at least one figure. */
  function report() {
    const info = { title: fieldInputs.title.value.trim() || t(`template_${template}`) };
    for (const name of ['issuer', 'period']) if (fieldInputs[name].value.trim()) info[name] = fieldInputs[name].value.trim();
    const out = { crossfoot: 1, template, report: info, tables: [] };
    for (const table of tables) {
      const rows = [];
      for (const row of table.rows || []) {
        const cells = (table.columns || []).map((column) => figure(inputs.get(`${table.id}.${row.id}.${column.id}`).value));
        if (cells.some((cell) => cell !== null)) rows.push({ id: row.id, cells });
      }
      if (rows.length) out.tables.push({ id: table.id, rows });
    }
    return out;
  }

  /** Marks the cells of the failing checks (✗, a title listing them), unmarks the others. */
  function mark(verdict) {
    const failingOf = failingChecksByFact(verdict.checks);
    const cellStatus = new Map();
    for (const table of verdict.tables || []) {
      for (const row of table.rows || []) {
        for (const [c, cell] of (row.cells || []).entries()) {
          const column = (table.columns || [])[c];
          if (column) cellStatus.set(`${table.id}.${row.id}.${column.id}`, cell);
        }
      }
    }
    for (const [key, input] of inputs) {
      const cell = cellStatus.get(key);
      const failing = cell && cell.fact ? failingOf.get(cell.fact) || [] : [];
      const td = input.parentElement;
      markCell(td, failing, t);
      td.classList.toggle('cell-pass', !failing.length && !!cell && cell.status === 'pass');
      input.setAttribute('aria-invalid', failing.length ? 'true' : 'false');
      if (failing.length) input.title = td.title;
      else input.removeAttribute('title');
    }
  }

  return { node, report, mark, values: currentValues };
}
