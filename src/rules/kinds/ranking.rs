//! `ranking`: `居首位`, `最高` said of a figure that another figure of the text exceeds.

use super::{NoParams, label, q, text, word};
use crate::claim::{Claim, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Ranking;

impl Ranking {
    pub fn new(_: NoParams) -> Self {
        Ranking
    }
}

impl RuleKind for Ranking {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Ranking {
                word: w,
                claimed,
                others,
                highest,
            } = claim
            else {
                continue;
            };
            let c = &q(f, *claimed).interval;
            let beaten = others.iter().copied().find(|&o| {
                let other = &q(f, o).interval;
                if *highest {
                    other.lo.zip(c.hi).is_some_and(|(ol, ch)| ol > ch)
                } else {
                    other.hi.zip(c.lo).is_some_and(|(oh, cl)| oh < cl)
                }
            });
            let Some(other) = beaten else { continue };
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "排序矛盾：“{}”不成立，{} {} {}",
                    word(f, w),
                    text(f, other),
                    if *highest { "大于" } else { "小于" },
                    text(f, *claimed)
                ),
                help: format!(
                    "所称{}者为 {}，但同类数字中有 {}",
                    word(f, w),
                    text(f, *claimed),
                    text(f, other)
                ),
                primary: Label::new(w.clone(), "排序"),
                labels: vec![label(f, *claimed, "所称"), label(f, other, "更大")],
            });
            let _ = q;
        }
        out
    }
}
