//! `approx-direction`: `4万余件` where the exact figure stated elsewhere is below 40000;
//! `近`, `超过`, `不足`, `以上` likewise.

use super::{NoParams, q, text};
use crate::claim::{Claim, Facts};
use crate::number::ApproxKind;
use crate::rules::verdict::show_interval;
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct ApproxDirection;

impl ApproxDirection {
    pub fn new(_: NoParams) -> Self {
        ApproxDirection
    }
}

impl RuleKind for ApproxDirection {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Repeat { first, second, .. } = claim else {
                continue;
            };
            let (approx, precise) = match (q(f, *first).approx, q(f, *second).approx) {
                (Some(_), None) => (*first, *second),
                (None, Some(_)) => (*second, *first),
                _ => continue,
            };
            let (a, p) = (q(f, approx), q(f, precise));
            if a.interval.meets(&p.interval) {
                continue;
            }
            let word = a.approx.map(|x| x.word).unwrap_or_default();
            let unit = a.unit_text(f.text).unwrap_or("");
            let below = p.interval.hi.zip(a.interval.lo).is_some_and(|(h, l)| h < l);
            let relation = if below { "低于" } else { "高于" };
            let hint = match (a.approx.map(|x| x.kind), below) {
                (Some(ApproxKind::Over | ApproxKind::AtLeast), true) => "，宜改用“近”“约”",
                (Some(ApproxKind::Near | ApproxKind::Under | ApproxKind::AtMost), false) => {
                    "，宜改用“余”“超过”"
                }
                _ => "",
            };
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "约数方向错误：{} {relation}“{}”所允许的范围{hint}",
                    text(f, precise),
                    text(f, approx)
                ),
                help: format!(
                    "“{}”（{word}）即 {}；{} 即 {}",
                    text(f, approx),
                    show_interval(&a.interval, 2, unit),
                    text(f, precise),
                    show_interval(&p.interval, 2, unit)
                ),
                primary: Label::new(a.span.clone(), "约数"),
                labels: vec![Label::new(p.span.clone(), "准确数")],
            });
        }
        out
    }
}
