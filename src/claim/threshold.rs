//! Thresholds said of an exact figure: `突破3000亿元、达到3047亿元`, `上涨2.6%，低于3%左右的
//! 预期目标`, `超过6%的县市有4个，即：东川7.2%、…`, `A达到9846亿元、B达到10217家，首次实现
//! “双过万”`.
//!
//! A threshold holds its exact figure only where the words leave no doubt that both are one
//! metric: the exact figure is the bound's own clause continued (`突破X，达到Y`: a separator and
//! a word that gives the value, nothing else), or the bound's clause follows the exact figure
//! with no new subject (`Y，首次突破X`, `Y，成为全国首个…突破X的城市`), or the figures are the
//! members of a group the bound defines (`超过X的地区…即：A a、B b`). Anything else between
//! (a noun, another figure, a 其中) may name another metric, and is left unread.

use std::ops::Range;

use rust_decimal::Decimal;

use super::named::{OpenBound, bound_name};
use super::repeat::planned;
use super::sentence::Context;
use super::vocabulary::Words;
use super::{Claim, Relation};
use crate::number::numeral::{scale_factor, scale_word};
use crate::number::{ApproxKind, Kind};

/// The longest modifier between a threshold word and its figure (`超过原定的近3千亿元`), in
/// characters.
const MAX_MODIFIER: usize = 4;

/// The longest name of a group member (`内蒙古`, `黑龙江`) or of the group (`地区`, `省份`).
const MAX_MEMBER_NAME: usize = 8;

/// The longest phrase of a `成为…首个…` clause before its threshold word.
const MAX_BECOMES: usize = 16;

/// Reads the thresholds of a sentence; a bound it holds no figure against goes to `open`
/// with its metric's name, for [`super::named::resolve`], and every bound to `bounds`.
pub fn thresholds(
    ctx: &Context,
    claims: &mut Vec<Claim>,
    open: &mut Vec<OpenBound>,
    bounds: &mut Vec<usize>,
) {
    comparisons(ctx, open);
    let qs = &ctx.sentence.quantities;
    let mut previous: Option<(usize, Relation, Range<usize>)> = None;
    for (k, &b) in qs.iter().enumerate() {
        // `接连突破8万亿元、9万亿元`: a figure listed right after a bound is a bound of the
        // same word.
        let listed = previous.take().filter(|(p, _, _)| {
            let (x, y) = (ctx.q(*p), ctx.q(b));
            ctx.between(x.span.end, y.span.start) == "、"
                && x.kind == y.kind
                && x.unit_text(ctx.text) == y.unit_text(ctx.text)
                && !y.range
        });
        let Some((relation, word)) = relation_of(ctx, b).or(listed.map(|(_, r, w)| (r, w))) else {
            continue;
        };
        previous = Some((b, relation, word.clone()));
        let bound = ctx.q(b);
        if bound.range || bound.value <= Decimal::ZERO {
            continue;
        }
        bounds.push(b);
        let approximate = bound
            .approx
            .is_some_and(|a| matches!(a.kind, ApproxKind::About | ApproxKind::Near));
        let mut claim = |value: usize| {
            if fits(ctx, b, value) {
                claims.push(Claim::Threshold {
                    value,
                    bound: bound.value,
                    bound_span: bound.span.clone(),
                    approximate,
                    rounding: Decimal::ZERO,
                    relation,
                    word: word.clone(),
                });
            }
        };
        let suffix = word.start > bound.span.start;
        if let Some(members) = members(ctx, k) {
            members.into_iter().for_each(&mut claim);
        } else if let Some(value) = value_after(ctx, k).filter(|_| !suffix) {
            claim(value);
        } else if let Some(value) = value_before(ctx, k, word.start).filter(|_| !suffix) {
            claim(value);
        } else if let Some(value) = value_in_brackets(ctx, k) {
            claim(value);
        } else if let Some(o) = open_bound(ctx, b, relation, &word, approximate) {
            open.push(o);
        }
    }
    doubles(ctx, claims);
    halves(ctx, claims);
}

