use super::*;
use crate::interval::Interval;
use crate::number::{parse_decimal_string, parse_json_number};
use crate::units::{parse_unit, Dimension};

/// A fact printed as `number` with `unit`, its interval from how the number is written.
fn q(number: &str, unit: &str) -> Quantity {
    let decimal = parse_decimal_string(number).unwrap();
    Quantity::from_figure(number, &decimal, &parse_unit(unit), false)
}

fn run(expect: &str, facts: &[(&str, Quantity)], lang: Lang) -> Result<Evaluation, EvalError> {
    let cmp = parse_expect(expect).unwrap_or_else(|e| panic!("{expect}: {}", e.message(Lang::En)));
    let lookup = |name: &str| {
        facts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, q)| q.clone())
    };
    evaluate(&cmp, &lookup, lang)
}

fn eval_en(expect: &str, facts: &[(&str, Quantity)]) -> Evaluation {
    run(expect, facts, Lang::En).unwrap()
}

fn eval_zh(expect: &str, facts: &[(&str, Quantity)]) -> Evaluation {
    run(expect, facts, Lang::Zh).unwrap()
}

fn parse_error(expect: &str) -> ExprError {
    match parse_expect(expect) {
        Ok(cmp) => panic!("{expect} parsed as {cmp:?}"),
        Err(e) => e,
    }
}

fn rate_facts(rate: &str) -> Vec<(&'static str, Quantity)> {
    vec![
        ("success_rate", q(rate, "%")),
        ("settled", q("10388", "件")),
        ("cases", q("10876", "件")),
    ]
}

#[test]
fn success_rate_holds_within_its_rounding() {
    let e = eval_en("success_rate == settled / cases", &rate_facts("95.5"));
    assert!(e.holds);
    assert_eq!(
        e.arithmetic,
        "success_rate = 95.5% means 95.45%…95.55%; 10388 / 10876 = 95.513…%"
    );
    assert_eq!(e.off_by, None);
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    let zh = eval_zh("success_rate == settled / cases", &rate_facts("95.5"));
    assert_eq!(
        zh.arithmetic,
        "success_rate = 95.5% 表示 95.45%…95.55%; 10388 / 10876 = 95.513…%"
    );
}

#[test]
fn success_rate_off_by_a_tenth_fails() {
    let e = eval_en("success_rate == settled / cases", &rate_facts("95.7"));
    assert!(!e.holds);
    // 10388 / 10876 = 95.5130…%; 95.7% stands for at least 95.65%.
    assert_eq!(e.off_by.as_deref(), Some("0.137…%"));
    assert_eq!(
        e.arithmetic,
        "95.7% means 95.65%…95.75%; 10388 / 10876 = 95.513…%, but success_rate = 95.7% (off by 0.137…%)"
    );
}

#[test]
fn rounding_edges_are_inclusive() {
    let rate = [("rate", q("95.5", "%"))];
    assert!(eval_en("rate == 95.45%", &rate).holds);
    assert!(eval_en("rate == 95.55%", &rate).holds);
    assert!(!eval_en("rate == 95.44%", &rate).holds);
    assert!(!eval_en("rate == 95.56%", &rate).holds);
    assert!(eval_en("rate == 0.9545", &rate).holds);
    // Negative figures round the same way.
    let loss = [("loss", q("-2.5", ""))];
    assert!(eval_en("loss == -2.45", &loss).holds);
    assert!(eval_en("loss == -2.55", &loss).holds);
    assert!(!eval_en("loss == -2.56", &loss).holds);
    // Rounded to hundreds (decimals -2): 1.2e3 is 1150…1250.
    let big = [("big", q("1.2e3", ""))];
    assert!(eval_en("big == 1250", &big).holds);
    assert!(!eval_en("big == 1251", &big).holds);
}

fn change_facts(change: &str) -> Vec<(&'static str, Quantity)> {
    vec![
        ("cases_change", q(change, "%")),
        ("cases", q("10876", "件")),
        ("cases_prev", q("10763", "件")),
    ]
}

