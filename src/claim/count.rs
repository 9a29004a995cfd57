//! Stated numbers of items against the items the text lists: `城东、城西、高新3个园区`,
//! `改革、开放、创新三大动力`, `抓好三件事：一是…；二是…；三是…`, and `重点做好十个方面工作。`
//! over the headings `（一）` … `（十）` of the paragraphs after it.
//!
//! A count is read only where the structure names its items without doubt:
//! - the names joined by `、` (and a last `和`/`及`/`与`) right before it, the count followed by
//!   its measure word and the noun of the class (`3个园区`, not `重点项目62个`), or figures so
//!   joined (`连跨4万亿、5万亿两个台阶`);
//! - `一是`, `二是` … opening the clauses right after it, in order, up to the paragraph's end;
//! - headings `（一）`, `（二）` … opening the paragraphs right after a paragraph that ends with it.
//!
//! Set phrases that are names (`四个意识`, `三大攻坚战`) list no items here and are no claim.

use std::ops::Range;

use super::Claim;
use super::sentence::Context;
use crate::number::numeral;

/// Counts of items a report lists by name: larger numbers count things, not names.
const MAX_LISTED: u32 = 16;

/// Measure words of counted items (`3个园区`, `两项改革`, `五类主体`, `四大板块`, `三方面措施`).
const MEASURES: &[&str] = &[
    "个方面",
    "方面",
    "个",
    "项",
    "类",
    "大",
    "条",
    "种",
    "件",
    "批",
    "支",
    "家",
    "省",
    "市",
    "县",
    "国",
    "所",
    "座",
    "名",
];

/// Measure words of the counted slogans (`“四个意识”`, `“三大攻坚战”`, `“八项规定”`), not of
/// places (`“一国两制”`).
const SLOGAN_MEASURES: &[&str] = &["个", "项", "类", "大", "条", "种", "件", "方面"];

/// Measure words that are the class themselves (`三个方面`, `广东和海南10省`): no noun need
/// follow.
const CLASS_MEASURES: &[&str] = &["个方面", "方面", "省", "市", "县", "国"];

/// The longest name of a listed item, in characters; the first may carry the words that lead
/// into the list (`将国土空间划分为优化开发`).
const MAX_NAME: usize = 16;
const MAX_FIRST_NAME: usize = 24;
/// The longest name of a province, city or country counted by `省`, `市`, `县`, `国`
/// (`内蒙古`, `乌鲁木齐`): a longer piece runs several names together (`四川云南甘肃青海四省`).
const MAX_PLACE_NAME: usize = 4;

/// The count is of places (`10省`, `3市`).
fn places(ctx: &Context, stated: &Range<usize>) -> bool {
    ctx.text[stated.clone()].ends_with(['省', '市', '县', '国'])
}

