//! The verdict: what a check of one report returns. One definition serves the CLI's
//! `--format json`, the WebAssembly `check()` and the npm package (field names in camelCase).

use serde::Serialize;

mod write;
pub use write::{to_json_array, JsonParts};

/// Exactly one of three words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Every check holds and the structure is valid.
    Consistent,
    /// At least one error-severity check fails.
    Inconsistent,
    /// The file cannot be checked: not JSON, or structure errors.
    Invalid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// How one check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
    /// The check could not be evaluated (division by an interval containing zero, unknown id, …).
    Error,
}

/// Where something is: a JSON pointer into the report, and a 1-based line and column
/// (columns count Unicode characters). `line`/`column` are 0 when the input had no such place.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    pub pointer: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    pub verdict: Status,
    /// The language of every message in this verdict: "en" or "zh".
    pub language: &'static str,
    /// One line for a person, e.g. "inconsistent: 1 of 12 checks fails".
    pub summary: String,
    pub counts: Counts,
    /// The report's metadata, when the file got far enough to have it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<ReportInfo>,
    /// Failing checks first, then errors, then passing ones; each group in file order.
    pub checks: Vec<CheckOutcome>,
    /// The figures most likely to be wrong, most likely first. Empty when no check fails.
    pub suspects: Vec<Suspect>,
    /// Structure and syntax findings, and warnings (units, unknown fields, …), in file order.
    pub findings: Vec<Finding>,
    /// Every fact of the report, in file order (a table's cells with figures among them).
    pub facts: Vec<FactView>,
    /// The report's tables, each cell marked by how its checks came out; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tables: Vec<TableView>,
    /// The file's name, when the caller gave one (the CLI does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Counts {
    pub facts: u32,
    pub checks: u32,
    pub passed: u32,
    pub failed: u32,
    /// Checks that could not be evaluated.
    pub check_errors: u32,
    /// Findings of severity error.
    pub errors: u32,
    /// Findings of severity warning.
    pub warnings: u32,
    /// Checks a person has yet to confirm (`to_confirm`): evaluated, but never failing. They are
    /// not counted in `passed` or `failed`.
    pub to_confirm: u32,
}

/// A place in a source text: character offsets (Unicode scalar values), 0-based, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

impl TextSpan {
    pub fn new(start: usize, end: usize) -> Self {
        TextSpan { start, end }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportInfo {
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckOutcome {
    /// The check's `id`, or its position (`"3"`, counting from 1 in file order) when it has none.
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub expect: String,
    pub status: CheckStatus,
    pub severity: Severity,
    /// The check in figures, e.g. "32 + 10 + 14 + 10 + 3 = 69, but concluded = 68 (off by 1)".
    pub arithmetic: String,
    /// What went wrong, for `error` checks; empty otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// Title of the section the check stands in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Ids of the facts the check uses, in order of first use.
    pub facts: Vec<String>,
    /// For a failing comparison: how far apart the two sides are, as an exact decimal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub off_by: Option<String>,
    /// "sure" or "unsure", as extraction wrote it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<String>,
    /// A relation a person has yet to confirm: its status is shown, but it never fails the report.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub to_confirm: bool,
    /// For a failing check: the rounding (`truncate`, `nearest`) under which it would hold; it
    /// still fails unless the report says the figures are rounded so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holds_if: Option<&'static str>,
    /// A figure is used more than once and its exact range was not decided within the bound on
    /// the work: the check passed on the wider range.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub range_not_exact: bool,
    #[serde(flatten)]
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable, kebab-case: `json-syntax`, `duplicate-key`, `unknown-id`, … (see `messages.rs`).
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    #[serde(flatten)]
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suspect {
    pub fact: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The figure as printed.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// A value that would make every failing check hold (and keep the passing ones passing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_fix: Option<String>,
    /// Why this figure is suspected, as stable codes: `in-several-failing-checks`, `fixes-all`,
    /// `transposed-digits`, `slipped-decimal-point`.
    pub reasons: Vec<&'static str>,
    /// Ids of the failing checks this figure takes part in.
    pub checks: Vec<String>,
    /// "revoked is likely wrong: 9 would make every check hold".
    pub message: String,
    #[serde(flatten)]
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactView {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The figure as printed in the file.
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The true values the figure stands for, e.g. "95.45…95.55"; equal to `value` when exact.
    pub range: String,
    /// Where the figure stands in the source text, for a report extracted from text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<TextSpan>,
    #[serde(flatten)]
    pub location: Location,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TableView {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ColumnView {
    pub id: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowView {
    pub id: String,
    pub label: String,
    /// One per column.
    pub cells: Vec<CellView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CellView {
    /// The id of the cell's fact (`t3.new.total`); null for an empty cell.
    pub fact: Option<String>,
    /// The cell as printed ("—" for an empty cell written so); null for null or "".
    pub value: Option<String>,
    pub status: CellStatus,
    /// Where the cell stands in the source text, for a table read from a text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<TextSpan>,
}

/// `fail`: the cell takes part in a failing error check; `pass`: only in holding checks;
/// `none`: in no check, or in one that could not be evaluated or is a failing warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CellStatus {
    Pass,
    Fail,
    None,
}

impl Status {
    /// The word the verdict's JSON gives.
    pub fn word(self) -> &'static str {
        match self {
            Status::Consistent => "consistent",
            Status::Inconsistent => "inconsistent",
            Status::Invalid => "invalid",
        }
    }
}

impl Severity {
    pub fn word(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl CheckStatus {
    pub fn word(self) -> &'static str {
        match self {
            CheckStatus::Pass => "pass",
            CheckStatus::Fail => "fail",
            CheckStatus::Error => "error",
        }
    }
}

impl CellStatus {
    pub fn word(self) -> &'static str {
        match self {
            CellStatus::Pass => "pass",
            CellStatus::Fail => "fail",
            CellStatus::None => "none",
        }
    }
}