/// `居民人均可支配收入实际增长7.4%，快于经济增速`: a real growth said to outpace (or trail) the
/// growth of a metric the clause names, whose figure the document states elsewhere; goes to
/// `open` with the value as its figure and the named metric's growth as the bound to find.
fn comparisons(ctx: &Context, open: &mut Vec<OpenBound>) {
    let words = &ctx.vocab.threshold;
    let sentence = &ctx.text[ctx.sentence.range.clone()];
    for (list, relation) in [
        (&words.faster, Relation::Above),
        (&words.slower, Relation::Below),
    ] {
        for w in list {
            for (at, _) in sentence.match_indices(w.as_str()) {
                let at = ctx.sentence.range.start + at;
                let clause_start = ctx.clause_start(at);
                if clause_start <= ctx.sentence.range.start {
                    continue;
                }
                if !without_leading(ctx.between(clause_start, at), &[&words.adverbs]).is_empty() {
                    continue;
                }
                // The rest of the clause: a name and a word of growth, nothing else.
                let rest = ctx.between(at + w.len(), ctx.sentence.range.end);
                let clause = &rest[..rest
                    .find(['，', '。', '；', ',', ';'])
                    .unwrap_or(rest.len())];
                let Some(name) = words
                    .growths
                    .iter()
                    .find_map(|g| clause.strip_suffix(g.as_str()))
                else {
                    continue;
                };
                let Some(v) = ctx.before(clause_start).last() else {
                    continue;
                };
                let q = ctx.q(v);
                let real = ctx.clause_before(v).contains("实际");
                if q.kind != Kind::Percent
                    || q.range
                    || !ctx.is_change(v)
                    || !real
                    || ctx.between(q.span.end, clause_start).chars().count() > 1
                {
                    continue;
                }
                let Some(name) = super::named::normalize(name, ctx.vocab) else {
                    continue;
                };
                let end = at + w.len() + clause.len();
                open.push(OpenBound {
                    bound: v,
                    relation,
                    word: at..end,
                    name,
                    years: Vec::new(),
                    growth_of: true,
                });
            }
        }
    }
}

/// `比重上升到50.5%，首次占据“半壁江山”`: a share said to be half or more, in the clause right
/// after the share's, opening (after adverbs and 占据) with a word of half.
fn halves(ctx: &Context, claims: &mut Vec<Claim>) {
    let words = &ctx.vocab.threshold;
    let sentence = &ctx.text[ctx.sentence.range.clone()];
    for half in &words.halves {
        for (at, _) in sentence.match_indices(half.as_str()) {
            let at = ctx.sentence.range.start + at;
            let clause_start = ctx.clause_start(at);
            let opening = without_leading(
                ctx.between(clause_start, at),
                &[&words.adverbs, &words.holds],
            )
            .trim_start_matches(['“', '"', '「']);
            // The word of half ends its clause: `过半数企业实现增长` speaks of firms.
            let after = ctx
                .between(at + half.len(), ctx.sentence.range.end)
                .trim_start_matches(['”', '"', '」']);
            let ends = after.is_empty() || after.starts_with(['，', '。', '；', '！', ',', ';']);
            if !opening.is_empty() || !ends || clause_start <= ctx.sentence.range.start {
                continue;
            }
            // The share ends the clause before: nothing but the clause mark after it.
            let Some(v) = ctx.before(clause_start).last() else {
                continue;
            };
            let q = ctx.q(v);
            if q.kind != Kind::Percent
                || q.range
                || ctx.is_change(v)
                || ctx.between(q.span.end, clause_start).chars().count() > 1
            {
                continue;
            }
            let end = at + half.len();
            claims.push(Claim::Threshold {
                value: v,
                bound: Decimal::from(50),
                bound_span: at..end,
                approximate: false,
                rounding: Decimal::ZERO,
                relation: Relation::AtLeast,
                word: at..end,
            });
        }
    }
}

