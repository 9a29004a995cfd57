//! Balances: a fund's income less its spending (`收支相抵，年终结转C`, `当年结余C`), a trade
//! balance (`顺差`, `逆差`), and what is left of an income once named amounts are taken out
//! (`收入A，减去B，支出安排C`).

use super::sentence::Context;
use super::vocabulary::{ends_with_any, starts_with_any};
use super::{ChangeMeasure, Claim, Direction};

/// The two sides of a fund's statement.
const INCOME: &str = "收入";
const SPENDING: &str = "支出";

/// `收入总计A…。…支出总计B。收支相抵，年终结转C。`, `当年收入A、支出B，当年结余C`: the balance
/// of a fund is its income less its spending. The spending is the nearest figure before the
/// balance, the income the nearest before the spending side; each is the side's total
/// (`收入总计`) or a figure named by the side and not added to anything (`支出B`, `实际完成B`
/// after `支出预算…`). A balance with another term beside it (`结转X，调入稳定调节基金Y`) is X + Y,
/// not read.
pub fn balances(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let clause_start = ctx.clause_start(ctx.q(s).span.start);
        if let Some(claim) = trade_balance(ctx, s, clause_start) {
            claims.push(claim);
            continue;
        }
        if let Some(claim) = net_of(ctx, s, clause_start) {
            claims.push(claim);
            continue;
        }
        let Some((word, own_sentence, gap)) = balance_word(ctx, s, clause_start) else {
            continue;
        };
        // What follows a gap says how it is filled (`通过调入资金A、动用B弥补`), not a term of it.
        if !gap && another_term(ctx, s) {
            continue;
        }
        let Some((income, spending)) = fund_sides(ctx, s, clause_start) else {
            continue;
        };
        let here = |i: usize| ctx.sentence.quantities.contains(&i);
        if own_sentence && !(here(income) && here(spending)) {
            continue;
        }
        let (from, to) = if gap {
            (income, spending)
        } else {
            (spending, income)
        };
        claims.push(Claim::Change {
            stated: s,
            from,
            to,
            direction: Direction::Up,
            measure: ChangeMeasure::Difference,
            word,
        });
    }
}

/// The balance word right before figure `s` (`年终结转`, `当年结余`, `结余`), and whether its
/// income and spending must stand in its own sentence: a bare `结余`/`结转` is a balance only
/// there, a qualified one (`收支结余`, or after `收支相抵`) also of the sentences before; and
/// whether it is a gap (`收支缺口`), the spending less the income. A bare `缺口` is one only after
/// `收支相抵`.
fn balance_word(
    ctx: &Context,
    s: usize,
    clause_start: usize,
) -> Option<(std::ops::Range<usize>, bool, bool)> {
    // The clause before `s`, from its start already found.
    let lead = ctx
        .between(clause_start, ctx.q(s).span.start)
        .trim_end_matches(['为', '达', ' ']);
    let whole = &ctx.vocab.whole;
    let (word, gap) = match ends_with_any(lead, &whole.balance) {
        Some(w) => (w, false),
        // Most figures follow no balance word: only one ending 口 may be a gap.
        None if lead.ends_with('口') => (ends_with_any(lead, &whole.gap)?, true),
        None => return None,
    };
    let qualifier = &lead[..lead.len() - word.len()];
    let after_offset = qualifier.strip_suffix("收支相抵后").is_some() || qualifier.is_empty();
    if !after_offset {
        return None;
    }
    // The word shown is the balance itself (`结转`, `结余`, `缺口`), whatever qualifies it.
    let core = ["结转", "结余", "缺口"]
        .iter()
        .filter_map(|w| word.rfind(w))
        .max()
        .unwrap_or(0);
    let at = clause_start + lead.len() - word.len() + core;
    // 收支相抵 opens the balance's clause or stands in the one before.
    let before = ctx
        .previous_clause(clause_start)
        .map_or("", |c| ctx.between(c.start, c.end));
    let offset = qualifier.contains("收支相抵") || before.starts_with("收支相抵");
    if gap && word == "缺口" && !offset {
        return None;
    }
    let bare = ["结余", "结转", "缺口"].contains(&word);
    Some((at..at + "结转".len(), bare && !offset, gap))
}

/// A figure after the balance in its sentence that is neither a stock (`年末累计结余`,
/// `滚存结余`) nor of another unit: the balance is then one term of several.
fn another_term(ctx: &Context, s: usize) -> bool {
    ctx.sentence
        .quantities
        .iter()
        .copied()
        .filter(|&i| i > s && ctx.comparable(i, s) && ctx.is_measure(i) && ctx.at_top_level(i))
        .any(|i| {
            let naming = naming(ctx, i);
            !naming.contains("累计") && !naming.contains("滚存")
        })
}

