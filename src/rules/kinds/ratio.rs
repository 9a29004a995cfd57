//! `ratio`: a stated rate against the counts it divides (`结案率` = 审结 ÷ 受理).

use rust_decimal::Decimal;
use serde::Deserialize;

use super::{alternative, label, q, suggest, text};
use crate::claim::{Claim, Facts, clause_opening};
use crate::number::Kind;
use crate::rules::verdict::{Verdict, judge, show_computed, show_stated};
use crate::rules::{Certainty, Finding, Label, Proposed, RuleKind};

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
    /// Other names of the rate (`城乡居民人均可支配收入比值` of `城乡居民收入比`).
    #[serde(default)]
    aliases: Vec<String>,
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
    let mut m = f.metric(i);
    // A figure with no name before it is named by the rest of its clause (`有52种产品产量实现
    // 增长`).
    if m.is_empty() {
        m = clause_opening(&f.text[q(f, i).span.end..]);
    }
    words.iter().any(|w| m.contains(w.as_str()))
}

/// A figure of the same unit named 旧存 (cases carried over from last year).
fn carried_over(f: &Facts, den: usize) -> Option<usize> {
    let unit = q(f, den).unit_text(f.text);
    (0..f.quantities.len())
        .find(|&i| i != den && f.metric(i).contains("旧存") && q(f, i).unit_text(f.text) == unit)
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

/// The metric names the population the rate is of (`毕业生` of `毕业生就业率`): such a count is
/// the rate's denominator, and its numerator is not in the text.
fn names_population(rate_name: &str, metric: &str) -> bool {
    let chars: Vec<char> = rate_name.trim_end_matches('率').chars().collect();
    let population = &chars[..chars.len().saturating_sub(2)];
    population.windows(2).any(|w| {
        let pair: String = w.iter().collect();
        metric.contains(pair.as_str())
    })
}

impl RuleKind for Ratio {
    fn check(&self, f: &Facts) -> Vec<Finding> {
        self.propose(f).into_iter().map(|p| p.finding).collect()
    }

    /// The alternative: the numerator the stated rate needs over the denominator as stated
    /// (`若结案率为 99.4%，审结应约为 39111件`); none when the rate holds with cases carried over.
    fn propose(&self, f: &Facts) -> Vec<Proposed> {
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
                .filter_map(|d| {
                    std::iter::once(&d.name)
                        .chain(&d.aliases)
                        .filter(|n| rate_name.ends_with(n.as_str()))
                        .map(|n| (d, n.len()))
                        .max_by_key(|&(_, len)| len)
                })
                .max_by_key(|&(_, len)| len)
                .map(|(d, _)| d);
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
            if certainty == Certainty::Plausible
                && (!stem_named(rate_name, f.metric(num))
                    || names_population(rate_name, f.metric(num)))
            {
                continue;
            }
            // A ratio of two amounts is written as a bare number (`城乡居民收入比为1.89`).
            let (factor, unit, places) = if q(f, rate).kind == Kind::Number {
                (Decimal::ONE, "", 3)
            } else {
                (Decimal::ONE_HUNDRED, "%", 2)
            };
            let Some(computed) = q(f, num)
                .interval
                .div(&q(f, den).interval)
                .and_then(|r| r.scale(factor))
            else {
                continue;
            };
            let mut certainty = match judge(&computed, q(f, rate)) {
                Verdict::Consistent => continue,
                Verdict::Truncated => Certainty::Truncated,
                Verdict::Inconsistent => certainty,
            };
            // RULEBOOK R4: a closure rate may count cases carried over (旧存) in its
            // denominator. When the text states them and that reading fits, it is only advice.
            let carried = carried_over(f, den).and_then(|old| {
                let total = q(f, den).interval.add(&q(f, old).interval)?;
                let r = q(f, num).interval.div(&total)?.scale(factor)?;
                (judge(&r, q(f, rate)) == Verdict::Consistent).then_some(old)
            });
            if carried.is_some() {
                certainty = Certainty::Hint;
            }
            let arithmetic = format!(
                "{} ÷ {} {}",
                text(f, num),
                text(f, den),
                show_computed(&computed, places, unit)
            );
            let mut help = format!(
                "{arithmetic}；{}",
                show_stated(f.text, q(f, rate), places, unit)
            );
            if certainty == Certainty::Truncated {
                help.push_str("；疑似截断而非四舍五入");
            }
            if let Some(old) = carried {
                help.push_str(&format!(
                    "；按（{} + {}）为分母计算则一致，请写明口径",
                    text(f, den),
                    text(f, old)
                ));
            }
            let numerator = q(f, rate)
                .interval
                .scale(Decimal::ONE / factor)
                .and_then(|r| r.mul(&q(f, den).interval))
                .filter(|_| carried.is_none());
            let stated = text(f, rate);
            let other = numerator.and_then(|n| {
                alternative(f, num, "分子", &n, |name, value, approx| {
                    crate::messages::if_stated_is(rate_name, stated, name, value, approx)
                })
            });
            let finding = Finding {
                suggestion: suggest(f, rate, &computed),
                certainty,
                message: match carried {
                    Some(_) => format!(
                        "{rate_name} {} 只在分母计入旧存时成立；仅按 {arithmetic}",
                        text(f, rate)
                    ),
                    None => format!("{rate_name} {} 与所列数字不符：{arithmetic}", text(f, rate)),
                },
                help,
                primary: Label::new(q(f, rate).span.clone(), "所述比率"),
                labels: std::iter::once(label(f, num, "分子"))
                    .chain(std::iter::once(label(f, den, "分母")))
                    .chain(carried.map(|old| label(f, old, "旧存")))
                    .collect(),
            };
            out.push(Proposed::new(finding, other));
        }
        out
    }
}
