//! Bad input gets a clear answer with its place, never a crash.

mod common;

use common::{check_outcome, finding, verdict_in, verdict_of};
use crossfoot::{CheckStatus, Lang, Severity, Status};

/// (fixture, finding code, line, column, JSON pointer)
const INVALID: &[(&str, &str, u32, u32, &str)] = &[
    ("trailing-comma", "json-syntax", 3, 27, ""),
    ("duplicate-key", "duplicate-key", 3, 28, "/report/title"),
    ("missing-title", "missing-field", 3, 13, "/report"),
    (
        "value-of-wrong-type",
        "wrong-type",
        12,
        20,
        "/sections/0/facts/0/value",
    ),
    (
        "value-not-a-number",
        "invalid-value",
        12,
        20,
        "/sections/0/facts/0/value",
    ),
    (
        "duplicate-fact-id",
        "duplicate-id",
        15,
        17,
        "/sections/0/facts/1/id",
    ),
    (
        "unknown-id-in-expect",
        "unknown-id",
        22,
        31,
        "/sections/0/checks/0/expect",
    ),
    (
        "expression-syntax",
        "expression-syntax",
        22,
        26,
        "/sections/0/checks/0/expect",
    ),
    (
        "absurd-number",
        "number-out-of-range",
        1,
        89,
        "/sections/0/facts/0/value",
    ),
    (
        "unsupported-version",
        "unsupported-version",
        1,
        15,
        "/crossfoot",
    ),
    ("invalid-id", "invalid-id", 11, 17, "/sections/0/facts/0/id"),
    ("empty", "json-empty", 1, 1, ""),
    ("invalid-utf8", "json-invalid-utf8", 1, 39, ""),
    ("not-an-object", "wrong-type", 1, 1, ""),
    (
        "table-bad-structure",
        "cell-count",
        9,
        43,
        "/tables/0/rows/0/cells",
    ),
    (
        "table-slice-outside-sum",
        "expression-syntax",
        9,
        37,
        "/checks/0/expect",
    ),
];

#[test]
fn each_broken_file_is_invalid_with_its_place() {
    for &(name, code, line, column, pointer) in INVALID {
        let verdict = verdict_of(&format!("tests/fixtures/invalid/{name}.json"));
        assert_eq!(
            verdict.verdict,
            Status::Invalid,
            "{name}: {:#?}",
            verdict.findings
        );
        let found = finding(&verdict, code);
        assert_eq!(found.severity, Severity::Error, "{name}");
        assert_eq!(
            (
                found.location.line,
                found.location.column,
                found.location.pointer.as_str()
            ),
            (line, column, pointer),
            "{name}: {}",
            found.message
        );
        assert!(!found.message.is_empty());
    }
}

#[test]
fn every_message_exists_in_chinese() {
    for &(name, code, ..) in INVALID {
        let english = verdict_in(&format!("tests/fixtures/invalid/{name}.json"), Lang::En);
        let chinese = verdict_in(&format!("tests/fixtures/invalid/{name}.json"), Lang::Zh);
        let (en, zh) = (finding(&english, code), finding(&chinese, code));
        assert_ne!(en.message, zh.message, "{name}");
        assert!(
            zh.message
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{name}: {}",
            zh.message
        );
        assert_eq!(chinese.language, "zh");
        assert_ne!(english.summary, chinese.summary);
    }
}

#[test]
fn did_you_mean_for_unknown_ids_and_fields() {
    let verdict = verdict_of("tests/fixtures/invalid/unknown-id-in-expect.json");
    assert!(finding(&verdict, "unknown-id")
        .message
        .contains("\"revoked\""));
    assert_eq!(check_outcome(&verdict, "c").status, CheckStatus::Error);

    let verdict = verdict_of("tests/fixtures/valid/unknown-field-typo.json");
    assert_eq!(verdict.verdict, Status::Consistent);
    let typo = finding(&verdict, "unknown-field");
    assert_eq!(typo.severity, Severity::Warning);
    assert!(typo.message.contains("\"label\""), "{}", typo.message);
}

#[test]
fn division_by_an_interval_containing_zero_is_an_explained_error() {
    let verdict = verdict_of("tests/fixtures/invalid/division-by-zero.json");
    let outcome = check_outcome(&verdict, "rate_check");
    assert_eq!(outcome.status, CheckStatus::Error);
    assert!(outcome.message.contains("zero"), "{}", outcome.message);
    assert_eq!(verdict.verdict, Status::Invalid);
}

#[test]
fn a_bom_is_a_warning_and_the_report_is_still_checked() {
    let verdict = verdict_of("tests/fixtures/valid/with-bom.json");
    assert_eq!(verdict.verdict, Status::Consistent);
    assert_eq!(finding(&verdict, "bom").severity, Severity::Warning);
}

#[test]
fn adding_different_units_is_a_warning_naming_both() {
    let verdict = verdict_of("tests/fixtures/valid/unit-mismatch.json");
    assert_eq!(verdict.verdict, Status::Consistent);
    let warning = finding(&verdict, "unit-mismatch");
    assert_eq!(warning.severity, Severity::Warning);
    assert!(
        warning.message.contains('件') && warning.message.contains('人'),
        "{}",
        warning.message
    );
}

#[test]
fn a_report_without_checks_says_so() {
    let verdict = verdict_of("tests/fixtures/valid/no-checks.json");
    assert_eq!(verdict.verdict, Status::Consistent);
    assert_eq!(finding(&verdict, "no-checks").severity, Severity::Warning);
}

#[test]
fn deep_nesting_and_huge_inputs_get_answers() {
    let deep = "[".repeat(100_000);
    let verdict = common::verdict_of_text(&deep);
    assert_eq!(verdict.verdict, Status::Invalid);
    assert!(verdict.findings[0].code.starts_with("json-"));

    let digits = format!(
        "{{\"crossfoot\": 1, \"report\": {{\"title\": \"t\"}}, \"facts\": [{{\"id\": \"a\", \"value\": {}}}]}}",
        "9".repeat(300)
    );
    let verdict = common::verdict_of_text(&digits);
    assert_eq!(
        finding(&verdict, "number-out-of-range").severity,
        Severity::Error
    );
}
