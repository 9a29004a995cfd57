//! Figures named across a document: the exact figure a bound stated in another paragraph
//! speaks of (`经济总量超过6万亿元` in a five-year review against `地区生产总值67665亿元` in the
//! year's), and a balance held within a limit stated beside it
//! (`政府债务余额…控制在政府债务限额之内`).
//!
//! A name matches only as a whole: the words before the figure, without years, scope and link
//! words, equal to the bound's (or one of its names in `[names] same`). A qualified name
//! (`货物进出口总额`) is another metric. Where the document gives the metric more than one
//! value that cannot all hold (a start and an end of a period, a budget and its outturn), the
//! bound is left unread: which one it speaks of is not said.

use std::ops::Range;

use rust_decimal::Decimal;

use super::change::years_in;
use super::repeat::{core, core_of, years};
use super::sentence::Sentence;
use super::table::TableCell;
use super::{Claim, Relation, Vocabulary};
use crate::number::{Kind, Quantity};

/// What the document-wide readings see: the text, its figures and their phrases, sentences, and
/// the vocabulary.
#[derive(Clone, Copy)]
pub struct Document<'a> {
    pub text: &'a str,
    pub quantities: &'a [Quantity],
    pub metrics: &'a [Range<usize>],
    pub sentences: &'a [Sentence],
    /// Which figures are lengths of time or ages (`五年`, `60周岁`).
    pub durations: &'a [bool],
    /// The amounts of tables, with their rows' names and units.
    pub table_cells: &'a [TableCell],
    /// The figures that state a level as the text's own result ([`super::repeat::standing`]).
    pub standing: &'a [usize],
    pub vocab: &'a Vocabulary,
}

/// A bound its own sentence gives no figure for: `经济总量超过6万亿元`.
#[derive(Debug, Clone)]
pub struct OpenBound {
    pub bound: usize,
    pub relation: Relation,
    pub word: Range<usize>,
    /// The metric's name, normalised by [`normalize`].
    pub name: String,
    pub years: Vec<i32>,
    /// `实际增长7.4%，快于经济增速`: `bound` is the figure said to compare, and the bound is
    /// the named metric's stated growth.
    pub growth_of: bool,
}

/// How far under a bound stated in another paragraph a figure may be and still be read as its
/// metric: 80% of the bound. `突破X` is said of a figure just past a round X, so a draft's slip
/// leaves the figure a little under X; a figure far under X (`经济总量超9万亿元` of a wider
/// region beside the province's 67665亿元) belongs to a scope or period the words do not give.
const NEAR: Decimal = Decimal::from_parts(8, 0, 0, false, 1);

/// The shortest name that can stand for one metric across a document.
const MIN_NAME: usize = 4;

/// `name` without spaces (spaced-out PDF text), the scope that opens it, a 末 or 底 left by a
/// removed year (`2025年末`), and under the first of its names in `[names] same`; `None` when
/// too short to name one metric.
pub fn normalize(name: &str, vocab: &Vocabulary) -> Option<String> {
    // A note's mark (`[10]`) and spaces of PDF text are not part of a name.
    let mut n: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !"[]［］【】".contains(*c))
        .collect();
    // One pass of the list's automaton tells whether any filler is there at all (most names
    // have none), rather than a search and a new string per filler.
    if vocab.names.fillers.occurs_in(&n) {
        for w in &vocab.names.fillers {
            if n.contains(w.as_str()) {
                n = n.replace(w.as_str(), "");
            }
        }
    }
    // `粮食年产量` is `粮食产量`: 年 before a word of `[names] yearly` says the figure is the
    // year's, as every figure of a year is (a year written in digits is stripped before).
    let has_year_word = n.contains('年');
    for w in vocab.names.yearly.iter().filter(|_| has_year_word) {
        let annual = format!("年{w}");
        if let Some(k) = n.find(annual.as_str())
            && !n[..k].ends_with(|c: char| c.is_ascii_digit() || "上去今当每全".contains(c))
        {
            n.replace_range(k..k + '年'.len_utf8(), "");
        }
    }
    loop {
        let before = n.len();
        for w in vocab
            .names
            .scope
            .iter()
            .map(String::as_str)
            .chain(["末", "底"])
        {
            if let Some(rest) = n.strip_prefix(w) {
                n = rest.to_string();
            }
        }
        if n.len() == before {
            break;
        }
    }
    for group in &vocab.names.same {
        if group.split('=').any(|g| g == n) {
            n = group.split('=').next().unwrap_or_default().to_string();
        }
    }
    // A rate's three characters name it (`出生率`, `结案率`).
    let min = if n.ends_with('率') { 3 } else { MIN_NAME };
    (n.chars().count() >= min).then_some(n)
}

