// The TypeScript check of the npm package's types (npm/index.d.ts) against real verdicts.
// Run by scripts/test-embed.sh: generate-fixtures.mjs writes generated/verdicts.ts, then
// `tsc --noEmit --strict -p tests/types`. It fails to compile when:
//   - a real verdict has a field the types lack, lacks a field they require, or has a field of
//     another type (the typed literals in generated/verdicts.ts);
//   - the types name a field that no real verdict ever has (the checks at the end);
//   - a union (Status, CheckStatus, Severity, …) gains a member that code switching on it misses;
//   - the functions' signatures change in a way that breaks the usage below.

import { check, load, schema, version } from 'crossfoot';
import type {
  CheckOptions,
  CheckOutcome,
  CellStatus,
  CellView,
  CheckStatus,
  ColumnView,
  Counts,
  FactView,
  Finding,
  FindingCode,
  Language,
  Location,
  ReportInfo,
  RowView,
  Severity,
  Status,
  Suspect,
  SuspectReason,
  TableView,
  Verdict,
} from 'crossfoot';
import { all, type Raw } from './generated/verdicts.js';

// ---- every member of each union handled (noImplicitReturns: a missing case does not compile) ----

function icon(status: Status): string {
  switch (status) {
    case 'consistent':
      return '✓';
    case 'inconsistent':
      return '✗';
    case 'invalid':
      return '!';
  }
}

function rank(severity: Severity): number {
  switch (severity) {
    case 'info':
      return 0;
    case 'warning':
      return 1;
    case 'error':
      return 2;
  }
}

function mark(status: CellStatus): string {
  switch (status) {
    case 'pass':
      return '✓';
    case 'fail':
      return '✗';
    case 'none':
      return ' ';
  }
}

function badge(status: CheckStatus): string {
  switch (status) {
    case 'pass':
      return 'pass';
    case 'fail':
      return 'FAIL';
    case 'error':
      return 'ERROR';
  }
}

// ---- using the fields with the types a caller relies on ----

function where(place: Location): string {
  return place.line > 0 ? `${place.line}:${place.column} ${place.pointer}` : place.pointer;
}

function describeCheck(c: CheckOutcome): string {
  const facts: string[] = c.facts;
  const offBy: string | undefined = c.offBy;
  const holdsIf: 'truncate' | 'nearest' | undefined = c.holdsIf;
  const hint = holdsIf ? ` (holds if ${holdsIf})` : c.rangeNotExact ? ' (range not exact)' : '';
  return `${badge(c.status)} ${c.label ?? c.id} ${c.expect} ${c.arithmetic} ${c.message ?? ''} ${offBy ?? ''} ${c.quote ?? ''} ${c.section ?? ''} ${facts.join(',')} ${rank(c.severity)} ${where(c)}${hint}`;
}

function describeFinding(f: Finding): string {
  const code: FindingCode = f.code;
  return `${code} ${rank(f.severity)} ${f.message} ${where(f)}`;
}

function describeSuspect(s: Suspect): string {
  const reasons: SuspectReason[] = s.reasons;
  return `${s.fact} ${s.label ?? ''} ${s.value} ${s.unit ?? ''} ${s.wouldFix ?? ''} ${reasons.join(',')} ${s.checks.join(',')} ${s.message} ${where(s)}`;
}

function describeFact(f: FactView): string {
  return `${f.id} ${f.label ?? ''} ${f.value} ${f.unit ?? ''} ${f.range} ${f.quote ?? ''} ${f.section ?? ''} ${where(f)}`;
}

function describeCell(c: CellView): string {
  const fact: string | null = c.fact;
  const value: string | null = c.value;
  return `${mark(c.status)}${value ?? ''}${fact === null ? '' : `(${fact})`}`;
}

function describeTable(t: TableView): string {
  const columns = t.columns.map((c: ColumnView) => `${c.id}:${c.label}${c.unit ?? ''}`).join('|');
  const rows = t.rows.map((r: RowView) => `${r.id}:${r.label} ${r.cells.map(describeCell).join('|')}`);
  return [`${t.id} ${t.title} ${t.section ?? ''} ${columns}`, ...rows].join('\n');
}

function describeReport(r: ReportInfo | undefined): string {
  if (!r) return '';
  const title: string | null = r.title;
  return [title ?? '(untitled)', r.issuer, r.period, r.published, r.language, r.source].filter((x) => x !== undefined).join(' · ');
}

function total(counts: Counts): number {
  return counts.facts + counts.checks + counts.passed + counts.failed + counts.checkErrors + counts.errors + counts.warnings;
}

export function describe(v: Verdict): string {
  const language: Language = v.language;
  return [
    `${icon(v.verdict)} ${v.summary} (${language}) ${total(v.counts)} ${v.source ?? ''}`,
    describeReport(v.report),
    ...v.checks.map(describeCheck),
    ...v.suspects.map(describeSuspect),
    ...v.findings.map(describeFinding),
    ...v.facts.map(describeFact),
    ...(v.tables ?? []).map(describeTable),
  ].join('\n');
}

export const described: string[] = all.map(describe);

// ---- the functions ----

export async function useTheApi(text: string, bytes: Uint8Array, file: Blob): Promise<string[]> {
  await load();
  const options: CheckOptions = { lang: 'zh', source: 'report.json' };
  const fromText: Verdict = await check(text, options);
  const fromBytes: Verdict = await check(bytes);
  const fromBlob: Verdict = await check(file, { lang: 'en' });
  const fromObject: Verdict = await check({ crossfoot: 1, report: { title: 't' }, sections: [] });
  const v: string = await version();
  const s: Record<string, unknown> = await schema();
  return [fromText, fromBytes, fromBlob, fromObject].map(describe).concat(v, String(s['$schema']));
}

// ---- no field of the types that real verdicts never have ----
// Raw is the union of the verdicts' own (inferred, `as const`) types. For each object type, the
// keys the types declare minus the keys some real verdict has must be empty; when not, the
// assignment below fails and its message names the fictional field.

type KeysOfAny<T> = T extends unknown ? keyof T : never;
type Elements<T> = T extends readonly (infer E)[] ? E : never;
type Fictional<Declared, Seen> = Exclude<keyof Declared, KeysOfAny<Seen>>;
type None<Missing> = [Missing] extends [never] ? true : { fieldNeverSeen: Missing };

type ReportOf<T> = T extends { report: infer R } ? R : never;
type SeenReport = ReportOf<Raw>;

export const verdictFields: None<Fictional<Verdict, Raw>> = true;
export const countFields: None<Fictional<Counts, Raw['counts']>> = true;
export const reportFields: None<Fictional<ReportInfo, SeenReport>> = true;
export const checkFields: None<Fictional<CheckOutcome, Elements<Raw['checks']>>> = true;
export const suspectFields: None<Fictional<Suspect, Elements<Raw['suspects']>>> = true;
export const findingFields: None<Fictional<Finding, Elements<Raw['findings']>>> = true;
export const factFields: None<Fictional<FactView, Elements<Raw['facts']>>> = true;

type TablesOf<T> = T extends { tables: infer X } ? Elements<X> : never;
type SeenTable = TablesOf<Raw>;
export const tableFields: None<Fictional<TableView, SeenTable>> = true;
export const columnFields: None<Fictional<ColumnView, Elements<SeenTable['columns']>>> = true;
export const rowFields: None<Fictional<RowView, Elements<SeenTable['rows']>>> = true;
export const cellFields: None<Fictional<CellView, Elements<Elements<SeenTable['rows']>['cells']>>> = true;
