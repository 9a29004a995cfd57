//! Rates (`结案率99.4%`), shares (`占…的64.9%`) and figures that cannot pass 100%.

use super::metric::{clause_opening, without_qizhong};
use super::sentence::Context;
use super::vocabulary::{Words, ends_with_any, rfind_any};
use super::{Bound, ChangeMeasure, Claim, Direction};
use crate::number::Kind;

/// `X率 P%` after two counts of one unit: a rate with its numerator and denominator. Each pair
/// of counts serves the first rate after it only (`结案率95.3%，审限内结案率保持100%`: the second
/// rate has a denominator of its own that the text does not give).
pub fn rates(ctx: &Context, claims: &mut Vec<Claim>) {
    let mut floor = ctx.sentence.range.start;
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        // `增长率为8.2%` is a change, of the figure before it, not a ratio of two counts.
        if q.kind != Kind::Percent || q.range || !ctx.metric(s).ends_with('率') || ctx.is_change(s)
        {
            continue;
        }
        // A rate with a definition is read by it (`defined_rates`), which knows its terms: the
        // two counts before `城镇化率` may be the urban and the rural population, classes of one
        // whole rather than a part and its whole.
        if defined(ctx, ctx.metric(s)) {
            continue;
        }
        let candidates: Vec<usize> = ctx
            .before(q.span.start)
            .filter(|&i| ctx.q(i).span.start >= floor && ctx.is_measure(i))
            .collect();
        floor = q.span.end;
        let pair = candidates.iter().rev().find_map(|&later| {
            candidates
                .iter()
                .rev()
                .find(|&&earlier| earlier < later && ctx.comparable(earlier, later))
                .map(|&earlier| (earlier, later))
        });
        if let Some((earlier, later)) = pair {
            // The rate follows its counts: no other figure between them.
            let between_figures = ctx.sentence.quantities.iter().any(|&i| i > later && i < s);
            if between_figures {
                continue;
            }
            claims.push(Claim::Rate {
                rate: s,
                name: ctx.metrics[s].clone(),
                numerator: later,
                denominator: earlier,
            });
        }
    }
}

/// Whether `metric` names a rate of `[rate] definitions`.
fn defined(ctx: &Context, metric: &str) -> bool {
    definition(ctx, metric).is_some()
}

/// The numerator and denominator words of the rate of `[rate] definitions` that `metric` names
/// (`城镇化率 = 城镇常住人口, 城镇人口 / 常住人口, 总人口`).
fn definition(ctx: &Context, metric: &str) -> Option<(Vec<String>, Vec<String>)> {
    ctx.vocab.rate.definitions.iter().find_map(|d| {
        let (names, terms) = d.split_once('=')?;
        // Asked of every percentage: the name first, the terms only of the definition that
        // fits. A rate may have several names, `,` between them.
        if !names.split(',').any(|name| metric.ends_with(name.trim())) {
            return None;
        }
        let (num, den) = terms.split_once('/')?;
        let words =
            |t: &str| -> Vec<String> { t.split(',').map(|w| w.trim().to_string()).collect() };
        Some((words(num), words(den)))
    })
}

/// `城镇化率58.02%` after `常住人口434.6万人，其中城镇常住人口252.2万人`: a rate defined in
/// `[rate] definitions` with the figures of its numerator's and denominator's names, the
/// nearest of each in the sentence or the three before (a denominator never holds a numerator
/// word).
pub fn defined_rates(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        let bound = claims.iter().any(|c| {
            matches!(c, Claim::Rate { rate, .. } if *rate == s)
                || matches!(c, Claim::Share { share, .. } if *share == s)
        });
        // A ratio of two amounts is written as a bare number (`城乡居民收入比为1.89:1`), read only
        // where its clause names it and it is the ratio now, not the one it moved from
        // (`由上年的1.84:1缩小至1.82:1`).
        let number = q.kind == Kind::Number && q.approx.is_none() && ratio_now(ctx, s);
        if !(q.kind == Kind::Percent || number) || q.range || bound {
            continue;
        }
        let Some((numerators, denominators)) = definition(ctx, ctx.metric(s)) else {
            continue;
        };
        // A term of a ratio written as a number is named by its whole name: `农村居民人均可支配
        // 收入中位数` is another statistic than `农村居民人均可支配收入`.
        let exact = |i: usize, words: &[String]| {
            !number || words.iter().any(|w| ctx.metric(i).ends_with(w.as_str()))
        };
        // Averages are the terms of a ratio of two averages (`城乡居民收入比`), of no rate.
        let level =
            |i: usize| ctx.is_measure(i) && !ctx.is_change(i) && (number || !ctx.is_average(i));
        // The name with its link word (`资产总计为`: the metric phrase drops 总计); a figure with
        // no name before it is named by the rest of its clause (`有52种产品产量实现增长`).
        let named = |i: usize, words: &[String]| {
            let phrase = if ctx.metric(i).is_empty() {
                clause_opening(ctx.between(ctx.q(i).span.end, ctx.sentence.range.end))
            } else {
                ctx.between(ctx.metrics[i].start, ctx.q(i).span.start)
            };
            words.iter().any(|w| phrase.contains(w.as_str()))
        };
        // A `其中` part is no term of a rate, unless it is the numerator's part of the
        // denominator (`常住人口…，其中城镇常住人口…`): `其中流动负债` is not `负债总计`.
        let part_of = |i: usize| ctx.part_of[i];
        let Some(numerator) = ctx.earlier_figures(q.span.start).find(|&i| {
            level(i)
                && named(i, &numerators)
                && exact(i, &numerators)
                && part_of(i).is_none_or(|w| named(w, &denominators))
        }) else {
            continue;
        };
        let Some(denominator) = ctx.earlier_figures(q.span.start).find(|&i| {
            i != numerator
                && level(i)
                && part_of(i).is_none()
                && ctx.comparable(i, numerator)
                && named(i, &denominators)
                && exact(i, &denominators)
                && !named(i, &numerators)
                && (number || !ctx.sibling_classes(ctx.metric(i), ctx.metric(numerator)))
        }) else {
            continue;
        };
        claims.push(Claim::Rate {
            rate: s,
            name: ctx.metrics[s].clone(),
            numerator,
            denominator,
        });
    }
}

