//! Shares of one whole stated clause by clause (`工人占70.7%，技术人员占6.0%，…，其他人员占
//! 12.7%`): when the items name all of the whole, the shares add up to 100%.

use std::ops::Range;

use super::Claim;
use super::sentence::{Context, Sentence};
use super::whole::names_cover_whole;
use crate::number::Kind;

/// One `X占p%` clause: the item's name, the words between 占 and the figure, the figure and
/// where 占 stands.
struct ShareClause<'t> {
    name: &'t str,
    of: &'t str,
    figure: usize,
    word: Range<usize>,
}

/// A run of `X占p%` clauses in a sentence and the sentences its `；` chains to, each share of
/// the same whole (the words between 占 and the figure alike), clauses of changes between them
/// (`比1985年提高3.2个百分点`) passed over. When the items name all of the whole (the last is
/// the rest, `及其他人员`; two are a class and its complement; they name every class of a
/// partition), the shares are a composition that sums to 100%.
pub fn parallel_shares(ctx: &Context, claims: &mut Vec<Claim>) {
    let here = ctx.between(ctx.sentence.range.start, ctx.sentence.range.end);
    if !here.contains('占') {
        return;
    }
    // A run that began in the sentence a `；` chained to this one was read there.
    if ctx
        .previous
        .is_some_and(|p| chained_to(ctx, p) && share_clauses(ctx, p).next().is_some())
    {
        return;
    }
    let mut run: Vec<ShareClause> = Vec::new();
    let mut sentence = Some(ctx.sentence);
    let mut later = ctx.later.iter();
    'sentences: while let Some(s) = sentence {
        for clause in clauses(ctx, s) {
            match share_clause(ctx, s, clause.clone()) {
                Some(share) => {
                    if run.first().is_some_and(|f| f.of != share.of) {
                        break 'sentences;
                    }
                    run.push(share);
                }
                // Before the run, anything; within it, clauses of changes only.
                None if run.is_empty() => {}
                None if changes_only(ctx, s, clause) => {}
                None => break 'sentences,
            }
        }
        sentence = chained_to(ctx, s)
            .then(|| later.next())
            .flatten()
            .filter(|n| n.paragraph == s.paragraph);
    }
    if run.len() < 2 {
        return;
    }
    let names: Vec<&str> = run.iter().map(|c| c.name).collect();
    if !names_cover_whole(ctx, &names) {
        return;
    }
    claims.push(Claim::Composition {
        keyword: run[0].word.clone(),
        values: run.iter().map(|c| c.figure).collect(),
        exhaustive: true,
    });
}

/// Sentence `s` ends with a `；` that joins the next one to it.
fn chained_to(ctx: &Context, s: &Sentence) -> bool {
    ctx.text[..s.range.end].ends_with(['；', ';'])
}

/// The `，；：` clauses of sentence `s`.
fn clauses<'c>(ctx: &'c Context, s: &Sentence) -> impl Iterator<Item = Range<usize>> + 'c {
    let range = s.range.clone();
    let mut start = range.start;
    let text = ctx.text;
    text[range.clone()]
        .match_indices(['，', '；', '：', ',', ';', ':', '。'])
        .map(move |(at, sep)| (range.start + at, sep.len()))
        .chain(std::iter::once((range.end, 0)))
        .filter_map(move |(end, len)| {
            let clause = start..end;
            start = end + len;
            (clause.start < clause.end).then_some(clause)
        })
}

fn share_clauses<'c>(ctx: &'c Context, s: &'c Sentence) -> impl Iterator<Item = ShareClause<'c>> {
    clauses(ctx, s).filter_map(move |c| share_clause(ctx, s, c))
}

/// Clause `clause` of sentence `s` is `X占p%` and nothing more: one figure, a percent at the top
/// level, ending the clause.
fn share_clause<'c>(
    ctx: &'c Context,
    s: &Sentence,
    clause: Range<usize>,
) -> Option<ShareClause<'c>> {
    let mut figures = s
        .quantities
        .iter()
        .copied()
        .filter(|&i| ctx.q(i).span.start >= clause.start && ctx.q(i).span.end <= clause.end);
    let figure = figures.next()?;
    if figures.next().is_some() {
        return None;
    }
    let q = ctx.q(figure);
    if q.kind != Kind::Percent || q.range || q.approx.is_some() {
        return None;
    }
    if !ctx.text[q.span.end..clause.end].trim().is_empty() {
        return None;
    }
    let lead = &ctx.text[clause.start..q.span.start];
    if lead.contains(['（', '(', '）', ')']) {
        return None;
    }
    let at = lead.rfind('占')?;
    let name = lead[..at].trim().trim_end_matches('的');
    let of = lead[at + '占'.len_utf8()..].trim();
    let at = clause.start + at;
    (!name.is_empty()).then_some(ShareClause {
        name,
        of,
        figure,
        word: at..at + '占'.len_utf8(),
    })
}

/// Every figure of the clause is a change (`比1985年提高3.2个百分点`, `下降5.5个百分点`).
fn changes_only(ctx: &Context, s: &Sentence, clause: Range<usize>) -> bool {
    let mut figures = s
        .quantities
        .iter()
        .copied()
        .filter(|&i| ctx.q(i).span.start >= clause.start && ctx.q(i).span.end <= clause.end)
        .peekable();
    figures.peek().is_some() && figures.all(|i| ctx.q(i).kind == Kind::Points)
}
