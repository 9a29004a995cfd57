//! `annual`: a stated average annual growth (`年均增长11.0%`) against the values at both ends
//! of its span, (B ÷ A)^(1/n) − 1, or against the total change over the span stated with it,
//! (1 + P)^(1/n) − 1.

use rust_decimal::Decimal;

use super::{
    NoParams, as_rounded, change_ratio, in_units_of, label, q, signed_difference, suggest, text,
};
use crate::claim::{ChangeMeasure, ChangeRef, Claim, Direction, Facts};
use crate::interval::Interval;
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Annual;

impl Annual {
    pub fn new(_: NoParams) -> Self {
        Annual
    }
}

impl RuleKind for Annual {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for ChangeRef {
            stated,
            from,
            to,
            measure,
            direction,
            ..
        } in f.changes()
        {
            let years = match measure {
                ChangeMeasure::Annual { years } => years,
                ChangeMeasure::AnnualDifference { years } => {
                    out.extend(increment(f, *stated, *from, *to, *direction, *years));
                    continue;
                }
                _ => continue,
            };
            let Some(computed) = change_ratio(f, *from, *to)
                .and_then(|r| r.root(*years))
                .and_then(|r| r.shift(-Decimal::ONE))
                .and_then(|r| r.scale(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            let certainty = match judge(&computed, q(f, *stated)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => Certainty::Proven,
            };
            let arithmetic = format!(
                "({} ÷ {})^(1/{years}) − 1 {}",
                text(f, *to),
                text(f, *from),
                show_computed(&computed, 2, "%")
            );
            out.push(Finding {
                suggestion: suggest(f, *stated, &computed),
                certainty,
                message: format!("年均增长 {} 与首尾数值不符：{arithmetic}", text(f, *stated)),
                help: format!(
                    "{arithmetic}（{years} 年）；{}",
                    show_stated(f.text, q(f, *stated), 2, "%")
                ),
                primary: Label::new(q(f, *stated).span.clone(), "所述年均增幅"),
                labels: vec![label(f, *from, "起点"), label(f, *to, "终点")],
            });
        }
        out.extend(compounds(f));
        out
    }
}

/// Annual rates against the total change they average.
fn compounds(f: &Facts) -> Vec<Finding> {
    let mut out = Vec::new();
    for claim in &f.claims {
        let Claim::Compound {
            stated,
            total,
            measure,
            total_direction,
            direction,
            years,
            ..
        } = claim
        else {
            continue;
        };
        let computed: Vec<Interval> = total_ratios(f, *total, *measure, *total_direction)
            .iter()
            .filter_map(|r| {
                let rate = r
                    .root(*years)?
                    .shift(-Decimal::ONE)?
                    .scale(Decimal::ONE_HUNDRED)?;
                Some(match direction {
                    Direction::Up => rate,
                    Direction::Down => rate.neg(),
                })
            })
            .collect();
        let verdicts: Vec<Verdict> = computed.iter().map(|c| judge(c, q(f, *stated))).collect();
        let Some(first) = computed.first() else {
            continue;
        };
        let certainty = if verdicts.contains(&Verdict::Consistent) {
            continue;
        } else if verdicts.contains(&Verdict::Truncated) {
            Certainty::Truncated
        } else {
            Certainty::Proven
        };
        let shown = show_computed(first, 2, "%");
        let arithmetic = match (measure, total_direction) {
            (ChangeMeasure::Ratio, _) => format!("{}^(1/{years}) − 1 {shown}", text(f, *total)),
            (_, Direction::Up) => format!("(1 + {})^(1/{years}) − 1 {shown}", text(f, *total)),
            (_, Direction::Down) => format!("(1 − {})^(1/{years}) − 1 {shown}", text(f, *total)),
        };
        out.push(Finding {
            suggestion: suggest(f, *stated, first),
            certainty,
            message: format!(
                "年均增长 {} 与 {years} 年间的总变化不符：{arithmetic}",
                text(f, *stated)
            ),
            help: format!(
                "{arithmetic}（{years} 年）；{}",
                show_stated(f.text, q(f, *stated), 2, "%")
            ),
            primary: Label::new(q(f, *stated).span.clone(), "所述年均增幅"),
            labels: vec![Label::new(q(f, *total).span.clone(), "总变化")],
        });
    }
    out
}

/// The ratio of the end value to the base a total change states, in the readings its words
/// allow: `增长P%` is 1 + P; `增长k倍` is 1 + k by convention, k read as the ratio too (some
/// writers mean it), so that only a rate neither reading gives is flagged; `是…的k倍` is k.
fn total_ratios(
    f: &Facts,
    total: usize,
    measure: ChangeMeasure,
    direction: Direction,
) -> Vec<Interval> {
    let stated = &q(f, total).interval;
    let readings = match measure {
        ChangeMeasure::Percent => {
            let p = stated.scale(Decimal::new(1, 2));
            let signed = match direction {
                Direction::Up => p,
                Direction::Down => p.map(|p| p.neg()),
            };
            vec![signed.and_then(|p| p.shift(Decimal::ONE))]
        }
        ChangeMeasure::IncreaseBy => vec![stated.shift(Decimal::ONE), Some(*stated)],
        ChangeMeasure::Ratio => vec![Some(*stated)],
        _ => Vec::new(),
    };
    readings.into_iter().flatten().collect()
}

/// `从A增加到B，平均每年增加X`: X against (B − A) ÷ years. The stated average is rounded at its
/// last significant digit even when written as a whole number.
fn increment(
    f: &Facts,
    stated: usize,
    from: usize,
    to: usize,
    direction: Direction,
    years: u32,
) -> Option<Finding> {
    let delta = signed_difference(f, from, to, direction)?;
    if delta.lo? < Decimal::ZERO {
        return None; // the `direction` kind's, or too close to call
    }
    let computed = delta.div(&Interval::exact(Decimal::from(years)))?;
    if computed.meets(&as_rounded(f, stated)) {
        return None;
    }
    let certainty = match judge(&computed, q(f, stated)) {
        Verdict::Consistent => return None,
        Verdict::Truncated => Certainty::Truncated,
        Verdict::Inconsistent => Certainty::Proven,
    };
    let (a, b) = match direction {
        Direction::Up => (to, from),
        Direction::Down => (from, to),
    };
    let arithmetic = format!(
        "({} − {}) ÷ {years} {}",
        text(f, a),
        text(f, b),
        in_units_of(f, stated, &computed)
    );
    Some(Finding {
        suggestion: suggest(f, stated, &computed),
        certainty,
        message: format!("年均增减 {} 与首尾数值不符：{arithmetic}", text(f, stated)),
        help: format!("{arithmetic}（{years} 年），所述为 {}", text(f, stated)),
        primary: Label::new(q(f, stated).span.clone(), "所述年均增减量"),
        labels: vec![label(f, from, "起点"), label(f, to, "终点")],
    })
}
