//! Intervals of exact rationals: the set of true values a printed figure can stand for.
//!
//! All arithmetic is exact; nothing here ever rounds. Each end is closed or open: a figure rounded
//! to the nearest stands for a closed interval (95.5 → [95.45, 95.55], whatever the tie rule), a
//! truncated one for a half-open one (95.5 → [95.5, 95.6): 95.6 would have been printed 95.6).
//! An interval whose two ends are equal is an exact value (and closed).

use num_traits::Zero;

pub use crate::rational::Rational;

/// The interval from `lo` to `hi`, with `lo <= hi`; `lo_open` / `hi_open`: that end is excluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Rational,
    pub hi: Rational,
    pub lo_open: bool,
    pub hi_open: bool,
}

/// Division by an interval that contains zero has no meaningful result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DivisionByZero;

/// One end of an interval: its value and whether it is excluded.
type End = (Rational, bool);

impl Interval {
    /// The exact value `v`.
    pub fn exact(v: Rational) -> Self {
        Interval::new(v, v)
    }

    /// `[lo, hi]`; the ends are swapped if given in the wrong order.
    pub fn new(lo: Rational, hi: Rational) -> Self {
        Interval::with_ends((lo, false), (hi, false))
    }

    /// From two ends in either order; an open end on an exact value is closed (never empty).
    pub fn with_ends(a: End, b: End) -> Self {
        let ((lo, lo_open), (hi, hi_open)) = if a.0 <= b.0 { (a, b) } else { (b, a) };
        let point = lo == hi;
        Interval {
            lo,
            hi,
            lo_open: lo_open && !point,
            hi_open: hi_open && !point,
        }
    }

    /// `value ± half_width`, closed.
    pub fn around(value: &Rational, half_width: &Rational) -> Self {
        Interval::new(value - half_width, value + half_width)
    }

    pub fn from_integer(n: i64) -> Self {
        Interval::exact(Rational::from_i64(n))
    }

    pub fn is_exact(&self) -> bool {
        self.lo == self.hi
    }

    /// Whether zero lies in the interval or at an end (open or not): dividing by it is refused.
    pub fn contains_zero(&self) -> bool {
        !self.lo.is_positive() && !self.hi.is_negative()
    }

