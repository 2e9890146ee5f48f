//! The disclosure gold set (`tests/disclosure/`, described in `tests/disclosure/README.md`): real
//! published 政府信息公开工作年度报告, each kept as published (`NAME.html`, `NAME.txt` or `NAME.pdf`)
//! beside its hand transcription `NAME.expected.json` (a template report, as
//! `examples/disclosure/*.json`, plus `restatements`: the narrative's sentences that restate a cell).
//!
//! The test first checks that the data is well-formed: every transcription is a valid template
//! report (the checker gives it no error finding), every restatement names a cell of the
//! transcription and agrees with it, every document exists, and the sets are as large as the issue
//! asks. Then it runs extraction on every document and scores the draft against the transcription:
//!
//! - template recognised: the draft's `template` is the transcription's;
//! - cells read right, of all printed cells of the transcription: the draft has the same table, row
//!   and column with the same printed value (an empty cell, however printed, matches an empty one);
//! - verdict equal: `crossfoot::check` of the draft and of the transcription say the same word
//!   (counted only when the template is recognised: a generic draft's verdict proves nothing);
//! - restatements found: the draft has a check `nK == table.row.col` on the restated cell whose
//!   fact `nK` has the restated value (and how many of the draft's restatement checks are right).
//!
//! The held-out set (`tests/disclosure/holdout/`) is scored the same way and printed apart: it
//! must never be read while tuning the recogniser. `scripts/disclosure-gold.sh` runs this in
//! release with the tables shown; `DISCLOSURE_GOLD_DETAIL=1` lists the tuned set's misses.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Lowest scores accepted on the tuned set, in percent: (template recognised, cells read right,
/// verdict equal, restatements found). 0 while the recogniser does not exist; the lead raises them
/// to what it reaches, as `tests/gold.rs` does, so that a regression fails.
// Set in session 5 to what recognition reaches on the tuned set of 22 (100, 99.9, 100, 76.6; rows
// read by the template's order, 主动公开 restating 表二, a row's cells ending at the next words,
// counts in 起/份/条):
// they catch regressions; the aim is 100 / 99 / 100 (issue 11).
const FLOORS: [f64; 4] = [100.0, 99.8, 100.0, 76.0];

/// The issue asks for at least 15 tuned reports (3 of them PDF) and 8 held out.
/// This is what the set holds today (see `tests/disclosure/README.md`).
const MIN_TUNED: usize = 22;
const MIN_HELD_OUT: usize = 10;
const MIN_PDF: usize = 3;

const TEMPLATES: [&str; 2] = ["cn-gov-info-disclosure-2021", "cn-gov-info-disclosure-2019"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Form {
    Html,
    Text,
    Pdf,
}

struct Restatement {
    /// False for a sentence that restates a cell with another figure (the report contradicts
    /// itself): the draft must still find it, and its check fails.
    agrees: bool,
    /// True when the wording is not plain (the sentence may mean another quantity): the check is
    /// shown but never fails, as extraction's `to_confirm`.
    to_confirm: bool,
    quote: String,
    table: String,
    row: String,
    column: String,
    value: Value,
}

struct Case {
    name: String,
    held_out: bool,
    form: Form,
    /// `None` when the document is neither beside the transcription nor in `../shared/disclosure/`
    /// (a document that may not be committed here, placed in shared/ by the steering session).
    document: Option<PathBuf>,
    /// The transcription without `restatements`: what `crossfoot check` is given.
    expected: Value,
    restatements: Vec<Restatement>,
}

fn set_name(held_out: bool) -> &'static str {
    if held_out {
        "holdout"
    } else {
        "tuned"
    }
}

fn set_dir(held_out: bool) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/disclosure")
        .join(set_name(held_out))
}

/// Where documents that cannot be committed to the project live: the steering repo's shared/.
fn shared_dir(held_out: bool) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/disclosure")
        .join(set_name(held_out))
}