/// The name of the metric a bound's clause states before its threshold word: `经济总量` in
/// `经济总量跨过两个万亿元大关、超过`, in `成为中西部地区首个经济总量超过`, and in
/// `是在我国经济总量超过`.
pub fn bound_name(clause: &str, vocab: &Vocabulary) -> Option<(String, Vec<i32>)> {
    let years = years_in(clause);
    // Years are the bound's period, compared on their own; noise words go with them.
    let stripped = core_of(clause.to_string());
    let mut name = stripped.as_str();
    for w in ["首个", "首批", "第一个", "唯一"] {
        if let Some(k) = name.rfind(w) {
            name = &name[k + w.len()..];
        }
    }
    let opener = vocab
        .names
        .openers
        .iter()
        .filter_map(|w| name.find(w.as_str()))
        .min()
        .unwrap_or(name.len());
    // `战略性新兴产业增加值增长7%、占GDP比重超`: another figure before the bound's word leaves
    // unsaid which name is the bound's.
    if name[..opener].contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    normalize(&name[..opener], vocab).map(|n| (n, years))
}

/// Holds each open bound against the one exact figure the document names as its metric.
pub fn resolve(doc: &Document, open: &[OpenBound], bounds: &[usize], claims: &mut Vec<Claim>) {
    let Document {
        text,
        quantities,
        metrics,
        sentences,
        durations,
        standing,
        vocab,
        ..
    } = *doc;
    let sentence_of = sentence_of(quantities, sentences);
    let sections = sections(text, sentences, vocab);
    let section = |i: usize| {
        sentences
            .get(sentence_of[i])
            .and_then(|s| sections.get(s.paragraph))
            .cloned()
            .unwrap_or_default()
    };
    let named: Vec<(usize, String, Vec<i32>)> = standing
        .iter()
        .copied()
        .filter(|i| quantities[*i].approx.is_none() && bounds.binary_search(i).is_err())
        .filter(|&i| !vocab.names.totals.occurs_in(&text[metrics[i].clone()]))
        .filter(|&i| !durations[i])
        .filter_map(|i| {
            let name = normalize(&core(text, quantities, metrics, i), vocab)?;
            Some((i, name, years(text, metrics, i)))
        })
        .collect();
    // Each growth's metric named once, not once per bound that asks.
    let growths: Vec<(usize, Option<String>)> = growths(doc)
        .into_iter()
        .map(|(stated, level)| {
            (
                stated,
                normalize(&core(text, quantities, metrics, level), vocab),
            )
        })
        .collect();
    // The one growth the document states for a metric of this name.
    let growth_of = |name: &str| {
        let of_metric: Vec<usize> = growths
            .iter()
            .filter(|(_, metric)| metric.as_deref() == Some(name))
            .map(|(stated, _)| *stated)
            .collect();
        one_value(quantities, &of_metric)
    };
    for b in open.iter().filter(|b| b.growth_of) {
        let Some(g) = growth_of(&b.name) else {
            continue;
        };
        let q = &quantities[g];
        let Some(hi) = q.interval.hi else {
            continue;
        };
        // The other growth is a rounded figure too.
        claims.push(passed(b.bound, b, q, hi - q.value));
    }
    for b in open.iter().filter(|b| !b.growth_of) {
        let q = &quantities[b.bound];
        let (bound_years, bound_plans) = section(b.bound);
        if bound_plans {
            continue;
        }
        // `经济增长连续四年达到或略高于10%`: a bound on a growth is held against the growth
        // stated right after the metric's level.
        if let Some(metric) = vocab
            .threshold
            .growths
            .iter()
            .find_map(|g| b.name.strip_suffix(g.as_str()))
            .and_then(|m| normalize(m, vocab))
            .filter(|_| q.kind == Kind::Percent)
        {
            if let Some(g) = growth_of(&metric) {
                claims.push(passed(g, b, q, Decimal::ZERO));
            }
            continue;
        }
        let same: Vec<&(usize, String, Vec<i32>)> = named
            .iter()
            .filter(|(i, name, _)| {
                let v = &quantities[*i];
                let (years, plans) = section(*i);
                *name == b.name
                    && same_measure(text, q, v)
                    && !plans
                    && (years.is_empty() || bound_years.is_empty() || years == bound_years)
            })
            .collect();
        // A bound without a year speaks of the latest period the document names the metric
        // in: figures of an earlier year stay out, figures without one stay in.
        let latest = same.iter().filter_map(|(_, _, y)| y.iter().max()).max();
        let of_period: Vec<usize> = same
            .iter()
            .filter(|(_, _, y)| {
                if b.years.is_empty() {
                    y.is_empty() || y.iter().max() == latest
                } else {
                    *y == b.years
                }
            })
            .map(|(i, _, _)| *i)
            .collect();
        let Some(value) = one_value(quantities, &of_period) else {
            continue;
        };
        // A bound passed names the round figure just under the figure; one far above it
        // speaks of a wider scope or another period the words do not give.
        if quantities[value]
            .interval
            .hi
            .is_none_or(|hi| hi < q.value * NEAR)
        {
            continue;
        }
        claims.push(passed(value, b, q, Decimal::ZERO));
    }
    limits(doc, &named, &sentence_of, claims);
    restatements(doc, &named, &sentence_of, &section, claims);
}

