//! One numeric expression at a position: numeral, scale, form, unit, approximation, range.
//!
//! The grammar, in the order it is tried:
//!
//! ```text
//! expression := code | prefixed | numeral tail [connector numeral tail]
//! prefixed   := 百分之 numeral [connector numeral] | 千分之 … | 过半 | 一半 | 翻[了](一|两|三)?番
//! numeral    := mixed (5万6000) | arabic | chinese | leading-unit (百万, 千亿: one, in context)
//! tail       := 分之 numeral | / digits | [多|余] [scale] [多|余] [form] [级] [suffix]
//! form       := % | ‰ | 个百分点 | 倍 | 成 | measure-word
//! suffix     := 左右 | 上下 | 以上 | 以下 | 以内 | 有余 | 多 | 余
//! ```
//!
//! Codes (telephone numbers, clock times …, see `codes`), dates, ordinals and names (see
//! `context`) are recognised here too so the scanner can skip them whole.

use std::ops::Range;

use nom::Parser;
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::opt;
use rust_decimal::Decimal;

use super::codes;
use super::context;
use super::numeral::{self, Numeral, is_arabic_digit, opens_chinese_numeral};
use super::oversize;
use super::{Approx, ApproxKind, Kind, Quantity, Unit};
use crate::interval::Interval;
use crate::lexicon::{Lexicon, UnitClass};

pub enum Outcome {
    /// A quantity, and where scanning resumes.
    Quantity(Quantity, usize),
    /// No quantity here; scanning resumes at the offset (past a whole date, name or numeral).
    Skip(usize),
    /// A numeral too large or too finely written to compute with; scanning resumes after it.
    OutOfRange(Range<usize>),
}

/// Characters at which an expression can begin; `candidates` finds them fast and is tested
/// against this definition.
#[cfg(test)]
pub fn may_start(c: char) -> bool {
    is_arabic_digit(c)
        || opens_chinese_numeral(c)
        || numeral::is_leading_unit(c)
        || matches!(c, '过' | '翻')
}

/// What follows the numeral and decides the kind.
#[derive(Debug, Clone, PartialEq)]
enum Form {
    None,
    Percent,
    Permille,
    Points,
    Multiple,
    /// 七成: tenths, on the percent scale.
    Cheng,
    /// A fraction: numerator and denominator.
    Fraction(Decimal, Decimal),
    Word(Range<usize>, UnitClass),
}