fn template_of(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("templates/{name}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_json::from_str(&text).unwrap()
}

/// The column ids of a template's table, in order.
fn columns_of(template: &Value, table: &str) -> Vec<String> {
    template["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == table)
        .unwrap_or_else(|| panic!("template has no table {table}"))["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

/// The cell `table.row.column` of a report (template report shape), if it is there.
fn cell<'a>(
    report: &'a Value,
    template: &Value,
    table: &str,
    row: &str,
    col: &str,
) -> Option<&'a Value> {
    let index = columns_of(template, table).iter().position(|c| c == col)?;
    report["tables"]
        .as_array()?
        .iter()
        .find(|t| t["id"] == table)?["rows"]
        .as_array()?
        .iter()
        .find(|r| r["id"] == row)?["cells"]
        .as_array()?
        .get(index)
}

/// A cell as printed, normalised: `None` for an empty cell (null, "", "—", "/", "-", …), else
/// the figure without thousands separators or a trailing ".0…" difference ("4068.208" = 4068.208).
fn printed(value: &Value) -> Option<String> {
    let text = match value {
        Value::Null => return None,
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        other => other.to_string(),
    };
    let text: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap(),
            '．' => '.',
            '－' => '-',
            c => c,
        })
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .collect();
    // A unit printed in the cell ("251000元", "3件") is not part of the figure.
    let text = ["万元", "元", "件", "条", "项"]
        .iter()
        .find_map(|u| {
            text.strip_suffix(u)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
        })
        .unwrap_or(text);
    if text.is_empty() || text.chars().all(|c| "—–-－/／\\".contains(c)) {
        return None;
    }
    match text.split_once('.') {
        Some((whole, frac)) if frac.chars().all(|c| c.is_ascii_digit()) => {
            let frac = frac.trim_end_matches('0');
            Some(if frac.is_empty() {
                whole.to_string()
            } else {
                format!("{whole}.{frac}")
            })
        }
        _ => Some(text),
    }
}

fn load_case(json_path: &Path, held_out: bool) -> Case {
    let file = json_path.file_name().unwrap().to_string_lossy().to_string();
    let name = file.trim_end_matches(".expected.json").to_string();
    let find = |dir: &Path| -> Vec<(Form, PathBuf)> {
        [
            ("html", Form::Html),
            ("txt", Form::Text),
            ("pdf", Form::Pdf),
        ]
        .iter()
        .map(|(ext, form)| (*form, dir.join(format!("{name}.{ext}"))))
        .filter(|(_, p)| p.exists())
        .collect()
    };
    let mut documents = find(json_path.parent().unwrap());
    if documents.is_empty() {
        documents = find(&shared_dir(held_out));
    }
    assert!(
        documents.len() <= 1,
        "{file}: more than one document {name}.html, {name}.txt or {name}.pdf"
    );
    let source_text = std::fs::read_to_string(json_path).unwrap();
    let (form, document) = match documents.into_iter().next() {
        Some((form, path)) => (form, Some(path)),
        // Not here: its transcription says where it is to be placed.
        None => {
            assert!(
                source_text.contains("../shared/disclosure/"),
                "{file}: no document {name}.html, {name}.txt or {name}.pdf, and report.source does not say it is read from ../shared/disclosure/"
            );
            let form = if source_text.contains(".pdf") {
                Form::Pdf
            } else {
                Form::Text
            };
            (form, None)
        }
    };
    let mut expected: Value =
        serde_json::from_str(&source_text).unwrap_or_else(|e| panic!("{file}: not JSON: {e}"));
    let restatements = expected
        .as_object_mut()
        .unwrap()
        .remove("restatements")
        .unwrap_or_else(|| {
            panic!("{file}: no `restatements` (an empty list when the text restates no cell)")
        });
    let template_name = expected["template"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        TEMPLATES.contains(&template_name.as_str()),
        "{file}: template {template_name:?} is not a disclosure template"
    );
    let source = expected["report"]["source"].as_str().unwrap_or_default();
    assert!(
        source.contains("http://") || source.contains("https://") || source.contains("repository"),
        "{file}: report.source must say where the document came from"
    );
    let template = template_of(&template_name);
    let restatements = restatements
        .as_array()
        .unwrap_or_else(|| panic!("{file}: restatements is not a list"))
        .iter()
        .map(|r| {
            let quote = r["quote"].as_str().unwrap_or_default().to_string();
            assert!(!quote.is_empty(), "{file}: a restatement without its quote");
            let id = r["cell"].as_str().unwrap_or_default();
            let parts: Vec<&str> = id.split('.').collect();
            assert_eq!(parts.len(), 3, "{file}: cell {id:?} is not table.row.column");
            let got = cell(&expected, &template, parts[0], parts[1], parts[2])
                .unwrap_or_else(|| panic!("{file}: restatement {quote:?}: no cell {id}"));
            let agrees = r["agrees"].as_bool().unwrap_or(true);
            assert!(
                printed(&r["value"]).is_some(),
                "{file}: restatement {quote:?} has no figure"
            );
            assert_eq!(
                printed(got) == printed(&r["value"]),
                agrees,
                "{file}: restatement {quote:?} says {} and {id} is {got}: mark `\"agrees\": false` only when they differ",
                r["value"]
            );
            Restatement {
                agrees,
                to_confirm: r["to_confirm"].as_bool().unwrap_or(false),
                quote,
                table: parts[0].to_string(),
                row: parts[1].to_string(),
                column: parts[2].to_string(),
                value: r["value"].clone(),
            }
        })
        .collect();
    Case {
        name,
        held_out,
        form,
        document,
        expected,
        restatements,
    }
}

