//! The arithmetic of a check in figures, as a reader would do it by hand:
//! `32 + 10 + 14 + 10 + 3 = 69, but concluded = 68 (off by 1)`.

use num_traits::{One, Zero};

use super::eval::{Facts, Quantity, Value};
use super::{CmpOp, Comparison, Expr, ExprKind, Suffix};
use crate::interval::Rational;
use crate::number::{format_rational, pow10};
use crate::units::Dimension;
use crate::Lang;

/// Decimals shown for computed values that do not terminate sooner.
const SHOWN_DECIMALS: u32 = 3;

/// Both sides of a comparison, evaluated, and the facts they use.
pub(super) struct Sides<'a> {
    pub cmp: &'a Comparison,
    pub lhs: &'a Value,
    pub rhs: &'a Value,
    pub facts: &'a Facts<'a>,
}

/// The unit computed values are shown in: `%` when the check compares with a percentage.
struct DisplayUnit {
    factor: Rational,
    suffix: String,
    /// Digits grouped in thousands, as the report's figures are.
    grouped: bool,
}

impl DisplayUnit {
    fn plain() -> DisplayUnit {
        DisplayUnit {
            factor: Rational::one(),
            suffix: String::new(),
            grouped: false,
        }
    }
}

#[derive(Clone, Copy)]
enum Shape<'a> {
    Computed,
    Fact(&'a str, &'a Quantity),
    Literal,
}

#[derive(Clone, Copy)]
struct Side<'a> {
    expr: &'a Expr,
    value: &'a Value,
    shape: Shape<'a>,
}

impl Side<'_> {
    /// Computed sides come first, then single facts, then plain numbers.
    fn rank(&self) -> u8 {
        match self.shape {
            Shape::Computed => 0,
            Shape::Fact(..) => 1,
            Shape::Literal => 2,
        }
    }
}

fn shape<'a>(expr: &'a Expr, facts: &'a Facts<'a>) -> Shape<'a> {
    let expr = expr.unparenthesized();
    match &expr.kind {
        ExprKind::Fact(id) => facts.get(id).map_or(Shape::Computed, |q| {
            Shape::Fact(q.name.as_deref().unwrap_or(id), q)
        }),
        ExprKind::Number(_) => Shape::Literal,
        ExprKind::Neg(inner) if matches!(inner.unparenthesized().kind, ExprKind::Number(_)) => {
            Shape::Literal
        }
        _ => Shape::Computed,
    }
}

/// The expression with every fact replaced by its printed figure, operators spaced.
pub(super) fn render_expr(expr: &Expr, facts: &Facts) -> String {
    let mut text = String::new();
    write_expr(expr, facts, &mut text);
    text
}

/// [`render_expr`], appended to `out` (one buffer for the whole arithmetic, not a string per
/// node). Recursion is bounded by the parser's depth limit.
fn write_expr(expr: &Expr, facts: &Facts, out: &mut String) {
    match &expr.kind {
        ExprKind::Number(literal) => {
            out.push_str(&literal.text);
            out.push_str(literal.suffix.map_or("", |s| s.symbol()));
        }
        ExprKind::Fact(name) => out.push_str(facts.get(name).map_or(name, |q| &q.printed)),
        ExprKind::Neg(inner) => {
            out.push('-');
            write_operand(inner, facts, out);
        }
        ExprKind::Group(inner) => {
            out.push('(');
            write_expr(inner, facts, out);
            out.push(')');
        }
        ExprKind::Chain { first, rest } => {
            write_expr(first, facts, out);
            for operand in rest {
                out.push(' ');
                out.push_str(operand.op.symbol());
                out.push(' ');
                write_operand(&operand.expr, facts, out);
            }
        }
        ExprKind::Call { func, args } => {
            out.push_str(func.name());
            out.push('(');
            for (i, arg) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_expr(arg, facts, out);
            }
            out.push(')');
        }
    }
}

/// An operand after an operator: a negative figure gets parentheses (`10 - (-2.99)`).
fn write_operand(expr: &Expr, facts: &Facts, out: &mut String) {
    let start = out.len();
    write_expr(expr, facts, out);
    if out[start..].starts_with('-') {
        out.insert(start, '(');
        out.push(')');
    }
}

/// A number followed by a unit suffix (which carries its own space, if any: "%", " pp").
fn with_unit(mut number: String, suffix: &str) -> String {
    number.push_str(suffix);
    number
}

/// The unit a printed figure ends with, and the space before it if there is one, so that values
/// shown beside it look the same ("95.5%" → "%", "1.5 pp" → " pp", "68" for 件 → "").
fn printed_suffix(q: &Quantity) -> &str {
    let printed = q.printed.trim_end();
    if q.unit_text.is_empty() || !printed.ends_with(&*q.unit_text) {
        return "";
    }
    let before = &printed[..printed.len() - q.unit_text.len()];
    let spaces = before.len() - before.trim_end().len();
    &printed[printed.len() - q.unit_text.len() - spaces..]
}

