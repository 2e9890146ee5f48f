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

/// At most this many boxes are tried per check (each: two evaluations and a derivative).
const MAX_BOXES: usize = 48;

/// How a check with repeated figures came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    Holds,
    Fails,
    /// The bound on the work was hit before a decision: it passes, on the wider range.
    Undecided,
}

/// The repeated figures (by name) and the check, to evaluate over a box of their values.
struct Over<'a> {
    cmp: &'a Comparison,
    facts: &'a Facts<'a>,
    names: Vec<&'a str>,
}

/// Decides `cmp` exactly, given the interval result `widened` (which treats every occurrence
/// on its own, so its failure is already final). `None`: no figure is repeated, `widened` is exact.
pub(super) fn decide<'a>(
    cmp: &'a Comparison,
    facts: &'a Facts<'a>,
    widened: bool,
) -> Option<Decision> {
    // Most checks use each figure once (as many uses as distinct facts): nothing to decide.
    let mut uses = 0;
    cmp.lhs.visit_facts(&mut |_, _| uses += 1);
    cmp.rhs.visit_facts(&mut |_, _| uses += 1);
    if uses <= facts.iter().count() {
        return None;
    }
    let mut names: Vec<(&str, u32)> = Vec::new();
    let mut count = |name, _| match names.iter_mut().find(|(n, _)| *n == name) {
        Some((_, c)) => *c += 1,
        None => names.push((name, 1)),
    };
    cmp.lhs.visit_facts(&mut count);
    cmp.rhs.visit_facts(&mut count);
    let mut over = Over {
        cmp,
        facts,
        names: Vec::new(),
    };
    let mut whole = Vec::new();
    for (name, n) in names {
        match facts.get(name) {
            Some(q) if n > 1 && !q.interval.is_exact() => {
                over.names.push(name);
                whole.push(q.interval.clone());
            }
            _ => {}
        }
    }
    if whole.is_empty() {
        return None;
    }
    if !widened {
        return Some(Decision::Fails);
    }
    let widths: Vec<Rational> = whole.iter().map(|iv| iv.hi - iv.lo).collect();
    // Breadth first: a queue in a list, read at `tried`; each box with whether it is a face at an
    // open end (its points are limits, not values).
    let mut boxes = vec![(whole, false)];
    let (mut above, mut below) = (false, false);
    let mut tried = 0;
    while tried < boxes.len() {
        if tried == MAX_BOXES {
            return Some(Decision::Undecided);
        }
        let (b, limit) = std::mem::take(&mut boxes[tried]);
        tried += 1;
        let Some((l, r)) = over.sides(&b) else {
            return Some(Decision::Undecided);
        };
        // At the box's centre every figure has one value: exact. At a limit (a face at an open
        // end) only a strict answer carries over to the values nearby.
        let centre: Vec<Interval> = b.iter().map(|iv| Interval::exact(iv.midpoint())).collect();
        let Some((cl, cr)) = over.sides(&centre) else {
            return Some(Decision::Undecided);
        };
        if !limit && holds_on_intervals(cmp.op, &cl, &cr) {
            return Some(Decision::Holds);
        }
        // The difference of the sides is continuous over the (connected) box: values on either
        // side of zero mean it is zero somewhere between. Over the whole of this box, or at its
        // centre, the difference may keep one sign.
        for d in [l.sub(&r), cl.sub(&cr)] {
            above |= d.lo.is_positive();
            below |= d.hi.is_negative();
        }
        let strict = match cmp.op {
            CmpOp::Eq => above && below,
            CmpOp::Lt | CmpOp::Le => below,
            CmpOp::Gt | CmpOp::Ge => above,
            CmpOp::Ne => above || below,
        };
        if strict {
            return Some(Decision::Holds);
        }
        // The superset over this box: none of its values satisfy the check when it fails.
        if !holds_on_intervals(cmp.op, &l, &r) {
            continue;
        }
        match over.monotone_in(&b) {
            // Monotone in figure i: its extremes are at i's ends, the box is its two faces there.
            Some(i) => {
                for (end, open) in [(b[i].lo, b[i].lo_open), (b[i].hi, b[i].hi_open)] {
                    let mut face = b.clone();
                    face[i] = Interval::exact(end);
                    boxes.push((face, limit || open));
                }
            }
            None => {
                // Halves the box along its widest side, relative to the whole box's (a
                // percentage and a count compare by how far each was narrowed); the middle is
                // closed on both halves, so no value is lost.
                let width = |i: usize| (b[i].hi - b[i].lo) / widths[i];
                let widest = (1..b.len()).fold(0, |w, i| if width(i) > width(w) { i } else { w });
                let (mut left, mut right) = (b.clone(), b);
                let iv = &left[widest];
                let middle = iv.midpoint();
                left[widest] = Interval::with_ends((iv.lo, iv.lo_open), (middle, false));
                let iv = &right[widest];
                right[widest] = Interval::with_ends((middle, false), (iv.hi, iv.hi_open));
                boxes.push((left, limit));
                boxes.push((right, limit));
            }
        }
    }
    Some(Decision::Fails)
}