/// A numeral with everything written after it.
#[derive(Debug, Clone)]
struct Tail {
    numeral: Numeral,
    end: usize,
    scale: Option<(&'static str, Decimal)>,
    approx: Option<Approx>,
    form: Form,
}

enum Parsed {
    Tail(Tail),
    /// A date, ordinal or name ending at the offset.
    NotQuantity(usize),
    Nothing,
}

const OVER_MID: [(&str, ApproxKind); 2] = [("多", ApproxKind::Over), ("余", ApproxKind::Over)];

const SUFFIXES: [(&str, ApproxKind); 6] = [
    ("左右", ApproxKind::About),
    ("上下", ApproxKind::About),
    ("以上", ApproxKind::AtLeast),
    ("以下", ApproxKind::AtMost),
    ("以内", ApproxKind::AtMost),
    ("有余", ApproxKind::Over),
];

const CONNECTORS: [&str; 9] = ["至", "到", "——", "—", "－", "–", "~", "～", "-"];

pub fn parse_at(text: &str, at: usize, lex: &Lexicon) -> Outcome {
    let rest = &text[at..];
    if let Some(outcome) = prefixed(text, at, lex) {
        return outcome;
    }
    let first = rest.chars().next().map_or(1, char::len_utf8);
    if !rest.starts_with(|c: char| {
        is_arabic_digit(c) || opens_chinese_numeral(c) || numeral::is_leading_unit(c)
    }) {
        return Outcome::Skip(at + first);
    }
    if let Some(end) = oversize::out_of_range(text, at) {
        // A long run of digits inside a Latin code (`AB1234…`) is an identifier: skipped whole.
        return if context::touches_latin(text, at, end) {
            Outcome::Skip(end)
        } else {
            Outcome::OutOfRange(at..end)
        };
    }
    if rest.starts_with(is_arabic_digit)
        && let Some(end) = codes::code_end(text, at, lex)
    {
        return Outcome::Skip(end);
    }
    let tail = match tail_at(text, at, lex) {
        Parsed::Tail(t) => t,
        Parsed::NotQuantity(end) => return Outcome::Skip(end),
        // A run of Chinese numerals that is no numeral (`九九八十一`, `十四五`) is skipped whole:
        // its tail alone (`八十一`) is not what was written.
        Parsed::Nothing if !rest.starts_with(is_arabic_digit) => {
            let run = rest
                .find(|c: char| !numeral::is_chinese_numeral_char(c))
                .unwrap_or(rest.len());
            return Outcome::Skip(at + run.max(first));
        }
        Parsed::Nothing => return Outcome::Skip(at + first),
    };
    let numeral_end = numeral_end(text, at);
    if context::is_ordinal(text, at) {
        // 第6至8条, 第6、7条: the ordinals that follow are ordinals too.
        return Outcome::Skip(ordinals_end(text, numeral_end));
    }
    if context::touches_latin(text, at, numeral_end) {
        // GB18030-2022: the code's further parts with it.
        return Outcome::Skip(codes::continued(text, numeral_end));
    }
    // A range: the first end takes the scale and form of the second (`3至5万件`, `5%—10%`).
    if let Some(outcome) = range(text, at, &tail, lex) {
        return outcome;
    }
    if !context::counts_as_quantity(text, at, &tail.numeral, tail.end, is_bare(&tail), lex) {
        return Outcome::Skip(numeral_end);
    }
    let suffix_end;
    let mut tail = tail;
    (tail, suffix_end) = with_suffix(text, tail);
    match build(text, at, suffix_end, &tail) {
        Some(q) => {
            let q = context::with_prefix(text, q);
            let next = q.span.end;
            Outcome::Quantity(q, next)
        }
        None => Outcome::Skip(numeral_end),
    }
}

/// A number with no scale, unit or form: `千亿级` is not bare, its 级 says what it measures.
fn is_bare(t: &Tail) -> bool {
    t.form == Form::None && t.scale.is_none() && t.approx != Some(CLASS)
}

/// End of the digits that start at `at`, so a rejected number is skipped whole (`2020` of
/// `2020年` must not be retried as `020`).
fn numeral_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let len = rest
        .find(|c: char| {
            !(is_arabic_digit(c)
                || numeral::is_chinese_numeral_char(c)
                || matches!(c, '.' | '．' | ','))
        })
        .unwrap_or(rest.len());
    at + len.max(rest.chars().next().map_or(1, char::len_utf8))
}

/// The end of a span or list of ordinals after the first (`第6至8条`, `第6、7、8条`,
/// `第十二至十五条`): each further numeral after a connector or `、`.
fn ordinals_end(text: &str, mut end: usize) -> usize {
    loop {
        let rest = &text[end..];
        let Some(sep) = CONNECTORS
            .iter()
            .copied()
            .chain(["、"])
            .find(|c| rest.starts_with(c))
        else {
            return end;
        };
        let next = end + sep.len();
        if !text[next..].starts_with(|c: char| is_arabic_digit(c) || opens_chinese_numeral(c)) {
            return end;
        }
        end = numeral_end(text, next);
    }
}

fn numeral_at<'a>(rest: &'a str, lex: &Lexicon) -> Option<(&'a str, Numeral)> {
    let after_groups_ok = |after: &str| {
        after.starts_with(['万', '亿', '千', '%', '％']) || lex.unit_at(after).is_some()
    };
    alt((
        numeral::mixed,
        numeral::arabic(after_groups_ok),
        numeral::chinese,
    ))
    .parse(rest)
    .ok()
}

