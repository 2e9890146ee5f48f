//! Templates: a report that names one gives only numbers, and is checked against every identity
//! of the template; reports of one issuer for consecutive years are linked.

mod common;

use crossfoot::{check, check_together, CheckStatus, Lang, Options, Severity, Status, Verdict};
use serde_json::{json, Value};

/// A consistent report on the 2021 template, with small numbers worked out by hand:
/// 表三 一 66 + 二 2 = （七） 60 + 四 8, in every column.
fn report_2021(issuer: &str, period: &str) -> Value {
    let zeros = || json!([0, 0, 0, 0, 0, 0, 0]);
    let mut rows = vec![
        json!({"id": "new", "cells": [58, 7, 0, 0, 1, 0, 66]}),
        json!({"id": "carried_in", "cells": [2, 0, 0, 0, 0, 0, 2]}),
        json!({"id": "open", "cells": [2, 1, 0, 0, 0, 0, 3]}),
        json!({"id": "partly_open", "cells": [16, 1, 0, 0, 0, 0, 17]}),
    ];
    for id in [
        "withheld_secret",
        "withheld_law",
        "withheld_safety",
        "withheld_third_party",
    ] {
        rows.push(json!({"id": id, "cells": zeros()}));
    }
    rows.push(json!({"id": "withheld_internal", "cells": [1, 0, 0, 0, 0, 0, 1]}));
    for id in ["withheld_process", "withheld_enforcement", "withheld_query"] {
        rows.push(json!({"id": id, "cells": zeros()}));
    }
    rows.push(json!({"id": "unavailable_not_held", "cells": [30, 4, 0, 0, 1, 0, 35]}));
    for id in [
        "unavailable_not_made",
        "unavailable_unclear",
        "not_processed_complaint",
    ] {
        rows.push(json!({"id": id, "cells": zeros()}));
    }
    rows.push(json!({"id": "not_processed_repeat", "cells": [3, 0, 0, 0, 0, 0, 3]}));
    for id in [
        "not_processed_publication",
        "not_processed_excessive",
        "not_processed_confirm",
        "other_no_correction",
        "other_no_fee",
    ] {
        rows.push(json!({"id": id, "cells": zeros()}));
    }
    rows.push(json!({"id": "other_other", "cells": [1, 0, 0, 0, 0, 0, 1]}));
    rows.push(json!({"id": "total", "cells": [53, 6, 0, 0, 1, 0, 60]}));
    rows.push(json!({"id": "carried_out", "cells": [7, 1, 0, 0, 0, 0, 8]}));
    json!({
        "crossfoot": 1,
        "template": "cn-gov-info-disclosure-2021",
        "report": {"title": "政府信息公开工作年度报告", "issuer": issuer, "period": period},
        "tables": [
            {"id": "t2_docs", "rows": [
                {"id": "regulations", "cells": [0, 0, 0]},
                {"id": "normative", "cells": [5, 1, 25]}]},
            {"id": "t2_decisions", "rows": [
                {"id": "licensing", "cells": [0]},
                {"id": "punishment", "cells": [12]},
                {"id": "coercion", "cells": [0]}]},
            {"id": "t2_fees", "rows": [{"id": "fees", "cells": ["0.35"]}]},
            {"id": "t3", "rows": rows},
            {"id": "t4", "rows": [
                {"id": "reconsideration", "cells": [1, 0, 0, 0, 1]},
                {"id": "litigation_direct", "cells": [0, 0, 0, 1, 1]},
                {"id": "litigation_after", "cells": [0, 0, 0, 0, 0]}]}
        ]
    })
}

/// Sets one cell: `table`, `row` id, column index.
fn set(report: &mut Value, table: &str, row: &str, column: usize, value: Value) {
    let tables = report["tables"].as_array_mut().unwrap();
    let table = tables.iter_mut().find(|t| t["id"] == table).unwrap();
    let rows = table["rows"].as_array_mut().unwrap();
    let row = rows.iter_mut().find(|r| r["id"] == row).unwrap();
    row["cells"][column] = value;
}