/// `…，增长4.6%；…，增长6.3%。城乡居民收入比缩小`: a ratio of `[rate] definitions` named with a
/// word of `[rate] narrower` or `wider` after it in its clause, when its two terms, each by its
/// whole name in the sentence or the three before, are followed by growths of one wording
/// (`增长`, `比上年增长`). A ratio moved over years (`从2.50:1缩小至`, `2020年以来`) or in a plan is
/// not read: the growths stated are one year's.
pub fn ratio_moves(ctx: &Context, claims: &mut Vec<Claim>) {
    let sentence = &ctx.text[ctx.sentence.range.clone()];
    let words = &ctx.vocab.rate;
    // A move needs a narrowing or widening word: most sentences have none, and looking for
    // every defined ratio's names in each sentence first was a sixth of all checking time.
    if !words.narrower.occurs_in(sentence) && !words.wider.occurs_in(sentence) {
        return;
    }
    for d in &words.definitions {
        let Some((names, terms)) = d.split_once('=') else {
            continue;
        };
        let Some((num, den)) = terms.split_once('/') else {
            continue;
        };
        let Some((at, name)) = names
            .split(',')
            .map(str::trim)
            .filter_map(|n| sentence.find(n).map(|at| (at, n)))
            .min_by_key(|&(at, n)| (at, std::cmp::Reverse(n.len())))
        else {
            continue;
        };
        let start = ctx.sentence.range.start + at;
        let end = start + name.len();
        let clause_end = end
            + ctx
                .between(end, ctx.sentence.range.end)
                .find(['，', '。', '；', ','])
                .unwrap_or(ctx.sentence.range.end - end);
        // `比值为2.34，比上年缩小0.05`: the move in the next clause, said against last year.
        let next_end = ctx.between(clause_end, ctx.sentence.range.end);
        let next = next_end
            .strip_prefix(['，', ','])
            .filter(|n| {
                ["比上年", "较上年", "同比"]
                    .iter()
                    .any(|w| n.starts_with(w))
            })
            .map_or(0, |n| {
                n.find(['，', '。', '；', ','])
                    .map_or(next_end.len(), |k| next_end.len() - n.len() + k)
            });
        let clause_end = clause_end + next;
        let clause = ctx.between(end, clause_end);
        let moves = [
            (&words.narrower, Direction::Down),
            (&words.wider, Direction::Up),
        ]
        .into_iter()
        .filter_map(|(list, dir)| rfind_any(clause, list).map(|(k, w)| (k, w, dir)))
        .min_by_key(|&(k, _, _)| k);
        let Some((k, w, direction)) = moves else {
            continue;
        };
        let said = ctx.between(ctx.clause_start(start), clause_end);
        if said.contains(['从', '由']) && !said.contains("上年")
            || !super::change::years_in(said).is_empty()
            || super::repeat::planned(ctx.between(ctx.sentence.range.start, start))
            || said.contains("以来")
        {
            continue;
        }
        let growth = |words: &str| -> Option<(usize, String)> {
            let words: Vec<&str> = words.split(',').map(str::trim).collect();
            let term = ctx.earlier_figures(start).find(|&i| {
                ctx.is_measure(i)
                    && !ctx.is_change(i)
                    && words.iter().any(|w| ctx.metric(i).ends_with(w))
            })?;
            let g = term + 1;
            let q = ctx.quantities.get(g)?;
            let gap = ctx.between(ctx.q(term).span.end, q.span.start);
            let wording = gap.trim_start_matches(['，', '、', ',']);
            let wording = ["比上年", "同比", "较上年"]
                .iter()
                .find_map(|p| wording.strip_prefix(p))
                .unwrap_or(wording);
            (q.kind == Kind::Percent
                && !q.range
                && ctx.vocab.change.up.iter().any(|u| u == wording))
            .then(|| (g, wording.to_string()))
        };
        let (Some((n, a)), Some((m, b))) = (growth(num), growth(den)) else {
            continue;
        };
        if a != b || n == m {
            continue;
        }
        let w_at = end + k;
        claims.push(Claim::RatioMove {
            name: start..end,
            numerator: n,
            denominator: m,
            direction,
            word: w_at..w_at + w.len(),
        });
    }
}

