//! `multiple`: 是…的X倍, 增长X倍 (×(X+1) by convention), 翻一番 against the two values.
//!
//! The suggestion is the multiple the figures give, in the stated figure's form and precision
//! (`应为 2.3倍`; for `增长X倍` the increase, ratio − 1). None for `翻一番`/`翻两番`: a word, whose
//! fix is a rewording (`是原来的2.6倍`), which the message says.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{change_ratio, label, q, suggest, text, word};
use crate::claim::{ChangeMeasure, ChangeRef, Facts};
use crate::interval::Interval;
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// How far from an exact doubling 翻番 may be: 0.05 accepts ×1.9 to ×2.1.
    #[serde(default = "default_tolerance")]
    doubling_tolerance: Decimal,
}

fn default_tolerance() -> Decimal {
    Decimal::new(5, 2)
}

#[derive(Debug)]
pub struct Multiple {
    params: Params,
}

impl Multiple {
    pub fn new(params: Params) -> Self {
        Self { params }
    }
}

impl RuleKind for Multiple {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for ChangeRef {
            stated,
            from,
            to,
            measure,
            word: w,
            ..
        } in f.changes()
        {
            let (stated, from, to) = (*stated, *from, *to);
            let Some(ratio) = change_ratio(f, from, to) else {
                continue;
            };
            let ratio_text = format!(
                "{} ÷ {} {}",
                text(f, to),
                text(f, from),
                show_computed(&ratio, 2, " 倍")
            );
            let labels = vec![label(f, from, "基数"), label(f, to, "现值")];
            let primary = Label::new(q(f, stated).span.clone(), format!("所述{}", word(f, w)));
            let stated_text = text(f, stated);
            let finding = match measure {
                ChangeMeasure::Ratio => match judge(&ratio, q(f, stated)) {
                    Verdict::Consistent => continue,
                    verdict => Finding {
                        suggestion: suggest(f, stated, &ratio),
                        certainty: if verdict == Verdict::Truncated {
                            Certainty::Truncated
                        } else {
                            Certainty::Proven
                        },
                        message: format!("倍数不符：{ratio_text}，所述 {stated_text}"),
                        help: format!(
                            "{ratio_text}；{}",
                            show_stated(f.text, q(f, stated), 2, " 倍")
                        ),
                        primary,
                        labels,
                    },
                },
                ChangeMeasure::IncreaseBy => {
                    let Some(increase) = ratio.shift(-Decimal::ONE) else {
                        continue;
                    };
                    if judge(&increase, q(f, stated)) == Verdict::Consistent {
                        continue;
                    }
                    let other_reading = judge(&ratio, q(f, stated)) == Verdict::Consistent;
                    let increase_text = show_computed(&increase, 2, " 倍");
                    Finding {
                        suggestion: suggest(f, stated, &increase),
                        certainty: if other_reading {
                            Certainty::Plausible
                        } else {
                            Certainty::Proven
                        },
                        message: if other_reading {
                            format!(
                                "“{}{stated_text}”按惯例指增长后为原来的 {} 倍，而实际为原来的 {}，增长 {}；宜写作“是原来的{stated_text}”",
                                word(f, w),
                                (q(f, stated).value + Decimal::ONE).normalize(),
                                show_computed(&ratio, 2, " 倍")
                                    .trim_start_matches("= ")
                                    .trim_start_matches("≈ "),
                                increase_text
                                    .trim_start_matches("= ")
                                    .trim_start_matches("≈ ")
                            )
                        } else {
                            format!(
                                "倍数不符：{}{stated_text}，实际增长 {increase_text}",
                                word(f, w)
                            )
                        },
                        help: format!(
                            "{ratio_text}，即增长 {increase_text}；{}",
                            show_stated(f.text, q(f, stated), 2, " 倍")
                        ),
                        primary,
                        labels,
                    }
                }
                ChangeMeasure::Doubling { times } => {
                    let exact = Decimal::from(2u64.pow(*times));
                    let tolerance = exact * self.params.doubling_tolerance;
                    let accepted = Interval::new(exact - tolerance, exact + tolerance);
                    if ratio.meets(&accepted) {
                        continue;
                    }
                    Finding {
                        suggestion: None,
                        certainty: Certainty::Proven,
                        message: format!(
                            "“{stated_text}”应为原来的 {exact} 倍，实际为 {ratio_text}"
                        ),
                        help: format!(
                            "{ratio_text}；“{stated_text}”允许 {} 至 {} 倍",
                            (exact - tolerance).normalize(),
                            (exact + tolerance).normalize()
                        ),
                        primary,
                        labels,
                    }
                }
                _ => continue,
            };
            out.push(finding);
        }
        out
    }
}