/// The income and spending a balance at `s` is the difference of.
fn fund_sides(ctx: &Context, s: usize, clause_start: usize) -> Option<(usize, usize)> {
    let level = |i: usize| {
        ctx.is_measure(i)
            && !ctx.is_change(i)
            && !ctx.is_average(i)
            && ctx.comparable(i, s)
            && ctx.at_top_level(i)
    };
    let mut earlier = ctx.earlier_figures(clause_start).filter(|&i| level(i));
    let spending = earlier.next()?;
    if !stands_for(ctx, spending, SPENDING) {
        return None;
    }
    // Past the rest of the spending side (its items, named or not, and its budget), to the
    // income side's last figure.
    let income = earlier.find(|&i| side(ctx, i) == Some(INCOME))?;
    if !stands_for(ctx, income, INCOME) {
        return None;
    }
    let alike = outturn(ctx, income) == outturn(ctx, spending)
        && one_fund(naming(ctx, income), naming(ctx, spending));
    (alike && one_level(ctx, income, s)).then_some((income, spending))
}

/// Figure `i` is named only as the outturn of its side (`实际完成`): then the other side's must
/// be its outturn too, not a budget.
fn outturn(ctx: &Context, i: usize) -> bool {
    let naming = naming(ctx, i);
    ctx.vocab.whole.outturn.iter().any(|w| naming == w.as_str())
}

/// Income and spending named with a fund of their own (`国有资本经营预算收入`, `政府性基金预算
/// 支出`) are of one fund: the words before 收入 and 支出 share a run of four characters, or one
/// holds the other. Short or missing fund names (`当年收入`, `支出`) are not compared.
fn one_fund(income: &str, spending: &str) -> bool {
    let stem = |naming: &str, side_word: &str| {
        naming
            .rfind(side_word)
            .map_or("", |k| &naming[..k])
            .to_string()
    };
    let (a, b) = (stem(income, INCOME), stem(spending, SPENDING));
    let short = |x: &str| x.chars().count() < 4;
    short(&a)
        || short(&b)
        || a.contains(b.as_str())
        || b.contains(a.as_str())
        || super::whole::common_run(&a, &b) >= 4
}

/// Figure `i` is the whole of its side of the statement: its total (`支出总计`), or a figure
/// named by the side (`一般公共预算支出`, or `实际完成` in a clause after `支出预算…`) with
/// nothing added to or taken from anything before it in its sentence, and no part of a 其中.
fn stands_for(ctx: &Context, i: usize, side_word: &str) -> bool {
    let naming = naming(ctx, i);
    let other = if side_word == INCOME {
        SPENDING
    } else {
        INCOME
    };
    let total = ctx
        .vocab
        .whole
        .sum
        .iter()
        .any(|w| naming.ends_with(&format!("{side_word}{w}")));
    if total {
        return true;
    }
    let named = (naming.contains(side_word) && !naming.contains(other))
        || (outturn(ctx, i) && side(ctx, i) == Some(side_word));
    let opening = major_before(ctx, i);
    let adjusted = super::whole::plus_word(opening).is_some()
        || ctx
            .vocab
            .whole
            .minus
            .iter()
            .any(|w| opening.contains(w.as_str()));
    named && !adjusted && !ctx.under_qizhong(i)
}

/// The words naming figure `i`: from the previous figure or punctuation, link words kept.
fn naming<'c>(ctx: &'c Context, i: usize) -> &'c str {
    ctx.between(ctx.metrics[i].start, ctx.q(i).span.start)
        .trim_matches(|c: char| c.is_whitespace() || c == '为' || c == '达')
}

/// The side (`收入` or `支出`) last named before figure `i` in its major clause.
fn side(ctx: &Context, i: usize) -> Option<&'static str> {
    let opening = major_before(ctx, i);
    let at = |w: &str| opening.rfind(w);
    match (at(INCOME), at(SPENDING)) {
        (Some(a), Some(b)) => Some(if a > b { INCOME } else { SPENDING }),
        (Some(_), None) => Some(INCOME),
        (None, Some(_)) => Some(SPENDING),
        (None, None) => None,
    }
}

/// The text of figure `i`'s major clause (after the last `。` or `；`) up to the figure.
fn major_before<'c>(ctx: &'c Context, i: usize) -> &'c str {
    let start = ctx.q(i).span.start;
    let sentence_start = std::iter::once(ctx.sentence)
        .chain(ctx.earlier.iter())
        .find(|s| s.range.contains(&start))
        .map_or(start, |s| s.range.start);
    let opening = ctx.between(sentence_start, start);
    match opening.rfind(['；', ';']) {
        Some(k) => &opening[k + opening[k..].chars().next().map_or(0, char::len_utf8)..],
        None => opening,
    }
}

