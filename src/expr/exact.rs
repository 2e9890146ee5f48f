//! Exact decisions for checks that use a figure more than once (`a / (a + b)`, `x - y` beside
//! `change(x, y)`).
//!
//! Interval arithmetic lets each occurrence of a figure take its own value, which widens the
//! range: a wrong figure could pass. Here the figures used more than once ("repeated") share one
//! value. At a point of their box, every other figure occurs once, so interval arithmetic is exact
//! there; over a sub-box it is a superset. Branch and bound on the box then decides: a sub-box
//! whose superset fails holds no solution; a point that satisfies the check proves it. Where the
//! difference of the sides is monotone in a figure over a box (its derivative, computed over
//! intervals, keeps one sign), the box is replaced by its two faces at that figure's ends, which is
//! exact (`a / (a + b)` in `a` is decided at once). The work is bounded; when the bound is hit
//! the check passes, as the wider range says, with a note.

use super::eval::{evaluate_sides, holds_on_intervals, Facts};
use super::{BinOp, CmpOp, Comparison, Expr, ExprKind, Func};
use crate::interval::{Interval, Rational};
use crate::Lang;

/// At most this many boxes are tried per check (each: one evaluation and a few points).
const MAX_BOXES: usize = 48;

/// How a check with repeated figures came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Holds,
    Fails,
    /// The bound on the work was hit before a decision: it passes, on the wider range.
    Undecided,
}

/// Decides `cmp` exactly, given the interval result `widened` (which treats every occurrence
/// on its own, so its failure is already final). `None`: no figure is repeated, `widened` is exact.
pub(super) fn decide(cmp: &Comparison, facts: &Facts, widened: bool) -> Option<Decision> {
    let repeated = repeated(cmp, facts);
    if repeated.is_empty() {
        return None;
    }
    if !widened {
        return Some(Decision::Fails);
    }
    let whole: Vec<Interval> = repeated.iter().map(|(_, iv)| iv.clone()).collect();
    let widths: Vec<Rational> = whole.iter().map(|iv| iv.hi - iv.lo).collect();
    // A box, and whether it is a face at an open end (its points are limits, not values).
    // Breadth first: a queue in a list, read at `tried`; at most 2 × MAX_BOXES long.
    let mut boxes: Vec<(Vec<Interval>, bool)> = vec![(whole, false)];
    let (mut above, mut below) = (false, false);
    let mut tried = 0;
    while let Some((b, limit)) = boxes.get(tried).cloned() {
        if tried == MAX_BOXES {
            return Some(Decision::Undecided);
        }
        tried += 1;
        // The superset over this box (the whole box's is `widened`, already known to hold).
        if tried > 1 {
            match sides(cmp, facts, &repeated, &b) {
                Some((l, r)) if !holds_on_intervals(cmp.op, &l, &r) => continue,
                Some(_) => {}
                None => return Some(Decision::Undecided),
            }
        }
        for (point, at_limit) in points(&b) {
            let Some((l, r)) = sides(cmp, facts, &repeated, &point) else {
                return Some(Decision::Undecided);
            };
            // At a limit only a strict answer carries over to the values nearby.
            if !limit && !at_limit && holds_on_intervals(cmp.op, &l, &r) {
                return Some(Decision::Holds);
            }
            // The difference of the sides is continuous over the (connected) box: a value on
            // either side of zero means it is zero somewhere between.
            let d = l.sub(&r);
            above |= d.lo.is_positive();
            below |= d.hi.is_negative();
            let strict = match cmp.op {
                CmpOp::Eq => above && below,
                CmpOp::Lt | CmpOp::Le => below,
                CmpOp::Gt | CmpOp::Ge => above,
                CmpOp::Ne => above || below,
            };
            if strict {
                return Some(Decision::Holds);
            }
        }
        match monotone_in(cmp, facts, &repeated, &b) {
            Some(i) => {
                for (end, open) in [(b[i].lo, b[i].lo_open), (b[i].hi, b[i].hi_open)] {
                    let mut face = b.clone();
                    face[i] = Interval::exact(end);
                    boxes.push((face, limit || open));
                }
            }
            None => {
                let (left, right) = split(&b, &widths);
                boxes.push((left, limit));
                boxes.push((right, limit));
            }
        }
    }
    Some(Decision::Fails)
}

