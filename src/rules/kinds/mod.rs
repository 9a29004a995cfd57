//! Rule kinds: one small module each, holding the arithmetic of one kind of check.

mod annual;
mod approx_direction;
mod arity;
mod bounds;
mod composition;
mod count;
mod difference;
mod direction;
mod granularity;
mod growth;
mod magnitude;
mod multiple;
pub(crate) mod notice;
mod part_whole;
mod per_capita;
mod period;
mod points;
mod ranking;
mod ratio;
mod repeat;
mod share;
mod share_wording;
mod sum;
mod threshold;
mod trend;

use serde::de::DeserializeOwned;

use super::{Label, RuleKind};
use crate::claim::Facts;
use crate::number::Quantity;
use crate::number::numeral::scale_factor;

pub const NAMES: &[&str] = &[
    "annual",
    "approx-direction",
    "arity",
    "bounds",
    "composition",
    "count",
    "difference",
    "direction",
    "granularity",
    "growth",
    "magnitude",
    "multiple",
    "notice",
    "part-whole",
    "per-capita",
    "period",
    "points",
    "ranking",
    "ratio",
    "repeat",
    "share",
    "share-wording",
    "sum",
    "threshold",
    "trend",
];

/// The checker of a kind, with its parameters.
pub fn compile(kind: &str, params: &toml::Table) -> Result<Box<dyn RuleKind>, String> {
    Ok(match kind {
        "annual" => Box::new(annual::Annual::new(no_params(params)?)),
        "approx-direction" => Box::new(approx_direction::ApproxDirection::new(no_params(params)?)),
        "composition" => Box::new(composition::Composition::new(no_params(params)?)),
        "count" => Box::new(count::Count::new(no_params(params)?)),
        "difference" => Box::new(difference::Difference::new(no_params(params)?)),
        "granularity" => Box::new(granularity::Granularity::new(no_params(params)?)),
        "magnitude" => Box::new(magnitude::Magnitude::new(no_params(params)?)),
        "per-capita" => Box::new(per_capita::PerCapita::new(no_params(params)?)),
        "period" => Box::new(period::Period::new(no_params(params)?)),
        "ranking" => Box::new(ranking::Ranking::new(no_params(params)?)),
        "repeat" => Box::new(repeat::Repeat::new(no_params(params)?)),
        "share-wording" => Box::new(share_wording::ShareWording::new(no_params(params)?)),
        "threshold" => Box::new(threshold::Threshold::new(no_params(params)?)),
        "trend" => Box::new(trend::Trend::new(no_params(params)?)),
        "arity" => Box::new(arity::Arity::new(no_params(params)?)),
        "bounds" => Box::new(bounds::Bounds::new(params_of(params)?)),
        "direction" => Box::new(direction::Direction::new(no_params(params)?)),
        "growth" => Box::new(growth::Growth::new(no_params(params)?)),
        "multiple" => Box::new(multiple::Multiple::new(params_of(params)?)),
        "notice" => Box::new(notice::Notice::new(params_of(params)?)?),
        "part-whole" => Box::new(part_whole::PartWhole::new(no_params(params)?)),
        "points" => Box::new(points::Points::new(no_params(params)?)),
        "ratio" => Box::new(ratio::Ratio::new(params_of(params)?)),
        "share" => Box::new(share::Share::new(no_params(params)?)),
        "sum" => Box::new(sum::Sum::new(params_of(params)?)),
        other => {
            return Err(format!(
                "unknown kind `{other}` (kinds: {})",
                NAMES.join(", ")
            ));
        }
    })
}

fn params_of<T: DeserializeOwned>(params: &toml::Table) -> Result<T, String> {
    toml::Value::Table(params.clone())
        .try_into()
        .map_err(|e: toml::de::Error| format!("params: {}", e.message()))
}

/// Kinds without parameters still refuse unknown ones, so a typo is an error.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoParams {}

fn no_params(params: &toml::Table) -> Result<NoParams, String> {
    params_of(params)
}

/// The text of quantity `i`.
fn text<'a>(f: &Facts<'a>, i: usize) -> &'a str {
    &f.text[f.quantities[i].span.clone()]
}

fn q<'f>(f: &'f Facts, i: usize) -> &'f Quantity {
    &f.quantities[i]
}

