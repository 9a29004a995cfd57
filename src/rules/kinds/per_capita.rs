//! `per-capita`: an average (`人均支出1732元`) against the total and the head count.

use super::{NoParams, as_rounded, label, q, suggest, text, transposition};
use crate::claim::{Claim, Facts};
use crate::rules::verdict::{show_computed, show_interval};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct PerCapita;

impl PerCapita {
    pub fn new(_: NoParams) -> Self {
        PerCapita
    }
}

impl RuleKind for PerCapita {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::PerCapita {
                value,
                total,
                heads,
            } = claim
            else {
                continue;
            };
            let Some(computed) = q(f, *total).interval.div(&q(f, *heads).interval) else {
                continue;
            };
            let stated = as_rounded(f, *value);
            if computed.meets(&stated) {
                continue;
            }
            let unit = q(f, *value).unit_text(f.text).unwrap_or("");
            let arithmetic = format!(
                "{} ÷ {} {}",
                text(f, *total),
                text(f, *heads),
                show_computed(&computed, 2, unit)
            );
            let mut help = format!(
                "{arithmetic}；所述 {} 即 {}",
                text(f, *value),
                show_interval(&stated, 2, unit)
            );
            if let Some(swapped) = transposition(f, *value, &computed) {
                help.push_str(&format!("；疑数字颠倒（应为 {swapped}{unit}？）"));
            }
            out.push(Finding {
                suggestion: suggest(f, *value, &computed),
                certainty: Certainty::Proven,
                message: format!("平均数 {} 与总量、人数不符：{arithmetic}", text(f, *value)),
                help,
                primary: Label::new(q(f, *value).span.clone(), "所述平均数"),
                labels: vec![label(f, *total, "总量"), label(f, *heads, "人数")],
            });
        }
        out
    }
}
