// Types of the crossfoot npm package. The verdict types mirror src/verdict.rs field for field
// (serde, camelCase; a Rust `Option` marked `skip_serializing_if` is an optional property here,
// absent rather than null). Written by hand once; tests/types/verdict-check.ts compiles real
// verdicts against them, and tests/node/package.test.mjs compares the code lists with the Rust source.

/** The verdict in one word. */
export type Status = 'consistent' | 'inconsistent' | 'invalid';

export type Severity = 'info' | 'warning' | 'error';

/** How one check came out; `error`: it could not be evaluated (division by zero, unknown id, …). */
export type CheckStatus = 'pass' | 'fail' | 'error';

/** The languages of the verdict's messages. */
export type Language = 'en' | 'zh';

/** Stable, kebab-case codes of structure, syntax and warning findings. */
export type FindingCode =
  | 'json-syntax'
  | 'json-empty'
  | 'json-utf16'
  | 'json-invalid-utf8'
  | 'json-too-deep'
  | 'bom'
  | 'duplicate-key'
  | 'wrong-type'
  | 'missing-field'
  | 'unknown-field'
  | 'unsupported-version'
  | 'invalid-id'
  | 'duplicate-id'
  | 'invalid-value'
  | 'number-out-of-range'
  | 'invalid-decimals'
  | 'expression-syntax'
  | 'unknown-id'
  | 'unit-mismatch'
  | 'division-by-zero'
  | 'too-large'
  | 'no-checks'
  | 'cell-count'
  | 'empty-cell';

/** Why a figure is suspected. */
export type SuspectReason = 'in-several-failing-checks' | 'fixes-all' | 'transposed-digits' | 'slipped-decimal-point';

/**
 * Where something is: a JSON pointer into the report, and a 1-based line and column (columns
 * count Unicode characters). `line` and `column` are 0 when the input had no such place (a
 * report given as an object has no lines of its own: it is checked as `JSON.stringify` wrote it).
 */
export interface Location {
  pointer: string;
  line: number;
  column: number;
}

/** What a check of one report returns. */
export interface Verdict {
  verdict: Status;
  /** The language of every message in this verdict. */
  language: Language;
  /** One line for a person, e.g. "inconsistent: 1 of 12 checks fails". */
  summary: string;
  counts: Counts;
  /** The report's metadata, when the file got far enough to have it. */
  report?: ReportInfo;
  /** Failing checks first, then errors, then passing ones; each group in file order. */
  checks: CheckOutcome[];
  /** The figures most likely to be wrong, most likely first. Empty when no check fails. */
  suspects: Suspect[];
  /** Structure and syntax findings, and warnings (units, unknown fields, …), in file order. */
  findings: Finding[];
  /** Every fact of the report, in file order (a table's cells with figures among them). */
  facts: FactView[];
  /** The report's tables, each cell marked by how its checks came out; absent when there are none. */
  tables?: TableView[];
  /** The file's name, when the caller gave one (`options.source`). */
  source?: string;
}

export interface Counts {
  facts: number;
  checks: number;
  passed: number;
  failed: number;
  /** Checks that could not be evaluated. */
  checkErrors: number;
  /** Findings of severity error. */
  errors: number;
  /** Findings of severity warning. */
  warnings: number;
  /** Checks a person has yet to confirm (`to_confirm`); not counted in `passed` or `failed`. */
  toConfirm: number;
}

/** A place in a source text: character offsets (Unicode scalar values), 0-based, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface ReportInfo {
  /** Always present; null when the report has no usable title. */
  title: string | null;
  issuer?: string;
  period?: string;
  published?: string;
  language?: string;
  source?: string;
}

export interface CheckOutcome extends Location {
  /** The check's `id`, or its position ("3", counting from 1 in file order) when it has none. */
  id: string;
  label?: string;
  expect: string;
  status: CheckStatus;
  severity: Severity;
  /** The check in figures, e.g. "32 + 10 + 14 + 10 + 3 = 69, but concluded = 68 (off by 1)". */
  arithmetic: string;
  /** What went wrong, for `error` checks; absent otherwise. */
  message?: string;
  quote?: string;
  /** Title of the section the check stands in. */
  section?: string;
  /** Ids of the facts the check uses, in order of first use. */
  facts: string[];
  /** For a failing comparison: how far apart the two sides are, as an exact decimal. */
  offBy?: string;
  /** "sure" or "unsure", as extraction wrote it. */
  confidence?: 'sure' | 'unsure';
  /** A relation a person has yet to confirm: its status is shown, but it never fails the report. */
  toConfirm?: true;
  /**
   * For a failing check: the rounding under which it would hold (every figure rounded to the
   * nearest taken as truncated, or the reverse). It still fails unless the report's `rounding`
   * says so; the arithmetic says it too ("holds if the figures were truncated").
   */
  holdsIf?: 'truncate' | 'nearest';
  /**
   * A figure is used more than once and its exact range was not decided within the bound on the
   * work: the check passed on the wider range (the arithmetic says so).
   */
  rangeNotExact?: true;
}

export interface Finding extends Location {
  code: FindingCode;
  severity: Severity;
  message: string;
}

export interface Suspect extends Location {
  fact: string;
  label?: string;
  /** The figure as printed. */
  value: string;
  unit?: string;
  /** A value that would make every failing check hold (and keep the passing ones passing). */
  wouldFix?: string;
  reasons: SuspectReason[];
  /** Ids of the failing checks this figure takes part in. */
  checks: string[];
  /** e.g. "revoked is likely wrong: 9 would make every check hold". */
  message: string;
}

export interface FactView extends Location {
  id: string;
  label?: string;
  /** The figure as printed in the file. */
  value: string;
  unit?: string;
  quote?: string;
  section?: string;
  /** The true values the figure stands for, e.g. "95.45…95.55"; equal to `value` when exact. */
  range: string;
  /** Where the figure stands in the source text, for a report extracted from text. */
  at?: TextSpan;
}