/// A bound passed (`经济总量超过6万亿元`) whose sentence gives no figure for it: the name of its
/// metric, for a figure stated elsewhere in the document. Targets (`力争突破`) and approximate
/// bounds are not read, nor a bound stayed under: across paragraphs those are mostly targets.
fn open_bound(
    ctx: &Context,
    b: usize,
    relation: Relation,
    word: &Range<usize>,
    approximate: bool,
) -> Option<OpenBound> {
    if approximate || !matches!(relation, Relation::Above | Relation::AtLeast) {
        return None;
    }
    // `经济总量超千亿元的县域达12个`: the bound picks out members of a group that its clause
    // counts, not the metric's value (`首个经济总量超过3万亿元的城市` is the subject's own).
    let after = ctx.between(ctx.q(b).span.end, ctx.sentence.range.end);
    let clause_end = after.find(['，', '；', '。']).unwrap_or(after.len());
    if after.starts_with('的')
        && ctx.sentence.quantities.iter().any(|&i| {
            let at = ctx.q(i).span.start;
            at > ctx.q(b).span.end && at < ctx.q(b).span.end + clause_end
        })
    {
        return None;
    }
    let said = ctx.between(
        ctx.sentence.range.start,
        word.start.min(ctx.q(b).span.start),
    );
    let clause = ctx.between(
        ctx.clause_start(word.start),
        word.start.min(ctx.q(b).span.start),
    );
    // A plan anywhere before in the sentence; a total over years in the bound's own clause
    // (`年均增长5.2%，经济总量连续迈上…` holds an average in another clause).
    if planned(said) || ctx.vocab.names.totals.occurs_in(clause) || ctx.is_change(b) {
        return None;
    }
    let (name, years) = bound_name(clause, ctx.vocab)?;
    Some(OpenBound {
        bound: b,
        relation,
        word: word.clone(),
        name,
        years,
        growth_of: false,
    })
}

/// Figures that one threshold can be said of: comparable, and not a change
/// (`比上年增加300亿元，突破4000亿元` is said of the level, not the increment).
fn fits(ctx: &Context, bound: usize, value: usize) -> bool {
    (ctx.comparable(bound, value) || scaled_alike(ctx, bound, value))
        && (!ctx.is_change(value) || rate_against_rate(ctx, value))
}

/// `10259.93亿元…规模破万亿`: a bound written with a scale word and no unit is in the unit of
/// the amount it is said of.
fn scaled_alike(ctx: &Context, bound: usize, value: usize) -> bool {
    let (b, v) = (ctx.q(bound), ctx.q(value));
    b.kind == Kind::Number
        && ctx.text[b.span.clone()].contains(['万', '亿'])
        && !b.range
        && matches!(v.kind, Kind::Amount | Kind::Count)
        && !v.range
        && !ctx.is_duration(value)
}

/// `上涨2.6%，低于3%左右的预期目标`: a change in percent held against a bound in percent is a
/// rate against a rate, unless a level in percent stands before it in the sentence
/// (`占比35%，比上年提高2%，超过30%` says the share passed 30%, not the rise).
fn rate_against_rate(ctx: &Context, value: usize) -> bool {
    ctx.q(value).kind == Kind::Percent
        && !ctx
            .before(ctx.q(value).span.start)
            .any(|i| ctx.q(i).kind == Kind::Percent && !ctx.is_change(i))
}

