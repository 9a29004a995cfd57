//! What in the text binds a claim's figures, for `hedui claims`: the words a reader points at
//! when asked why these figures belong together (`其中`, `占…的`, `分别`, `比上年`, `加上…总计`).
//!
//! Claims are read from the sentence's structure; this names the structural words that stand
//! between a claim's figures (and opening the clause of its first figure), so a rule author can
//! see the binding without reading the extractor. A claim whose figures no such word joins is
//! shown with none: it was bound by position alone.

use std::ops::Range;

use serde_json::Value;

use super::claims::FIGURES;
use super::claims_tree::SCOPE_WORDS;
use crate::claim::{Claim, Facts};

/// Words that bind figures besides the scope words of `claims --tree`; none holds another.
const BINDING_WORDS: &[&str] = &[
    "依次",
    "减去",
    "比去年",
    "较上年",
    "调整为",
    "调整后",
    "为预算的",
    "为调整预算的",
    "占比",
    "比重",
    "逆差",
    "顺差",
    "结余",
    "由",
    "从",
    "折",
];

/// Fields of a restatement that hold its two mentions (elsewhere `first` is a year).
const MENTIONS: &[&str] = &["first", "second"];

/// How far before a figure its clause is read.
const CLAUSE_CHARS: usize = 48;

/// Words of an average, binding only for a per-head claim (elsewhere they name the metric).
const AVERAGE_WORDS: &[&str] = &["人均", "户均", "平均"];

/// The quantity indices a claim states, from its serialized fields.
fn figures(claim: &Claim) -> Vec<usize> {
    let repeat = matches!(claim, Claim::Repeat { .. } | Claim::Restated { .. });
    let mut out = Vec::new();
    if matches!(claim, Claim::Period { .. }) {
        return out; // its fields count years, not figures
    }
    if let Ok(Value::Object(fields)) = serde_json::to_value(claim) {
        for (key, v) in fields {
            let key = key.as_str();
            if !(FIGURES.contains(&key) || repeat && MENTIONS.contains(&key)) {
                continue;
            }
            match v {
                Value::Number(n) => out.extend(n.as_u64().map(|n| n as usize)),
                Value::Array(items) => {
                    out.extend(items.iter().filter_map(Value::as_u64).map(|n| n as usize))
                }
                _ => {}
            }
        }
    }
    out
}

/// The clause before each of a claim's figures, up to the figure: where the words that bind it
/// stand (`其中税收收入400亿元`, `占出口总额的64.9%`, `分别为…`).
fn clauses(text: &str, facts: &Facts, claim: &Claim) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = figures(claim)
        .into_iter()
        .filter_map(|i| facts.quantities.get(i))
        .map(|q| {
            let before = &text[..q.span.start];
            let start = before
                .char_indices()
                .rev()
                .take(CLAUSE_CHARS)
                .find(|&(_, c)| matches!(c, '。' | '；' | '，' | '、' | '\n'))
                .map_or_else(
                    || {
                        before
                            .char_indices()
                            .rev()
                            .take(CLAUSE_CHARS)
                            .last()
                            .map_or(q.span.start, |(k, _)| k)
                    },
                    |(k, c)| k + c.len_utf8(),
                );
            start..q.span.start
        })
        .collect();
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// The binding words before a claim's figures, in text order, each once; a share's named
/// whole (`占出口总额的`) is given whole.
pub fn evidence(text: &str, facts: &Facts, claim: &Claim) -> Vec<String> {
    let per_capita = matches!(claim, Claim::PerCapita { .. });
    let mut found: Vec<(usize, String)> = Vec::new();
    for clause in clauses(text, facts, claim) {
        let span = &text[clause.clone()];
        let mut taken: Vec<Range<usize>> = Vec::new();
        let words = SCOPE_WORDS
            .iter()
            .chain(BINDING_WORDS)
            .chain(if per_capita { AVERAGE_WORDS } else { &[] });
        for w in words {
            for (at, _) in span.match_indices(w) {
                let r = at..at + w.len();
                if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
                    continue;
                }
                taken.push(r);
                found.push((clause.start + at, (*w).to_string()));
            }
        }
        if let Claim::Share { .. } = claim {
            found.extend(named_whole(span).map(|(at, w)| (clause.start + at, w)));
        }
    }
    found.sort();
    let mut out: Vec<String> = Vec::new();
    for (_, w) in found {
        if !out.contains(&w) {
            out.push(w);
        }
    }
    out
}

/// `占出口总额的`, `占全市进出口总值的比重`: the whole a share names, up to 的 or 比重.
fn named_whole(span: &str) -> Option<(usize, String)> {
    let at = span.rfind('占')?;
    let rest = &span[at..];
    let end = rest
        .char_indices()
        .take(24)
        .find(|&(_, c)| matches!(c, '的' | '，' | '。' | '；'))
        .map(|(k, c)| if c == '的' { k + c.len_utf8() } else { k })?;
    (end > '占'.len_utf8()).then(|| (at, rest[..end].to_string()))
}

#[cfg(test)]
mod tests {
    use super::named_whole;

    #[test]
    fn a_named_whole_runs_to_its_de() {
        assert_eq!(
            named_whole("出口3100亿元，占出口总额的").map(|(_, w)| w),
            Some("占出口总额的".to_string())
        );
        assert_eq!(named_whole("占比"), None);
    }
}
