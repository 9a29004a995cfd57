//! Stated numbers of items against the items the text lists: `城东、城西、高新3个园区`,
//! `抓好三件事：一是…；二是…；三是…`.
//!
//! A count is read only where the structure names its items without doubt:
//! - the names joined by `、` (and a last `和`/`及`/`与`) right before it, the count followed by
//!   its measure word and the noun of the class (`3个园区`, not `重点项目62个`);
//! - `一是`, `二是` … opening the clauses right after it, in order, up to the paragraph's end.
//!
//! Set phrases that are names (`四个意识`, `三大攻坚战`) list no items here and are no claim.

use std::ops::Range;

use super::Claim;
use super::sentence::Context;
use crate::number::Kind;

/// Counts of items a report lists by name: larger numbers count things, not names.
const MAX_LISTED: u32 = 12;

/// The longest name of a listed item, in characters; the first may carry a verb before it.
const MAX_NAME: usize = 8;
const MAX_FIRST_NAME: usize = 12;

/// Measure words of counted items (`3个园区`, `两项改革`, `五类主体`, `四大板块`).
const MEASURES: &[&str] = &["个", "项", "类", "大", "条", "种", "件", "批", "支", "方面"];

pub fn counts(ctx: &Context, claims: &mut Vec<Claim>) {
    for (k, &i) in ctx.sentence.quantities.iter().enumerate() {
        let Some(n) = stated_count(ctx, i) else {
            continue;
        };
        let previous_end = k
            .checked_sub(1)
            .map(|p| ctx.q(ctx.sentence.quantities[p]).span.end);
        if let Some((items, unsplit, at_least)) = names_before(ctx, i, previous_end) {
            claims.push(Claim::Enumeration {
                stated: i,
                count: n,
                items,
                unsplit,
                at_least,
            });
        } else if let Some(items) = markers_after(ctx, i) {
            claims.push(Claim::Enumeration {
                stated: i,
                count: n,
                items,
                unsplit: None,
                at_least: false,
            });
        }
    }
}

/// The number of items figure `i` states, when it is a small exact count with a measure word
/// of items followed by the noun of their class.
fn stated_count(ctx: &Context, i: usize) -> Option<u32> {
    let q = ctx.q(i);
    if q.range || q.approx.is_some() || !q.value.fract().is_zero() {
        return None;
    }
    let n: u32 = q.value.to_string().parse().ok()?;
    if !(2..=MAX_LISTED).contains(&n) {
        return None;
    }
    let after = match q.kind {
        Kind::Count => {
            let unit = q.unit_text(ctx.text)?;
            if !MEASURES.contains(&unit) {
                return None;
            }
            &ctx.text[q.span.end..]
        }
        // `3大区域`: 大 is read as no unit.
        Kind::Number => ctx.text[q.span.end..].strip_prefix('大')?,
        _ => return None,
    };
    // The noun of the class follows: `园区`, `方面工作`; not a clause mark.
    after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && !c.is_ascii())
        .then_some(n)
}

/// The names joined by `、` right before the count: each piece, the count had the last piece's
/// `和` not split it, and whether `等` closes them (then they may be fewer than the count).
fn names_before(
    ctx: &Context,
    i: usize,
    previous_end: Option<usize>,
) -> Option<(Vec<Range<usize>>, Option<usize>, bool)> {
    let at = ctx.q(i).span.start;
    let mut start = ctx.clause_start(at);
    if let Some(end) = previous_end.filter(|&e| e > start) {
        start = end;
    }
    let list = ctx.between(start, at);
    if !list.contains('、') || list.contains(['（', '(', '“', '《']) {
        return None;
    }
    let named: Vec<Range<usize>> = ctx
        .vocab
        .list
        .names
        .iter()
        .flat_map(|n| list.match_indices(n.as_str()).map(|(k, n)| k..k + n.len()))
        .collect();
    let in_name = |k: usize| named.iter().any(|r| r.start < k && k < r.end);
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut piece_start = 0;
    for (k, _) in list.match_indices('、') {
        if !in_name(k) {
            pieces.push(piece_start..k);
            piece_start = k + '、'.len_utf8();
        }
    }
    pieces.push(piece_start..list.len());
    // Names, not descriptions: `扩大内需、促进增长的十项措施` describes its items, and a long
    // piece is a clause of its own (the first may carry the verb before the names).
    let names = pieces.len() >= 2
        && pieces.iter().enumerate().all(|(k, r)| {
            let piece = list[r.clone()].split('等').next().unwrap_or("");
            let limit = if k == 0 { MAX_FIRST_NAME } else { MAX_NAME };
            !piece.is_empty() && !piece.ends_with('的') && piece.chars().count() <= limit
        });
    if !names {
        return None;
    }
    // `A、B等5项`, `A、B等提出5项`: 等 closes the names; what follows it is no item.
    let mut last = pieces.last()?.clone();
    let at_least = match list[last.clone()].find('等') {
        Some(k) => {
            last = last.start..last.start + k;
            *pieces.last_mut()? = last.clone();
            true
        }
        None => false,
    };
    let mut unsplit = None;
    if let Some(k) = ["和", "及", "与"]
        .iter()
        .flat_map(|w| list[last.clone()].match_indices(w).map(|(k, _)| k))
        .filter(|&k| k > 0 && !in_name(last.start + k))
        .min()
    {
        unsplit = Some(pieces.len());
        let split = last.start + k;
        pieces.pop();
        pieces.push(last.start..split);
        pieces.push(split + '和'.len_utf8()..last.end);
    }
    let items = pieces
        .into_iter()
        .map(|r| start + r.start..start + r.end)
        .collect();
    Some((items, unsplit, at_least))
}

const ORDINALS: [&str; 12] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
];

/// `：一是…；二是…；三是…` right after the count's clause: the marked items, in order, to the
/// end of the paragraph.
fn markers_after(ctx: &Context, i: usize) -> Option<Vec<Range<usize>>> {
    let q = ctx.q(i);
    let rest = &ctx.text[q.span.end..];
    let paragraph_end = q.span.end + rest.find('\n').unwrap_or(rest.len());
    let clause_end = q.span.end + rest.find(['：', ':', '，', '。', '；'])?;
    let mark = ctx.text[clause_end..].chars().next()?;
    let open = clause_end + mark.len_utf8();
    if !ctx.text[open..].trim_start().starts_with("一是") {
        return None;
    }
    let mut items = Vec::new();
    let mut from = open;
    for ordinal in ORDINALS {
        let marker = format!("{ordinal}是");
        let Some(k) = ctx.text[from..paragraph_end].find(&marker) else {
            break;
        };
        let start = from + k;
        // A marker opens a clause: at the start or after a clause mark.
        let before = ctx.text[..start].chars().next_back();
        if !matches!(before, Some('：' | ':' | '；' | '。' | '，' | ' ')) && start != open {
            break;
        }
        items.push(start..start + marker.len());
        from = start + marker.len();
    }
    (items.len() >= 2).then_some(items)
}
