//! The output of `hedui claims`: what the text asserts, for rule authors.
//!
//! JSON: `{"version": 1, "path": …, "claims": [{"claim": "rate", "rate": {"text", "span"}, …}]}`,
//! where every figure is given as its text and span, and every phrase (`name`, `word`,
//! `subjects`) likewise, and `evidence` lists the words of the text that bind the claim's
//! figures (`其中`, `占出口总额的`, `分别`; empty when only their position does). `--tree` adds the sentences these are read from ([`super::claims_tree`]).

use std::ops::Range;

use serde_json::{Map, Value, json};

use super::evidence::evidence;
use crate::claim::{Claim, Facts};
use crate::layout::Layout;
use crate::source::Document;
use crate::span::Span;

/// Fields of a claim that hold quantity indices, and those that hold text ranges.
pub(super) const FIGURES: &[&str] = &[
    "rate",
    "numerator",
    "denominator",
    "share",
    "part",
    "whole",
    "stated",
    "from",
    "to",
    "values",
    "parts",
    "total",
    "value",
    "increment",
    "heads",
    "claimed",
    "others",
];
const PHRASES: &[&str] = &["name", "word", "keyword", "subjects"];

fn located(doc: &Document, layout: &Layout, start: usize, end: usize) -> Value {
    json!({"text": &layout.text[start..end], "span": Span::locate(doc, layout, start..end)})
}

fn expand(doc: &Document, layout: &Layout, facts: &Facts, key: &str, v: Value) -> Value {
    match v {
        Value::Number(n) if FIGURES.contains(&key) => {
            let q = &facts.quantities[n.as_u64().unwrap_or(0) as usize];
            located(doc, layout, q.span.start, q.span.end)
        }
        Value::Object(o) if PHRASES.contains(&key) && o.contains_key("start") => {
            let start = o["start"].as_u64().unwrap_or(0) as usize;
            let end = o["end"].as_u64().unwrap_or(0) as usize;
            located(doc, layout, start, end)
        }
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|i| expand(doc, layout, facts, key, i))
                .collect(),
        ),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .map(|(k, v)| {
                    let v = expand(doc, layout, facts, &k, v);
                    (k, v)
                })
                .collect::<Map<_, _>>(),
        ),
        other => other,
    }
}

pub fn to_json(doc: &Document, layout: &Layout, facts: &Facts) -> Value {
    let claims: Vec<Value> = facts
        .claims
        .iter()
        .map(|c| {
            let mut v = expand(
                doc,
                layout,
                facts,
                "",
                serde_json::to_value(c).expect("claims serialize"),
            );
            if let Value::Object(o) = &mut v {
                o.insert("evidence".into(), json!(evidence(&layout.text, facts, c)));
            }
            v
        })
        .collect();
    json!({"version": 1, "path": doc.name, "claims": claims})
}

/// One line per claim: where, what kind, and the figures in words.
pub fn to_table(doc: &Document, layout: &Layout, facts: &Facts) -> String {
    let mut out = String::new();
    for c in &facts.claims {
        out.push_str(&line(doc, layout, facts, c));
    }
    out.push_str(&summary(doc, facts));
    out
}

pub(crate) fn summary(doc: &Document, facts: &Facts) -> String {
    format!("{} claims in {}\n", facts.claims.len(), doc.name)
}

/// A claim's line of the table, with the words that bind its figures.
pub(crate) fn line(doc: &Document, layout: &Layout, facts: &Facts, c: &Claim) -> String {
    let (at, line) = describe(layout, facts, c);
    let s = Span::locate(doc, layout, at);
    let pos = format!("{}:{}", s.line, s.column);
    let words = evidence(&layout.text, facts, c);
    if words.is_empty() {
        format!("{pos:<9}{line}\n")
    } else {
        format!("{pos:<9}{line}  〔{}〕\n", words.join(" "))
    }
}

