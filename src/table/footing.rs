//! The checks a table brings by itself: a total row is the sum of the rows (footing), a total
//! column the sum of the columns (cross-footing), a part's total the sum of its rows, and a share
//! column each row's share of the total, within the rounding the shares are printed with.
//!
//! Empty cells are left out of a sum; a total whose cell is empty, or that has nothing to add,
//! is not checked. Columns of percentages that are not shares are neither footed nor
//! cross-footed (rates do not add up); share columns are footed (their shares add up to the
//! total's share, or to 100%) but not cross-footed.

use num_traits::One;

use super::Table;
use crate::expr::{BinOp, CmpOp, Comparison, Expr, ExprKind, NumberLiteral, Operand, Span, Suffix};
use crate::interval::Rational;
use crate::report::{Check, ExpectPlace};
use crate::verdict::{Location, Severity};
use crate::Lang;

/// The labels of the generated checks, English and Chinese, as data: `{t}` the table's title,
/// `{r}` the row, `{c}` the column, `{o}` the column a share is of.
const FOOT: [&str; 2] = [
    "{t}: {r} is the sum of the rows, {c} column",
    "{t}:{c}列中,{r} 等于各行之和",
];
const PART: [&str; 2] = [
    "{t}: {r} is the sum of its rows, {c} column",
    "{t}:{c}列中,{r} 等于其所含各行之和",
];
const SHARES: [&str; 2] = [
    "{t}: the shares of the {c} column add up to 100%",
    "{t}:{c}列各项占比合计为 100%",
];
const SHARE: [&str; 2] = [
    "{t}: {r}, {c} is its {o} as a share of the total",
    "{t}:{r}的{c}为其{o}占合计的比例",
];
const CROSS: [&str; 2] = [
    "{t}: {r}, {c} is the sum of the columns",
    "{t}:{r}行中,{c} 等于各列之和",
];

