//! The examples in `examples/` get exactly the verdicts that `examples/README.md` states.
//! Change that table and this file together.

use crossfoot::{check, CheckStatus, Options, Severity, Status, Verdict};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// What `examples/README.md` says one example must get.
struct Expected {
    file: &'static str,
    verdict: Status,
    /// Ids of the checks with status `fail`, in any order.
    failing: &'static [&'static str],
    /// The top suspect, when checks fail.
    suspect: Option<Suspected>,
    /// A finding code the verdict must contain (any severity but error).
    finding: Option<&'static str>,
}

struct Suspected {
    fact: &'static str,
    would_fix: &'static str,
    /// A reason code the top suspect must give (see `Suspect::reasons`).
    reason: &'static str,
}

const QINGPU: &str = "qingpu-2017.json";
const QINGPU_SOURCE: &str = "sources/qingpu-2017-rule-of-law-report.txt";
const QINGPU_FACTS: usize = 40;
const QINGPU_CHECKS: usize = 14;

const MISTAKES: &[Expected] = &[
    Expected {
        file: "mistakes/sum-off-by-one.json",
        verdict: Status::Inconsistent,
        failing: &["concluded_split", "correction_rate_matches"],
        suspect: Some(Suspected {
            fact: "confirmed_illegal",
            would_fix: "2",
            reason: "fixes-all",
        }),
        finding: None,
    },
    Expected {
        file: "mistakes/transposed-digits.json",
        verdict: Status::Inconsistent,
        failing: &["disclosure_requests_by_channel"],
        suspect: Some(Suspected {
            fact: "disclosure_requests",
            would_fix: "3,485",
            reason: "transposed-digits",
        }),
        finding: None,
    },
    Expected {
        file: "mistakes/shared-figure-wrong.json",
        verdict: Status::Inconsistent,
        failing: &["district_court_concluded_split", "withdrawn_total_by_court"],
        suspect: Some(Suspected {
            fact: "district_court_withdrawn",
            would_fix: "3",
            reason: "in-several-failing-checks",
        }),
        finding: None,
    },
    Expected {
        file: "mistakes/rate-does-not-match.json",
        verdict: Status::Inconsistent,
        failing: &["success_rate_matches"],
        suspect: Some(Suspected {
            fact: "success_rate",
            would_fix: "95.5",
            reason: "fixes-all",
        }),
        finding: None,
    },
    Expected {
        file: "mistakes/slipped-decimal.json",
        verdict: Status::Inconsistent,
        failing: &["legal_aid_spending_by_item"],
        suspect: Some(Suspected {
            fact: "publicity_and_training",
            would_fix: "28,400",
            reason: "slipped-decimal-point",
        }),
        finding: None,
    },
    Expected {
        file: "district-population-2022.json",
        verdict: Status::Consistent,
        failing: &[],
        suspect: None,
        finding: None,
    },
    Expected {
        file: "mistakes/unit-mismatch.json",
        verdict: Status::Consistent,
        failing: &[],
        suspect: None,
        finding: Some("unit-mismatch"),
    },
];

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn read(name: &str) -> Vec<u8> {
    let path = examples_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn read_text(name: &str) -> String {
    String::from_utf8(read(name)).unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"))
}

fn verdict_of(name: &str) -> Verdict {
    check(&read(name), &Options::default())
}

fn failing_ids(verdict: &Verdict) -> Vec<String> {
    let mut ids: Vec<String> = verdict
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| c.id.clone())
        .collect();
    ids.sort();
    ids
}

/// Everything that differs from what the README says, one line each; empty when all agree.
fn differences(expected: &Expected, verdict: &Verdict) -> Vec<String> {
    let name = expected.file;
    let mut wrong = Vec::new();
    if verdict.verdict != expected.verdict {
        wrong.push(format!(
            "{name}: verdict {:?}, expected {:?} ({})",
            verdict.verdict, expected.verdict, verdict.summary
        ));
    }
    let mut want: Vec<String> = expected.failing.iter().map(|s| s.to_string()).collect();
    want.sort();
    let got = failing_ids(verdict);
    if got != want {
        wrong.push(format!("{name}: failing checks {got:?}, expected {want:?}"));
    }
    for c in verdict
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Error)
    {
        wrong.push(format!(
            "{name}: check {} could not be evaluated: {}",
            c.id, c.message
        ));
    }
    for f in verdict
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
    {
        wrong.push(format!(
            "{name}: error finding {} at {}:{}: {}",
            f.code, f.location.line, f.location.column, f.message
        ));
    }
    match (&expected.suspect, verdict.suspects.first()) {
        (None, None) => {}
        (None, Some(s)) => wrong.push(format!("{name}: unexpected suspect {}", s.fact)),
        (Some(want), None) => wrong.push(format!("{name}: no suspect, expected {}", want.fact)),
        (Some(want), Some(top)) => {
            if top.fact != want.fact {
                let all: Vec<&str> = verdict.suspects.iter().map(|s| s.fact.as_str()).collect();
                wrong.push(format!(
                    "{name}: top suspect {}, expected {} (suspects in order: {all:?})",
                    top.fact, want.fact
                ));
            }
            if top.would_fix.as_deref() != Some(want.would_fix) {
                wrong.push(format!(
                    "{name}: top suspect would fix with {:?}, expected {:?}",
                    top.would_fix, want.would_fix
                ));
            }
            if !top.reasons.contains(&want.reason) {
                wrong.push(format!(
                    "{name}: top suspect's reasons {:?} lack {:?}",
                    top.reasons, want.reason
                ));
            }
        }
    }
    if let Some(code) = expected.finding {
        if !verdict.findings.iter().any(|f| f.code == code) {
            let codes: Vec<&str> = verdict.findings.iter().map(|f| f.code).collect();
            wrong.push(format!("{name}: no finding {code:?} (findings: {codes:?})"));
        }
    }
    wrong
}

