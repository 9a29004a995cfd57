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

/// The last few characters of a quantity's metric phrase: enough to recognise it in a label.
fn short_metric(f: &Facts, i: usize) -> String {
    let m = f.metric(i);
    let n = m.chars().count();
    m.chars().skip(n.saturating_sub(8)).collect()
}

/// `to ÷ from`: the ratio of a change's new value to its base.
fn change_ratio(f: &Facts, from: usize, to: usize) -> Option<crate::interval::Interval> {
    q(f, to).interval.div(&q(f, from).interval)
}

/// The change word of a claim as written (`增长`, `下降`).
fn word<'a>(f: &Facts<'a>, range: &std::ops::Range<usize>) -> &'a str {
    &f.text[range.clone()]
}