/// A label on quantity `i` naming its role, with its metric phrase when it has one:
/// `分母（受理案件）`.
fn label(f: &Facts, i: usize, role: &str) -> Label {
    let metric = short_metric(f, i);
    let text = if metric.is_empty() {
        role.to_string()
    } else {
        format!("{role}（{metric}）")
    };
    Label::new(f.quantities[i].span.clone(), text)
}

/// Words at the end of a metric phrase that link it to its figure rather than name it.
const LINKING: &[&str] = &[
    "增长到",
    "增加到",
    "提高到",
    "下降到",
    "减少到",
    "增至",
    "降至",
    "提高至",
    "下降至",
    "增长",
    "增加",
    "提高",
    "上升",
    "下降",
    "减少",
    "降低",
    "由",
    "从",
    "至",
    "到",
    "的",
    "为",
    "比上年",
    "较上年",
    "上年同期",
    "上年",
    "分别为",
    "分别",
    "依次为",
    "和",
    "及",
    "与",
    "、",
    "同比",
    "其中",
];

/// The longest metric name a label shows whole, in characters; a longer phrase is most often a
/// clause rather than a name, and is shown by its head and its tail around an ellipsis.
const LABEL_NAME_CHARS: usize = 24;

/// `rest` without the four digits of a year at its end (ASCII or fullwidth).
fn without_year_digits(rest: &str) -> Option<&str> {
    let mut cut = rest.len();
    for _ in 0..4 {
        let c = rest[..cut].chars().next_back()?;
        if !c.is_ascii_digit() && !('０'..='９').contains(&c) {
            return None;
        }
        cut -= c.len_utf8();
    }
    Some(&rest[..cut])
}

/// A base written as a comparison with a period (`比2012年的`, `比上年末`, `较去年同期`): it
/// names when, not what, so the label names no metric.
fn is_comparison(m: &str) -> bool {
    let Some(rest) = ["同比", "比", "较"].iter().find_map(|w| m.strip_prefix(w)) else {
        return false;
    };
    rest.chars().all(|c| {
        c.is_ascii_digit()
            || ('０'..='９').contains(&c)
            || "年月日末底初上去前同期季度半今本".contains(c)
    })
}

/// A quantity's metric phrase as a label shows it: the whole name as written, without the link
/// words that tie it to its figure (`全国地表水优良水体比例由` → `全国地表水优良水体比例`).
fn short_metric(f: &Facts, i: usize) -> String {
    // In a table row the name is the row's label, its first cell (`公路\t万吨\t20834.34`).
    let mut m = f.metric(i).split('\t').next().unwrap_or_default().trim();
    loop {
        if let Some(w) = LINKING.iter().find(|w| m.ends_with(*w)) {
            m = &m[..m.len() - w.len()];
        } else if let Some(rest) = m.strip_suffix('年').and_then(without_year_digits) {
            m = rest; // `2023年`, `２０１８年`
        } else {
            break;
        }
    }
    // `其中医院`: 其中 says the figure is a part, which the role already says.
    let m = crate::claim::without_qizhong(m);
    if is_comparison(m) {
        return String::new();
    }
    let n = m.chars().count();
    if n <= LABEL_NAME_CHARS {
        return m.to_string();
    }
    // Never a silent cut: the head and the tail of a long phrase, the elision marked.
    let head: String = m.chars().take(8).collect();
    let tail: String = m.chars().skip(n - (LABEL_NAME_CHARS - 9)).collect();
    format!("{head}…{tail}")
}

