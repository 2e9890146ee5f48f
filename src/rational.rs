//! Exact rational numbers on 128-bit integers.
//!
//! Report figures are small (at most 30 significant digits, see `number.rs`), so 128 bits hold
//! every figure and almost every result exactly, with no allocation. A result that would not fit
//! becomes `Overflow`, which every later operation keeps, and the evaluation of a check reports it
//! as an error: a number is never silently wrong. (A big-integer fallback measured 30 KB of the
//! WebAssembly module's 200 KB budget, for cases no real report has.)

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Div, Mul, Neg, Sub};

use num_traits::{One, Zero};

/// An exact rational number in lowest terms with a positive denominator, or `Overflow`.
#[derive(Clone, Copy, Debug)]
pub struct Rational(Repr);

#[derive(Clone, Copy, Debug)]
enum Repr {
    /// `d > 0` and `gcd(n, d) == 1`.
    Value { n: i128, d: i128 },
    /// A result too large for 128 bits.
    Overflow,
}

const OVERFLOW: Rational = Rational(Repr::Overflow);

impl Rational {
    pub const fn from_integer(n: i128) -> Rational {
        Rational(Repr::Value { n, d: 1 })
    }

    pub const fn from_i64(n: i64) -> Rational {
        Rational::from_integer(n as i128)
    }

    /// `numer / denom` in lowest terms; `Overflow` when `denom` is zero or the sign cannot flip.
    pub fn new(numer: i128, denom: i128) -> Rational {
        reduced(numer, denom).unwrap_or(OVERFLOW)
    }

    /// 10^exponent; `Overflow` beyond what 128 bits hold (|exponent| > 38).
    pub fn pow10(exponent: i32) -> Rational {
        let Some(power) = 10i128.checked_pow(exponent.unsigned_abs()) else {
            return OVERFLOW;
        };
        if exponent >= 0 {
            Rational::from_integer(power)
        } else {
            Rational::new(1, power)
        }
    }

    pub fn is_overflow(&self) -> bool {
        matches!(self.0, Repr::Overflow)
    }

    /// Numerator and denominator, or `None` after an overflow.
    pub fn parts(&self) -> Option<(i128, i128)> {
        match self.0 {
            Repr::Value { n, d } => Some((n, d)),
            Repr::Overflow => None,
        }
    }

    pub fn is_integer(&self) -> bool {
        matches!(self.0, Repr::Value { d: 1, .. })
    }

    /// The largest integer not above the value.
    pub fn floor(&self) -> Rational {
        match self.0 {
            Repr::Value { n, d } => Rational::from_integer(n.div_euclid(d)),
            Repr::Overflow => OVERFLOW,
        }
    }

    /// The nearest integer, half-way cases away from zero.
    pub fn round(&self) -> Rational {
        let half = Rational::new(1, 2);
        if self.is_negative() {
            -(-self + half).floor()
        } else {
            (self + half).floor()
        }
    }

    pub fn is_positive(&self) -> bool {
        matches!(self.0, Repr::Value { n, .. } if n > 0)
    }

    pub fn is_negative(&self) -> bool {
        matches!(self.0, Repr::Value { n, .. } if n < 0)
    }

    pub fn abs(&self) -> Rational {
        if self.is_negative() {
            -self
        } else {
            *self
        }
    }
}

fn reduced(n: i128, d: i128) -> Option<Rational> {
    if d == 1 {
        return Some(Rational(Repr::Value { n, d }));
    }
    if d == 0 {
        return None;
    }
    let g = i128::try_from(gcd(n.unsigned_abs(), d.unsigned_abs())).ok()?;
    let (mut n, mut d) = (quotient(n, g), quotient(d, g));
    if d < 0 {
        n = n.checked_neg()?;
        d = d.checked_neg()?;
    }
    Some(Rational(Repr::Value { n, d }))
}

/// `n / g` for a divisor `g > 0` of `n`: report figures fit 64 bits, whose division is far
/// cheaper than a 128-bit one.
fn quotient(n: i128, g: i128) -> i128 {
    if g == 1 {
        return n;
    }
    match (i64::try_from(n), i64::try_from(g)) {
        (Ok(n), Ok(g)) => i128::from(n / g),
        _ => n / g,
    }
}

/// Binary gcd; gcd(0, x) = x, gcd(0, 0) = 1.
fn gcd(a: u128, b: u128) -> u128 {
    match (u64::try_from(a), u64::try_from(b)) {
        (Ok(a), Ok(b)) => u128::from(gcd64(a, b)),
        _ => gcd128(a, b),
    }
}

