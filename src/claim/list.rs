//! `分别` lists (one value per subject) and series over years.

use rust_decimal::Decimal;
use std::ops::Range;

use super::change::{year_before, year_digits_before, years_in};
use super::sentence::Context;
use super::vocabulary::{family, starts_with_any};
use super::{Claim, Direction, TrendSteps};
use crate::number::Kind;

/// The values of a list that starts after offset `from`: the first figure of the clause after
/// `from`, then every figure joined to the previous one by a separator alone (`、`, `和`).
pub(super) fn values_after(ctx: &Context, from: usize) -> Vec<usize> {
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
    // 分别为 and 依次为 hold respectively words.
    if ctx.families & family::RESPECTIVELY == 0 {
        return None;
    }
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
    let mut years = years_in(text);
    years.dedup();
    years
}

/// `A、B和C…分别…a、b、c`: the subjects before a respectively word and the values after it.
pub fn respectively(ctx: &Context, claims: &mut Vec<Claim>) {
    if ctx.families & family::RESPECTIVELY == 0 {
        return;
    }
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    // At each offset where a respectively word starts, the longest one.
    let mut found: Vec<(usize, usize)> = Vec::new();
    for m in ctx
        .vocab
        .automata()
        .respectively
        .find_overlapping_iter(text)
    {
        match found.iter_mut().find(|(s, _)| *s == m.start()) {
            Some(f) => f.1 = f.1.max(m.end()),
            None => found.push((m.start(), m.end())),
        }
    }
    found.sort_unstable();
    for (offset, end) in found {
        let kw = start + offset..start + end;
        let values = values_after(ctx, kw.end);
        // One value for several subjects (`A、B分别下降2%`) is a value each; a list that runs on
        // into other text (`3分、5分和1毛钱`) was not read whole.
        let clean_end = values.last().is_some_and(|&v| {
            ctx.text[ctx.q(v).span.end..]
                .starts_with(['，', '。', '；', '：', ',', ';', '！', '？', '\n'])
                || ctx.q(v).span.end == ctx.sentence.range.end
        });
        // The unit may be written once, after the last value (`10.6万、3.8万、3.3万平方公里`).
        let last_kind = values.last().map(|&v| ctx.q(v).kind);
        let one_kind = values.iter().enumerate().all(|(n, &v)| {
            let kind = ctx.q(v).kind;
            Some(kind) == last_kind || (kind == Kind::Number && n + 1 < values.len())
        });
        if values.len() < 2 || !clean_end || !one_kind {
            continue;
        }
        if let Some((phrase, n)) = periods_before(ctx, kw.start) {
            claims.push(Claim::Respectively {
                keyword: kw,
                subjects: vec![phrase],
                unsplit: None,
                values,
                periods: Some(n),
                implied: None,
            });
            continue;
        }
        if let Some((word, members)) = implied_before(ctx, kw.start) {
            claims.push(Claim::Respectively {
                keyword: kw,
                subjects: vec![word],
                unsplit: None,
                values,
                periods: None,
                implied: Some(members),
            });
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
                periods: None,
                implied: None,
            });
        }
    }
}

/// A clause before its respectively word that names a measure of the subjects before it, not
/// subjects of its own: after a `分别` clause, any phrase without a list or 其中
/// (`A、B、C…比重分别为…，对经济增长的贡献率分别为…`); after a clause that lists subjects
/// and says something of them without a figure, a bare measure (`A、B、C实现快速增长，同比增速
/// 分别为…`).
fn names_no_subject(ctx: &Context, clause_start: usize, own: &str) -> bool {
    if own.contains(['、', '和', '及', '与']) || own.contains("其中") {
        return false;
    }
    let Some(separator) = ctx.text[..clause_start].chars().next_back() else {
        return false;
    };
    let prev_end = clause_start - separator.len_utf8();
    let prev_start = ctx.clause_start(prev_end);
    let prev = ctx.between(prev_start, prev_end);
    if let Some(k) = prev.find("分别") {
        return prev[..k].contains('、');
    }
    let measure = ["增速", "增幅", "降幅", "增长率", "比重", "占比"]
        .iter()
        .any(|m| own.trim_end_matches(['为', '是']) == *m);
    let figure_free = !ctx
        .sentence
        .quantities
        .iter()
        .any(|&q| (prev_start..prev_end).contains(&ctx.q(q).span.start));
    measure && figure_free && prev.contains('、')
}

