//! `ratio`: a stated rate against the counts it divides (`结案率` = 审结 ÷ 受理).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{label, q, text};
use crate::claim::{Claim, Facts};
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, RuleKind};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Params {
    /// Known rates: the numerator and denominator words their counts are named with.
    #[serde(default)]
    rates: Vec<RateDefinition>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RateDefinition {
    name: String,
    numerator: Vec<String>,
    denominator: Vec<String>,
}

#[derive(Debug)]
pub struct Ratio {
    params: Params,
}

impl Ratio {
    pub fn new(params: Params) -> Self {
        Self { params }
    }
}

fn named_by(f: &Facts, i: usize, words: &[String]) -> bool {
    let m = f.metric(i);
    words.iter().any(|w| m.contains(w.as_str()))
}

/// A character of the rate's stem (the two characters before 率) occurs in the metric.
fn stem_named(rate_name: &str, metric: &str) -> bool {
    let stem: Vec<char> = rate_name
        .trim_end_matches('率')
        .chars()
        .rev()
        .take(2)
        .collect();
    stem.iter().any(|c| metric.contains(*c))
}

impl RuleKind for Ratio {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        let mut out = Vec::new();
        for claim in &f.claims {
            let Claim::Rate {
                rate,
                name,
                numerator: later,
                denominator: earlier,
            } = claim
            else {
                continue;
            };
            let (rate, later, earlier) = (*rate, *later, *earlier);
            let rate_name = &f.text[name.clone()];
            let definition = self
                .params
                .rates
                .iter()
                .filter(|d| rate_name.ends_with(d.name.as_str()))
                .max_by_key(|d| d.name.len());
            // A known rate whose counts are named as its definition says is proven; any other
            // pairing is one plausible reading, the smaller count over the larger.
            let (num, den, certainty) = match definition {
                Some(d)
                    if named_by(f, later, &d.numerator) && named_by(f, earlier, &d.denominator) =>
                {
                    (later, earlier, Certainty::Proven)
                }
                Some(d)
                    if named_by(f, earlier, &d.numerator) && named_by(f, later, &d.denominator) =>
                {
                    (earlier, later, Certainty::Proven)
                }
                _ if q(f, later).value <= q(f, earlier).value => {
                    (later, earlier, Certainty::Plausible)
                }
                _ => (earlier, later, Certainty::Plausible),
            };
            // Without a definition, the numerator must at least be named like the rate
            // (`受援率` and `获得援助`): otherwise the two counts are likely about something else.
            if certainty == Certainty::Plausible && !stem_named(rate_name, f.metric(num)) {
                continue;
            }
            let Some(computed) = q(f, num)
                .interval
                .div(&q(f, den).interval)
                .and_then(|r| r.scale(Decimal::ONE_HUNDRED))
            else {
                continue;
            };
            let certainty = match judge(&computed, q(f, rate)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => certainty,
            };
            let arithmetic = format!(
                "{} ÷ {} {}",
                text(f, num),
                text(f, den),
                show_computed(&computed, 2, "%")
            );
            let mut help = format!("{arithmetic}；{}", show_stated(f.text, q(f, rate), 2, "%"));
            if certainty == Certainty::Truncated {
                help.push_str("；疑似截断而非四舍五入");
            }
            out.push(Finding {
                certainty,
                message: format!("{rate_name} {} 与所列数字不符：{arithmetic}", text(f, rate)),
                help,
                primary: Label::new(q(f, rate).span.clone(), "所述比率"),
                labels: vec![label(f, num, "分子"), label(f, den, "分母")],
            });
        }
        out
    }
}