#[test]
fn year_over_year_change() {
    let e = eval_en(
        "cases_change == change(cases, cases_prev)",
        &change_facts("1.05"),
    );
    assert!(e.holds);
    assert_eq!(
        e.arithmetic,
        "cases_change = 1.05% means 1.045%…1.055%; change(10876, 10763) = 1.050…%"
    );
    assert!(e.warnings.is_empty());

    let e = eval_en(
        "cases_change == change(cases, cases_prev)",
        &change_facts("1.06"),
    );
    assert!(!e.holds);
    assert_eq!(e.off_by.as_deref(), Some("0.005…%"));
    assert_eq!(
        e.arithmetic,
        "1.06% means 1.055%…1.065%; change(10876, 10763) = 1.050…%, but cases_change = 1.06% (off by 0.005…%)"
    );
    let zh = eval_zh(
        "cases_change == change(cases, cases_prev)",
        &change_facts("1.06"),
    );
    assert_eq!(
        zh.arithmetic,
        "1.06% 表示 1.055%…1.065%; change(10876, 10763) = 1.050…%,但 cases_change = 1.06%(相差 0.005…%)"
    );
}

fn concluded_facts(concluded: &str) -> Vec<(&'static str, Quantity)> {
    vec![
        ("concluded", q(concluded, "件")),
        ("upheld", q("32", "件")),
        ("dismissed", q("10", "件")),
        ("terminated", q("14", "件")),
        ("revoked", q("10", "件")),
        ("confirmed_illegal", q("3", "件")),
    ]
}

const CONCLUDED: &str =
    "concluded == upheld + dismissed + terminated + revoked + confirmed_illegal";

#[test]
fn a_sum_off_by_one_fails() {
    let e = eval_en(CONCLUDED, &concluded_facts("68"));
    assert!(!e.holds);
    assert_eq!(e.off_by.as_deref(), Some("1"));
    assert_eq!(
        e.arithmetic,
        "32 + 10 + 14 + 10 + 3 = 69, but concluded = 68 (off by 1)"
    );
    assert_eq!(e.lhs, Interval::from_integer(68));
    assert_eq!(e.rhs, Interval::from_integer(69));
    let zh = eval_zh(CONCLUDED, &concluded_facts("68"));
    assert_eq!(
        zh.arithmetic,
        "32 + 10 + 14 + 10 + 3 = 69,但 concluded = 68(相差 1)"
    );
    assert!(eval_en(CONCLUDED, &concluded_facts("69")).holds);
}

fn application_facts(accepted: &str) -> Vec<(&'static str, Quantity)> {
    vec![
        ("applications", q("142", "件")),
        ("accepted", q(accepted, "件")),
        ("not_accepted", q("21", "件")),
        ("to_correct", q("42", "件")),
    ]
}

#[test]
fn a_sum_that_holds() {
    let expect = "applications == accepted + not_accepted + to_correct";
    let e = eval_en(expect, &application_facts("79"));
    assert!(e.holds);
    assert_eq!(e.arithmetic, "79 + 21 + 42 = 142, and applications = 142");
    assert_eq!(
        eval_zh(expect, &application_facts("79")).arithmetic,
        "79 + 21 + 42 = 142,且 applications = 142"
    );
    // The computed side comes first whichever side it is written on.
    let e = eval_en(
        "accepted + not_accepted + to_correct == applications",
        &application_facts("79"),
    );
    assert_eq!(e.arithmetic, "79 + 21 + 42 = 142, and applications = 142");
}

#[test]
fn other_operators() {
    let e = eval_en("accepted <= applications", &application_facts("79"));
    assert!(e.holds);
    assert_eq!(e.arithmetic, "accepted = 79 ≤ applications = 142");
    let e = eval_en("accepted <= applications", &application_facts("150"));
    assert!(!e.holds);
    assert_eq!(
        e.arithmetic,
        "accepted = 150, but applications = 142: 150 ≤ 142 does not hold"
    );
    assert_eq!(e.off_by.as_deref(), Some("8"));
    let zh = eval_zh("accepted <= applications", &application_facts("150"));
    assert_eq!(
        zh.arithmetic,
        "accepted = 150,但 applications = 142:150 ≤ 142 不成立"
    );

    // A fact against a computed side: the computed side first, the operator mirrored.
    let e = eval_en(
        "applications >= accepted + not_accepted",
        &application_facts("79"),
    );
    assert!(e.holds);
    assert_eq!(e.arithmetic, "79 + 21 = 100 ≤ applications = 142");

    let e = eval_en("accepted > 0", &application_facts("79"));
    assert_eq!(e.arithmetic, "accepted = 79 > 0");
    let e = eval_en("accepted < 0", &application_facts("79"));
    assert!(!e.holds);
    assert_eq!(e.arithmetic, "accepted = 79: 79 < 0 does not hold");

    let e = eval_en("accepted != not_accepted", &application_facts("79"));
    assert!(e.holds);
    assert_eq!(e.arithmetic, "accepted = 79 ≠ not_accepted = 21");
    let e = eval_en("accepted != not_accepted", &application_facts("21"));
    assert!(!e.holds);
    assert_eq!(
        e.arithmetic,
        "accepted = 21, and not_accepted = 21: 21 ≠ 21 does not hold"
    );
}