/// Binary gcd (Stein's), on one integer width; 0 and 0 give 1 so that a division by it is safe.
macro_rules! binary_gcd {
    ($name:ident, $int:ty) => {
        fn $name(mut a: $int, mut b: $int) -> $int {
            if a == 0 {
                return b.max(1);
            }
            if b == 0 {
                return a;
            }
            let shift = (a | b).trailing_zeros();
            a >>= a.trailing_zeros();
            loop {
                b >>= b.trailing_zeros();
                if a > b {
                    std::mem::swap(&mut a, &mut b);
                }
                b -= a;
                if b == 0 {
                    return a << shift;
                }
            }
        }
    };
}
// On 64 bits, where nearly every figure's parts are, and on 128.
binary_gcd!(gcd64, u64);
binary_gcd!(gcd128, u128);

fn add(a: &Rational, b: &Rational) -> Rational {
    let (Repr::Value { n: an, d: ad }, Repr::Value { n: bn, d: bd }) = (a.0, b.0) else {
        return OVERFLOW;
    };
    if ad == 1 && bd == 1 {
        return an.checked_add(bn).map_or(OVERFLOW, Rational::from_integer);
    }
    let sum = if ad == bd {
        an.checked_add(bn).and_then(|n| reduced(n, ad))
    } else {
        // Over the least common denominator, so sums of decimals stay small.
        let g = gcd(ad.unsigned_abs(), bd.unsigned_abs()) as i128;
        let (a_scale, b_scale) = (quotient(bd, g), quotient(ad, g));
        an.checked_mul(a_scale)
            .zip(bn.checked_mul(b_scale))
            .and_then(|(x, y)| x.checked_add(y))
            .zip(ad.checked_mul(a_scale))
            .and_then(|(n, d)| reduced(n, d))
    };
    sum.unwrap_or(OVERFLOW)
}

fn mul(a: &Rational, b: &Rational) -> Rational {
    let (Repr::Value { n: an, d: ad }, Repr::Value { n: bn, d: bd }) = (a.0, b.0) else {
        return OVERFLOW;
    };
    if ad == 1 && bd == 1 {
        return an.checked_mul(bn).map_or(OVERFLOW, Rational::from_integer);
    }
    // Cancel across first, so that products of already reduced fractions rarely overflow.
    let g1 = gcd(an.unsigned_abs(), bd.unsigned_abs()) as i128;
    let g2 = gcd(bn.unsigned_abs(), ad.unsigned_abs()) as i128;
    quotient(an, g1)
        .checked_mul(quotient(bn, g2))
        .zip(quotient(ad, g2).checked_mul(quotient(bd, g1)))
        .and_then(|(n, d)| reduced(n, d))
        .unwrap_or(OVERFLOW)
}

/// 1 / a; division by zero is refused by the callers (intervals check for zero first), and
/// gives `Overflow` here rather than a panic.
fn recip(a: &Rational) -> Rational {
    match a.0 {
        Repr::Value { n, d } => Rational::new(d, n),
        Repr::Overflow => OVERFLOW,
    }
}

fn negate(a: &Rational) -> Rational {
    match a.0 {
        Repr::Value { n, d } => n
            .checked_neg()
            .map_or(OVERFLOW, |n| Rational(Repr::Value { n, d })),
        Repr::Overflow => OVERFLOW,
    }
}

