//! `trend`: `逐年增长`, `逐年下降` said of values that do not all move that way.

use super::{NoParams, label, q, text, word};
use crate::claim::{Claim, Direction, Facts, TrendSteps};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Trend;

impl Trend {
    pub fn new(_: NoParams) -> Self {
        Trend
    }
}

/// The step from `a` to `b` certainly goes the `direction` way (their intervals say so).
fn certainly(f: &Facts, a: usize, b: usize, direction: Direction) -> bool {
    let (a, b) = (&q(f, a).interval, &q(f, b).interval);
    match direction {
        Direction::Up => b.lo.zip(a.hi).is_some_and(|(b_lo, a_hi)| b_lo > a_hi),
        Direction::Down => b.hi.zip(a.lo).is_some_and(|(b_hi, a_lo)| b_hi < a_lo),
    }
}

/// The step from `a` to `b` cannot go the `direction` way.
fn never(f: &Facts, a: usize, b: usize, direction: Direction) -> bool {
    let other = match direction {
        Direction::Up => Direction::Down,
        Direction::Down => Direction::Up,
    };
    let (ai, bi) = (&q(f, a).interval, &q(f, b).interval);
    let equal = ai.is_exact() && bi.is_exact() && ai == bi;
    equal || certainly(f, a, b, other)
}

impl RuleKind for Trend {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Trend {
                values,
                direction,
                word: w,
                steps,
            } = claim
            else {
                continue;
            };
            let pairs: Vec<(usize, usize)> = values.windows(2).map(|p| (p[0], p[1])).collect();
            // The step that breaks the claim, and what it should have done.
            let broken = match steps {
                TrendSteps::Every => pairs
                    .iter()
                    .copied()
                    .find(|&(a, b)| never(f, a, b, *direction)),
                TrendSteps::Last(n) => {
                    let from = pairs.len().saturating_sub(*n as usize);
                    pairs[from..]
                        .iter()
                        .copied()
                        .find(|&(a, b)| never(f, a, b, *direction))
                }
                TrendSteps::FirstTurn => {
                    let (last, before) = pairs.split_last().expect("three values or more");
                    before
                        .iter()
                        .copied()
                        .find(|&(a, b)| certainly(f, a, b, *direction))
                        .or_else(|| never(f, last.0, last.1, *direction).then_some(*last))
                }
            };
            let Some((prev, next)) = broken else { continue };
            let moved = if q(f, next).value == q(f, prev).value {
                "持平"
            } else if q(f, next).value > q(f, prev).value {
                "上升"
            } else {
                "下降"
            };
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message: format!(
                    "“{}”与所列数值不符：{} 之后为 {}，是{moved}",
                    word(f, w),
                    text(f, prev),
                    text(f, next)
                ),
                help: format!(
                    "所列数值：{}；“{}”要求{}",
                    values
                        .iter()
                        .map(|&v| text(f, v))
                        .collect::<Vec<_>>()
                        .join("、"),
                    word(f, w),
                    requirement(*steps, *direction)
                ),
                primary: Label::new(q(f, next).span.clone(), "与趋势相反"),
                labels: vec![label(f, prev, "前一年"), Label::new(w.clone(), "趋势词")],
            });
        }
        out
    }
}

fn requirement(steps: TrendSteps, direction: Direction) -> String {
    let way = if direction == Direction::Up {
        "上升"
    } else {
        "下降"
    };
    match steps {
        TrendSteps::Every => format!("每一步都{way}"),
        TrendSteps::Last(n) => format!("最后 {n} 步都{way}"),
        TrendSteps::FirstTurn => format!("最后一步{way}，此前没有{way}"),
    }
}
