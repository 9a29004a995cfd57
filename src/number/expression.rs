//! One numeric expression at a position: numeral, scale, form, unit, approximation, range.
//!
//! The grammar, in the order it is tried:
//!
//! ```text
//! expression := code | prefixed | vague [form] | place-word | half
//!             | [sign] numeral tail [connector [sign] numeral tail | 和 numeral tail 之间
//!                                    | 以上 numeral tail 以下]
//! prefixed   := P分之 numeral [connector [P分之] numeral]  (P = 百 千 万 十万 百万 千万 亿)
//!             | 过半 | 一半 | 翻[了](一|两|三)?番
//! vague      := 七八万 | 十几亿 | (几|数|上) place …     (see `vague`)
//! place-word := (百|千|万|亿 …) [余|多] form, with 近/逾/超过/不足 … before or 余/多 after
//! half       := 半 [个] duration | 半成
//! sign       := - | － | − | 负 | 零下
//! numeral    := mixed (5万6000) | arabic | chinese | leading-unit (百万, 千亿: one, in context)
//! tail       := 分之 numeral | / digits | [多|余] [scale] [多|余] [form] [级] [半 [unit]] [suffix]
//! form       := % | ‰ | 个百分点 | 倍 | 成 [digit | 半] | measure-word
//! suffix     := 左右 | 上下 | 以上 | 以下 | 以内 | 有余 | 多 | 余
//! ```
//!
//! A range keeps its stated ends, the scale and unit of the second end applied to the first
//! (`7至9万` is [70000, 90000]); the rounding of each end is not added.
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
use super::context::{self, Sign};
use super::numeral::{self, Numeral, is_arabic_digit, opens_chinese_numeral};
use super::oversize;
use super::vague;
use super::{Approx, ApproxKind, Kind, Open, Quantity, Unit};
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
        || matches!(c, '过' | '翻' | '半')
        // Signs; `零` of 零下 opens numerals already.
        || matches!(c, '-' | '－' | '−' | '负')
}

/// What follows the numeral and decides the kind.
#[derive(Debug, Clone, PartialEq)]
enum Form {
    None,
    Percent,
    Permille,
    Points,
    Multiple,
    /// 七成, 9.5成: tenths, on the percent scale; with the tenth of a tenth written after it
    /// (`六成五` 0.5, `四成半` 0.5 too).
    Cheng(Decimal),
    /// `万分之三`: a share per ten thousand (or per 10^5 … 10^8), as a percent: the numeral
    /// divided by 10 to this power (2 for 万分之).
    PercentTimes(u32),
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
    /// Written after a minus sign: `-4.7%`, `负1.5%`, `零下12摄氏度`.
    negative: bool,
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
    match expression_at(text, at, lex) {
        // `3又一千分之23`, `一百万又五十万分之二十五`: a mixed number this grammar does not read
        // whole; either part alone would be a wrong value.
        Outcome::Quantity(q, next) if joined_by_you(text, q.span.clone()) => Outcome::Skip(next),
        outcome => outcome,
    }
}

/// Whether a figure is one side of `又` between numerals.
fn joined_by_you(text: &str, span: Range<usize>) -> bool {
    let numeral = |c: Option<char>| {
        c.is_some_and(|c| is_arabic_digit(c) || numeral::is_chinese_numeral_char(c))
    };
    let before = text[..span.start].strip_suffix('又');
    let after = text[span.end..].strip_prefix('又');
    before.is_some_and(|b| numeral(b.chars().next_back()))
        || after.is_some_and(|a| numeral(a.chars().next()))
}

