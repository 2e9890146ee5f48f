//! Evaluates a comparison over intervals: every figure stands for the range of true values its
//! precision allows, and a check holds when some values within every figure's range satisfy it.
//!
//! Alongside each interval goes the nominal value (the arithmetic done on the figures exactly as
//! printed), which is what the arithmetic shown to the reader uses.

use std::rc::Rc;

use num_traits::{One, Zero};

use super::exact::{self, Decision};
use super::render;
use super::{BinOp, CmpOp, Comparison, Expr, ExprKind, Func};
use crate::interval::{below, Interval, Rational};
use crate::number::{self, Decimal, Precision, Rounding};
use crate::units::{Dimension, Unit};
use crate::Lang;

/// A fact as the expression sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// The true values the figure stands for, already in base units (95.5% → [0.9545, 0.9555]).
    pub interval: Interval,
    pub dimension: Dimension,
    /// The figure as the report prints it, with its unit: "95.5%", "68", "1.2万元". Shared, not
    /// copied: a quantity is cloned for every use of its fact in a check.
    pub printed: Rc<str>,
    /// Multiplies the printed figure into base units: 1/100 for %, 10^4 for 万元.
    pub unit_factor: Rational,
    /// The unit as written: "%", "万元", "件"; empty when there is none.
    pub unit_text: Rc<str>,
    /// How a reader names the figure, shown in the arithmetic instead of its id: a table's cell
    /// is "表三 （七）总计, 总计 column" rather than `t3.total.total`. `None`: the id.
    pub name: Option<Rc<str>>,
    /// For a rounded figure: its printed value (in its unit), decimals and rounding mode, so that
    /// the check can be tried under another mode. `None`: an exact figure.
    pub rounded: Option<(Rational, i32, Rounding)>,
}

impl Quantity {
    /// A figure as written (`written` is its literal text, e.g. "95.50" or "1,692"), with its
    /// unit, rounded to the nearest; its precision by [`number::precision`] (`exact` makes any
    /// figure exact). The printed figure carries the unit when it is a ratio or a scaled one
    /// ("95.5%", "1.2万元"), not for plain counts ("68").
    pub fn from_figure(written: &str, decimal: &Decimal, unit: &Unit, exact: bool) -> Quantity {
        let precision = number::precision(decimal, Some(unit), exact, None);
        let shows_unit = unit.dimension == Dimension::Ratio || !unit.factor.is_one();
        let written = written.trim();
        let printed = match (
            shows_unit,
            unit.text.starts_with(|c: char| c.is_ascii_alphabetic()),
        ) {
            (false, _) => written.to_string(),
            (true, true) => format!("{written} {}", unit.text),
            (true, false) => format!("{written}{}", unit.text),
        };
        Quantity::new(
            &decimal.value,
            precision,
            Rounding::Nearest,
            unit,
            printed.into(),
        )
    }

    /// A figure printed as `value` (in its unit) with `precision`, rounded by `rounding`.
    pub fn new(
        value: &Rational,
        precision: Precision,
        rounding: Rounding,
        unit: &Unit,
        printed: Rc<str>,
    ) -> Quantity {
        let rounded = match precision {
            Precision::Exact => None,
            Precision::Decimals(d) => Some((*value, d, rounding)),
        };
        Quantity {
            interval: number::stands_for(value, precision, rounding).scale(&unit.factor),
            dimension: unit.dimension.clone(),
            printed,
            unit_factor: unit.factor,
            unit_text: unit.text.clone(),
            name: None,
            rounded,
        }
    }

    /// The value as printed, in base units.
    pub fn nominal(&self) -> Rational {
        match &self.rounded {
            Some((value, ..)) if !self.interval.is_exact() => value * self.unit_factor,
            _ => self.interval.lo,
        }
    }

