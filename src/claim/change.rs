//! Changes: a stated growth, fall, points difference or multiple, with the base it is from.
//!
//! Bases the text states, in the order they are looked for:
//! - a year of a series (`分别为…，其中2020年同比增长了191%`);
//! - `比上年的A增长X%`, `较2019年的A`;
//! - `上年为A，同比下降X%`;
//! - `是2019年A的X倍`;
//! - `由A增至B，增长X%`, `从A下降到B`.
//!
//! A change with no stated base (`同比增长11.7%`) is no claim: there is nothing to check it by.

use std::ops::Range;

use super::list::SeriesInfo;
use super::rate::strip_fillers;
use super::sentence::Context;
use super::vocabulary::{ends_with_any, rfind_any};
use super::{ChangeMeasure, Claim, Direction};
use crate::number::Kind;

pub fn changes(ctx: &Context, series: Option<&SeriesInfo>, claims: &mut Vec<Claim>) {
    let respective = respective_changes(ctx);
    for r in &respective {
        claims.push(Claim::AgainstPrior {
            stated: r.stated,
            value: r.value,
            direction: r.direction,
            word: r.word.clone(),
            years: 1,
        });
    }
    for &s in &ctx.sentence.quantities {
        if respective.iter().any(|r| r.stated == s) {
            continue;
        }
        let Some((word, direction, mut measure)) = change_word(ctx, s) else {
            continue;
        };
        let clause_start = ctx.clause_start(ctx.q(s).span.start);
        let up_to_s = ctx.between(ctx.sentence.range.start, ctx.q(s).span.start);
        if matches!(measure, ChangeMeasure::Percent) && ctx.vocab.change.real.occurs_in(up_to_s) {
            continue; // real growth at constant prices: not a ratio of the stated values
        }
        // A difference is checked only against a base stated with it.
        let difference = matches!(measure, ChangeMeasure::Difference);
        let Some((from, to)) = (if difference {
            None
        } else {
            series_step(ctx, s, series)
        })
        .or_else(|| compared_base(ctx, s, clause_start))
        .or_else(|| previous_base(ctx, s))
        .or_else(|| bracketed_base(ctx, s, clause_start))
        .or_else(|| ratio_base(ctx, s, clause_start, measure))
        .or_else(|| {
            // `从A增加到B，平均每年增加X`: an average increment of the pair it follows.
            (!difference || yearly(ctx, s))
                .then(|| from_to(ctx, s))
                .flatten()
        }) else {
            let percent = matches!(measure, ChangeMeasure::Percent);
            let increment = percent
                .then(|| {
                    with_increment(ctx, s, direction).or_else(|| increment_after(ctx, s, direction))
                })
                .flatten();
            if let Some((value, increment)) = increment {
                claims.push(Claim::Increment {
                    stated: s,
                    value,
                    increment,
                    direction,
                });
            }
            if percent && let Some((value, years)) = against_earlier(ctx, s) {
                // The change is of the value, never of its increment (`常住人口954.70万人，
                // 比上年末增加5.59万人，增长0.59%`).
                let value = match increment {
                    Some((v, inc)) if inc == value => v,
                    _ => value,
                };
                claims.push(Claim::AgainstPrior {
                    stated: s,
                    value,
                    direction,
                    word,
                    years,
                });
            }
            continue;
        };
        if !ctx.comparable(from, to) || (difference && !ctx.comparable(from, s)) {
            continue;
        }
        // Points are a difference of two percentages; a growth in percent is of two figures of
        // one unit.
        let operands_percent = ctx.q(from).kind == Kind::Percent;
        if matches!(measure, ChangeMeasure::Points) != operands_percent
            && !matches!(measure, ChangeMeasure::Percent)
        {
            continue;
        }
        let lead = ctx.between(clause_start, ctx.q(s).span.start);
        if matches!(measure, ChangeMeasure::Percent) && ctx.vocab.change.annual.occurs_in(lead) {
            match span_years(ctx, from, to, s) {
                Some(years) if years > 0 => measure = ChangeMeasure::Annual { years },
                _ => continue,
            }
        }
        if difference && yearly(ctx, s) {
            match span_years(ctx, from, to, s) {
                Some(years) if years > 0 => measure = ChangeMeasure::AnnualDifference { years },
                _ => continue,
            }
        }
        claims.push(Claim::Change {
            stated: s,
            from,
            to,
            direction,
            measure,
            word,
        });
    }
}