/// The relation a threshold word before figure `b` states, and the word's range: the figure's
/// own approximation word (`超过5%`, `不足1%`) or a threshold word a short modifier before it
/// (`突破`, `迈上`, `超过原定的近`, `低于`).
fn relation_of(ctx: &Context, b: usize) -> Option<(Relation, Range<usize>)> {
    let q = ctx.q(b);
    // The figure's own approximation word, as the grammar reads it; 约, 近 and 左右 bound
    // nothing. A suffix (`以上`) bounds only a group (see `members`).
    if let Some(a) = q.approx {
        let relation = match a.kind {
            ApproxKind::Over => Some(Relation::Above),
            ApproxKind::Under => Some(Relation::Below),
            ApproxKind::AtLeast => Some(Relation::AtLeast),
            ApproxKind::AtMost => Some(Relation::AtMost),
            ApproxKind::About | ApproxKind::Near => None,
        };
        if let Some(r) = relation {
            let at = if ctx.text[q.span.clone()].starts_with(a.word) {
                q.span.start
            } else {
                q.span.end - a.word.len()
            };
            return Some((r, at..at + a.word.len()));
        }
    }
    let before = ctx.clause_before(b);
    let words = &ctx.vocab.threshold;
    // `过万亿元`, `破千亿`: a one-character word bounds only a bare round figure right after
    // it (`通过3年` is no bound).
    if ctx.text[q.span.clone()].starts_with(['万', '千', '百', '亿'])
        && let Some(w) = words
            .round_above
            .iter()
            .find(|w| before.ends_with(w.as_str()))
    {
        // `突破百万`: the whole word when it ends in the one-character word.
        let w = words
            .above
            .iter()
            .filter(|a| before.ends_with(a.as_str()))
            .max_by_key(|a| a.len())
            .filter(|a| a.len() > w.len())
            .unwrap_or(w);
        let at = q.span.start - w.len();
        return Some((Relation::Above, at..q.span.start));
    }
    let mut best: Option<(usize, Relation, Range<usize>)> = None;
    for (list, relation) in [
        (&words.above, Relation::Above),
        (&words.below, Relation::Below),
        (&words.at_least, Relation::AtLeast),
    ] {
        // One pass of the list's automaton over the clause before each figure; most clauses
        // hold none of the words, and searching for each word in turn was a sixth of all
        // checking time.
        if !list.occurs_in(before) {
            continue;
        }
        for w in list {
            let Some(at) = before.rfind(w.as_str()) else {
                continue;
            };
            let rest = &before[at + w.len()..];
            let n = rest.chars().count();
            let single = w.chars().count() == 1;
            // `跨过两个万亿元大关`: a count of bounds passed, not one bound of 1万亿元.
            let counted = rest.ends_with(['个', '次', '项']);
            if n > MAX_MODIFIER
                || (single && n > 0)
                || counted
                || rest.contains(|c: char| c.is_ascii_digit() || "，、；：（）()“”".contains(c))
                || before[..at].ends_with('不')
            {
                continue;
            }
            if best
                .as_ref()
                .is_none_or(|(m, _, r)| n < *m || (n == *m && w.len() > r.len()))
            {
                let start = ctx.clause_start(q.span.start) + at;
                best = Some((n, relation, start..start + w.len()));
            }
        }
    }
    best.map(|(_, r, w)| (r, w))
}

/// `突破3000亿元、达到3047亿元`, `迈上5万亿元台阶，达到52736亿元`: the next figure, when all that
/// stands between is a word of the bound (`台阶`), one separator and a word giving the value.
fn value_after(ctx: &Context, k: usize) -> Option<usize> {
    let qs = &ctx.sentence.quantities;
    let (&b, &v) = (qs.get(k)?, qs.get(k + 1)?);
    let gap = ctx.between(ctx.q(b).span.end, ctx.q(v).span.start);
    let words = &ctx.vocab.threshold;
    let gap = words
        .tails
        .iter()
        .find_map(|t| gap.strip_prefix(t.as_str()))
        .unwrap_or(gap);
    let gap = gap.strip_prefix(['，', '、'])?;
    let gap = words
        .adverbs
        .iter()
        .find_map(|a| gap.strip_prefix(a.as_str()))
        .unwrap_or(gap);
    words.links.iter().any(|l| l == gap).then_some(v)
}