fn load_set(held_out: bool) -> Vec<Case> {
    load_dir(&set_dir(held_out), held_out)
}

/// `tests/disclosure/fixtures/`: real reports with one figure changed on purpose (named for the
/// change), for tests of restatement checks. Not gold: scored apart.
fn load_fixtures() -> Vec<Case> {
    load_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/disclosure/fixtures"),
        false,
    )
}

fn load_dir(dir: &Path, held_out: bool) -> Vec<Case> {
    let dir = dir.to_path_buf();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| load_case(p, held_out)).collect()
}

/// The document's text for extraction, and whether it is HTML. `None` when it cannot be read
/// (absent, or a PDF while no PDF reader is built in).
fn document_text(case: &Case) -> Option<(String, bool)> {
    let bytes = std::fs::read(case.document.as_ref()?).unwrap();
    match case.form {
        Form::Html => Some((String::from_utf8(bytes).expect("HTML in UTF-8"), true)),
        Form::Text => Some((
            String::from_utf8(bytes)
                .expect("text in UTF-8")
                .replace("\r\n", "\n"),
            false,
        )),
        Form::Pdf => pdf_text(&bytes).map(|t| (t, false)),
    }
}

/// The one place that reads a PDF: `crossfoot::pdf::to_text` (a PDF it cannot read scores
/// nothing, and is counted as not read).
fn pdf_text(bytes: &[u8]) -> Option<String> {
    crossfoot::pdf::to_text(bytes).ok()
}

fn verdict_of(report: &Value) -> crossfoot::Verdict {
    crossfoot::check(
        report.to_string().as_bytes(),
        &crossfoot::Options::default(),
    )
}

/// The transcription with its restatements as facts and checks (`rK == table.row.col`), as a
/// recogniser's draft states them: the verdict a right draft gets (red when the narrative
/// contradicts a table).
fn with_restatements(case: &Case) -> Value {
    let mut report = case.expected.clone();
    let template = template_of(case.expected["template"].as_str().unwrap());
    let unit_of = |table: &str, column: &str| -> Option<String> {
        let t = template["tables"]
            .as_array()?
            .iter()
            .find(|t| t["id"] == table)?;
        let c = t["columns"]
            .as_array()?
            .iter()
            .find(|c| c["id"] == column)?;
        c["unit"]
            .as_str()
            .or(t["unit"].as_str())
            .map(str::to_string)
    };
    let mut facts = Vec::new();
    let mut checks = Vec::new();
    for (i, r) in case.restatements.iter().enumerate() {
        let id = format!("r{}", i + 1);
        let mut fact =
            serde_json::json!({"id": id, "value": r.value, "label": r.quote, "quote": r.quote});
        if let Some(unit) = unit_of(&r.table, &r.column) {
            fact["unit"] = Value::String(unit);
        }
        facts.push(fact);
        let mut check = serde_json::json!({
            "id": format!("restates_{id}"),
            "expect": format!("{id} == `{}.{}.{}`", r.table, r.row, r.column),
            "quote": r.quote,
        });
        if r.to_confirm {
            check["to_confirm"] = Value::Bool(true);
        }
        checks.push(check);
    }
    if !facts.is_empty() {
        report["facts"] = Value::Array(facts);
        report["checks"] = Value::Array(checks);
    }
    report
}