/// One change of a `分别` list, the figure it is of, and the list's change word.
struct Respective {
    stated: usize,
    value: usize,
    direction: Direction,
    word: Range<usize>,
}

/// `受理…1059.2万件，执结995.8万件，执行到位金额1.9万亿元，同比分别上升1.7%、4.3%和8.1%`: a
/// list of percents after `分别` and a change word against last year, one per figure of the
/// `；` clause before it, in order. Read only when the figures before are exactly as many as
/// the changes: levels outside brackets, none of them a change or a range, and nothing but a
/// year-on-year word around the respectively word (`比2019年分别增长` has a base of its own).
fn respective_changes(ctx: &Context) -> Vec<Respective> {
    let sentence = ctx.between(ctx.sentence.range.start, ctx.sentence.range.end);
    let mut out = Vec::new();
    for (at, kw) in sentence.match_indices("分别") {
        let kw_start = ctx.sentence.range.start + at;
        let kw_end = kw_start + kw.len();
        let values = super::list::values_after(ctx, kw_end);
        let Some(&first) = values.first() else {
            continue;
        };
        if values.len() < 2 || values.iter().any(|&v| ctx.q(v).kind != Kind::Percent) {
            continue;
        }
        // The word's own direction: each value's sign turns it for that value alone.
        let Some((word, direction, ChangeMeasure::Percent)) = written_change(ctx, first) else {
            continue;
        };
        let yoy = &ctx.vocab.change.yoy;
        let bare = |t: &str| t.is_empty() || yoy.iter().any(|w| t == w.as_str());
        // `同比分别上升`, `分别比上年下降`: between the clause start and the change word, only
        // the respectively word and a year-on-year word.
        let lead = ctx.between(ctx.clause_start(kw_start), kw_start);
        let gap = strip_fillers(ctx.between(kw_end, word.start), &ctx.vocab.change.fillers);
        if !bare(lead) || !bare(gap) {
            continue;
        }
        let clause = ctx.between(ctx.sentence.range.start, kw_start);
        if ctx.vocab.change.real.occurs_in(clause) || ctx.vocab.change.annual.occurs_in(clause) {
            continue;
        }
        let major = ctx.tree.major(ctx.text, kw_start);
        let figures: Vec<usize> = ctx
            .before(kw_start)
            .filter(|&i| ctx.q(i).span.start >= major.start)
            .filter(|&i| !ctx.is_duration(i) && !ctx.q(i).range)
            .filter(|&i| ctx.q(i).kind != Kind::Number)
            .collect();
        let levels = figures.iter().all(|&i| {
            ctx.is_measure(i) && ctx.at_top_level(i) && !ctx.is_change(i) && !ctx.is_bound(i)
        });
        if !levels || figures.len() != values.len() {
            continue;
        }
        for (&value, &stated) in figures.iter().zip(&values) {
            out.push(Respective {
                stated,
                value,
                direction: if ctx.q(stated).value < rust_decimal::Decimal::ZERO {
                    direction.reversed()
                } else {
                    direction
                },
                word: word.clone(),
            });
        }
    }
    out
}

/// The clause of `s` states an average per year (`年均`, `平均每年`).
fn yearly(ctx: &Context, s: usize) -> bool {
    let lead = ctx.clause_before(s);
    ctx.vocab
        .change
        .annual
        .iter()
        .any(|w| lead.contains(w.as_str()))
}