    /// The same figure as if its publisher had rounded by `rounding`.
    pub fn rounded_by(&self, rounding: Rounding) -> Quantity {
        let mut q = self.clone();
        if let Some((value, d, _)) = self.rounded {
            q.interval = number::stands_for(&value, Precision::Decimals(d), rounding)
                .scale(&self.unit_factor);
            q.rounded = Some((value, d, rounding));
        }
        q
    }
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub holds: bool,
    /// The two sides' intervals, in base units.
    pub lhs: Interval,
    pub rhs: Interval,
    /// For a failing comparison, the exact gap between the sides, in the display unit.
    pub off_by: Option<String>,
    /// The check in figures, e.g. "32 + 10 + 14 + 10 + 3 = 69, but concluded = 68 (off by 1)".
    pub arithmetic: String,
    pub warnings: Vec<EvalWarning>,
    /// For a failing check: the rounding mode under which it would hold (the arithmetic says so).
    pub holds_if: Option<Rounding>,
    /// A figure is used more than once and the bound on the work was hit before the exact range
    /// was decided: the check passed on the wider range (the arithmetic says so).
    pub range_not_exact: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalWarning {
    /// Figures of different units are added or compared (件 with 人).
    UnitMismatch {
        left: String,
        right: String,
        column: u32,
        action: UnitAction,
    },
}

/// What the expression does with two figures of different units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitAction {
    Add,
    Subtract,
    Compare,
    /// Arguments of one `sum`, `min`, `max` or `change`.
    Combine,
}

