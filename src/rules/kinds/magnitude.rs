//! `magnitude`: a figure off by 10^4 or 10^8 (万/亿 confused), found where multiplying one
//! operand by that factor makes a failing growth or share consistent.

use rust_decimal::Decimal;

use super::{NoParams, growth_slip, label, literary, q, share_slip, text};
use crate::claim::{ChangeMeasure, Claim, Facts};
use crate::number::Kind;
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug)]
pub struct Magnitude;

impl Magnitude {
    pub fn new(_: NoParams) -> Self {
        Magnitude
    }
}

fn scale_name(exponent: i32) -> Option<&'static str> {
    Some(match exponent {
        0 => "",
        4 => "万",
        8 => "亿",
        12 => "万亿",
        _ => return None,
    })
}

fn finding(f: &Facts, stated: usize, culprit: usize, exp: i32, others: &[usize]) -> Finding {
    let written = q(f, culprit).scale.unwrap_or("");
    let written_exp = match written {
        "万" => 4,
        "亿" => 8,
        "万亿" => 12,
        _ => 0,
    };
    let unit = q(f, culprit).unit_text(f.text).unwrap_or("");
    let hint = match (scale_name(written_exp + exp), written.is_empty()) {
        (Some(new), false) => format!("疑“{written}{unit}”应为“{new}{unit}”"),
        (Some(new), true) => format!("疑“{unit}”应为“{new}{unit}”"),
        (None, _) => format!("“{}”疑相差 10^{} 倍", text(f, culprit), exp.abs()),
    };
    Finding {
        suggestion: None,
        certainty: Certainty::Proven,
        message: format!(
            "量级错误：{} 与 {} 相差约 10^{} 倍，{hint}",
            text(f, stated),
            text(f, culprit),
            exp.abs()
        ),
        help: format!(
            "把 {} 换成{}后，{} 成立",
            text(f, culprit),
            scale_name(written_exp + exp)
                .map_or("同一量级".to_string(), |n| format!("“{n}{unit}”")),
            text(f, stated)
        ),
        primary: Label::new(q(f, culprit).span.clone(), "疑似量级有误"),
        labels: std::iter::once(Label::new(q(f, stated).span.clone(), "所述"))
            .chain(
                others
                    .iter()
                    .filter(|&&o| o != culprit)
                    .map(|&o| label(f, o, "对照")),
            )
            .collect(),
    }
}

impl RuleKind for Magnitude {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            match claim {
                Claim::Change {
                    stated,
                    from,
                    to,
                    direction,
                    measure: ChangeMeasure::Percent,
                    ..
                } if q(f, *from).kind != Kind::Percent => {
                    if let Some((culprit, exp)) = growth_slip(f, *from, *to, *stated, *direction) {
                        out.push(finding(f, *stated, culprit, exp, &[*from, *to]));
                    }
                }
                Claim::Share {
                    share, part, whole, ..
                } if !literary(f, *share) => {
                    let factor = if q(f, *share).kind == Kind::Percent {
                        Decimal::ONE_HUNDRED
                    } else {
                        Decimal::ONE
                    };
                    if let Some((culprit, exp)) = share_slip(f, *part, *whole, *share, factor) {
                        out.push(finding(f, *share, culprit, exp, &[*part, *whole]));
                    }
                }
                _ => {}
            }
        }
        out
    }
}