/// Kinds whose findings carry no suggestion, and why: `arity` (a count of names against a count
/// of figures: which to add or drop is not a value), `direction`, `approx-direction`, `threshold` (either
/// figure may be the one to change), `trend`,
/// `ranking`, `share-wording`, `period`, `granularity` (a word is wrong, not a figure),
/// `magnitude` (the scale word is the fix, said in the message), `repeat` (two statements, either
/// may be right), `part-whole` and `bounds` (no single value: any below the whole or 100% holds),
/// `notice`; `composition` unless its last item names the rest of the whole (`其他人员`, `服务及
/// 其他人员`: the share a writer derives by difference, so the one to change), since otherwise
/// any of the shares may be the wrong one, and over 100% any smaller one holds; `multiple` when
/// the figure is a word (`翻一番`: the fix is a rewording, `是原来的2.6倍`, said in the message).
/// Findings of `count`, `points` (both the 个百分点 and the `%`-for-points readings), `ratio`,
/// `share`, `growth`, `annual`, `difference`, `per-capita`, `sum` and `multiple` carry one, where
/// the figure can be written (below). `ratio`, `share`, `growth`, `sum` and `points` also propose
/// an alternative (see [`Proposed`](crate::rules::Proposed)).
///
/// The value the stated figure `stated` would need to agree with `computed` (an interval in the
/// figure's own terms, as [`judge`](crate::rules::verdict::judge) compares them), written as the
/// figure is: its digits replaced, at its own precision, its scale and unit kept (`3.2亿元`, not
/// `320000000元`). None when the figure is not written in ASCII digits (`三成`, `１２．５%`,
/// `412,306万元`), is written negative, when the computed value is unbounded or negative, or when
/// at the figure's precision it reads as the figure itself.
fn suggest(
    f: &Facts,
    stated: usize,
    computed: &crate::interval::Interval,
) -> Option<super::Suggestion> {
    let (value, _, _) = rewritten(f, stated, computed)?;
    Some(super::Suggestion {
        range: q(f, stated).span.clone(),
        text: crate::messages::should_be(&value),
        value,
    })
}

/// Figure `i` rewritten to the middle of `computed` (base units), as [`suggest`] writes it;
/// whether the ends of `computed` round to different values at the figure's precision (then
/// the value is `约`); and what the value written stands for (its rounding interval, or the value
/// itself for an exact count). None as for [`suggest`].
fn rewritten(
    f: &Facts,
    i: usize,
    computed: &crate::interval::Interval,
) -> Option<(String, bool, crate::interval::Interval)> {
    use rust_decimal::{Decimal, RoundingStrategy};
    let q = q(f, i);
    let written = text(f, i);
    let start = written.find(|c: char| c.is_ascii_digit())?;
    let len = written[start..]
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(written.len() - start);
    let number = &written[start..start + len];
    let rest = &written[start + len..];
    if written[..start].contains(['-', '－', '−', '负'])
        || rest.starts_with([',', '，', '．'])
        || rest.starts_with(|c: char| ('０'..='９').contains(&c))
        || number.matches('.').count() > 1
        || [
            "余", "多", "左右", "约", "近", "超", "逾", "以上", "不足", "不到",
        ]
        .iter()
        .any(|w| written.contains(w))
    {
        return None;
    }
    let places = number.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    let mid = crate::rules::verdict::middle(computed)?;
    if mid < Decimal::ZERO {
        return None;
    }
    let factor = q.scale.map_or(Decimal::ONE, scale_factor);
    let factor = if number.parse::<Decimal>().ok()? * factor == q.value || factor == Decimal::ONE {
        factor
    } else {
        return None; // a value not read as digits × scale (a percent sign, a fraction): leave it
    };
    let round = |d: Decimal| {
        (d / factor).round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
    };
    let v = round(mid);
    if q.interval.contains(v * factor) {
        return None;
    }
    let own = if q.exact {
        crate::interval::Interval::exact(v * factor)
    } else {
        crate::interval::Interval::rounded(v * factor, Decimal::new(1, places) * factor)?
    };
    let (lo, hi) = computed.ends()?;
    let digits = format!("{v:.prec$}", prec = places as usize);
    Some((
        format!("{}{digits}{rest}", &written[..start]),
        round(lo) != round(hi),
        own,
    ))
}

/// The alternative to a suggestion: input `input` rewritten to `computed`, the value it needs
/// for the stated result to hold, named by its metric (or by `role` when it has none) and said
/// under `condition` (`messages::if_stated_is` and the like: subject or word, the stated figure,
/// the name, the value, whether it is `约`). None also when the value as written misses
/// `computed`: no figure written that way holds (`99.4%` of 20 cases has no whole numerator).
fn alternative(
    f: &Facts,
    input: usize,
    role: &str,
    computed: &crate::interval::Interval,
    condition: impl Fn(&str, &str, bool) -> String,
) -> Option<super::Suggestion> {
    let (value, approx, own) = rewritten(f, input, computed)?;
    if !own.meets(computed) {
        return None;
    }
    let name = short_metric(f, input);
    let name = if name.is_empty() { role } else { name.as_str() };
    Some(super::Suggestion {
        range: q(f, input).span.clone(),
        text: condition(name, &value, approx),
        value,
    })
}