/// A label in `lang`, its placeholders filled in.
fn fill(lang: Lang, words: &[&str; 2], t: &str, r: &str, c: &str, o: &str) -> String {
    let mut rest = lang.pick(words[0], words[1]);
    let mut out = String::with_capacity(rest.len() + t.len() + r.len() + c.len() + o.len());
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let value = match rest.as_bytes().get(i + 1) {
            Some(b't') => t,
            Some(b'r') => r,
            Some(b'c') => c,
            _ => o,
        };
        out.push_str(value);
        rest = rest.get(i + 3..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// An expression together with its text, as the check's `expect` shows it.
struct Written {
    expr: Expr,
    text: String,
}

const NOWHERE: Span = Span { start: 1, end: 1 };

fn cell(table: &Table, row: usize, column: usize) -> Written {
    let id = table.cell_id(row, column);
    Written {
        text: id.clone(),
        expr: Expr {
            kind: ExprKind::Fact(id),
            span: NOWHERE,
        },
    }
}

/// `a + b + …` (or `a` alone); `terms` is not empty.
fn sum(terms: Vec<Written>) -> Written {
    let mut terms = terms.into_iter();
    let Some(first) = terms.next() else {
        return percent_100();
    };
    let mut text = first.text;
    let mut rest = Vec::new();
    for term in terms {
        text.push_str(" + ");
        text.push_str(&term.text);
        rest.push(Operand {
            op: BinOp::Add,
            column: 1,
            expr: term.expr,
        });
    }
    if rest.is_empty() {
        return Written {
            expr: first.expr,
            text,
        };
    }
    Written {
        expr: Expr {
            kind: ExprKind::Chain {
                first: Box::new(first.expr),
                rest,
            },
            span: NOWHERE,
        },
        text,
    }
}

fn percent_100() -> Written {
    Written {
        expr: Expr {
            kind: ExprKind::Number(Box::new(NumberLiteral {
                text: "100".to_string(),
                suffix: Some(Suffix::Percent),
                value: Rational::one(),
            })),
            span: NOWHERE,
        },
        text: "100%".to_string(),
    }
}

/// `part / (whole)`.
fn ratio(part: Written, whole: Written) -> Written {
    let grouped = matches!(whole.expr.kind, ExprKind::Chain { .. });
    let (whole_expr, whole_text) = if grouped {
        let expr = Expr {
            kind: ExprKind::Group(Box::new(whole.expr)),
            span: NOWHERE,
        };
        (expr, ["(", &whole.text, ")"].concat())
    } else {
        (whole.expr, whole.text)
    };
    Written {
        text: [&part.text, " / ", &whole_text].concat(),
        expr: Expr {
            kind: ExprKind::Chain {
                first: Box::new(part.expr),
                rest: vec![Operand {
                    op: BinOp::Div,
                    column: 1,
                    expr: whole_expr,
                }],
            },
            span: NOWHERE,
        },
    }
}

fn check(
    table: &Table,
    id: String,
    label: String,
    lhs: Written,
    rhs: Written,
    at: &Location,
) -> Check {
    let comparison = Comparison {
        lhs: lhs.expr,
        op: CmpOp::Eq,
        op_column: 1,
        rhs: rhs.expr,
    };
    Check {
        id,
        label: Some(label),
        expect: [&lhs.text, " == ", &rhs.text].concat(),
        quote: None,
        severity: Severity::Error,
        section: table.section.clone(),
        location: at.clone(),
        references: comparison.references(),
        comparison: Some(comparison),
        unknown_ids: Vec::new(),
        positions: Vec::new(),
        expect_place: ExpectPlace::default(),
        each: false,
        confidence: None,
        to_confirm: false,
    }
}

/// Every check the table's totals, parts and shares call for.
pub(super) fn checks(table: &Table, lang: Lang) -> Vec<Check> {
    let mut out = Vec::new();
    let t = &table.id;
    let title = &table.title;
    let total_row = table.total_row.as_ref().map(|(r, _)| *r);
    let mut in_part = vec![false; table.rows.len()];
    for row in table.parts.iter().flat_map(|p| &p.rows) {
        if let Some(slot) = in_part.get_mut(*row) {
            *slot = true;
        }
    }
    // The rows a total row adds when no part says otherwise: all but itself and parts' members.
    let top_level: Vec<usize> = (0..table.rows.len())
        .filter(|&r| Some(r) != total_row && !in_part.get(r).copied().unwrap_or(false))
        .filter(|&r| !table.rows[r].id.is_empty())
        .collect();
    let footed = |c: usize| {
        let column = &table.columns[c];
        !column.id.is_empty() && (!column.ratio || column.share_of.is_some())
    };
    let with_figures = |rows: &[usize], c: usize| -> Vec<Written> {
        rows.iter()
            .filter(|&&r| table.has_figure(r, c))
            .map(|&r| cell(table, r, c))
            .collect()
    };

    // Footing: the total row, and each part's total.
    let mut sums: Vec<(usize, &[usize], &Location)> = Vec::new();
    if let Some((total, at)) = &table.total_row {
        if !table.parts.iter().any(|p| p.total == *total) {
            sums.push((*total, &top_level, at));
        }
    }
    for part in &table.parts {
        sums.push((part.total, &part.rows, &part.location));
    }
    for (total, rows, at) in sums {
        let row = &table.rows[total];
        for (c, column) in table.columns.iter().enumerate() {
            if !footed(c) || !table.has_figure(total, c) {
                continue;
            }
            let addends = with_figures(rows, c);
            if addends.is_empty() {
                continue;
            }
            let (id, words) = if Some(total) == total_row {
                ([t, ":foot:", &column.id].concat(), &FOOT)
            } else {
                ([t, ":part:", &row.id, ":", &column.id].concat(), &PART)
            };
            let label = fill(lang, words, title, &row.label, &column.label, "");
            out.push(check(
                table,
                id,
                label,
                cell(table, total, c),
                sum(addends),
                at,
            ));
        }
    }

    // Shares: each row's share of the total, and shares adding up to 100% when the total row
    // prints no share of its own.
    for (s, column) in table.columns.iter().enumerate() {
        let Some((of, at)) = &column.share_of else {
            continue;
        };
        let of = *of;
        let of_label = &table.columns[of].label;
        let total_share = total_row.is_some_and(|r| table.has_figure(r, s));
        if !total_share {
            let shares = with_figures(&top_level, s);
            if !shares.is_empty() {
                let id = [t, ":foot:", &column.id].concat();
                let label = fill(lang, &SHARES, title, "", &column.label, "");
                out.push(check(table, id, label, sum(shares), percent_100(), at));
            }
        }
        for (r, row) in table.rows.iter().enumerate() {
            if Some(r) == total_row || !table.has_figure(r, s) || !table.has_figure(r, of) {
                continue;
            }
            let whole = match total_row.filter(|&t| table.has_figure(t, of)) {
                Some(t) => cell(table, t, of),
                None => {
                    let counts = with_figures(&top_level, of);
                    if counts.is_empty() {
                        continue;
                    }
                    sum(counts)
                }
            };
            let id = [t, ":share:", &column.id, ":", &row.id].concat();
            let label = fill(lang, &SHARE, title, &row.label, &column.label, of_label);
            let share = ratio(cell(table, r, of), whole);
            out.push(check(table, id, label, cell(table, r, s), share, at));
        }
    }

    // Cross-footing: the total column in every row.
    if let Some((total, at)) = &table.total_column {
        let total = *total;
        let total_label = &table.columns[total].label;
        let columns: Vec<usize> = (0..table.columns.len())
            .filter(|&c| c != total && !table.columns[c].id.is_empty())
            .filter(|&c| !table.columns[c].ratio && table.columns[c].share_of.is_none())
            .collect();
        for (r, row) in table.rows.iter().enumerate() {
            if row.id.is_empty() || !table.has_figure(r, total) {
                continue;
            }
            let addends: Vec<Written> = columns
                .iter()
                .filter(|&&c| table.has_figure(r, c))
                .map(|&c| cell(table, r, c))
                .collect();
            if addends.is_empty() {
                continue;
            }
            let id = [t, ":cross:", &row.id].concat();
            let label = fill(lang, &CROSS, title, &row.label, total_label, "");
            out.push(check(
                table,
                id,
                label,
                cell(table, r, total),
                sum(addends),
                at,
            ));
        }
    }
    out
}