/// The change word before `s` (`增长`, `下降`, `是…的`, `翻番`), its direction and what `s`
/// measures. A change stated negative is the opposite change (`增长-4.7%` is a fall of 4.7%,
/// as statistical tables and communiqués print it): its direction is reversed here, and
/// [`super::extract`] gives the rules its magnitude.
pub(super) fn change_word(
    ctx: &Context,
    s: usize,
) -> Option<(Range<usize>, Direction, ChangeMeasure)> {
    let (word, direction, measure) = written_change(ctx, s)?;
    let negative = ctx.q(s).value < rust_decimal::Decimal::ZERO
        && matches!(
            ctx.q(s).kind,
            Kind::Count | Kind::Amount | Kind::Percent | Kind::Points
        );
    Some((
        word,
        if negative {
            direction.reversed()
        } else {
            direction
        },
        measure,
    ))
}

/// The change word before `s` and the direction it says, whatever the sign of `s`.
fn written_change(ctx: &Context, s: usize) -> Option<(Range<usize>, Direction, ChangeMeasure)> {
    let q = ctx.q(s);
    if q.range {
        return None;
    }
    let clause_start = ctx.clause_start(q.span.start);
    if q.kind == Kind::Multiple && ctx.text[q.span.clone()].starts_with('翻') {
        let times = q
            .value
            .trunc()
            .to_string()
            .parse::<u32>()
            .ok()?
            .trailing_zeros();
        return Some((
            q.span.clone(),
            Direction::Up,
            ChangeMeasure::Doubling { times },
        ));
    }
    if ends_with_any(ctx.clause_before(s), &ctx.vocab.change.emphasis).is_some() {
        return None;
    }
    let before = strip_fillers(ctx.clause_before(s), &ctx.vocab.change.fillers);
    let end = clause_start + before.len();
    let range = |w: &str| end - w.len()..end;
    match q.kind {
        Kind::Multiple => {
            if let Some(w) = ends_with_any(before, &ctx.vocab.multiple.ratio_words) {
                return Some((range(w), Direction::Up, ChangeMeasure::Ratio));
            }
            if before.ends_with('的')
                && let Some((at, w)) = rfind_any(before, &ctx.vocab.multiple.ratio_of)
            {
                let at = clause_start + at;
                return Some((at..at + w.len(), Direction::Up, ChangeMeasure::Ratio));
            }
            let w = ends_with_any(before, &ctx.vocab.multiple.increase_by)?;
            Some((range(w), Direction::Up, ChangeMeasure::IncreaseBy))
        }
        Kind::Count | Kind::Amount => {
            if let Some(w) = ends_with_any(before, &ctx.vocab.change.up) {
                return Some((range(w), Direction::Up, ChangeMeasure::Difference));
            }
            let w = ends_with_any(before, &ctx.vocab.change.down)?;
            Some((range(w), Direction::Down, ChangeMeasure::Difference))
        }
        Kind::Percent | Kind::Points => {
            let measure = if q.kind == Kind::Points {
                ChangeMeasure::Points
            } else {
                ChangeMeasure::Percent
            };
            if let Some(w) = ends_with_any(before, &ctx.vocab.change.up) {
                return Some((range(w), Direction::Up, measure));
            }
            let w = ends_with_any(before, &ctx.vocab.change.down)?;
            Some((range(w), Direction::Down, measure))
        }
        _ => None,
    }
}

/// `其中2020年同比增长了191%` after a series over years: the step into that year.
fn series_step(ctx: &Context, s: usize, series: Option<&SeriesInfo>) -> Option<(usize, usize)> {
    let series = series?;
    let at = ctx.q(s).span.start;
    let clause = ctx.between(ctx.clause_start(at), at);
    let year = clause.find('年').and_then(|i| year_before(clause, i))?;
    let i = series.years.iter().position(|&y| y == year)?;
    Some((series.values[i.checked_sub(1)?], series.values[i]))
}

/// Four-digit years written `YYYY年` (a space may stand before 年 in text from PDF), with the
/// byte range of each from its first digit to after 年.
pub fn years_at(text: &str) -> Vec<(usize, usize, i32)> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('年') {
        let head = text[..i].trim_end_matches(' ');
        if let Some((digits, y)) = year_digits_before(head) {
            out.push((digits, i + '年'.len_utf8(), y));
        }
    }
    out
}

/// The years of [`years_at`] alone, in order.
pub fn years_in(text: &str) -> Vec<i32> {
    years_at(text).into_iter().map(|(_, _, y)| y).collect()
}

