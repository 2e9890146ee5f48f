//! Exact fractions for the tests' own oracles, written apart from the engine's `rational.rs` so
//! that a mistake there cannot hide here: i128 numerator and positive denominator, always
//! reduced; every operation checked (`None` on overflow, and the case is skipped).
#![allow(dead_code)]

use std::cmp::Ordering;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Q {
    pub n: i128,
    pub d: i128,
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.abs(), b.abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Q {
    pub fn int(n: i128) -> Q {
        Q { n, d: 1 }
    }

    pub fn new(n: i128, d: i128) -> Option<Q> {
        if d == 0 {
            return None;
        }
        let g = gcd(n, d);
        let s = if d < 0 { -1 } else { 1 };
        Some(Q {
            n: s * (n / g),
            d: s * (d / g),
        })
    }

    /// `digits × 10^-decimals`.
    pub fn dec(digits: i128, decimals: u32) -> Q {
        Q::new(digits, 10i128.pow(decimals)).unwrap()
    }

    pub fn add(self, o: Q) -> Option<Q> {
        let g = gcd(self.d, o.d);
        let n = self
            .n
            .checked_mul(o.d / g)?
            .checked_add(o.n.checked_mul(self.d / g)?)?;
        Q::new(n, self.d.checked_mul(o.d / g)?)
    }

    pub fn neg(self) -> Q {
        Q {
            n: -self.n,
            d: self.d,
        }
    }

    pub fn sub(self, o: Q) -> Option<Q> {
        self.add(o.neg())
    }

    pub fn mul(self, o: Q) -> Option<Q> {
        let (g1, g2) = (gcd(self.n, o.d), gcd(o.n, self.d));
        Q::new(
            (self.n / g1).checked_mul(o.n / g2)?,
            (self.d / g2).checked_mul(o.d / g1)?,
        )
    }

    pub fn div(self, o: Q) -> Option<Q> {
        if o.n == 0 {
            return None;
        }
        self.mul(Q { n: o.d, d: o.n }.normal())
    }

    fn normal(self) -> Q {
        if self.d < 0 {
            Q {
                n: -self.n,
                d: -self.d,
            }
        } else {
            self
        }
    }

    pub fn cmp_to(self, o: Q) -> Option<Ordering> {
        Some(self.n.checked_mul(o.d)?.cmp(&o.n.checked_mul(self.d)?))
    }

    pub fn sign(self) -> Ordering {
        self.n.cmp(&0)
    }
}
