//! Exact decisions for checks that use a figure more than once (`a / (a + b)`, `x - y` beside
//! `change(x, y)`).
//!
//! Interval arithmetic lets each occurrence of a figure take its own value, which widens the
//! range: a wrong figure could pass. Here the figures used more than once ("repeated") share one
//! value. At a point of their box, every other figure occurs once, so interval arithmetic is exact
//! there; over a sub-box it is a superset. Branch and bound on the box then decides: a sub-box
//! whose superset fails holds no solution; a point that satisfies the check proves it. The work is
//! bounded; when the bound is hit the check passes, as the wider range says, with a note.

use std::collections::VecDeque;

use super::eval::{evaluate_sides, holds_on_intervals, Facts};
use super::{CmpOp, Comparison};
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
    let mut boxes: VecDeque<Vec<Interval>> = VecDeque::new();
    boxes.push_back(whole);
    let (mut above, mut below) = (false, false);
    let mut tried = 0;
    while let Some(b) = boxes.pop_front() {
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
        for point in points(&b) {
            let Some((l, r)) = sides(cmp, facts, &repeated, &point) else {
                return Some(Decision::Undecided);
            };
            if holds_on_intervals(cmp.op, &l, &r) {
                return Some(Decision::Holds);
            }
            // The difference of the sides is continuous over the (connected) box: a value on
            // either side of zero means it is zero somewhere between.
            let d = l.sub(&r);
            above |= d.lo.is_positive();
            below |= d.hi.is_negative();
            if cmp.op == CmpOp::Eq && above && below {
                return Some(Decision::Holds);
            }
        }
        let (left, right) = split(&b, &widths);
        boxes.push_back(left);
        boxes.push_back(right);
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

/// Points of the box to try: its centre, then the corners whose ends are all reached (up to
/// eight corners; beyond three repeated figures, only the lowest and the highest).
fn points(b: &[Interval]) -> Vec<Vec<Interval>> {
    let centre = b.iter().map(|iv| Interval::exact(iv.midpoint())).collect();
    let mut points = vec![centre];
    let corners: Vec<u32> = if b.len() <= 3 {
        (0..1u32 << b.len()).collect()
    } else {
        vec![0, u32::MAX]
    };
    'corner: for mask in corners {
        let mut point = Vec::with_capacity(b.len());
        for (i, iv) in b.iter().enumerate() {
            let high = mask >> i.min(31) & 1 == 1;
            let (end, open) = if high {
                (iv.hi, iv.hi_open)
            } else {
                (iv.lo, iv.lo_open)
            };
            if open {
                continue 'corner;
            }
            point.push(Interval::exact(end));
        }
        points.push(point);
    }
    points
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