#[test]
fn comparison_semantics_over_intervals() {
    // 1.5 stands for 1.45…1.55, 1.6 for 1.55…1.65.
    let facts = [
        ("a", q("1.5", "")),
        ("b", q("1.6", "")),
        ("c", q("1.5", "")),
        ("n", q("2", "")),
    ];
    assert!(eval_en("a == b", &facts).holds); // they touch at 1.55
    assert!(eval_en("b <= a", &facts).holds);
    assert!(!eval_en("b < a", &facts).holds);
    assert!(eval_en("a < b", &facts).holds);
    assert!(eval_en("a >= b", &facts).holds);
    assert!(!eval_en("a > b", &facts).holds);
    // `!=` fails only for one and the same exact value.
    assert!(eval_en("a != c", &facts).holds);
    assert!(!eval_en("n != 2", &facts).holds);
    assert!(eval_en("n != 3", &facts).holds);
}

#[test]
fn division_by_a_range_containing_zero_is_an_error() {
    let mut zero = q("0", "");
    zero.interval = Interval::new(
        Rational::new(i128::from(-1), i128::from(2)),
        Rational::new(i128::from(1), i128::from(2)),
    );
    let facts = [
        ("a", q("10", "")),
        ("z", zero),
        ("b", q("0.5", "")),
        ("c", q("0.5", "")),
    ];
    let err = run("a / z == 1", &facts, Lang::En).unwrap_err();
    assert_eq!(
        err,
        EvalError::DivisionByZero {
            column: 5,
            divisor: "z = 0 (-0.5…0.5)".to_string()
        }
    );
    assert_eq!(
        err.message(Lang::En),
        "division by zero: the divisor z = 0 (-0.5…0.5) can be zero"
    );
    assert_eq!(
        err.message(Lang::Zh),
        "除以零:除数 z = 0 (-0.5…0.5) 可能为零"
    );

    let err = run("a / (b - c) == 1", &facts, Lang::En).unwrap_err();
    assert_eq!(
        err,
        EvalError::DivisionByZero {
            column: 5,
            divisor: "(0.5 - 0.5) = 0 (-0.1…0.1)".to_string()
        }
    );
    assert!(matches!(
        run("a / 0 == 1", &facts, Lang::En),
        Err(EvalError::DivisionByZero { column: 5, .. })
    ));
    assert!(matches!(
        run("change(a, z) == 1", &facts, Lang::En),
        Err(EvalError::DivisionByZero { column: 11, .. })
    ));
}

#[test]
fn unknown_names_are_errors_with_their_column() {
    let err = run(
        "a == b + missing",
        &[("a", q("1", "")), ("b", q("1", ""))],
        Lang::En,
    )
    .unwrap_err();
    assert_eq!(
        err,
        EvalError::UnknownName {
            name: "missing".to_string(),
            column: 10
        }
    );
    assert_eq!(err.message(Lang::En), "unknown name `missing`");
    assert_eq!(err.message(Lang::Zh), "未知的名称 `missing`");
}

#[test]
fn literals_are_exact() {
    // Exact shares (a whole percentage is otherwise rounded): the literal decides.
    let exact = |n: &str| {
        Quantity::from_figure(n, &parse_decimal_string(n).unwrap(), &parse_unit("%"), true)
    };
    let facts = [("a", exact("60")), ("b", exact("40"))];
    let e = eval_en("a + b == 100%", &facts);
    assert!(e.holds);
    assert_eq!(e.rhs, Interval::from_integer(1));
    assert_eq!(e.arithmetic, "60% + 40% = 100%, which matches 100%");
    let e = eval_en("a + b == 99%", &facts);
    assert!(!e.holds);
    assert_eq!(
        e.arithmetic,
        "60% + 40% = 100%, but 99% is expected (off by 1%)"
    );
    assert_eq!(
        eval_zh("a + b == 99%", &facts).arithmetic,
        "60% + 40% = 100%,但应为 99%(相差 1%)"
    );
    let facts = [("x", q("5", "‰"))];
    assert!(eval_en("x == 0.5%", &facts).holds);
    assert!(eval_en("x * 1000 == 5", &facts).holds);
}