/// Where a claim is shown (a figure of it, or the years of a period, as a logical range) and
/// what it says.
pub(crate) fn describe(layout: &Layout, facts: &Facts, c: &Claim) -> (Range<usize>, String) {
    let t = |i: usize| &layout.text[facts.quantities[i].span.clone()];
    let at = |i: usize| facts.quantities[i].span.clone();
    let list = |v: &[usize]| v.iter().map(|&i| t(i)).collect::<Vec<_>>().join("、");
    match c {
        Claim::Rate {
            rate,
            name,
            numerator,
            denominator,
        } => (
            at(*rate),
            format!(
                "rate          {} {} ← {} / {}",
                &layout.text[name.clone()],
                t(*rate),
                t(*numerator),
                t(*denominator)
            ),
        ),
        Claim::Share {
            share,
            part,
            whole,
            named,
        } => (
            at(*share),
            format!(
                "share         {} ← {} / {}{}",
                t(*share),
                t(*part),
                t(*whole),
                if *named { "" } else { "（整体为推测）" }
            ),
        ),
        Claim::Increment {
            stated,
            value,
            increment,
            direction,
        } => (
            at(*stated),
            format!(
                "increment     {} ← {} of {}（{:?}）",
                t(*stated),
                t(*increment),
                t(*value),
                direction
            ),
        ),
        Claim::AgainstPrior {
            stated,
            value,
            direction,
            word,
            years,
        } => (
            at(*stated),
            format!(
                "against-prior {}{} ← {} against the report {} year(s) earlier（{:?}）",
                &layout.text[word.clone()],
                t(*stated),
                t(*value),
                years,
                direction
            ),
        ),
        Claim::Enumeration {
            stated,
            count,
            items,
            ..
        } => (
            stated.clone(),
            format!(
                "enumeration   {} ({}) ← {} item(s): {}",
                &layout.text[stated.clone()],
                count,
                items.len(),
                items
                    .iter()
                    .map(|r| &layout.text[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" | ")
            ),
        ),
        Claim::RatioMove {
            name,
            numerator,
            denominator,
            direction,
            word,
        } => (
            word.clone(),
            format!(
                "ratio-move    {}{}（{:?}）← 增长 {} / {}",
                &layout.text[name.clone()],
                &layout.text[word.clone()],
                direction,
                t(*numerator),
                t(*denominator)
            ),
        ),
        Claim::Transition {
            from,
            to,
            direction,
            word,
        } => (
            at(*to),
            format!(
                "transition    {} {}到 {}（{:?}）",
                t(*from),
                &layout.text[word.clone()],
                t(*to),
                direction
            ),
        ),
        Claim::Change {
            stated,
            from,
            to,
            direction,
            measure,
            word,
        } => (
            at(*stated),
            format!(
                "change        {}{} ← {} → {}（{:?}，{:?}）",
                &layout.text[word.clone()],
                t(*stated),
                t(*from),
                t(*to),
                direction,
                measure
            ),
        ),
        Claim::Compound {
            stated,
            total,
            measure,
            total_direction,
            direction,
            years,
            word,
        } => (
            at(*stated),
            format!(
                "compound      {}{} ← {}（{:?}，{:?}）over {} years（{:?}）",
                &layout.text[word.clone()],
                t(*stated),
                t(*total),
                total_direction,
                measure,
                years,
                direction
            ),
        ),
        Claim::Respectively {
            keyword,
            subjects,
            values,
            implied: Some(members),
            ..
        } => (
            at(values[0]),
            format!(
                "respectively  {}（{}）{} {} 个数值（{}）",
                &layout.text[subjects[0].clone()],
                members.join("、"),
                &layout.text[keyword.clone()],
                values.len(),
                list(values)
            ),
        ),
        Claim::Respectively {
            keyword,
            subjects,
            values,
            periods: Some(n),
            ..
        } => (
            at(values[0]),
            format!(
                "respectively  {n} 期（{}）{} {} 个数值（{}）",
                &layout.text[subjects[0].clone()],
                &layout.text[keyword.clone()],
                values.len(),
                list(values)
            ),
        ),
        Claim::Respectively {
            keyword,
            subjects,
            values,
            ..
        } => (
            at(values[0]),
            format!(
                "respectively  {} 个对象（{}）{} {} 个数值（{}）",
                subjects.len(),
                subjects
                    .iter()
                    .map(|r| &layout.text[r.clone()])
                    .collect::<Vec<_>>()
                    .join("、"),
                &layout.text[keyword.clone()],
                values.len(),
                list(values)
            ),
        ),
        Claim::Series { values, years } => (
            at(values[0]),
            format!(
                "series        {} ← {}",
                years
                    .iter()
                    .map(i32::to_string)
                    .collect::<Vec<_>>()
                    .join("、"),
                list(values)
            ),
        ),
        Claim::Parts {
            whole,
            parts,
            listed,
        } => (
            at(*whole),
            format!(
                "parts         {} ⊇ {}{}",
                t(*whole),
                list(parts),
                if *listed { "（列举）" } else { "" }
            ),
        ),
        Claim::Total { total, parts, .. } => (
            at(*total),
            format!("total         {} = {}", t(*total), list(parts)),
        ),
        Claim::Bounded { value, .. } => (at(*value), format!("bounded       {} ≤ 100%", t(*value))),
        Claim::Threshold {
            value,
            bound_span,
            relation,
            ..
        } => (
            at(*value),
            format!(
                "threshold     {} {:?} {}",
                t(*value),
                relation,
                &layout.text[bound_span.clone()]
            ),
        ),
        Claim::PerCapita {
            value,
            total,
            heads,
        } => (
            at(*value),
            format!(
                "per-capita    {} ← {} / {}",
                t(*value),
                t(*total),
                t(*heads)
            ),
        ),
        Claim::Trend {
            values,
            direction,
            word,
            ..
        } => (
            at(values[0]),
            format!(
                "trend         {}（{:?}）：{}",
                &layout.text[word.clone()],
                direction,
                list(values)
            ),
        ),
        Claim::Repeat { first, second, .. } => (
            at(*second),
            format!("repeat        {} = {}", t(*second), t(*first)),
        ),
        Claim::Restated {
            first,
            second,
            name,
            ..
        } => (
            at(*second),
            format!("restated      {} = {}  〔{name}〕", t(*second), t(*first)),
        ),
        Claim::Granular { rate, denominator } => (
            at(*rate),
            format!("granular      {} over {}", t(*rate), t(*denominator)),
        ),
        Claim::Composition {
            values, exhaustive, ..
        } => (
            at(values[0]),
            format!(
                "composition   {}{}",
                list(values),
                if *exhaustive { "（全部）" } else { "" }
            ),
        ),
        Claim::Ranking {
            word,
            claimed,
            others,
            ..
        } => (
            at(*claimed),
            format!(
                "ranking       {} {} among {}",
                t(*claimed),
                &layout.text[word.clone()],
                list(others)
            ),
        ),
        Claim::Period {
            word,
            said,
            first,
            last,
            years,
            ..
        } => (
            years.clone(),
            format!(
                "period        {} ← {first}–{last}（{said}）",
                &layout.text[word.clone()]
            ),
        ),
    }
}