/// A bare number `s` whose clause names it before it (`城乡居民收入比为1.89`, `比值为2.34`), is
/// no change (`比上年缩小0.05`) and is not the value a ratio moved from (`由1.84:1缩小至`): the
/// words after it, past a `:1`, end the clause.
fn ratio_now(ctx: &Context, s: usize) -> bool {
    let after = ctx.between(ctx.q(s).span.end, ctx.sentence.range.end);
    let after = after
        .strip_prefix([':', '∶', '：'])
        .and_then(|a| a.strip_prefix('1'))
        .unwrap_or(after);
    !ctx.metric(s).is_empty()
        && !ctx.is_change(s)
        && (after.is_empty() || after.starts_with(['，', '。', '；', ',', ';', '、']))
}

/// `出生率6.25‰，死亡率4.65‰，自然增长率1.60‰`: a rate defined in `[rate] differences` as one
/// rate less another, both the nearest of their names in the sentence or the three before, all
/// three of one kind (‰, %). A stated negative rate is left alone: its sign says the direction.
pub fn defined_differences(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if !matches!(q.kind, Kind::Permille | Kind::Percent) || q.range || q.approx.is_some() {
            continue;
        }
        let metric = ctx.metric(s);
        let Some((name, minuend, subtrahend)) = ctx.vocab.rate.differences.iter().find_map(|d| {
            let (name, terms) = d.split_once('=')?;
            let (a, b) = terms.split_once('-')?;
            metric
                .ends_with(name.trim())
                .then(|| (name.trim(), a.trim(), b.trim()))
        }) else {
            continue;
        };
        let written = ctx.text[q.span.clone()].trim_start();
        if q.value.is_sign_negative() || written.starts_with(['-', '－', '−', '负']) {
            continue;
        }
        let term = |word: &str| {
            ctx.earlier_figures(q.span.start).find(|&i| {
                let t = ctx.q(i);
                t.kind == q.kind && !t.range && !ctx.is_change(i) && ctx.metric(i).ends_with(word)
            })
        };
        let (Some(to), Some(from)) = (term(minuend), term(subtrahend)) else {
            continue;
        };
        let end = ctx.metrics[s].end;
        claims.push(Claim::Change {
            stated: s,
            from,
            to,
            direction: Direction::Up,
            measure: ChangeMeasure::Difference,
            word: end - name.len()..end,
        });
    }
}

/// The four budget accounts (`一般公共预算`, `一般公共收入预算`…): their names hold 预算 without
/// naming a plan.
const ACCOUNTS: [&str; 4] = ["一般公共", "政府性基金", "国有资本经营", "社会保险基金"];

/// `实际完成139.3亿元，为调整预算的107.8%`: a completion rate, the actual figure of its clause
/// over the plan it names: the adjusted budget (the figure after `调整为`) or the budget (a
/// figure named 预算 other than as an account, `收入预算105万元`), nearest before it.
pub fn completions(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if q.kind != Kind::Percent || q.range {
            continue;
        }
        // `（其中：市本级为预算的100.6%…）` are rates of parts the text does not state.
        if !ctx.at_top_level(s) {
            continue;
        }
        let lead = ctx.clause_before(s).trim_end();
        let Some(plan) = ["预算数的", "预算的"]
            .iter()
            .find_map(|w| lead.strip_suffix(w))
        else {
            continue;
        };
        if !(plan.ends_with('为')
            || plan.ends_with("完成")
            || plan.ends_with("调整")
            || plan.ends_with("年初"))
        {
            continue;
        }
        let adjusted = plan.ends_with("调整");
        let level = |i: usize| {
            ctx.is_measure(i) && !ctx.is_change(i) && !ctx.is_average(i) && ctx.at_top_level(i)
        };
        let clause_start = ctx.clause_start(q.span.start);
        let Some(actual) = ctx.before(clause_start).rev().find(|&i| level(i)) else {
            continue;
        };
        let names_plan = |i: usize| {
            let before = ctx.clause_before(i);
            let set_to = [
                "调整为",
                "调整后为",
                "调整预算为",
                "调整后收入预算为",
                "调整后支出预算为",
            ]
            .iter()
            .any(|w| before.ends_with(w));
            if adjusted {
                return set_to;
            }
            let metric = ACCOUNTS.iter().fold(ctx.metric(i).to_string(), |m, a| {
                m.replace(&format!("{a}预算"), "")
            });
            !set_to && metric.contains("预算")
        };
        // The plan is of the actual's account and side (收入 or 支出) wherever both say it.
        let account = |i: usize| {
            let m = ctx.metric(i);
            (
                ACCOUNTS.into_iter().find(|a| m.contains(a)),
                ["收入", "支出"].into_iter().find(|a| m.contains(a)),
            )
        };
        let same = |a: Option<&str>, b: Option<&str>| a.zip(b).is_none_or(|(x, y)| x == y);
        let (actual_account, actual_side) = account(actual);
        let Some(budget) = ctx.earlier_figures(ctx.q(actual).span.start).find(|&i| {
            let (a, side) = account(i);
            i != actual
                && level(i)
                && ctx.comparable(i, actual)
                && names_plan(i)
                && same(a, actual_account)
                && same(side, actual_side)
        }) else {
            continue;
        };
        claims.push(Claim::Share {
            share: s,
            part: actual,
            whole: budget,
            named: true,
        });
    }
}