/// Figure `value` held against the open bound `b`, whose figure is `q`, loosened by `rounding`.
fn passed(value: usize, b: &OpenBound, q: &Quantity, rounding: Decimal) -> Claim {
    Claim::Threshold {
        value,
        bound: q.value,
        bound_span: q.span.clone(),
        approximate: false,
        rounding,
        relation: b.relation,
        word: b.word.clone(),
    }
}

/// `全州园林水果产量7.16万吨` in the summary and `全州园林水果产量7.56万吨` in its section: a
/// count or amount whose name the document gives exactly twice, in two paragraphs, of one
/// period and in sections of results, with values that cannot both hold. A name stated more
/// often, a part after 其中 (its scope is its whole's), a share, or mentions a year or a
/// period word apart (`年末` against `全年`) are left alone: which figures are one metric is
/// then not said.
fn restatements(
    doc: &Document,
    named: &[(usize, String, Vec<i32>)],
    sentence_of: &[usize],
    section: &dyn Fn(usize) -> (Vec<i32>, bool),
    claims: &mut Vec<Claim>,
) {
    let Document {
        text,
        quantities,
        metrics,
        sentences,
        vocab,
        ..
    } = *doc;
    let said_before = |i: usize| {
        let s = &sentences[sentence_of[i]];
        &text[s.range.start..quantities[i].span.start]
    };
    let in_paragraph = |i: usize| {
        let k = sentence_of[i];
        let first = sentences[..=k]
            .iter()
            .rposition(|s| s.paragraph != sentences[k].paragraph)
            .map_or(0, |p| p + 1);
        &text[sentences[first].range.start..quantities[i].span.start]
    };
    let period_word = |i: usize| {
        let phrase = &text[metrics[i].clone()];
        vocab
            .names
            .periods
            .iter()
            .position(|group| group.split('=').any(|w| phrase.contains(w)))
    };
    // The level of government or area the words before a figure name last (`市本级`, `全市`),
    // one group of `[names] levels` standing for each; none for a figure of the whole.
    let level = |said: &str| {
        let groups = &vocab.names.levels;
        let mut last: Option<(usize, usize)> = None;
        for (g, group) in groups.iter().enumerate() {
            for w in group.split('=') {
                if let Some(at) = said.rfind(w)
                    && last.is_none_or(|(l, _)| at > l)
                {
                    last = Some((at, g));
                }
            }
        }
        // The first group is the whole (`全市`), which a figure without a level is of too.
        last.map(|(_, g)| g).filter(|&g| g != 0)
    };
    let mut by_name: std::collections::HashMap<(&str, Option<&str>), Vec<usize>> =
        std::collections::HashMap::new();
    for (i, name, _) in named {
        let q = &quantities[*i];
        // A rate stated as a level (`出生率为7.78‰`, `结案率99.42%`) is restated as any figure
        // is; a share (`占比`, `比重`) names no whole of its own and is left alone.
        let rate = matches!(q.kind, Kind::Percent | Kind::Permille) && name.ends_with('率');
        if !(matches!(q.kind, Kind::Count | Kind::Amount) || rate)
            || sentence_of[*i] == usize::MAX
            || section(*i).1
            || said_before(*i).contains("其中")
            || said_before(*i)
                .trim_start()
                .starts_with(['—', '-', '·', '●'])
        {
            continue;
        }
        by_name
            .entry((name.as_str(), q.unit_text(text)))
            .or_default()
            .push(*i);
    }
    let mut pairs: Vec<(usize, usize, &str)> = by_name
        .iter()
        .filter_map(|(&(name, _), mentions)| match mentions[..] {
            [a, b] => Some((a.min(b), a.max(b), name)),
            _ => None,
        })
        .collect();
    pairs.sort_unstable();
    let years = |i: usize| years_in(said_before(i));
    for (a, b, name) in pairs {
        let (x, y) = (&quantities[a], &quantities[b]);
        let (sa, sb) = (&sentences[sentence_of[a]], &sentences[sentence_of[b]]);
        if sa.paragraph == sb.paragraph || x.interval.meets(&y.interval) {
            continue;
        }
        // Each mention's years: its sentence's, else its section heading's. A year on one
        // mention only may be a year before the one the other speaks of.
        let period = |i: usize| {
            let y = years(i);
            if y.is_empty() { section(i).0 } else { y }
        };
        if period(a) != period(b) {
            continue;
        }
        // `市本级国有资本经营预算收入…。国有资本经营预算支出7,819万元`: the level a paragraph
        // names is the scope of the figures after it.
        if level(in_paragraph(a)) != level(in_paragraph(b)) {
            continue;
        }
        // A slip leaves a figure near the one it restates; a figure several times another is
        // of a scope or period the words do not give.
        let (lo, hi) = if x.value < y.value { (x, y) } else { (y, x) };
        if lo.value <= Decimal::ZERO || lo.value < hi.value * NEAR {
            continue;
        }
        if let (Some(p), Some(q)) = (period_word(a), period_word(b))
            && p != q
        {
            continue;
        }
        claims.push(Claim::Restated {
            first: a,
            second: b,
            name: name.to_string(),
            scale: Decimal::ONE,
        });
    }
    // A table's row restates the figure its prose gives under the row's name (`全年进出口总额
    // 6366.83亿元` and `进出口总额 ⇥ 6366.83` under `金额（亿元）`).
    for cell in doc.table_cells {
        let Some(name) = normalize(&cell.label, vocab) else {
            continue;
        };
        let Some(mentions) = by_name.get(&(name.as_str(), Some(cell.unit.as_str()))) else {
            continue;
        };
        let Some(p) = one_value(quantities, mentions) else {
            continue;
        };
        let (x, y) = (&quantities[p], &quantities[cell.quantity]);
        let Some(scaled) = y.interval.scale(cell.factor) else {
            continue;
        };
        let Some(value) = y.value.checked_mul(cell.factor) else {
            continue;
        };
        let (lo, hi) = if x.value < value {
            (x.value, value)
        } else {
            (value, x.value)
        };
        if x.interval.meets(&scaled) || lo <= Decimal::ZERO || lo < hi * NEAR {
            continue;
        }
        claims.push(Claim::Restated {
            first: p,
            second: cell.quantity,
            name,
            scale: cell.factor,
        });
    }
}

