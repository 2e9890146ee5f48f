//! Small helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use crossfoot::{check, CheckOutcome, Finding, Lang, Options, Verdict};

pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The verdict for a file of the repository, in English.
pub fn verdict_of(relative: &str) -> Verdict {
    verdict_in(relative, Lang::En)
}

pub fn verdict_in(relative: &str, lang: Lang) -> Verdict {
    let path = repo_path(relative);
    let input =
        std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    check(&input, &Options { lang, source: None })
}

pub fn verdict_of_text(text: &str) -> Verdict {
    check(text.as_bytes(), &Options::default())
}

pub fn finding<'a>(verdict: &'a Verdict, code: &str) -> &'a Finding {
    verdict
        .findings
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no finding {code}; findings: {:#?}", verdict.findings))
}

pub fn check_outcome<'a>(verdict: &'a Verdict, id: &str) -> &'a CheckOutcome {
    verdict
        .checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id}; checks: {:#?}", verdict.checks))
}

/// The ids of the failing checks, in the verdict's order.
pub fn failing_ids(verdict: &Verdict) -> Vec<&str> {
    verdict
        .checks
        .iter()
        .filter(|c| c.status == crossfoot::CheckStatus::Fail)
        .map(|c| c.id.as_str())
        .collect()
}

/// Checks (expressions) as the JSON of a `checks` array's members, with ids c1, c2, ….
pub fn checks_json(checks: &[&str]) -> String {
    let checks: Vec<String> = checks
        .iter()
        .enumerate()
        .map(|(i, expect)| format!("{{\"id\": \"c{}\", \"expect\": \"{expect}\"}}", i + 1))
        .collect();
    checks.join(", ")
}

/// A report with one section of the given facts (JSON objects) and checks (expressions).
pub fn report(facts: &[&str], checks: &[&str]) -> String {
    format!(
        "{{\"crossfoot\": 1, \"report\": {{\"title\": \"t\"}}, \"sections\": [{{\"id\": \"s\", \"facts\": [{}], \"checks\": [{}]}}]}}",
        facts.join(", "),
        checks_json(checks)
    )
}