impl EvalWarning {
    pub fn column(&self) -> u32 {
        match self {
            EvalWarning::UnitMismatch { column, .. } => *column,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            EvalWarning::UnitMismatch {
                left,
                right,
                action,
                ..
            } => {
                let (en, zh) = match action {
                    UnitAction::Add => ("adds {0} to {1}", "将 {0} 与 {1} 相加"),
                    UnitAction::Subtract => ("subtracts {1} from {0}", "从 {0} 中减去 {1}"),
                    UnitAction::Compare => ("compares {0} with {1}", "将 {0} 与 {1} 比较"),
                    UnitAction::Combine => ("combines {0} with {1}", "将 {0} 与 {1} 合并计算"),
                };
                lang.fill(en, zh, &[left, right])
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EvalError {
    UnknownName {
        name: String,
        column: u32,
    },
    /// The divisor's range contains zero. `divisor` shows it in figures, with its range.
    DivisionByZero {
        column: u32,
        divisor: String,
    },
    /// A result too large to compute exactly in 128 bits (see `rational.rs`).
    TooLarge {
        column: u32,
    },
}

impl EvalError {
    pub fn column(&self) -> u32 {
        match self {
            EvalError::UnknownName { column, .. }
            | EvalError::DivisionByZero { column, .. }
            | EvalError::TooLarge { column } => *column,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (EvalError::UnknownName { name, .. }, _) => {
                lang.fill("unknown name `{0}`", "未知的名称 `{0}`", &[name])
            }
            (EvalError::DivisionByZero { divisor, .. }, _) => lang.fill(
                "division by zero: the divisor {0} can be zero",
                "除以零:除数 {0} 可能为零",
                &[divisor],
            ),
            (EvalError::TooLarge { .. }, Lang::En) => {
                "the numbers grow too large to compute exactly (beyond 38 digits)".to_string()
            }
            (EvalError::TooLarge { .. }, Lang::Zh) => {
                "数值过大,无法精确计算(超过 38 位)".to_string()
            }
        }
    }
}

/// A side or part of an expression, evaluated.
#[derive(Clone, Debug)]
pub(super) struct Value {
    pub iv: Interval,
    /// The value of the figures as printed.
    pub nominal: Rational,
    pub dim: Dimension,
    /// The unit's text, for warnings.
    pub unit: UnitText,
}

/// A unit's text as a value carries it: shared with its fact's, or a fixed word.
#[derive(Clone, Debug)]
pub(super) enum UnitText {
    Fixed(&'static str),
    Shared(Rc<str>),
}

impl UnitText {
    fn text(&self) -> &str {
        match self {
            UnitText::Fixed(text) => text,
            UnitText::Shared(text) => text,
        }
    }
}

/// The facts an expression uses, looked up once each, in order of first use.
#[derive(Default)]
pub(super) struct Facts<'e> {
    // A check names a handful of facts: a list beats a map. Names are the expression's own;
    // quantities are the caller's where it lends them (see [`Lookup`]), else kept in `made`:
    // the list stays small (one allocation of a few words per check).
    list: Vec<(&'e str, Held<'e>)>,
    made: Vec<Quantity>,
}

/// A quantity of [`Facts`]: the caller's, or the `made` one at this index.
enum Held<'e> {
    Lent(&'e Quantity),
    Made(usize),
}

/// Where an evaluation finds the quantity of each name: made for it (a suspect's trial value, a
/// switched rounding), or the caller's own, borrowed rather than copied once per use.
#[derive(Clone, Copy)]
pub(super) enum Lookup<'a, 'e> {
    Made(&'a dyn Fn(&str) -> Option<Quantity>),
    Lent(&'a dyn Fn(&str) -> Option<&'e Quantity>),
}

impl<'e> Facts<'e> {
    pub fn get(&self, name: &str) -> Option<&Quantity> {
        let (_, held) = self.list.iter().find(|(n, _)| *n == name)?;
        self.held(held)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Quantity)> {
        self.list
            .iter()
            .filter_map(|(n, held)| Some((*n, self.held(held)?)))
    }

    fn held<'s>(&'s self, held: &Held<'e>) -> Option<&'s Quantity> {
        match held {
            Held::Lent(quantity) => Some(quantity),
            Held::Made(i) => self.made.get(*i),
        }
    }

    /// Looks `name` up and keeps its quantity; false when `lookup` has none.
    fn add(&mut self, name: &'e str, lookup: Lookup<'_, 'e>) -> bool {
        let held = match lookup {
            Lookup::Lent(lookup) => lookup(name).map(Held::Lent),
            Lookup::Made(lookup) => lookup(name).map(|quantity| {
                self.made.push(quantity);
                Held::Made(self.made.len() - 1)
            }),
        };
        let Some(held) = held else {
            return false;
        };
        self.list.push((name, held));
        true
    }
}

/// Decides the comparison and writes its arithmetic. Never panics: division by a range that
/// contains zero and names without a fact are errors.
pub fn evaluate(
    cmp: &Comparison,
    lookup: &dyn Fn(&str) -> Option<Quantity>,
    lang: Lang,
) -> Result<Evaluation, EvalError> {
    evaluate_in(cmp, Lookup::Made(lookup), lang)
}

/// [`evaluate`] on the caller's own quantities, borrowed rather than copied for every use.
pub fn evaluate_lent<'e>(
    cmp: &'e Comparison,
    lookup: &dyn Fn(&str) -> Option<&'e Quantity>,
    lang: Lang,
) -> Result<Evaluation, EvalError> {
    evaluate_in(cmp, Lookup::Lent(lookup), lang)
}

fn evaluate_in<'e>(
    cmp: &'e Comparison,
    lookup: Lookup<'_, 'e>,
    lang: Lang,
) -> Result<Evaluation, EvalError> {
    let (evaluator, lhs, rhs) = sides(cmp, lookup, lang)?;
    let widened = holds_on_intervals(cmp.op, &lhs.iv, &rhs.iv);
    let decision = exact::decide(cmp, &evaluator.facts, widened);
    let holds = widened && decision != Some(Decision::Fails);
    let gap = if widened {
        None
    } else {
        gap(cmp.op, &lhs.iv, &rhs.iv)
    };
    let nominal_holds = holds_as_printed(cmp.op, &lhs.nominal, &rhs.nominal);
    let sides = render::Sides {
        cmp,
        lhs: &lhs,
        rhs: &rhs,
        facts: &evaluator.facts,
    };
    let (mut arithmetic, off_by) =
        render::arithmetic(&sides, holds, nominal_holds, gap.as_ref(), lang);
    let holds_if = if holds {
        None
    } else {
        holds_if(cmp, &evaluator.facts)
    };
    let notes = [
        decision.and_then(|d| d.note(lang)),
        holds_if.map(|mode| holds_if_text(mode, lang)),
    ];
    for note in notes.into_iter().flatten() {
        arithmetic.push_str(lang.pick("; ", ";"));
        arithmetic.push_str(note);
    }
    Ok(Evaluation {
        holds,
        lhs: lhs.iv,
        rhs: rhs.iv,
        off_by,
        arithmetic,
        warnings: evaluator.warnings,
        holds_if,
        range_not_exact: decision == Some(Decision::Undecided),
    })
}

/// Whether the comparison holds, without writing its arithmetic: for trying many values (as the
/// search for suspects does), at a fraction of the cost of [`evaluate`].
pub fn holds(
    cmp: &Comparison,
    lookup: &dyn Fn(&str) -> Option<Quantity>,
) -> Result<bool, EvalError> {
    let (evaluator, lhs, rhs) = evaluate_sides(cmp, lookup, Lang::En)?;
    let widened = holds_on_intervals(cmp.op, &lhs.iv, &rhs.iv);
    Ok(widened && exact::decide(cmp, &evaluator.facts, widened) != Some(Decision::Fails))
}

/// The rounding mode under which a failing check would hold: every figure rounded to the nearest
/// taken as truncated, or every truncated one as rounded to the nearest (`either` already holds
/// both). A publisher's habit, told apart from a mistake; the check still fails.
fn holds_if(cmp: &Comparison, facts: &Facts) -> Option<Rounding> {
    [Rounding::Truncate, Rounding::Nearest]
        .into_iter()
        .find(|&mode| {
            let from = mode.other();
            let switched = |q: &Quantity| q.rounded.is_some_and(|(.., r)| Some(r) == from);
            let lookup = |name: &str| {
                let q = facts.get(name)?;
                Some(if switched(q) {
                    q.rounded_by(mode)
                } else {
                    q.clone()
                })
            };
            facts.iter().any(|(_, q)| switched(q)) && matches!(holds(cmp, &lookup), Ok(true))
        })
}

fn holds_if_text(mode: Rounding, lang: Lang) -> &'static str {
    match mode {
        Rounding::Truncate => lang.pick(
            "holds if the figures were truncated",
            "若数字为截尾取值则成立",
        ),
        _ => lang.pick(
            "holds if the figures were rounded to the nearest",
            "若数字为四舍五入取值则成立",
        ),
    }
}

pub(super) fn evaluate_sides<'a, 'e>(
    cmp: &'e Comparison,
    lookup: &'a dyn Fn(&str) -> Option<Quantity>,
    lang: Lang,
) -> Result<(Evaluator<'a, 'e>, Value, Value), EvalError> {
    sides(cmp, Lookup::Made(lookup), lang)
}

fn sides<'a, 'e>(
    cmp: &'e Comparison,
    lookup: Lookup<'a, 'e>,
    lang: Lang,
) -> Result<(Evaluator<'a, 'e>, Value, Value), EvalError> {
    let mut evaluator = Evaluator {
        lookup,
        lang,
        // A check names a handful of facts: room for them at once.
        facts: Facts {
            list: Vec::with_capacity(4),
            made: Vec::new(),
        },
        warnings: Vec::new(),
    };
    let lhs = evaluator.eval(&cmp.lhs)?;
    let rhs = evaluator.eval(&cmp.rhs)?;
    let ends = [
        &lhs.iv.lo,
        &lhs.iv.hi,
        &rhs.iv.lo,
        &rhs.iv.hi,
        &lhs.nominal,
        &rhs.nominal,
    ];
    if ends.iter().any(|end| end.is_overflow()) {
        return Err(EvalError::TooLarge { column: 1 });
    }
    if lhs.dim.conflicts(&rhs.dim) {
        evaluator.warnings.push(EvalWarning::UnitMismatch {
            left: lhs.unit.text().to_string(),
            right: rhs.unit.text().to_string(),
            column: cmp.op_column,
            action: UnitAction::Compare,
        });
    }
    Ok((evaluator, lhs, rhs))
}

/// Some true values satisfy the comparison.
pub(super) fn holds_on_intervals(op: CmpOp, lhs: &Interval, rhs: &Interval) -> bool {
    match op {
        CmpOp::Eq => lhs.intersects(rhs),
        CmpOp::Ne => !(lhs.is_exact() && rhs.is_exact() && lhs.lo == rhs.lo),
        CmpOp::Lt => lhs.lo < rhs.hi,
        CmpOp::Le => below((lhs.lo, lhs.lo_open), (rhs.hi, rhs.hi_open)),
        CmpOp::Gt => lhs.hi > rhs.lo,
        CmpOp::Ge => below((rhs.lo, rhs.lo_open), (lhs.hi, lhs.hi_open)),
    }
}

/// The figures exactly as printed satisfy the comparison.
fn holds_as_printed(op: CmpOp, lhs: &Rational, rhs: &Rational) -> bool {
    match op {
        CmpOp::Eq => lhs == rhs,
        CmpOp::Ne => lhs != rhs,
        CmpOp::Lt => lhs < rhs,
        CmpOp::Le => lhs <= rhs,
        CmpOp::Gt => lhs > rhs,
        CmpOp::Ge => lhs >= rhs,
    }
}

/// How far apart the sides of a failing comparison are; `None` when they touch.
fn gap(op: CmpOp, lhs: &Interval, rhs: &Interval) -> Option<Rational> {
    let gap = match op {
        CmpOp::Eq => lhs.gap(rhs),
        CmpOp::Ne => Rational::zero(),
        CmpOp::Lt | CmpOp::Le => lhs.lo - rhs.hi,
        CmpOp::Gt | CmpOp::Ge => rhs.lo - lhs.hi,
    };
    // A gap beyond 128 bits (sides near the limit on opposite ends) is left unsaid.
    (gap.is_positive() && !gap.is_overflow()).then_some(gap)
}

pub(super) struct Evaluator<'a, 'e> {
    lookup: Lookup<'a, 'e>,
    lang: Lang,
    facts: Facts<'e>,
    warnings: Vec<EvalWarning>,
}

impl<'e> Evaluator<'_, 'e> {
    /// Recursion is bounded by the parser's depth limit: chains are flat.
    fn eval(&mut self, expr: &'e Expr) -> Result<Value, EvalError> {
        let value = self.eval_node(expr)?;
        // The smallest part of the expression whose value does not fit is the one to point at.
        too_large(value, expr.span.start)
    }

    fn eval_node(&mut self, expr: &'e Expr) -> Result<Value, EvalError> {
        match &expr.kind {
            ExprKind::Number(literal) => Ok(Value {
                iv: Interval::exact(literal.value),
                nominal: literal.value,
                dim: if literal.suffix.is_some() {
                    Dimension::Ratio
                } else {
                    Dimension::Unknown
                },
                unit: UnitText::Fixed(literal.suffix.map_or("", |s| s.symbol())),
            }),
            ExprKind::Fact(name) => {
                let quantity = self.fact(name, expr.span.start)?;
                Ok(Value {
                    nominal: quantity.nominal(),
                    iv: quantity.interval.clone(),
                    dim: quantity.dimension.clone(),
                    unit: UnitText::Shared(quantity.unit_text.clone()),
                })
            }
            ExprKind::Neg(inner) => {
                let v = self.eval(inner)?;
                Ok(Value {
                    iv: v.iv.neg(),
                    nominal: -v.nominal,
                    ..v
                })
            }
            ExprKind::Group(inner) => self.eval(inner),
            ExprKind::Chain { first, rest } => {
                let mut acc = self.eval(first)?;
                for operand in rest {
                    let v = self.eval(&operand.expr)?;
                    acc = match operand.op {
                        BinOp::Add => self.add(acc, v, operand.column, UnitAction::Add),
                        BinOp::Sub => {
                            self.add(acc, negate(v), operand.column, UnitAction::Subtract)
                        }
                        BinOp::Mul => multiply(acc, v),
                        BinOp::Div => self.divide(acc, v, &operand.expr)?,
                    };
                    acc = too_large(acc, operand.column)?;
                }
                Ok(acc)
            }
            ExprKind::Call { func, args } => self.call(*func, args),
        }
    }

    fn fact(&mut self, name: &'e str, column: u32) -> Result<&Quantity, EvalError> {
        let known = self.facts.list.iter().any(|(n, _)| *n == name);
        if known || self.facts.add(name, self.lookup) {
            if let Some(quantity) = self.facts.get(name) {
                return Ok(quantity);
            }
        }
        Err(EvalError::UnknownName {
            name: name.to_string(),
            column,
        })
    }

    fn warn_if_conflict(&mut self, left: &Value, right: &Value, column: u32, action: UnitAction) {
        if left.dim.conflicts(&right.dim) {
            self.warnings.push(EvalWarning::UnitMismatch {
                left: left.unit.text().to_string(),
                right: right.unit.text().to_string(),
                column,
                action,
            });
        }
    }

    /// `a + b` (or `a - b`, with `b` already negated): the units must agree.
    fn add(&mut self, a: Value, b: Value, column: u32, action: UnitAction) -> Value {
        self.warn_if_conflict(&a, &b, column, action);
        let iv = a.iv.add(&b.iv);
        let nominal = if iv.is_exact() {
            iv.lo
        } else {
            a.nominal + b.nominal
        };
        let (dim, unit) = combined_unit(a, b);
        Value {
            iv,
            nominal,
            dim,
            unit,
        }
    }

    fn divide(&mut self, a: Value, b: Value, divisor: &Expr) -> Result<Value, EvalError> {
        let iv = match a.iv.div(&b.iv) {
            Ok(iv) if !b.nominal.is_zero() => iv,
            _ => return Err(self.division_by_zero(divisor, &b)),
        };
        let nominal = if iv.is_exact() {
            iv.lo
        } else {
            a.nominal / b.nominal
        };
        let (dim, unit) = match (&a.dim, &b.dim) {
            (Dimension::Named(_), Dimension::Named(_)) if !a.dim.conflicts(&b.dim) => {
                (Dimension::Ratio, self.ratio_text())
            }
            (Dimension::Ratio, Dimension::Ratio) => (Dimension::Ratio, self.ratio_text()),
            (_, Dimension::Ratio) => (a.dim, a.unit),
            _ => (Dimension::Unknown, UnitText::Fixed("")),
        };
        Ok(Value {
            iv,
            nominal,
            dim,
            unit,
        })
    }

    fn division_by_zero(&self, divisor: &Expr, value: &Value) -> EvalError {
        EvalError::DivisionByZero {
            column: divisor.span.start,
            divisor: render::describe_divisor(divisor, value, &self.facts),
        }
    }

    fn ratio_text(&self) -> UnitText {
        UnitText::Fixed(self.lang.pick("ratio", "比率"))
    }

    fn call(&mut self, func: Func, args: &'e [Expr]) -> Result<Value, EvalError> {
        let mut values = Vec::with_capacity(args.len());
        for arg in args {
            values.push(self.eval(arg)?);
        }
        let mut values = values.into_iter().zip(args.iter().map(|a| a.span.start));
        // The parser checked the number of arguments; a missing one is still no reason to panic.
        let Some((first, _)) = values.next() else {
            return Ok(Value {
                iv: Interval::exact(Rational::zero()),
                nominal: Rational::zero(),
                dim: Dimension::Unknown,
                unit: UnitText::Fixed(""),
            });
        };
        match func {
            Func::Sum => Ok(values.fold(first, |acc, (v, column)| {
                self.add(acc, v, column, UnitAction::Combine)
            })),
            Func::Min | Func::Max => Ok(values.fold(first, |acc, (v, column)| {
                self.warn_if_conflict(&acc, &v, column, UnitAction::Combine);
                let (iv, nominal) = if func == Func::Min {
                    (acc.iv.min(&v.iv), *(&acc.nominal).min(&v.nominal))
                } else {
                    (acc.iv.max(&v.iv), *(&acc.nominal).max(&v.nominal))
                };
                let (dim, unit) = combined_unit(acc, v);
                Value {
                    iv,
                    nominal,
                    dim,
                    unit,
                }
            })),
            Func::Abs => Ok(Value {
                iv: first.iv.abs(),
                nominal: first.nominal.abs(),
                ..first
            }),
            Func::Change => {
                let Some(((before, column), divisor)) = values.next().zip(args.get(1)) else {
                    return Ok(first);
                };
                self.warn_if_conflict(&first, &before, column, UnitAction::Combine);
                // now / before − 1 is the same as (now − before) / before, with a tighter interval.
                let ratio = match first.iv.div(&before.iv) {
                    Ok(iv) if !before.nominal.is_zero() => iv,
                    _ => return Err(self.division_by_zero(divisor, &before)),
                };
                let iv = ratio.sub(&Interval::exact(Rational::one()));
                let nominal = if iv.is_exact() {
                    iv.lo
                } else {
                    first.nominal / before.nominal - Rational::one()
                };
                Ok(Value {
                    iv,
                    nominal,
                    dim: Dimension::Ratio,
                    unit: self.ratio_text(),
                })
            }
        }
    }
}

/// A value that no longer fits the exact arithmetic is an error at `column`, not a wrong number.
fn too_large(value: Value, column: u32) -> Result<Value, EvalError> {
    let ends = [&value.iv.lo, &value.iv.hi, &value.nominal];
    if ends.iter().any(|end| end.is_overflow()) {
        Err(EvalError::TooLarge { column })
    } else {
        Ok(value)
    }
}

/// The unit of a sum or of `min`/`max`: the first operand's, unless it has none.
fn combined_unit(a: Value, b: Value) -> (Dimension, UnitText) {
    if a.dim == Dimension::Unknown {
        (b.dim, b.unit)
    } else {
        (a.dim, a.unit)
    }
}

fn negate(v: Value) -> Value {
    Value {
        iv: v.iv.neg(),
        nominal: -v.nominal,
        ..v
    }
}

/// Anything times a ratio keeps its unit; other products have none we can name.
fn multiply(a: Value, b: Value) -> Value {
    let iv = a.iv.mul(&b.iv);
    let nominal = if iv.is_exact() {
        iv.lo
    } else {
        a.nominal * b.nominal
    };
    let (dim, unit) = if b.dim == Dimension::Ratio {
        (a.dim, a.unit)
    } else if a.dim == Dimension::Ratio {
        (b.dim, b.unit)
    } else {
        (Dimension::Unknown, UnitText::Fixed(""))
    };
    Value {
        iv,
        nominal,
        dim,
        unit,
    }
}