/// The numeral at `at` and all that follows it.
fn tail_at(text: &str, at: usize, lex: &Lexicon) -> Parsed {
    let (after, numeral, leading) = match numeral_at(&text[at..], lex) {
        Some((after, n)) => (after, n, false),
        None => match leading_unit_at(text, at, lex) {
            Some((after, n)) => (after, n, true),
            None => return Parsed::Nothing,
        },
    };
    let mut pos = text.len() - after.len();
    if numeral.digit_string {
        // 二〇二〇年, 七一: a year or a name, never a count.
        return Parsed::NotQuantity(pos);
    }
    if leading && text[pos..].starts_with(CLASS.word) {
        return Parsed::Tail(Tail {
            numeral,
            end: pos + CLASS.word.len(),
            scale: None,
            approx: Some(CLASS),
            form: Form::None,
        });
    }
    if let Some(end) = context::date_or_name_end(text, pos, &numeral, lex) {
        return Parsed::NotQuantity(end);
    }
    if let Some((end, num, den)) = fraction_after(text, pos, &numeral, lex) {
        return Parsed::Tail(Tail {
            numeral,
            end,
            scale: None,
            approx: None,
            form: Form::Fraction(num, den),
        });
    }
    let mut approx = mid_approx(text, pos, lex);
    if approx.is_some() {
        pos += "多".len();
    }
    let mut scale = None;
    if lex.unit_at(&text[pos..]).is_none()
        && !text[pos..].starts_with("百分点")
        && !text[pos..].starts_with("百分點")
        && let Ok((after_scale, (word, factor))) = numeral::scale_word(&text[pos..])
    {
        let allowed = !numeral.chinese || matches!(word, "万" | "亿" | "万亿");
        if allowed && !(numeral.magnitude_inside && word != "亿") {
            scale = Some((word, factor));
            pos = text.len() - after_scale.len();
        }
    }
    if approx.is_none() {
        approx = mid_approx(text, pos, lex);
        if approx.is_some() {
            pos += "多".len();
        }
    }
    let (form, mut form_end) = form_at(text, pos, &numeral, scale.is_some(), lex);
    // 万吨级: the order of magnitude of a measure.
    if leading
        && approx.is_none()
        && matches!(form, Form::Word(..))
        && text[form_end..].starts_with(CLASS.word)
    {
        approx = Some(CLASS);
        form_end += CLASS.word.len();
    }
    Parsed::Tail(Tail {
        numeral,
        end: form_end,
        scale,
        approx,
        form,
    })
}

/// 级 after a figure written as its place word alone (`千亿级`, `百万吨级`): of that order of
/// magnitude, from the figure up to ten times it.
const CLASS: Approx = Approx {
    word: "级",
    kind: ApproxKind::Over,
};

/// A figure that opens with its place word and counts one (`百万吨`, `千亿级`, `万余人`).
///
/// In reports a lone 百, 千, 万 or 亿 before a measure word is far more often a unit label
/// (`单位：万元`, `（亿元）`), the base of a rate (`每万人`, `万元GDP能耗`) or a name (`百县千镇万村`,
/// `百年大计`) than a figure, so it is read only with an approximation (`万余人`, `近千公里`,
/// `逾千人`) or as an order of magnitude (`亿元级`); a run of two or more (`百万吨`, `突破万亿元`)
/// is read before any measure word. Always after a word it continues, never at the start of a
/// line or cell, after a numeral, a vague word (`几万人`, `数百万`) or 每, and never as the
/// bound of a class (`亿元以上项目`) or before a place it names (`千亿县`).
fn leading_unit_at<'a>(text: &'a str, at: usize, lex: &Lexicon) -> Option<(&'a str, Numeral)> {
    let rest = &text[at..];
    let before = text[..at].chars().next_back()?;
    let continues_word = before.is_alphabetic()
        && !before.is_ascii()
        && !numeral::is_chinese_numeral_char(before)
        && !matches!(
            before,
            '几' | '幾' | '数' | '數' | '多' | '余' | '来' | '若' | '成' | '每' | '上'
        );
    if !continues_word || lex.unit_at(rest).is_some() {
        return None;
    }
    let (after, n) = numeral::leading_unit(rest).ok()?;
    let (measured, over) = match OVER_MID.iter().find_map(|(w, _)| after.strip_prefix(w)) {
        Some(measured) => (measured, true),
        None => (after, false),
    };
    // 千亿县, 万村: a place named by its size, not a number of places.
    let unit = lex
        .unit_at(measured)
        .map(|(word, _)| word)
        .filter(|w| !matches!(*w, "县" | "市" | "区" | "省" | "村" | "国"));
    let class = after.starts_with(CLASS.word)
        || unit.is_some_and(|w| measured[w.len()..].starts_with(CLASS.word));
    let bound = unit.is_some_and(|w| {
        let rest = &measured[w.len()..];
        rest.starts_with("以上") || rest.starts_with("以下") || rest.starts_with("以内")
    });
    let several = rest[..rest.len() - after.len()].chars().nth(1).is_some();
    let approximated = over || context::approximation_before(text, at);
    let reads = class || (unit.is_some() && !bound && (approximated || several));
    reads.then_some((after, n))
}

