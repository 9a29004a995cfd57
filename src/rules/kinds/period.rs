//! `period`: `五年间` said of a span of years that is not five years long.

use super::{NoParams, q};
use crate::claim::{Claim, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Period;

impl Period {
    pub fn new(_: NoParams) -> Self {
        Period
    }
}

impl RuleKind for Period {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Period {
                word,
                said,
                first,
                last,
                years,
                ..
            } = claim
            else {
                continue;
            };
            let inclusive = last - first + 1;
            let steps = last - first;
            if i64::from(*said) == i64::from(inclusive)
                || i64::from(*said) == i64::from(steps)
                || steps <= 0
            {
                continue;
            }
            let _ = q;
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "期间不符：{first}年至{last}年共 {inclusive} 个年度，文中却称“{}”",
                    &f.text[word.clone()]
                ),
                help: format!(
                    "{first}—{last} 年含 {inclusive} 个年度（{steps} 个间隔）；请核对年份或年数"
                ),
                primary: Label::new(word.clone(), "所述年数"),
                labels: vec![Label::new(years.clone(), "年份")],
            });
        }
        out
    }
}
