//! `composition`: shares of one whole (`分别占…`) that add up to more than 100%, or, when they
//! are all of it, to less.
//!
//! The suggestion: when the shares are all of the whole and the last item names the rest of it
//! (`其他人员`, `服务及其他人员` after `管理人员`), the share that item needs, 100% less the others:
//! a writer derives the rest by difference, so it is the odd one. Otherwise none: any of the
//! shares may be the wrong one, and over 100% any smaller value of any share holds.

use rust_decimal::Decimal;

use super::{NoParams, q, remainder, suggest, text};
use crate::claim::{Claim, Facts};
use crate::interval::Interval;
use crate::rules::verdict::show_computed;
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Composition;

impl Composition {
    pub fn new(_: NoParams) -> Self {
        Composition
    }
}

impl RuleKind for Composition {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Composition {
                keyword,
                values,
                exhaustive,
            } = claim
            else {
                continue;
            };
            let Some(sum) = Interval::sum(values.iter().map(|&i| &q(f, i).interval)) else {
                continue;
            };
            let Some((lo, hi)) = sum.ends() else { continue };
            let over = lo > Decimal::ONE_HUNDRED;
            let under = *exhaustive && hi < Decimal::ONE_HUNDRED;
            if !over && !under {
                continue;
            }
            let terms: Vec<&str> = values.iter().map(|&v| text(f, v)).collect();
            let last = *values.last().expect("a list has values");
            let names: Vec<&str> = values.iter().map(|&v| f.metric(v)).collect();
            let suggestion = (*exhaustive && crate::claim::last_names_the_rest(&names))
                .then(|| {
                    let others = values[..values.len() - 1].iter().map(|&v| q(f, v).interval);
                    suggest(
                        f,
                        last,
                        &remainder(&Interval::exact(Decimal::ONE_HUNDRED), others)?,
                    )
                })
                .flatten();
            out.push(Finding {
                suggestion,
                certainty: Certainty::Proven,
                message: format!(
                    "构成比之和{}100%：{} {}",
                    if over { "超过" } else { "不足" },
                    terms.join(" + "),
                    show_computed(&sum, 2, "%")
                ),
                help: format!(
                    "{} 项各按四舍五入的区间相加为 {}；同一整体的各部分{}",
                    values.len(),
                    show_computed(&sum, 2, "%")
                        .trim_start_matches("= ")
                        .trim_start_matches("≈ "),
                    if over {
                        "之和不能超过 100%"
                    } else {
                        "既已列全，其和应为 100%"
                    }
                ),
                primary: Label::new(q(f, last).span.clone(), "构成比"),
                labels: std::iter::once(Label::new(keyword.clone(), "占"))
                    .chain(
                        values[..values.len() - 1]
                            .iter()
                            .map(|&v| Label::new(q(f, v).span.clone(), "构成比")),
                    )
                    .collect(),
            });
        }
        out
    }
}