/// `上涨2.6%，低于3%`, `…4.72万亿元，成为全省首个经济总量突破4万亿元的城市`: the figure that
/// ends the clause before the threshold's, when the threshold's clause opens with its word, a few
/// adverbs before it, or a `成为…首个` phrase.
fn value_before(ctx: &Context, k: usize, word_at: usize) -> Option<usize> {
    let before = &ctx.sentence.quantities[..k];
    // `…10259.93亿元、增长2.3%，连续两年规模破万亿`: the length of a run of years is when, and
    // the figure is the one before it.
    let (mut v, span, mut at) = match before {
        [.., v, d] if ctx.is_duration(*d) && ctx.clause_before(*d).ends_with("连续") => {
            (*v, Some(ctx.q(*d).span.clone()), before.len() - 2)
        }
        [.., v] => (*v, None, before.len() - 1),
        [] => return None,
    };
    let clause_end = ctx.q(v).span.end;
    // `达10259.93亿元、增长2.3%，…破万亿`: the change after a level is said of it; the bound
    // is the level's.
    while ctx.is_change(v) && at > 0 {
        let level = before[at - 1];
        let gap = ctx.between(ctx.q(level).span.end, ctx.q(v).span.start);
        let word = gap.strip_prefix(['、', '，']).unwrap_or("");
        let change = &ctx.vocab.change;
        if !change.up.iter().chain(&change.down).any(|w| w == word) || ctx.is_change(level) {
            break;
        }
        v = level;
        at -= 1;
    }
    let gap = ctx.between(clause_end, word_at);
    let mut rest = gap.strip_prefix('，')?.to_string();
    if let Some(d) = span {
        rest = rest.replacen(&format!("连续{}", &ctx.text[d]), "", 1);
    }
    let rest = without_leading(&rest, &[&ctx.vocab.threshold.adverbs]);
    // `规模破万亿`: a word of the bound's (`规模`) names the figure just stated again.
    let rest = ctx
        .vocab
        .threshold
        .tails
        .iter()
        .find_map(|t| rest.strip_prefix(t.as_str()))
        .unwrap_or(rest);
    if rest.is_empty() {
        return Some(v);
    }
    // `成为全省首个经济总量突破…`: the subject that becomes the first is the one just stated.
    let becomes = rest.strip_prefix("成为")?;
    let first = ["首个", "第一个", "首批", "唯一"]
        .iter()
        .any(|w| becomes.contains(w));
    (first
        && becomes.chars().count() <= MAX_BECOMES
        && !becomes.contains(|c: char| c.is_ascii_digit() || "，、；：（）".contains(c)))
    .then_some(v)
}

/// `税收占比（71.7%）持续稳定在70%以上`: the figure in brackets after the clause's name, when
/// only adverbs and `在` stand between it and the bound.
fn value_in_brackets(ctx: &Context, k: usize) -> Option<usize> {
    let qs = &ctx.sentence.quantities;
    let (v, b) = (*qs.get(k.checked_sub(1)?)?, qs[k]);
    if ctx.clause_start(ctx.q(v).span.start) != ctx.clause_start(ctx.q(b).span.start) {
        return None;
    }
    let gap = ctx.between(ctx.q(v).span.end, ctx.q(b).span.start);
    let rest = gap.strip_prefix(['）', ')'])?;
    let opened = ctx.between(ctx.clause_start(ctx.q(v).span.start), ctx.q(v).span.start);
    if !opened.ends_with(['（', '(']) {
        return None;
    }
    let rest = without_leading(rest, &[&ctx.vocab.threshold.adverbs]);
    matches!(rest, "" | "在" | "于").then_some(v)
}

/// `text` without the words of `lists` it opens with, one after another (`首次占据`).
fn without_leading<'t>(mut text: &'t str, lists: &[&Words]) -> &'t str {
    while let Some(rest) = lists
        .iter()
        .flat_map(|l| l.iter())
        .find_map(|w| text.strip_prefix(w.as_str()))
    {
        text = rest;
    }
    text
}