fn expression_at(text: &str, at: usize, lex: &Lexicon) -> Outcome {
    if let Some(outcome) = prefixed(text, at, lex) {
        return outcome;
    }
    if let Some(v) = vague::vague(text, at) {
        return vague_quantity(text, at, &v, lex);
    }
    if let Some(outcome) = place_word(text, at, lex).or_else(|| half_opening(text, at, lex)) {
        return outcome;
    }
    let start = at;
    let first = text[at..].chars().next().map_or(1, char::len_utf8);
    let sign = if text[at..].starts_with(['-', '－', '−', '负', '零']) {
        context::sign_at(text, at, lex)
    } else {
        None
    };
    let at = at + sign.map_or(0, Sign::len);
    let rest = &text[at..];
    if !rest.starts_with(|c: char| {
        is_arabic_digit(c) || opens_chinese_numeral(c) || numeral::is_leading_unit(c)
    }) {
        return Outcome::Skip(start + first);
    }
    if let Some(end) = oversize::out_of_range(text, at) {
        // A long run of digits inside a Latin code (`AB1234…`) is an identifier: skipped whole.
        return if context::touches_latin(text, at, end) {
            Outcome::Skip(end)
        } else {
            Outcome::OutOfRange(start..end)
        };
    }
    if rest.starts_with(is_arabic_digit)
        && let Some(end) = codes::code_end(text, at, lex)
    {
        return Outcome::Skip(end);
    }
    let mut tail = match tail_at(text, at, lex) {
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
    tail.negative = sign.is_some();
    let numeral_end = numeral_end(text, at);
    if context::is_ordinal(text, start) {
        // 第6至8条, 第6、7条: the ordinals that follow are ordinals too.
        return Outcome::Skip(ordinals_end(text, numeral_end));
    }
    if context::touches_latin(text, at, numeral_end) {
        // GB18030-2022: the code's further parts with it.
        return Outcome::Skip(codes::continued(text, numeral_end));
    }
    // A range: the first end takes the scale and form of the second (`3至5万件`, `5%—10%`).
    if let Some(outcome) = range(text, start, &tail, lex) {
        return outcome;
    }
    let bare = is_bare(&tail);
    let counts = match sign {
        None => context::counts_as_quantity(text, at, &tail.numeral, tail.end, bare, lex),
        Some(sign) => {
            let share = matches!(
                tail.form,
                Form::Percent | Form::Points | Form::Cheng(_) | Form::PercentTimes(_)
            );
            context::signed_counts(text, at, sign, &tail.numeral, tail.end, bare, share, lex)
        }
    };
    if !counts {
        return Outcome::Skip(numeral_end);
    }
    let suffix_end;
    (tail, suffix_end) = with_suffix(text, tail);
    if let Some(q) = bound_pair(text, start, &tail, suffix_end, lex) {
        let next = q.span.end;
        return Outcome::Quantity(q, next);
    }
    match build(text, start, suffix_end, &tail) {
        Some(q) => {
            let q = context::with_prefix(text, q);
            let next = q.span.end;
            Outcome::Quantity(q, next)
        }
        None => Outcome::Skip(numeral_end),
    }
}

/// `七八万人`, `十几亿元`, `几百万`: a vague numeral with what follows it, as the range it
/// allows. Like any Chinese numeral it needs a unit, a form or a scale (`乱七八糟` is none).
fn vague_quantity(text: &str, at: usize, v: &vague::Vague, lex: &Lexicon) -> Outcome {
    let skip = Outcome::Skip(v.end.max(at + 1));
    if let Some(end) = context::date_or_name_end(text, v.end, &v.hi, lex) {
        return Outcome::Skip(end);
    }
    if context::is_ordinal(text, v.start) {
        return skip;
    }
    let (form, form_end) = form_at(text, v.end, &v.hi, v.scale.is_some(), lex);
    if matches!(form, Form::None) && v.scale.is_none() {
        return skip;
    }
    let lo = Tail {
        numeral: v.lo,
        end: v.end,
        scale: v.scale,
        approx: None,
        form,
        negative: false,
    };
    let hi = Tail {
        numeral: v.hi,
        end: form_end,
        ..lo.clone()
    };
    let (hi, end) = with_suffix(text, hi);
    match build_range(text, v.start, end, &lo, &hi) {
        Some(mut q) => {
            if q.interval.hi.is_some() {
                q.open.upper |= v.upper_open;
            }
            Outcome::Quantity(q, end)
        }
        None => skip,
    }
}

/// `近万`, `千余人`, `逾万亿元`, `不足千人`: a place word alone stands for one of itself when an
/// approximation word before or 余/多 after makes it a figure; otherwise it is left alone.
fn place_word(text: &str, at: usize, lex: &Lexicon) -> Option<Outcome> {
    if !text[at..].starts_with(['百', '千', '万', '亿']) {
        return None;
    }
    let (mut pos, scale) = vague::bare_place(text, at)?;
    let approx = mid_approx(text, pos, lex);
    if approx.is_some() {
        pos += "余".len();
        // `千余万`: a second scale after 余 is not this form.
        if text[pos..].starts_with(['万', '亿']) {
            return None;
        }
    } else if context::prefix_at(text, at).is_none() {
        return None;
    }
    let numeral = vague::one();
    let (form, end) = form_at(text, pos, &numeral, true, lex);
    if approx.is_some() && form == Form::None {
        return None; // `千余千`: 余 read only before the unit it is of
    }
    let tail = Tail {
        numeral,
        end,
        scale: Some(scale),
        approx,
        form,
        negative: false,
    };
    let q = context::with_prefix(text, build(text, at, end, &tail)?);
    q.approx?;
    let next = q.span.end;
    Some(Outcome::Quantity(q, next))
}

/// Characters that make `半` the start of a word rather than a half: 半岛, 半途, 半球, 半导体,
/// 半径, 半场, 半数, 半壁, 半边, 半决赛, 半成品, 半身, 半空, 半价, 半山, 半夜 …
const HALF_WORDS: &[char] = &[
    '岛', '途', '球', '导', '径', '场', '数', '壁', '边', '决', '身', '空', '价', '山', '夜', '拍',
    '封', '自', '官', '截', '信', '面', '品', '熟', '成', '亩', '透', '脱', '公', '工', '农',
];

/// `半` followed by something other than the start of a 半-word.
fn half_stands_alone(after: &str) -> bool {
    !after.starts_with(HALF_WORDS)
}

/// A half as a numeral: one decimal, 0.5.
fn half() -> Numeral {
    Numeral {
        mantissa: Decimal::new(5, 1),
        decimals: 1,
        chinese: true,
        digit_string: false,
        int_digits: 1,
        magnitude_inside: false,
        lone_yi: false,
    }
}

/// `半个月`, `半年`, `半小时` (half a length of time) and `半成` (5%). Not `上半年`, `下半年`,
/// `大半年`, `一半` (read as a fraction), nor 半岛, 半途而废.
fn half_opening(text: &str, at: usize, lex: &Lexicon) -> Option<Outcome> {
    let after = text[at..].strip_prefix('半')?;
    if text[..at].ends_with([
        '上', '下', '前', '后', '大', '多', '过', '一', '两', '对', '减', '折', '夜', '半', '个',
        '年', '月',
    ]) {
        return None;
    }
    let pos = at + '半'.len_utf8();
    let n = half();
    let (form, end) = if let Some(rest) = after.strip_prefix('成') {
        if rest.starts_with(CHENG_WORDS) {
            return None; // 半成品
        }
        match cheng(text, pos + '成'.len_utf8(), &n, false, lex)? {
            (form @ Form::Cheng(_), end) => (form, end),
            _ => return None,
        }
    } else {
        match form_at(text, pos, &n, false, lex) {
            (form @ Form::Word(_, UnitClass::Duration), end) => (form, end),
            _ => return None,
        }
    };
    // 半年度, 半年报, 半月刊: a word, not a length.
    if text[end..].starts_with(['度', '报', '刊', '会', '期']) {
        return None;
    }
    let tail = Tail {
        numeral: n,
        end,
        scale: None,
        approx: None,
        form,
        negative: false,
    };
    let (tail, end) = with_suffix(text, tail);
    let q = context::with_prefix(text, build(text, at, end, &tail)?);
    let next = q.span.end;
    Some(Outcome::Quantity(q, next))
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
            negative: false,
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
            negative: false,
        });
    }
    // A Chinese numeral takes only 万 and 亿 as a scale (`十余万`); one with 万 inside, only 亿.
    let scales: &[char] = match (numeral.chinese, numeral.magnitude_inside) {
        (false, _) => &['万', '亿', '千', '百'],
        (true, false) => &['万', '亿'],
        (true, true) => &['亿'],
    };
    let mut approx = approx_before(text, pos, lex, scales);
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
        approx = approx_before(text, pos, lex, &[]);
        if approx.is_some() {
            pos += "多".len();
        } else if matches!(scale, Some(("万", _)))
            && let Some(a) = approx_before(text, pos, lex, &['亿'])
            && text[pos + "多".len()..].starts_with('亿')
        {
            // `4万多亿元`: some 万亿 and more.
            approx = Some(a);
            pos += "多亿".len();
            scale = Some(("万亿", Decimal::from(1_000_000_000_000i64)));
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
    let mut numeral = numeral;
    if matches!(form, Form::Cheng(_)) {
        numeral.lone_yi = false; // 一成, 一成五: a share, not the article
    }
    let (numeral, form, form_end) = if approx.is_none() && scale.is_none() {
        with_half(text, numeral, form, form_end)
    } else {
        (numeral, form, form_end)
    };
    Parsed::Tail(Tail {
        numeral,
        end: form_end,
        scale,
        approx,
        form,
        negative: false,
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
    // `规模破万亿。`, `人口过百万，`: a run of place words ending its clause is a figure whose
    // unit the clause before gives.
    let ends_clause = after.is_empty() || after.starts_with(['，', '。', '；', '、', ',', ';']);
    let reads = class
        || (unit.is_some() && !bound && (approximated || several))
        || (several && ends_clause);
    reads.then_some((after, n))
}

/// `两年半`, `两个半月`, `一个半小时`, `两个半`: a half after the measure word adds 0.5 to the
/// numeral. After 个 the length of time, if any, follows the 半 (`个月` written around it).
fn with_half(text: &str, n: Numeral, form: Form, end: usize) -> (Numeral, Form, usize) {
    let Form::Word(unit, class) = &form else {
        return (n, form, end);
    };
    let Some(after) = text[end..].strip_prefix('半') else {
        return (n, form, end);
    };
    if n.decimals > 0 || !half_stands_alone(after) {
        return (n, form, end);
    }
    let Some(mantissa) = n.mantissa.checked_add(Decimal::new(5, 1)) else {
        return (n, form, end);
    };
    let plus_half = Numeral {
        mantissa,
        decimals: 1,
        lone_yi: false,
        ..n
    };
    let half_end = end + '半'.len_utf8();
    match (&text[unit.clone()], class) {
        ("个", _) => {
            // The lengths counted with 个 (`两个半天` is two half-days, not 2.5 days).
            let time = ["月", "小时", "星期", "工作日", "钟头"]
                .iter()
                .find(|w| after.starts_with(*w))
                .map(|w| w.len());
            match time {
                Some(len) => (
                    plus_half,
                    Form::Word(half_end..half_end + len, UnitClass::Duration),
                    half_end + len,
                ),
                // 两个半，: a count of two and a half; 两个半天 is two half-days.
                None if !after.starts_with(|c: char| c.is_alphanumeric()) => {
                    (plus_half, form, half_end)
                }
                None => (n, form, end),
            }
        }
        (_, UnitClass::Duration) => (plus_half, form, half_end),
        _ => (n, form, end),
    }
}

/// 多/余 between a numeral and its scale or unit (`100多万`, `4万余件`), only when a scale,
/// unit or form follows: `多` alone is usually the start of another word.
fn mid_approx(text: &str, pos: usize, lex: &Lexicon) -> Option<Approx> {
    approx_before(text, pos, lex, &['万', '亿', '千', '百'])
}

/// 多/余 at `pos` before what it is of: one of `scales` (those the numeral may still take:
/// `100多万`, `十余万`, not `十余千` nor `4万余千`), a form or a unit.
fn approx_before(text: &str, pos: usize, lex: &Lexicon, scales: &[char]) -> Option<Approx> {
    let rest = &text[pos..];
    OVER_MID.iter().find_map(|&(word, kind)| {
        let after = rest.strip_prefix(word)?;
        let follows = after.starts_with(scales)
            || after.starts_with(['%', '％', '倍'])
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
        let (after, second) =
            numeral_at(after, lex).or_else(|| numeral::lone_financial_digit(after))?;
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
            _ => None,
        };
        if let Some(form) = form {
            return (form, text.len() - after.len());
        }
        if s == "成"
            && let Some(cheng) = cheng(text, text.len() - after.len(), n, scaled, lex)
        {
            return cheng;
        }
    }
    match lex.unit_at(rest) {
        Some((word, class)) => (Form::Word(pos..pos + word.len(), class), pos + word.len()),
        None => (Form::None, pos),
    }
}

/// Words that 成 begins after a number that is no share: `5成员国`, `2成立`.
const CHENG_WORDS: &[char] = &[
    '立', '员', '本', '交', '果', '效', '绩', '功', '长', '就', '熟', '型', '品', '都', '年', '人',
    '分', '套', '批', '片', '像', '语', '色', '因', '败', '全', '形', '器', '材', '活', '性', '事',
];

/// After `成` (ending at `pos`): tenths on the percent scale, `七成`, `9.5成`, `八点五成`, with
/// a tenth of a tenth after it (`六成五` 65%, `四成半` 45%). More than ten tenths, a scale
/// before, or a word that 成 begins (`成立`, `成员`) is not one.
fn cheng(
    text: &str,
    pos: usize,
    n: &Numeral,
    scaled: bool,
    lex: &Lexicon,
) -> Option<(Form, usize)> {
    if scaled || n.mantissa <= Decimal::ZERO || n.mantissa > Decimal::TEN || n.digit_string {
        return None;
    }
    let rest = &text[pos..];
    if !n.chinese && (n.int_digits > 2 || rest.starts_with(CHENG_WORDS)) {
        return None;
    }
    if n.decimals == 0 && n.mantissa < Decimal::TEN {
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            let after = chars.as_str();
            let tenth = numeral::chinese_digit(c).filter(|&d| d >= 1 && c != '两' && n.chinese);
            let ends_here = !after.starts_with(|c: char| {
                is_arabic_digit(c)
                    || numeral::chinese_digit(c).is_some()
                    || matches!(
                        c,
                        '十' | '百' | '千' | '万' | '亿' | '成' | '倍' | '%' | '％'
                    )
            }) && lex.unit_at(after).is_none();
            if let Some(d) = tenth
                && ends_here
            {
                return Some((Form::Cheng(Decimal::new(d.into(), 1)), pos + c.len_utf8()));
            }
            if c == '半' && half_stands_alone(after) {
                return Some((Form::Cheng(Decimal::new(5, 1)), pos + c.len_utf8()));
            }
        }
    }
    Some((Form::Cheng(Decimal::ZERO), pos))
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

/// Shares written as a prefix and a numeral: `百分之三十`, `千分之五`, `万分之三`, `百万分之三`.
/// Per ten thousand and beyond have no kind of their own: they are percents (`万分之三` is
/// 0.03%).
const SHARE_PREFIXES: [(&str, Form); 7] = [
    ("百分之", Form::Percent),
    ("千分之", Form::Permille),
    ("万分之", Form::PercentTimes(2)),
    ("十万分之", Form::PercentTimes(3)),
    ("百万分之", Form::PercentTimes(4)),
    ("千万分之", Form::PercentTimes(5)),
    ("亿分之", Form::PercentTimes(6)),
];

/// The numeral after a share prefix: `百` alone is a hundred (`百分之百`).
fn prefixed_numeral<'a>(after: &'a str, lex: &Lexicon) -> Option<(&'a str, Numeral)> {
    match after.strip_prefix('百') {
        Some(a) => Some((a, hundred())),
        None => numeral_at(after, lex),
    }
}

/// `百分之三十`, `千分之五`, `万分之三`, `百分之五到六`, `百分之六到百分之九`, `过半`, `一半`,
/// `翻一番`.
fn prefixed(text: &str, at: usize, lex: &Lexicon) -> Option<Outcome> {
    let rest = &text[at..];
    for (prefix, form) in SHARE_PREFIXES {
        let Some(after) = rest.strip_prefix(prefix) else {
            continue;
        };
        // `万万分之七`, `百万万分之七`: a numeral before the prefix that did not read.
        if text[..at].ends_with(|c: char| {
            is_arabic_digit(c)
                || numeral::chinese_digit(c).is_some()
                || matches!(c, '十' | '百' | '千' | '万' | '亿')
        }) {
            return Some(Outcome::Skip(at + prefix.len()));
        }
        let (after_num, n) = prefixed_numeral(after, lex)?;
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
            negative: false,
        };
        let mut hi_tail = None;
        if let Some((c_end, n2)) = connector_numeral(text, end, prefix, lex)
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
        let q = match hi_tail {
            Some(hi) => {
                let (hi, suffix_end) = with_suffix(text, hi);
                build_range(text, at, suffix_end, &lo_tail, &hi)?
            }
            None => {
                let (tail, suffix_end) = with_suffix(text, Tail { end, ..lo_tail });
                build(text, at, suffix_end, &tail)?
            }
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
    } else if let Some((len, times, near)) = doubling(rest) {
        let value = Decimal::from(2u32.pow(times));
        let approx = near.then_some(ApproxKind::Near);
        (len, value, Kind::Multiple, approx)
    } else {
        return None;
    };
    let mut end = at + len;
    let (interval, approx, open) = match approx {
        // 翻了近三番: more than one doubling fewer, at most as many.
        Some(kind @ ApproxKind::Near) => (
            Interval::new(value / Decimal::TWO, value),
            Some(Approx { word: "近", kind }),
            Open::of(kind),
        ),
        // 过半: above a half, at most all.
        Some(kind) => (
            Interval::new(value, Decimal::ONE),
            Some(Approx {
                word: "过半", kind
            }),
            Open {
                lower: true,
                upper: false,
            },
        ),
        None => match SUFFIXES.iter().find(|(w, _)| text[end..].starts_with(w)) {
            Some(&(word, kind)) => {
                end += word.len();
                (
                    context::approximate(value, Decimal::ZERO, kind)?,
                    Some(Approx { word, kind }),
                    Open::of(kind),
                )
            }
            None => (Interval::exact(value), None, Open::CLOSED),
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
        open,
    };
    // `超过一半`, `不足一半`, `至少翻一番` bound the figure; `近一半`, `约一半` are said of it
    // as it stands, having no last digit to be near.
    let bounds = context::prefix_at(text, at)
        .is_some_and(|(_, kind)| !matches!(kind, ApproxKind::Near | ApproxKind::About));
    let q = if bounds {
        context::with_prefix(text, q)
    } else {
        q
    };
    let next = q.span.end;
    Some(Outcome::Quantity(q, next))
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

/// 翻番 (×2), 翻一番 (×2), 翻两番 (×4), 翻三番 (×8), with an optional 了 and 近 (`翻了近三番`):
/// the length, the doublings and whether 近 was written.
fn doubling(rest: &str) -> Option<(usize, u32, bool)> {
    let after = rest.strip_prefix('翻')?;
    let (after, _) = opt(tag::<_, _, nom::error::Error<&str>>("了"))
        .parse(after)
        .ok()?;
    let (after, near) = match after.strip_prefix('近') {
        Some(a) => (a, true),
        None => (after, false),
    };
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
        .then_some((rest.len() - after.len(), times, near))
}

/// A range connector followed by a numeral, the share prefix repeated or not: `至5`, `—10`,
/// `到百分之九`.
fn connector_numeral(
    text: &str,
    pos: usize,
    prefix: &str,
    lex: &Lexicon,
) -> Option<(usize, Numeral)> {
    let rest = &text[pos..];
    let conn = CONNECTORS.iter().find(|c| rest.starts_with(*c))?;
    let after = &rest[conn.len()..];
    let (after, n) = match after.strip_prefix(prefix) {
        Some(a) => prefixed_numeral(a, lex)?,
        None => numeral_at(after, lex)?,
    };
    Some((text.len() - after.len(), n))
}

/// `3至5万件`, `5%—10%`, `3万至5万`, `-3～5℃`, `介于4和7之间`: a second expression after a
/// connector. Two figures joined by 和 or 与 are a range only when 之间 closes them.
fn range(text: &str, at: usize, first: &Tail, lex: &Lexicon) -> Option<Outcome> {
    if first.approx.is_some() || matches!(first.form, Form::Fraction(..)) {
        return None;
    }
    let rest = &text[first.end..];
    let (conn, between) = match CONNECTORS.iter().find(|c| rest.starts_with(*c)) {
        Some(c) => (*c, false),
        None => (
            ["和", "与"].into_iter().find(|c| rest.starts_with(c))?,
            true,
        ),
    };
    let hyphen = matches!(conn, "-" | "－" | "–");
    let sign_at = first.end + conn.len();
    let sign = context::sign_after_connector(text, sign_at, hyphen);
    let second_at = sign_at + sign.map_or(0, Sign::len);
    if !text[second_at..].starts_with(|c: char| is_arabic_digit(c) || opens_chinese_numeral(c)) {
        return None;
    }
    let mut second = match tail_at(text, second_at, lex) {
        Parsed::Tail(t) => t,
        // 2018—2020年, 1-11月: a span of dates, skipped whole.
        Parsed::NotQuantity(end) if is_bare(first) && !between => return Some(Outcome::Skip(end)),
        _ => return None,
    };
    second.negative = sign.is_some();
    if second.approx.is_some() || second.numeral.chinese != first.numeral.chinese {
        return None;
    }
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
    let (second, mut end) = with_suffix(text, second);
    let mut start = at;
    if between {
        end += text[end..].starts_with("之间").then_some("之间".len())?;
        if text[..at].ends_with("介于") {
            start -= "介于".len();
        }
    }
    let q = build_range(text, start, end, &lo, &second)?;
    let next = q.span.end;
    Some(Outcome::Quantity(q, next))
}

/// `20万元以上80万元以下`: a lower bound and an upper bound written one after the other are one
/// range, closed at both ends.
fn bound_pair(
    text: &str,
    at: usize,
    first: &Tail,
    first_end: usize,
    lex: &Lexicon,
) -> Option<Quantity> {
    if first.approx.map(|a| a.kind) != Some(ApproxKind::AtLeast)
        || first.negative
        || !text[first_end..].starts_with(|c: char| is_arabic_digit(c) || opens_chinese_numeral(c))
    {
        return None;
    }
    let Parsed::Tail(second) = tail_at(text, first_end, lex) else {
        return None;
    };
    if second.approx.is_some() || second.numeral.chinese != first.numeral.chinese {
        return None;
    }
    let (second, end) = with_suffix(text, second);
    if second.approx.map(|a| a.kind) != Some(ApproxKind::AtMost) {
        return None;
    }
    let mut lo = Tail {
        approx: None,
        ..first.clone()
    };
    match (&first.form, &second.form) {
        (Form::None, _) => {
            lo.form = second.form.clone();
            lo.scale = lo.scale.or(second.scale);
        }
        (a, b) if same_form(text, a, b) => {}
        _ => return None,
    }
    let hi = Tail {
        approx: None,
        ..second
    };
    build_range(text, at, end, &lo, &hi)
}

fn same_form(text: &str, a: &Form, b: &Form) -> bool {
    match (a, b) {
        (Form::Word(x, _), Form::Word(y, _)) => text[x.clone()] == text[y.clone()],
        _ => a == b,
    }
}

/// A range from its two ends: `lower`/`upper` are the stated values, the scale and unit of the
/// second applied to the first, without the rounding of either end (`7至9万` is [70000, 90000],
/// `5%—5.5%` [5, 5.5]). A bound after it opens the top (`3至5万以上`).
fn build_range(text: &str, at: usize, end: usize, lo: &Tail, hi: &Tail) -> Option<Quantity> {
    let plain = |t: &Tail| Tail {
        approx: None,
        ..t.clone()
    };
    let low = build(text, at, lo.end, &plain(lo))?;
    let high = build(text, at, end, &plain(hi))?;
    if low.value > high.value {
        return None;
    }
    let (interval, open) = match hi.approx.map(|a| a.kind) {
        Some(ApproxKind::AtLeast) => (Interval::at_least(low.value), Open::of(ApproxKind::AtLeast)),
        _ => (Interval::new(low.value, high.value), Open::CLOSED),
    };
    Some(Quantity {
        span: at..end,
        value: low.value,
        interval,
        exact: false,
        range: true,
        approx: hi.approx,
        open,
        ..high
    })
}

/// The quantity of a parsed tail spanning `at..end`.
fn build(text: &str, at: usize, end: usize, t: &Tail) -> Option<Quantity> {
    let n = &t.numeral;
    let ten = Decimal::TEN;
    let factor = t.scale.map_or(Decimal::ONE, |(_, f)| f);
    let (kind, unit, class) = match &t.form {
        Form::None => (Kind::Number, Unit::None, None),
        Form::Percent | Form::Cheng(_) | Form::PercentTimes(_) => {
            (Kind::Percent, Unit::Symbol("%"), None)
        }
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
        Form::Cheng(extra) => {
            // 六成五 is 6.5 tenths, stated to the tenth of a tenth.
            let decimals = if extra.is_zero() {
                n.decimals
            } else {
                n.decimals.max(1)
            };
            value = n.mantissa.checked_add(extra)?.checked_mul(ten)?;
            step = pow10(-(decimals as i32))?.checked_mul(ten)?;
            approx_step = step;
        }
        Form::PercentTimes(places) => {
            let f = pow10(-(places as i32))?;
            value = n.mantissa.checked_mul(f)?;
            step = decimal_step.checked_mul(f)?;
            approx_step = step;
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
            Form::Percent
                | Form::Permille
                | Form::Points
                | Form::Multiple
                | Form::Cheng(_)
                | Form::PercentTimes(_)
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
    let mut interval = match (t.approx, fraction) {
        (Some(a), _) => context::approximate(value, approx_step, a.kind)?,
        (None, Some(i)) => {
            exact = i.is_exact();
            i
        }
        (None, None) if exact => Interval::exact(value),
        (None, None) => Interval::rounded(value, step)?,
    };
    let mut open = t.approx.map_or(Open::CLOSED, |a| Open::of(a.kind));
    // `-4万余`: the figure negated, approximation and all.
    if t.negative {
        value = -value;
        interval = interval.neg();
        open = open.swapped();
    }
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
        open,
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