/// `由前三年分别上升a、b、c`, `近两年分别为…`: a number of years, months or quarters right before
/// the respectively word of a clause that lists no subjects; one value each.
fn periods_before(ctx: &Context, kw: usize) -> Option<(Range<usize>, usize)> {
    let clause_start = ctx.clause_start(kw);
    let own = ctx.between(clause_start, kw);
    if own.contains(['、', '和', '及', '与']) {
        return None;
    }
    let head = own.trim_end_matches(['的', '来', '间', '中', '里', '内']);
    let head = head.strip_suffix("以").unwrap_or(head);
    let head = ["季度", "年", "月"]
        .iter()
        .find_map(|u| head.strip_suffix(u))?;
    let head = head.strip_suffix('个').unwrap_or(head);
    let digits = head.len() - head.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (n, at) = if digits < head.len() {
        (head[digits..].parse().ok()?, digits)
    } else {
        let c = head.chars().next_back()?;
        let n = "零一二三四五六七八九十".find(c).map(|i| i / c.len_utf8());
        let n = n.or((c == '两').then_some(2))?;
        (n, head.len() - c.len_utf8())
    };
    // Only a span of past periods counts (`前三年`, `近两年`, `过去五年`): `第三年`, `三年级`
    // and a bare `三年` in a plan name are no list of periods.
    let lead = &head[..at];
    if !["前", "近", "过去", "此前", "最近", "头"]
        .iter()
        .any(|w| lead.ends_with(w))
        || !(2..=12).contains(&n)
    {
        return None;
    }
    let lead_len = ["过去", "此前", "最近"]
        .iter()
        .find(|w| lead.ends_with(*w))
        .map_or('前'.len_utf8(), |w| w.len());
    let start = clause_start + at - lead_len;
    Some((start..clause_start + own.len(), n))
}

/// `城乡居民人均可支配收入分别增长…`: one word of the clause before a respectively word that
/// stands for several subjects (`[list] implied`: `城乡=城镇|农村`), when the clause lists
/// nothing else.
fn implied_before(ctx: &Context, kw: usize) -> Option<(Range<usize>, Vec<String>)> {
    let clause_start = ctx.clause_start(kw);
    let own = ctx.between(clause_start, kw);
    let (at, word, members) = ctx
        .vocab
        .list
        .implied
        .iter()
        .filter_map(|entry| {
            let (word, members) = entry.split_once('=')?;
            own.find(word).map(|at| (at, word, members))
        })
        .max_by_key(|(_, word, _)| word.len())?;
    let rest = format!("{}{}", &own[..at], &own[at + word.len()..]);
    if rest.contains(['、', '和', '及', '与']) {
        return None;
    }
    let start = clause_start + at;
    Some((
        start..start + word.len(),
        members.split('|').map(str::to_string).collect(),
    ))
}

