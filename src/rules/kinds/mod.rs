//! Rule kinds: one small module each, holding the arithmetic of one kind of check.

mod annual;
mod arity;
mod bounds;
mod direction;
mod growth;
mod multiple;
mod part_whole;
mod points;
mod ratio;
mod share;
mod sum;

use serde::de::DeserializeOwned;

use super::{Label, RuleKind};
use crate::claim::Facts;
use crate::number::Quantity;

pub const NAMES: &[&str] = &[
    "annual",
    "arity",
    "bounds",
    "direction",
    "growth",
    "multiple",
    "part-whole",
    "points",
    "ratio",
    "share",
    "sum",
];

/// The checker of a kind, with its parameters.
pub fn compile(kind: &str, params: &toml::Table) -> Result<Box<dyn RuleKind>, String> {
    Ok(match kind {
        "annual" => Box::new(annual::Annual::new(no_params(params)?)),
        "arity" => Box::new(arity::Arity::new(no_params(params)?)),
        "bounds" => Box::new(bounds::Bounds::new(params_of(params)?)),
        "direction" => Box::new(direction::Direction::new(no_params(params)?)),
        "growth" => Box::new(growth::Growth::new(no_params(params)?)),
        "multiple" => Box::new(multiple::Multiple::new(params_of(params)?)),
        "part-whole" => Box::new(part_whole::PartWhole::new(no_params(params)?)),
        "points" => Box::new(points::Points::new(no_params(params)?)),
        "ratio" => Box::new(ratio::Ratio::new(params_of(params)?)),
        "share" => Box::new(share::Share::new(no_params(params)?)),
        "sum" => Box::new(sum::Sum::new(no_params(params)?)),
        other => {
            return Err(format!(
                "unknown kind `{other}` (kinds: {})",
                NAMES.join(", ")
            ));
        }
    })
}

fn params_of<T: DeserializeOwned>(params: &toml::Table) -> Result<T, String> {
    toml::Value::Table(params.clone())
        .try_into()
        .map_err(|e: toml::de::Error| format!("params: {}", e.message()))
}

/// Kinds without parameters still refuse unknown ones, so a typo is an error.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

fn no_params(params: &toml::Table) -> Result<NoParams, String> {
    params_of(params)
}

/// The text of quantity `i`.
fn text<'a>(f: &Facts<'a>, i: usize) -> &'a str {
    &f.text[f.quantities[i].span.clone()]
}

fn q<'a>(f: &Facts<'a>, i: usize) -> &'a Quantity {
    &f.quantities[i]
}

/// A label on quantity `i` naming its role, with its metric phrase when it has one:
/// `分母（受理案件）`.
fn label(f: &Facts, i: usize, role: &str) -> Label {
    let metric = short_metric(f, i);
    let text = if metric.is_empty() {
        role.to_string()
    } else {
        format!("{role}（{metric}）")
    };
    Label::new(f.quantities[i].span.clone(), text)
}

/// Words at the end of a metric phrase that link it to its figure rather than name it.
const LINKING: &[&str] = &[
    "增长到",
    "增加到",
    "提高到",
    "下降到",
    "减少到",
    "增至",
    "降至",
    "提高至",
    "下降至",
    "增长",
    "增加",
    "提高",
    "上升",
    "下降",
    "减少",
    "降低",
    "由",
    "从",
    "至",
    "到",
    "的",
    "为",
    "比上年",
    "较上年",
    "上年同期",
    "上年",
    "分别为",
    "分别",
    "依次为",
    "和",
    "及",
    "与",
    "、",
    "同比",
    "其中",
];

/// The last few characters of a quantity's metric phrase: enough to recognise it in a label.
fn short_metric(f: &Facts, i: usize) -> String {
    let mut m = f.metric(i);
    loop {
        if let Some(w) = LINKING.iter().find(|w| m.ends_with(*w)) {
            m = &m[..m.len() - w.len()];
        } else if let Some(rest) = m
            .strip_suffix('年')
            .filter(|r| r.len() >= 4 && r[r.len() - 4..].bytes().all(|b| b.is_ascii_digit()))
        {
            m = &rest[..rest.len() - 4]; // `2023年`
        } else {
            break;
        }
    }
    let n = m.chars().count();
    m.chars().skip(n.saturating_sub(10)).collect()
}

/// `to ÷ from`: the ratio of a change's new value to its base.
fn change_ratio(f: &Facts, from: usize, to: usize) -> Option<crate::interval::Interval> {
    q(f, to).interval.div(&q(f, from).interval)
}

/// The change word of a claim as written (`增长`, `下降`).
fn word<'a>(f: &Facts<'a>, range: &std::ops::Range<usize>) -> &'a str {
    &f.text[range.clone()]
}

/// An interval in the written scale and unit of quantity `like` (`12.41万件`), for messages
/// about figures written with 万 or 亿.
fn in_units_of(f: &Facts, like: usize, i: &crate::interval::Interval) -> String {
    let q = q(f, like);
    let unit = q.unit_text(f.text).unwrap_or("");
    let (factor, word) = match q.scale {
        Some(w) => (scale_factor(w), w),
        None => (rust_decimal::Decimal::ONE, ""),
    };
    let scaled = crate::interval::Interval {
        lo: i.lo.map(|v| v / factor),
        hi: i.hi.map(|v| v / factor),
    };
    crate::rules::verdict::show_computed(&scaled, 4, &format!("{word}{unit}"))
}

fn scale_factor(word: &str) -> rust_decimal::Decimal {
    let exponent: u32 = word
        .chars()
        .map(|c| match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => 0,
        })
        .sum();
    rust_decimal::Decimal::from_i128_with_scale(10i128.pow(exponent), 0)
}
