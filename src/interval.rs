//! Closed intervals of exact decimals: what a stated figure allows.
//!
//! `3080.5万` stands for every value in [30804500, 30805500]; `4万余件` for (40000, 50000); `以上`
//! leaves the upper end open. All arithmetic on stated figures goes through this type, on
//! `rust_decimal::Decimal`, never on floats.

use rust_decimal::Decimal;

/// A closed interval; `None` is an unbounded end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Interval {
    pub lo: Option<Decimal>,
    pub hi: Option<Decimal>,
}

impl Interval {
    pub fn exact(v: Decimal) -> Self {
        Self {
            lo: Some(v),
            hi: Some(v),
        }
    }

    pub fn new(lo: Decimal, hi: Decimal) -> Self {
        Self {
            lo: Some(lo.min(hi)),
            hi: Some(lo.max(hi)),
        }
    }

    /// The rounding interval of `v` stated to the nearest `unit`: [v − unit/2, v + unit/2].
    /// `None` when the ends overflow.
    pub fn rounded(v: Decimal, unit: Decimal) -> Option<Self> {
        let half = unit.checked_div(Decimal::TWO)?;
        Some(Self::new(v.checked_sub(half)?, v.checked_add(half)?))
    }

    /// The exact quotient `num / den` when `Decimal` can hold it, else the tightest interval
    /// around it at 28 decimal digits (rounded outward). `None` for a zero divisor.
    pub fn quotient(num: Decimal, den: Decimal) -> Option<Self> {
        let q = num.checked_div(den)?;
        // The quotient is exact when multiplying back gives `num` and that product had room for
        // every digit (otherwise the product itself was rounded and proves nothing). A rounded
        // quotient is within half a unit of its last digit, so one unit either side holds it.
        let digits = |d: Decimal| {
            d.mantissa()
                .unsigned_abs()
                .checked_ilog10()
                .map_or(1, |l| l + 1)
        };
        if digits(q) + digits(den) <= 28 && q.checked_mul(den) == Some(num) {
            return Some(Self::exact(q));
        }
        let ulp = Decimal::new(1, q.scale());
        Some(Self::new(q.checked_sub(ulp)?, q.checked_add(ulp)?))
    }

    pub fn at_least(v: Decimal) -> Self {
        Self {
            lo: Some(v),
            hi: None,
        }
    }

    pub fn is_exact(&self) -> bool {
        matches!((self.lo, self.hi), (Some(a), Some(b)) if a == b)
    }

    pub fn contains(&self, v: Decimal) -> bool {
        self.lo.is_none_or(|lo| lo <= v) && self.hi.is_none_or(|hi| v <= hi)
    }

    /// Closed intervals meet when they share at least one point (touching ends count).
    pub fn meets(&self, other: &Interval) -> bool {
        let below = matches!((self.hi, other.lo), (Some(h), Some(l)) if h < l);
        let above = matches!((self.lo, other.hi), (Some(l), Some(h)) if l > h);
        !below && !above
    }

    /// Both ends, when both are bounded.
    pub fn ends(&self) -> Option<(Decimal, Decimal)> {
        Some((self.lo?, self.hi?))
    }

    /// [a + c, b + d].
    pub fn add(&self, other: &Interval) -> Option<Interval> {
        let (a, b) = self.ends()?;
        let (c, d) = other.ends()?;
        Some(Interval::new(a.checked_add(c)?, b.checked_add(d)?))
    }

    /// The sum of intervals; `None` when one is unbounded or the sum overflows.
    pub fn sum<'a>(items: impl IntoIterator<Item = &'a Interval>) -> Option<Interval> {
        items
            .into_iter()
            .try_fold(Interval::exact(Decimal::ZERO), |acc, i| acc.add(i))
    }

    /// [a − d, b − c].
    pub fn sub(&self, other: &Interval) -> Option<Interval> {
        let (a, b) = self.ends()?;
        let (c, d) = other.ends()?;
        Some(Interval::new(a.checked_sub(d)?, b.checked_sub(c)?))
    }

    /// [a / d, b / c] for a non-negative numerator over a positive denominator, rounded
    /// outward; `None` when the denominator can be zero or below.
    pub fn div(&self, other: &Interval) -> Option<Interval> {
        let (a, b) = self.ends()?;
        let (c, d) = other.ends()?;
        if c <= Decimal::ZERO || a < Decimal::ZERO {
            return None;
        }
        let lo = Interval::quotient(a, d)?.lo?;
        let hi = Interval::quotient(b, c)?.hi?;
        Some(Interval::new(lo, hi))
    }

    /// [a·c, b·d]: the product of two non-negative intervals; `None` when one can be negative,
    /// is unbounded, or the product overflows.
    pub fn mul(&self, other: &Interval) -> Option<Interval> {
        let (a, b) = self.ends()?;
        let (c, d) = other.ends()?;
        if a < Decimal::ZERO || c < Decimal::ZERO {
            return None;
        }
        Some(Interval::new(a.checked_mul(c)?, b.checked_mul(d)?))
    }

    /// Multiplied by a non-negative constant.
    pub fn scale(&self, k: Decimal) -> Option<Interval> {
        let (a, b) = self.ends()?;
        Some(Interval::new(a.checked_mul(k)?, b.checked_mul(k)?))
    }

    /// Shifted by a constant.
    pub fn shift(&self, k: Decimal) -> Option<Interval> {
        let (a, b) = self.ends()?;
        Some(Interval::new(a.checked_add(k)?, b.checked_add(k)?))
    }

    /// [−b, −a].
    pub fn neg(&self) -> Interval {
        Interval {
            lo: self.hi.map(|h| -h),
            hi: self.lo.map(|l| -l),
        }
    }

    /// The `n`-th root of a non-negative interval, rounded outward: every x in the interval has
    /// its root inside the result.
    pub fn root(&self, n: u32) -> Option<Interval> {
        let (a, b) = self.ends()?;
        // A span of more than MAX_ROOT years is no annual rate a report states.
        if a < Decimal::ZERO || n == 0 || n > MAX_ROOT {
            return None;
        }
        Some(Interval::new(root_bracket(a, n)?.0, root_bracket(b, n)?.1))
    }
}