fn verdict(report: &Value) -> Verdict {
    check(report.to_string().as_bytes(), &Options::default())
}

fn codes(verdict: &Verdict) -> Vec<&str> {
    verdict.findings.iter().map(|f| f.code).collect()
}

/// The failing checks, each as the set of cells it uses.
fn failing(verdict: &Verdict) -> Vec<&Vec<String>> {
    verdict
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .map(|c| &c.facts)
        .collect()
}

fn uses(facts: &[String], cell: &str) -> bool {
    facts.iter().any(|f| f == cell)
}

// ----- the identities of the 2021 template ------------------------------------------------------

#[test]
fn a_consistent_2021_report_holds_every_identity_from_its_numbers_alone() {
    let v = verdict(&report_2021("某局", "2021"));
    assert_eq!(v.verdict, Status::Consistent, "{:#?}", v.findings);
    assert!(v.findings.is_empty(), "{:#?}", v.findings);
    // 7 balances, 25 + 3 rows cross-footed, 7 columns of （七）总计 at least.
    assert!(v.counts.checks >= 7 + 28 + 7, "{}", v.counts.checks);
    assert_eq!(v.counts.failed, 0);
}

#[test]
fn a_broken_balance_of_table_3_fails_in_its_column_only() {
    let mut report = report_2021("某局", "2021");
    // 四 for natural persons 7 → 6, and its row total 8 → 7, so that only the balance breaks.
    set(&mut report, "t3", "carried_out", 0, json!(6));
    set(&mut report, "t3", "carried_out", 6, json!(7));
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Inconsistent);
    let failing = failing(&v);
    assert!(!failing.is_empty());
    for facts in &failing {
        assert!(
            uses(facts, "t3.carried_out.natural") || uses(facts, "t3.carried_out.total"),
            "{facts:?}"
        );
        assert!(uses(facts, "t3.new.natural") || uses(facts, "t3.new.total"));
    }
}

#[test]
fn a_total_handled_that_is_not_the_sum_of_the_outcomes_fails() {
    let mut report = report_2021("某局", "2021");
    // （一）予以公开 for natural persons 2 → 3 and its row total 3 → 4: the row still adds up,
    // but （七）总计 no longer is the sum of （一） … （六）.
    set(&mut report, "t3", "open", 0, json!(3));
    set(&mut report, "t3", "open", 6, json!(4));
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Inconsistent);
    let failing = failing(&v);
    assert!(!failing.is_empty());
    assert!(failing
        .iter()
        .all(|facts| uses(facts, "t3.open.natural") || uses(facts, "t3.open.total")));
    assert!(failing
        .iter()
        .all(|facts| !uses(facts, "t3.carried_out.natural")));
}

#[test]
fn a_total_column_that_is_not_the_sum_of_the_applicants_fails() {
    let mut report = report_2021("某局", "2021");
    set(&mut report, "t3", "withheld_internal", 6, json!(2));
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Inconsistent);
    assert!(failing(&v)
        .iter()
        .any(|facts| uses(facts, "t3.withheld_internal.total")
            && uses(facts, "t3.withheld_internal.natural")));
}

#[test]
fn table_4_totals_are_checked_for_each_kind_of_case() {
    let mut report = report_2021("某局", "2021");
    set(&mut report, "t4", "litigation_direct", 4, json!(2));
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Inconsistent);
    let failing = failing(&v);
    assert!(failing
        .iter()
        .all(|facts| facts.iter().all(|f| f.starts_with("t4.litigation_direct."))));
    assert!(!failing.is_empty());
}