/// The share word before quantity `s` in its clause, with its offset, when `占` is not part of
/// another word (`侵占`, `占用`).
fn share_word<'v>(ctx: &'v Context, s: usize) -> Option<(usize, &'v str)> {
    let clause_start = ctx.clause_start(ctx.q(s).span.start);
    let before = ctx.clause_before(s);
    let (mut at, mut word) = rfind_any(before, &ctx.vocab.share.words)?;
    // `占全国就业人员比重为62.6%`: 占 names the whole that 比重 follows.
    if word != "占"
        && let Some(i) = before[..at].rfind('占')
    {
        (at, word) = (i, "占");
    }
    let at = clause_start + at;
    if word == "占" {
        let prev = ctx.text[..at]
            .chars()
            .next_back()
            .map(String::from)
            .unwrap_or_default();
        let next = ctx.text[at + word.len()..]
            .chars()
            .next()
            .map(String::from)
            .unwrap_or_default();
        // `占地面积` is land taken, `占地区生产总值` a share of the region's GDP.
        let region = ctx.text[at + word.len()..].starts_with("地区");
        if ctx.vocab.share.not_before.contains(&prev)
            || (ctx.vocab.share.not_after.contains(&next) && !region)
        {
            return None;
        }
    }
    Some((at, word))
}

/// `其中P，占W的X%`, `占比X%`, `比重为X%`: a share with its part and whole.
///
/// The whole is bound by the text only: named after 占 (`占出口总额的`, `占全国就业人员比重`) or
/// before 中 (`在移动电话用户中占比`) and matched to a figure of that name in this sentence or the
/// few before it; or, for a share with no name, the whole of the `其中` that holds the part. A
/// share whose whole is named but not stated (`占全省的18%`), or of a plan (`占总任务的106.8%`),
/// or that only stands near other figures, binds nothing.
pub fn shares(ctx: &Context, claims: &mut Vec<Claim>) {
    let mut last_named: Option<(usize, usize)> = None; // (part, whole) of the last named share
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if !matches!(q.kind, Kind::Percent | Kind::Fraction) || q.range {
            continue;
        }
        let Some((word_at, word)) = share_word(ctx, s) else {
            continue;
        };
        // `城镇化率（城镇人口占常住人口比重）为84.18%`: a gloss in brackets states the share
        // the figure after it is; its part is named inside.
        let gloss = ctx
            .tree
            .bracket_of(word_at)
            .map(|b| ctx.tree.brackets[b].inner(ctx.text))
            .filter(|inner| inner.end <= q.span.start);
        let clause_start = ctx
            .clause_start(word_at)
            .max(gloss.map_or(0, |inner| inner.start));
        let lead = ctx.between(clause_start, word_at);
        // The part: a figure in the clause before the share word; or, when the clause opens
        // with the share word, the last figure of the clause before; or, when the clause names
        // the part without its figure (`第二产业增加值比重为36.0%`), the figure of that name
        // stated before.
        let in_clause: Vec<usize> = ctx
            .before(word_at)
            .filter(|&i| ctx.q(i).span.start >= clause_start)
            .collect();
        let lead_name = strip_lead(lead);
        // `在移动电话用户中占比`: the lead names the whole, not the part.
        let lead_is_whole = lead.starts_with('在') && lead.ends_with('中');
        // `上年同期为4.5万辆` is last year's base, never what a later clause speaks of.
        let base = |i: usize| {
            let before = ctx.clause_before(i);
            ctx.vocab
                .change
                .previous
                .iter()
                .any(|w| before.ends_with(w.as_str()))
        };
        let level = |i: usize| ctx.is_measure(i) && !ctx.is_change(i) && !base(i);
        let part = match in_clause.last() {
            Some(&p) => Some(p),
            None if lead_name.is_empty() || lead_is_whole => {
                ctx.before(clause_start).rev().find(|&i| level(i))
            }
            None => ctx.earlier_figures(clause_start).find(|&i| {
                // `税收占比` names `税收收入` by its opening.
                let (m, l) = (core(ctx.metric(i)), core(lead_name));
                level(i) && (m == l || (l.chars().count() >= 2 && m.starts_with(l)))
            }),
        };
        let Some(part) = part.filter(|&p| ctx.is_measure(p)) else {
            continue;
        };
        let name = whole_name(ctx, word_at, word, s);
        // `占总任务7.35万亩的106.8%`: the whole stated inside the share, a plan's completion
        // rate, which may pass 100%.
        if let Some(whole) = stated_whole(ctx, word_at, s, part) {
            if same_basis(ctx, whole, part) {
                claims.push(Claim::Share {
                    share: s,
                    part,
                    whole,
                    named: true,
                });
            }
            continue;
        }
        if name.is_some_and(is_plan) {
            continue; // a completion rate, which may pass 100%
        }
        let whole = match name {
            Some(name) => {
                // `占全部工业资产总额的`, `占总人口的`: the whole of all, which no figure named
                // with a qualifier before the name (`国有工业资产总额`) is.
                let of_all = word == "占"
                    && ["全部", "总"]
                        .iter()
                        .any(|w| ctx.text[word_at + word.len()..].starts_with(w));
                named_whole(ctx, part, name, of_all)
            }
            None if lead_is_whole => None,
            None => qizhong_whole(ctx, claims, part).or_else(|| {
                // `第一产业…占GDP比重为5.0%，第二产业增加值比重为36.0%`: the whole named for the
                // first share of a run holds for the next.
                last_named
                    .filter(|&(p, _)| p != part && !lead_name.is_empty())
                    .map(|(_, w)| w)
            }),
        };
        let Some(whole) = whole.filter(|&w| ctx.comparable(w, part) && same_basis(ctx, w, part))
        else {
            continue;
        };
        // A part larger than the whole is not this pair (`占原有审批项目的69.3%`).
        if ctx
            .q(part)
            .interval
            .lo
            .zip(ctx.q(whole).interval.hi)
            .is_some_and(|(p, w)| p > w)
        {
            continue;
        }
        if name.is_some() {
            last_named = Some((part, whole));
        }
        claims.push(Claim::Share {
            share: s,
            part,
            whole,
            named: true,
        });
    }
}

