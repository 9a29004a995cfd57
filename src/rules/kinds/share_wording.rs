//! `share-wording`: a share worded as a fraction or in 成 (`近七成`, `过半`, `三分之一`) that the
//! part and whole do not bear out. Literary wording is loose, so this is a warning.

use rust_decimal::Decimal;

use super::{NoParams, label, literary, q, text};
use crate::claim::{Claim, Facts};
use crate::number::Kind;
use crate::rules::verdict::{show, show_computed};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct ShareWording;

impl ShareWording {
    pub fn new(_: NoParams) -> Self {
        ShareWording
    }
}

/// Fractions a report says in words.
const SIMPLE: [(i64, i64, &str); 9] = [
    (1, 5, "五分之一"),
    (1, 4, "四分之一"),
    (1, 3, "三分之一"),
    (2, 5, "五分之二"),
    (1, 2, "一半"),
    (3, 5, "五分之三"),
    (2, 3, "三分之二"),
    (3, 4, "四分之三"),
    (4, 5, "五分之四"),
];

impl RuleKind for ShareWording {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Share {
                share, part, whole, ..
            } = claim
            else {
                continue;
            };
            if !literary(f, *share) {
                continue;
            }
            let s = q(f, *share);
            let percent = s.kind == Kind::Percent;
            let factor = if percent {
                Decimal::ONE_HUNDRED
            } else {
                Decimal::ONE
            };
            let Some(computed) = q(f, *part)
                .interval
                .div(&q(f, *whole).interval)
                .and_then(|r| r.scale(factor))
            else {
                continue;
            };
            let unit = if percent { "%" } else { "" };
            let arithmetic = format!(
                "{} ÷ {} {}",
                text(f, *part),
                text(f, *whole),
                show_computed(&computed, 4, unit)
            );
            let Some(mid) = crate::rules::verdict::middle(&computed) else {
                continue;
            };
            let problem = if !computed.meets(&s.interval) {
                Some(format!("“{}”与实际占比不符", text(f, *share)))
            } else if s.kind == Kind::Fraction && s.approx.is_none() {
                // An exact-sounding fraction closer to another simple fraction (59% as 三分之二).
                let nearest = SIMPLE
                    .iter()
                    .min_by_key(|(n, d, _)| (Decimal::from(*n) / Decimal::from(*d) - mid).abs())
                    .expect("a list of fractions");
                let said = (Decimal::from(nearest.0) / Decimal::from(nearest.1) - s.value).abs()
                    > Decimal::new(1, 6);
                said.then(|| format!("“{}”不如“{}”贴切", text(f, *share), nearest.2))
            } else {
                None
            };
            let Some(message) = problem else { continue };
            let shown = if percent {
                format!("{}%", show(mid, 1))
            } else {
                format!("{}%", show(mid * Decimal::ONE_HUNDRED, 1))
            };
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Plausible,
                message: format!("{message}：实际约为 {shown}"),
                help: arithmetic,
                primary: Label::new(s.span.clone(), "所述比例"),
                labels: vec![label(f, *part, "部分"), label(f, *whole, "整体")],
            });
        }
        out
    }
}