/// A bound and a figure in one measure: the same kind and unit, or a bound written with a
/// scale and no unit (`迈上4万亿、5万亿两个台阶`) of a name that gives it (`地区生产总值5.2万亿元`).
fn same_measure(text: &str, bound: &Quantity, figure: &Quantity) -> bool {
    (bound.kind == figure.kind && bound.unit_text(text) == figure.unit_text(text))
        || (bound.kind == Kind::Number
            && bound.scale.is_some()
            && bound.unit_text(text).is_none()
            && matches!(figure.kind, Kind::Count | Kind::Amount))
}

/// Each growth in percent stated right after its level, with the level: `增长6.9%` of
/// `国内生产总值达到67.7万亿元，增长6.9%`. Only a separator, a year-on-year word and a word of
/// change stand between them.
fn growths(doc: &Document) -> Vec<(usize, usize)> {
    let Document {
        text,
        quantities,
        vocab,
        ..
    } = *doc;
    let change = &vocab.change;
    (1..quantities.len())
        .filter(|&g| quantities[g].kind == Kind::Percent && !quantities[g].range)
        .filter_map(|g| {
            let level = g - 1;
            let gap = text.get(quantities[level].span.end..quantities[g].span.start)?;
            let mut rest = gap.strip_prefix(['，', '、'])?;
            if let Some(r) = change
                .yoy
                .iter()
                .find_map(|w| rest.strip_prefix(w.as_str()))
            {
                rest = r;
            }
            let r = change
                .up
                .iter()
                .chain(&change.down)
                .find_map(|w| rest.strip_prefix(w.as_str()))?;
            let r = change
                .fillers
                .iter()
                .find_map(|w| r.strip_prefix(w.as_str()))
                .unwrap_or(r);
            let level_q = &quantities[level];
            (r.is_empty() && matches!(level_q.kind, Kind::Count | Kind::Amount) && !level_q.range)
                .then_some((g, level))
        })
        .collect()
}

