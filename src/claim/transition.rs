//! Moves from one figure to another said to rise or fall, with no change stated:
//! `由620亿元增加到698亿元`, `从61%下降至58%`, and pairwise `分别由A、B提高到C、D`.
//!
//! Only the words that join the two figures are read: 由/从 right before the first (after at
//! most a short time phrase ending in 的: `由上年的`, `从2019年末的`), and a change word with
//! 到/至 (optionally 了) as all that stands between them. A move that also states its change
//! (`由A增至B，增长X%`) is the change claim's.

use super::sentence::Context;
use super::{Claim, Direction};
use crate::number::Kind;

/// The longest time phrase or name of what moves allowed between 由/从 and the first figure
/// (`由上年的`, `从2004年人均每月`), in characters.
const MAX_OPENING: usize = 10;

/// The longest rest of a unit written after both figures of a move (`县（市）`).
const MAX_UNIT_TAIL: usize = 6;

pub fn transitions(ctx: &Context, claims: &mut Vec<Claim>) {
    let qs = &ctx.sentence.quantities;
    let mut k = 0;
    while k < qs.len() {
        let Some((lefts, word, direction, rights)) = transition_at(ctx, k) else {
            k += 1;
            continue;
        };
        let stated = claims.iter().any(|c| {
            matches!(c, Claim::Change { from, to, .. } if lefts.contains(from) && rights.contains(to))
        });
        if !stated {
            for (&from, &to) in lefts.iter().zip(&rights) {
                claims.push(Claim::Transition {
                    from,
                    to,
                    direction,
                    word: word.clone(),
                });
            }
        }
        k += lefts.len() + rights.len();
    }
}

/// The figures from `qs[k]` on that move (`A`, or `A、B` after 分别), the change word, its
/// direction and the figures they move to, as many.
#[allow(clippy::type_complexity)]
fn transition_at(
    ctx: &Context,
    k: usize,
) -> Option<(Vec<usize>, std::ops::Range<usize>, Direction, Vec<usize>)> {
    let qs = &ctx.sentence.quantities;
    let first = qs[k];
    if !opened(ctx, first) {
        return None;
    }
    // The run of figures joined by 、 (or 和) starting at `first`.
    let run = |start: usize| -> Vec<usize> {
        let mut out = vec![qs[start]];
        let mut j = start + 1;
        while j < qs.len() {
            let gap = ctx.between(ctx.q(qs[j - 1]).span.end, ctx.q(qs[j]).span.start);
            if !matches!(gap.trim(), "、" | "和" | "与") {
                break;
            }
            out.push(qs[j]);
            j += 1;
        }
        out
    };
    // `从2.50:1缩小至2.27:1`: ratios to one move by their first terms.
    if let Some(to_first) = ratio_to_one(ctx, k) {
        let &first_right = qs.get(k + 2)?;
        ratio_to_one(ctx, k + 2)?;
        let gap_start = ctx.q(to_first).span.end;
        let gap = ctx.between(gap_start, ctx.q(first_right).span.start);
        let (word, direction) = joining_word(ctx, gap, "")?;
        let word = gap_start + word.start..gap_start + word.end;
        let fits = same_measure(ctx, first, first_right);
        return fits.then_some((vec![first], word, direction, vec![first_right]));
    }
    let lefts = run(k);
    let last_left = *lefts.last()?;
    let next = k + lefts.len();
    let &first_right = qs.get(next)?;
    let gap_start = ctx.q(last_left).span.end;
    let gap = ctx.between(gap_start, ctx.q(first_right).span.start);
    let after_right = &ctx.text[ctx.q(first_right).span.end..ctx.sentence.range.end];
    let (word, direction) = joining_word(ctx, gap, after_right)?;
    let word = gap_start + word.start..gap_start + word.end;
    let rights: Vec<usize> = run(next).into_iter().take(lefts.len()).collect();
    if rights.len() != lefts.len()
        || lefts.len() > 1
            && !ctx
                .between(ctx.sentence.range.start, ctx.q(first).span.start)
                .contains("分别")
    {
        return None;
    }
    let fits = lefts
        .iter()
        .zip(&rights)
        .all(|(&a, &b)| same_measure(ctx, a, b) && !ranked(ctx, a) && !ranked(ctx, b));
    fits.then_some((lefts, word, direction, rights))
}

/// `2.50:1` starting at `qs[k]`: the quantity of its `1`, when the figure is a ratio to one.
fn ratio_to_one(ctx: &Context, k: usize) -> Option<usize> {
    let qs = &ctx.sentence.quantities;
    let &one = qs.get(k + 1)?;
    let gap = ctx.between(ctx.q(qs[k]).span.end, ctx.q(one).span.start);
    let written = &ctx.text[ctx.q(one).span.clone()];
    (matches!(gap, ":" | "：" | "∶") && written == "1").then_some(one)
}