#[test]
fn disclosure_gold_set_is_well_formed() {
    let tuned = load_set(false);
    let held_out = load_set(true);
    let fixtures = load_fixtures();
    for case in &fixtures {
        assert!(
            case.expected["report"]["source"]
                .as_str()
                .unwrap_or_default()
                .starts_with("ALTERED FIXTURE"),
            "{}: a fixture's report.source starts with ALTERED FIXTURE",
            case.name
        );
    }
    for case in tuned.iter().chain(&held_out).chain(&fixtures) {
        // The restatements as checks are well-formed too, and a disagreeing one fails.
        let stated = verdict_of(&with_restatements(case));
        assert!(
            stated
                .findings
                .iter()
                .all(|f| f.severity != crossfoot::Severity::Error),
            "{}: the restatements as checks are not valid: {:?}",
            case.name,
            stated
                .findings
                .iter()
                .map(|f| f.message.clone())
                .collect::<Vec<_>>()
        );
        if case.restatements.iter().any(|r| !r.agrees && !r.to_confirm) {
            assert_eq!(
                stated.verdict,
                crossfoot::Status::Inconsistent,
                "{}",
                case.name
            );
        }
        let verdict = verdict_of(&case.expected);
        let errors: Vec<String> = verdict
            .findings
            .iter()
            .filter(|f| f.severity == crossfoot::Severity::Error)
            .map(|f| format!("{}: {}", f.code, f.message))
            .collect();
        assert!(
            errors.is_empty() && verdict.verdict != crossfoot::Status::Invalid,
            "{}: the transcription is not a valid template report: {errors:?}",
            case.name
        );
        // A transcription gives every row in full: as many cells as the template's columns.
        let template = template_of(case.expected["template"].as_str().unwrap());
        for table in case.expected["tables"].as_array().unwrap() {
            let columns = columns_of(&template, table["id"].as_str().unwrap()).len();
            for row in table["rows"].as_array().unwrap() {
                assert_eq!(
                    row["cells"].as_array().map(Vec::len),
                    Some(columns),
                    "{}: {}.{} has not one cell per column",
                    case.name,
                    table["id"],
                    row["id"]
                );
            }
        }
        // The quotes are the document's own words (a PDF's as its text reads).
        if let Some((text, _)) = document_text(case) {
            let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let text = squeeze(&text);
            for r in &case.restatements {
                assert!(
                    text.contains(&squeeze(&r.quote)),
                    "{}: the quote {:?} is not in the document",
                    case.name,
                    r.quote
                );
            }
        }
    }
    // Only cases whose document is here count.
    let present = |set: &[Case]| set.iter().filter(|c| c.document.is_some()).count();
    let pdfs = tuned
        .iter()
        .chain(&held_out)
        .filter(|c| c.form == Form::Pdf && c.document.is_some())
        .count();
    let (tuned_n, held_out_n) = (present(&tuned), present(&held_out));
    assert!(
        tuned_n >= MIN_TUNED,
        "{tuned_n} tuned cases, fewer than {MIN_TUNED}"
    );
    assert!(
        held_out_n >= MIN_HELD_OUT,
        "{held_out_n} held-out cases, fewer than {MIN_HELD_OUT}"
    );
    assert!(pdfs >= MIN_PDF, "{pdfs} PDF cases, fewer than {MIN_PDF}");
    // A case in both sets would be tuned on.
    for case in &held_out {
        assert!(
            tuned.iter().all(|t| t.name != case.name),
            "{} is in both sets",
            case.name
        );
    }
}

/// Counts of one case or one set.
#[derive(Default, Clone, Copy)]
struct Tally {
    cases: usize,
    recognised: usize,
    cells: usize,
    cells_right: usize,
    verdict_equal: usize,
    restatements: usize,
    restatements_found: usize,
    /// The draft's checks that restate a cell (`nK == table.row.col`), and how many the gold has.
    draft_restatements: usize,
    draft_restatements_right: usize,
    unreadable: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.cases += o.cases;
        self.recognised += o.recognised;
        self.cells += o.cells;
        self.cells_right += o.cells_right;
        self.verdict_equal += o.verdict_equal;
        self.restatements += o.restatements;
        self.restatements_found += o.restatements_found;
        self.draft_restatements += o.draft_restatements;
        self.draft_restatements_right += o.draft_restatements_right;
        self.unreadable += o.unreadable;
    }

    /// Template recognised, cells read right, verdict equal, restatements found, in percent.
    fn scores(&self) -> [f64; 4] {
        let pct = |n: usize, d: usize| {
            if d == 0 {
                100.0
            } else {
                100.0 * n as f64 / d as f64
            }
        };
        [
            pct(self.recognised, self.cases),
            pct(self.cells_right, self.cells),
            pct(self.verdict_equal, self.cases),
            pct(self.restatements_found, self.restatements),
        ]
    }

    fn row(&self, name: &str) -> String {
        let s = self.scores();
        format!(
            "{name:<42} {:>5} {:>4} {:>6.1}% {:>5}/{:<5} {:>6.1}% {:>4} {:>6.1}% {:>3}/{:<3} {:>6.1}% {:>3}/{:<3}",
            self.cases,
            self.recognised,
            s[0],
            self.cells_right,
            self.cells,
            s[1],
            self.verdict_equal,
            s[2],
            self.restatements_found,
            self.restatements,
            s[3],
            self.draft_restatements_right,
            self.draft_restatements,
        )
    }
}