/// The sentence of each quantity; `usize::MAX` for one in no sentence read.
fn sentence_of(quantities: &[Quantity], sentences: &[Sentence]) -> Vec<usize> {
    let mut out = vec![usize::MAX; quantities.len()];
    for (k, s) in sentences.iter().enumerate() {
        for &i in &s.quantities {
            out[i] = k;
        }
    }
    out
}

/// For each paragraph, the years of the top-level heading above it (`三、2026年工作安排`) and
/// whether that heading heads plans rather than results.
fn sections(text: &str, sentences: &[Sentence], vocab: &Vocabulary) -> Vec<(Vec<i32>, bool)> {
    let n = sentences.last().map_or(0, |s| s.paragraph + 1);
    let mut out = vec![(Vec::new(), false); n];
    let mut current = (Vec::new(), false);
    for (k, s) in sentences.iter().enumerate() {
        let opens = k == 0 || sentences[k - 1].paragraph != s.paragraph;
        if opens && let Some(h) = heading(&text[s.range.clone()]) {
            let years = years_in(h);
            let plans = vocab.names.plans.occurs_in(h) && !vocab.names.results.occurs_in(h);
            current = (years, plans);
        }
        if let Some(slot) = out.get_mut(s.paragraph) {
            *slot = current.clone();
        }
    }
    out
}

/// A top-level heading: `一、`…`十、` and a short title.
fn heading(sentence: &str) -> Option<&str> {
    let s = sentence.trim_start();
    let ordinal = s
        .char_indices()
        .take_while(|&(_, c)| "一二三四五六七八九十".contains(c))
        .last()
        .map(|(at, c)| at + c.len_utf8())?;
    let title = s[ordinal..].strip_prefix('、')?;
    (title.chars().count() <= MAX_HEADING).then_some(title)
}

/// The longest title a top-level heading has.
const MAX_HEADING: usize = 48;

/// The most precise of `figures` when all of them can hold together; `None` when there is
/// none or they disagree.
fn one_value(quantities: &[Quantity], figures: &[usize]) -> Option<usize> {
    let overlap = |a: usize, b: usize| {
        let (x, y) = (&quantities[a].interval, &quantities[b].interval);
        match (x.lo, x.hi, y.lo, y.hi) {
            (Some(xl), Some(xh), Some(yl), Some(yh)) => xl <= yh && yl <= xh,
            _ => false,
        }
    };
    let all_agree = figures
        .iter()
        .enumerate()
        .all(|(k, &a)| figures[k + 1..].iter().all(|&b| overlap(a, b)));
    if !all_agree {
        return None;
    }
    figures.iter().copied().min_by_key(|&i| {
        let v = &quantities[i].interval;
        v.hi.zip(v.lo).map_or(Decimal::MAX, |(h, l)| h - l)
    })
}