/// The four-digit year that ends at byte `i` of `text` (where `年` starts), in ASCII or
/// full-width digits (`２００２年` in typeset or OCR text).
pub fn year_before(text: &str, i: usize) -> Option<i32> {
    year_digits_before(&text[..i]).map(|(_, y)| y)
}

/// The four-digit year that ends `head`, with the byte where its digits start; a fifth digit
/// before it is no year (`12025年`).
pub(super) fn year_digits_before(head: &str) -> Option<(usize, i32)> {
    let mut year = 0;
    let mut count = 0;
    let mut start = head.len();
    for (at, c) in head.char_indices().rev() {
        let Some(d) = digit(c) else { break };
        if count == 4 {
            return None;
        }
        year += d * 10_i32.pow(count);
        count += 1;
        start = at;
    }
    (count == 4).then_some((start, year))
}

/// The value of an ASCII or full-width decimal digit.
fn digit(c: char) -> Option<i32> {
    match c {
        '0'..='9' => Some(c as i32 - '0' as i32),
        '０'..='９' => Some(c as i32 - '０' as i32),
        _ => None,
    }
}

/// `B，比上年的A增长X%`: A in the clause of `s` after 比/较, B the comparable figure before it.
fn compared_base(ctx: &Context, s: usize, clause_start: usize) -> Option<(usize, usize)> {
    let at = ctx.q(s).span.start;
    let clause = ctx.between(clause_start, at);
    let (word_at, word) = rfind_any(clause, &ctx.vocab.change.compared)?;
    let next = clause[word_at + word.len()..].chars().next()?;
    let prev = clause[..word_at].chars().next_back();
    if word == "比"
        && (matches!(next, '重' | '例' | '率' | '较' | '赛' | '值')
            || matches!(prev, Some('同' | '环' | '相' | '对' | '类' | '无')))
    {
        return None;
    }
    let word_end = clause_start + word_at + word.len();
    let from = ctx
        .before(at)
        .rev()
        .find(|&i| ctx.q(i).span.start >= word_end)?;
    let to = ctx
        .before(ctx.q(from).span.start)
        .rev()
        .find(|&i| ctx.comparable(i, from))?;
    Some((from, to))
}

/// The clause of `s` says nothing before its change word but filler (`同比`, `实现`): the change
/// is of the figures before it, not of a subject of its own (`国企法人数量压减67.7%`).
pub(super) fn no_subject(ctx: &Context, s: usize) -> bool {
    let before = strip_fillers(ctx.clause_before(s), &ctx.vocab.change.fillers);
    let Some(word) = ends_with_any(before, &ctx.vocab.change.up)
        .or_else(|| ends_with_any(before, &ctx.vocab.change.down))
        .or_else(|| ends_with_any(before, &ctx.vocab.multiple.ratio_words))
    else {
        return before.trim_start_matches(['实', '现']).is_empty();
    };
    let mut lead = &before[..before.len() - word.len()];
    for w in ctx
        .vocab
        .change
        .yoy
        .iter()
        .chain(&ctx.vocab.change.fillers)
        .chain(&ctx.vocab.change.annual)
    {
        // `strip_prefix`, not `trim_start_matches`: no substring searcher built per word.
        while let Some(rest) = lead.strip_prefix(w.as_str()) {
            lead = rest;
        }
    }
    lead.trim_start_matches(['实', '现', '、']).is_empty()
}

/// `B，上年为A，同比下降X%`: A stated in a clause of its own.
fn previous_base(ctx: &Context, s: usize) -> Option<(usize, usize)> {
    if !no_subject(ctx, s) {
        return None;
    }
    let at = ctx.q(s).span.start;
    let from = ctx.before(at).rev().find(|&i| {
        let before = ctx.clause_before(i);
        ctx.vocab.change.previous.iter().any(|w| {
            // `上年为A` or `上年的A`, without formatting the second form for every figure.
            let bare = before.strip_suffix('的').unwrap_or(before);
            before.ends_with(w.as_str())
                || (bare.len() < before.len() && bare.ends_with(w.as_str()))
        })
    })?;
    let to = ctx
        .before(ctx.q(from).span.start)
        .rev()
        .find(|&i| ctx.comparable(i, from))?;
    Some((from, to))
}