#[test]
fn qingpu_2017_is_consistent() {
    let verdict = verdict_of(QINGPU);
    assert_eq!(verdict.verdict, Status::Consistent, "{}", verdict.summary);
    assert_eq!(verdict.facts.len(), QINGPU_FACTS);
    assert_eq!(verdict.counts.facts as usize, QINGPU_FACTS);
    assert_eq!(verdict.checks.len(), QINGPU_CHECKS);
    assert_eq!(verdict.counts.checks as usize, QINGPU_CHECKS);
    for c in &verdict.checks {
        assert_eq!(
            c.status,
            CheckStatus::Pass,
            "check {} ({}): {} {}",
            c.id,
            c.expect,
            c.arithmetic,
            c.message
        );
    }
    assert!(verdict.suspects.is_empty(), "{:?}", verdict.suspects);
    let errors: Vec<_> = verdict
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    // Not even a warning: 人 and 名 both count people.
    assert!(verdict.findings.is_empty(), "{:?}", verdict.findings);
    let title = verdict.report.as_ref().and_then(|r| r.title.as_deref());
    assert_eq!(title, Some("青浦区2017年法治政府建设年度报告"));
}

#[test]
fn each_mistake_gets_the_verdict_the_readme_states() {
    let wrong: Vec<String> = MISTAKES
        .iter()
        .flat_map(|expected| differences(expected, &verdict_of(expected.file)))
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn the_unit_warning_names_both_units() {
    let verdict = verdict_of("mistakes/unit-mismatch.json");
    let finding = verdict
        .findings
        .iter()
        .find(|f| f.code == "unit-mismatch")
        .expect("a unit-mismatch finding");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(
        finding.message.contains('件') && finding.message.contains('人'),
        "{}",
        finding.message
    );
}

/// Every JSON file under `examples/` is in the table above and in the README, so a new example
/// cannot go unchecked.
#[test]
fn every_example_has_an_expected_verdict() {
    let readme = read_text("README.md");
    let mut known: Vec<&str> = MISTAKES.iter().map(|m| m.file).collect();
    known.push(QINGPU);
    for name in example_files() {
        assert!(
            known.contains(&name.as_str()),
            "{name} has no expected verdict"
        );
        let file_name = name.rsplit('/').next().unwrap_or(&name);
        assert!(
            readme.contains(file_name),
            "examples/README.md does not list {name}"
        );
    }
    for name in known {
        assert!(examples_dir().join(name).is_file(), "{name} is missing");
    }
}

/// Every example is UTF-8 JSON without a BOM that opens with its `$schema`.
#[test]
fn examples_are_well_formed() {
    for name in example_files() {
        let text = read_text(&name);
        assert!(!text.starts_with('\u{feff}'), "{name} starts with a BOM");
        assert!(
            text.starts_with("{\n  \"$schema\": \""),
            "{name} does not open with \"$schema\""
        );
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"));
        assert_eq!(doc["crossfoot"], 1, "{name}");
    }
}

/// The Qingpu transcription quotes the report's own words: every section title and every quote
/// occurs in the source text, and every figure occurs in its own quote as printed.
#[test]
fn qingpu_quotes_are_the_reports_own_words() {
    let source = read_text(QINGPU_SOURCE);
    let doc: Value = serde_json::from_str(&read_text(QINGPU)).expect("qingpu-2017.json is JSON");
    let mut sections: Vec<&Value> = doc["sections"].as_array().into_iter().flatten().collect();
    let (mut facts, mut checks) = (0, 0);
    while let Some(section) = sections.pop() {
        let title = section["title"].as_str().unwrap_or_default();
        assert!(
            source.contains(title),
            "section title {title:?} is not in the source"
        );
        for fact in section["facts"].as_array().into_iter().flatten() {
            facts += 1;
            let quote = fact["quote"].as_str().unwrap_or_default();
            assert!(
                !quote.is_empty() && source.contains(quote),
                "quote of {} is not in the source: {quote:?}",
                fact["id"]
            );
            let printed = match &fact["value"] {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            assert!(
                quote.contains(printed.trim_start_matches('-')),
                "{} = {printed} is not in its quote {quote:?}",
                fact["id"]
            );
        }
        for check in section["checks"].as_array().into_iter().flatten() {
            checks += 1;
            let quote = check["quote"].as_str().unwrap_or_default();
            assert!(
                !quote.is_empty() && source.contains(quote),
                "quote of check {} is not in the source: {quote:?}",
                check["id"]
            );
        }
        sections.extend(section["sections"].as_array().into_iter().flatten());
    }
    assert_eq!((facts, checks), (QINGPU_FACTS, QINGPU_CHECKS));
}

/// Paths relative to `examples/` of every `.json` file in it and in `examples/mistakes/`.
fn example_files() -> Vec<String> {
    let mut names = Vec::new();
    for dir in ["", "mistakes"] {
        let entries = std::fs::read_dir(examples_dir().join(dir)).expect("examples/ is readable");
        for entry in entries.flatten() {
            let file = entry.file_name().to_string_lossy().into_owned();
            if file.ends_with(".json") {
                names.push(if dir.is_empty() {
                    file
                } else {
                    format!("{dir}/{file}")
                });
            }
        }
    }
    names.sort();
    names
}