#[test]
fn scaled_units_show_values_in_the_unit_of_the_figure() {
    let facts = [
        ("total", q("1.5", "万元")),
        ("a", q("12000", "元")),
        ("b", q("3000", "元")),
    ];
    let e = eval_en("total == a + b", &facts);
    assert!(e.holds);
    assert_eq!(e.arithmetic, "12000 + 3000 = 1.5万元, and total = 1.5万元");
    let facts = [
        ("total", q("1.6", "万元")),
        ("a", q("12000", "元")),
        ("b", q("3000", "元")),
    ];
    let e = eval_en("total == a + b", &facts);
    assert_eq!(e.off_by.as_deref(), Some("0.05万元"));
    assert_eq!(e.arithmetic, "1.6万元 means 1.55万元…1.65万元; 12000 + 3000 = 1.5万元, but total = 1.6万元 (off by 0.05万元)");
}

#[test]
fn negative_figures_are_parenthesised_after_an_operator() {
    let facts = [
        ("a", q("10", "")),
        ("b", q("-2.99", "")),
        ("c", q("12.99", "")),
    ];
    let e = eval_en("c == a - b", &facts);
    assert!(e.holds);
    assert_eq!(e.arithmetic, "10 - (-2.99) = 12.99, and c = 12.99");
    let e = eval_en("-b + a == c", &facts);
    assert_eq!(e.arithmetic, "-(-2.99) + 10 = 12.99, and c = 12.99");
}

#[test]
fn functions() {
    let facts = [
        ("a", q("3", "件")),
        ("b", q("-4", "件")),
        ("c", q("7", "件")),
    ];
    assert!(eval_en("sum(a, 4) == c", &facts).holds);
    assert!(eval_en("max(a, b, 1) == 3", &facts).holds);
    assert!(eval_en("min(a, b) == -4", &facts).holds);
    assert!(eval_en("abs(b) == 4", &facts).holds);
    assert!(eval_en("SUM(a) == 3", &facts).holds);
    let e = eval_en("c == sum(a, abs(b))", &facts);
    assert_eq!(e.arithmetic, "sum(3, abs(-4)) = 7, and c = 7");
}

#[test]
fn unit_mismatches_are_warnings_naming_both_units() {
    let facts = [
        ("cases", q("10", "件")),
        ("people", q("5", "人")),
        ("total", q("15", "件")),
    ];
    let e = eval_en("total == cases + people", &facts);
    assert!(e.holds);
    assert_eq!(
        e.warnings,
        vec![EvalWarning::UnitMismatch {
            left: "件".to_string(),
            right: "人".to_string(),
            column: 16,
            action: UnitAction::Add
        }]
    );
    assert_eq!(e.warnings[0].message(Lang::En), "adds 件 to 人");
    assert_eq!(e.warnings[0].message(Lang::Zh), "将 件 与 人 相加");

    let e = eval_en("people <= cases", &facts);
    assert_eq!(e.warnings.len(), 1);
    assert_eq!(e.warnings[0].message(Lang::En), "compares 人 with 件");
    assert_eq!(e.warnings[0].message(Lang::Zh), "将 人 与 件 比较");
    assert_eq!(e.warnings[0].column(), 8);

    let e = eval_en("cases - people == 5", &facts);
    assert_eq!(e.warnings[0].message(Lang::En), "subtracts 人 from 件");

    // A ratio of like counts is a ratio; a count times a ratio keeps its unit.
    let facts = [
        ("rate", q("50", "%")),
        ("part", q("5", "件")),
        ("whole", q("10", "件")),
        ("money", q("1", "万元")),
    ];
    assert!(eval_en("rate == part / whole", &facts).warnings.is_empty());
    assert!(eval_en("part == whole * rate", &facts).warnings.is_empty());
    assert!(eval_en("whole == part / rate", &facts).warnings.is_empty());
    assert_eq!(eval_en("whole == part + rate", &facts).warnings.len(), 1);
    // Other products have no unit we can name, so they compare with anything.
    assert!(eval_en("money == part * whole", &facts).warnings.is_empty());
    let e = eval_en("change(part, money) == rate", &facts);
    assert_eq!(e.warnings.len(), 1);
    assert_eq!(e.warnings[0].message(Lang::En), "combines 件 with 万元");
    let e = eval_en("max(part, money) == part", &facts);
    assert_eq!(e.warnings.len(), 1);
    let e = eval_en("part == whole / part", &facts);
    assert_eq!(e.warnings[0].message(Lang::En), "compares 件 with ratio");
}

