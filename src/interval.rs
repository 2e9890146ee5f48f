//! Closed intervals of exact rationals: the set of true values a printed figure can stand for.
//!
//! All arithmetic is exact (`BigRational`); nothing here ever rounds. An interval whose two ends
//! are equal is an exact value.

use num_traits::Zero;

pub use crate::rational::Rational;

/// The closed interval `[lo, hi]`, with `lo <= hi`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Rational,
    pub hi: Rational,
}

/// Division by an interval that contains zero has no meaningful result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DivisionByZero;

impl Interval {
    /// The exact value `v`.
    pub fn exact(v: Rational) -> Self {
        Interval { lo: v, hi: v }
    }

    /// `[lo, hi]`; the ends are swapped if given in the wrong order.
    pub fn new(lo: Rational, hi: Rational) -> Self {
        if lo <= hi {
            Interval { lo, hi }
        } else {
            Interval { lo: hi, hi: lo }
        }
    }

    /// `value ± half_width`.
    pub fn around(value: &Rational, half_width: &Rational) -> Self {
        Interval::new(value - half_width, value + half_width)
    }

    pub fn from_integer(n: i64) -> Self {
        Interval::exact(Rational::from_i64(n))
    }

    pub fn is_exact(&self) -> bool {
        self.lo == self.hi
    }

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
        }
    }

    pub fn sub(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo - other.hi,
            hi: self.hi - other.lo,
        }
    }

    pub fn neg(&self) -> Interval {
        Interval {
            lo: -&self.hi,
            hi: -&self.lo,
        }
    }

    pub fn mul(&self, other: &Interval) -> Interval {
        if self.is_exact() && other.is_exact() {
            return Interval::exact(self.lo * other.lo);
        }
        let products = [
            self.lo * other.lo,
            self.lo * other.hi,
            self.hi * other.lo,
            self.hi * other.hi,
        ];
        hull(products)
    }

    pub fn div(&self, other: &Interval) -> Result<Interval, DivisionByZero> {
        if other.contains_zero() {
            return Err(DivisionByZero);
        }
        if self.is_exact() && other.is_exact() {
            return Ok(Interval::exact(self.lo / other.lo));
        }
        let quotients = [
            self.lo / other.lo,
            self.lo / other.hi,
            self.hi / other.lo,
            self.hi / other.hi,
        ];
        Ok(hull(quotients))
    }

    pub fn abs(&self) -> Interval {
        if !self.lo.is_negative() {
            self.clone()
        } else if !self.hi.is_positive() {
            self.neg()
        } else {
            let hi = if -&self.lo > self.hi {
                -&self.lo
            } else {
                self.hi
            };
            Interval {
                lo: Rational::zero(),
                hi,
            }
        }
    }

    pub fn min(&self, other: &Interval) -> Interval {
        Interval {
            lo: *(&self.lo).min(&other.lo),
            hi: *(&self.hi).min(&other.hi),
        }
    }

    pub fn max(&self, other: &Interval) -> Interval {
        Interval {
            lo: *(&self.lo).max(&other.lo),
            hi: *(&self.hi).max(&other.hi),
        }
    }

    /// Whether some value lies in both intervals.
    pub fn intersects(&self, other: &Interval) -> bool {
        self.lo <= other.hi && other.lo <= self.hi
    }

    /// The distance between the two intervals: zero when they meet.
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
        Interval::new(self.lo * factor, self.hi * factor)
    }
}

fn hull(values: [Rational; 4]) -> Interval {
    let [a, b, c, d] = values;
    let mut lo = a;
    let mut hi = a;
    for v in [b, c, d] {
        if v < lo {
            lo = v;
        }
        if v > hi {
            hi = v;
        }
    }
    Interval { lo, hi }
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
}