#[test]
fn counts_are_whole_numbers_of_zero_or_more_and_fees_are_not_below_zero() {
    for (table, row, column, value) in [
        ("t3", "new", 0, json!(-1)),
        ("t3", "new", 0, json!("2.5")),
        ("t2_docs", "normative", 2, json!(25.5)),
        ("t4", "reconsideration", 0, json!(-1)),
        ("t2_fees", "fees", 0, json!("-0.35")),
    ] {
        let mut report = report_2021("某局", "2021");
        set(&mut report, table, row, column, value.clone());
        let v = verdict(&report);
        assert_eq!(v.verdict, Status::Invalid, "{table}.{row} = {value}");
        let finding = common::finding(&v, "not-a-count");
        assert!(
            finding.location.pointer.starts_with("/tables/"),
            "{}",
            finding.location.pointer
        );
    }
    // A fee in 万元 may have decimals; a change from last year (2019 template) may be negative.
    let v = verdict(&report_2021("某局", "2021"));
    assert!(!codes(&v).contains(&"not-a-count"));
}

#[test]
fn messages_name_the_cell_as_a_reader_does_in_both_languages() {
    let mut report = report_2021("某局", "2021");
    set(&mut report, "t3", "new", 0, json!(-1));
    let zh = check(
        report.to_string().as_bytes(),
        &Options {
            lang: Lang::Zh,
            source: None,
        },
    );
    let message = &common::finding(&zh, "not-a-count").message;
    assert!(
        message.contains("一、本年新收政府信息公开申请数量"),
        "{message}"
    );
    assert!(message.contains("自然人"), "{message}");
    let en = verdict(&report);
    let message = &common::finding(&en, "not-a-count").message;
    assert!(message.contains("natural persons"), "{message}");
}

// ----- the 2019 trial template ------------------------------------------------------------------

#[test]
fn the_2019_template_has_one_other_handling_row() {
    let mut report = report_2021("某局", "2020");
    report["template"] = json!("cn-gov-info-disclosure-2019");
    let tables = report["tables"].as_array_mut().unwrap();
    tables.retain(|t| t["id"] == "t3" || t["id"] == "t4");
    let t3 = tables.iter_mut().find(|t| t["id"] == "t3").unwrap();
    let rows = t3["rows"].as_array_mut().unwrap();
    rows.retain(|r| !["other_no_correction", "other_no_fee"].contains(&r["id"].as_str().unwrap()));
    for row in rows.iter_mut() {
        if row["id"] == "other_other" {
            row["id"] = json!("other");
        }
    }
    let v = verdict(&report);
    // 表二 of 2019 is not given: a warning; every identity of 表三 and 表四 holds.
    assert_eq!(v.verdict, Status::Consistent, "{:#?}", v.findings);
    assert_eq!(codes(&v), ["missing-rows"]);
    // The 2021 rows are not rows of the 2019 template.
    let mut report_2021_rows = report_2021("某局", "2020");
    report_2021_rows["template"] = json!("cn-gov-info-disclosure-2019");
    let v = verdict(&report_2021_rows);
    assert!(codes(&v).contains(&"unknown-row"));
    assert!(codes(&v).contains(&"unknown-table"));
}

#[test]
fn the_real_2019_report_of_the_shanghai_government_office_is_consistent() {
    let v = common::verdict_of("examples/disclosure/shanghai-office-2019.json");
    assert_eq!(v.verdict, Status::Consistent, "{:#?}", v.findings);
    assert!(v.findings.is_empty(), "{:#?}", v.findings);
    assert!(v.counts.checks >= 10, "{}", v.counts.checks);
}

/// The examples get the verdicts `examples/README.md` states.
#[test]
fn the_real_reports_transcribed_in_part_are_consistent_with_a_missing_rows_warning() {
    for file in [
        "examples/disclosure/longgang-department-2024.json",
        "examples/disclosure/yangling-audit-2022.json",
        "examples/disclosure/district-statistics-2023.json",
    ] {
        let v = common::verdict_of(file);
        assert_eq!(v.verdict, Status::Consistent, "{file}: {:#?}", v.findings);
        assert_eq!(codes(&v), ["missing-rows"], "{file}");
        assert!(v.report.as_ref().and_then(|r| r.source.as_ref()).is_some());
    }
}

