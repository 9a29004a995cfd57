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
