//! `sum`: a stated total against all its parts.

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{alternative, in_units_of, label, q, remainder, stated_in_units, suggest, text};
use crate::claim::{Claim, Facts};
use crate::interval::Interval;
use crate::rules::verdict::{Verdict, judge};
use crate::rules::{Certainty, Finding, Label, Proposed, RuleKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Check cumulative totals over years (`五年来共…，各年分别为…`) instead of totals of kinds.
    #[serde(default)]
    over_years: bool,
}

#[derive(Debug)]
pub struct Sum {
    params: Params,
}

impl Sum {
    pub fn new(params: Params) -> Self {
        Self { params }
    }
}

impl RuleKind for Sum {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        self.propose(f).into_iter().map(|p| p.finding).collect()
    }

    /// The alternative: when the last part names the rest of the whole (`其他`, `民办及其他养老
    /// 机构`), the value it needs for the parts to make the stated total; which other part is
    /// wrong, the figures cannot say.
    fn propose(&self, f: &Facts) -> Vec<Proposed> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Total {
                total,
                parts,
                over_years,
                rounded,
            } = claim
            else {
                continue;
            };
            if *over_years != self.params.over_years {
                continue;
            }
            // A part larger than its total alone is `part-exceeds-whole`'s finding.
            let total_hi = q(f, *total).interval.hi;
            if parts.iter().any(|&p| {
                q(f, p)
                    .interval
                    .lo
                    .zip(total_hi)
                    .is_some_and(|(lo, hi)| lo > hi)
            }) {
                continue;
            }
            let Some(mut sum) = Interval::sum(parts.iter().map(|&i| &q(f, i).interval)) else {
                continue;
            };
            // Means rounded to their last digit: each, and the average, may be off by a unit.
            if *rounded {
                let slack: Decimal = parts
                    .iter()
                    .chain(std::iter::once(total))
                    .map(|&i| q(f, i).step)
                    .sum();
                let Some((lo, hi)) = sum.ends() else { continue };
                sum = Interval::new(lo - slack, hi + slack);
            }
            let certainty = match judge(&sum, q(f, *total)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => Certainty::Proven,
            };
            let terms: Vec<&str> = parts.iter().map(|&p| text(f, p)).collect();
            let arithmetic = format!("{} {}", terms.join(" + "), in_units_of(f, *total, &sum));
            let mut labels: Vec<Label> = parts.iter().map(|&p| label(f, p, "分项")).collect();
            labels.dedup();
            let names: Vec<&str> = parts.iter().map(|&p| f.metric(p)).collect();
            let other = (!*over_years && !*rounded && crate::claim::last_names_the_rest(&names))
                .then(|| {
                    let (last, others) = parts.split_last()?;
                    let needed = remainder(
                        &q(f, *total).interval,
                        others.iter().map(|&p| q(f, p).interval),
                    )?;
                    alternative(f, *last, "分项", &needed, |name, value, approx| {
                        crate::messages::if_stated_is("合计", text(f, *total), name, value, approx)
                    })
                })
                .flatten();
            // `猪肉21.01万吨 + 牛肉0.47吨 + …`: parts written without the total's scale word
            // that fit once given it lost the word, not the total its value.
            let slipped = lost_scale(f, *total, parts);
            let mut help = format!("{arithmetic}；{}", stated_in_units(f, *total));
            if let Some(slipped) = &slipped {
                let (written, meant): (Vec<&str>, Vec<String>) = slipped
                    .iter()
                    .map(|&p| {
                        let scale = q(f, *total).scale.unwrap_or_default();
                        let digits = f.text[q(f, p).span.clone()]
                            .trim_end_matches(|c: char| !c.is_ascii_digit());
                        let unit = q(f, p).unit_text(f.text).unwrap_or_default();
                        (text(f, p), format!("{digits}{scale}{unit}"))
                    })
                    .unzip();
                help.push_str(&format!(
                    "；若 {} 为 {}，则相符（疑漏写“{}”）",
                    written.join("、"),
                    meant.join("、"),
                    q(f, *total).scale.unwrap_or_default()
                ));
            }
            let finding = Finding {
                suggestion: if slipped.is_some() {
                    None
                } else {
                    suggest(f, *total, &sum)
                },
                certainty,
                message: if *over_years {
                    format!("累计 {} 与各年数值之和不符：{arithmetic}", text(f, *total))
                } else {
                    format!("合计 {} 与分项之和不符：{arithmetic}", text(f, *total))
                },
                help,
                primary: Label::new(q(f, *total).span.clone(), "所述合计"),
                labels,
            };
            out.push(Proposed::new(finding, other));
        }
        out
    }
}

/// The parts written without the scale word of the total (`0.47吨` among `万吨`), when giving
/// each of them that word makes the parts add up to the total.
fn lost_scale(f: &Facts, total: usize, parts: &[usize]) -> Option<Vec<usize>> {
    let t = q(f, total);
    let factor = crate::number::numeral::scale_factor(t.scale?);
    let unit = t.unit_text(f.text);
    let slipped: Vec<usize> = parts
        .iter()
        .copied()
        .filter(|&p| q(f, p).scale.is_none() && q(f, p).unit_text(f.text) == unit)
        .collect();
    if slipped.is_empty() || slipped.len() == parts.len() {
        return None;
    }
    let rescaled: Option<Vec<Interval>> = parts
        .iter()
        .map(|&p| {
            let i = &q(f, p).interval;
            if slipped.contains(&p) {
                i.scale(factor)
            } else {
                Some(*i)
            }
        })
        .collect();
    let sum = Interval::sum(rescaled?.iter())?;
    (judge(&sum, t) == Verdict::Consistent).then_some(slipped)
}
