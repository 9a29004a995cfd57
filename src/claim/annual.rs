//! An annual rate stated after the total change it averages, over years the text names:
//! `2005年与2000年相比，X增长57.3%，年均增长9.5%`, `2007年，X达到…，比2002年增长65.5%，年均增长
//! 10.6%`. The number of years is read from the two years, never from nearness or a guess.

use super::change::{change_word, no_subject, years_at, years_in};
use super::sentence::Context;
use super::{ChangeMeasure, Claim};
use crate::number::Kind;

/// Every `年均增长Q%` whose clause names nothing of its own and follows a total change
/// (`增长P%`, `增长k倍`, `是…的k倍`) whose base year and end year the sentence states.
pub fn compounds(ctx: &Context, claims: &mut Vec<Claim>) {
    let annual = &ctx.vocab.change.annual;
    let figures = &ctx.sentence.quantities;
    for (k, &s) in figures.iter().enumerate().skip(1) {
        if ctx.q(s).kind != Kind::Percent {
            continue;
        }
        let clause = ctx.clause_before(s);
        if !annual.iter().any(|w| clause.contains(w.as_str())) || !no_subject(ctx, s) {
            continue;
        }
        let Some((word, direction, ChangeMeasure::Percent)) = change_word(ctx, s) else {
            continue;
        };
        let total = figures[k - 1];
        let Some((measure, total_direction, years)) = total_change(ctx, total, s) else {
            continue;
        };
        claims.push(Claim::Compound {
            stated: s,
            total,
            measure,
            total_direction,
            direction,
            years,
            word,
        });
    }
}

/// The total change `t` an annual rate `s` averages, when it is stated in the clause just
/// before `s`, and the years between its base and the year the sentence is about.
fn total_change(
    ctx: &Context,
    t: usize,
    s: usize,
) -> Option<(ChangeMeasure, super::Direction, u32)> {
    let s_clause = ctx.clause_start(ctx.q(s).span.start);
    let gap = ctx.between(ctx.q(t).span.end, s_clause);
    if !matches!(gap.trim(), "，" | "," | "；" | ";") {
        return None;
    }
    let (_, direction, measure) = change_word(ctx, t)?;
    if !matches!(
        measure,
        ChangeMeasure::Percent | ChangeMeasure::IncreaseBy | ChangeMeasure::Ratio
    ) {
        return None;
    }
    let lead = ctx.clause_before(t);
    let annual = &ctx.vocab.change.annual;
    if annual.iter().any(|w| lead.contains(w.as_str())) {
        return None;
    }
    let t_clause = ctx.clause_start(ctx.q(t).span.start);
    let (base, end) = match base_year(lead) {
        Some(base) => (base, end_year(ctx, t_clause, lead)?),
        // `2005年与2000年相比，X增长P%`: the comparison framed in the clause before.
        None => {
            let frame_range = ctx.previous_clause(t_clause)?;
            if frame_range.end < ctx.sentence.range.start {
                return None;
            }
            let frame = ctx.between(frame_range.start, frame_range.end);
            let (first, base) = frame_years(frame)?;
            let end = match first {
                Some(y) => y,
                None => end_year(ctx, frame_range.start, frame)?,
            };
            (base, end)
        }
    };
    // Every year the sentence names up to the rate is one of the two: no other span is in play.
    let said = ctx.between(sentence_start(ctx), ctx.q(s).span.start);
    if years_in(said).iter().any(|&y| y != base && y != end) {
        return None;
    }
    let years = u32::try_from(end - base)
        .ok()
        .filter(|y| (2..=100).contains(y))?;
    Some((measure, direction, years))
}

/// The base year of a comparison in a clause: `比2002年`, `较2002年末`, `与1985年相比`.
fn base_year(lead: &str) -> Option<i32> {
    let found = years_at(lead);
    let &(at, end, year) = found.last()?;
    let before = lead[..at].trim_end();
    let after = lead[end..].trim_start();
    let after = after
        .strip_prefix('末')
        .or_else(|| after.strip_prefix('底'))
        .unwrap_or(after);
    let compared = before.ends_with('比') || before.ends_with('较');
    let framed = (before.ends_with('与') || before.ends_with('同'))
        && (after.starts_with("相比") || after.starts_with("比较"));
    (compared || framed).then_some(year)
}

/// A clause that frames a comparison: `2005年与2000年相比` (both years) or `与1985年相比`.
fn frame_years(frame: &str) -> Option<(Option<i32>, i32)> {
    let frame = frame.trim();
    let rest = frame
        .strip_suffix("相比")
        .or_else(|| frame.strip_suffix("比较"))?;
    let rest = rest
        .strip_suffix('末')
        .or_else(|| rest.strip_suffix('底'))
        .unwrap_or(rest);
    let found = years_at(rest);
    match found.as_slice() {
        [(at, end, base)] if *end == rest.len() => {
            matches!(rest[..*at].trim(), "与" | "同").then_some((None, *base))
        }
        [(0, first_end, first), (at, end, base)] if *end == rest.len() => {
            let joint = rest[*first_end..*at].trim();
            let joint = joint
                .strip_prefix('末')
                .or_else(|| joint.strip_prefix('底'))
                .unwrap_or(joint);
            matches!(joint, "与" | "同").then_some((Some(*first), *base))
        }
        _ => None,
    }
}

/// The year the sentence is about: a clause opening the sentence that is only a year
/// (`2007年，`, `1995年末，`, `到2020年底，`), or one opening the clause of the total
/// (`2007年国内生产总值比2002年增长`).
fn end_year(ctx: &Context, clause: usize, lead: &str) -> Option<i32> {
    if let Some(&(0, _, y)) = years_at(lead).first() {
        return Some(y);
    }
    let start = sentence_start(ctx);
    let opening_end = ctx.text[start..]
        .find(['，', ','])
        .map(|i| start + i)
        .filter(|&e| e < clause)?;
    let opening = ctx.between(start, opening_end).trim();
    let opening = ["到", "至", "截至", "截止到", "截止"]
        .iter()
        .find_map(|w| opening.strip_prefix(w))
        .unwrap_or(opening);
    let found = years_at(opening);
    let [(0, end, year)] = found.as_slice() else {
        return None;
    };
    matches!(&opening[*end..], "" | "末" | "底" | "全年").then_some(*year)
}

/// Where the sentence opens: a `；` joins the sentences before it to this one, under their
/// opening clause (`1995年末，A…；B…，比1985年增长…`).
fn sentence_start(ctx: &Context) -> usize {
    let mut start = ctx.sentence.range.start;
    for s in ctx.earlier.iter().rev() {
        if !ctx.text[..s.range.end].trim_end().ends_with(['；', ';']) || s.range.end > start {
            break;
        }
        start = s.range.start;
    }
    start
}
