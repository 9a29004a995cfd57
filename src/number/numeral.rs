//! Numerals: the digits of a number as written, Arabic or Chinese, before any unit.
//!
//! Parsers here are nom combinators over `&str`. They compute exact values with checked
//! arithmetic: a numeral too large for `Decimal` (about 7.9 × 10^28) fails to parse rather than
//! wrapping or panicking.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n, take_while1};
use nom::character::complete::{char, one_of, satisfy};
use nom::combinator::{not, opt, peek, recognize};
use nom::multi::many0_count;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// A numeral as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numeral {
    /// The value of the digits, before any trailing 万/亿 scale word.
    pub mantissa: Decimal,
    /// Digits written after the decimal point.
    pub decimals: u32,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// Chinese digits read one by one with no place words (`二〇二〇`): only ever a year or a
    /// name.
    pub digit_string: bool,
    /// Digits before the decimal point (Arabic), for recognising four-digit years.
    pub int_digits: usize,
    /// A Chinese numeral with 万 or 亿 inside it (`十二万三千`): rounded like a scaled number.
    pub magnitude_inside: bool,
    /// Exactly `一`: in prose nearly always "a", "one of", "the same", so it counts only in forms
    /// that need a numeral (`一成`, `一倍`, `三分之一`).
    pub lone_yi: bool,
}

pub fn is_arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn arabic_value(c: char) -> u32 {
    if c.is_ascii_digit() {
        c as u32 - '0' as u32
    } else {
        c as u32 - '０' as u32
    }
}

/// The value of a Chinese digit character (零〇 included, 两 and financial forms too).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '两' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn chinese_place(c: char) -> Option<i128> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1000,
        _ => return None,
    })
}

fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_place(c).is_some()
        || matches!(c, '万' | '亿' | '廿' | '卅')
}

/// A character that can open a Chinese numeral (a digit, 十, 廿, 卅), so that 百姓, 千方百计,
/// 万众 and 亿万 never start one.
pub fn opens_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '拾' | '廿' | '卅')
}

/// Arabic digits with optional thousands separators and decimals: `39347`, `1,234`, `3080.5`,
/// `１２．５`. A full-width comma separates thousands only when `after_groups_ok` accepts what
/// follows the digits (a unit or a scale word), since `，` is also the clause comma.
pub fn arabic<'a>(
    after_groups_ok: impl Fn(&str) -> bool,
) -> impl Parser<&'a str, Output = Numeral, Error = nom::error::Error<&'a str>> {
    move |input: &'a str| {
        let (mut rest, lead) = take_while1(is_arabic_digit).parse(input)?;
        let mut int_text_end = input.len() - rest.len();
        if lead.chars().count() <= 3 {
            for sep in [',', '，'] {
                let (after, groups) = many0_count(preceded(char(sep), three_digits)).parse(rest)?;
                if groups > 0 && (sep == ',' || after_groups_ok(after)) {
                    rest = after;
                    int_text_end = input.len() - rest.len();
                    break;
                }
            }
        }
        let (rest, fraction) =
            opt(preceded(one_of(".．"), take_while1(is_arabic_digit))).parse(rest)?;
        let int_part = &input[..int_text_end];
        let numeral = arabic_numeral(int_part, fraction.unwrap_or("")).ok_or_else(|| {
            nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::TooLarge,
            ))
        })?;
        Ok((rest, numeral))
    }
}

fn three_digits(i: &str) -> IResult<&str, &str> {
    let (rest, d) = take_while_m_n(3, 3, is_arabic_digit).parse(i)?;
    let (rest, _) = not(peek(satisfy(is_arabic_digit))).parse(rest)?;
    Ok((rest, d))
}

fn arabic_numeral(int_part: &str, fraction: &str) -> Option<Numeral> {
    let mut mantissa: i128 = 0;
    let mut int_digits = 0;
    let mut decimals = 0u32;
    for c in int_part.chars().filter(|&c| is_arabic_digit(c)) {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(arabic_value(c).into())?;
        int_digits += 1;
    }
    for c in fraction.chars() {
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(arabic_value(c).into())?;
        decimals += 1;
    }
    let mantissa = Decimal::try_from_i128_with_scale(mantissa, decimals).ok()?;
    Some(Numeral {
        mantissa,
        decimals,
        chinese: false,
        digit_string: false,
        int_digits,
        magnitude_inside: false,
        lone_yi: false,
    })
}