impl PartialEq for Rational {
    fn eq(&self, other: &Rational) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Rational {}

impl Hash for Rational {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.parts().hash(state);
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Rational) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A total order in which `Overflow` stands above every value (evaluation reports it anyway).
impl Ord for Rational {
    fn cmp(&self, other: &Rational) -> Ordering {
        match (self.0, other.0) {
            (Repr::Value { n: an, d: ad }, Repr::Value { n: bn, d: bd }) => {
                if ad == bd {
                    return an.cmp(&bn);
                }
                match (an.checked_mul(bd), bn.checked_mul(ad)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    // Compare the integer parts, then the fractions' cross products in 128 bits
                    // after removing the integer parts (they are below one, so they fit better).
                    _ => compare_wide(an, ad, bn, bd),
                }
            }
            (Repr::Overflow, Repr::Overflow) => Ordering::Equal,
            (Repr::Overflow, _) => Ordering::Greater,
            (_, Repr::Overflow) => Ordering::Less,
        }
    }
}

/// Compares a/b with c/d exactly when the cross products do not fit: by continued fractions.
fn compare_wide(mut a: i128, mut b: i128, mut c: i128, mut d: i128) -> Ordering {
    let mut flipped = false;
    loop {
        let (qa, ra) = (a.div_euclid(b), a.rem_euclid(b));
        let (qc, rc) = (c.div_euclid(d), c.rem_euclid(d));
        if qa != qc {
            let order = qa.cmp(&qc);
            return if flipped { order.reverse() } else { order };
        }
        match (ra == 0, rc == 0) {
            (true, true) => return Ordering::Equal,
            (true, false) => {
                return if flipped {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (false, true) => {
                return if flipped {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            (false, false) => {}
        }
        // a/b = qa + ra/b; compare ra/b with rc/d, i.e. d/rc with b/ra reversed.
        (a, b, c, d) = (b, ra, d, rc);
        flipped = !flipped;
    }
}

impl Zero for Rational {
    fn zero() -> Rational {
        Rational::from_integer(0)
    }
    fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Value { n: 0, .. })
    }
}

impl One for Rational {
    fn one() -> Rational {
        Rational::from_integer(1)
    }
}

impl Default for Rational {
    fn default() -> Rational {
        Rational::zero()
    }
}

/// Implements an operator for every mix of owned and borrowed operands.
macro_rules! operator {
    ($trait:ident, $method:ident, $body:expr) => {
        impl $trait<&Rational> for &Rational {
            type Output = Rational;
            fn $method(self, other: &Rational) -> Rational {
                $body(self, other)
            }
        }
        impl $trait<Rational> for Rational {
            type Output = Rational;
            fn $method(self, other: Rational) -> Rational {
                $body(&self, &other)
            }
        }
        impl $trait<&Rational> for Rational {
            type Output = Rational;
            fn $method(self, other: &Rational) -> Rational {
                $body(&self, other)
            }
        }
        impl $trait<Rational> for &Rational {
            type Output = Rational;
            fn $method(self, other: Rational) -> Rational {
                $body(self, &other)
            }
        }
    };
}

operator!(Add, add, add);
operator!(Sub, sub, |a: &Rational, b: &Rational| add(a, &negate(b)));
operator!(Mul, mul, mul);
operator!(Div, div, |a: &Rational, b: &Rational| mul(a, &recip(b)));

impl Neg for Rational {
    type Output = Rational;
    fn neg(self) -> Rational {
        negate(&self)
    }
}

impl Neg for &Rational {
    type Output = Rational;
    fn neg(self) -> Rational {
        negate(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i128, d: i128) -> Rational {
        Rational::new(n, d)
    }

    #[test]
    fn arithmetic_is_exact_and_reduced() {
        assert_eq!(r(1, 3) + r(1, 6), r(1, 2));
        assert_eq!(r(1, 2) - r(3, 4), r(-1, 4));
        assert_eq!(r(2, 3) * r(9, 4), r(3, 2));
        assert_eq!(r(10388, 1) / r(10876, 1), r(2597, 2719));
        assert_eq!(-r(5, 7), r(-5, 7));
        assert_eq!(r(-7, 2).floor(), r(-4, 1));
        assert_eq!(r(-7, 2).round(), r(-4, 1));
        assert_eq!(r(7, 2).round(), r(4, 1));
        assert_eq!(r(3, -6), r(-1, 2));
        assert_eq!(r(3, -6).parts(), Some((-1, 2)));
        assert!(r(4, 2).is_integer());
        assert_eq!(Rational::pow10(-3), r(1, 1000));
    }

    #[test]
    fn overflow_is_kept_and_never_a_wrong_number() {
        let max = Rational::from_integer(i128::MAX);
        assert!((max + Rational::one()).is_overflow());
        assert!((max * Rational::from_integer(2)).is_overflow());
        assert!(((max + max) - max).is_overflow());
        assert!(Rational::pow10(39).is_overflow());
        assert!(r(1, 0).is_overflow());
        assert!(Rational::from_integer(i128::MIN).abs().is_overflow());
        assert!(r(1, 3) < (max + max));
    }

    #[test]
    fn comparison_is_exact_where_cross_products_overflow() {
        let big = i128::MAX / 3;
        assert_eq!(r(big, big - 1).cmp(&r(big - 1, big - 2)), Ordering::Less);
        assert_eq!(r(big - 1, big).cmp(&r(big - 2, big - 1)), Ordering::Greater);
        assert_eq!(r(-big, big - 1).cmp(&r(big - 1, big - 2)), Ordering::Less);
        assert_eq!(r(big, 7).cmp(&r(big, 7)), Ordering::Equal);
    }

    #[test]
    fn gcd_of_edge_values() {
        assert_eq!(gcd(0, 0), 1);
        assert_eq!(gcd(0, 6), 6);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(u128::MAX, 5), 5);
        assert_eq!(gcd(u128::from(u64::MAX) * 6, 4), 2);
        assert_eq!(gcd(0, u128::MAX), u128::MAX);
    }
}
