//! Averages: `人均支出1732元` with the total and the head count it divides.

use super::Claim;
use super::sentence::Context;

/// `T …，N人…，人均X`: X is T ÷ N when the sentence states a total in X's unit and a head count
/// of the kind the average word names (人 for 人均, 户 for 户均).
pub fn per_capita(ctx: &Context, claims: &mut Vec<Claim>) {
    let words = &ctx.vocab.per_capita;
    if ctx.families & super::vocabulary::family::PER_CAPITA == 0 {
        return;
    }
    for &x in &ctx.sentence.quantities {
        if !ctx.is_measure(x) {
            continue;
        }
        let before = ctx.clause_before(x);
        let (heads_units, word_at) = if let Some(i) = words
            .per_person
            .iter()
            .filter_map(|w| before.find(w.as_str()))
            .min()
        {
            (&words.heads, i)
        } else if let Some(i) = words
            .per_household
            .iter()
            .filter_map(|w| before.find(w.as_str()))
            .min()
        {
            (&words.households, i)
        } else {
            continue;
        };
        let clause_start = ctx.clause_start(ctx.q(x).span.start);
        let word_at = clause_start + word_at;
        let earlier: Vec<usize> = ctx.before(word_at).collect();
        let total = earlier
            .iter()
            .rev()
            .copied()
            .find(|&t| ctx.comparable(t, x));
        let heads = earlier.iter().rev().copied().find(|&h| {
            ctx.is_measure(h)
                && ctx
                    .q(h)
                    .unit_text(ctx.text)
                    .is_some_and(|u| heads_units.iter().any(|w| w == u))
        });
        // What is averaged (`支出`, `补贴`, `结案`) must be named in the total's or the head
        // count's phrase: `人均可支配收入` is a statistic of its own, not this total over these
        // people.
        let averaged: Vec<char> = ctx
            .between(word_at, ctx.q(x).span.start)
            .chars()
            .skip(2)
            .collect();
        let related = |i: usize| averaged.iter().any(|c| ctx.metric(i).contains(*c));
        if let (Some(total), Some(heads)) = (total, heads)
            && total != heads
            && (related(total) || related(heads))
        {
            claims.push(Claim::PerCapita {
                value: x,
                total,
                heads,
            });
        }
    }
}

/// `支出…资金138.4亿元，平均救助水平1154.9元/人次`: a figure per head unit written after its
/// unit (`元/人次`, `元/户`) is the total of its unit over the head count of that unit, both the
/// nearest before it (this sentence or the paragraph's last few, outside `其中`) and each named
/// with a word of the average's name (`救助`).
pub fn per_unit(ctx: &Context, claims: &mut Vec<Claim>) {
    let words = &ctx.vocab.per_capita;
    for &x in &ctx.sentence.quantities {
        if !ctx.is_measure(x) || ctx.q(x).kind != crate::number::Kind::Amount {
            continue;
        }
        let Some(per) = ctx.text[ctx.q(x).span.end..].strip_prefix(['/', '／']) else {
            continue;
        };
        let Some(head) = words
            .heads
            .iter()
            .chain(&words.households)
            .filter(|u| per.starts_with(u.as_str()))
            .max_by_key(|u| u.len())
        else {
            continue;
        };
        let name = ctx.metric(x);
        let named = |i: usize| super::whole::common_run(ctx.metric(i), name) >= 2;
        let eligible = |i: usize| {
            i != x
                && ctx.is_measure(i)
                && !ctx.is_change(i)
                && !ctx.is_average(i)
                && !ctx.under_qizhong(i)
        };
        let start = ctx.q(x).span.start;
        let total = ctx
            .earlier_figures(start)
            .find(|&t| eligible(t) && ctx.comparable(t, x) && named(t));
        let heads = ctx.earlier_figures(start).find(|&h| {
            eligible(h) && ctx.q(h).unit_text(ctx.text) == Some(head.as_str()) && named(h)
        });
        if let (Some(total), Some(heads)) = (total, heads) {
            claims.push(Claim::PerCapita {
                value: x,
                total,
                heads,
            });
        }
    }
}