/// A Chinese numeral: `三`, `十二`, `一百零五`, `两千五百万`, `十二万三千`, `廿`, `壹佰贰拾`,
/// `三点五`, and digit strings such as `二〇二〇`.
pub fn chinese(input: &str) -> IResult<&str, Numeral> {
    let (rest, body) = recognize((
        satisfy(opens_chinese_numeral),
        nom::bytes::complete::take_while(is_chinese_numeral_char),
    ))
    .parse(input)?;
    let full = body;
    // 零部件, 〇号: a numeral opening with zero is only `零点五`; a lone financial digit (陆 of
    // 大陆, 陆家嘴) is a name.
    let opens_with_zero = full.starts_with(['零', '〇']);
    let lone_financial =
        full.chars().count() == 1 && !"零〇一二三四五六七八九十两廿卅".contains(full);
    if (opens_with_zero && !rest.starts_with('点')) || lone_financial {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let (value, magnitude_inside, digit_string) = chinese_integer(full).ok_or_else(|| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
    })?;
    let (rest, fraction) = opt(preceded(
        tag("点"),
        take_while1(|c| chinese_digit(c).is_some() && c != '两'),
    ))
    .parse(rest)?;
    let mut mantissa = value;
    let mut decimals = 0u32;
    for c in fraction.unwrap_or("").chars() {
        let d = chinese_digit(c).unwrap_or(0);
        mantissa = mantissa
            .checked_mul(10)
            .and_then(|m| m.checked_add(d.into()))
            .ok_or_else(|| {
                nom::Err::Error(nom::error::Error::new(
                    input,
                    nom::error::ErrorKind::TooLarge,
                ))
            })?;
        decimals += 1;
    }
    let mantissa = Decimal::try_from_i128_with_scale(mantissa, decimals).map_err(|_| {
        nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::TooLarge,
        ))
    })?;
    Ok((
        rest,
        Numeral {
            mantissa,
            decimals,
            chinese: true,
            digit_string,
            int_digits: full.chars().count(),
            magnitude_inside,
            lone_yi: full == "一" && decimals == 0,
        },
    ))
}

/// Value of a Chinese integer; `(value, has 万/亿 inside, is a digit string)`. `None` when the
/// characters do not form a numeral (`十十`, `万三`).
fn chinese_integer(s: &str) -> Option<(i128, bool, bool)> {
    // Two digits in a row with no place word between (`二〇二〇`, `一二`): read digit by digit.
    let digit_string = s.chars().nth(1).is_some() && s.chars().all(|c| chinese_digit(c).is_some());
    if digit_string {
        let mut v: i128 = 0;
        for c in s.chars() {
            v = v.checked_mul(10)?.checked_add(chinese_digit(c)?.into())?;
        }
        return Some((v, false, true));
    }
    let mut total: i128 = 0; // completed 亿 groups
    let mut wan: i128 = 0; // completed 万 group inside the current 亿 group
    let mut section: i128 = 0; // below 万
    let mut digit: Option<i128> = None;
    let mut last_place: i128 = i128::MAX;
    let mut magnitude = false;
    for (i, c) in s.chars().enumerate() {
        if let Some(d) = chinese_digit(c) {
            if d == 0 {
                if digit.is_some() {
                    return None;
                }
                continue;
            }
            if digit.is_some() {
                return None;
            }
            digit = Some(d.into());
        } else if let Some(place) = chinese_place(c) {
            let n = match digit.take() {
                Some(n) => n,
                // 十二 = 12 and 一百一十 = 110: a bare 十 counts one ten.
                None if place == 10 => 1,
                None => return None,
            };
            if place >= last_place {
                return None;
            }
            last_place = place;
            section = section.checked_add(n.checked_mul(place)?)?;
        } else if c == '廿' || c == '卅' {
            if i != 0 || digit.is_some() {
                return None;
            }
            section = if c == '廿' { 20 } else { 30 };
            last_place = 10;
        } else if c == '万' {
            section = section.checked_add(digit.take().unwrap_or(0))?;
            if section == 0 || wan != 0 {
                return None;
            }
            wan = section;
            section = 0;
            last_place = i128::MAX;
            magnitude = true;
        } else if c == '亿' {
            section = section.checked_add(digit.take().unwrap_or(0))?;
            let group = wan.checked_mul(10_000)?.checked_add(section)?;
            if group == 0 {
                return None;
            }
            total = total.checked_add(group)?.checked_mul(100_000_000)?;
            wan = 0;
            section = 0;
            last_place = i128::MAX;
            magnitude = true;
        } else {
            return None;
        }
    }
    section = section.checked_add(digit.unwrap_or(0))?;
    let value = total
        .checked_add(wan.checked_mul(10_000)?)?
        .checked_add(section)?;
    Some((value, magnitude, false))
}