/// `634.8万吨，增长3.7%（上年为612.4万吨）` or `（上年为612.4万吨）634.8万吨，增长3.7%`: last
/// year's figure in brackets, right after the change or right before the figure it is of,
/// holding nothing but a word of `[change] previous` and the figure.
fn bracketed_base(ctx: &Context, s: usize, clause_start: usize) -> Option<(usize, usize)> {
    let to = figure_before(ctx, s, clause_start)?;
    let glossed = |inside: &str| {
        let inside = inside.strip_prefix(['（', '('])?;
        ctx.vocab
            .change
            .previous
            .iter()
            .any(|w| inside == w.as_str())
            .then_some(())
    };
    let closes = |i: usize| ctx.text[ctx.q(i).span.end..].starts_with(['）', ')']);
    let qs = &ctx.sentence.quantities;
    let k = qs.iter().position(|&i| i == s)?;
    // Right after the change: `增长3.7%（上年为612.4万吨）`.
    let after = qs.get(k + 1).copied().filter(|&a| {
        closes(a) && glossed(ctx.between(ctx.q(s).span.end, ctx.q(a).span.start)).is_some()
    });
    // Right before the figure: `（上年为612.4万吨）634.8万吨`.
    let j = qs.iter().position(|&i| i == to)?;
    let before = j.checked_sub(1).map(|p| qs[p]).filter(|&b| {
        ctx.between(ctx.q(b).span.end, ctx.q(to).span.start) == ")"
            || ctx.between(ctx.q(b).span.end, ctx.q(to).span.start) == "）"
    });
    let before = before.filter(|&b| {
        let open = ctx.text[..ctx.q(b).span.start].rfind(['（', '(']);
        open.is_some_and(|o| {
            o >= ctx.sentence.range.start && glossed(&ctx.text[o..ctx.q(b).span.start]).is_some()
        })
    });
    let from = after.or(before)?;
    ctx.comparable(from, to).then_some((from, to))
}

/// `粮食产量6.87亿吨，比上年增长2.8%`: the figure a year-on-year change is of, when the text
/// does not state the base, and 1; for an annual rate (`五年来…年均增长`), the figure and the
/// span of years. The change word follows a year-on-year word (or opens the clause after the
/// figure).
fn against_earlier(ctx: &Context, s: usize) -> Option<(usize, u32)> {
    let at = ctx.q(s).span.start;
    let clause_start = ctx.clause_start(at);
    let lead = ctx.between(clause_start, at);
    if ctx.vocab.change.annual.occurs_in(lead) {
        let value = figure_before(ctx, s, clause_start)?;
        // A sum over the years (`五年累计7.79万亿元，年均增长…`) is no end-year figure.
        let value_clause = ctx.between(
            ctx.clause_start(ctx.q(value).span.start),
            ctx.q(value).span.start,
        );
        if ["累计", "合计", "总计", "共计"]
            .iter()
            .any(|w| value_clause.contains(w))
        {
            return None;
        }
        // The span: a plan or a duration in the rate's clause, or one opening the sentence
        // (`五年来，…达到…，年均增长…`).
        let years = span_years_stated(ctx, s)
            .or_else(|| {
                ctx.sentence.quantities.iter().copied().find_map(|i| {
                    let q = ctx.q(i);
                    (q.unit_text(ctx.text)? == "年" && q.span.end <= ctx.q(value).span.start)
                        .then(|| q.value.trunc().to_string().parse().ok())
                        .flatten()
                })
            })
            .filter(|y| (2..=100).contains(y))?;
        return Some((value, years));
    }
    // `比上年增长`, or the change word alone opening the clause after the figure
    // (`财政收入6.85万亿元，增长11.7%`): a report's review states changes against last year.
    let yoy = ctx.vocab.change.yoy.occurs_in(lead);
    if !yoy && !no_subject(ctx, s) {
        return None;
    }
    figure_before(ctx, s, clause_start).map(|v| (v, 1))
}

