//! Interval arithmetic against an exact rational oracle: every computed interval contains the
//! exact result of every choice of inputs inside the input intervals.

use hedui::interval::Interval;
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn rational(d: Decimal) -> BigRational {
    let mantissa = BigInt::from(d.mantissa());
    let scale = BigInt::from(10u32).pow(d.scale());
    BigRational::new(mantissa, scale)
}

fn contains(i: &Interval, x: &BigRational) -> bool {
    i.lo.is_none_or(|lo| rational(lo) <= *x) && i.hi.is_none_or(|hi| *x <= rational(hi))
}

/// An interval of positive decimals with up to 4 decimals, and a point inside it.
fn interval_and_point() -> impl Strategy<Value = (Interval, BigRational)> {
    (1i64..10_000_000, 0i64..100_000, 0u32..4, 0u32..=1000).prop_map(|(lo, width, scale, t)| {
        let lo = Decimal::new(lo, scale);
        let hi = lo + Decimal::new(width, scale);
        // The point lo + (hi − lo)·t/1000, exactly.
        let point = rational(lo)
            + (rational(hi) - rational(lo)) * BigRational::new(BigInt::from(t), BigInt::from(1000));
        (Interval::new(lo, hi), point)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn sums_and_differences((a, x) in interval_and_point(), (b, y) in interval_and_point()) {
        prop_assert!(contains(&a.add(&b).unwrap(), &(&x + &y)));
        prop_assert!(contains(&a.sub(&b).unwrap(), &(&x - &y)));
    }

    #[test]
    fn ratios_growth_and_multiples((a, x) in interval_and_point(), (b, y) in interval_and_point()) {
        let ratio = b.div(&a).unwrap();
        let exact = &y / &x;
        prop_assert!(contains(&ratio, &exact), "{ratio:?} misses {exact}");
        let hundred = BigRational::from_integer(BigInt::from(100));
        let growth = ratio.shift(-Decimal::ONE).unwrap().scale(Decimal::ONE_HUNDRED).unwrap();
        prop_assert!(contains(&growth, &((&exact - BigRational::from_integer(BigInt::from(1))) * &hundred)));
        let fall = ratio.neg().shift(Decimal::ONE).unwrap().scale(Decimal::ONE_HUNDRED).unwrap();
        prop_assert!(contains(&fall, &((BigRational::from_integer(BigInt::from(1)) - &exact) * &hundred)));
    }

    #[test]
    fn annual_rates_contain_every_root((a, x) in interval_and_point(), (b, y) in interval_and_point(), n in 1u32..12) {
        let root = b.div(&a).unwrap().root(n).unwrap();
        let exact = &y / &x;
        // r is the n-th root of `exact` iff r^n = exact; the root interval holds it iff
        // lo^n ≤ exact ≤ hi^n (the n-th power is monotone on positives).
        let (lo, hi) = root.ends().unwrap();
        prop_assert!(rational(lo).pow(n as i32) <= exact && exact <= rational(hi).pow(n as i32));
    }

    /// Two intervals meet or not whichever is asked first.
    #[test]
    fn meeting_is_symmetric((a, _) in interval_and_point(), (b, _) in interval_and_point()) {
        prop_assert_eq!(a.meets(&b), b.meets(&a));
    }

    /// Exact quotients of integers are bracketed tightly: the interval holds the fraction and
    /// is at most one unit of the 28th significant digit wide.
    #[test]
    fn quotients(n in 0i64..1_000_000_000, d in 1i64..1_000_000) {
        let q = Interval::quotient(Decimal::from(n), Decimal::from(d)).unwrap();
        let exact = BigRational::new(BigInt::from(n), BigInt::from(d));
        prop_assert!(contains(&q, &exact));
    }
}