/// The real 2021-template reports transcribed in full (every row of 表二, 表三 and 表四), with the
/// number of checks each must get (fewer where a total cell is printed empty).
const COMPLETE_2021_REPORTS: &[(&str, usize)] = &[
    (
        "examples/disclosure/shuyang-development-reform-2023.json",
        32,
    ),
    (
        "examples/disclosure/shanghai-science-commission-2024.json",
        40,
    ),
    ("examples/disclosure/shanghai-office-2025.json", 55),
    ("examples/disclosure/shuyang-county-2025.json", 42),
];

/// The examples get the verdicts `examples/README.md` states.
#[test]
fn the_real_reports_transcribed_in_full_hold_every_identity() {
    for &(file, checks) in COMPLETE_2021_REPORTS {
        let v = common::verdict_of(file);
        assert_eq!(v.verdict, Status::Consistent, "{file}: {:#?}", v.findings);
        assert!(v.findings.is_empty(), "{file}: {:#?}", v.findings);
        assert_eq!(v.checks.len(), checks, "{file}");
        assert!(v.checks.iter().all(|c| c.status == CheckStatus::Pass));
        // The identities that span the whole of 表三 and 表四 were all evaluated.
        for id in [
            "t3:part:total:total",
            "t3:part:total:natural",
            "t3_balance:natural",
            "t4:cross:reconsideration",
            "t4:cross:litigation_direct",
            "t4:cross:litigation_after",
        ] {
            assert_eq!(
                common::check_outcome(&v, id).status,
                CheckStatus::Pass,
                "{file}: {id}"
            );
        }
        assert!(v.report.as_ref().and_then(|r| r.source.as_ref()).is_some());
    }
}

#[test]
fn a_total_printed_empty_is_not_checked_but_the_rest_of_its_column_is() {
    // 上海市科委 2024: 四、结转下年度继续办理 has no 总计 in the extracted text.
    let v = common::verdict_of("examples/disclosure/shanghai-science-commission-2024.json");
    assert!(v.checks.iter().all(|c| c.id != "t3_balance:total"));
    assert_eq!(
        common::check_outcome(&v, "t3_balance:natural").status,
        CheckStatus::Pass
    );
    // 沭阳县发改局 2023: the five 法人或其他组织 columns are printed empty, so only the
    // 自然人 and 总计 columns balance.
    let v = common::verdict_of("examples/disclosure/shuyang-development-reform-2023.json");
    let balances: Vec<&str> = v
        .checks
        .iter()
        .filter(|c| c.id.starts_with("t3_balance:"))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(balances, ["t3_balance:natural", "t3_balance:total"]);
}

#[test]
fn the_real_reports_of_one_issuer_years_apart_are_not_linked() {
    // 上海市人民政府办公厅 2019 (2019 template) and 2025: same issuer, not consecutive.
    let files = [
        "examples/disclosure/shanghai-office-2019.json",
        "examples/disclosure/shanghai-office-2025.json",
    ];
    let texts: Vec<Vec<u8>> = files
        .iter()
        .map(|f| std::fs::read(common::repo_path(f)).expect("example exists"))
        .collect();
    let inputs: Vec<(&[u8], Options)> = texts
        .iter()
        .map(|t| (t.as_slice(), Options::default()))
        .collect();
    let verdicts = check_together(&inputs);
    assert_eq!(verdicts.len(), 2);
    for v in &verdicts {
        assert!(links(v).is_empty(), "{:#?}", links(v));
        assert_eq!(v.verdict, Status::Consistent);
    }
}

#[test]
fn the_yearbook_share_forced_to_add_up_to_100_is_caught() {
    let v = common::verdict_of("examples/tables/guangzhou-employment-shares-2021.json");
    assert_eq!(v.verdict, Status::Inconsistent);
    let failing = failing(&v);
    assert_eq!(failing.len(), 1, "{failing:?}");
    assert!(uses(failing[0], "y2021.primary.share"));
    assert_eq!(
        v.suspects.first().map(|s| s.fact.as_str()),
        Some("y2021.primary.share")
    );
}

// ----- bad template input -----------------------------------------------------------------------