/// Words of a bracket after a figure that state what it is counted on (`22431亿元（不含税）`).
/// A share of a figure on one basis in a whole on another (or on none stated) is not part ÷
/// whole as printed: the text has already converted it, so the printed figures cannot check it.
const BASES: &[&str] = &["不含税", "含税"];

fn basis(ctx: &Context, i: usize) -> Option<&'static str> {
    let rest = &ctx.text[ctx.q(i).span.end..];
    let inner = rest.strip_prefix('（').or_else(|| rest.strip_prefix('('))?;
    // An unclosed bracket is read for a few characters only.
    let inner = &inner[..inner.char_indices().nth(20).map_or(inner.len(), |(k, _)| k)];
    let inner = &inner[..inner.find(['）', ')']).unwrap_or(inner.len())];
    BASES.iter().copied().find(|w| inner.contains(w))
}

/// Whether `whole` and `part` are counted on one basis. A basis stated on a whole holds for a
/// part measured by the same metric that states none (`主营业务收入22431亿元（不含税）` and a
/// class's `…企业主营业务收入13863亿元`): it is said once, at the first mention.
fn same_basis(ctx: &Context, whole: usize, part: usize) -> bool {
    match (basis(ctx, whole), basis(ctx, part)) {
        (w, p) if w == p => true,
        (Some(_), None) => super::whole::common_suffix(ctx.metric(whole), ctx.metric(part)) >= 4,
        _ => false,
    }
}

/// The figure stated between 占 at `word_at` and share `s` (`占总任务7.35万亩的`), of the part's
/// unit.
fn stated_whole(ctx: &Context, word_at: usize, s: usize, part: usize) -> Option<usize> {
    let (from, to) = (word_at, ctx.q(s).span.start);
    let mut inside = ctx
        .sentence
        .quantities
        .iter()
        .copied()
        .filter(|&w| ctx.q(w).span.start > from && ctx.q(w).span.end <= to);
    let whole = inside.next()?;
    (inside.next().is_none()
        && ctx.is_measure(whole)
        && !ctx.is_change(whole)
        && ctx.comparable(whole, part)
        && ctx.between(ctx.q(whole).span.end, to).trim() == "的")
        .then_some(whole)
}

/// A whole named by one of these is a plan: its share is a completion rate, which may pass 100%.
const PLAN_WORDS: [&str; 3] = ["任务", "计划", "目标"];

/// The whole is a plan (`总任务`, `年度计划`, `调整预算`, `预算数`), not an account that a budget
/// names (`一般公共预算收入`).
fn is_plan(name: &str) -> bool {
    PLAN_WORDS.iter().any(|w| name.contains(w))
        || name.ends_with("预算")
        || name.ends_with("预算数")
}

/// The lead of a share clause without link and approximation words: the part's name, if any.
fn strip_lead(lead: &str) -> &str {
    let lead = without_qizhong(lead).trim_start_matches('，');
    let lead = [
        "大约", "约", "近", "将近", "接近", "超过", "不到", "不足", "达", "为", "的",
    ]
    .iter()
    .fold(lead, |l, w| l.trim_end_matches(w));
    lead.trim()
}