/// 多/余 between a numeral and its scale or unit (`100多万`, `4万余件`), only when a scale,
/// unit or form follows: `多` alone is usually the start of another word.
fn mid_approx(text: &str, pos: usize, lex: &Lexicon) -> Option<Approx> {
    let rest = &text[pos..];
    OVER_MID.iter().find_map(|&(word, kind)| {
        let after = rest.strip_prefix(word)?;
        let follows = after.starts_with(['万', '亿', '千', '百', '%', '％', '倍'])
            || after.starts_with("个百分点")
            || lex.unit_at(after).is_some();
        follows.then_some(Approx { word, kind })
    })
}

/// `三分之二` (the first numeral is the denominator) and `2/3` (the numerator): the end,
/// numerator and denominator.
fn fraction_after(
    text: &str,
    pos: usize,
    first: &Numeral,
    lex: &Lexicon,
) -> Option<(usize, Decimal, Decimal)> {
    let rest = &text[pos..];
    let (after, second, first_is_denominator) = if let Some(after) = rest.strip_prefix("分之") {
        let (after, second) = numeral_at(after, lex)?;
        (after, second, true)
    } else if let Some(after) = rest.strip_prefix('/') {
        if first.chinese || first.decimals > 0 || first.int_digits > 3 {
            return None;
        }
        let (after, second) = numeral::arabic(|_: &str| false).parse(after).ok()?;
        if second.decimals > 0 || second.int_digits > 3 || after.starts_with(['/', '.', '-']) {
            return None;
        }
        (after, second, false)
    } else {
        return None;
    };
    if second.digit_string
        || first.mantissa.is_zero() && first_is_denominator
        || second.mantissa.is_zero() && !first_is_denominator
    {
        return None;
    }
    let (num, den) = if first_is_denominator {
        (second.mantissa, first.mantissa)
    } else {
        (first.mantissa, second.mantissa)
    };
    Some((text.len() - after.len(), num, den))
}

fn form_at(text: &str, pos: usize, n: &Numeral, scaled: bool, lex: &Lexicon) -> (Form, usize) {
    let rest = &text[pos..];
    let symbol: nom::IResult<&str, &str> = alt((
        tag("%"),
        tag("％"),
        tag("‰"),
        tag("个百分点"),
        tag("百分点"),
        tag("個百分點"),
        tag("百分點"),
        tag("倍"),
        tag("成"),
    ))
    .parse(rest);
    if let Ok((after, s)) = symbol {
        let form = match s {
            "%" | "％" => Some(Form::Percent),
            "‰" => Some(Form::Permille),
            "个百分点" | "百分点" | "個百分點" | "百分點" => Some(Form::Points),
            "倍" => Some(Form::Multiple),
            // 七成 and 近八成; Arabic 成 and 十一成 are not shares.
            _ => (n.chinese
                && !scaled
                && n.decimals == 0
                && n.mantissa >= Decimal::ONE
                && n.mantissa <= Decimal::TEN)
                .then_some(Form::Cheng),
        };
        if let Some(form) = form {
            return (form, text.len() - after.len());
        }
    }
    match lex.unit_at(rest) {
        Some((word, class)) => (Form::Word(pos..pos + word.len(), class), pos + word.len()),
        None => (Form::None, pos),
    }
}