/// `V，比上年增加X，增长g%` (or `增加X、规模V，增长g%`): the value and the increment of the
/// clauses before the percent, the increment a change of the same direction and both of one
/// unit, in the percent's `；` clause with no other figure between.
fn with_increment(ctx: &Context, s: usize, direction: Direction) -> Option<(usize, usize)> {
    let at = ctx.q(s).span.start;
    let major = ctx.tree.major(ctx.text, at);
    let before: Vec<usize> = ctx
        .before(at)
        .filter(|&i| ctx.q(i).span.start >= major.start && ctx.at_top_level(i))
        .collect();
    let (&last, rest) = before.split_last()?;
    let (&other, _) = rest.split_last()?;
    let (increment, value) = if ctx.is_change(last) {
        (last, other)
    } else {
        (other, last)
    };
    let measure = |i: usize| ctx.is_measure(i) && !ctx.is_average(i);
    // Both against last year: a base of their own (`比年初增加`, `比“十三五”时期增加`) or a rate
    // over years (`年均增长`) is another comparison. A bare rate after `比年初增加` is left
    // alone too: balances' rates are on a comparable caliber that the nominal increment need
    // not reproduce (one held-out communiqué misses by 0.002 points).
    let yoy = &ctx.vocab.change.yoy;
    let against_last_year = |lead: &str| yoy.occurs_in(lead) || !lead.contains(['比', '较']);
    let annual = &ctx.vocab.change.annual;
    let rate_lead = ctx.clause_before(s);
    if !against_last_year(ctx.clause_before(increment))
        || !against_last_year(rate_lead)
        || annual.occurs_in(rate_lead)
    {
        return None;
    }
    (ctx.change_direction(increment) == Some(direction)
        && !ctx.is_change(value)
        && !ctx.is_bound(value)
        && measure(value)
        && measure(increment)
        && ctx.comparable(value, increment))
    .then_some((value, increment))
}

/// `V，比上年末增长g%，增加X`: the increment stated in the clause right after the rate, a bare
/// change word of the same direction before it, and the value the figure the rate is of.
fn increment_after(ctx: &Context, s: usize, direction: Direction) -> Option<(usize, usize)> {
    let after = ctx.sentence.quantities.iter().copied().find(|&i| i > s)?;
    let gap = ctx.between(ctx.q(s).span.end, ctx.q(after).span.start);
    let word = gap.strip_prefix(['，', ','])?;
    let bare = ctx
        .vocab
        .change
        .up
        .iter()
        .chain(&ctx.vocab.change.down)
        .any(|w| word == w.as_str());
    if !bare {
        return None;
    }
    let rate_lead = ctx.clause_before(s);
    if ctx.vocab.change.annual.occurs_in(rate_lead)
        || (rate_lead.contains(['比', '较']) && !ctx.vocab.change.yoy.occurs_in(rate_lead))
    {
        return None;
    }
    let clause_start = ctx.clause_start(ctx.q(s).span.start);
    let value = figure_before(ctx, s, clause_start)?;
    let measure = |i: usize| ctx.is_measure(i) && !ctx.is_average(i);
    (ctx.change_direction(after) == Some(direction)
        && !ctx.is_change(value)
        && !ctx.is_bound(value)
        && measure(value)
        && measure(after)
        && ctx.comparable(value, after))
    .then_some((value, after))
}