/// The figures the comparison uses more than once and that are not exact, with their ranges.
fn repeated(cmp: &Comparison, facts: &Facts) -> Vec<(String, Interval)> {
    let mut names: Vec<(&str, u32)> = Vec::new();
    let mut count = |name, _| match names.iter_mut().find(|(n, _)| *n == name) {
        Some((_, c)) => *c += 1,
        None => names.push((name, 1)),
    };
    cmp.lhs.visit_facts(&mut count);
    cmp.rhs.visit_facts(&mut count);
    names
        .into_iter()
        .filter(|(_, c)| *c > 1)
        .filter_map(|(name, _)| {
            let q = facts.get(name)?;
            (!q.interval.is_exact()).then(|| (name.to_string(), q.interval.clone()))
        })
        .collect()
}

/// The two sides with the repeated figures set to `values`; `None` on any error.
fn sides(
    cmp: &Comparison,
    facts: &Facts,
    repeated: &[(String, Interval)],
    values: &[Interval],
) -> Option<(Interval, Interval)> {
    let lookup = |name: &str| {
        let mut q = facts.get(name)?.clone();
        if let Some(i) = repeated.iter().position(|(n, _)| n == name) {
            q.interval = values.get(i)?.clone();
        }
        Some(q)
    };
    let (_, l, r) = evaluate_sides(cmp, &lookup, Lang::En).ok()?;
    Some((l.iv, r.iv))
}

/// Points of the box to try, each with whether it lies at an open end: its centre, then its
/// corners (up to eight; beyond three repeated figures, only the lowest and the highest).
fn points(b: &[Interval]) -> Vec<(Vec<Interval>, bool)> {
    let centre = b.iter().map(|iv| Interval::exact(iv.midpoint())).collect();
    let mut points = vec![(centre, false)];
    let corners: Vec<u32> = if b.len() <= 3 {
        (0..1u32 << b.len()).collect()
    } else {
        vec![0, u32::MAX]
    };
    for mask in corners {
        let mut open = false;
        let point = b
            .iter()
            .enumerate()
            .map(|(i, iv)| {
                let (end, o) = if mask >> i.min(31) & 1 == 1 {
                    (iv.hi, iv.hi_open)
                } else {
                    (iv.lo, iv.lo_open)
                };
                open |= o;
                Interval::exact(end)
            })
            .collect();
        points.push((point, open));
    }
    points
}

/// A repeated figure in which the difference of the sides is monotone over the box (and that is
/// not yet a point), by its derivative over intervals.
fn monotone_in(
    cmp: &Comparison,
    facts: &Facts,
    repeated: &[(String, Interval)],
    b: &[Interval],
) -> Option<usize> {
    (0..b.len()).find(|&i| {
        let over = Over {
            facts,
            repeated,
            b,
            by: i,
        };
        let Some(((_, l), (_, r))) = over.dual(&cmp.lhs).zip(over.dual(&cmp.rhs)) else {
            return false;
        };
        let d = l.sub(&r);
        // An end beyond 128 bits says nothing: no claim of monotony is made on it.
        let fits = !d.lo.is_overflow() && !d.hi.is_overflow();
        !b[i].is_exact() && fits && (d.lo.is_positive() || d.hi.is_negative())
    })
}

/// A value over a box and its derivative in one repeated figure (forward mode, over intervals).
type Dual = (Interval, Interval);

/// The box, and the repeated figure (`by`) to differentiate in.
struct Over<'a> {
    facts: &'a Facts,
    repeated: &'a [(String, Interval)],
    b: &'a [Interval],
    by: usize,
}

fn constant(v: Interval) -> Dual {
    (v, Interval::exact(Rational::from_integer(0)))
}

