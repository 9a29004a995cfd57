//! Comparing a computed interval with a stated figure, and writing both down for people.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::interval::Interval;
use crate::number::Quantity;

/// How a computed value relates to a stated one (RULEBOOK R1, R3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The intervals meet: rounding explains any difference.
    Consistent,
    /// Disjoint under rounding, but the stated figure could be the computed one truncated.
    Truncated,
    Inconsistent,
}

/// Judges the computed interval against the stated quantity's interval.
pub fn judge(computed: &Interval, stated: &Quantity) -> Verdict {
    if computed.meets(&stated.interval) {
        return Verdict::Consistent;
    }
    let truncation = (stated.approx.is_none() && !stated.exact && !stated.step.is_zero())
        .then(|| {
            stated
                .value
                .checked_add(stated.step)
                .map(|hi| Interval::new(stated.value, hi))
        })
        .flatten();
    match truncation {
        Some(t) if computed.meets(&t) => Verdict::Truncated,
        _ => Verdict::Inconsistent,
    }
}

/// A decimal for a message, to `places` decimals, without trailing zeros beyond them.
pub fn show(d: Decimal, places: u32) -> String {
    d.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// An interval for a message, rounded outward to `places` decimals: `70.12–70.70`.
pub fn show_interval(i: &Interval, places: u32, unit: &str) -> String {
    let lo = i.lo.map_or("-∞".into(), |l| {
        format!(
            "{}",
            l.round_dp_with_strategy(places, RoundingStrategy::ToNegativeInfinity)
                .normalize()
        )
    });
    let hi = i.hi.map_or("+∞".into(), |h| {
        format!(
            "{}",
            h.round_dp_with_strategy(places, RoundingStrategy::ToPositiveInfinity)
                .normalize()
        )
    });
    match (lo == hi, unit.starts_with(' ')) {
        (true, _) => format!("{lo}{unit}"),
        // `1.8–2 个百分点`: a worded unit once, after both ends.
        (false, true) => format!("{lo}–{hi}{unit}"),
        (false, false) => format!("{lo}{unit}–{hi}{unit}"),
    }
}

/// The midpoint of a computed interval, for the headline figure of a message.
pub fn middle(i: &Interval) -> Option<Decimal> {
    let (a, b) = i.ends()?;
    Some((a + b) / Decimal::TWO)
}

/// `= 90.92%` for a result known to far better than the places shown (an exact quotient),
/// `≈ 70.41%（区间 70.12%–70.70%）` when rounding of the inputs leaves a range.
pub fn show_computed(i: &Interval, places: u32, unit: &str) -> String {
    let Some(m) = middle(i) else {
        return show_interval(i, places, unit);
    };
    let (lo, hi) = i.ends().expect("bounded: it has a middle");
    let negligible = Decimal::new(1, places + 2);
    if hi - lo < negligible {
        format!("= {}{unit}", show(m, places))
    } else {
        format!(
            "≈ {}{unit}（区间 {}）",
            show(m, places),
            show_interval(i, places, unit)
        )
    }
}

/// `所述 99.4% 即 99.35%–99.45%`; a change written negative and read as the opposite change
/// (`增长-4.7%`), `所述 -4.7% 即反向 4.65%–4.75%`.
pub fn show_stated(text: &str, q: &Quantity, places: u32, unit: &str) -> String {
    let written = &text[q.span.clone()];
    format!(
        "所述 {written} 即{}{}",
        reading_of(written, q),
        show_interval(&q.interval, places, unit)
    )
}

/// `反向 ` before the interval of a change written negative and read as the opposite change
/// (its value is then the magnitude), else a space.
pub fn reading_of(written: &str, q: &Quantity) -> &'static str {
    let reversed =
        q.value > rust_decimal::Decimal::ZERO && written.starts_with(['-', '－', '−', '负']);
    if reversed { "反向 " } else { " " }
}
