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
        let ulp = Decimal::new(1, q.scale());
        match q.checked_mul(den).map(|back| back.cmp(&num)) {
            Some(std::cmp::Ordering::Equal) => Some(Self::exact(q)),
            Some(std::cmp::Ordering::Greater) => Some(Self::new(q.checked_sub(ulp)?, q)),
            _ => Some(Self::new(q, q.checked_add(ulp)?)),
        }
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

    /// The smallest interval holding both.
    pub fn hull(&self, other: &Interval) -> Interval {
        Interval {
            lo: self.lo.zip(other.lo).map(|(a, b)| a.min(b)),
            hi: self.hi.zip(other.hi).map(|(a, b)| a.max(b)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_interval() {
        let i = Interval::rounded(dec!(99.4), dec!(0.1)).unwrap();
        assert_eq!((i.lo, i.hi), (Some(dec!(99.35)), Some(dec!(99.45))));
        assert!(i.contains(dec!(99.35)) && i.contains(dec!(99.45)) && !i.contains(dec!(99.451)));
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
    fn overflow_is_none() {
        assert!(Interval::rounded(Decimal::MAX, dec!(10)).is_none());
    }
}