#[test]
fn an_unknown_template_is_an_error_that_names_the_templates() {
    let mut report = report_2021("某局", "2021");
    report["template"] = json!("cn-gov-info-disclosure-2022");
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Invalid);
    let finding = common::finding(&v, "unknown-template");
    assert_eq!(finding.location.pointer, "/template");
    assert!(finding.message.contains("cn-gov-info-disclosure-2021"));
    assert!(finding.location.line > 0);
}

#[test]
fn unknown_rows_and_tables_are_errors_with_a_suggestion() {
    let mut report = report_2021("某局", "2021");
    report["tables"][3]["rows"][0]["id"] = json!("nwe");
    report["tables"][4]["id"] = json!("t44");
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Invalid);
    let row = common::finding(&v, "unknown-row");
    assert!(row.message.contains("\"new\""), "{}", row.message);
    assert_eq!(row.location.pointer, "/tables/3/rows/0");
    let table = common::finding(&v, "unknown-table");
    assert!(table.message.contains("\"t4\""), "{}", table.message);
    // The row that is now missing is said to be missing, and its identities are not checked.
    let missing = common::finding(&v, "missing-rows");
    assert_eq!(missing.severity, Severity::Warning);
    assert!(
        missing.message.contains("new requests"),
        "{}",
        missing.message
    );
}

#[test]
fn a_row_with_the_wrong_number_of_cells_is_an_error_naming_the_columns() {
    let mut report = report_2021("某局", "2021");
    report["tables"][3]["rows"][0]["cells"] = json!([58, 7, 0, 0, 1, 66]);
    let v = verdict(&report);
    assert_eq!(v.verdict, Status::Invalid);
    let finding = common::finding(&v, "cell-count");
    assert!(finding.message.contains("6 cells"), "{}", finding.message);
    assert!(finding.message.contains("7 columns"), "{}", finding.message);
    assert!(
        finding.message.contains("natural persons"),
        "{}",
        finding.message
    );
}

#[test]
fn a_missing_table_is_a_warning() {
    let mut report = report_2021("某局", "2021");
    report["tables"].as_array_mut().unwrap().remove(4);
    let v = verdict(&report);
    let finding = common::finding(&v, "missing-rows");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("Table 4"), "{}", finding.message);
}

#[test]
fn a_template_name_that_is_not_a_string_is_a_type_error() {
    let mut report = report_2021("某局", "2021");
    report["template"] = json!(2021);
    let v = verdict(&report);
    assert_eq!(
        common::finding(&v, "wrong-type").location.pointer,
        "/template"
    );
}

// ----- cross-year links -------------------------------------------------------------------------

fn together(reports: &[&Value]) -> Vec<Verdict> {
    let texts: Vec<String> = reports.iter().map(|r| r.to_string()).collect();
    let inputs: Vec<(&[u8], Options)> = texts
        .iter()
        .map(|t| (t.as_bytes(), Options::default()))
        .collect();
    check_together(&inputs)
}

fn links(verdict: &Verdict) -> Vec<&crossfoot::CheckOutcome> {
    verdict
        .checks
        .iter()
        .filter(|c| c.id.contains('→'))
        .collect()
}

#[test]
fn carried_over_requests_link_consecutive_years_in_every_column() {
    let last = report_2021("某局", "2021");
    let mut this = report_2021("某局", "2022");
    // This year's 上年结转 is last year's 结转下年度: 7, 1, 0, 0, 0, 0, 8.
    for (column, value) in [7, 1, 0, 0, 0, 0, 8].into_iter().enumerate() {
        set(&mut this, "t3", "carried_in", column, json!(value));
    }
    // Keep this year's own balance: 一 + 二 = （七） + 四.
    set(&mut this, "t3", "carried_out", 0, json!(12));
    set(&mut this, "t3", "carried_out", 1, json!(2));
    set(&mut this, "t3", "carried_out", 6, json!(14));
    // 现行有效件数: 25 + 5 − 1 = 29.
    set(&mut this, "t2_docs", "normative", 2, json!(29));
    let verdicts = together(&[&this, &last]);
    assert!(
        links(&verdicts[1]).is_empty(),
        "the earlier year gets no links"
    );
    let links = links(&verdicts[0]);
    assert_eq!(links.len(), 7 + 2, "{links:#?}");
    assert!(links.iter().all(|l| l.status == CheckStatus::Pass
        && l.severity == Severity::Warning
        && l.id.starts_with("2021 → 2022")));
}

