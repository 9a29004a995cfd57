//! `分别` lists (one value per subject) and series over years.

use std::ops::Range;

use super::Claim;
use super::change::year_before;
use super::sentence::Context;
use super::vocabulary::starts_with_any;

/// The values of a list that starts after offset `from`: the first figure of the clause after
/// `from`, then every figure joined to the previous one by a separator alone (`、`, `和`).
fn values_after(ctx: &Context, from: usize) -> Vec<usize> {
    let mut values = Vec::new();
    for &i in &ctx.sentence.quantities {
        let q = ctx.q(i);
        if q.span.start < from {
            continue;
        }
        let gap_start = values.last().map_or(from, |&p: &usize| ctx.q(p).span.end);
        let gap = ctx.between(gap_start, q.span.start);
        let joined = if values.is_empty() {
            !gap.contains(['，', '。', '；', '：', ',', ';'])
        } else {
            gap.is_empty() || ["、", "和", "及", "与", "以及", "、和"].contains(&gap)
        };
        if !joined {
            break;
        }
        values.push(i);
    }
    values
}

/// A series of values over years, as stated by the text.
#[derive(Debug, Clone)]
pub struct SeriesInfo {
    pub values: Vec<usize>,
    pub years: Vec<i32>,
}

/// `2018年、2019年和2020年…分别为…`, `2020年至2022年…分别为…`, `自2018年…以来…分别为…`: the
/// years of a `分别为` list of figures.
pub fn series(ctx: &Context, claims: &mut Vec<Claim>) -> Option<SeriesInfo> {
    let text = ctx.between(ctx.sentence.range.start, ctx.sentence.range.end);
    let kw = text.find("分别为").or_else(|| text.find("依次为"))?;
    let kw_at = ctx.sentence.range.start + kw;
    let values = values_after(ctx, kw_at + "分别为".len());
    if values.len() < 2 || !values.iter().all(|&v| ctx.comparable(v, values[0])) {
        return None;
    }
    let years = stated_years(&text[..kw]);
    let years = match years.as_slice() {
        // A start year alone, or a span: consecutive years.
        [first] => (0..values.len() as i32).map(|k| first + k).collect(),
        [first, last] if (last - first + 1) as usize == values.len() => (*first..=*last).collect(),
        listed if listed.len() == values.len() => listed.to_vec(),
        _ => return None,
    };
    claims.push(Claim::Series {
        values: values.clone(),
        years: years.clone(),
    });
    Some(SeriesInfo { values, years })
}

/// Four-digit years stated before a list: each `YYYY年` once, in order.
fn stated_years(text: &str) -> Vec<i32> {
    let mut years: Vec<i32> = text
        .match_indices('年')
        .filter_map(|(i, _)| year_before(text, i))
        .collect();
    years.dedup();
    years
}

/// `A、B和C…分别…a、b、c`: the subjects before a respectively word and the values after it.
pub fn respectively(ctx: &Context, claims: &mut Vec<Claim>) {
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    for (offset, _) in text.char_indices() {
        let Some(word) = starts_with_any(&text[offset..], &ctx.vocab.list.respectively) else {
            continue;
        };
        let kw = start + offset..start + offset + word.len();
        let values = values_after(ctx, kw.end);
        // One value for several subjects (`A、B分别下降2%`) is a value each; a list that runs on
        // into other text (`3分、5分和1毛钱`) was not read whole.
        let clean_end = values.last().is_some_and(|&v| {
            ctx.text[ctx.q(v).span.end..]
                .starts_with(['，', '。', '；', '：', ',', ';', '！', '？', '\n'])
                || ctx.q(v).span.end == ctx.sentence.range.end
        });
        if values.len() < 2
            || !clean_end
            || !values
                .iter()
                .all(|&v| ctx.q(v).kind == ctx.q(values[0]).kind)
        {
            continue;
        }
        let Some((subjects, unsplit)) = subjects_before(ctx, kw.start) else {
            continue;
        };
        if subjects.len() >= 2 {
            claims.push(Claim::Respectively {
                keyword: kw,
                subjects,
                unsplit,
                values,
            });
        }
    }
}

/// The subjects listed before a respectively word: the `、` list of its clause, or of the clause
/// before when its own clause opens with the word (`分为控告、申诉、国家赔偿三类，分别为…`).
fn subjects_before(ctx: &Context, kw: usize) -> Option<(Vec<Range<usize>>, Option<usize>)> {
    let clause_start = ctx.clause_start(kw);
    let own = ctx.between(clause_start, kw);
    let (list_start, list) = if own.contains('、') {
        (clause_start, own)
    } else if own.trim_start_matches(['同', '比', '均']).is_empty()
        && clause_start > ctx.sentence.range.start
    {
        let prev_start = ctx.clause_start(clause_start - '，'.len_utf8());
        let prev = ctx.between(prev_start, clause_start - '，'.len_utf8());
        if !prev.contains('、') {
            return None;
        }
        (prev_start, prev)
    } else {
        return None;
    };
    let mut subjects = Vec::new();
    let mut unsplit = None;
    let mut at = list_start;
    let pieces: Vec<&str> = list.split('、').collect();
    for (k, piece) in pieces.iter().enumerate() {
        let is_last = k + 1 == pieces.len();
        // `B和C` in the last piece is two subjects.
        if is_last
            && let Some(i) = ["和", "及", "与"]
                .iter()
                .filter_map(|w| piece.find(w))
                .min()
                .filter(|&i| i > 0)
        {
            unsplit = Some(pieces.len());
            subjects.push(at..at + i);
            let rest = at + i + '和'.len_utf8();
            subjects.push(rest..at + piece.len());
            break;
        }
        subjects.push(at..at + piece.len());
        at += piece.len() + '、'.len_utf8();
    }
    Some((subjects, unsplit))
}