/// Income, spending and balance are of one level of government: from the income's sentence to
/// the balance, at most one level is named (`全市`, or `市本级`, never both).
fn one_level(ctx: &Context, income: usize, s: usize) -> bool {
    let start = ctx.q(income).span.start;
    let from = std::iter::once(ctx.sentence)
        .chain(ctx.earlier.iter())
        .find(|x| x.range.contains(&start))
        .map_or(start, |x| x.range.start);
    let span = ctx.between(from, ctx.q(s).span.start);
    let levels = &ctx.vocab.whole.levels;
    let named: Vec<&String> = levels
        .iter()
        .filter(|w| span.contains(w.as_str()))
        .filter(|w| {
            !levels
                .iter()
                .any(|v| v != *w && v.contains(w.as_str()) && span.contains(v.as_str()))
        })
        .collect();
    named.len() <= 1
}

/// `出口A…；进口B…。…逆差C`: a trade balance is exports less imports (`顺差`) or imports less
/// exports (`逆差`), the nearest of each before it, of the balance's unit. A gloss in brackets
/// after the word (`顺差（进口小于出口）`) does not change it.
fn trade_balance(ctx: &Context, s: usize, clause_start: usize) -> Option<Claim> {
    let lead = unglossed(
        ctx.between(clause_start, ctx.q(s).span.start)
            .trim_end_matches(['为', '达']),
    );
    let (word, surplus) = [("顺差", true), ("逆差", false)]
        .into_iter()
        .find(|(w, _)| lead.ends_with(w))?;
    let word_at = clause_start + lead.len() - word.len();
    let flow = |name: &str| {
        ctx.earlier_figures(clause_start).find(|&i| {
            let metric = ctx.metric(i);
            ctx.is_measure(i)
                && !ctx.is_change(i)
                && ctx.comparable(i, s)
                && metric.contains(name)
                && !metric.contains("进出口")
        })
    };
    let (exports, imports) = (flow("出口")?, flow("进口")?);
    let (from, to) = if surplus {
        (imports, exports)
    } else {
        (exports, imports)
    };
    Some(Claim::Change {
        stated: s,
        from,
        to,
        direction: Direction::Up,
        measure: ChangeMeasure::Difference,
        word: word_at..word_at + word.len(),
    })
}

/// A name without a gloss in brackets at its end (`顺差（进口小于出口）` → `顺差`).
fn unglossed(name: &str) -> &str {
    name.strip_suffix(['）', ')'])
        .and_then(|inner| inner.rfind(['（', '(']).map(|open| &inner[..open]))
        .unwrap_or(name)
}

/// `收入A，减去B，支出安排C`: C is A less what the clause before takes out. Three clauses in a
/// row: one figure A, a clause opening with `减去` whose figures are all taken out, and C's.
/// Nothing is added to A (`加上…，减去…` is a sum of both signs, not read). One amount taken
/// out makes a difference, several a total (A = C + B1 + B2).
fn net_of(ctx: &Context, c: usize, clause_start: usize) -> Option<Claim> {
    let std::ops::Range {
        start: minus_start,
        end: minus_end,
    } = ctx.previous_clause(clause_start)?;
    let minus_clause = ctx.between(minus_start, minus_end);
    starts_with_any(minus_clause, &ctx.vocab.whole.minus)?;
    // The word is looked for first: it is rare, and `plain_level` reads the sentences before.
    if minus_start <= ctx.sentence.range.start || !plain_level(ctx, c, c) {
        return None;
    }
    let std::ops::Range {
        start: base_start,
        end: base_end,
    } = ctx.previous_clause(minus_start)?;
    let in_range = |from: usize, to: usize| {
        ctx.before(to)
            .filter(move |&i| ctx.q(i).span.start >= from)
            .collect::<Vec<_>>()
    };
    let taken = in_range(minus_start, minus_end);
    let base = in_range(base_start, base_end);
    let comparable = |i: usize| ctx.comparable(i, c);
    let base: Vec<usize> = base.into_iter().filter(|&i| comparable(i)).collect();
    if taken.is_empty()
        || !taken.iter().all(|&i| plain_level(ctx, i, c))
        || base.len() != 1
        || !plain_level(ctx, base[0], c)
        || in_range(clause_start, ctx.q(c).span.start)
            .iter()
            .any(|&i| comparable(i))
        || super::whole::plus_word(ctx.between(ctx.sentence.range.start, minus_start)).is_some()
    {
        return None;
    }
    let a = base[0];
    if let [b] = taken[..] {
        // What is left is named by its own clause (`支出安排`), not by 减去.
        return Some(Claim::Change {
            stated: c,
            from: b,
            to: a,
            direction: Direction::Up,
            measure: ChangeMeasure::Difference,
            word: ctx.metrics[c].clone(),
        });
    }
    Some(Claim::Total {
        total: a,
        parts: taken.into_iter().chain(std::iter::once(c)).collect(),
        over_years: false,
        rounded: false,
    })
}

/// Figure `i` is an amount of `c`'s unit, a level (not a change or an average) outside brackets.
fn plain_level(ctx: &Context, i: usize, c: usize) -> bool {
    ctx.is_measure(i)
        && ctx.comparable(i, c)
        && !ctx.is_change(i)
        && !ctx.is_average(i)
        && ctx.at_top_level(i)
        && !ctx.under_qizhong(i)
}