/// 左右, 以上 … after the form, and 多/余 after a measure of time (`3年多`).
fn with_suffix(text: &str, mut tail: Tail) -> (Tail, usize) {
    let rest = &text[tail.end..];
    if tail.approx.is_none() {
        if let Some(&(word, kind)) = SUFFIXES.iter().find(|(w, _)| rest.starts_with(w)) {
            tail.approx = Some(Approx { word, kind });
            let end = tail.end + word.len();
            return (tail, end);
        }
        if matches!(tail.form, Form::Word(_, UnitClass::Duration))
            && let Some(&(word, kind)) = OVER_MID.iter().find(|(w, _)| rest.starts_with(w))
        {
            tail.approx = Some(Approx { word, kind });
            let end = tail.end + word.len();
            return (tail, end);
        }
    }
    let end = tail.end;
    (tail, end)
}

/// `百分之三十`, `千分之五`, `百分之五到六`, `过半`, `一半`, `翻一番`.
fn prefixed(text: &str, at: usize, lex: &Lexicon) -> Option<Outcome> {
    let rest = &text[at..];
    let percent_like = [("百分之", Form::Percent), ("千分之", Form::Permille)];
    for (prefix, form) in percent_like {
        let Some(after) = rest.strip_prefix(prefix) else {
            continue;
        };
        let (after_num, n) = if let Some(a) = after.strip_prefix('百') {
            (a, hundred())
        } else {
            numeral_at(after, lex)?
        };
        if n.digit_string {
            return Some(Outcome::Skip(at + prefix.len()));
        }
        let mut end = text.len() - after_num.len();
        let lo_tail = Tail {
            numeral: n,
            end,
            scale: None,
            approx: None,
            form: form.clone(),
        };
        let mut hi_tail = None;
        if let Some((c_end, n2)) = connector_numeral(text, end, lex)
            && n2.mantissa >= n.mantissa
            && !n2.digit_string
        {
            end = c_end;
            hi_tail = Some(Tail {
                numeral: n2,
                end,
                ..lo_tail.clone()
            });
        }
        let (tail, suffix_end) = with_suffix(text, Tail { end, ..lo_tail });
        let q = match hi_tail {
            Some(hi) => build_range(text, at, suffix_end, &tail, &hi)?,
            None => build(text, at, suffix_end, &tail)?,
        };
        let q = context::with_prefix(text, q);
        let next = q.span.end;
        return Some(Outcome::Quantity(q, next));
    }
    let (len, value, kind, approx) = if rest.starts_with("过半") {
        (
            "过半".len(),
            Decimal::new(5, 1),
            Kind::Fraction,
            Some(ApproxKind::Over),
        )
    } else if rest.starts_with("一半") {
        ("一半".len(), Decimal::new(5, 1), Kind::Fraction, None)
    } else if let Some((len, times)) = doubling(rest) {
        (len, Decimal::from(2u32.pow(times)), Kind::Multiple, None)
    } else {
        return None;
    };
    let mut end = at + len;
    let (interval, approx) = match approx {
        Some(kind) => (
            Interval::new(value, Decimal::ONE),
            Some(Approx {
                word: "过半", kind
            }),
        ),
        None => match SUFFIXES.iter().find(|(w, _)| text[end..].starts_with(w)) {
            Some(&(word, kind)) => {
                end += word.len();
                (
                    context::approximate(value, Decimal::ZERO, kind)?,
                    Some(Approx { word, kind }),
                )
            }
            None => (Interval::exact(value), None),
        },
    };
    let q = Quantity {
        span: at..end,
        value,
        interval,
        step: Decimal::ZERO,
        exact: approx.is_none(),
        kind,
        unit: if kind == Kind::Multiple {
            Unit::Symbol("倍")
        } else {
            Unit::None
        },
        scale: None,
        approx,
        range: false,
    };
    Some(Outcome::Quantity(q, end))
}