/// The figure a change is of: the last count or amount before `s`, in its clause or the one
/// before, with no other figure between.
fn figure_before(ctx: &Context, s: usize, clause_start: usize) -> Option<usize> {
    let at = ctx.q(s).span.start;
    let level = |i: usize| {
        let q = ctx.q(i);
        matches!(q.kind, Kind::Count | Kind::Amount)
            && !q.range
            && !q
                .unit_text(ctx.text)
                .is_some_and(|u| matches!(u, "年" | "月" | "日" | "天" | "小时" | "周"))
    };
    // The change is of the metric's level, never of an increment (`比上年末增加5.59万人`) or
    // a figure in brackets (`（其中国有企业30亿元）`) between the level and the change: those
    // are passed over, a clause each.
    let passed_over = |i: usize| ctx.is_change(i) || !ctx.at_top_level(i);
    let mut skipped = Vec::new();
    let mut value = None;
    for i in ctx.before(at).rev() {
        if !level(i) {
            continue;
        }
        if passed_over(i) {
            skipped.push(i);
            continue;
        }
        value = Some(i);
        break;
    }
    let value = value?;
    let gap = ctx.between(ctx.q(value).span.end, clause_start);
    let clause_breaks = gap.matches(['，', ',']).count();
    let other_figure =
        ctx.sentence.quantities.iter().any(|&i| {
            i > value && i < s && ctx.q(i).kind != Kind::Percent && !skipped.contains(&i)
        });
    (clause_breaks <= 1 + skipped.len() && !gap.contains(['；', '。']) && !other_figure)
        .then_some(value)
}

/// `B，是2019年A的X倍`: A between 是 and the multiple.
fn ratio_base(
    ctx: &Context,
    s: usize,
    clause_start: usize,
    measure: ChangeMeasure,
) -> Option<(usize, usize)> {
    if !matches!(measure, ChangeMeasure::Ratio | ChangeMeasure::IncreaseBy) {
        return None;
    }
    let at = ctx.q(s).span.start;
    let (shi, _) = rfind_any(ctx.between(clause_start, at), &ctx.vocab.multiple.ratio_of)?;
    let shi = clause_start + shi;
    let from = ctx.before(at).rev().find(|&i| ctx.q(i).span.start > shi)?;
    let to = ctx
        .before(ctx.q(from).span.start)
        .rev()
        .find(|&i| ctx.comparable(i, from))?;
    Some((from, to))
}

/// `由A增至B`, `从A下降到B` before `s`: the last such pair of the sentence, when B is in the
/// clause of `s` or the one just before.
fn from_to(ctx: &Context, s: usize) -> Option<(usize, usize)> {
    let at = ctx.q(s).span.start;
    let clause = ctx.clause_start(at);
    // The comma that ends the previous clause is the last char before `clause`.
    let previous_clause = ctx.text[ctx.sentence.range.start..clause]
        .char_indices()
        .next_back()
        .map_or(clause, |(i, _)| {
            ctx.clause_start(ctx.sentence.range.start + i)
        });
    if !no_subject(ctx, s) && !ctx.before(at).any(|i| ctx.q(i).span.start >= clause) {
        return None;
    }
    let before: Vec<usize> = ctx.before(at).collect();
    before
        .iter()
        .rev()
        .filter(|&&to| ctx.q(to).span.start >= previous_clause)
        .find_map(|&to| {
            let from = before
                .iter()
                .rev()
                .find(|&&a| a < to && ctx.comparable(a, to))
                .copied()?;
            let between = ctx.between(ctx.q(from).span.end, ctx.q(to).span.start);
            if between.contains(['。', '；']) || !ctx.vocab.change.to.occurs_in(between) {
                return None;
            }
            let opening = ctx.clause_before(from);
            ctx.vocab
                .change
                .from
                .occurs_in(opening)
                .then_some((from, to))
        })
}

/// Years between the base and the new value of an annual rate: `2018年的A … 2023年的B`, or a
/// stated span (`五年间`, `5年来`).
fn span_years(ctx: &Context, from: usize, to: usize, s: usize) -> Option<u32> {
    let year_of = |i: usize| {
        let before = ctx.clause_before(i);
        let trimmed = before.trim_end_matches('的');
        trimmed
            .strip_suffix('年')
            .and_then(|t| year_before(t, t.len()))
    };
    if let (Some(a), Some(b)) = (year_of(from), year_of(to)) {
        return u32::try_from(b - a).ok();
    }
    span_years_stated(ctx, s).filter(|&y| y <= 100)
}

