//! What the words around a numeral say about it: a date, an ordinal, a name, a phone number, a
//! section number, a minus sign, or an approximation word in front of it.

use rust_decimal::Decimal;

use super::numeral::{Numeral, chinese_digit, is_arabic_digit, opens_chinese_numeral};
use super::{Approx, ApproxKind, Kind, Open, Quantity};
use crate::interval::Interval;
use crate::lexicon::Lexicon;

fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// `第五`, `第3`, and the session of `十三届七次会议`: an ordinal.
pub fn is_ordinal(text: &str, at: usize) -> bool {
    matches!(char_before(text, at), Some('第' | '届'))
}

/// `PM2.5`, `5G`, `G20`, `COVID-19`: digits that belong to a Latin name.
pub fn touches_latin(text: &str, at: usize, end: usize) -> bool {
    // Two characters back, without collecting them: this runs at every candidate figure.
    let mut before = text[..at].chars().rev();
    let latin_before = match (before.next(), before.next()) {
        (Some(c), _) if c.is_ascii_alphabetic() => true,
        (Some('-' | '_'), Some(c)) => c.is_ascii_alphabetic(),
        _ => false,
    };
    latin_before || text[end..].starts_with(|c: char| c.is_ascii_alphabetic())
}

/// A date (`2020年`, `2月`, `5日`, `1号`) or a name (`十九届`, `五中全会`, `1号文件`) right after
/// the numeral that ends at `pos`: the offset where it ends.
pub fn date_or_name_end(text: &str, pos: usize, n: &Numeral, lex: &Lexicon) -> Option<usize> {
    let rest = &text[pos..];
    let integer = (n.decimals == 0).then_some(n.mantissa);
    let between = |lo: i64, hi: i64| {
        integer.is_some_and(|v| v >= Decimal::from(lo) && v <= Decimal::from(hi))
    };
    let year = !n.chinese && n.int_digits == 4 && between(1000, 2999);
    let date_word = if rest.starts_with('年') && year {
        Some("年")
    } else if rest.starts_with('月') && between(1, 12) {
        Some("月")
    } else if rest.starts_with(['日', '号']) && between(1, 31) {
        Some("日")
    } else {
        None
    };
    if let Some(w) = date_word {
        return Some(pos + w.len());
    }
    if year && let Some(len) = numeric_date_rest(rest) {
        return Some(pos + len);
    }
    lex.name_suffix_at(rest).map(|s| pos + s.len())
}

/// `-02-05`, `/12/31`, `.3.8` after a year: the length of the month and day part.
fn numeric_date_rest(rest: &str) -> Option<usize> {
    let sep = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '-' | '/' | '.'))?;
    let mut len = 0;
    for _ in 0..2 {
        let part = rest[len..].strip_prefix(sep)?;
        let digits = part.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            break;
        }
        len += 1 + digits;
    }
    (len > 0).then_some(len)
}

/// Whether a parsed numeral is a quantity, given where it stands. `bare` is a number with no
/// scale and no unit or form.
pub fn counts_as_quantity(
    text: &str,
    at: usize,
    n: &Numeral,
    end: usize,
    bare: bool,
    lex: &Lexicon,
) -> bool {
    let before = char_before(text, at);
    let quoted = matches!(before, Some('“' | '"' | '「' | '《' | '‘'));
    if n.chinese {
        // A Chinese numeral counts with a unit or form (`三年`, `七成`), or bare when it is
        // written out with its places and stands alone (`共三千零六十。`); otherwise it is part of
        // a word (`三农`, `一审`, `五中全会`, `十九大`). Quoted, it opens a slogan (`“三区三州”`).
        // A lone `一` is an article (`一批`, `一起`), a lone `二` before a measure word an
        // ordinal (`二期`).
        return (!bare || stands_alone(text, at, end))
            && !quoted
            && (!n.lone_yi || lone_yi_counts(text, end))
            && !lone_er_ordinal(text, at, end);
    }
    // “1+6”, `5+2`: the terms of a slogan formula.
    if text[end..].starts_with('+') || before == Some('+') {
        return false;
    }
    if !bare {
        return true;
    }
    // “12368”, 《2020》: a quoted bare number is a name.
    if quoted {
        return false;
    }
    // Section numbers: `1、` or `2.` opening a paragraph, `（3）`.
    let opens_paragraph = matches!(before, None | Some('\n'));
    let rest = &text[end..];
    if opens_paragraph && rest.starts_with(['、', '.', '．', '）', ')']) {
        return false;
    }
    if matches!(before, Some('（' | '(')) && rest.starts_with(['）', ')']) {
        return false;
    }
    // Telephone and hotline numbers: a phone word close by.
    let window_end = rest
        .char_indices()
        .nth(10)
        .map_or(text.len(), |(i, _)| end + i);
    let window_start = text[..at].char_indices().rev().nth(3).map_or(0, |(i, _)| i);
    !(n.int_digits >= 5 && lex.mentions_phone(&text[window_start..window_end]))
}