fn hundred() -> Numeral {
    Numeral {
        mantissa: Decimal::ONE_HUNDRED,
        decimals: 0,
        chinese: true,
        digit_string: false,
        int_digits: 1,
        magnitude_inside: false,
        lone_yi: false,
    }
}

/// 翻番 (×2), 翻一番 (×2), 翻两番 (×4), 翻三番 (×8), with an optional 了.
fn doubling(rest: &str) -> Option<(usize, u32)> {
    let after = rest.strip_prefix('翻')?;
    let (after, _) = opt(tag::<_, _, nom::error::Error<&str>>("了"))
        .parse(after)
        .ok()?;
    let (after, times) = if let Some(a) = after.strip_prefix('番') {
        (a, 1)
    } else {
        let mut chars = after.chars();
        let n = chars.next().and_then(numeral::chinese_digit)?;
        let a = chars.as_str().strip_prefix('番')?;
        (a, n)
    };
    (1..=4)
        .contains(&times)
        .then_some((rest.len() - after.len(), times))
}

/// A range connector followed by a numeral: `至5`, `—10`.
fn connector_numeral(text: &str, pos: usize, lex: &Lexicon) -> Option<(usize, Numeral)> {
    let rest = &text[pos..];
    let conn = CONNECTORS.iter().find(|c| rest.starts_with(*c))?;
    let (after, n) = numeral_at(&rest[conn.len()..], lex)?;
    Some((text.len() - after.len(), n))
}

/// `3至5万件`, `5%—10%`, `3万至5万`: a second expression after a connector.
fn range(text: &str, at: usize, first: &Tail, lex: &Lexicon) -> Option<Outcome> {
    if first.approx.is_some() || matches!(first.form, Form::Fraction(..)) {
        return None;
    }
    let rest = &text[first.end..];
    let conn = CONNECTORS.iter().find(|c| rest.starts_with(*c))?;
    let second_at = first.end + conn.len();
    if !text[second_at..].starts_with(|c: char| is_arabic_digit(c) || opens_chinese_numeral(c)) {
        return None;
    }
    let second = match tail_at(text, second_at, lex) {
        Parsed::Tail(t) => t,
        // 2018—2020年, 1-11月: a span of dates, skipped whole.
        Parsed::NotQuantity(end) if is_bare(first) => return Some(Outcome::Skip(end)),
        _ => return None,
    };
    if second.approx.is_some() || second.numeral.chinese != first.numeral.chinese {
        return None;
    }
    let hyphen = matches!(*conn, "-" | "－" | "–");
    if hyphen && is_bare(&second) {
        return None; // 010-12345678, 1-2-3: not a range of quantities
    }
    let mut lo = first.clone();
    match (&first.form, &second.form) {
        (Form::None, _) => {
            lo.form = second.form.clone();
            if lo.scale.is_none() {
                lo.scale = second.scale;
            }
        }
        (a, b) if same_form(text, a, b) => {}
        _ => return None,
    }
    if !context::counts_as_quantity(
        text,
        second_at,
        &second.numeral,
        second.end,
        is_bare(&second),
        lex,
    ) {
        return None;
    }
    let (second, end) = with_suffix(text, second);
    let q = build_range(text, at, end, &lo, &second)?;
    let q = context::with_prefix(text, q);
    let next = q.span.end;
    Some(Outcome::Quantity(q, next))
}

fn same_form(text: &str, a: &Form, b: &Form) -> bool {
    match (a, b) {
        (Form::Word(x, _), Form::Word(y, _)) => text[x.clone()] == text[y.clone()],
        _ => a == b,
    }
}

fn build_range(text: &str, at: usize, end: usize, lo: &Tail, hi: &Tail) -> Option<Quantity> {
    let low = build(text, at, lo.end, lo)?;
    let high = build(text, at, end, hi)?;
    if low.value > high.value {
        return None;
    }
    Some(Quantity {
        span: at..end,
        interval: Interval {
            lo: low.interval.lo,
            hi: high.interval.hi,
        },
        exact: false,
        range: true,
        approx: high.approx,
        ..high
    })
    .map(|q| Quantity {
        value: low.value,
        ..q
    })
}

