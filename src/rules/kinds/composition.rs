//! `composition`: shares of one whole (`分别占…`) that add up to more than 100%, or, when they
//! are all of it, to less.

use rust_decimal::Decimal;

use super::{NoParams, q, text};
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
            out.push(Finding {
                suggestion: None,
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