/// The whole a share names: `占出口总额的64.9%` → 出口总额, `占全国就业人员比重62.6%` → 全国就业人员,
/// `在移动电话用户中占比67.0%` → 移动电话用户.
fn whole_name<'t>(ctx: &Context<'t>, word_at: usize, word: &str, s: usize) -> Option<&'t str> {
    let text: &'t str = ctx.text;
    let from = word_at + word.len();
    let after = if word == "占" && from <= ctx.q(s).span.start {
        &text[from..ctx.q(s).span.start]
    } else {
        ""
    };
    // `占总人口比重（常住人口城镇化率）为`: the bracket glosses the share, not the whole; so does
    // `（城镇人口占常住人口比重）为`.
    let mut name = after.split(['（', '(', '）', ')']).next().unwrap_or(after);
    for w in [
        "的比重为",
        "的比重",
        "比重为",
        "比重",
        "的比例为",
        "的比例",
        "比例",
        "的",
        "为",
        "达",
    ] {
        name = name.strip_suffix(w).unwrap_or(name);
    }
    // `占总人口比重`: 总 says the whole, the name is 人口.
    if let Some(rest) = name.strip_prefix('总').filter(|r| r.chars().count() >= 2) {
        name = rest;
    }
    if !name.is_empty() {
        return Some(name);
    }
    // `在X中占比`: the whole before the share word.
    let clause = &text[ctx.clause_start(word_at).min(word_at)..word_at];
    let inside = clause.strip_suffix('中')?;
    let at = inside.rfind('在')?;
    Some(&inside[at + '在'.len_utf8()..]).filter(|n| !n.is_empty())
}

/// A metric without the words that set when and where it is counted (`年末全国就业人员` →
/// `就业人员`).
fn core(metric: &str) -> &str {
    let mut m = without_qizhong(metric);
    for w in [
        "全年", "年末", "年初", "全部", "全市", "全省", "全国", "全州", "全区", "全县", "全",
    ] {
        m = m.strip_prefix(w).unwrap_or(m);
    }
    // A figure is named by its metric, not by the verb that states it (`支出安排1043.86亿元`
    // is the 支出 a share of `占…支出的` names).
    ["安排", "完成", "实现", "达到"]
        .iter()
        .find_map(|w| m.strip_suffix(w).filter(|rest| rest.chars().count() >= 2))
        .unwrap_or(m)
}

/// The figure stated before `part` that a share names as its whole (`占出口总额的` → the
/// figure named 出口). The figures of the sentence and the few before it are read first, the best
/// named nearest; past them the nearest figure whose name is the named whole's or ends with it
/// (`全年地区生产总值` in the opening paragraph), exactly so for a whole of all (`占总人口的`).
fn named_whole(ctx: &Context, part: usize, name: &str, of_all: bool) -> Option<usize> {
    let level = |w: usize| ctx.is_measure(w) && !ctx.is_change(w) && !ctx.is_average(w);
    let whole = WholeName::new(name);
    let mut best: Option<(Naming, usize)> = None;
    let mut floor = part;
    for w in ctx.earlier_figures(ctx.q(part).span.start) {
        floor = floor.min(w);
        if w == part || !ctx.comparable(w, part) {
            continue;
        }
        let naming = whole.naming(figure_name(ctx, w));
        if naming > Naming::No && best.is_none_or(|(b, _)| naming > b) {
            best = Some((naming, w));
        }
    }
    if let Some((_, w)) = best {
        return Some(w);
    }
    // A figure that only ends with the name of a whole of all (`国有工业资产总额` for
    // `全部工业资产总额`) is a subset, and ends the search.
    // Far back only a name that holds the whole's bare name can be `Head` or `Same`: that is
    // tested first, as a substring, before the figure's kind and words.
    (floor.saturating_sub(MAX_FAR)..floor)
        .rev()
        .filter(|&w| ctx.comparable(w, part) && whole.may_name(figure_name(ctx, w)) && level(w))
        .map(|w| (w, whole.naming(figure_name(ctx, w))))
        .find(|&(_, n)| n >= Naming::Head)
        .filter(|&(_, n)| n == Naming::Same || !of_all)
        .map(|(w, _)| w)
}

/// How many figures before the paragraph a named whole is looked for.
const MAX_FAR: usize = 1500;

/// The name of figure `w`; a figure restated in another currency (`…11820亿元，增长4.2%，折1660亿
/// 美元`) has the name of the figure it restates.
fn figure_name<'t>(ctx: &Context<'t>, w: usize) -> &'t str {
    let text: &'t str = ctx.text;
    let own = &text[ctx.metrics[w].clone()];
    if !["折", "折合", "约合"].contains(&own) {
        return own;
    }
    (w.saturating_sub(MAX_RESTATED)..w)
        .rev()
        .take_while(|&i| {
            !ctx.between(ctx.q(i).span.end, ctx.q(w).span.start)
                .contains('。')
        })
        .find(|&i| ctx.is_measure(i) && !ctx.is_change(i))
        .map_or(own, |i| &text[ctx.metrics[i].clone()])
}

/// How many figures back a restated figure (`折1660亿美元`) looks for the one it restates.
const MAX_RESTATED: usize = 4;

/// How well a figure's name matches the whole a share names, worst to best.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Naming {
    No,
    /// One holds the other (`获得专利授权总量` for `专利授权量`), or the name leaves out one run
    /// of the figure's (`固定宽带接入用户` for `固定互联网宽带接入用户`).
    Within,
    /// The figure's name ends with the named whole (`货物进出口总额` for `进出口总额`).
    Head,
    /// The same name but for a total word (`出口` for `出口总额`, `进出口总值` for `全市进出口总值`).
    Same,
}