#[test]
fn parse_errors_point_at_their_column() {
    let cases: &[(&str, u32)] = &[
        ("a + * b == 1", 5),
        ("a == b + * c", 10),
        ("a +", 4),
        ("a", 2),
        ("a == b == c", 8),
        ("(a == b", 4),
        ("a == (b", 6),
        ("a == summ(b)", 6),
        ("abs(a, b) == 1", 1),
        ("change(a) == 1", 1),
        ("sum() == 1", 1),
        ("a == b $", 8),
        ("`x == 1", 1),
        ("`` == 1", 1),
        ("", 1),
        ("   ", 1),
        ("受理 + * b == 1", 6),
        ("a\u{3000}== b )", 8),
        ("a b == 1", 3),
        ("a == 1e400", 6),
        ("a ! b", 3),
        ("a == 5%%", 8),
        ("a == sum(b c)", 12),
    ];
    for (text, column) in cases {
        let err = parse_error(text);
        assert_eq!(err.column, *column, "{text:?}: {}", err.message(Lang::En));
        assert!(!err.message(Lang::En).is_empty());
        assert_ne!(err.message(Lang::En), err.message(Lang::Zh));
    }
    assert_eq!(
        parse_error("a + * b == 1").message(Lang::En),
        "expected a figure, a name or `(`, found `*`"
    );
    assert_eq!(
        parse_error("a + * b == 1").message(Lang::Zh),
        "此处应为数字、名称或 `(`,却是 `*`"
    );
    assert_eq!(parse_error("a").kind, ExprErrorKind::MissingComparison);
    assert_eq!(
        parse_error("a == summ(b)").kind,
        ExprErrorKind::UnknownFunction {
            name: "summ".to_string(),
            nearest: "sum"
        }
    );
    assert!(parse_error("a == chnage(b, c)")
        .message(Lang::En)
        .contains("did you mean `change`?"));
    assert!(matches!(
        parse_error("a == 1e400").kind,
        ExprErrorKind::BadNumber(NumberError::OutOfRange)
    ));
}

#[test]
fn nesting_is_limited_without_overflowing_the_stack() {
    let nested = |depth: usize| format!("{}a{} == 1", "(".repeat(depth), ")".repeat(depth));
    assert!(parse_expect(&nested(MAX_DEPTH as usize)).is_ok());
    let err = parse_error(&nested(MAX_DEPTH as usize + 1));
    assert_eq!(err.kind, ExprErrorKind::TooDeep);
    assert_eq!(err.column, MAX_DEPTH + 1);
    assert_eq!(parse_error(&nested(1000)).kind, ExprErrorKind::TooDeep);
    assert_eq!(
        parse_error(&format!("{}a == 1", "-".repeat(1000))).kind,
        ExprErrorKind::TooDeep
    );
    assert_eq!(
        parse_error(&format!("{}a == 1", "abs(".repeat(1000))).kind,
        ExprErrorKind::TooDeep
    );
    // Beyond the token limit the lexer stops first.
    assert_eq!(parse_error(&nested(100_000)).kind, ExprErrorKind::TooLong);

    // A long flat sum is a flat chain, not a deep tree.
    let terms = vec!["a"; 2000].join(" + ");
    let e = eval_en(&format!("{terms} == 2000"), &[("a", q("1", ""))]);
    assert!(e.holds);
    assert_eq!(
        parse_error(&vec!["a"; 5000].join(" + ")).kind,
        ExprErrorKind::TooLong
    );
    assert_eq!(
        parse_error(&format!("{} == 1", vec!["a"; 100].join(" * "))).kind,
        ExprErrorKind::TooLong
    );
}