    pub fn midpoint(&self) -> Rational {
        (self.lo + self.hi) / Rational::from_i64(2)
    }

    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
            lo_open: self.lo_open || other.lo_open,
            hi_open: self.hi_open || other.hi_open,
        }
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    pub fn neg(&self) -> Interval {
        Interval {
            lo: -&self.hi,
            hi: -&self.lo,
            lo_open: self.hi_open,
            hi_open: self.lo_open,
        }
    }

    fn ends(&self) -> [End; 2] {
        [(self.lo, self.lo_open), (self.hi, self.hi_open)]
    }

    /// The product's range is reached at the corners; a corner's value is reached (closed) when
    /// both its ends are, or when one of them is a closed zero (then any value of the other will do).
    pub fn mul(&self, other: &Interval) -> Interval {
        if self.is_exact() && other.is_exact() {
            return Interval::exact(self.lo * other.lo);
        }
        let corner = |(x, xo): End, (y, yo): End| -> End {
            let closed_zero = |v: &Rational, open: bool| v.is_zero() && !open;
            (
                x * y,
                (xo && !closed_zero(&y, yo)) || (yo && !closed_zero(&x, xo)),
            )
        };
        let [a, b] = self.ends();
        let [c, d] = other.ends();
        hull([corner(a, c), corner(a, d), corner(b, c), corner(b, d)])
    }

    pub fn div(&self, other: &Interval) -> Result<Interval, DivisionByZero> {
        if other.contains_zero() {
            return Err(DivisionByZero);
        }
        if self.is_exact() && other.is_exact() {
            return Ok(Interval::exact(self.lo / other.lo));
        }
        // A closed zero numerator gives zero whatever the divisor.
        let corner = |(x, xo): End, (y, yo): End| -> End { (x / y, xo || (yo && !x.is_zero())) };
        let [a, b] = self.ends();
        let [c, d] = other.ends();
        Ok(hull([
            corner(a, c),
            corner(a, d),
            corner(b, c),
            corner(b, d),
        ]))
    }

    pub fn abs(&self) -> Interval {
        if !self.lo.is_negative() {
            self.clone()
        } else if !self.hi.is_positive() {
            self.neg()
        } else {
            // Zero lies inside: it is reached; the top is the farther end.
            let (hi, hi_open) = pick_end((-&self.lo, self.lo_open), (self.hi, self.hi_open), true);
            Interval {
                lo: Rational::zero(),
                hi,
                lo_open: false,
                hi_open,
            }
        }
    }

    /// min(a, b) = −max(−a, −b): one function for both keeps the module small.
    pub fn min(&self, other: &Interval) -> Interval {
        self.neg().max(&other.neg()).neg()
    }

    pub fn max(&self, other: &Interval) -> Interval {
        // The larger of the two highs is reached when either is; the larger of the lows only
        // when both values can reach it.
        let lo = tie_end((self.lo, self.lo_open), (other.lo, other.lo_open), true);
        let hi = pick_end((self.hi, self.hi_open), (other.hi, other.hi_open), true);
        Interval::with_ends(lo, hi)
    }

    /// Whether some value lies in both intervals (an open end does not meet a value equal to it).
    pub fn intersects(&self, other: &Interval) -> bool {
        below((self.lo, self.lo_open), (other.hi, other.hi_open))
            && below((other.lo, other.lo_open), (self.hi, self.hi_open))
    }

    /// The distance between the two intervals: zero when they meet or touch.
    pub fn gap(&self, other: &Interval) -> Rational {
        if self.hi < other.lo {
            other.lo - self.hi
        } else if other.hi < self.lo {
            self.lo - other.hi
        } else {
            Rational::zero()
        }
    }

    /// Multiplies both ends by an exact, positive factor (a unit's scale).
    pub fn scale(&self, factor: &Rational) -> Interval {
        Interval::with_ends(
            (self.lo * factor, self.lo_open),
            (self.hi * factor, self.hi_open),
        )
    }
}

/// The interval's ends as text: "lo…hi" when both are closed, else as intervals are written,
/// "[lo, hi)", so that an excluded end is seen.
pub fn ends_text(iv: &Interval, lo: &str, hi: &str) -> String {
    if !iv.lo_open && !iv.hi_open {
        return [lo, "…", hi].concat();
    }
    let open = if iv.lo_open { "(" } else { "[" };
    let close = if iv.hi_open { ")" } else { "]" };
    [open, lo, ", ", hi, close].concat()
}

/// Some value at or above the low end `lo` is at or below the high end `hi`.
pub fn below(lo: End, hi: End) -> bool {
    lo.0 < hi.0 || (lo.0 == hi.0 && !lo.1 && !hi.1)
}

/// The larger (`larger`) or smaller end; on a tie the end is reached when either reaches it.
fn pick_end(a: End, b: End, larger: bool) -> End {
    if a.0 == b.0 {
        (a.0, a.1 && b.1)
    } else if (a.0 > b.0) == larger {
        a
    } else {
        b
    }
}

/// The larger or smaller end, reached on a tie only when both reach it (the max of two lows).
fn tie_end(a: End, b: End, larger: bool) -> End {
    if a.0 == b.0 {
        (a.0, a.1 || b.1)
    } else {
        pick_end(a, b, larger)
    }
}