/// The whole a share names, read once for the many figures it is compared with.
struct WholeName<'n> {
    scope: Option<&'static str>,
    /// Its core (`core`), with GDP under one name (`gdp`).
    core: std::borrow::Cow<'n, str>,
}

impl<'n> WholeName<'n> {
    fn new(name: &'n str) -> Self {
        WholeName {
            scope: scope(name),
            core: ungrossed(gdp(core(name))),
        }
    }

    /// Whether `metric` can name this whole `Head` or better: it holds the bare name.
    fn may_name(&self, metric: &str) -> bool {
        gdp(metric).contains(bare(&self.core))
    }

    /// How `metric` names the whole: `全国就业人员` names `年末全国就业人员`, `R&D经费支出`
    /// names `经费支出`; `直报企业利润总额` does not name `股份制企业主营业务收入`.
    fn naming(&self, metric: &str) -> Naming {
        // `占全省地区生产总值的` is not the city's 全市地区生产总值, nor a figure that does not
        // say where it is counted.
        if self.scope.is_some_and(|s| scope(metric) != Some(s)) {
            return Naming::No;
        }
        let m = ungrossed(gdp(core(metric)));
        let (m, n) = (m.as_ref(), self.core.as_ref());
        if m.chars().count() < 2 || n.chars().count() < 2 {
            return Naming::No;
        }
        let (mb, nb) = (bare(m), bare(n));
        if mb == nb {
            Naming::Same
        } else if m.ends_with(n) {
            Naming::Head
        } else if m.contains(n) || n.ends_with(m) || abridges(m, n) {
            Naming::Within
        } else if !TOTAL_WORDS.iter().any(|w| n.ends_with(w)) && mb.contains(nb) {
            // `专利授权量` is found in `获得专利授权总量`; a name with a total word (`销售总额`) is
            // the total, not a figure that holds its bare word (`对终端销售额`).
            Naming::Within
        } else {
            Naming::No
        }
    }
}

/// The area a name is counted over (`全省`, `全市`), when it says.
fn scope(name: &str) -> Option<&'static str> {
    let name = without_qizhong(name);
    let name = ["全年", "年末", "年初"]
        .iter()
        .fold(name, |n, w| n.strip_prefix(w).unwrap_or(n));
    ["全国", "全省", "全市", "全州", "全区", "全县"]
        .into_iter()
        .find(|w| name.starts_with(w))
}

/// Words that make a name the total of what it names.
const TOTAL_WORDS: [&str; 4] = ["总额", "总值", "总量", "总数"];

/// A name without the word that makes it a total or an amount (`出口总额` → `出口`, `专利授权量`
/// → `专利授权`), keeping two characters at least.
fn bare(name: &str) -> &str {
    let strip = |words: &[&str]| {
        words.iter().find_map(|w| {
            name.strip_suffix(w)
                .filter(|rest| rest.chars().count() >= 2)
        })
    };
    strip(&TOTAL_WORDS)
        .or_else(|| strip(&["额", "值", "量", "数"]))
        .unwrap_or(name)
}

/// `name` is `metric` with one run of characters left out, keeping two characters of each end
/// (`固定宽带接入用户` for `固定互联网宽带接入用户`).
fn abridges(metric: &str, name: &str) -> bool {
    let (m, n): (Vec<char>, Vec<char>) = (metric.chars().collect(), name.chars().collect());
    if n.len() < 4 || m.len() <= n.len() {
        return false;
    }
    let head = m.iter().zip(&n).take_while(|(a, b)| a == b).count();
    let tail = m
        .iter()
        .rev()
        .zip(n.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    head >= 2 && tail >= 2 && head + tail >= n.len()
}

/// A name without the 总 of a gross amount (`主营业务总收入` → `主营业务收入`, `工业总产值` →
/// `工业产值`): reports write one figure either way.
fn ungrossed(name: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = name.chars().collect();
    let n = chars.len();
    if n >= 5 && chars[n - 3] == '总' {
        let mut out: String = chars[..n - 3].iter().collect();
        out.extend(&chars[n - 2..]);
        return out.into();
    }
    name
}

/// A region's GDP is its 地区生产总值; reports name it 国内生产总值 or GDP as well.
fn gdp(metric: &str) -> std::borrow::Cow<'_, str> {
    // Asked of every figure a named whole is looked for among: a name without 值 or G holds
    // none of the three, and is told by two byte searches rather than three substring searches.
    if !metric.contains('值') && !metric.as_bytes().contains(&b'G') {
        return metric.into();
    }
    match ["国内生产总值", "地区生产总值", "GDP"]
        .iter()
        .find(|w| metric.contains(*w))
    {
        Some(w) => metric.replace(w, "生产总值").into(),
        None => metric.into(),
    }
}

