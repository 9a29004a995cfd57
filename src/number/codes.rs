//! Digits that are codes, not quantities: telephone and mobile numbers, identity numbers,
//! hotlines, clock times, dates written with a middle dot (`“5·12”`), `双11`, standard numbers
//! (`GB/T 2260-2007`) and model names (`歼-20`).
//!
//! Each is recognised by its shape where the digits begin, and skipped whole, so that no part of
//! it is read as a figure. Document numbers (`〔2023〕5号`), years and ordinals are left to
//! `context`, which reads what follows a numeral.

use super::numeral::is_arabic_digit;
use crate::lexicon::Lexicon;

/// The separators inside a telephone number: `021-63211234`, `139 1234 5678`.
const PHONE_SEPARATORS: [char; 5] = ['-', '－', '—', '–', ' '];

/// Dots that join a month and a day in the name of an event: `“5·12”`, `“7·20”`.
const MIDDLE_DOTS: [char; 4] = ['·', '•', '・', '･'];

/// Words before a short number that make it a number to dial: `拨打120`, `热线12345`.
const DIAL_WORDS: [&str; 5] = ["拨打", "拨通", "致电", "呼叫", "热线"];

/// Words before a clock time given in 点: `下午3点`.
const TIMES_OF_DAY: [&str; 9] = [
    "上午", "下午", "晚上", "凌晨", "早上", "中午", "傍晚", "早晨", "夜间",
];

/// If the Arabic digits at `at` begin a code, where the code ends.
pub fn code_end(text: &str, at: usize, lex: &Lexicon) -> Option<usize> {
    let (digits, end) = digit_run(text, at)?;
    let rest = &text[end..];
    let before = text[..at].chars().next_back();
    let decimal = rest
        .strip_prefix(['.', '．'])
        .is_some_and(|r| r.starts_with(is_arabic_digit));
    if decimal {
        return None;
    }
    // 021-63211234, 0371 1234567, 400-810-8888: an area code or service prefix and a number.
    if let Some(end) = landline(text, at, digits, end) {
        return Some(end);
    }
    // Below, bare digits only: with a unit, a scale word or a sign they are a figure.
    let bare = !continues_as_figure(rest, lex);
    // 13912345678, 139-1234-5678.
    if let Some(end) = mobile(text, at, digits, end).filter(|_| bare) {
        return Some(end);
    }
    // 110101199003071234, 11010119900307123X: an identity or account number.
    if digits >= 15 && bare {
        return Some(
            end + rest
                .find(|c: char| !matches!(c, 'X' | 'x'))
                .unwrap_or(rest.len()),
        );
    }
    // 021, 007: digits that open with zero are a code (0.5 is a decimal, checked above); no
    // figure is written so, with a unit or without (`05` heading `国内贸易`).
    if digits >= 2 && text[at..].starts_with(['0', '０']) {
        return Some(continued(text, end));
    }
    // “5·12”, 7·20: a month and a day.
    if digits <= 2
        && let Some(dot) = MIDDLE_DOTS.iter().find(|d| rest.starts_with(**d))
        && let Some((day, day_end)) = digit_run(text, end + dot.len_utf8())
        && day <= 2
    {
        return Some(day_end);
    }
    // 双11, 双12.
    if before == Some('双') && digits <= 2 && bare {
        return Some(end);
    }
    // 14时20分, 8时, 12:30, 下午3点, 9点半.
    if digits <= 2
        && value(&text[at..end]) <= 24
        && let Some(end) = clock(text, at, end)
    {
        return Some(end);
    }
    // 120急救, 110报警, 拨打12345: a short number beside a word for dialling it.
    if (3..=6).contains(&digits) && bare {
        let after_word = lex.phone_word_at(rest);
        let dialled = DIAL_WORDS.iter().any(|w| text[..at].ends_with(w));
        if after_word || dialled {
            return Some(end);
        }
    }
    // GB/T 2260-2007, ISO 9001, iPhone 15: a Latin name, a space, and its number.
    if latin_name_before(text, at) && bare {
        return Some(continued(text, end));
    }
    // 歼-20, 东风-41, 运-20: a Chinese name, a hyphen, and its number.
    if let Some(hyphen) = before.filter(|c| matches!(c, '-' | '－'))
        && text[..at - hyphen.len_utf8()]
            .chars()
            .next_back()
            .is_some_and(is_ideograph)
        // `约-5`, `超过-3`: a sign after an approximation word, not a model's number.
        && super::context::prefix_at(text, at - hyphen.len_utf8()).is_none()
        && bare
    {
        return Some(end);
    }
    None
}

/// Digits at `at` (ASCII or full-width): how many, and where they end.
fn digit_run(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let mut count = 0;
    let mut len = 0;
    for c in rest.chars() {
        if !is_arabic_digit(c) {
            break;
        }
        count += 1;
        len += c.len_utf8();
    }
    (count > 0).then_some((count, at + len))
}

/// The value of a short run of digits.
fn value(digits: &str) -> u32 {
    digits.chars().fold(0, |v, c| {
        let d = c.to_digit(10).or_else(|| fullwidth(c)).unwrap_or(0);
        v.saturating_mul(10).saturating_add(d)
    })
}