/// The subjects listed before a respectively word: the `、` list of its clause, or of the clause
/// before when its own clause opens with the word (`分为控告、申诉、国家赔偿三类，分别为…`).
fn subjects_before(ctx: &Context, kw: usize) -> Option<(Vec<Range<usize>>, Option<usize>)> {
    let clause_start = ctx.clause_start(kw);
    let own = ctx.between(clause_start, kw);
    let bare = own.trim_start_matches(['同', '比', '均']);
    let (list_start, list) = if own.contains('、') {
        (clause_start, own)
    } else if clause_start > ctx.sentence.range.start
        && (bare.is_empty() || names_no_subject(ctx, clause_start, bare))
    {
        // The clause before ends with its separator, `，` or an ASCII `,`.
        let separator = ctx.text[..clause_start]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        let prev_end = clause_start - separator;
        let prev_start = ctx.clause_start(prev_end);
        let mut prev = ctx.between(prev_start, prev_end);
        // `A、B出口额分别为x、y，分别下降p、q`: the clause before holds a 分别 list of its own,
        // whose subjects are this one's too.
        if let Some(k) = prev.find("分别") {
            prev = &prev[..k];
        }
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
    // A `、` inside a bracket glosses one subject (`养老（不含机关、含离退休）、医疗`).
    // So does one inside a name that holds one (`批发和零售业`, `体育、娱乐用品类`).
    let container = ctx.tree.bracket_of(kw);
    let in_name = inside_name(ctx, list);
    let mut pieces: Vec<&str> = Vec::new();
    let mut piece_start = 0;
    for (k, _) in list.match_indices('、') {
        if ctx.tree.bracket_of(list_start + k) == container && !in_name(k) {
            pieces.push(&list[piece_start..k]);
            piece_start = k + '、'.len_utf8();
        }
    }
    pieces.push(&list[piece_start..]);
    for (k, piece) in pieces.iter().enumerate() {
        // `A、B、C等绿色、智能产品`: 等 closes the list; what follows describes it.
        if k + 1 < pieces.len()
            && let Some(i) = piece.find('等').filter(|&i| i > 0)
        {
            subjects.push(at..at + i);
            break;
        }
        let is_last = k + 1 == pieces.len();
        // `B和C` in the last piece is two subjects.
        if is_last
            && let Some(i) = ["和", "及", "与"]
                .iter()
                .flat_map(|w| piece.match_indices(w).map(|(i, _)| i))
                .filter(|&i| i > 0 && !in_name(at - list_start + i))
                .min()
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

/// Whether byte `k` of `list` falls inside a name that holds a `、` or `和` of its own
/// (`批发和零售业`, `水利、环境和公共设施管理业`): a separator there joins no items.
pub(super) fn inside_name<'l>(ctx: &Context, list: &'l str) -> impl Fn(usize) -> bool + 'l {
    let named: Vec<std::ops::Range<usize>> = ctx
        .vocab
        .list
        .names
        .iter()
        .flat_map(|n| list.match_indices(n.as_str()).map(|(k, n)| k..k + n.len()))
        .collect();
    move |k| named.iter().any(|r| r.start < k && k < r.end)
}

/// `分别为146人、131人、138人和119人，实现逐年下降`: a trend word said of a list of values.
pub fn trend(ctx: &Context, claims: &mut Vec<Claim>) {
    // Every list word below holds a respectively word.
    if ctx.families & family::RESPECTIVELY == 0 {
        return;
    }
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    let Some(kw) = ["分别为", "依次为", "分别是", "分别达到"]
        .iter()
        .find_map(|w| text.find(w).map(|i| start + i + w.len()))
    else {
        return;
    };
    let values = values_after(ctx, kw);
    if values.len() < 3 || !values.iter().all(|&v| ctx.comparable(v, values[0])) {
        return;
    }
    let found = |words: &[String], direction| {
        words.iter().find_map(|w| {
            text.find(w.as_str())
                .map(|i| (start + i..start + i + w.len(), direction, TrendSteps::Every))
        })
    };
    let trend = found(&ctx.vocab.list.trend_up, Direction::Up)
        .or_else(|| found(&ctx.vocab.list.trend_down, Direction::Down))
        .or_else(|| first_turn(ctx, start, text))
        .or_else(|| consecutive(ctx));
    if let Some((word, direction, steps)) = trend {
        claims.push(Claim::Trend {
            values,
            direction,
            word,
            steps,
        });
    }
}

/// The direction of a change word at the start of `rest` (`增长`, `下降` …).
fn direction_at(ctx: &Context, rest: &str) -> Option<(Direction, usize)> {
    let rest = rest.strip_prefix("出现").unwrap_or(rest);
    if let Some(w) = starts_with_any(rest, &ctx.vocab.change.up) {
        return Some((Direction::Up, w.len()));
    }
    starts_with_any(rest, &ctx.vocab.change.down).map(|w| (Direction::Down, w.len()))
}

/// `首次下降`, `首次出现增长`: the last step turns, no step before did.
fn first_turn(
    ctx: &Context,
    start: usize,
    text: &str,
) -> Option<(Range<usize>, Direction, TrendSteps)> {
    let i = text.find("首次")?;
    let rest = &text[i + "首次".len()..];
    let (direction, len) = direction_at(ctx, rest)?;
    let extra = if rest.starts_with("出现") {
        "出现".len()
    } else {
        0
    };
    let at = start + i;
    Some((
        at..at + "首次".len() + extra + len,
        direction,
        TrendSteps::FirstTurn,
    ))
}

/// `连续3年下降`, `连续五年保持增长`: the last n steps.
fn consecutive(ctx: &Context) -> Option<(Range<usize>, Direction, TrendSteps)> {
    ctx.sentence.quantities.iter().copied().find_map(|i| {
        let q = ctx.q(i);
        if q.unit_text(ctx.text) != Some("年") || !ctx.text[..q.span.start].ends_with("连续") {
            return None;
        }
        let rest = &ctx.text[q.span.end..];
        let rest = rest
            .strip_prefix("保持")
            .or_else(|| rest.strip_prefix("实现"))
            .unwrap_or(rest);
        let (direction, len) = direction_at(ctx, rest)?;
        let n: u32 = q.value.trunc().to_string().parse().ok()?;
        let end = ctx.text.len() - rest.len() + len;
        Some((
            q.span.start - "连续".len()..end,
            direction,
            TrendSteps::Last(n),
        ))
    })
}

/// `分别占62.4%、25.1%、13.8%`: shares of one whole, all of it when the text says so.
pub fn composition(ctx: &Context, claims: &mut Vec<Claim>) {
    if ctx.families & family::COMPOSITION == 0 {
        return;
    }
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    for w in &ctx.vocab.list.composition {
        let Some(i) = text.find(w.as_str()) else {
            continue;
        };
        let keyword = start + i..start + i + w.len();
        let values = values_after(ctx, keyword.end);
        if values.len() >= 2
            && values
                .iter()
                .all(|&v| ctx.q(v).kind == crate::number::Kind::Percent)
        {
            let exhaustive = ["结构", "构成", "分为", "三次产业"]
                .iter()
                .any(|m| text.contains(m));
            // Other shares stated in the sentence for other subjects (`制造业占47.9%，…，电力、
            // 煤气…分别占77.4%、88.6%`) make each a share of its own whole: no composition.
            let other_shares = ctx.sentence.quantities.iter().any(|&q| {
                !values.contains(&q)
                    && ctx.q(q).kind == crate::number::Kind::Percent
                    && ctx.clause_before(q).contains('占')
            });
            if other_shares && !exhaustive {
                return;
            }
            claims.push(Claim::Composition {
                keyword,
                values,
                exhaustive,
            });
            return;
        }
    }
}

/// The longest distance, in points, between a structure's terms' sum and 100 for the terms to
/// be read as parts of 100: `1∶1.6∶2.1` is a ratio of another base; a slip in one digit of
/// `8.3∶41.4∶50.3` moves the sum by ten at most in the tens.
const STRUCTURE_SPREAD: Decimal = Decimal::from_parts(10, 0, 0, false, 0);

/// `三次产业结构为8.3∶41.4∶50.3`: three or more bare numbers joined by `∶` after a structure
/// word are parts of 100.
pub fn ratio_parts(ctx: &Context, claims: &mut Vec<Claim>) {
    let qs = &ctx.sentence.quantities;
    let mut k = 0;
    while k < qs.len() {
        let mut run = vec![qs[k]];
        while let Some(&next) = qs.get(k + run.len()) {
            let last = *run.last().expect("a run has a first term");
            let gap = ctx.between(ctx.q(last).span.end, ctx.q(next).span.start);
            if !is_ratio_mark(gap) {
                break;
            }
            run.push(next);
        }
        k += run.len();
        let bare = run
            .iter()
            .all(|&i| ctx.q(i).kind == Kind::Number && !ctx.q(i).range);
        if run.len() < 3 || !bare {
            continue;
        }
        let first = ctx.q(run[0]).span.start;
        let before = ctx.between(ctx.sentence.range.start, first);
        let Some((at, word)) = ctx
            .vocab
            .list
            .structures
            .iter()
            .filter_map(|w| before.rfind(w.as_str()).map(|at| (at, w)))
            .max_by_key(|(at, _)| *at)
        else {
            continue;
        };
        // Only the ratio right after its word: another figure between is another statement.
        let word_end = ctx.sentence.range.start + at + word.len();
        if ctx.before(first).any(|i| ctx.q(i).span.start >= word_end)
            && !follows_ratio(ctx, &run, word_end)
        {
            continue;
        }
        let sum = run
            .iter()
            .try_fold(Decimal::ZERO, |s, &i| s.checked_add(ctx.q(i).value));
        if sum.is_none_or(|s| (s - Decimal::ONE_HUNDRED).abs() > STRUCTURE_SPREAD) {
            continue;
        }
        claims.push(Claim::Composition {
            keyword: word_end - word.len()..word_end,
            values: run,
            exhaustive: true,
        });
    }
}

/// The mark between the terms of a ratio: `∶`, `:` or `：`.
fn is_ratio_mark(gap: &str) -> bool {
    matches!(gap, "∶" | ":" | "：")
}

/// `由9.1∶42.3∶48.6调整为8.3∶41.4∶50.3`: figures between the word and the run are an earlier
/// ratio of the same structure.
fn follows_ratio(ctx: &Context, run: &[usize], word_end: usize) -> bool {
    let between: Vec<usize> = ctx
        .before(ctx.q(run[0]).span.start)
        .filter(|&i| ctx.q(i).span.start >= word_end)
        .collect();
    between.len() >= 3
        && between
            .windows(2)
            .all(|w| is_ratio_mark(ctx.between(ctx.q(w[0]).span.end, ctx.q(w[1]).span.start)))
}

/// `2020年至2024年五年间`: a stated number of years against the years stated with it.
pub fn period(ctx: &Context, series: Option<&SeriesInfo>, claims: &mut Vec<Claim>) {
    let start = ctx.sentence.range.start;
    for &i in &ctx.sentence.quantities {
        let q = ctx.q(i);
        if q.unit_text(ctx.text) != Some("年") || q.approx.is_some() || q.range {
            continue;
        }
        let rest = &ctx.text[q.span.end..];
        if !["间", "来", "中", "里"].iter().any(|w| rest.starts_with(w)) {
            continue;
        }
        let Ok(said) = q.value.trunc().to_string().parse::<u32>() else {
            continue;
        };
        // The span of years written just before: `2020年至2024年`, `2020—2024年`.
        let before = ctx.between(start, q.span.start);
        let years: Vec<(usize, i32)> = before
            .match_indices('年')
            .filter_map(|(k, _)| year_before(before, k).map(|y| (k, y)))
            .collect();
        // `2020年至2024年` or `2020—2024年`: a four-digit year right before the separator, with
        // or without its 年, and the first year after it.
        let range = before
            .rfind(['至', '到', '—', '-', '～', '~'])
            .and_then(|sep| {
                let head = &before[..sep];
                let head_end = head.strip_suffix('年').map_or(head.len(), str::len);
                let (first_at, first) = year_digits_before(&head[..head_end])?;
                let last = years.iter().find(|(k, _)| *k > sep)?;
                Some((first_at, first, last.0 + '年'.len_utf8(), last.1))
            });
        let Some((from, first, to, last)) = range else {
            continue;
        };
        let values = series.map_or(0, |s| s.values.len());
        claims.push(Claim::Period {
            word: q.span.clone(),
            said,
            first,
            last,
            years: start + from..start + to,
            values,
        });
    }
}

/// `X居首位`, `X最高`: the subject claimed largest (or smallest) among comparable figures of the
/// sentence, found by its name in their metric phrases.
pub fn ranking(ctx: &Context, claims: &mut Vec<Claim>) {
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    if ctx.families & family::RANKING == 0 {
        return;
    }
    let automata = ctx.vocab.automata();
    // Every occurrence of every ranking word, in the order of the word lists (highest words
    // first, longer words first), then of the text.
    let mut found: Vec<(usize, usize, usize)> = automata
        .ranking
        .find_overlapping_iter(text)
        .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
        .collect();
    found.sort_unstable();
    for (pattern, i, end) in found {
        let highest = pattern < automata.highest;
        let w = &text[i..end];
        let at = start + i;
        // `首位` inside `居首位`: one claim per ranking word.
        let taken = claims
            .iter()
            .any(|c| matches!(c, Claim::Ranking { word, .. } if word.start <= at && at < word.end));
        if taken {
            continue;
        }
        let clause_start = ctx.clause_start(at);
        // The subject: the clause before the ranking word, without 其中, 数量, 占比.
        // `居…首位`, `位居…第一`: what follows 居 names the field ranked in, not the subject.
        let clause = ctx.between(clause_start, at);
        let clause = clause.find('居').map_or(clause, |i| &clause[..i]);
        let mut subject = clause.replace("其中", "");
        for measure in [
            "数量", "占比", "人次", "人数", "件数", "规模", "总量", "金额",
        ] {
            subject = subject.replace(measure, "");
        }
        let subject = subject.trim_end_matches(['位', '的', '为']).to_string();
        if subject.chars().count() < 2
            || ctx
                .sentence
                .quantities
                .iter()
                .any(|&q| ctx.q(q).span.start >= clause_start && ctx.q(q).span.start < at)
        {
            continue;
        }
        let figures: Vec<usize> = ctx
            .before(clause_start)
            .filter(|&q| ctx.q(q).kind == crate::number::Kind::Percent || ctx.is_measure(q))
            .collect();
        let Some(&claimed) = figures
            .iter()
            .find(|&&q| ctx.metric(q).contains(subject.as_str()))
        else {
            continue;
        };
        let others: Vec<usize> = figures
            .iter()
            .copied()
            .filter(|&o| o != claimed && ctx.comparable(o, claimed))
            .collect();
        if !others.is_empty() {
            claims.push(Claim::Ranking {
                word: at..at + w.len(),
                claimed,
                others,
                highest,
            });
        }
    }
}
