//! `repeat`: the same metric stated twice with values that cannot both be true.

use rust_decimal::Decimal;

use super::{NoParams, q, text};
use crate::claim::{Claim, Facts};
use crate::rules::verdict::show_interval;
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Repeat;

impl Repeat {
    pub fn new(_: NoParams) -> Self {
        Repeat
    }
}

impl RuleKind for Repeat {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let (first, second, certainty, name, scale) = match claim {
                // Only a mention that points back is surely the same figure; two figures with
                // the same words in one paragraph are often parallel (两项试点各自的参保人数).
                Claim::Repeat {
                    first,
                    second,
                    refers_back: true,
                } => (*first, *second, Certainty::Proven, None, Decimal::ONE),
                // Two paragraphs giving one name are one metric only as far as the name says:
                // a scope set by a heading or a sentence before may part them.
                Claim::Restated {
                    first,
                    second,
                    name,
                    scale,
                } => (
                    *first,
                    *second,
                    Certainty::Plausible,
                    Some(name.as_str()),
                    *scale,
                ),
                _ => continue,
            };
            let (a, b) = (q(f, first), q(f, second));
            // A table's cell is written in its column's unit (`金额（亿元）`).
            let Some(b_interval) = b.interval.scale(scale) else {
                continue;
            };
            // An approximation against a precise figure is the `approx-direction` kind's.
            if a.approx.is_some() != b.approx.is_some() || a.interval.meets(&b_interval) {
                continue;
            }
            let unit = a.unit_text(f.text).unwrap_or("");
            let precision = if a.step != b.step * scale && !a.exact && !b.exact {
                "（两处精度不同）"
            } else {
                ""
            };
            let named = name.map_or(String::new(), |n| format!("；两处指标名同为“{n}”"));
            out.push(Finding {
                suggestion: None,
                certainty,
                message: format!(
                    "同一数据前后不一致{precision}：前文 {}，此处 {}",
                    text(f, first),
                    text(f, second)
                ),
                help: format!(
                    "{} 即 {}；{} 即 {}；两者不相交{named}",
                    text(f, first),
                    show_interval(&a.interval, 2, unit),
                    text(f, second),
                    show_interval(&b_interval, 2, unit)
                ),
                primary: Label::new(b.span.clone(), "此处"),
                labels: vec![Label::new(a.span.clone(), "前文")],
            });
        }
        out
    }
}