/// The whole of the `其中` that holds `part`, unless that whole carries a share with no name
/// of its own right after it (`60周岁及以上人口114.4万人，占比21.4%，其中…占比15.3%`: both are shares of a
/// total the text does not state).
fn qizhong_whole(ctx: &Context, claims: &[Claim], part: usize) -> Option<usize> {
    let whole = claims
        .iter()
        .find_map(|c| match c {
            Claim::Parts { whole, parts, .. } if parts.contains(&part) => Some(*whole),
            _ => None,
        })
        // A part listed in an earlier `；` piece (`其中住户存款…、占28.5%；非金融企业存款…、占31.2%`).
        .or(ctx.part_of[part])?;
    let whole_shared = claims
        .iter()
        .any(|c| matches!(c, Claim::Share { part, .. } if *part == whole))
        || (whole + 1..part)
            .take_while(|&i| !ctx.is_measure(i))
            .any(|i| {
                ctx.q(i).kind == Kind::Percent
                    && share_word(ctx, i).is_some_and(|(at, w)| whole_name(ctx, at, w, i).is_none())
            });
    (!whole_shared).then_some(whole)
}

/// Percentages that cannot pass 100%: rates and shares, and falls.
pub fn bounded(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if q.kind != Kind::Percent {
            continue;
        }
        let metric = ctx.metric(s);
        // `增长率为180%`: a rise has no bound.
        if ctx.change_direction(s) == Some(Direction::Up) {
            continue;
        }
        // `占总任务7.35万亩的106.8%`: a share of a plan is a completion rate.
        if share_word(ctx, s).is_some_and(|(at, w)| whole_name(ctx, at, w, s).is_some_and(is_plan))
        {
            continue;
        }
        if metric.ends_with('率')
            || metric.ends_with("占比")
            || metric.ends_with("比重")
            || metric.ends_with("比例")
            || share_word(ctx, s).is_some()
        {
            claims.push(Claim::Bounded {
                value: s,
                bound: super::Bound::Share {
                    name: ctx.metrics[s].clone(),
                },
            });
            continue;
        }
        let before = strip_fillers(ctx.clause_before(s), &ctx.vocab.change.fillers);
        if let Some(word) = ends_with_any(before, &ctx.vocab.change.down) {
            let end = ctx.clause_start(q.span.start) + before.len();
            claims.push(Claim::Bounded {
                value: s,
                bound: Bound::Decline {
                    word: end - word.len()..end,
                },
            });
        }
    }
}

/// `text` without the filler words at its end (`增长了约` → `增长`).
pub fn strip_fillers<'t>(mut text: &'t str, fillers: &Words) -> &'t str {
    while let Some(f) = ends_with_any(text, fillers) {
        text = &text[..text.len() - f.len()];
    }
    text
}

/// `共审结案件37件，调解率43.7%`: a rate stated with one exact count, its denominator, and no
/// numerator. Some percentages no integer numerator can produce (the GRIM test).
pub fn granular(ctx: &Context, claims: &mut Vec<Claim>) {
    let rated: Vec<usize> = claims
        .iter()
        .filter_map(|c| match c {
            Claim::Rate { rate, .. } => Some(*rate),
            _ => None,
        })
        .collect();
    let has_rate = |s: usize| rated.contains(&s);
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        let metric = ctx.metric(s);
        if q.kind != Kind::Percent || q.range || q.approx.is_some() || has_rate(s) {
            continue;
        }
        if !(metric.ends_with('率') || metric.ends_with("占比") || metric.ends_with("比例")) {
            continue;
        }
        // A range of a count (`受理七八百件`, `300至500件`) is a count too: with it there, the
        // one exact count is no longer the only candidate for the denominator.
        let counts: Vec<usize> = ctx
            .before(q.span.start)
            .filter(|&i| ctx.q(i).kind == Kind::Count && (ctx.q(i).exact || ctx.q(i).range))
            .collect();
        // The count must be written in digits, be more than a handful, and be named like the rate
        // (`审结案件37件` for `结案率`): otherwise it is likely the count of something else.
        let name: Vec<char> = metric.trim_end_matches('率').chars().collect();
        let shared = |m: &str| name.iter().filter(|c| m.contains(**c)).count();
        let plausible = |d: usize| {
            let q = ctx.q(d);
            ctx.text[q.span.clone()].starts_with(|c: char| c.is_ascii_digit())
                && q.value >= rust_decimal::Decimal::TEN
                && shared(ctx.metric(d)) >= 2
        };
        // The rate follows its count with no other figure between (`普通高中99所，在校生18.32万
        // 人，高中阶段毛入学率…` is no rate over schools), and a rate of people (`人口覆盖率`) is
        // not over a count of other things (`广播节目13套`).
        let adjacent = |d: usize| !ctx.sentence.quantities.iter().any(|&i| i > d && i < s);
        let of_people = |d: usize| {
            !metric.contains("人口") || matches!(ctx.q(d).unit_text(ctx.text), Some("人" | "人次"))
        };
        if let [denominator] = counts.as_slice()
            && ctx.q(*denominator).exact
            && plausible(*denominator)
            && adjacent(*denominator)
            && of_people(*denominator)
        {
            claims.push(Claim::Granular {
                rate: s,
                denominator: *denominator,
            });
        }
    }
}