fn usable_factor(factor: &Rational) -> Rational {
    if factor.is_zero() {
        Rational::one()
    } else {
        *factor
    }
}

/// The true values a rounded figure stands for, in its own unit: `95.45%…95.55%`.
fn range_text(q: &Quantity) -> String {
    let factor = usable_factor(&q.unit_factor);
    let suffix = printed_suffix(q);
    let grouped = uses_grouping(&q.printed);
    let lo = number_text(&(q.interval.lo / factor), 64, grouped);
    let hi = number_text(&(q.interval.hi / factor), 64, grouped);
    let (lo, hi) = (with_unit(lo, suffix), with_unit(hi, suffix));
    // A truncated figure's range is half-open: "[95.5%, 95.6%)", so 95.6% is seen excluded.
    crate::interval::ends_text(&q.interval, &lo, &hi)
}

/// Whether a printed figure groups its digits in thousands ("7,291,600").
fn uses_grouping(printed: &str) -> bool {
    let bytes = printed.as_bytes();
    bytes
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b',' && w[2].is_ascii_digit())
}

/// `format_rational`, with the integer part grouped in thousands when the report groups its figures.
fn number_text(value: &Rational, max_decimals: u32, grouped: bool) -> String {
    let text = format_rational(value, max_decimals);
    if !grouped {
        return text;
    }
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let int_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let (int, tail) = rest.split_at_checked(int_len).unwrap_or((rest, ""));
    let mut out = String::with_capacity(text.len() + int_len / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int_len - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(tail);
    out
}

fn value_text(value: &Rational, unit: &DisplayUnit) -> String {
    let text = if unit.factor.is_one() {
        number_text(value, SHOWN_DECIMALS, unit.grouped)
    } else {
        number_text(&(value / unit.factor), SHOWN_DECIMALS, unit.grouped)
    };
    with_unit(text, &unit.suffix)
}

fn shows_scaled(q: &Quantity) -> bool {
    q.dimension == Dimension::Ratio || !q.unit_factor.is_one()
}

fn display_for(q: &Quantity) -> DisplayUnit {
    DisplayUnit {
        factor: usable_factor(&q.unit_factor),
        suffix: printed_suffix(q).to_string(),
        grouped: false,
    }
}

/// A side that is one fact with a ratio or scaled unit sets the unit; else a side that is a
/// percentage; else a ratio or scaled unit all facts share; else plain base values.
fn display_unit(sides: &Sides) -> Option<DisplayUnit> {
    for expr in [&sides.cmp.lhs, &sides.cmp.rhs] {
        // A negated fact (`-decline == change(now, before)`) sets the unit as the fact would.
        let expr = match &expr.unparenthesized().kind {
            ExprKind::Neg(inner) => inner,
            _ => expr,
        };
        if let Shape::Fact(_, q) = shape(expr, sides.facts) {
            if shows_scaled(q) {
                return Some(display_for(q));
            }
        }
    }
    for expr in [&sides.cmp.lhs, &sides.cmp.rhs] {
        let expr = match &expr.unparenthesized().kind {
            ExprKind::Neg(inner) => inner.unparenthesized(),
            _ => expr.unparenthesized(),
        };
        if let ExprKind::Number(literal) = &expr.kind {
            if let Some(suffix) = literal.suffix {
                let factor = match suffix {
                    Suffix::Percent => pow10(-2),
                    Suffix::Permille => pow10(-3),
                };
                let suffix = suffix.symbol().to_string();
                return Some(DisplayUnit {
                    factor,
                    suffix,
                    grouped: false,
                });
            }
        }
    }
    let mut facts = sides.facts.iter().map(|(_, q)| q);
    let first = facts.next()?;
    let shared =
        facts.all(|q| q.unit_text == first.unit_text && q.unit_factor == first.unit_factor);
    (shared && shows_scaled(first)).then(|| display_for(first))
}

/// Writes the check in figures; returns it and the gap in the display unit.
pub(super) fn arithmetic(
    sides: &Sides,
    holds: bool,
    nominal_holds: bool,
    gap: Option<&Rational>,
    lang: Lang,
) -> (String, Option<String>) {
    let mut display = display_unit(sides).unwrap_or_else(DisplayUnit::plain);
    display.grouped = sides.facts.iter().any(|(_, q)| uses_grouping(&q.printed));
    let display = &display;
    let off_by = gap.map(|g| value_text(g, display));
    let facts = sides.facts;
    let lhs = Side {
        expr: &sides.cmp.lhs,
        value: sides.lhs,
        shape: shape(&sides.cmp.lhs, facts),
    };
    let rhs = Side {
        expr: &sides.cmp.rhs,
        value: sides.rhs,
        shape: shape(&sides.cmp.rhs, facts),
    };
    let (a, b, op) = if lhs.rank() > rhs.rank() {
        (rhs, lhs, sides.cmp.op.mirrored())
    } else {
        (lhs, rhs, sides.cmp.op)
    };

    let term = |side: &Side| {
        let mut text = String::with_capacity(64);
        match side.shape {
            Shape::Fact(name, q) => {
                text.push_str(name);
                text.push_str(" = ");
                text.push_str(&q.printed);
            }
            Shape::Literal => write_expr(side.expr, facts, &mut text),
            Shape::Computed => {
                write_expr(side.expr, facts, &mut text);
                text.push_str(" = ");
                text.push_str(&value_text(&side.value.nominal, display));
            }
        }
        text
    };
    let short = |side: &Side| match side.shape {
        Shape::Fact(_, q) => q.printed.to_string(),
        Shape::Literal => render_expr(side.expr, facts),
        Shape::Computed => value_text(&side.value.nominal, display),
    };

    // When the figures as printed do not satisfy the check, their rounding decides it: show it.
    let means = lang.pick("means", "表示");
    // The clauses, joined by "; " as they come.
    let mut clauses = String::with_capacity(96);
    let mut b_told = false;
    if !nominal_holds {
        let rounded_b = match b.shape {
            Shape::Fact(name, q) if !q.interval.is_exact() => Some((name, q)),
            _ => None,
        };
        if let Some((name, q)) = rounded_b {
            if holds && op == CmpOp::Eq && matches!(a.shape, Shape::Computed) {
                b_told = true;
                next_clause(&mut clauses);
                clauses.push_str(&format!("{name} = {} {means} {}", q.printed, range_text(q)));
            }
        }
        for (_, q) in facts.iter() {
            let told = b_told && rounded_b.is_some_and(|(_, b_q)| std::ptr::eq(b_q, q));
            if !q.interval.is_exact() && !told {
                next_clause(&mut clauses);
                clauses.push_str(&format!("{} {means} {}", q.printed, range_text(q)));
            }
        }
    }

    let (a_term, b_term) = (term(&a), term(&b));
    let b_literal = matches!(b.shape, Shape::Literal);
    let off = |text: String| match &off_by {
        Some(gap) => lang.fill("{0} (off by {1})", "{0}(相差 {1})", &[&text, gap]),
        None => text,
    };
    let not_hold = |prefix: String| {
        let relation = format!("{} {} {}", short(&a), op.symbol(), short(&b));
        lang.fill(
            "{0}: {1} does not hold",
            "{0}:{1} 不成立",
            &[&prefix, &relation],
        )
    };
    let both = |en: &str, zh: &str| lang.fill(en, zh, &[&a_term, &b_term]);
    if let (CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge | CmpOp::Ne, true) = (op, holds) {
        // The most common clause, written in place.
        next_clause(&mut clauses);
        clauses.push_str(&a_term);
        clauses.push(' ');
        clauses.push_str(op.symbol());
        clauses.push(' ');
        clauses.push_str(&b_term);
        return (clauses, off_by);
    }
    let main = match (op, holds) {
        (CmpOp::Eq, true) if b_told => a_term.clone(),
        (CmpOp::Eq, true) if b_literal => both("{0}, which matches {1}", "{0},与 {1} 相符"),
        (CmpOp::Eq, true) => both("{0}, and {1}", "{0},且 {1}"),
        (CmpOp::Eq, false) if b_literal => off(both("{0}, but {1} is expected", "{0},但应为 {1}")),
        (CmpOp::Eq, false) => off(both("{0}, but {1}", "{0},但 {1}")),
        (_, true) => format!("{a_term} {} {b_term}", op.symbol()),
        (_, false) if b_literal => not_hold(a_term.clone()),
        (CmpOp::Ne, false) => not_hold(both("{0}, and {1}", "{0},且 {1}")),
        (_, false) => not_hold(both("{0}, but {1}", "{0},但 {1}")),
    };
    next_clause(&mut clauses);
    clauses.push_str(&main);
    (clauses, off_by)
}

/// Starts the next clause of the arithmetic: after another, a "; ".
fn next_clause(clauses: &mut String) {
    if !clauses.is_empty() {
        clauses.push_str("; ");
    }
}

/// A divisor that can be zero, in figures with its range: `x = 0 (-0.5…0.5)`.
pub(super) fn describe_divisor(expr: &Expr, value: &Value, facts: &Facts) -> String {
    match shape(expr, facts) {
        Shape::Fact(name, q) => {
            let mut text = format!("{name} = {}", q.printed);
            if !q.interval.is_exact() {
                text.push_str(&format!(" ({})", range_text(q)));
            }
            text
        }
        Shape::Literal => render_expr(expr, facts),
        Shape::Computed => {
            let mut text = format!(
                "{} = {}",
                render_expr(expr, facts),
                format_rational(&value.nominal, SHOWN_DECIMALS)
            );
            if !value.iv.is_exact() {
                let lo = format_rational(&value.iv.lo, SHOWN_DECIMALS);
                let hi = format_rational(&value.iv.hi, SHOWN_DECIMALS);
                text.push_str(&format!(" ({lo}…{hi})"));
            }
            text
        }
    }
}