/// The other figures' intervals subtracted from `total`'s: what the last of `parts` needs for
/// the parts to add up to the total. None when it could be negative.
fn remainder(
    total: &crate::interval::Interval,
    others: impl IntoIterator<Item = crate::interval::Interval>,
) -> Option<crate::interval::Interval> {
    let others: Vec<crate::interval::Interval> = others.into_iter().collect();
    let rest = total.sub(&crate::interval::Interval::sum(others.iter())?)?;
    rest.lo
        .is_some_and(|lo| lo >= rust_decimal::Decimal::ZERO)
        .then_some(rest)
}

/// `to ÷ from`: the ratio of a change's new value to its base.
fn change_ratio(f: &Facts, from: usize, to: usize) -> Option<crate::interval::Interval> {
    q(f, to).interval.div(&q(f, from).interval)
}

/// The change word of a claim as written (`增长`, `下降`).
fn word<'a>(f: &Facts<'a>, range: &std::ops::Range<usize>) -> &'a str {
    &f.text[range.clone()]
}

/// An interval in the written scale and unit of quantity `like` (`12.41万件`), for messages
/// about figures written with 万 or 亿.
fn in_units_of(f: &Facts, like: usize, i: &crate::interval::Interval) -> String {
    let (factor, label) = written_scale(f, like);
    let scaled = crate::interval::Interval {
        lo: i.lo.map(|v| v / factor),
        hi: i.hi.map(|v| v / factor),
    };
    crate::rules::verdict::show_computed(&scaled, 4, &label)
}

/// `所述 3.8亿元 即 3.75亿元–3.85亿元`: a stated figure's interval in the scale and unit it is
/// written in.
fn stated_in_units(f: &Facts, stated: usize) -> String {
    let q = q(f, stated);
    let (factor, label) = written_scale(f, stated);
    let scaled = crate::interval::Interval {
        lo: q.interval.lo.map(|v| v / factor),
        hi: q.interval.hi.map(|v| v / factor),
    };
    if scaled.lo == scaled.hi {
        return format!("所述 {}", text(f, stated));
    }
    // `增加-1.82万人`, read as the opposite change: its interval is of the fall.
    let written = text(f, stated);
    format!(
        "所述 {written} 即{}{}",
        crate::rules::verdict::reading_of(written, q),
        crate::rules::verdict::show_interval(&scaled, 4, &label)
    )
}

/// The factor and the label (`亿元`) of the scale and unit quantity `like` is written in.
fn written_scale(f: &Facts, like: usize) -> (rust_decimal::Decimal, String) {
    let q = q(f, like);
    let unit = q.unit_text(f.text).unwrap_or("");
    match q.scale {
        Some(w) => (scale_factor(w), format!("{w}{unit}")),
        None => (rust_decimal::Decimal::ONE, unit.to_string()),
    }
}

/// The interval an average or a rounded integer really stands for: an exact-looking `1732元`
/// written as an average is rounded at its last significant digit.
fn as_rounded(f: &Facts, i: usize) -> crate::interval::Interval {
    let q = q(f, i);
    if !q.exact {
        return q.interval;
    }
    let mut step = rust_decimal::Decimal::ONE;
    let mut v = q.value.trunc();
    while !v.is_zero() && (v % rust_decimal::Decimal::TEN).is_zero() {
        v /= rust_decimal::Decimal::TEN;
        step *= rust_decimal::Decimal::TEN;
    }
    crate::interval::Interval::rounded(q.value, step).unwrap_or(q.interval)
}

/// `289万` for `298万`, `1.28万` for `1.82万`: a swap of two adjacent digits of the figure as
/// written that lands in `computed`, given in the scale it is written in.
fn transposition(f: &Facts, stated: usize, computed: &crate::interval::Interval) -> Option<String> {
    let q = q(f, stated);
    let signed = text(f, stated);
    let written = signed.trim_start_matches(['-', '－', '−', '负']);
    let sign = &signed[..signed.len() - written.len()];
    let digits: String = written
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .filter(|&c| c != ',')
        .collect();
    let places: Vec<usize> = digits
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .collect();
    if places.len() < 2 {
        return None;
    }
    let word = q.scale.unwrap_or("");
    let factor = q.scale.map_or(rust_decimal::Decimal::ONE, scale_factor);
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let half = rust_decimal::Decimal::new(5, decimals as u32 + 1).checked_mul(factor)?;
    let (lo, hi) = computed.ends()?;
    places.windows(2).find_map(|w| {
        let mut d: Vec<u8> = digits.clone().into_bytes();
        d.swap(w[0], w[1]);
        let s = String::from_utf8(d).ok()?;
        let v = s
            .parse::<rust_decimal::Decimal>()
            .ok()?
            .checked_mul(factor)?;
        (s != digits && v + half >= lo && v - half <= hi).then(|| format!("{sign}{s}{word}"))
    })
}