/// The end of a code's further parts: `-2007`, `:2015`, `-123`.
pub fn continued(text: &str, mut end: usize) -> usize {
    loop {
        let rest = &text[end..];
        let Some(sep) = rest
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '－' | ':' | '/' | '_'))
        else {
            return end;
        };
        match digit_run(text, end + sep.len_utf8()) {
            Some((_, next)) => end = next,
            None => return end,
        }
    }
}

/// `021-63211234`, `0371 12345678`, `(010)12345678`, `400-810-8888`.
fn landline(text: &str, at: usize, digits: usize, end: usize) -> Option<usize> {
    let first = text[at..].chars().next()?;
    let service = digits == 3 && matches!(first, '4' | '8' | '４' | '８');
    let area = (3..=4).contains(&digits) && matches!(first, '0' | '０');
    if !(area || service) {
        return None;
    }
    let rest = &text[end..];
    let sep = rest
        .chars()
        .next()
        .filter(|c| PHONE_SEPARATORS.contains(c) || matches!(c, ')' | '）'))?;
    let (n, next) = digit_run(text, end + sep.len_utf8())?;
    if service {
        let after = text[next..]
            .chars()
            .next()
            .filter(|c| PHONE_SEPARATORS.contains(c))?;
        let (m, last) = digit_run(text, next + after.len_utf8())?;
        return (n == 3 && m == 4).then_some(last);
    }
    (7..=8).contains(&n).then(|| continued(text, next))
}

/// `13912345678`, `139-1234-5678`, `139 1234 5678`.
fn mobile(text: &str, at: usize, digits: usize, end: usize) -> Option<usize> {
    let mut chars = text[at..].chars();
    let (first, second) = (chars.next()?, chars.next()?);
    let prefix = matches!(first, '1' | '１') && value(second.encode_utf8(&mut [0; 4])) >= 3;
    if !prefix {
        return None;
    }
    if digits == 11 {
        return Some(end);
    }
    if digits != 3 {
        return None;
    }
    let sep = text[end..]
        .chars()
        .next()
        .filter(|c| PHONE_SEPARATORS.contains(c))?;
    let (n, next) = digit_run(text, end + sep.len_utf8())?;
    let sep2 = text[next..].chars().next().filter(|c| *c == sep)?;
    let (m, last) = digit_run(text, next + sep2.len_utf8())?;
    (n == 4 && m == 4).then_some(last)
}

fn fullwidth(c: char) -> Option<u32> {
    ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32)
}

/// `14时20分`, `8时`, `12:30`, `下午3点`, `9点半`: the end of a time of day whose hour is at
/// `at..end`.
fn clock(text: &str, at: usize, end: usize) -> Option<usize> {
    let rest = &text[end..];
    if let Some(after) = rest.strip_prefix('时') {
        // 小时 is a length of time, and never reaches here: the hour word is 时 alone.
        let pos = text.len() - after.len();
        return Some(minutes(text, pos).unwrap_or(pos));
    }
    if let Some(after) = rest.strip_prefix(':') {
        let (m, next) = digit_run(text, text.len() - after.len())?;
        let two = value(&text[text.len() - after.len()..next]);
        if m != 2 || two >= 60 || text[next..].starts_with(is_arabic_digit) {
            return None;
        }
        return Some(continued(text, next));
    }
    let after = rest.strip_prefix('点')?;
    let pos = text.len() - after.len();
    if let Some(end) = minutes(text, pos) {
        return Some(end);
    }
    if after.starts_with(['半', '整', '钟']) {
        return Some(pos + '半'.len_utf8());
    }
    TIMES_OF_DAY
        .iter()
        .any(|w| text[..at].ends_with(w))
        .then_some(pos)
}

/// `20分`, `20分30秒` after an hour.
fn minutes(text: &str, pos: usize) -> Option<usize> {
    let (n, end) = digit_run(text, pos)?;
    if n > 2 {
        return None;
    }
    let after = text[end..].strip_prefix('分')?;
    let pos = text.len() - after.len();
    match digit_run(text, pos) {
        Some((s, end)) if s <= 2 && text[end..].starts_with('秒') => Some(end + '秒'.len_utf8()),
        _ => Some(pos),
    }
}

/// A Latin name and one space right before `at`: `GB/T 2260`, `ISO 9001`, `iPhone 15`.
fn latin_name_before(text: &str, at: usize) -> bool {
    let before = text[..at].strip_suffix(' ');
    before.is_some_and(|b| {
        b.chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphabetic())
    })
}

/// Digits followed by what makes them a figure: a decimal point, a scale word, a unit or a
/// percent sign. A code is bare.
fn continues_as_figure(rest: &str, lex: &Lexicon) -> bool {
    rest.starts_with([
        '.', '．', '%', '％', '‰', '万', '亿', '千', '百', '倍', '成',
    ]) || rest.starts_with("个百分点")
        || lex.unit_at(rest).is_some()
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}