/// A bare Chinese numeral that is a figure by itself: written with a place word or a decimal
/// point (`三千零六十`, `八万亿`, `十五点七`, never a single character such as 十 or 两), and
/// followed by no word it could be part of, nor by the `、` or `．` of a heading (`二十、`), nor
/// closed in brackets (`（十二）`).
fn stands_alone(text: &str, at: usize, end: usize) -> bool {
    let written = &text[at..end];
    let structured = written.chars().nth(1).is_some()
        && written.contains(|c: char| {
            matches!(c, '点' | '點')
                || (c != '零' && c != '〇' && super::numeral::chinese_digit(c).is_none())
        });
    let after = text[end..].chars().next();
    let heading = matches!(after, Some('、' | '．' | '.' | '）' | ')'));
    // 五兆六十二亿, 三百五十又三分之一: the end of a numeral this grammar does not read whole.
    let tail_of_more = matches!(char_before(text, at), Some('兆' | '又'));
    structured && !heading && !tail_of_more && !after.is_some_and(char::is_alphanumeric)
}

/// `二期工程`, `二轮承包`, `二元结构`: 二 directly before a measure word is an ordinal or a
/// name; a count of two says 两. `二分之一` is a half.
fn lone_er_ordinal(text: &str, at: usize, end: usize) -> bool {
    let Some(after) = text[at..end].strip_prefix('二') else {
        return false;
    };
    !after.starts_with("分之")
        && !after.starts_with(|c: char| {
            super::numeral::chinese_digit(c).is_some()
                || matches!(c, '十' | '百' | '千' | '万' | '亿' | '成' | '倍' | '点')
        })
}

/// `一` counts in 一成, 一倍 and with 万/亿 (`一万`), which reach here as non-bare tails whose
/// form is one of those.
fn lone_yi_counts(text: &str, end: usize) -> bool {
    let form = &text[..end];
    form.ends_with('成') || form.ends_with('倍') || form.ends_with('万') || form.ends_with('亿')
}

/// A minus sign written before a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `-`, `－` or `−` (U+2212), before Arabic digits; the width of the character.
    Minus(usize),
    /// `负1.5%`, `负七`.
    Fu,
    /// `零下12摄氏度`.
    BelowZero,
}

impl Sign {
    pub fn len(self) -> usize {
        match self {
            Sign::Minus(n) => n,
            Sign::Fu => '负'.len_utf8(),
            Sign::BelowZero => "零下".len(),
        }
    }
}

/// Characters after which `负` is a sign, though they end a word: `增长负1.5%`, `同比负2.1%`,
/// `为负0.3%`. After any other Chinese character 负 is a word of its own (减负, 税负, 身负,
/// 胜负).
const SIGN_AFTER: &[char] = &[
    '为', '是', '长', '比', '达', '至', '到', '降', '升', '了', '值', '率', '额', '速', '幅', '润',
    '约', '均', '计', '差',
];

fn is_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// After these a dash joins or separates (`6.5%－7%`, `HL-3`, `2260-2007`, `1-2-3`): it is no
/// minus sign.
fn joins_before_dash(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || is_arabic_digit(c)
        || c.is_alphabetic() && !is_ideograph(c)
        || chinese_digit(c).is_some()
        || matches!(
            c,
            '十' | '百'
                | '千'
                | '万'
                | '亿'
                | '廿'
                | '卅'
                | '拾'
                | '佰'
                | '仟'
                | '%'
                | '％'
                | '‰'
                | '.'
                | '．'
                | '/'
                | '／'
                | '-'
                | '－'
                | '−'
                | '~'
                | '～'
                | '—'
                | '–'
                | '_'
                | '·'
                | ')'
                | '）'
                | ']'
                | '］'
                | '】'
                | '》'
                | '>'
                | '年'
                | '月'
                | '日'
                | '号'
                | '期'
                | '成'
                | '倍'
                | '点'
                | '度'
                | '第'
        )
}