/// The quantity of a parsed tail spanning `at..end`.
fn build(text: &str, at: usize, end: usize, t: &Tail) -> Option<Quantity> {
    let n = &t.numeral;
    let ten = Decimal::TEN;
    let factor = t.scale.map_or(Decimal::ONE, |(_, f)| f);
    let (kind, unit, class) = match &t.form {
        Form::None => (Kind::Number, Unit::None, None),
        Form::Percent | Form::Cheng => (Kind::Percent, Unit::Symbol("%"), None),
        Form::Permille => (Kind::Permille, Unit::Symbol("‰"), None),
        Form::Points => (Kind::Points, Unit::Symbol("个百分点"), None),
        Form::Multiple => (Kind::Multiple, Unit::Symbol("倍"), None),
        Form::Fraction(..) => (Kind::Fraction, Unit::None, None),
        Form::Word(r, c) => (
            if *c == UnitClass::Count {
                Kind::Count
            } else {
                Kind::Amount
            },
            Unit::Word(r.clone()),
            Some(*c),
        ),
    };
    let mut value = n.mantissa.checked_mul(factor)?;
    // One unit of the last written digit. Trailing zeros of a scaled integer are not significant
    // (`4000万` is rounded to the 千万), nor are those of an approximate one.
    let decimal_step = pow10(-(n.decimals as i32))?.checked_mul(factor)?;
    let significant_step = if n.decimals > 0 {
        decimal_step
    } else {
        pow10(trailing_zeros(n.mantissa) as i32)?.checked_mul(factor)?
    };
    let mut step = if t.scale.is_some() || n.magnitude_inside {
        significant_step
    } else {
        decimal_step
    };
    let mut approx_step = if t.approx == Some(CLASS) {
        value.checked_mul(Decimal::from(9))?
    } else {
        significant_step
    };
    match t.form {
        Form::Cheng => {
            value = n.mantissa.checked_mul(ten)?;
            step = ten;
            approx_step = ten;
        }
        Form::Fraction(num, den) => {
            value = num.checked_div(den)?;
            step = Decimal::ZERO;
            approx_step = Decimal::ZERO;
        }
        _ => {}
    }
    let countable = matches!(class, None | Some(UnitClass::Count | UnitClass::Currency))
        && !matches!(
            t.form,
            Form::Percent | Form::Permille | Form::Points | Form::Multiple | Form::Cheng
        );
    let fraction = match t.form {
        Form::Fraction(num, den) => Some(Interval::quotient(num, den)?),
        _ => None,
    };
    let mut exact = countable
        && n.decimals == 0
        && t.scale.is_none()
        && !n.magnitude_inside
        && t.approx.is_none();
    let interval = match (t.approx, fraction) {
        (Some(a), _) => context::approximate(value, approx_step, a.kind)?,
        (None, Some(i)) => {
            exact = i.is_exact();
            i
        }
        (None, None) if exact => Interval::exact(value),
        (None, None) => Interval::rounded(value, step)?,
    };
    Some(Quantity {
        span: at..end,
        value,
        interval,
        step,
        exact,
        kind,
        unit,
        scale: t.scale.map(|(w, _)| w),
        approx: t.approx,
        range: false,
    })
    .filter(|_| text.is_char_boundary(end))
}

fn pow10(exp: i32) -> Option<Decimal> {
    if exp >= 0 {
        let mut v = Decimal::ONE;
        for _ in 0..exp {
            v = v.checked_mul(Decimal::TEN)?;
        }
        Some(v)
    } else {
        Decimal::try_from_i128_with_scale(1, (-exp) as u32).ok()
    }
}

fn trailing_zeros(v: Decimal) -> u32 {
    let mut v = v.trunc();
    if v.is_zero() {
        return 0;
    }
    let mut n = 0;
    while (v % Decimal::TEN).is_zero() {
        v /= Decimal::TEN;
        n += 1;
    }
    n
}