pub fn counts(ctx: &Context, claims: &mut Vec<Claim>) {
    let range = ctx.sentence.range.clone();
    let text = &ctx.text[range.clone()];
    let mut from = 0;
    while let Some(k) = text[from..].find(opens_count) {
        let at = range.start + from + k;
        let Some((stated, count, noun)) = stated_count(ctx, at) else {
            from += k + text[from + k..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        from = stated.end - range.start;
        let listed = |items| (items, None, false);
        // `一个`, `两个` before a noun are articles as often as counts: a count of one is read
        // only with the names its clause goes on to give (`有1个…，即：…`), as is a count with
        // no noun after it (`有7家，分别是…`).
        let found = if count < 2 {
            names_after(ctx, stated.end)
        } else {
            let before = if !noun {
                None
            } else if is_item(ctx, stated.end) {
                // The counted phrase is itself an item of a longer list: nothing is its own.
                continue;
            } else {
                figures_before(ctx, stated.start)
                    .map(listed)
                    .or_else(|| names_before(ctx, stated.start, count, places(ctx, &stated)))
            };
            before
                .or_else(|| names_after(ctx, stated.end))
                .or_else(|| markers_after(ctx, stated.end).map(listed))
                .or_else(|| headings_after(ctx, stated.end).map(listed))
                .or_else(|| dashes_after(ctx, stated.end).map(listed))
        };
        if let Some((items, unsplit, at_least)) = found {
            claims.push(Claim::Enumeration {
                stated,
                count,
                items,
                unsplit,
                at_least,
            });
        }
    }
}

fn opens_count(c: char) -> bool {
    c.is_ascii_digit() || numeral::chinese_digit(c).is_some() || matches!(c, '十' | '两')
}

/// A small exact count written at `at` (`3个`, `三大`, `十一个方面`) with a measure word of
/// items: its range, its value, and whether the noun of their class follows (`3个园区`, not
/// `有7家，`).
fn stated_count(ctx: &Context, at: usize) -> Option<(Range<usize>, u32, bool)> {
    let rest = &ctx.text[at..];
    let before = ctx.text[..at].chars().next_back();
    // Not the tail of a longer numeral, a decimal, an ordinal (`第三个`) or a word (`统一`).
    if before.is_some_and(|c| opens_count(c) || matches!(c, '.' | '第' | '百' | '千' | '万')) {
        return None;
    }
    // `铁人三项`: a numeral inside a fixed expression counts nothing. One that opens it
    // (`四个意识`, `三大战略`) names a set, counted only where its items are listed.
    if ctx
        .lexicon
        .fixed_expression_at(ctx.text, at)
        .is_some_and(|r| r.start < at)
    {
        return None;
    }
    let digits = rest.find(|c: char| !opens_count(c)).unwrap_or(rest.len());
    let written = &rest[..digits];
    let n: u32 = if written.bytes().all(|b| b.is_ascii_digit()) {
        written.parse().ok()?
    } else {
        let (tail, numeral) = numeral::chinese(written).ok()?;
        if !tail.is_empty() || numeral.decimals > 0 {
            return None;
        }
        numeral.mantissa.to_string().parse().ok()?
    };
    if !(1..=MAX_LISTED).contains(&n) {
        return None;
    }
    let after = &rest[digits..];
    let measure = MEASURES.iter().find(|m| after.starts_with(*m))?;
    let end = at + digits + measure.len();
    // The noun of the class follows (`园区`, `方面工作`, `“十条”`), not a clause mark.
    // `三个方面`: the measure is the class; `三个“1小时交通圈”`: a quoted name may open with
    // a figure.
    let quoted = ctx.text[end..].starts_with(['“', '"']);
    let noun = CLASS_MEASURES.contains(measure)
        || ctx.text[end..]
            .trim_start_matches(['“', '"'])
            .chars()
            .next()
            .is_some_and(|c| {
                (c.is_alphabetic() && !c.is_ascii()) || (quoted && c.is_ascii_digit())
            });
    Some((at..end, n, noun))
}

/// `连跨4万亿、5万亿两个台阶`: the figures joined by `、` or `和` right before the count.
fn figures_before(ctx: &Context, at: usize) -> Option<Vec<Range<usize>>> {
    let qs = &ctx.sentence.quantities;
    let last = qs.iter().rposition(|&i| ctx.q(i).span.end <= at)?;
    if ctx.between(ctx.q(qs[last]).span.end, at).trim() != "" {
        return None;
    }
    let mut items = vec![ctx.q(qs[last]).span.clone()];
    let mut k = last;
    while k > 0 {
        let gap = ctx.between(ctx.q(qs[k - 1]).span.end, ctx.q(qs[k]).span.start);
        if !matches!(gap.trim(), "、" | "和") {
            break;
        }
        k -= 1;
        items.insert(0, ctx.q(qs[k]).span.clone());
    }
    (items.len() >= 2).then_some(items)
}

/// The names joined by `、` right before the count: each piece, the count had the last piece's
/// `和` not split it, and whether `等` closes them (then they may be fewer than the count).
#[allow(clippy::type_complexity)]
fn names_before(
    ctx: &Context,
    at: usize,
    count: u32,
    places: bool,
) -> Option<(Vec<Range<usize>>, Option<usize>, bool)> {
    let mut start = ctx.clause_start(at);
    // No figure among the names.
    if let Some(end) = ctx
        .sentence
        .quantities
        .iter()
        .map(|&i| ctx.q(i).span.end)
        .filter(|&e| e > start && e <= at)
        .max()
    {
        start = end;
    }
    // `取消A和B两项指标`: two or three names may be joined by a conjunction alone.
    if !ctx.between(start, at).contains('、') {
        return (count <= 3).then(|| joined_pair(ctx, start, at)).flatten();
    }
    // A title or a bracket before the first name closes what leads into the list.
    let first_sep = start + ctx.between(start, at).find('、')?;
    if let Some(k) = ctx.between(start, first_sep).rfind(['》', '）', ')']) {
        start += k + ctx.text[start + k..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
    }
    let written = ctx.between(start, at);
    let mut list = written.trim_end_matches(['“', '"']);
    // `A、B和C的“三条保障线”`: a quoted count names the set its names make.
    if list.len() < written.len() {
        list = list.strip_suffix('的').unwrap_or(list);
    }
    if !balanced(list) {
        return None;
    }
    // `围绕“A、B和C”三大诉求`: the quoted names are the list.
    if let Some(inner) = list.strip_suffix('”')
        && let Some(k) = inner.rfind('“')
        && inner[k..].contains('、')
    {
        start += k + '“'.len_utf8();
        list = &inner[k + '“'.len_utf8()..];
    }
    let in_name = super::list::inside_name(ctx, list);
    let mut pieces = split_at_commas(list, &in_name);
    // `把A、B、C作为政府工作的三项基本准则`: what the names are made follows them.
    if list[pieces[0].clone()].contains(['把', '将']) {
        let last = pieces.last_mut()?;
        if let Some(k) = ["作为", "列为", "确定为"]
            .iter()
            .find_map(|w| list[last.clone()].find(w))
        {
            last.end = last.start + k;
        }
    }
    if pieces.len() < 2 {
        return None;
    }
    // `A、B等5项`, `A、B等提出5项`: 等 closes the names; what follows it is no item.
    let mut last = pieces.last()?.clone();
    let at_least = match list[last.clone()].find('等') {
        // `A、B等提出5项`: a word or two after 等, not a clause (`A、B等新产品产量实现两位数`).
        Some(k) if list[last.start + k..last.end].chars().count() > 4 => return None,
        Some(k) => {
            last = last.start..last.start + k;
            *pieces.last_mut()? = last.clone();
            true
        }
        None => false,
    };
    // Two places joined by a conjunction are surely two (`宁夏和新疆`).
    let unsplit = split_last(list, &mut pieces, &in_name, places);
    // Names, not descriptions: `扩大内需、促进增长的十项措施` describes its items, and a long
    // piece is a clause of its own.
    let names = pieces.len() >= 2
        && pieces.iter().enumerate().all(|(k, r)| {
            let piece = &list[r.clone()];
            let limit = match k {
                0 => MAX_FIRST_NAME,
                _ if places => MAX_PLACE_NAME,
                _ => MAX_NAME,
            };
            !piece.is_empty()
                && !piece.ends_with('的')
                && !piece.contains(['，', '；', '：'])
                && !slogan(piece)
                && piece.chars().count() <= limit
        });
    if !names {
        return None;
    }
    let items = pieces
        .into_iter()
        .map(|r| start + r.start..start + r.end)
        .collect();
    Some((items, unsplit, at_least))
}

/// `list` split at each `、` that joins two names: not one inside a name (`inside`), between
/// two numerals (`1、2号线`) or inside quotes.
fn split_at_commas(list: &str, inside: impl Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut piece_start = 0;
    for (k, _) in list.match_indices('、') {
        if !inside(k) && !joins_numerals(list, k) && balanced(&list[..k]) {
            pieces.push(piece_start..k);
            piece_start = k + '、'.len_utf8();
        }
    }
    pieces.push(piece_start..list.len());
    pieces
}

/// Splits the last of `pieces` at its first conjunction (`A、B和C`): the number of pieces had
/// it not been split, when the conjunction may join words of one name (`生物医药和高端医疗器械`)
/// rather than two names of one class (`节能环保产业和数字创意产业`) or, when `sure`, always two.
fn split_last(
    list: &str,
    pieces: &mut Vec<Range<usize>>,
    inside: impl Fn(usize) -> bool,
    sure: bool,
) -> Option<usize> {
    let last = pieces.last()?.clone();
    let (k, joiner) = conjunction(&list[last.clone()], |k| inside(last.start + k))?;
    let split = last.start + k;
    let one_name = !sure && !same_head(&list[last.start..split], &list[split + joiner..last.end]);
    let unsplit = one_name.then_some(pieces.len());
    pieces.pop();
    pieces.push(last.start..split);
    pieces.push(split + joiner..last.end);
    unsplit
}

/// The first conjunction in `piece` that joins two names (`以及`, `和`, `及`, `与`), not one
/// inside a name (`inside`): its byte offset and length.
fn conjunction(piece: &str, inside: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    ["以及", "和", "及", "与"]
        .iter()
        .flat_map(|w| piece.match_indices(w).map(|(k, w)| (k, w.len())))
        .filter(|&(k, _)| k > 0 && !inside(k))
        // `以及` holds `及`: the longer word where both start.
        .min_by_key(|&(k, len)| (k, std::cmp::Reverse(len)))
}

/// `取消铁路货物周转量和旅客周转量两项指标`: two names joined by a conjunction alone.
#[allow(clippy::type_complexity)]
fn joined_pair(
    ctx: &Context,
    start: usize,
    at: usize,
) -> Option<(Vec<Range<usize>>, Option<usize>, bool)> {
    let list = ctx.between(start, at).trim_end_matches(['“', '"']);
    let in_name = super::list::inside_name(ctx, list);
    let (k, joiner) = conjunction(list, &in_name)?;
    let (a, b) = (&list[..k], &list[k + joiner..]);
    let fits = |piece: &str, limit: usize| {
        !piece.is_empty()
            && !piece.ends_with('的')
            && !piece.contains(['，', '；', '：', '“', '”', '等'])
            && piece.chars().count() <= limit
    };
    // Only where both names are of one class (`…周转量和…周转量`): otherwise the conjunction
    // may join words of one name.
    (fits(a, MAX_FIRST_NAME) && fits(b, MAX_NAME) && same_head(a, b)).then(|| {
        (
            vec![start..start + k, start + k + joiner..start + list.len()],
            None,
            false,
        )
    })
}

/// `增强“四个意识”`: a piece that quotes a numbered set phrase is a slogan of a series of
/// slogans (`增强“四个意识”、坚定“四个自信”、做到“两个维护”`), whose counts are their own. A
/// quoted name with a numeral that counts nothing (`“一带一路”建设`) is a name like any other.
fn slogan(piece: &str) -> bool {
    piece.split('“').skip(1).any(|quoted| {
        let quoted = quoted.split('”').next().unwrap_or("");
        quoted.char_indices().any(|(k, c)| {
            opens_count(c)
                && SLOGAN_MEASURES.iter().any(|m| {
                    quoted[k + c.len_utf8()..]
                        .trim_start_matches(opens_count)
                        .starts_with(m)
                })
        })
    })
}

/// `A、B三大球运动会等赛事`, `三大战略、四大板块`: the counted phrase is itself an item of a
/// longer list, and the names before it are its neighbours, not its items.
fn is_item(ctx: &Context, end: usize) -> bool {
    let rest = &ctx.text[end..ctx.sentence.range.end.max(end)];
    let run: String = rest
        .chars()
        .take(12)
        .take_while(|&c| !"，。；：（(\n".contains(c))
        .collect();
    let noun = run.split('、').next().unwrap_or("");
    noun.contains('等') || noun.len() < run.len()
}

/// Words after a count that lead into the names it counts (`有7家，分别是…`, `有1个…，即：…`).
const NAMES_FOLLOW: &[&str] = &[
    "，分别是",
    "，分别为",
    "，即：",
    "，即",
    "即：",
    "分别是",
    "分别为",
];

/// `市值超过200亿元的企业有7家，分别是A、B…`: the names after the count's clause, joined by `、`
/// (and a last `和`/`及`), to the end of their clause.
#[allow(clippy::type_complexity)]
fn names_after(ctx: &Context, end: usize) -> Option<(Vec<Range<usize>>, Option<usize>, bool)> {
    let sentence_end = ctx.sentence.range.end.max(end);
    let rest = &ctx.text[end..sentence_end];
    // The rest of the count's own phrase (`分布在中部地区`), then the lead-in words.
    let (lead, word) = rest.char_indices().take(12).find_map(|(k, _)| {
        NAMES_FOLLOW
            .iter()
            .find(|w| rest[k..].starts_with(*w))
            .map(|w| (k, w))
    })?;
    if rest[..lead].contains(['，', '。', '；', '：', '、']) {
        return None;
    }
    let start = end + lead + word.len();
    let list_end = start
        + ctx.text[start..sentence_end]
            .find(['。', '；', '，', '\n'])
            .unwrap_or(sentence_end - start);
    let list = ctx.between(start, list_end);
    let lead = list.len() - list.trim_start_matches(['：', ':']).len();
    let start = start + lead;
    let list = list[lead..].trim_end_matches(['。', '.']);
    if !balanced(list) {
        return None;
    }
    let in_name = super::list::inside_name(ctx, list);
    let mut pieces = split_at_commas(list, &in_name);
    // `分别是A、B等`: a list that says it is not whole counts nothing.
    if list.contains('等') {
        return None;
    }
    let unsplit = if pieces.len() >= 2 {
        split_last(list, &mut pieces, &in_name, false)
    } else {
        None
    };
    let names = pieces.iter().all(|r| {
        let piece = &list[r.clone()];
        !piece.is_empty() && !slogan(piece) && piece.chars().count() <= MAX_NAME
    });
    names.then(|| {
        let items = pieces
            .into_iter()
            .map(|r| start + r.start..start + r.end)
            .collect();
        (items, unsplit, false)
    })
}

/// `地铁1、2号线首期工程`: a `、` between two numerals shares the measure word after them and
/// joins them in one name.
fn joins_numerals(list: &str, k: usize) -> bool {
    let before = list[..k].chars().next_back();
    let after = list[k..].chars().nth(1);
    before.is_some_and(opens_count) && after.is_some_and(opens_count)
}

/// Two names ending in the same two-character head noun (`…产业`, `…灌区`).
fn same_head(a: &str, b: &str) -> bool {
    let head = |s: &str| s.chars().rev().take(2).collect::<String>();
    a.chars().count() > 2 && b.chars().count() > 2 && head(a) == head(b)
}

/// Quotes and brackets closed as often as opened.
fn balanced(s: &str) -> bool {
    let count = |c: char| s.matches(c).count();
    count('“') == count('”') && count('《') == count('》') && count('（') == count('）')
}

const ORDINALS: [&str; 16] = [
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
    "十五", "十六",
];

/// `：一是…；二是…；三是…` right after the count's clause, or paragraphs right after the count's
/// opening with `一是`, `二是` … (`一要`, `二要` likewise): the marked items, in order.
fn markers_after(ctx: &Context, end: usize) -> Option<Vec<Range<usize>>> {
    let text = ctx.text;
    let paragraph_end = |at: usize| text[at..].find('\n').map_or(text.len(), |k| at + k);
    let rest = &text[end..];
    let clause_end = end + rest.find(['：', ':', '，', '。', '；'])?;
    let mark = text[clause_end..].chars().next()?;
    let open = clause_end + mark.len_utf8();
    // The first marker opens the next clause, or the next paragraph when the count's clause
    // ends its own.
    let mut first = open + (text[open..].len() - text[open..].trim_start().len());
    if text[open..paragraph_end(open)].trim().is_empty() && paragraph_end(open) < text.len() {
        let next = paragraph_end(open) + 1;
        first = next + (text[next..].len() - text[next..].trim_start().len());
    }
    let suffix = ["是", "要"]
        .into_iter()
        .find(|s| text[first..].starts_with(&format!("一{s}")))?;
    let marker = |k: usize| format!("{}{suffix}", ORDINALS[k]);
    let opens_clause = |at: usize| {
        matches!(
            text[..at]
                .trim_end_matches([' ', '\u{3000}', '\t'])
                .chars()
                .next_back(),
            None | Some('：' | ':' | '；' | '。' | '，' | '\n')
        )
    };
    let mut items = Vec::new();
    items.push(first..first + marker(0).len());
    let mut from = items[0].end;
    let opening = |at: usize, e: usize, m: &str| {
        text[at..e]
            .match_indices(m)
            .find(|&(k, _)| opens_clause(at + k))
            .map(|(k, _)| at + k)
    };
    'items: while items.len() < ORDINALS.len() {
        let m = marker(items.len());
        let end_of = paragraph_end(from);
        if let Some(k) = opening(from, end_of, &m) {
            items.push(k..k + m.len());
            from = k + m.len();
            continue;
        }
        // The next marker opens a paragraph after this one, with at most a few paragraphs of
        // its item's own between.
        let mut at = end_of + 1;
        for _ in 0..3 {
            if at >= text.len() {
                break;
            }
            let e = paragraph_end(at);
            let lead = text[at..e].len() - text[at..e].trim_start().len();
            let paragraph = &text[at + lead..e];
            if paragraph.starts_with(&m) {
                items.push(at + lead..at + lead + m.len());
                from = at + lead + m.len();
                continue 'items;
            }
            let heading = ORDINALS.iter().any(|o| {
                paragraph.starts_with(&format!("（{o}）"))
                    || paragraph.starts_with(&format!("{o}、"))
            });
            // A heading or a list of its own: the count's has ended.
            if heading || opening(at, e, &marker(0)).is_some() {
                break;
            }
            // The marker inside a paragraph that does not open with it: unsure.
            if opening(at, e, &m).is_some() {
                return None;
            }
            at = e + 1;
        }
        break;
    }
    (items.len() >= 2).then_some(items)
}

/// `重点做好十个方面工作。` ending its paragraph, and the paragraphs after it opening with
/// `（一）`, `（二）` …: those headings, in order, until one is missing or a heading of the
/// level above (`二、`) opens a paragraph.
fn headings_after(ctx: &Context, end: usize) -> Option<Vec<Range<usize>>> {
    let rest = &ctx.text[end..];
    let paragraph_end = end + rest.find('\n')?;
    // The count's clause ends the paragraph (`…工作。`, `…工作：`).
    let tail = ctx.text[end..paragraph_end].trim_end();
    if tail.chars().count() > 12
        || !tail.ends_with(['。', '：', ':'])
        || tail.contains(['，', '；'])
    {
        return None;
    }
    let mut items = Vec::new();
    let mut next = 0;
    let mut at = paragraph_end + 1;
    // `（一）` headings, or `一、` ones, as the first heading shows.
    let mut style: Option<fn(&str) -> String> = None;
    while at < ctx.text.len() && next < ORDINALS.len() {
        let line_end = ctx.text[at..].find('\n').map_or(ctx.text.len(), |k| at + k);
        let line = ctx.text[at..line_end].trim_start_matches([' ', '\u{3000}', '\t']);
        let lead = line_end - line.len();
        if style.is_none() && !line.is_empty() {
            let bracketed: fn(&str) -> String = |o| format!("（{o}）");
            let enumerated: fn(&str) -> String = |o| format!("{o}、");
            style = [bracketed, enumerated]
                .into_iter()
                .find(|f| line.starts_with(&f(ORDINALS[0])));
            // The headings open the very next paragraph, or are not the count's.
            if style.is_none() {
                break;
            }
        }
        // A list of its own starts again: the count's ended before it.
        if next > 0 && style.is_some_and(|f| line.starts_with(&f(ORDINALS[0]))) {
            break;
        }
        if let Some(heading) = style.map(|f| f(ORDINALS[next]))
            && line.starts_with(&heading)
        {
            items.push(lead..lead + heading.len());
            next += 1;
        } else if style.is_some_and(|f| f(ORDINALS[0]).starts_with('（'))
            && ORDINALS.iter().any(|o| line.starts_with(&format!("{o}、")))
        {
            // The level above.
            break;
        }
        at = line_end + 1;
    }
    (items.len() >= 2).then_some(items)
}

/// `做到“五个更加注重”：` ending its paragraph, and the paragraphs right after it opening with
/// `——`: those paragraphs, until one does not.
fn dashes_after(ctx: &Context, end: usize) -> Option<Vec<Range<usize>>> {
    let rest = &ctx.text[end..];
    let paragraph_end = end + rest.find('\n')?;
    let tail = ctx.text[end..paragraph_end].trim_end();
    if tail.chars().count() > 12 || !tail.ends_with(['：', ':']) || tail.contains(['，', '；']) {
        return None;
    }
    let mut items = Vec::new();
    let mut at = paragraph_end + 1;
    while at < ctx.text.len() {
        let line_end = ctx.text[at..].find('\n').map_or(ctx.text.len(), |k| at + k);
        let line = ctx.text[at..line_end].trim_start_matches([' ', '\u{3000}', '\t']);
        let lead = line_end - line.len();
        if line.starts_with("——") {
            items.push(lead..lead + "——".len());
        } else if !line.trim().is_empty() {
            break;
        }
        at = line_end + 1;
    }
    (items.len() >= 2).then_some(items)
}