/// A minus sign at `at` that makes the figure after it negative: `-4.7%`, `－2.1％`,
/// `−0.8%`, `负1.5%`, `负七`, `零下12摄氏度`. A dash after a figure, a letter, a unit or a
/// closing mark is a connector (`6.5%－7%`, `5人-8人`), and a dash before a bare year a title's
/// (`《统计年鉴－1996》`).
pub fn sign_at(text: &str, at: usize, lex: &Lexicon) -> Option<Sign> {
    let rest = &text[at..];
    let opens = |s: &str| s.starts_with(|c: char| is_arabic_digit(c) || opens_chinese_numeral(c));
    if let Some(after) = rest.strip_prefix("零下") {
        return opens(after).then_some(Sign::BelowZero);
    }
    let before = char_before(text, at);
    if let Some(after) = rest.strip_prefix('负') {
        let in_word = before.is_some_and(|c| is_ideograph(c) && !SIGN_AFTER.contains(&c));
        return (opens(after) && !in_word).then_some(Sign::Fu);
    }
    let dash = rest
        .chars()
        .next()
        .filter(|&c| matches!(c, '-' | '－' | '−'))?;
    let after = &rest[dash.len_utf8()..];
    if !after.starts_with(is_arabic_digit) {
        return None;
    }
    if let Some(b) = before {
        let b_at = at - b.len_utf8();
        if joins_before_dash(b) || lex.unit_at(&text[b_at..]).is_some() {
            return None;
        }
    }
    (!bare_year(after, lex)).then_some(Sign::Minus(dash.len_utf8()))
}

/// A sign written right after a range connector (`-3～-1℃`, `零下5至零下3摄氏度`): after a
/// hyphen only 负 and 零下, a second dash being no sign.
pub fn sign_after_connector(text: &str, at: usize, hyphen: bool) -> Option<Sign> {
    let rest = &text[at..];
    let opens = |s: &str| s.starts_with(|c: char| is_arabic_digit(c) || opens_chinese_numeral(c));
    if rest.strip_prefix("零下").is_some_and(opens) {
        return Some(Sign::BelowZero);
    }
    if rest.strip_prefix('负').is_some_and(opens) {
        return Some(Sign::Fu);
    }
    let dash = rest
        .chars()
        .next()
        .filter(|&c| matches!(c, '-' | '－' | '−'))?;
    (!hyphen && rest[dash.len_utf8()..].starts_with(is_arabic_digit))
        .then_some(Sign::Minus(dash.len_utf8()))
}

/// Four digits of a year (1900–2100) and nothing that makes them a figure after them.
fn bare_year(digits: &str, lex: &Lexicon) -> bool {
    let len: usize = digits
        .chars()
        .take_while(|&c| is_arabic_digit(c))
        .map(char::len_utf8)
        .sum();
    let run = &digits[..len];
    if run.chars().count() != 4 {
        return false;
    }
    let value: u32 = run
        .chars()
        .filter_map(|c| c.to_digit(10).or_else(|| Some(c as u32 - '０' as u32)))
        .fold(0, |v, d| v * 10 + d);
    let after = &digits[len..];
    (1900..=2100).contains(&value)
        && !after.starts_with(['.', '．', '%', '％', '‰', '万', '亿', '千', '百'])
        && lex.unit_at(after).is_none()
}

/// Whether a numeral after a sign is a figure. Arabic digits count as anywhere; a Chinese
/// numeral after 负 alone or as a share (`负七`, `负三十二`, `负三成`), after 零下 always, but
/// never a lone `一` (负一切责任) and never 负 before a counted thing (`身负三处伤`).
#[allow(clippy::too_many_arguments)]
pub fn signed_counts(
    text: &str,
    at: usize,
    sign: Sign,
    n: &Numeral,
    end: usize,
    bare: bool,
    share: bool,
    lex: &Lexicon,
) -> bool {
    if !n.chinese {
        return counts_as_quantity(text, at, n, end, bare, lex);
    }
    // A Chinese numeral opens with 零 only as `零点五`.
    let stray_zero = text[at..].starts_with(['零', '〇']) && n.decimals == 0;
    if n.lone_yi || n.mantissa.is_zero() || stray_zero {
        return false;
    }
    match sign {
        Sign::Fu => bare || share,
        Sign::BelowZero => true,
        Sign::Minus(_) => false,
    }
}

