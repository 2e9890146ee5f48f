//! Rounding modes (`report.rounding`, fact and column `rounding`), open interval ends, `exact` on
//! a column, `holdsIf` and `rangeNotExact`, in both languages.

mod common;

use common::{check_outcome, failing_ids, report, verdict_in, verdict_of, verdict_of_text};
use crossfoot::{CheckStatus, Lang, Status};

#[test]
fn a_failing_check_says_when_truncation_would_make_it_hold() {
    let file = "tests/fixtures/inconsistent/truncated-rate-and-a-share-of-a-figure-used-twice.json";
    let verdict = verdict_of(file);
    assert_eq!(
        failing_ids(&verdict),
        ["rate_of_done", "own_share_of_spending"]
    );
    let rate = check_outcome(&verdict, "rate_of_done");
    assert_eq!(rate.holds_if, Some("truncate"));
    assert!(rate
        .arithmetic
        .ends_with("; holds if the figures were truncated"));
    let zh = verdict_in(file, Lang::Zh);
    assert!(check_outcome(&zh, "rate_of_done")
        .arithmetic
        .ends_with(";若数字为截尾取值则成立"));
    // Each figure on its own would let the share pass; used twice, it takes one value.
    let share = check_outcome(&verdict, "own_share_of_spending");
    assert!(share
        .arithmetic
        .contains("once each figure used twice takes one value"));
    assert!(check_outcome(&zh, "own_share_of_spending")
        .arithmetic
        .contains("同一数字多次出现时取同一数值"));
}

#[test]
fn a_report_that_truncates_and_a_check_past_the_bound() {
    let file = "tests/fixtures/valid/truncated-figures-and-the-bound-on-exact-ranges.json";
    let verdict = verdict_of(file);
    assert_eq!(verdict.verdict, Status::Consistent);
    let rate = check_outcome(&verdict, "rate_of_done");
    assert!(
        rate.arithmetic.contains("[99.9%, 100%)"),
        "{}",
        rate.arithmetic
    );
    let tangent = check_outcome(&verdict, "tangent");
    assert!(tangent.range_not_exact && tangent.status == CheckStatus::Pass);
    assert!(check_outcome(&verdict_in(file, Lang::Zh), "tangent")
        .arithmetic
        .contains("未能算出其精确范围"));
}

fn statuses(facts: &[&str], checks: &[&str]) -> Vec<CheckStatus> {
    let verdict = verdict_of_text(&report(facts, checks));
    assert_ne!(verdict.verdict, Status::Invalid, "{:#?}", verdict.findings);
    (1..=checks.len())
        .map(|i| check_outcome(&verdict, &format!("c{i}")).status)
        .collect()
}

#[test]
fn open_ends_are_exact_and_negative_truncation_mirrors() {
    use CheckStatus::{Fail, Pass};
    let t = r#"{"id": "t", "value": "95.5", "unit": "%", "rounding": "truncate"}"#;
    let n = r#"{"id": "n", "value": "-2.9", "unit": "%", "rounding": "truncate"}"#;
    let e = r#"{"id": "e", "value": "95.5", "unit": "%", "rounding": "either"}"#;
    assert_eq!(
        statuses(
            &[t, n, e],
            &[
                "t == 95.6%",
                "t == 95.59%",
                "t == 95.5%",
                "t == 95.49%",
                "n == -2.95%",
                "n == -3%",
                "n == -2.9%",
                "e == 95.45%",
                "e == 95.59%",
                "e == 95.6%",
            ]
        ),
        // [95.5%, 95.6%); (-3.0%, -2.9%]; [95.45%, 95.6%).
        [Fail, Pass, Pass, Fail, Pass, Fail, Pass, Pass, Pass, Fail]
    );
}

#[test]
fn whole_rates_and_scaled_amounts_are_rounded_plain_counts_exact() {
    use CheckStatus::{Fail, Pass};
    let facts = [
        r#"{"id": "share", "value": "34", "unit": "%"}"#,
        r#"{"id": "share_n", "value": 34, "unit": "%"}"#,
        r#"{"id": "exact_share", "value": 34, "unit": "%", "exact": true}"#,
        r#"{"id": "money", "value": 3, "unit": "万元"}"#,
        r#"{"id": "cases", "value": 3, "unit": "件"}"#,
        r#"{"id": "part", "value": 103500}"#,
        r#"{"id": "whole", "value": 305783}"#,
    ];
    assert_eq!(
        statuses(
            &facts,
            &[
                "share == part / whole",
                "share_n == part / whole",
                "exact_share == part / whole",
                "money == 34000",
                "cases == 3.4",
            ]
        ),
        [Pass, Pass, Fail, Pass, Fail]
    );
}

#[test]
fn columns_may_be_exact_or_truncated() {
    let table = |column: &str| {
        format!(
            r#"{{"crossfoot": 1, "report": {{"title": "t"}}, "tables": [{{"id": "t", "title": "t",
               "columns": [{{"id": "n", "unit": "件"}}, {{"id": "s", "share_of": "n"{column}}}],
               "total_row": "all",
               "rows": [{{"id": "a", "cells": [9996, "99.9"]}}, {{"id": "b", "cells": [4, "0.0"]}},
                        {{"id": "all", "cells": [10000, "100.0"]}}]}}]}}"#
        )
    };
    let nearest = verdict_of_text(&table(""));
    // 9996 / 10000 = 99.96% is not 99.9% rounded; the shares still add up within their rounding.
    assert_eq!(failing_ids(&nearest), ["t:share:s:a"]);
    assert_eq!(
        check_outcome(&nearest, "t:share:s:a").holds_if,
        Some("truncate")
    );
    let truncated = verdict_of_text(&table(r#", "rounding": "truncate""#));
    assert_eq!(
        truncated.verdict,
        Status::Consistent,
        "{:#?}",
        truncated.checks
    );
    let exact = verdict_of_text(&table(r#", "exact": true"#));
    assert!(failing_ids(&exact).contains(&"t:share:s:a"));
}
