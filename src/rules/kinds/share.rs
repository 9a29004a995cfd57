//! `share`: a stated share (`占…的64.9%`, `占比`) against its part and whole.

use rust_decimal::Decimal;

use super::{NoParams, alternative, label, literary, q, share_slip, suggest, text};
use crate::claim::{Claim, Facts};
use crate::number::Kind;
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, Proposed, RuleKind};

#[derive(Debug)]
pub struct Share;

impl Share {
    pub fn new(_: NoParams) -> Self {
        Share
    }
}

impl RuleKind for Share {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        self.propose(f).into_iter().map(|p| p.finding).collect()
    }

    /// The alternative: the part the stated share needs of the whole as stated (`若占比为
    /// 64.9%，出口应约为 1263.5亿元`).
    fn propose(&self, f: &Facts) -> Vec<Proposed> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Share {
                share,
                part,
                whole,
                named,
            } = claim
            else {
                continue;
            };
            let (share, part, whole) = (*share, *part, *whole);
            if literary(f, share) {
                continue; // `近七成`, `三分之一`: the `share-wording` kind's
            }
            let percent = q(f, share).kind == Kind::Percent;
            let factor = if percent {
                Decimal::ONE_HUNDRED
            } else {
                Decimal::ONE
            };
            let unit = if percent { "%" } else { "" };
            let Some(computed) = q(f, part)
                .interval
                .div(&q(f, whole).interval)
                .and_then(|r| r.scale(factor))
            else {
                continue;
            };
            if share_slip(f, part, whole, share, factor).is_some() {
                continue; // a 万/亿 slip: the `magnitude` kind's
            }
            let certainty = match judge(&computed, q(f, share)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent if *named => Certainty::Proven,
                Verdict::Inconsistent => Certainty::Plausible,
            };
            let places = if percent { 2 } else { 4 };
            let arithmetic = format!(
                "{} ÷ {} {}",
                text(f, part),
                text(f, whole),
                show_computed(&computed, places, unit)
            );
            let needed = q(f, share)
                .interval
                .scale(Decimal::ONE / factor)
                .and_then(|r| r.mul(&q(f, whole).interval));
            let stated = text(f, share);
            let other = needed.and_then(|n| {
                alternative(f, part, "部分", &n, |name, value, approx| {
                    crate::messages::if_stated_is("占比", stated, name, value, approx)
                })
            });
            let finding = Finding {
                suggestion: suggest(f, share, &computed),
                certainty,
                message: format!("占比 {} 与部分、整体不符：{arithmetic}", text(f, share)),
                help: format!(
                    "{arithmetic}；{}",
                    show_stated(f.text, q(f, share), places, unit)
                ),
                primary: Label::new(q(f, share).span.clone(), "所述占比"),
                labels: vec![label(f, part, "部分"), label(f, whole, "整体")],
            };
            out.push(Proposed::new(finding, other));
        }
        out
    }
}
