//! Parts of a whole (`其中`) and totals with all their parts (`合计`, `分为…三类`).

use super::Claim;
use super::sentence::Context;
use super::vocabulary::{ends_with_any, rfind_any};

/// `W，其中P1、P2`: each comparable figure after 其中 is a part of the nearest comparable figure
/// before it. When 其中 opens a sentence, the whole is in the sentence before.
pub fn parts(ctx: &Context, claims: &mut Vec<Claim>) {
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    for word in &ctx.vocab.whole.part {
        for (offset, _) in text.match_indices(word.as_str()) {
            let at = start + offset;
            let next_part_word = text[offset + word.len()..]
                .find(word.as_str())
                .map_or(ctx.sentence.range.end, |i| at + word.len() + i);
            // A change (`比去年增加4000亿元`) or a rate per head (`每千人6.6批次`) is no whole.
            let is_whole = |i: usize| {
                let before = ctx.clause_before(i);
                ctx.is_measure(i)
                    && ends_with_any(before, &ctx.vocab.change.up).is_none()
                    && ends_with_any(before, &ctx.vocab.change.down).is_none()
                    && !per_unit(before)
            };
            let mut wholes: Vec<usize> = ctx.before(at).filter(|&i| is_whole(i)).collect();
            if wholes.is_empty()
                && text[..offset].trim_matches(['，', '。', ' ']).is_empty()
                && let Some(prev) = ctx.previous
            {
                wholes = prev
                    .quantities
                    .iter()
                    .copied()
                    .filter(|&i| is_whole(i))
                    .collect();
            }
            let after: Vec<usize> = ctx
                .sentence
                .quantities
                .iter()
                .copied()
                .filter(|&i| {
                    ctx.q(i).span.start > at
                        && ctx.q(i).span.start < next_part_word
                        && ctx.is_measure(i)
                })
                .collect();
            // A whole whose parts are all listed is a total; the `sum` rules check it.
            let totals: Vec<usize> = claims
                .iter()
                .filter_map(|c| match c {
                    Claim::Total { total, .. } => Some(*total),
                    _ => None,
                })
                .collect();
            let mut used = Vec::new();
            for &p in &after {
                if used.contains(&p) {
                    continue;
                }
                let Some(&whole) = wholes.iter().rev().find(|&&w| ctx.comparable(w, p)) else {
                    continue;
                };
                if totals.contains(&whole) {
                    continue;
                }
                let parts: Vec<usize> = after
                    .iter()
                    .copied()
                    .filter(|&x| ctx.comparable(x, whole))
                    .collect();
                used.extend(parts.iter().copied());
                claims.push(Claim::Parts { whole, parts });
            }
        }
    }
}

/// `before` uses the total word `w`; a bare 共 or 总 counts only on its own (`共受理`, `总计`),
/// not inside 公共, 共同, 共享 or 总体.
fn names_total(before: &str, w: &str) -> bool {
    if w.chars().count() > 1 {
        return before.contains(w);
    }
    before.match_indices(w).any(|(i, _)| {
        let prev = before[..i].chars().next_back();
        let next = before[i + w.len()..].chars().next();
        prev != Some('公')
            && !matches!(
                next,
                Some(
                    '同' | '享'
                        | '建'
                        | '识'
                        | '治'
                        | '商'
                        | '产'
                        | '赢'
                        | '体'
                        | '书'
                        | '和'
                        | '青'
                        | '性'
                        | '部'
                )
            )
    })
}

/// `每千人`, `人均`, `户均`: the figure after is a rate per unit, not an amount.
fn per_unit(before: &str) -> bool {
    let tail: String = before.chars().rev().take(4).collect();
    tail.contains('每') || tail.contains('均')
}

/// A total and all its parts: `合计T，分为…三类，分别为a、b、c` and `a、b、c，合计T`.
pub fn totals(ctx: &Context, claims: &mut Vec<Claim>) {
    let sentence_start = ctx.sentence.range.start;
    for &t in &ctx.sentence.quantities {
        if !ctx.is_measure(t) {
            continue;
        }
        let before = ctx.clause_before(t);
        let stated_total =
            ctx.vocab.whole.total.iter().any(|w| names_total(before, w)) || before.contains("累计");
        if !stated_total {
            continue;
        }
        // Parts after the total, introduced as all of it.
        let after_start = ctx.q(t).span.end;
        let rest = ctx.between(after_start, ctx.sentence.range.end);
        let years_word = rfind_any(rest, &ctx.vocab.whole.years);
        if let Some((i, word)) = rfind_any(rest, &ctx.vocab.whole.exhaustive).or(years_word) {
            let list_from = after_start + i + word.len();
            let parts: Vec<usize> = ctx
                .sentence
                .quantities
                .iter()
                .copied()
                .filter(|&p| ctx.q(p).span.start >= list_from && ctx.comparable(p, t))
                .collect();
            if parts.len() >= 2 {
                claims.push(Claim::Total {
                    total: t,
                    parts,
                    over_years: years_word.is_some(),
                });
                continue;
            }
        }
        // Parts before a total written after them: `刑事1.2万件、民事3.4万件，合计5.4万件`.
        if ends_with_any(before, &ctx.vocab.whole.sum).is_some() {
            let floor = ctx
                .between(sentence_start, ctx.q(t).span.start)
                .rfind("其中")
                .map_or(sentence_start, |i| sentence_start + i);
            let before_total: Vec<usize> = ctx
                .before(ctx.q(t).span.start)
                .filter(|&p| ctx.q(p).span.start >= floor)
                .collect();
            // Only a plain list of comparable figures adds up to the total.
            if before_total.len() >= 2 && before_total.iter().all(|&p| ctx.comparable(p, t)) {
                claims.push(Claim::Total {
                    total: t,
                    parts: before_total,
                    over_years: false,
                });
            }
        }
    }
}
