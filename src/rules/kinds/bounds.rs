//! `bounds`: a rate or share above 100%, a fall of more than 100%.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{q, text};
use crate::claim::{Bound, Claim, Facts};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Rates that may pass 100% (`增长率`, `完成率`, `资本充足率` …).
    #[serde(default)]
    unbounded: Vec<String>,
}

#[derive(Debug)]
pub struct Bounds {
    params: Params,
}

impl Bounds {
    pub fn new(params: Params) -> Self {
        Self { params }
    }
}

impl RuleKind for Bounds {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Bounded { value, bound } = claim else {
                continue;
            };
            let v = q(f, *value);
            if v.interval.lo.is_none_or(|lo| lo <= Decimal::ONE_HUNDRED) {
                continue;
            }
            let (message, help, label) = match bound {
                Bound::Share { name } => {
                    let name_text = &f.text[name.clone()];
                    if self
                        .params
                        .unbounded
                        .iter()
                        .any(|w| name_text.contains(w.as_str()))
                    {
                        continue;
                    }
                    (
                        format!("{name_text} {} 超过 100%", text(f, *value)),
                        "比率和占比是部分与整体之比，不能超过 100%；请核对数字或指标名称"
                            .to_string(),
                        Label::new(name.clone(), "比率"),
                    )
                }
                Bound::Decline { word } => (
                    format!(
                        "{}{} 超过 100%：减少的量不能多于原有的量",
                        &f.text[word.clone()],
                        text(f, *value)
                    ),
                    "降幅至多为 100%；若指增幅或倍数，请改用相应措辞".to_string(),
                    Label::new(word.clone(), "方向词"),
                ),
            };
            out.push(Finding {
                suggestion: None,
                certainty: Certainty::Proven,
                message,
                help,
                primary: Label::new(v.span.clone(), "所述百分比"),
                labels: vec![label],
            });
        }
        out
    }
}