/// `政府债务余额5363.14亿元…控制在政府债务限额之内` with `政府债务限额5525亿元` in the same or
/// the previous paragraph: each balance at most the limit of the same name and scope.
fn limits(
    doc: &Document,
    named: &[(usize, String, Vec<i32>)],
    sentence_of: &[usize],
    claims: &mut Vec<Claim>,
) {
    let Document {
        text,
        quantities,
        sentences,
        vocab,
        ..
    } = *doc;
    let paragraph = |i: usize| {
        sentences
            .get(sentence_of[i])
            .map_or(usize::MAX, |s| s.paragraph)
    };
    for pair in &vocab.names.limits {
        let Some((balance, limit)) = pair.split_once('=') else {
            continue;
        };
        for s in sentences {
            let sentence = &text[s.range.clone()];
            let Some((subject, word, whole)) = within_limit(sentence, balance, limit, vocab) else {
                continue;
            };
            // A balance of a part (`市级`, `县区`) when the words speak of the whole only.
            let of_part = |i: usize| {
                let m = &text[doc.metrics[i].clone()];
                vocab
                    .names
                    .levels
                    .iter()
                    .skip(1)
                    .any(|g| g.split('=').any(|w| m.contains(w)))
            };
            let word = s.range.start + word.start..s.range.start + word.end;
            let near = |i: usize| {
                let p = paragraph(i);
                p == s.paragraph || p.checked_add(1) == Some(s.paragraph)
            };
            // The balances the sentence speaks of: of its subject's name, at any level
            // (`市县政府债务余额均不超…` holds 市级 and 县区 balances), not of one kind of debt.
            for (b, name, years) in named.iter().filter(|(i, n, _)| {
                n.ends_with(subject.as_str()) && near(*i) && !(whole && of_part(*i))
            }) {
                let limit_name = format!("{}{limit}", &name[..name.len() - balance.len()]);
                let limits: Vec<usize> = named
                    .iter()
                    .filter(|(i, n, y)| {
                        *n == limit_name
                            && (y == years || y.is_empty() || years.is_empty())
                            && near(*i)
                            && quantities[*i].kind == quantities[*b].kind
                            && quantities[*i].unit_text(text) == quantities[*b].unit_text(text)
                    })
                    .map(|(i, _, _)| *i)
                    .collect();
                let Some(l) = one_value(quantities, &limits) else {
                    continue;
                };
                let Some(hi) = quantities[l].interval.hi else {
                    continue;
                };
                claims.push(Claim::Threshold {
                    value: *b,
                    bound: quantities[l].value,
                    bound_span: quantities[l].span.clone(),
                    approximate: false,
                    rounding: hi - quantities[l].value,
                    relation: Relation::AtMost,
                    word: word.clone(),
                });
            }
        }
    }
}

/// `政府债务余额…控制在…限额之内`: the balance's name (`政府债务余额`, scope words left out),
/// the range of the words that hold it within the limit, and whether they speak of the whole
/// only.
fn within_limit(
    sentence: &str,
    balance: &str,
    limit: &str,
    vocab: &Vocabulary,
) -> Option<(String, Range<usize>, bool)> {
    sentence.match_indices(balance).find_map(|(b, _)| {
        let opening = sentence[..b]
            .rfind(['，', '；', '：', '。'])
            .map_or(0, |k| k + '，'.len_utf8());
        let subject = normalize(
            &core_of(sentence[opening..b + balance.len()].to_string()),
            vocab,
        )?;
        let l = b + sentence[b..].find(limit)?;
        let between = &sentence[b + balance.len()..l];
        if between.contains(|c: char| c.is_ascii_digit() || "，；。".contains(c)) {
            return None;
        }
        let (at, word) = vocab
            .names
            .within
            .iter()
            .filter_map(|w| between.find(w.as_str()).map(|k| (k, w.as_str())))
            .min()?;
        let after = &sentence[l + limit.len()..];
        let tail = ["之内", "以内", "范围内", "内"]
            .iter()
            .find(|t| after.starts_with(*t))
            .map_or(0, |t| t.len());
        // `控制在…限额` alone may say how it is managed; `之内` says where it stands.
        let bounded = tail > 0 || !word.ends_with('在');
        // `全市政府债务余额低于…限额` speaks of the whole city's balance only; `均`, `分别` or
        // several levels (`市县`) speak of each level's.
        let said = &sentence[opening..b];
        let whole = vocab
            .names
            .levels
            .first()
            .is_some_and(|g| g.split('=').any(|w| said.contains(w)))
            && !["均", "分别", "各级", "市县", "两级"]
                .iter()
                .any(|w| sentence[opening..l].contains(w));
        bounded.then_some((
            subject,
            b + balance.len() + at..l + limit.len() + tail,
            whole,
        ))
    })
}
