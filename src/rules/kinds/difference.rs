//! `difference`: `比上年的33210件增加2653件` against both values.

use rust_decimal::Decimal;

use super::{
    NoParams, in_units_of, label, q, signed_difference, stated_in_units, suggest, text,
    transposition, word,
};
use crate::claim::{ChangeMeasure, ChangeRef, Direction, Facts};
use crate::rules::verdict::{Verdict, judge};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Difference;

impl Difference {
    pub fn new(_: NoParams) -> Self {
        Difference
    }
}

impl RuleKind for Difference {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for ChangeRef {
            stated,
            from,
            to,
            direction,
            measure,
            word: w,
        } in f.changes()
        {
            if *measure != ChangeMeasure::Difference {
                continue;
            }
            let Some(delta) = signed_difference(f, *from, *to, *direction) else {
                continue;
            };
            if delta.hi.is_some_and(|h| h < Decimal::ZERO) {
                continue; // the `direction` kind's
            }
            let certainty = match judge(&delta, q(f, *stated)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => Certainty::Proven,
            };
            let unit = q(f, *stated).unit_text(f.text).unwrap_or("");
            let (a, b) = if *direction == Direction::Up {
                (*to, *from)
            } else {
                (*from, *to)
            };
            let arithmetic = format!(
                "{} − {} {}",
                text(f, a),
                text(f, b),
                in_units_of(f, *stated, &delta)
            );
            // The stated interval in the unit the figures are written in (`万元`), as the sum.
            let mut help = format!("{arithmetic}；{}", stated_in_units(f, *stated));
            if let Some(swapped) = transposition(f, *stated, &delta) {
                help.push_str(&format!("；疑数字颠倒（应为 {swapped}{unit}？）"));
            }
            out.push(Finding {
                suggestion: suggest(f, *stated, &delta),
                certainty,
                message: format!(
                    "{}{} 与前后数值之差不符：{arithmetic}",
                    word(f, w),
                    text(f, *stated)
                ),
                help,
                primary: Label::new(q(f, *stated).span.clone(), format!("所述{}", word(f, w))),
                labels: vec![label(f, *from, "基数"), label(f, *to, "现值")],
            });
        }
        out
    }
}
