//! `trend`: `逐年增长`, `逐年下降` said of values that do not all move that way.

use super::{NoParams, label, q, text, word};
use crate::claim::{Claim, Direction, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Trend;

impl Trend {
    pub fn new(_: NoParams) -> Self {
        Trend
    }
}

impl RuleKind for Trend {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Trend {
                values,
                direction,
                word: w,
            } = claim
            else {
                continue;
            };
            let broken = values.windows(2).find(|pair| {
                let (a, b) = (&q(f, pair[0]).interval, &q(f, pair[1]).interval);
                match direction {
                    Direction::Up => b.hi.zip(a.lo).is_some_and(|(b_hi, a_lo)| b_hi <= a_lo),
                    Direction::Down => b.lo.zip(a.hi).is_some_and(|(b_lo, a_hi)| b_lo >= a_hi),
                }
            });
            let Some(pair) = broken else { continue };
            let (prev, next) = (pair[0], pair[1]);
            let moved = if q(f, next).value == q(f, prev).value {
                "持平"
            } else if q(f, next).value > q(f, prev).value {
                "上升"
            } else {
                "下降"
            };
            out.push(Finding {
                certainty: Certainty::Proven,
                message: format!(
                    "“{}”与所列数值不符：{} 之后为 {}，是{moved}",
                    word(f, w),
                    text(f, prev),
                    text(f, next)
                ),
                help: format!(
                    "所列数值：{}；“{}”要求每一步都{}",
                    values
                        .iter()
                        .map(|&v| text(f, v))
                        .collect::<Vec<_>>()
                        .join("、"),
                    word(f, w),
                    if *direction == Direction::Up {
                        "上升"
                    } else {
                        "下降"
                    }
                ),
                primary: Label::new(q(f, next).span.clone(), "与趋势相反"),
                labels: vec![label(f, prev, "前一年"), Label::new(w.clone(), "趋势词")],
            });
        }
        out
    }
}