#[test]
fn names_of_any_script_dotted_and_backquoted() {
    let cmp = parse_expect("合计 == 受理 + 不予受理 + 受理").unwrap();
    assert_eq!(
        cmp.references(),
        vec![
            ("合计".to_string(), 1),
            ("受理".to_string(), 7),
            ("不予受理".to_string(), 12)
        ]
    );
    let facts = [
        ("合计", q("100", "件")),
        ("受理", q("79", "件")),
        ("不予受理", q("21", "件")),
    ];
    let e = eval_zh("受理 + 不予受理 == 合计", &facts);
    assert!(e.holds);
    assert_eq!(e.arithmetic, "79 + 21 = 100,且 合计 = 100");

    let cmp = parse_expect("t3.row_1.total == `gross income (net)` + _x2").unwrap();
    let names: Vec<String> = cmp.references().into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["t3.row_1.total", "gross income (net)", "_x2"]);
    assert_eq!(cmp.references()[1].1, 19);

    // Full-width spaces, operators and parentheses as Chinese text writes them.
    let cmp = parse_expect("合计\u{3000}＝\u{3000}（受理 ＋ 不予受理）× 1").unwrap();
    assert_eq!(cmp.op, CmpOp::Eq);
    assert_eq!(cmp.references().len(), 3);
}

#[test]
fn comparison_operators() {
    let ops: &[(&str, CmpOp)] = &[
        ("==", CmpOp::Eq),
        ("=", CmpOp::Eq),
        ("!=", CmpOp::Ne),
        ("≠", CmpOp::Ne),
        ("<", CmpOp::Lt),
        ("<=", CmpOp::Le),
        ("≤", CmpOp::Le),
        (">", CmpOp::Gt),
        (">=", CmpOp::Ge),
        ("≥", CmpOp::Ge),
    ];
    for (text, op) in ops {
        let cmp = parse_expect(&format!("a {text} b")).unwrap();
        assert_eq!(cmp.op, *op, "{text}");
        assert_eq!(cmp.op_column, 3);
    }
}

#[test]
fn spans_and_literals() {
    let cmp = parse_expect("a == 12.5% * (b - 3)").unwrap();
    assert_eq!(cmp.rhs.span, Span { start: 6, end: 21 });
    let ExprKind::Chain { first, rest } = &cmp.rhs.kind else {
        panic!("{:?}", cmp.rhs)
    };
    assert_eq!(first.span, Span { start: 6, end: 11 });
    let ExprKind::Number(literal) = &first.kind else {
        panic!()
    };
    assert_eq!(literal.value, Rational::new(i128::from(1), i128::from(8)));
    assert_eq!(rest[0].column, 12);
    assert_eq!(rest[0].expr.span, Span { start: 14, end: 21 });
}

#[test]
fn fact_ids() {
    for id in ["applications", "受理", "_x", "a1", "t_2017", "Ünïcödé"] {
        assert!(is_valid_id(id), "{id}");
    }
    for id in ["", "1a", "a.b", "a b", "a-b", "`a`", "a%", "٣x"] {
        assert!(!is_valid_id(id), "{id}");
    }
}

#[test]
fn quantities_from_figures() {
    let unit = parse_unit("%");
    let rate = Quantity::from_figure("95.50", &parse_json_number("95.50").unwrap(), &unit, false);
    assert_eq!(&*rate.printed, "95.50%");
    let r = |n: i64, d: i64| Rational::new(i128::from(n), i128::from(d));
    assert_eq!(
        rate.interval,
        Interval::new(r(95495, 100000), r(95505, 100000))
    );
    let exact = Quantity::from_figure("95.5", &parse_json_number("95.5").unwrap(), &unit, true);
    assert!(exact.interval.is_exact());
    let count = Quantity::from_figure(
        "1,692",
        &parse_decimal_string("1,692").unwrap(),
        &parse_unit("件"),
        false,
    );
    assert_eq!(
        (&*count.printed, count.interval.clone()),
        ("1,692", Interval::from_integer(1692))
    );
    assert_eq!(count.dimension, Dimension::Named("件".into()));
    let mut rounded = parse_decimal_string("7,291,600").unwrap();
    rounded.decimals = -2;
    rounded.written_as_integer = false;
    let people = Quantity::from_figure("7,291,600", &rounded, &parse_unit("人"), false);
    assert_eq!(people.interval, Interval::new(r(7291550, 1), r(7291650, 1)));
    let money = Quantity::from_figure(
        "1.2",
        &parse_decimal_string("1.2").unwrap(),
        &parse_unit("万元"),
        false,
    );
    assert_eq!(
        (&*money.printed, money.interval.lo),
        ("1.2万元", r(11500, 1))
    );
    let usd = Quantity::from_figure(
        "3",
        &parse_json_number("3").unwrap(),
        &parse_unit("USD million"),
        false,
    );
    assert_eq!(&*usd.printed, "3 USD million");
}

