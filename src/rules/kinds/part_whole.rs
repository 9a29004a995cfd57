//! `part-whole`: a part (`其中`) larger than its whole, alone or with the other parts listed.

use super::{NoParams, in_units_of, label, q, text};
use crate::claim::{Claim, Facts};
use crate::interval::Interval;
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct PartWhole;

impl PartWhole {
    pub fn new(_: NoParams) -> Self {
        PartWhole
    }
}

impl RuleKind for PartWhole {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Parts {
                whole,
                parts,
                listed,
            } = claim
            else {
                continue;
            };
            let whole_q = q(f, *whole);
            let Some(whole_hi) = whole_q.interval.hi else {
                continue;
            };
            let mut reported = false;
            for &p in parts {
                if q(f, p).interval.lo.is_some_and(|lo| lo > whole_hi) {
                    reported = true;
                    out.push(Finding {
                        suggestion: None,
                        certainty: Certainty::Proven,
                        message: format!(
                            "部分大于整体：“其中”项 {} 大于总数 {}",
                            text(f, p),
                            text(f, *whole)
                        ),
                        help: format!(
                            "{} 至少为 {}，{} 至多为 {}",
                            text(f, p),
                            q(f, p)
                                .interval
                                .lo
                                .map(|d| d.normalize().to_string())
                                .unwrap_or_default(),
                            text(f, *whole),
                            whole_hi.normalize()
                        ),
                        primary: Label::new(q(f, p).span.clone(), "部分"),
                        labels: vec![label(f, *whole, "整体")],
                    });
                }
            }
            // Parts not listed as one enumeration may overlap (`因私出境`, `赴港澳台出境`).
            if reported || parts.len() < 2 || !listed {
                continue;
            }
            let Some(sum) = Interval::sum(parts.iter().map(|&i| &q(f, i).interval)) else {
                continue;
            };
            if sum.lo.is_some_and(|lo| lo > whole_hi) {
                let last = *parts.last().expect("two parts or more");
                let terms: Vec<&str> = parts.iter().map(|&p| text(f, p)).collect();
                let mut labels = vec![label(f, *whole, "整体")];
                labels.extend(
                    parts[..parts.len() - 1]
                        .iter()
                        .map(|&p| label(f, p, "部分")),
                );
                out.push(Finding {
                    suggestion: None,
                    certainty: Certainty::Proven,
                    message: format!("各部分之和大于整体 {}", text(f, *whole)),
                    help: format!(
                        "{} {}，大于 {}",
                        terms.join(" + "),
                        in_units_of(f, *whole, &sum),
                        text(f, *whole)
                    ),
                    primary: Label::new(q(f, last).span.clone(), "部分"),
                    labels,
                });
            }
        }
        out
    }
}