/// The largest root taken (years of an annual rate).
pub const MAX_ROOT: u32 = 1000;

/// `[lo, hi]` with lo^n ≤ x ≤ hi^n and hi − lo below 10^-20 (bisection on exact decimals).
fn root_bracket(x: Decimal, n: u32) -> Option<(Decimal, Decimal)> {
    // By squaring: a bisection step costs log n products, not n.
    let pow = |r: Decimal| -> Option<Decimal> {
        let (mut p, mut base, mut e) = (Decimal::ONE, r, n);
        while e > 0 {
            if e & 1 == 1 {
                p = p.checked_mul(base)?;
            }
            e >>= 1;
            if e > 0 {
                base = base.checked_mul(base)?;
            }
        }
        Some(p)
    };
    let (mut lo, mut hi) = (Decimal::ZERO, x.max(Decimal::ONE));
    let eps = Decimal::new(1, 20);
    for _ in 0..200 {
        if hi - lo <= eps {
            break;
        }
        let mid = (lo + hi) / Decimal::TWO;
        match pow(mid) {
            Some(p) if p <= x => lo = mid,
            _ => hi = mid,
        }
    }
    Some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_taken_by_squaring_and_capped() {
        let x = Interval::exact(Decimal::from(32));
        let r = x.root(5).unwrap();
        let (lo, hi) = r.ends().unwrap();
        assert!(lo <= Decimal::TWO && Decimal::TWO <= hi && hi - lo < Decimal::new(1, 15));
        assert!(x.root(MAX_ROOT).is_some());
        assert!(x.root(MAX_ROOT + 1).is_none());
    }
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_interval() {
        let i = Interval::rounded(dec!(99.4), dec!(0.1)).unwrap();
        assert_eq!((i.lo, i.hi), (Some(dec!(99.35)), Some(dec!(99.45))));
        assert!(i.contains(dec!(99.35)) && i.contains(dec!(99.45)) && !i.contains(dec!(99.451)));
    }

    #[test]
    fn products_of_non_negative_intervals() {
        // 99.4% of 39347 cases: the numerator a stated closure rate needs.
        let rate = Interval::rounded(dec!(0.994), dec!(0.001)).unwrap();
        let p = rate.mul(&Interval::exact(dec!(39347))).unwrap();
        assert_eq!(p.ends(), Some((dec!(39091.2445), dec!(39130.5915))));
        assert!(Interval::new(dec!(-1), dec!(1)).mul(&rate).is_none());
        assert!(Interval::at_least(dec!(1)).mul(&rate).is_none());
    }

    #[test]
    fn meeting_is_closed() {
        let a = Interval::new(dec!(4.95), dec!(5.25));
        assert!(a.meets(&Interval::new(dec!(5.25), dec!(5.35))));
        assert!(!a.meets(&Interval::new(dec!(5.35), dec!(5.45))));
        assert!(a.meets(&Interval::at_least(dec!(5))));
        assert!(!Interval::at_least(dec!(6)).meets(&a));
    }

    #[test]
    fn quotients_round_outward() {
        let third = Interval::quotient(dec!(1), dec!(3)).unwrap();
        assert!(third.lo.unwrap() * dec!(3) < dec!(1) && third.hi.unwrap() * dec!(3) > dec!(1));
        let two_thirds = Interval::quotient(dec!(2), dec!(3)).unwrap();
        assert!(
            two_thirds.lo.unwrap() * dec!(3) < dec!(2)
                && two_thirds.hi.unwrap() * dec!(3) > dec!(2)
        );
        assert!(Interval::quotient(dec!(1), dec!(4)).unwrap().is_exact());
        assert!(Interval::quotient(dec!(1), dec!(0)).is_none());
    }

    #[test]
    fn arithmetic() {
        let a = Interval::new(dec!(145.45), dec!(145.55));
        let b = Interval::new(dec!(423.5), dec!(424.5));
        let g = b
            .div(&a)
            .unwrap()
            .shift(-Decimal::ONE)
            .unwrap()
            .scale(dec!(100))
            .unwrap();
        // RULEBOOK R7 #4: growth in [190.97%, 191.85%].
        assert!(
            g.lo.unwrap() > dec!(190.96) && g.lo.unwrap() < dec!(190.98),
            "{g:?}"
        );
        assert!(
            g.hi.unwrap() > dec!(191.84) && g.hi.unwrap() < dec!(191.86),
            "{g:?}"
        );
        assert!(
            Interval::exact(dec!(1))
                .div(&Interval::new(dec!(0), dec!(1)))
                .is_none()
        );
        let r = Interval::new(dec!(1.61), dec!(1.62)).root(5).unwrap();
        assert!(r.lo.unwrap() < dec!(1.1001) && r.hi.unwrap() > dec!(1.1001));
        let s = Interval::new(dec!(4), dec!(9)).root(2).unwrap();
        assert!(s.lo.unwrap() <= dec!(2) && s.hi.unwrap() >= dec!(3));
        assert_eq!(
            Interval::new(dec!(1), dec!(2))
                .sub(&Interval::new(dec!(0.5), dec!(1)))
                .unwrap(),
            Interval::new(dec!(0), dec!(1.5))
        );
    }

    #[test]
    fn overflow_is_none() {
        assert!(Interval::rounded(Decimal::MAX, dec!(10)).is_none());
    }
}