/// Tiny deterministic generator, so the robustness test needs no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

#[test]
fn arbitrary_input_never_panics() {
    let long = "9".repeat(70);
    let pieces = [
        "a",
        "b",
        "z",
        "受理",
        "`x y`",
        "`",
        "(",
        ")",
        "（",
        "）",
        "+",
        "-",
        "*",
        "/",
        "==",
        "=",
        "!=",
        "<",
        "<=",
        ">",
        ">=",
        "≤",
        "≠",
        "%",
        "‰",
        ",",
        "sum(",
        "min(",
        "max(",
        "abs(",
        "change(",
        "foo(",
        "0",
        "1",
        "0.5",
        "1e3",
        "1e400",
        "95.5",
        ".",
        " ",
        "\u{3000}",
        "t.x",
        "!",
        "$",
        "é",
        long.as_str(),
    ];
    let mut zero = q("0", "");
    zero.interval = Interval::new(
        Rational::from_integer(i128::from(-1)),
        Rational::from_integer(i128::from(1)),
    );
    let facts = [
        ("a", q("95.5", "%")),
        ("b", q("-3", "件")),
        ("z", zero),
        ("受理", q("7", "人")),
        ("x y", q("2", "")),
    ];
    let lookup = |name: &str| {
        facts
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, q)| q.clone())
    };
    let operands = [
        "a",
        "b",
        "z",
        "受理",
        "`x y`",
        "0",
        "1",
        "95.5%",
        "(a - b)",
        "sum(a, b)",
        "change(a, b)",
        "change(a, z)",
        "abs(b)",
        "min(a, 1)",
        "max(b, 受理)",
        "(1 / z)",
        "-a",
        "nope",
        "1e60",
        "t.x",
    ];
    let mut rng = Lcg(42);
    let mut parsed = 0;
    for _ in 0..6_000 {
        let text = if rng.next(2) == 0 {
            let len = 1 + rng.next(8);
            let parts: Vec<&str> = (0..len).map(|_| pieces[rng.next(pieces.len())]).collect();
            parts.join("")
        } else {
            // Mostly well-formed: operands and operators in turn around one comparison.
            let side = |rng: &mut Lcg| {
                let mut s = operands[rng.next(operands.len())].to_string();
                for _ in 0..rng.next(4) {
                    s.push_str(["+", "-", "*", "/"][rng.next(4)]);
                    s.push_str(operands[rng.next(operands.len())]);
                }
                s
            };
            let lhs = side(&mut rng);
            let op = ["==", "<=", ">", "!="][rng.next(4)];
            format!("{lhs} {op} {}", side(&mut rng))
        };
        match parse_expect(&text) {
            Ok(cmp) => {
                parsed += 1;
                for lang in [Lang::En, Lang::Zh] {
                    let evaluation = evaluate(&cmp, &lookup, lang);
                    assert_eq!(
                        holds(&cmp, &lookup),
                        evaluation.as_ref().map(|e| e.holds).map_err(Clone::clone)
                    );
                    match evaluation {
                        Ok(e) => assert!(!e.arithmetic.is_empty(), "{text}"),
                        Err(e) => assert!(!e.message(lang).is_empty()),
                    }
                }
            }
            Err(e) => {
                let chars = text.chars().count() as u32;
                assert!(e.column >= 1 && e.column <= chars + 1, "{text:?} {e:?}");
            }
        }
    }
    assert!(parsed > 1_500, "only {parsed} parsed");
}