/// The span of an annual rate as the sentence states it: a five-year plan, a duration.
fn span_years_stated(ctx: &Context, s: usize) -> Option<u32> {
    // A five-year plan named in the sentence: `“十三五”期间…年均增长`.
    let sentence = ctx.between(ctx.sentence.range.start, ctx.sentence.range.end);
    if ctx
        .vocab
        .change
        .plans
        .iter()
        .any(|p| sentence.contains(p.as_str()))
    {
        return Some(5);
    }
    // A duration in the clause of the rate: `五年间年均增长`.
    let clause_start = ctx.clause_start(ctx.q(s).span.start);
    ctx.sentence.quantities.iter().copied().find_map(|i| {
        let q = ctx.q(i);
        let unit = q.unit_text(ctx.text)?;
        (unit == "年" && q.span.start >= clause_start && q.span.end <= ctx.q(s).span.start)
            .then(|| q.value.trunc().to_string().parse().ok())
            .flatten()
    })
}

/// Budget adjustments: `由A调整为B、调增X` and `年初预算A，…调增X，调整后…为B`, where
/// X is B − A (`调减`: A − B). Only a result named by 调整 binds: the base and the result
/// are never guessed from nearness alone.
pub fn adjustments(ctx: &Context, claims: &mut Vec<Claim>) {
    for &x in &ctx.sentence.quantities {
        if !ctx.is_measure(x) {
            continue;
        }
        let clause_start = ctx.clause_start(ctx.q(x).span.start);
        let lead = ctx.between(clause_start, ctx.q(x).span.start);
        let Some((at, word, direction)) = adjustment_word(lead) else {
            continue;
        };
        let Some((from, to)) = adjusted_from_to(ctx, x).or_else(|| adjusted_after(ctx, x)) else {
            continue;
        };
        if !ctx.comparable(from, to) || !ctx.comparable(from, x) {
            continue;
        }
        let word = clause_start + at..clause_start + at + word.len();
        claims.push(Claim::Change {
            stated: x,
            from,
            to,
            direction,
            measure: ChangeMeasure::Difference,
            word,
        });
    }
}

/// `调增`/`调减` in the words before a figure, as a verb: not `下调增值税`, `协调增长`.
fn adjustment_word(lead: &str) -> Option<(usize, &'static str, Direction)> {
    // Asked before every count or amount; one search for 调 settles nearly all of them.
    if !lead.contains('调') {
        return None;
    }
    [("调增", Direction::Up), ("调减", Direction::Down)]
        .into_iter()
        .find_map(|(w, d)| {
            let at = lead.rfind(w)?;
            let prev = lead[..at].chars().next_back();
            let next = lead[at + w.len()..].chars().next();
            let verb = !matches!(prev, Some('下' | '上' | '协' | '强' | '微'))
                && !matches!(next, Some('值' | '长'));
            verb.then_some((at, w, d))
        })
}

/// `由A调整为B、调增X`: B right after `调整为` in the clause of X or the one before, A the
/// figure before B in its clause.
fn adjusted_from_to(ctx: &Context, x: usize) -> Option<(usize, usize)> {
    let to = ctx.before(ctx.q(x).span.start).next_back()?;
    let lead = ctx.clause_before(to).trim_end();
    if !lead.ends_with("调整为") && !lead.ends_with("调整到") {
        return None;
    }
    let from = ctx.before(ctx.q(to).span.start).next_back()?;
    let from_clause = ctx.clause_start(ctx.q(from).span.start);
    (from_clause == ctx.clause_start(ctx.q(to).span.start)
        && ctx
            .between(from_clause, ctx.q(from).span.start)
            .contains(['由', '从']))
    .then_some((from, to))
}

/// `年初预算A，…调增X，调整后…为B`: B the next figure, in a clause opening with `调整后`, and
/// A the nearest budget figure before X (`预算`), neither a change.
fn adjusted_after(ctx: &Context, x: usize) -> Option<(usize, usize)> {
    let to = ctx
        .sentence
        .quantities
        .iter()
        .copied()
        .find(|&i| ctx.q(i).span.start > ctx.q(x).span.end)?;
    if !ctx.clause_before(to).starts_with("调整后") || ctx.is_change(to) {
        return None;
    }
    let from = ctx.before(ctx.q(x).span.start).next_back()?;
    (ctx.metric(from).contains("预算") && !ctx.is_change(from)).then_some((from, to))
}
