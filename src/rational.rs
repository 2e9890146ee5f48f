//! Exact rational numbers that stay on the machine's 128-bit integers while they fit and move to
//! big integers only when they do not. Report figures are small, so almost every operation is
//! a few integer instructions and no allocation; a 60-digit figure still computes exactly.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::ops::{Add, Div, Mul, Neg, Sub};

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// An exact rational number, always in lowest terms with a positive denominator.
#[derive(Clone, Debug)]
pub struct Rational(Repr);

#[derive(Clone, Debug)]
enum Repr {
    /// Numerator and denominator; `d > 0` and `gcd(n, d) == 1`.
    Small { n: i128, d: i128 },
    /// Used only when the value does not fit `Small`.
    Big(BigRational),
}

impl Rational {
    pub fn from_integer(n: BigInt) -> Rational {
        match n.to_i128() {
            Some(n) => Rational(Repr::Small { n, d: 1 }),
            None => Rational(Repr::Big(BigRational::from_integer(n))),
        }
    }

    pub fn from_i64(n: i64) -> Rational {
        Rational(Repr::Small {
            n: i128::from(n),
            d: 1,
        })
    }

    /// `numer / denom`. A zero denominator gives zero: callers check for it first.
    pub fn new(numer: BigInt, denom: BigInt) -> Rational {
        if denom.is_zero() {
            debug_assert!(false, "rational with a zero denominator");
            return Rational::from_i64(0);
        }
        Rational::from_big(BigRational::new(numer, denom))
    }

    fn from_big(value: BigRational) -> Rational {
        match (value.numer().to_i128(), value.denom().to_i128()) {
            (Some(n), Some(d)) => Rational(Repr::Small { n, d }),
            _ => Rational(Repr::Big(value)),
        }
    }

    /// Builds `n / d` from 128-bit parts, reducing; falls back to big integers on overflow.
    fn small(n: i128, d: i128) -> Option<Rational> {
        if d == 0 {
            return None;
        }
        let g = gcd(n.unsigned_abs(), d.unsigned_abs());
        let g = i128::try_from(g).ok()?;
        let (mut n, mut d) = (n / g, d / g);
        if d < 0 {
            n = n.checked_neg()?;
            d = d.checked_neg()?;
        }
        Some(Rational(Repr::Small { n, d }))
    }

    fn to_big(&self) -> BigRational {
        match &self.0 {
            Repr::Small { n, d } => BigRational::new_raw(BigInt::from(*n), BigInt::from(*d)),
            Repr::Big(value) => value.clone(),
        }
    }

    pub fn numer(&self) -> BigInt {
        match &self.0 {
            Repr::Small { n, .. } => BigInt::from(*n),
            Repr::Big(value) => value.numer().clone(),
        }
    }

    pub fn denom(&self) -> BigInt {
        match &self.0 {
            Repr::Small { d, .. } => BigInt::from(*d),
            Repr::Big(value) => value.denom().clone(),
        }
    }

    pub fn is_integer(&self) -> bool {
        match &self.0 {
            Repr::Small { d, .. } => *d == 1,
            Repr::Big(value) => value.is_integer(),
        }
    }

    /// Rounded towards zero.
    pub fn to_integer(&self) -> BigInt {
        match &self.0 {
            Repr::Small { n, d } => BigInt::from(n / d),
            Repr::Big(value) => value.to_integer(),
        }
    }

    /// The nearest integer, half-way cases away from zero.
    pub fn round(&self) -> Rational {
        Rational::from_big(self.to_big().round())
    }

    /// The largest integer not above the value.
    pub fn floor(&self) -> Rational {
        match &self.0 {
            Repr::Small { n, d } => Rational(Repr::Small {
                n: n.div_euclid(*d),
                d: 1,
            }),
            Repr::Big(value) => Rational::from_big(value.floor()),
        }
    }

    pub fn is_positive(&self) -> bool {
        self.signum() > 0
    }

    pub fn is_negative(&self) -> bool {
        self.signum() < 0
    }

    fn signum(&self) -> i32 {
        match &self.0 {
            Repr::Small { n, .. } => n.signum() as i32,
            Repr::Big(value) => {
                if value.is_positive() {
                    1
                } else if value.is_negative() {
                    -1
                } else {
                    0
                }
            }
        }
    }

    pub fn abs(&self) -> Rational {
        if self.is_negative() {
            -self
        } else {
            self.clone()
        }
    }
}

