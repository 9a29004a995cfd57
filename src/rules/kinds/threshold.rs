//! `threshold`: `突破5万亿元` said of 48736亿元, `低于3%` of 3.6%, `超过6%的县市…即：西湖5.7%`.

use rust_decimal::Decimal;

use super::{NoParams, q, text};
use crate::claim::{Claim, Facts, Relation};
use crate::number::numeral::scale_word;
use crate::rules::verdict::show;
use crate::rules::{Certainty, Finding, Label, RuleKind};

/// How far an approximate bound (`近3千亿元`, `3%左右`) may stand from its written figure, as a
/// share of it: `近3千亿元` is a little under 3千亿, never half of it, but how little is not
/// said. A figure within this of the bound is not held against the word.
const APPROX_SLACK: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

#[derive(Debug)]
pub struct Threshold;

impl Threshold {
    pub fn new(_: NoParams) -> Self {
        Threshold
    }
}

impl RuleKind for Threshold {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Threshold {
                value,
                bound,
                bound_span,
                approximate,
                relation,
                word,
            } = claim
            else {
                continue;
            };
            // An approximation word read as a bound and repeated as a figure elsewhere is the
            // `approx-direction` kind's.
            let repeated = f.claims.iter().any(|c| {
                matches!(c, Claim::Repeat { first, second, .. }
                    if [*first, *second].contains(value)
                        && [first, second].iter().any(|&&i| q(f, i).span == *bound_span))
            });
            if repeated {
                continue;
            }
            let v = q(f, *value);
            let slack = if *approximate {
                *bound * APPROX_SLACK
            } else {
                Decimal::ZERO
            };
            let (broken, actual, end) = match relation {
                Relation::Above => (
                    v.interval.hi.is_some_and(|h| h <= *bound - slack),
                    "不高于",
                    v.interval.hi,
                ),
                Relation::AtLeast => (
                    v.interval.hi.is_some_and(|h| h < *bound - slack),
                    "低于",
                    v.interval.hi,
                ),
                Relation::Below => (
                    v.interval.lo.is_some_and(|l| l >= *bound + slack),
                    "不低于",
                    v.interval.lo,
                ),
                Relation::AtMost => (
                    v.interval.lo.is_some_and(|l| l > *bound + slack),
                    "高于",
                    v.interval.lo,
                ),
            };
            let Some(end) = end.filter(|_| broken) else {
                continue;
            };
            // Both figures in the scale the exact one is written in: 48736亿元 against 50000亿元.
            let factor = v
                .scale
                .and_then(|s| scale_word(s).ok())
                .map_or(Decimal::ONE, |(_, (_, x))| x);
            let unit = format!(
                "{}{}",
                v.scale.unwrap_or(""),
                v.unit_text(f.text).unwrap_or("")
            );
            let in_scale = |d: Decimal| format!("{}{unit}", show(d / factor, 4));
            let (end_word, needs) = match relation {
                Relation::Above => ("至多为", "大于"),
                Relation::AtLeast => ("至多为", "不小于"),
                Relation::Below => ("至少为", "小于"),
                Relation::AtMost => ("至少为", "不大于"),
            };
            let written = &f.text[word.start.min(bound_span.start)..word.end.max(bound_span.end)];
            // The bound as loosened for an approximate threshold, on the side the figure missed.
            let loosened = match relation {
                Relation::Above | Relation::AtLeast => *bound - slack,
                Relation::Below | Relation::AtMost => *bound + slack,
            };
            let slack_note = if *approximate {
                format!("（所述门槛为约数，按其 5% 放宽到 {}）", in_scale(loosened))
            } else {
                String::new()
            };
            let mut labels = vec![Label::new(bound_span.clone(), "门槛")];
            if word.start < bound_span.start || word.end > bound_span.end {
                labels.push(Label::new(word.clone(), "门槛词"));
            }
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "门槛不成立：{} {actual} {}，文字却称“{written}”",
                    text(f, *value),
                    in_scale(*bound)
                ),
                help: format!(
                    "{} {end_word} {}，“{written}”要求{needs} {}{slack_note}",
                    text(f, *value),
                    in_scale(end),
                    in_scale(*bound)
                ),
                primary: Label::new(v.span.clone(), "准确数"),
                labels,
            });
        }
        out
    }
}
