//! `annual`: a stated average annual growth (`年均增长11.0%`) against the values at both ends
//! of its span: (B ÷ A)^(1/n) − 1.

use rust_decimal::Decimal;

use super::{NoParams, change_ratio, label, q, text};
use crate::claim::{ChangeMeasure, ChangeRef, Facts};
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Annual;

impl Annual {
    pub fn new(_: NoParams) -> Self {
        Annual
    }
}

impl RuleKind for Annual {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for ChangeRef {
            stated,
            from,
            to,
            measure,
            ..
        } in f.changes()
        {
            let ChangeMeasure::Annual { years } = measure else {
                continue;
            };
            let Some(computed) = change_ratio(f, *from, *to)
                .and_then(|r| r.root(*years))
                .and_then(|r| r.shift(-Decimal::ONE))
                .and_then(|r| r.scale(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            let certainty = match judge(&computed, q(f, *stated)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => Certainty::Proven,
            };
            let arithmetic = format!(
                "({} ÷ {})^(1/{years}) − 1 {}",
                text(f, *to),
                text(f, *from),
                show_computed(&computed, 2, "%")
            );
            out.push(Finding {
                certainty,
                message: format!("年均增长 {} 与首尾数值不符：{arithmetic}", text(f, *stated)),
                help: format!(
                    "{arithmetic}（{years} 年）；{}",
                    show_stated(f.text, q(f, *stated), 2, "%")
                ),
                primary: Label::new(q(f, *stated).span.clone(), "所述年均增幅"),
                labels: vec![label(f, *from, "起点"), label(f, *to, "终点")],
            });
        }
        out
    }
}