/// Binary gcd; gcd(0, x) = x.
fn gcd(mut a: u128, mut b: u128) -> u128 {
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

fn add(a: &Rational, b: &Rational) -> Rational {
    if let (Repr::Small { n: an, d: ad }, Repr::Small { n: bn, d: bd }) = (&a.0, &b.0) {
        let sum = if ad == bd {
            an.checked_add(*bn).and_then(|n| Rational::small(n, *ad))
        } else {
            an.checked_mul(*bd)
                .zip(bn.checked_mul(*ad))
                .and_then(|(x, y)| x.checked_add(y))
                .zip(ad.checked_mul(*bd))
                .and_then(|(n, d)| Rational::small(n, d))
        };
        if let Some(sum) = sum {
            return sum;
        }
    }
    Rational::from_big(a.to_big() + b.to_big())
}

fn mul(a: &Rational, b: &Rational) -> Rational {
    if let (Repr::Small { n: an, d: ad }, Repr::Small { n: bn, d: bd }) = (&a.0, &b.0) {
        let product = an
            .checked_mul(*bn)
            .zip(ad.checked_mul(*bd))
            .and_then(|(n, d)| Rational::small(n, d));
        if let Some(product) = product {
            return product;
        }
    }
    Rational::from_big(a.to_big() * b.to_big())
}

fn recip(a: &Rational) -> Rational {
    match &a.0 {
        Repr::Small { n: 0, .. } => Rational::from_i64(0),
        Repr::Small { n, d } => {
            Rational::small(*d, *n).unwrap_or_else(|| Rational::from_big(a.to_big().recip()))
        }
        Repr::Big(value) if !value.is_zero() => Rational::from_big(value.recip()),
        Repr::Big(_) => Rational::from_i64(0),
    }
}

fn negate(a: &Rational) -> Rational {
    match &a.0 {
        Repr::Small { n, d } => match n.checked_neg() {
            Some(n) => Rational(Repr::Small { n, d: *d }),
            None => Rational::from_big(-a.to_big()),
        },
        Repr::Big(value) => Rational::from_big(-value.clone()),
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
        // Values are kept in one form each (small whenever they fit), so hashing the form is sound.
        match &self.0 {
            Repr::Small { n, d } => (n, d).hash(state),
            Repr::Big(value) => value.hash(state),
        }
    }
}

impl PartialOrd for Rational {
    fn partial_cmp(&self, other: &Rational) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rational {
    fn cmp(&self, other: &Rational) -> Ordering {
        if let (Repr::Small { n: an, d: ad }, Repr::Small { n: bn, d: bd }) = (&self.0, &other.0) {
            if ad == bd {
                return an.cmp(bn);
            }
            if let (Some(x), Some(y)) = (an.checked_mul(*bd), bn.checked_mul(*ad)) {
                return x.cmp(&y);
            }
        }
        self.to_big().cmp(&other.to_big())
    }
}

impl Zero for Rational {
    fn zero() -> Rational {
        Rational::from_i64(0)
    }
    fn is_zero(&self) -> bool {
        self.signum() == 0
    }
}

impl One for Rational {
    fn one() -> Rational {
        Rational::from_i64(1)
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

    fn r(n: i64, d: i64) -> Rational {
        Rational::new(BigInt::from(n), BigInt::from(d))
    }

    fn big(text: &str) -> Rational {
        Rational::from_integer(text.parse().unwrap())
    }

    #[test]
    fn small_arithmetic_is_exact_and_reduced() {
        assert_eq!(r(1, 3) + r(1, 6), r(1, 2));
        assert_eq!(r(1, 2) - r(3, 4), r(-1, 4));
        assert_eq!(r(2, 3) * r(9, 4), r(3, 2));
        assert_eq!(r(10388, 1) / r(10876, 1), r(2597, 2719));
        assert_eq!(-r(5, 7), r(-5, 7));
        assert_eq!(r(-7, 2).floor(), r(-4, 1));
        assert_eq!(r(-7, 2).round(), r(-4, 1));
        assert_eq!(r(7, 2).to_integer(), BigInt::from(3));
        assert!(r(4, 2).is_integer());
        assert_eq!(r(3, -6), r(-1, 2));
    }

    #[test]
    fn overflow_moves_to_big_integers_and_back() {
        let huge = big("170141183460469231731687303715884105727"); // i128::MAX
        let sum = &huge + &huge;
        assert_eq!(sum, big("340282366920938463463374607431768211454"));
        assert_eq!(&sum - &huge, huge);
        assert!(matches!((&sum - &huge).0, Repr::Small { .. }));
        let tiny = r(1, 3) / &huge;
        assert_eq!(&tiny * &huge, r(1, 3));
        assert!(big("-170141183460469231731687303715884105728").abs() > huge);
    }

    #[test]
    fn ordering_agrees_across_forms() {
        let values = [
            r(-3, 2),
            r(0, 1),
            r(1, 3),
            r(1, 2),
            big("1000000000000000000000000000000000000000000"),
            r(7, 1),
        ];
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                assert_eq!(a.cmp(b), a.to_big().cmp(&b.to_big()), "{i} {j}");
                assert_eq!(a == b, i == j);
            }
        }
    }

    #[test]
    fn gcd_of_edge_values() {
        assert_eq!(gcd(0, 0), 1);
        assert_eq!(gcd(0, 6), 6);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(u128::MAX, 5), 5);
    }
}
