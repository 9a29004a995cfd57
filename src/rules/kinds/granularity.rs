//! `granularity`: a percentage that no whole-number numerator can give over the stated count
//! (the GRIM test): `共37件，调解率43.7%`.

use rust_decimal::Decimal;

use super::{NoParams, label, q, text};
use crate::claim::{Claim, Facts};
use crate::rules::verdict::{show, show_interval};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Granularity;

impl Granularity {
    pub fn new(_: NoParams) -> Self {
        Granularity
    }
}

impl RuleKind for Granularity {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Granular { rate, denominator } = claim else {
                continue;
            };
            let n = q(f, *denominator).value;
            if n < Decimal::ONE || n > Decimal::from(100_000) {
                continue;
            }
            let Some((lo, hi)) = q(f, *rate).interval.ends() else {
                continue;
            };
            let hundred = Decimal::ONE_HUNDRED;
            let k_lo = (lo * n / hundred).ceil();
            let k_hi = (hi * n / hundred).floor();
            if k_lo <= k_hi {
                continue;
            }
            let below = k_hi.max(Decimal::ZERO);
            let above = k_lo.min(n);
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Plausible,
                message: format!(
                    "{} 不可能：分母为 {} 时，任何整数分子都得不到 {}",
                    text(f, *rate),
                    text(f, *denominator),
                    show_interval(&q(f, *rate).interval, 2, "%")
                ),
                help: format!(
                    "{}/{} = {}%，{}/{} = {}%；若分母不是 {}，请在文中写明",
                    below,
                    n,
                    show(below / n * hundred, 2),
                    above,
                    n,
                    show(above / n * hundred, 2),
                    text(f, *denominator)
                ),
                primary: Label::new(q(f, *rate).span.clone(), "所述比率"),
                labels: vec![label(f, *denominator, "分母")],
            });
        }
        out
    }
}