/// A trailing multiplier after Arabic digits, and what it multiplies by: `万`, `亿`, `万亿`,
/// `千万`, `百万`, `十万`, `千亿`, `百亿`, `十亿`, `千`, `百`.
pub fn scale_word(input: &str) -> IResult<&str, (&'static str, Decimal)> {
    let (rest, word) = alt((
        tag("万亿"),
        tag("千亿"),
        tag("百亿"),
        tag("十亿"),
        tag("千万"),
        tag("百万"),
        tag("十万"),
        tag("亿"),
        tag("万"),
        tag("千"),
        tag("百"),
    ))
    .parse(input)?;
    const WORDS: [&str; 11] = [
        "万亿", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千", "百",
    ];
    let word = WORDS.iter().find(|w| **w == word).copied().unwrap_or("万");
    Ok((rest, (word, scale_factor(word))))
}

fn scale_factor(word: &str) -> Decimal {
    let exponent = word.chars().fold(0u32, |e, c| {
        e + match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => 0,
        }
    });
    Decimal::from_i128_with_scale(10i128.pow(exponent), 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn cn(s: &str) -> Option<(Decimal, &str)> {
        chinese(s).ok().map(|(rest, n)| (n.mantissa, rest))
    }

    #[test]
    fn chinese_values() {
        let cases = [
            ("一万零三", dec!(10003)),
            ("两千五百万", dec!(25000000)),
            ("十二万三千", dec!(123000)),
            ("一百零五", dec!(105)),
            ("十", dec!(10)),
            ("十二", dec!(12)),
            ("二十", dec!(20)),
            ("一百一十", dec!(110)),
            ("廿", dec!(20)),
            ("卅", dec!(30)),
            ("壹佰贰拾叁", dec!(123)),
            ("三点五", dec!(3.5)),
            ("零点五", dec!(0.5)),
            ("两万亿", dec!(2000000000000)),
            ("三亿零五万", dec!(300050000)),
            ("九千九百九十九", dec!(9999)),
            ("二〇二〇", dec!(2020)),
        ];
        for (s, v) in cases {
            assert_eq!(cn(s).map(|x| x.0), Some(v), "{s}");
        }
    }

    #[test]
    fn chinese_rejects() {
        for s in ["十十", "百姓", "万众", "亿万", "千方百计", "三百千"] {
            assert!(
                cn(s).is_none() || cn(s).unwrap().1.len() == s.len() - 3,
                "{s}"
            );
        }
        assert!(cn("百姓").is_none());
        assert!(cn("千方百计").is_none());
    }

    #[test]
    fn arabic_values() {
        let ok = |_: &str| true;
        let cases = [
            ("39347件", dec!(39347), "件"),
            ("1,234件", dec!(1234), "件"),
            ("3080.5万", dec!(3080.5), "万"),
            ("１２．５％", dec!(12.5), "％"),
            ("1.2.3", dec!(1.2), ".3"),
        ];
        for (s, v, rest) in cases {
            let (r, n) = arabic(ok).parse(s).unwrap();
            assert_eq!((n.mantissa, r), (v, rest), "{s}");
        }
        let (r, n) = arabic(|_: &str| false).parse("1，234件").unwrap();
        assert_eq!((n.mantissa, r), (dec!(1), "，234件"));
        let long = "9".repeat(40);
        assert!(arabic(ok).parse(&long).is_err());
    }

    #[test]
    fn scale_words() {
        assert_eq!(
            scale_word("万亿元").unwrap(),
            ("元", ("万亿", dec!(1000000000000)))
        );
        assert_eq!(scale_word("千万").unwrap().1.1, dec!(10000000));
    }
}