/// Approximation words written before a number, longest first.
const PREFIXES: [(&str, ApproxKind); 14] = [
    ("不超过", ApproxKind::AtMost),
    ("不少于", ApproxKind::AtLeast),
    ("不低于", ApproxKind::AtLeast),
    ("不高于", ApproxKind::AtMost),
    ("将近", ApproxKind::Near),
    ("接近", ApproxKind::Near),
    ("大约", ApproxKind::About),
    ("超过", ApproxKind::Over),
    ("不足", ApproxKind::Under),
    ("不到", ApproxKind::Under),
    ("至少", ApproxKind::AtLeast),
    ("约", ApproxKind::About),
    ("近", ApproxKind::Near),
    ("逾", ApproxKind::Over),
];

/// Characters that make `约` or `近` part of another word: 节约, 制约, 条约, 最近, 附近.
const NOT_APPROX_BEFORE: &[char] = &[
    '节', '制', '预', '契', '条', '公', '邀', '相', '简', '履', '违', '特', '签', '合', '婚', '隐',
    '最', '附', '靠', '临', '亲', '贴', '就', '邻', '逼', '迫', '接', '将', '大',
];

/// The approximation word written right before byte `at`, if any.
pub fn prefix_at(text: &str, at: usize) -> Option<(&'static str, ApproxKind)> {
    let before = &text[..at];
    let &(word, kind) = PREFIXES.iter().find(|(w, _)| before.ends_with(w))?;
    let word_at = at - word.len();
    if word.chars().count() == 1
        && char_before(text, word_at).is_some_and(|c| NOT_APPROX_BEFORE.contains(&c))
    {
        return None;
    }
    Some((word, kind))
}

/// Whether an approximation word (`近`, `逾`, `超过`, `不足` …) stands right before `at`.
pub fn approximation_before(text: &str, at: usize) -> bool {
    prefix_at(text, at).is_some()
}

/// Widens `q` by an approximation word written right before it, if any and if it has none yet.
pub fn with_prefix(text: &str, q: Quantity) -> Quantity {
    // A range's ends are its bounds; an approximation word before it widens nothing.
    if q.approx.is_some() || q.range {
        return q;
    }
    let Some((word, kind)) = prefix_at(text, q.span.start) else {
        return q;
    };
    // `约-3%` is rounded like any figure; `超过-3%` and the like bound a negative figure the
    // other way round, which no report needs.
    if q.value < Decimal::ZERO && kind != ApproxKind::About {
        return q;
    }
    let word_at = q.span.start - word.len();
    // `超过1/3`, `超过三分之一`: above the fraction, at most all of it, like 过半.
    if q.kind == Kind::Fraction && kind == ApproxKind::Over {
        return Quantity {
            span: word_at..q.span.end,
            interval: Interval::new(q.value, q.value.max(Decimal::ONE)),
            exact: false,
            approx: Some(Approx { word, kind }),
            open: Open {
                lower: true,
                upper: false,
            },
            ..q
        };
    }
    // An approximation word moves an integer by its last significant digit (约5000 by 1000).
    let step = if q.exact || q.step == Decimal::ONE {
        significant_step(&q)
    } else {
        q.step
    };
    let Some(interval) = approximate(q.value, step, kind) else {
        return q;
    };
    Quantity {
        span: word_at..q.span.end,
        interval,
        exact: false,
        approx: Some(Approx { word, kind }),
        open: Open::of(kind),
        ..q
    }
}

/// The interval an approximation word allows around `v` stated to `step` (RULEBOOK R6).
/// Here rather than in `expression`, which calls it too, so that the parse calls into its
/// context and never back.
pub fn approximate(v: Decimal, step: Decimal, kind: ApproxKind) -> Option<Interval> {
    Some(match kind {
        ApproxKind::About => Interval::rounded(v, step)?,
        ApproxKind::Over => Interval::new(v, v.checked_add(step)?),
        ApproxKind::AtLeast => Interval::at_least(v),
        ApproxKind::Near => Interval::new(v.checked_sub(step)?.max(Decimal::ZERO), v),
        ApproxKind::Under | ApproxKind::AtMost => Interval::new(Decimal::ZERO.min(v), v),
    })
}

/// The place of the last non-zero digit of an exact integer (`5000` → 1000): how far an
/// approximation word lets it move.
fn significant_step(q: &Quantity) -> Decimal {
    if q.step.is_zero() {
        return Decimal::ZERO;
    }
    let mut v = q.value.trunc();
    let mut step = Decimal::ONE;
    while !v.is_zero() && (v % Decimal::TEN).is_zero() {
        v /= Decimal::TEN;
        step *= Decimal::TEN;
    }
    step
}
