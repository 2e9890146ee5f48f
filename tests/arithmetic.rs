//! The arithmetic a reader sees, end to end through `check`.

mod common;

use common::{check_outcome, report, verdict_of_text};
use crossfoot::CheckStatus;

#[test]
fn a_negated_percentage_is_shown_in_percent() {
    let text = report(
        &[
            r#"{"id": "now", "value": 8762}"#,
            r#"{"id": "before", "value": 9032}"#,
            r#"{"id": "decline", "value": "2.99", "unit": "%"}"#,
        ],
        &["-decline == change(now, before)"],
    );
    let verdict = verdict_of_text(&text);
    let outcome = check_outcome(&verdict, "c1");
    assert_eq!(outcome.status, CheckStatus::Pass);
    assert!(
        outcome.arithmetic.contains("change(8762, 9032) = -2.989…%"),
        "{}",
        outcome.arithmetic
    );
}

#[test]
fn the_issue_examples_read_as_stated() {
    let text = report(
        &[
            r#"{"id": "concluded", "value": 68}"#,
            r#"{"id": "upheld", "value": 32}"#,
            r#"{"id": "dismissed", "value": 10}"#,
            r#"{"id": "terminated", "value": 14}"#,
            r#"{"id": "revoked", "value": 10}"#,
            r#"{"id": "illegal", "value": 3}"#,
            r#"{"id": "rate", "value": "95.5", "unit": "%"}"#,
            r#"{"id": "settled", "value": 10388}"#,
            r#"{"id": "cases", "value": 10876}"#,
        ],
        &[
            "concluded == upheld + dismissed + terminated + revoked + illegal",
            "rate == settled / cases",
        ],
    );
    let verdict = verdict_of_text(&text);
    let sum = check_outcome(&verdict, "c1");
    assert_eq!(sum.status, CheckStatus::Fail);
    assert_eq!(
        sum.arithmetic,
        "32 + 10 + 14 + 10 + 3 = 69, but concluded = 68 (off by 1)"
    );
    let rate = check_outcome(&verdict, "c2");
    assert_eq!(rate.status, CheckStatus::Pass);
    assert!(
        rate.arithmetic.contains("95.5% means 95.45%…95.55%"),
        "{}",
        rate.arithmetic
    );
    assert!(
        rate.arithmetic.contains("10388 / 10876 = 95.513…%"),
        "{}",
        rate.arithmetic
    );
}