#[test]
fn a_broken_link_is_a_warning_naming_both_years_and_cells() {
    let last = report_2021("某局", "2021");
    let this = report_2021("某局", "2022"); // carries in 2 natural persons, not 7
    let verdicts = together(&[&last, &this]);
    let v = &verdicts[1];
    let broken: Vec<_> = links(v)
        .into_iter()
        .filter(|l| l.status == CheckStatus::Fail)
        .collect();
    let natural = broken
        .iter()
        .find(|l| l.id.ends_with("carried_over:natural"))
        .expect("the natural persons' column is broken");
    assert!(
        natural.arithmetic.contains("2022.t3.carried_in.natural"),
        "{}",
        natural.arithmetic
    );
    assert!(
        natural.arithmetic.contains("2021.t3.carried_out.natural"),
        "{}",
        natural.arithmetic
    );
    assert!(natural
        .label
        .as_deref()
        .unwrap()
        .contains("natural persons"));
    // 现行有效件数 25 is not 25 + 5 − 1 either.
    assert!(broken.iter().any(|l| l.id.ends_with("in_force:normative")));
    // Links are warnings: the verdict is what the report alone gives.
    assert_eq!(v.verdict, together(&[&this])[0].verdict);
    assert_eq!(v.checks.first().map(|c| c.status), Some(CheckStatus::Fail));
    assert_eq!(v.counts.checks as usize, v.checks.len());
    // …and its summary does not claim that every check holds.
    assert_eq!(v.verdict, Status::Consistent);
    let failed = v.counts.failed;
    assert_eq!(
        v.summary,
        format!("consistent: every error-level check holds; {failed} warnings fail")
    );
}

#[test]
fn reports_of_other_issuers_or_years_apart_are_not_linked() {
    let last = report_2021("某局", "2020");
    let this = report_2021("某局", "2022");
    let other = report_2021("另一局", "2021");
    for v in together(&[&last, &this, &other]) {
        assert!(links(&v).is_empty());
    }
}

#[test]
fn a_2019_template_year_links_to_a_2021_template_year_where_both_have_the_cells() {
    let mut last = report_2021("某局", "2020");
    last["template"] = json!("cn-gov-info-disclosure-2019");
    last["tables"] = json!([last["tables"][3].clone()]);
    let t3 = last["tables"][0]["rows"].as_array_mut().unwrap();
    t3.retain(|r| !["other_no_correction", "other_no_fee"].contains(&r["id"].as_str().unwrap()));
    let mut this = report_2021("某局", "2021");
    for (column, value) in [7, 1, 0, 0, 0, 0, 8].into_iter().enumerate() {
        set(&mut this, "t3", "carried_in", column, json!(value));
    }
    let verdicts = together(&[&last, &this]);
    let links = links(&verdicts[1]);
    // 上年结转 in every column; no 现行有效件数 (2019 has none).
    assert_eq!(links.len(), 7, "{links:#?}");
}

#[test]
fn a_cell_with_two_digits_swapped_is_the_one_suspect() {
    let mut report = report_2021("某区人民政府", "2021");
    // 表三 （二）部分公开, 自然人: 16 printed as 61.
    set(&mut report, "t3", "partly_open", 0, json!(61));
    let verdict = verdict(&report);
    assert_eq!(verdict.verdict, Status::Inconsistent);
    assert_eq!(verdict.suspects.len(), 1, "{:#?}", verdict.suspects);
    let suspect = &verdict.suspects[0];
    assert_eq!(suspect.fact, "t3.partly_open.natural");
    assert_eq!(suspect.would_fix.as_deref(), Some("16"));
    assert!(suspect.reasons.contains(&"transposed-digits"));
    assert!(suspect.reasons.contains(&"fixes-all"));
}