/// `超过6%的县市有4个，即：东川7.2%、南岭6.8%`: every member listed after 即 or 分别是 in
/// the sentence, when the bound's figure defines a group (`…的地区`).
fn members(ctx: &Context, k: usize) -> Option<Vec<usize>> {
    let qs = &ctx.sentence.quantities;
    let b = qs[k];
    let q = ctx.q(b);
    // The span holds a suffix (`6%以上`): the group's 的 follows it.
    let group = ctx
        .between(q.span.end, ctx.sentence.range.end)
        .strip_prefix('的')?;
    let name: String = group
        .chars()
        .take_while(|c| !"，、；：。有为共".contains(*c))
        .collect();
    if name.is_empty() || name.chars().count() > MAX_MEMBER_NAME {
        return None;
    }
    let mut out = Vec::new();
    let mut j = k + 1;
    while j < qs.len() {
        let i = qs[j];
        let gap = ctx.between(ctx.q(qs[j - 1]).span.end, ctx.q(i).span.start);
        let opened = ctx.vocab.threshold.members.iter().find_map(|m| {
            gap.rfind(m.as_str())
                .map(|at| gap[at + m.len()..].trim_start_matches(['：', ':']))
        });
        let Some(name) = opened else {
            j += 1;
            continue;
        };
        // A run of `name figure`, joined by 、.
        if !member_name(name) || !ctx.comparable(b, i) {
            return None;
        }
        out.push(i);
        j += 1;
        while j < qs.len() {
            let gap = ctx.between(ctx.q(qs[j - 1]).span.end, ctx.q(qs[j]).span.start);
            let Some(name) = gap.strip_prefix('、') else {
                break;
            };
            if !member_name(name) || !ctx.comparable(b, qs[j]) {
                return None;
            }
            out.push(qs[j]);
            j += 1;
        }
    }
    (!out.is_empty()).then_some(out)
}

fn member_name(name: &str) -> bool {
    let n = name.chars().count();
    (1..=MAX_MEMBER_NAME).contains(&n)
        && !name.contains(|c: char| c.is_ascii_digit() || "，、；：。（）".contains(c))
}

/// `A达到9846亿元、B达到10217家，首次实现“双过万”`: both figures before `双过万` pass ten
/// thousand of the scale each is written in (10217家 passes 1万家).
fn doubles(ctx: &Context, claims: &mut Vec<Claim>) {
    let sentence = &ctx.text[ctx.sentence.range.clone()];
    for (at, w) in sentence.match_indices('双') {
        let rest = &sentence[at + w.len()..];
        let Some(word) = ctx
            .vocab
            .threshold
            .doubles
            .iter()
            .find(|d| rest.starts_with(d.as_str()))
        else {
            continue;
        };
        let Ok((tail, (_, place))) = scale_word(&rest[word.len()..]) else {
            continue;
        };
        let start = ctx.sentence.range.start + at;
        let end = ctx.sentence.range.start + sentence.len() - tail.len();
        let figures: Vec<usize> = ctx.before(start).collect();
        let [.., x, y] = figures[..] else {
            continue;
        };
        // Only the two figures of the clause run just before: nothing but `、`, a name and a
        // word giving the value between them.
        let gap = ctx.between(ctx.q(x).span.end, ctx.q(y).span.start);
        if !gap.starts_with('、') || gap.contains(|c: char| c.is_ascii_digit()) {
            continue;
        }
        for v in [x, y] {
            let q = ctx.q(v);
            if !matches!(q.kind, Kind::Count | Kind::Amount) || q.range || ctx.is_change(v) {
                continue;
            }
            let scale = q.scale.map_or(Decimal::ONE, scale_factor);
            let Some(bound) = place.checked_mul(scale) else {
                continue;
            };
            claims.push(Claim::Threshold {
                value: v,
                bound,
                bound_span: start..end,
                approximate: false,
                rounding: Decimal::ZERO,
                relation: Relation::Above,
                word: start..end,
            });
        }
    }
}