export interface CheckOptions {
  /** The language of the verdict's messages: "en" (default) or "zh"; tags such as "zh-CN" work too. */
  lang?: Language | (string & {});
  /** A name for the report (a file name), echoed as `verdict.source`. */
  source?: string;
}

/**
 * A report: its text (best: line numbers and figures exactly as printed), its bytes, a `Blob`
 * or `File` in browsers, or an already parsed object (checked as `JSON.stringify` writes it, so a
 * figure written `95.50` becomes `95.5` unless it is a string in the object).
 */
export type ReportInput = string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob | object;

/** Where the WebAssembly module comes from, for `load()`: a URL, a fetch `Response`, bytes, or a compiled module. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Checks a report. Resolves to the verdict: a broken report is a verdict too (`invalid`, with
 * findings), never a rejection. Rejects only on a caller's mistake (no report, unknown option)
 * or when the module cannot be loaded.
 */
export function check(report: ReportInput, options?: CheckOptions): Promise<Verdict>;

/**
 * Checks several reports together; resolves to one verdict per report, in order. For reports of
 * one issuer (same `report.issuer`) for consecutive years on a template, the later year's verdict
 * also has the template's cross-year links as checks of severity warning.
 */
export function checkMany(reports: ReportInput[], options?: CheckOptions): Promise<Verdict[]>;

/** A figure found in a text by `extract()`. */
export interface ExtractedFigure {
  /** The fact id in the draft report: "f1", "f2", … in text order. */
  id: string;
  /** Character offsets of the numeral only (no sign word, unit, scale word or %). */
  start: number;
  end: number;
  /** The numeral exactly as printed. */
  printed: string;
  /** The value as the report format reads it, signed by the words (下降 2.99% is "-2.99"). */
  value: string;
  unit: string | null;
  /** The words before the figure that name it. */
  label: string;
}

export type RelationKind = 'total' | 'share' | 'change' | 'notExceeding';
export type Role = 'whole' | 'part' | 'share' | 'now' | 'before' | 'change';

/** A relation the wording of the text states. */
export interface ExtractedRelation {
  kind: RelationKind;
  /** Each role with the index of its figure in `figures`. */
  roles: [Role, number][];
  /** sure: unambiguous wording and the arithmetic holds; otherwise the check is to confirm. */
  confidence: 'sure' | 'unsure';
  /** The check, over the figures' ids, e.g. "f1 == f2 + f3". */
  expect: string;
  /** Whether the arithmetic holds within the figures' printed precision. */
  holds: boolean;
}

export interface Extraction {
  figures: ExtractedFigure[];
  relations: ExtractedRelation[];
  /** The draft report, format v1 JSON text. */
  report: string;
  /** For HTML input: the plain text the offsets refer to. */
  text?: string;
  /**
   * The template the text was recognised as a report on (e.g. "cn-gov-info-disclosure-2021");
   * then `report` is a template report whose rows carry `at`.
   */
  template?: string;
  /** Tables and rows of the template that could not be placed in the text. */
  warnings: ExtractWarning[];
}

/** A table or row of a template that extraction could not place; never guessed. */
export interface ExtractWarning {
  /** "table-not-placed", "row-not-placed", or "row-placed-by-order" (a row read by the template's order: confirm it). */
  code: string;
  /** In the language of the text (Chinese for the disclosure templates). */
  message: string;
  /** The same in English. */
  messageEn: string;
  /** The template's table it is about, by id (e.g. "t3"). */
  table?: string;
  /** The template's row it is about, by id (e.g. "open"), when it is about a row. */
  row?: string;
  /** Character offsets of the label in the text (0, 0 when there is none). */
  start: number;
  end: number;
}

export interface ExtractOptions {
  /** The input is HTML: tags stripped, entities decoded, table rows read row by row. */
  html?: boolean;
  /** The text's file name or address, written as the draft's `report.source`. */
  source?: string;
  /** The draft's `report.title`. */
  title?: string;
}

/** Extracts the figures and relations of a report's text; `check(extraction.report)` checks them. */
export function extract(text: string, options?: ExtractOptions): Promise<Extraction>;

/** The crossfoot version, e.g. "0.1.0". */
export function version(): Promise<string>;

/** The report format's JSON Schema (draft 2020-12), as a plain object. */
export function schema(): Promise<Record<string, unknown>>;

/**
 * Loads the WebAssembly module now instead of on the first call, optionally from a place of the
 * caller's choosing (default: `pkg/crossfoot_bg.wasm` beside this file). Loads once; later calls
 * return the same promise.
 */
export function load(wasm?: WasmSource | Promise<WasmSource>): Promise<void>;

/** A table of the report as the page shows it. */
export interface TableView {
  id: string;
  title: string;
  /** Title of the section the table stands in. */
  section?: string;
  columns: ColumnView[];
  rows: RowView[];
}

export interface ColumnView {
  id: string;
  label: string;
  unit?: string;
}

export interface RowView {
  id: string;
  label: string;
  /** One per column. */
  cells: CellView[];
}

/**
 * `fail`: the cell takes part in a failing error check; `pass`: only in holding checks; `none`: in
 * no check, or in one that could not be evaluated or is a failing warning.
 */
export type CellStatus = 'pass' | 'fail' | 'none';

export interface CellView {
  /** The id of the cell's fact (`t3.new.total`); null for an empty cell. */
  fact: string | null;
  /** The cell as printed ("—" for an empty cell written so); null for null or "". */
  value: string | null;
  status: CellStatus;
  /** Where the cell stands in the source text, for a table read from a text. */
  at?: TextSpan;
}