/// Two figures of one kind and unit that can be ordered: lengths of time too (`审理周期由
/// 48.6天缩短至41.2天`), which are not added or divided but still rise and fall, and bare
/// numbers (`收入倍差从1.96缩小至1.81`).
fn same_measure(ctx: &Context, a: usize, b: usize) -> bool {
    let (x, y) = (ctx.q(a), ctx.q(b));
    x.kind == y.kind
        && matches!(
            x.kind,
            Kind::Count | Kind::Amount | Kind::Percent | Kind::Permille | Kind::Number
        )
        && x.unit_text(ctx.text) == y.unit_text(ctx.text)
        && !x.range
        && !y.range
}

/// 由 or 从 right before figure `i`, or before a short name of what moves or when
/// (`由人均`, `由1985年`), or a time phrase ending in 的 (`由上年的`).
fn opened(ctx: &Context, i: usize) -> bool {
    let from = &ctx.vocab.change.from;
    let before = ctx.clause_before(i).trim_end();
    // `由平均48.6天`: an average's word between.
    let before = before.strip_suffix("平均").unwrap_or(before);
    if from.iter().any(|w| before.ends_with(w.as_str())) {
        return true;
    }
    // `由人均600元`, `从月销售额10万元`, `从2004年人均每月700元`: a short name of what moves.
    if let Some((at, w)) = super::vocabulary::rfind_any(before, from) {
        let name = &before[at + w.len()..];
        if name.chars().count() <= MAX_OPENING && !name.contains(['，', '、', '；', '：', '的'])
        {
            return true;
        }
    }
    let Some(head) = before.strip_suffix('的') else {
        return false;
    };
    let Some((at, w)) = super::vocabulary::rfind_any(head, from) else {
        return false;
    };
    let phrase = &head[at + w.len()..];
    time_phrase(&format!("{phrase}的"))
}

/// `增加到`, `降至`, `提高到了`: a change word and 到/至, all that stands between the figures;
/// its range within `gap` and its direction.
fn joining_word(
    ctx: &Context,
    gap: &str,
    after_right: &str,
) -> Option<(std::ops::Range<usize>, Direction)> {
    let trimmed = gap.trim_start();
    // The rest of the figures' unit, written after both (`796元/月…842元/月`,
    // `15个县（市）…57个县（市）`).
    let tail: usize = trimmed
        .chars()
        .zip(after_right.chars())
        .take(MAX_UNIT_TAIL)
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum();
    let trimmed = &trimmed[tail..];
    let lead = gap.len() - trimmed.len();
    let at = trimmed.find(['到', '至'])?;
    // `增加到2023年的B`, `降至年末的B`: a time phrase of the new value.
    let after = trimmed[at + '到'.len_utf8()..].trim();
    if !after.is_empty() && !time_phrase(after) {
        return None;
    }
    let rest = trimmed[..at].trim_end().trim_end_matches('了');
    if rest.is_empty() || rest.chars().count() > 2 {
        return None;
    }
    let direction = if ctx.vocab.change.up.iter().any(|w| w == rest) {
        Direction::Up
    } else if ctx.vocab.change.down.iter().any(|w| w == rest) {
        Direction::Down
    } else {
        return None;
    };
    // 高, 低: only as 升高, 降低 (two characters), never alone before 到.
    if matches!(rest, "高" | "低" | "超收") {
        return None;
    }
    Some((lead..lead + rest.len(), direction))
}

/// `2023年的`, `年末的`, `上年的`: when a figure was, before it.
fn time_phrase(phrase: &str) -> bool {
    phrase.strip_suffix('的').is_some_and(|head| {
        head.chars().count() <= MAX_OPENING
            && !head.contains(['，', '、', '；'])
            && (head.contains(['年', '月', '季'])
                || head.ends_with(['初', '末', '底'])
                || ["现在", "目前", "当前", "如今"].contains(&head))
    })
}

/// A rank or place (`排名由第15位上升到第8位`, `位次前移`): a smaller number is a better place.
fn ranked(ctx: &Context, i: usize) -> bool {
    let q = ctx.q(i);
    if !matches!(q.kind, Kind::Count) {
        return false;
    }
    let unit = q.unit_text(ctx.text).unwrap_or("");
    matches!(unit, "位" | "名")
        && ["排名", "位次", "名次", "排位", "位列", "居", "排"]
            .iter()
            .any(|w| {
                ctx.between(ctx.sentence.range.start, q.span.start)
                    .contains(w)
            })
}