#[test]
fn figures_grouped_in_thousands_keep_their_grouping() {
    let facts = [
        ("total", q("7,291", "件")),
        ("a", q("1,692", "件")),
        ("b", q("5,599", "件")),
        ("c", q("5,600", "件")),
    ];
    let e = eval_en("total == a + b", &facts);
    assert_eq!(e.arithmetic, "1,692 + 5,599 = 7,291, and total = 7,291");
    let e = eval_en("total == a + c", &facts);
    assert_eq!(
        e.arithmetic,
        "1,692 + 5,600 = 7,292, but total = 7,291 (off by 1)"
    );

    let mut rounded = parse_decimal_string("7,291,600").unwrap();
    rounded.decimals = -2;
    rounded.written_as_integer = false;
    let people = Quantity::from_figure("7,291,600", &rounded, &parse_unit("人"), false);
    let facts = [
        ("people", people),
        ("men", q("3,700,000", "人")),
        ("women", q("3,591,649", "人")),
    ];
    let e = eval_en("people == men + women", &facts);
    assert!(e.holds);
    assert_eq!(
        e.arithmetic,
        "people = 7,291,600 means 7,291,550…7,291,650; 3,700,000 + 3,591,649 = 7,291,649"
    );
}

#[test]
fn values_beside_a_figure_take_its_unit_as_printed() {
    let mut tight = q("1.5", "pp");
    tight.printed = "1.5pp".into();
    let facts = [
        ("spaced", q("1.5", "pp")),
        ("tight", tight),
        ("a", q("3.0", "%")),
        ("b", q("1.3", "%")),
    ];
    assert_eq!(&*facts[0].1.printed, "1.5 pp");
    let e = eval_en("spaced == a - b", &facts);
    assert_eq!(
        e.arithmetic,
        "1.5 pp means 1.45 pp…1.55 pp; 3.0% means 2.95%…3.05%; 1.3% means 1.25%…1.35%; 3.0% - 1.3% = 1.7 pp, but spaced = 1.5 pp (off by 0.05 pp)"
    );
    let e = eval_en("tight == a - b", &facts);
    assert_eq!(
        e.arithmetic,
        "1.5pp means 1.45pp…1.55pp; 3.0% means 2.95%…3.05%; 1.3% means 1.25%…1.35%; 3.0% - 1.3% = 1.7pp, but tight = 1.5pp (off by 0.05pp)"
    );
}

#[test]
fn results_too_large_for_exact_arithmetic_are_errors_at_their_place() {
    let facts = [("a", q("1", "")), ("b", q("1e20", ""))];
    let err = run("a == b * b * b", &facts, Lang::En).unwrap_err();
    assert_eq!(err, EvalError::TooLarge { column: 8 });
    let err = run("a == 1 + (b * b)", &facts, Lang::En).unwrap_err();
    assert_eq!(err, EvalError::TooLarge { column: 13 });
    assert!(!err.message(Lang::Zh).is_empty());
    // A divisor that is too large is reported as such, not as a division by zero.
    let err = run("a == 1 / (b * b)", &facts, Lang::En).unwrap_err();
    assert_eq!(err, EvalError::TooLarge { column: 13 });
}

#[test]
fn table_slices_are_names_only_as_arguments_of_sum_min_max() {
    let facts = [("t.a.x", q("1", "")), ("t.b.x", q("2", ""))];
    // A slice parses as one name (the loader expands it); `*` after a whole cell id multiplies.
    let cmp = parse_expect("sum(t.*.x) == max(t.a.*, t.r3_*.x)").unwrap();
    let mut names = Vec::new();
    cmp.lhs.visit_facts(&mut |n, _| names.push(n.to_string()));
    cmp.rhs.visit_facts(&mut |n, _| names.push(n.to_string()));
    assert_eq!(names, ["t.*.x", "t.a.*", "t.r3_*.x"]);
    assert!(eval_en("t.a.x*2 == t.b.x", &facts).holds);
    assert!(eval_en("t.a.x * 2 == t.b.x", &facts).holds);

    let outside = parse_error("t.*.x + 1 == 3");
    assert_eq!(outside.kind, ExprErrorKind::SliceOutsideAggregate);
    assert_eq!(outside.column, 1);
    let nested = parse_error("sum(t.*.x + 1) == 3");
    assert_eq!(nested.kind, ExprErrorKind::SliceOutsideAggregate);
    assert_eq!(nested.column, 5);
    assert_eq!(
        parse_error("abs(t.*.x) == 3").kind,
        ExprErrorKind::SliceOutsideAggregate
    );
    for bad in [
        "sum(t.*x.c) == 1",
        "sum(t.*) == 1",
        "sum(t.a.b.*) == 1",
        "sum(t.**.c) == 1",
    ] {
        assert_eq!(parse_error(bad).kind, ExprErrorKind::BadSlice, "{bad}");
    }
}