/// Scales of 万 and 亿 a figure might have been written in by mistake.
const SLIPS: [(i32, &str); 4] = [(4, "万"), (8, "亿"), (-4, "万"), (-8, "亿")];

/// Whether multiplying operand `which` of a claim by 10^k (k = ±4, ±8) would make `check` pass:
/// the unit word is likely wrong. Returns the operand index and the exponent.
fn magnitude_slip(
    operands: &[usize],
    f: &Facts,
    check: impl Fn(&[crate::interval::Interval]) -> bool,
) -> Option<(usize, i32)> {
    let base: Vec<crate::interval::Interval> = operands.iter().map(|&i| q(f, i).interval).collect();
    if check(&base) {
        return None;
    }
    for (k, &_) in operands.iter().enumerate() {
        for (exp, _) in SLIPS {
            let factor = if exp > 0 {
                rust_decimal::Decimal::from(10i64.pow(exp as u32))
            } else {
                rust_decimal::Decimal::ONE / rust_decimal::Decimal::from(10i64.pow((-exp) as u32))
            };
            let mut scaled = base.clone();
            let Some(s) = scaled[k].scale(factor) else {
                continue;
            };
            scaled[k] = s;
            if check(&scaled) {
                return Some((operands[k], exp));
            }
        }
    }
    None
}

/// A relative change in percent in the direction of the word, from the ratio new ÷ base:
/// (r − 1)·100 for a rise, (1 − r)·100 for a fall.
pub(crate) fn percent_change(
    ratio: &crate::interval::Interval,
    direction: crate::claim::Direction,
) -> Option<crate::interval::Interval> {
    let change = match direction {
        crate::claim::Direction::Up => ratio.shift(-rust_decimal::Decimal::ONE)?,
        crate::claim::Direction::Down => ratio.neg().shift(rust_decimal::Decimal::ONE)?,
    };
    change.scale(rust_decimal::Decimal::ONE_HUNDRED)
}

/// The difference in the direction of the word: B − A for a rise, A − B for a fall.
fn signed_difference(
    f: &Facts,
    from: usize,
    to: usize,
    direction: crate::claim::Direction,
) -> Option<crate::interval::Interval> {
    let d = q(f, to).interval.sub(&q(f, from).interval)?;
    Some(match direction {
        crate::claim::Direction::Up => d,
        crate::claim::Direction::Down => d.neg(),
    })
}

/// Growth from `ops[0]` to `ops[1]` in percent, in the direction of the word.
fn growth_of(
    ops: &[crate::interval::Interval],
    direction: crate::claim::Direction,
) -> Option<crate::interval::Interval> {
    percent_change(&ops[1].div(&ops[0])?, direction)
}

/// A 万/亿 slip that explains a failing growth claim.
fn growth_slip(
    f: &Facts,
    from: usize,
    to: usize,
    stated: usize,
    direction: crate::claim::Direction,
) -> Option<(usize, i32)> {
    let target = q(f, stated).interval;
    magnitude_slip(&[from, to], f, |ops| {
        growth_of(ops, direction).is_some_and(|g| g.meets(&target))
    })
}

/// A 万/亿 slip that explains a failing part ÷ whole.
fn share_slip(
    f: &Facts,
    part: usize,
    whole: usize,
    stated: usize,
    factor: rust_decimal::Decimal,
) -> Option<(usize, i32)> {
    let target = q(f, stated).interval;
    magnitude_slip(&[part, whole], f, |ops| {
        ops[0]
            .div(&ops[1])
            .and_then(|r| r.scale(factor))
            .is_some_and(|r| r.meets(&target))
    })
}

/// A stated share worded as a fraction or in 成 (`三分之一`, `近七成`, `过半`): checked by the
/// `share-wording` kind at warning level, not as a precise figure.
fn literary(f: &Facts, i: usize) -> bool {
    let q = q(f, i);
    let t = text(f, i);
    q.kind == crate::number::Kind::Fraction || t.contains('成') || t.contains('半')
}
