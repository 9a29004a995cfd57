//! Rates (`结案率99.4%`), shares (`占…的64.9%`) and figures that cannot pass 100%.

use super::sentence::Context;
use super::vocabulary::{ends_with_any, rfind_any};
use super::{Bound, Claim};
use crate::number::Kind;

/// `X率 P%` after two counts of one unit: a rate with its numerator and denominator. Each pair
/// of counts serves the first rate after it only (`结案率95.3%，审限内结案率保持100%`: the second
/// rate has a denominator of its own that the text does not give).
pub fn rates(ctx: &Context, claims: &mut Vec<Claim>) {
    let mut floor = ctx.sentence.range.start;
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if q.kind != Kind::Percent || q.range || !ctx.metric(s).ends_with('率') {
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

/// The share word before quantity `s` in its clause, with its offset, when `占` is not part of
/// another word (`侵占`, `占用`).
fn share_word<'v>(ctx: &'v Context, s: usize) -> Option<(usize, &'v str)> {
    let clause_start = ctx.clause_start(ctx.q(s).span.start);
    let before = ctx.clause_before(s);
    let (at, word) = rfind_any(before, &ctx.vocab.share.words)?;
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
        if ctx.vocab.share.not_before.contains(&prev) || ctx.vocab.share.not_after.contains(&next) {
            return None;
        }
    }
    Some((at, word))
}

/// `其中P，占W的X%`, `占比X%`, `比重为X%`: a share with its part and whole.
pub fn shares(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if !matches!(q.kind, Kind::Percent | Kind::Fraction) || q.range {
            continue;
        }
        let Some((word_at, word)) = share_word(ctx, s) else {
            continue;
        };
        let clause_start = ctx.clause_start(word_at);
        // The part: a figure in the clause before the share word, or, when the clause opens with
        // the share word, the last figure of the clause before.
        let in_clause: Vec<usize> = ctx
            .before(word_at)
            .filter(|&i| ctx.q(i).span.start >= clause_start)
            .collect();
        let part = match in_clause.last() {
            Some(&p) => p,
            None => {
                let lead = ctx.between(clause_start, word_at);
                let lead = lead.trim_start_matches("其中");
                let lead = [
                    "大约", "约", "近", "将近", "接近", "超过", "不到", "不足", "达",
                ]
                .iter()
                .fold(lead, |l, w| l.trim_end_matches(w));
                if !lead.is_empty() {
                    continue; // `秋粮占七成`: the part is named but not stated
                }
                match ctx.before(clause_start).last() {
                    Some(p) => p,
                    None => continue,
                }
            }
        };
        if !ctx.is_measure(part) {
            continue;
        }
        // The whole: named after 占 (`占出口总额的`), or the figure before 其中, or the first
        // comparable figure of the sentence.
        // `占出口总额的64.9%`, `占世界60%以上`: the whole named between 占 and the figure.
        let named_whole = (word == "占")
            .then(|| {
                ctx.between(word_at + word.len(), q.span.start)
                    .trim_end_matches('的')
            })
            .filter(|n| !n.is_empty());
        let candidates: Vec<usize> = ctx
            .before(ctx.q(part).span.start)
            .filter(|&w| ctx.comparable(w, part))
            .collect();
        let by_name = named_whole.and_then(|name| {
            candidates
                .iter()
                .copied()
                .map(|w| (w, common_run(ctx.metric(w), name)))
                .filter(|&(_, n)| n >= 2)
                .max_by_key(|&(w, n)| (n, w))
                .map(|(w, _)| w)
        });
        let before_qizhong = candidates.iter().copied().rev().find(|&w| {
            ctx.between(ctx.q(w).span.end, ctx.q(part).span.start)
                .contains("其中")
        });
        let (whole, named) = match (named_whole, by_name, before_qizhong, candidates.first()) {
            (_, Some(w), _, _) => (w, true),
            // `占世界60%以上`: the whole named is not among the figures stated.
            (Some(_), None, _, _) => continue,
            (None, None, Some(w), _) => (w, true),
            (None, None, None, Some(&w)) => (w, false),
            _ => continue,
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
        claims.push(Claim::Share {
            share: s,
            part,
            whole,
            named,
        });
    }
}

/// The longest run of characters of `name` that occurs in `metric`.
fn common_run(metric: &str, name: &str) -> usize {
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    let mut best = 0;
    for (i, &(start, _)) in chars.iter().enumerate() {
        for (j, &(end, c)) in chars.iter().enumerate().skip(i) {
            let end = end + c.len_utf8();
            if j + 1 - i > best && metric.contains(&name[start..end]) {
                best = j + 1 - i;
            }
        }
    }
    best
}

/// Percentages that cannot pass 100%: rates and shares, and falls.
pub fn bounded(ctx: &Context, claims: &mut Vec<Claim>) {
    for &s in &ctx.sentence.quantities {
        let q = ctx.q(s);
        if q.kind != Kind::Percent {
            continue;
        }
        let metric = ctx.metric(s);
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
pub fn strip_fillers<'t>(mut text: &'t str, fillers: &[String]) -> &'t str {
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
        let counts: Vec<usize> = ctx
            .before(q.span.start)
            .filter(|&i| ctx.q(i).kind == Kind::Count && ctx.q(i).exact)
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
        if let [denominator] = counts.as_slice()
            && plausible(*denominator)
        {
            claims.push(Claim::Granular {
                rate: s,
                denominator: *denominator,
            });
        }
    }
}