impl Over<'_> {
    /// `None` where the derivative is not defined (a divisor that can be zero, `min` or `abs` at
    /// a kink): the box is then bisected instead.
    fn dual(&self, e: &Expr) -> Option<Dual> {
        match &e.kind {
            ExprKind::Number(n) => Some(constant(Interval::exact(n.value))),
            ExprKind::Fact(name) => match self.repeated.iter().position(|(n, _)| n == name) {
                Some(i) => Some((
                    self.b[i].clone(),
                    Interval::exact(Rational::from_integer(i128::from(i == self.by))),
                )),
                None => Some(constant(self.facts.get(name)?.interval.clone())),
            },
            ExprKind::Neg(inner) => Some(neg(self.dual(inner)?)),
            ExprKind::Group(inner) => self.dual(inner),
            ExprKind::Chain { first, rest } => {
                let mut acc = self.dual(first)?;
                for operand in rest {
                    let v = self.dual(&operand.expr)?;
                    acc = match operand.op {
                        BinOp::Add => add(acc, v),
                        BinOp::Sub => add(acc, neg(v)),
                        BinOp::Mul => mul(acc, v),
                        BinOp::Div => div(acc, v)?,
                    };
                }
                Some(acc)
            }
            ExprKind::Call { func, args } => {
                let mut values = args.iter().map(|a| self.dual(a));
                let first = values.next()??;
                match func {
                    Func::Sum => values.try_fold(first, |acc, v| Some(add(acc, v?))),
                    Func::Change => {
                        let one = constant(Interval::exact(Rational::from_integer(1)));
                        Some(add(div(first, values.next()??)?, neg(one)))
                    }
                    Func::Abs if first.0.lo.is_positive() => Some(first),
                    Func::Abs if first.0.hi.is_negative() => Some(neg(first)),
                    // min, max: differentiable where one argument stays below the others.
                    Func::Min | Func::Max => values.try_fold(first, |acc, v| {
                        let v = v?;
                        let acc_below = acc.0.hi < v.0.lo;
                        let v_below = v.0.hi < acc.0.lo;
                        match (acc_below || v_below, acc_below == (*func == Func::Min)) {
                            (false, _) => None,
                            (true, true) => Some(acc),
                            (true, false) => Some(v),
                        }
                    }),
                    Func::Abs => None,
                }
            }
        }
    }
}

fn neg((v, d): Dual) -> Dual {
    (v.neg(), d.neg())
}

fn add((v, d): Dual, (w, e): Dual) -> Dual {
    (v.add(&w), d.add(&e))
}

/// (vw)' = v'w + vw'
fn mul((v, d): Dual, (w, e): Dual) -> Dual {
    (v.mul(&w), d.mul(&w).add(&v.mul(&e)))
}

/// (v/w)' = (v'w − vw') / w²
fn div((v, d): Dual, (w, e): Dual) -> Option<Dual> {
    let derivative = d.mul(&w).sub(&v.mul(&e)).div(&w.mul(&w)).ok()?;
    Some((v.div(&w).ok()?, derivative))
}

/// Halves the box along its widest side, relative to the whole box's (`widths`: a percentage and
/// a count compare by how far each was narrowed); the middle is closed on both halves, so no value
/// is lost.
fn split(b: &[Interval], widths: &[Rational]) -> (Vec<Interval>, Vec<Interval>) {
    let width = |i: usize| (b[i].hi - b[i].lo) / widths[i];
    let mut widest = 0;
    for i in 1..b.len() {
        if width(i) > width(widest) {
            widest = i;
        }
    }
    let (mut left, mut right) = (b.to_vec(), b.to_vec());
    let iv = &b[widest];
    let middle: Rational = iv.midpoint();
    left[widest] = Interval::with_ends((iv.lo, iv.lo_open), (middle, false));
    right[widest] = Interval::with_ends((middle, false), (iv.hi, iv.hi_open));
    (left, right)
}

impl Decision {
    /// What the arithmetic adds for this decision, if anything.
    pub fn note(self, lang: Lang) -> Option<&'static str> {
        match self {
            Decision::Holds => None,
            Decision::Fails => Some(lang.pick(
                "no values within the figures' precision satisfy it once each figure used twice takes one value",
                "同一数字多次出现时取同一数值,在各数字的精度范围内无法成立",
            )),
            Decision::Undecided => Some(lang.pick(
                "a figure is used more than once and its exact range was not worked out: passed on the wider range",
                "有数字多次出现,未能算出其精确范围:按较宽的范围判为通过",
            )),
        }
    }
}