/// A value over a box and its derivative in one repeated figure (forward mode, over intervals).
type Dual = (Interval, Interval);

impl Over<'_> {
    /// The two sides with the repeated figures set to `values`; `None` on any error (then the
    /// check is undecided, and passes on the wider range).
    fn sides(&self, values: &[Interval]) -> Option<(Interval, Interval)> {
        let lookup = |name: &str| {
            let mut q = self.facts.get(name)?.clone();
            if let Some(i) = self.names.iter().position(|n| *n == name) {
                q.interval = values[i].clone();
            }
            Some(q)
        };
        let (_, l, r) = evaluate_sides(self.cmp, &lookup, Lang::En).ok()?;
        Some((l.iv, r.iv))
    }

    /// A repeated figure in which the difference of the sides is monotone over the box (and
    /// that is not yet a point), by its derivative over intervals.
    fn monotone_in(&self, b: &[Interval]) -> Option<usize> {
        (0..b.len()).find(|&i| {
            let dual = |e| self.dual(e, b, i);
            let Some(((_, l), (_, r))) = dual(&self.cmp.lhs).zip(dual(&self.cmp.rhs)) else {
                return false;
            };
            let d = l.sub(&r);
            // An end beyond 128 bits says nothing: no claim of monotony is made on it.
            let fits = !d.lo.is_overflow() && !d.hi.is_overflow();
            !b[i].is_exact() && fits && (d.lo.is_positive() || d.hi.is_negative())
        })
    }

    /// `e` over the box `b` with its derivative in figure `by`. `None` where that is not
    /// defined or not worth it (a divisor that can be zero, `abs`, `min`, `max`): the box is then
    /// bisected instead.
    fn dual(&self, e: &Expr, b: &[Interval], by: usize) -> Option<Dual> {
        let constant = |v| (v, Interval::exact(Rational::from_integer(0)));
        Some(match &e.kind {
            ExprKind::Number(n) => constant(Interval::exact(n.value)),
            ExprKind::Fact(name) => match self.names.iter().position(|n| n == name) {
                Some(i) => (
                    b[i].clone(),
                    Interval::exact(Rational::from_integer(i128::from(i == by))),
                ),
                None => constant(self.facts.get(name)?.interval.clone()),
            },
            ExprKind::Neg(inner) => neg(self.dual(inner, b, by)?),
            ExprKind::Group(inner) => self.dual(inner, b, by)?,
            ExprKind::Chain { first, rest } => {
                let mut acc = self.dual(first, b, by)?;
                for operand in rest {
                    let v = self.dual(&operand.expr, b, by)?;
                    acc = match operand.op {
                        BinOp::Add => add(acc, v),
                        BinOp::Sub => add(acc, neg(v)),
                        BinOp::Mul => mul(acc, v),
                        BinOp::Div => div(acc, v)?,
                    };
                }
                acc
            }
            ExprKind::Call {
                func: func @ (Func::Sum | Func::Change),
                args,
            } => {
                let mut acc = self.dual(args.first()?, b, by)?;
                for arg in &args[1..] {
                    let v = self.dual(arg, b, by)?;
                    acc = if *func == Func::Sum {
                        add(acc, v)
                    } else {
                        let one = constant(Interval::exact(Rational::from_integer(1)));
                        add(div(acc, v)?, neg(one))
                    };
                }
                acc
            }
            ExprKind::Call { .. } => return None,
        })
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