/// A draft check that restates a cell: `(fact id, table, row, column)` from `nK == t.r.c` (either
/// side, backticks or not).
fn restating_check(expect: &str) -> Option<(String, String, String, String)> {
    let (a, b) = expect.split_once("==")?;
    let clean = |s: &str| s.trim().trim_matches('`').trim().to_string();
    let (a, b) = (clean(a), clean(b));
    let is_cell = |s: &str| s.split('.').count() == 3 && !s.contains(' ');
    let (fact, id) = match (is_cell(&a), is_cell(&b)) {
        (false, true) => (a, b),
        (true, false) => (b, a),
        _ => return None,
    };
    if fact.is_empty() || !fact.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let mut parts = id.split('.').map(str::to_string);
    Some((fact, parts.next()?, parts.next()?, parts.next()?))
}

/// Extracts one case and scores the draft.
fn score(case: &Case, detail: bool) -> Tally {
    use crossfoot::extract::{extract, ExtractOptions};
    let mut tally = Tally {
        cases: 1,
        ..Tally::default()
    };
    let template = template_of(case.expected["template"].as_str().unwrap());
    for table in case.expected["tables"].as_array().unwrap() {
        for row in table["rows"].as_array().unwrap() {
            tally.cells += row["cells"].as_array().unwrap().len();
        }
    }
    tally.restatements = case.restatements.len();
    let Some((text, html)) = document_text(case) else {
        tally.unreadable = 1;
        return tally;
    };
    let options = ExtractOptions {
        html,
        ..ExtractOptions::default()
    };
    let found = extract(&text, &options);
    let draft: Value = serde_json::from_str(&found.report).unwrap_or(Value::Null);
    if draft["template"] == case.expected["template"] {
        tally.recognised = 1;
    }
    let mut misses = Vec::new();
    for table in case.expected["tables"].as_array().unwrap() {
        let tid = table["id"].as_str().unwrap();
        let columns = columns_of(&template, tid);
        for row in table["rows"].as_array().unwrap() {
            let rid = row["id"].as_str().unwrap();
            for (col, want) in columns.iter().zip(row["cells"].as_array().unwrap()) {
                let got = if tally.recognised == 1 {
                    cell(&draft, &template, tid, rid, col)
                } else {
                    None
                };
                if got.is_some_and(|g| printed(g) == printed(want)) {
                    tally.cells_right += 1;
                } else {
                    misses.push(format!("{tid}.{rid}.{col}: want {want}, got {got:?}"));
                }
            }
        }
    }
    // A draft that is no template report says nothing of the template's identities: its verdict
    // counts only once the template is recognised.
    if tally.recognised == 1
        && verdict_of(&draft).verdict == verdict_of(&with_restatements(case)).verdict
    {
        tally.verdict_equal = 1;
    }
    let facts: Vec<&Value> = draft["facts"]
        .as_array()
        .map(|f| f.iter().collect())
        .unwrap_or_default();
    let fact_value = |id: &str| {
        facts
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| printed(&f["value"]))
    };
    let draft_checks: Vec<(String, String, String, String)> = draft["checks"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .filter_map(|c| restating_check(c["expect"].as_str().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    let matches = |r: &Restatement, (fact, t, row, col): &(String, String, String, String)| {
        *t == r.table
            && *row == r.row
            && *col == r.column
            && fact_value(fact) == Some(printed(&r.value))
    };
    for r in &case.restatements {
        if draft_checks.iter().any(|c| matches(r, c)) {
            tally.restatements_found += 1;
        } else {
            misses.push(format!(
                "restatement {:?} ({}.{}.{})",
                r.quote, r.table, r.row, r.column
            ));
        }
    }
    for c in draft_checks
        .iter()
        .filter(|c| !case.restatements.iter().any(|r| matches(r, c)))
    {
        let value = fact_value(&c.0).flatten().unwrap_or_default();
        misses.push(format!(
            "extra restatement check {} = {value} on {}.{}.{}",
            c.0, c.1, c.2, c.3
        ));
    }
    tally.draft_restatements = draft_checks.len();
    tally.draft_restatements_right = draft_checks
        .iter()
        .filter(|c| case.restatements.iter().any(|r| matches(r, c)))
        .count();
    // Misses are shown for the tuned set only: reading the held-out misses would tune on them.
    if detail && !case.held_out {
        for m in misses.iter().take(40) {
            println!("    miss {m}");
        }
        if misses.len() > 40 {
            println!("    … and {} more", misses.len() - 40);
        }
    }
    tally
}

fn form_name(form: Form) -> &'static str {
    match form {
        Form::Html => "html",
        Form::Text => "txt",
        Form::Pdf => "pdf",
    }
}

#[test]
fn disclosure_gold_scores() {
    let detail = std::env::var_os("DISCLOSURE_GOLD_DETAIL").is_some();
    println!(
        "\ndisclosure gold set: template recognised, cells read right (of all printed cells), verdict equal to the transcription's, restatements found; last: the draft's restatement checks that are right / all of them\n"
    );
    let header = format!(
        "{:<42} {:>5} {:>4} {:>7} {:>11} {:>7} {:>4} {:>7} {:>7} {:>7} {:>7}",
        "case", "cases", "tmpl", "", "cells", "", "verd", "", "restat.", "", "draft"
    );
    let mut failures = Vec::new();
    for (group, held_out) in [("tuned", false), ("held out", true), ("fixtures", false)] {
        let set = if group == "fixtures" {
            load_fixtures()
        } else {
            load_set(held_out)
        };
        match group {
            "fixtures" => println!("fixtures (real reports with one figure changed; not gold)"),
            _ => println!("{group}"),
        }
        println!("{header}");
        let mut total = Tally::default();
        let mut absent = Vec::new();
        for case in &set {
            if case.document.is_none() {
                absent.push(case.name.clone());
                continue;
            }
            let tally = score(case, detail);
            let mut name = format!("{} ({})", case.name, form_name(case.form));
            if tally.unreadable == 1 {
                name.push_str(" unread");
            }
            println!("{}", tally.row(&name));
            total.add(tally);
        }
        println!("{}", total.row(&format!("== {group}")));
        if total.unreadable > 0 {
            println!(
                "   ({} documents not read: no PDF reader yet)",
                total.unreadable
            );
        }
        if !absent.is_empty() {
            println!(
                "   (not scored, their documents are not in {}: {})",
                shared_dir(held_out).display(),
                absent.join(", ")
            );
        }
        println!();
        if group == "tuned" {
            for (i, (got, min)) in total.scores().iter().zip(FLOORS).enumerate() {
                if *got < min {
                    failures.push(format!("tuned score {i}: {got:.1}% under the floor {min}%"));
                }
            }
        }
    }
    assert!(failures.is_empty(), "regressions: {failures:?}");
}

#[test]
fn restating_checks_are_read_either_way_round() {
    assert_eq!(
        restating_check("n1 == `t3.new.total`"),
        Some(("n1".into(), "t3".into(), "new".into(), "total".into()))
    );
    assert_eq!(
        restating_check("t4.reconsideration.total == n2"),
        Some((
            "n2".into(),
            "t4".into(),
            "reconsideration".into(),
            "total".into()
        ))
    );
    assert_eq!(restating_check("a + b == c"), None);
    assert_eq!(
        printed(&serde_json::json!("4068.2080")),
        Some("4068.208".into())
    );
    assert_eq!(
        printed(&serde_json::json!(4068.208)),
        Some("4068.208".into())
    );
    assert_eq!(printed(&serde_json::json!("—")), None);
    assert_eq!(printed(&serde_json::json!(null)), None);
    assert_eq!(printed(&serde_json::json!("１２")), Some("12".into()));
    assert_eq!(
        printed(&serde_json::json!("75394432.52元")),
        Some("75394432.52".into())
    );
}