fn hull(values: [End; 4]) -> Interval {
    let [a, b, c, d] = values;
    let (mut lo, mut hi) = (a, a);
    for v in [b, c, d] {
        lo = pick_end(lo, v, false);
        hi = pick_end(hi, v, true);
    }
    Interval::with_ends(lo, hi)
}
#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> Rational {
        Rational::new(n.into(), d.into())
    }

    fn iv(lo: (i64, i64), hi: (i64, i64)) -> Interval {
        Interval::new(r(lo.0, lo.1), r(hi.0, hi.1))
    }

    #[test]
    fn arithmetic_on_ends() {
        let a = iv((1, 1), (2, 1));
        let b = iv((-3, 1), (4, 1));
        assert_eq!(a.add(&b), iv((-2, 1), (6, 1)));
        assert_eq!(a.sub(&b), iv((-3, 1), (5, 1)));
        assert_eq!(a.mul(&b), iv((-6, 1), (8, 1)));
        assert_eq!(b.abs(), iv((0, 1), (4, 1)));
        assert_eq!(a.neg(), iv((-2, 1), (-1, 1)));
    }

    #[test]
    fn division_by_interval_containing_zero_is_refused() {
        let a = Interval::from_integer(1);
        assert_eq!(a.div(&iv((-1, 2), (1, 2))), Err(DivisionByZero));
        assert_eq!(a.div(&Interval::from_integer(0)), Err(DivisionByZero));
        assert_eq!(a.div(&iv((1, 2), (1, 1))).unwrap(), iv((1, 1), (2, 1)));
    }

    #[test]
    fn success_rate_example_intersects() {
        // 95.5% printed means [95.45%, 95.55%]; 10388 / 10876 = 95.513...%
        let printed = Interval::around(&r(955, 1000), &r(5, 10000));
        let computed = Interval::from_integer(10388)
            .div(&Interval::from_integer(10876))
            .unwrap();
        assert!(printed.intersects(&computed));
        assert!(!Interval::around(&r(956, 1000), &r(5, 10000)).intersects(&computed));
    }

    #[test]
    fn gap_is_distance_between_ends() {
        assert_eq!(
            Interval::from_integer(68).gap(&Interval::from_integer(69)),
            r(1, 1)
        );
        assert_eq!(iv((1, 1), (3, 1)).gap(&iv((2, 1), (5, 1))), r(0, 1));
    }

    fn half_open(lo: (i64, i64), hi: (i64, i64)) -> Interval {
        Interval::with_ends((r(lo.0, lo.1), false), (r(hi.0, hi.1), true))
    }

    #[test]
    fn open_ends_are_never_reached() {
        // A truncated 95.5 is [95.5, 95.6): it does not meet 95.6, it meets 95.59.
        let t = half_open((955, 10), (956, 10));
        assert!(!t.intersects(&Interval::exact(r(956, 10))));
        assert!(t.intersects(&Interval::exact(r(9559, 100))));
        assert!(t.intersects(&Interval::exact(r(955, 10))));
        // Sums and differences: open when either end is.
        let s = t.add(&Interval::from_integer(1));
        assert!(s.hi_open && !s.lo_open);
        let d = Interval::from_integer(0).sub(&t);
        assert!(d.lo_open && !d.hi_open);
        // A closed zero factor reaches zero whatever the other's ends.
        let z = Interval::new(r(0, 1), r(1, 1)).mul(&half_open((1, 1), (2, 1)));
        assert!(!z.lo_open && z.hi_open);
        let open_zero = Interval::with_ends((r(0, 1), true), (r(1, 1), false));
        let p = open_zero.mul(&Interval::exact(r(0, 1)));
        assert_eq!(p, Interval::exact(r(0, 1)));
        let q = Interval::from_integer(1)
            .div(&half_open((1, 1), (2, 1)))
            .unwrap();
        assert!(q.lo_open && !q.hi_open);
        // min of two highs is reached only when both are; the max of two highs when either is.
        let a = half_open((0, 1), (1, 1));
        let b = Interval::new(r(0, 1), r(1, 1));
        assert!(a.min(&b).hi_open && !a.max(&b).hi_open && !a.min(&b).lo_open);
    }
}
