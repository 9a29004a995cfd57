//! `threshold`: `突破5万亿元` said of 48736亿元, `低于3%` of 3.6%, `超过6%的县市…即：西湖5.7%`.

use rust_decimal::Decimal;

use super::{NoParams, q, text, written_scale};
use crate::claim::{Claim, Facts, Relation};
use crate::rules::verdict::show;
use crate::rules::{Certainty, Finding, Label, RuleKind};

/// How far an approximate bound (`近3千亿元`, `3%左右`) may stand from its written figure, as a
/// share of it: `近3千亿元` is a little under 3千亿, never half of it, but how little is not
/// said. A figure within this of the bound is not held against the word.
const APPROX_SLACK: Decimal = Decimal::from_parts(5, 0, 0, false, 2);

/// The most bytes between a threshold word and its bound for both to be quoted as one phrase
/// (`超过原定的近3千亿元`); farther apart, the word is quoted alone.
const MAX_JOIN: usize = 24;

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
                rounding,
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
                bound.checked_mul(APPROX_SLACK)
            } else {
                Some(Decimal::ZERO)
            }
            .and_then(|s| s.checked_add(*rounding));
            let Some(slack) = slack else { continue };
            // The bound as loosened for an approximate threshold, the end of the figure that
            // must clear it, and the words for each relation.
            let (lo, hi) = (v.interval.lo, v.interval.hi);
            let (loosened, end, actual, end_word, needs) = match relation {
                Relation::Above => (bound.checked_sub(slack), hi, "不高于", "至多为", "大于"),
                Relation::AtLeast => (bound.checked_sub(slack), hi, "低于", "至多为", "不小于"),
                Relation::Below => (bound.checked_add(slack), lo, "不低于", "至少为", "小于"),
                Relation::AtMost => (bound.checked_add(slack), lo, "高于", "至少为", "不大于"),
            };
            let Some(loosened) = loosened else { continue };
            let broken = |e: Decimal| match relation {
                Relation::Above => e <= loosened,
                Relation::AtLeast => e < loosened,
                Relation::Below => e >= loosened,
                Relation::AtMost => e > loosened,
            };
            let Some(end) = end.filter(|&e| broken(e)) else {
                continue;
            };
            // Both figures in the scale the exact one is written in: 48736亿元 against 50000亿元.
            let (factor, unit) = written_scale(f, *value);
            let in_scale = |d: Decimal| format!("{}{unit}", show(d / factor, 4));
            // The words as written: the threshold word with its bound, or, for a bound stated
            // elsewhere (`控制在…限额之内` and `限额78.2亿元`), the words alone.
            let joined = word.start.min(bound_span.start)..word.end.max(bound_span.end);
            let written = if joined.len() <= word.len() + bound_span.len() + MAX_JOIN {
                &f.text[joined]
            } else {
                &f.text[word.clone()]
            };
            let slack_note = if *approximate {
                format!("（所述门槛为约数，按其 5% 放宽到 {}）", in_scale(loosened))
            } else if !rounding.is_zero() {
                format!(
                    "（{} 按末位取整，可至 {}）",
                    &f.text[bound_span.clone()],
                    in_scale(loosened)
                )
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
