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

/// The value of a Chinese digit character (零〇 included, 两 and financial forms too, in
/// simplified and traditional characters: 兩, 貳, 參, 陸).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '两' | '兩' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
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

/// 万 and 亿 (萬, 億): the group words, by their value.
pub fn chinese_group(c: char) -> Option<i128> {
    Some(match c {
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// A character that may stand inside a Chinese numeral: a digit, a place or group word, 廿, 卅.
pub fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some()
        || chinese_place(c).is_some()
        || chinese_group(c).is_some()
        || matches!(c, '廿' | '卅')
}

/// 百, 千, 万 and 亿 (and their financial and traditional forms): the words that may open a
/// figure with no digit before them (`百万吨`, `千亿级`, `万余人`), counting one.
pub fn is_leading_unit(c: char) -> bool {
    matches!(c, '百' | '佰' | '千' | '仟') || chinese_group(c).is_some()
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

/// One financial digit written alone, as the numerator of a fraction (`五分之壹`).
pub fn lone_financial_digit(input: &str) -> Option<(&str, Numeral)> {
    let c = input.chars().next()?;
    let rest = &input[c.len_utf8()..];
    if "零〇一二三四五六七八九十两兩廿卅".contains(c) || rest.starts_with(is_chinese_numeral_char)
    {
        return None;
    }
    let d = chinese_digit(c)?;
    Some((
        rest,
        Numeral {
            mantissa: Decimal::from(d),
            decimals: 0,
            chinese: true,
            digit_string: false,
            int_digits: 1,
            magnitude_inside: false,
            lone_yi: false,
        },
    ))
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
    let rest_is_point = rest.starts_with(['点', '點']);
    let lone_financial =
        full.chars().count() == 1 && !"零〇一二三四五六七八九十两兩廿卅".contains(full);
    // `叁分之贰`: in a fraction a lone financial digit is a numeral.
    let lone_financial = lone_financial && !rest.starts_with("分之");
    if (opens_with_zero && !rest_is_point) || lone_financial {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Verify,
        )));
    }
    let (value, magnitude_inside, digit_string) = chinese_integer(full).ok_or_else(|| {
        nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
    })?;
    let (rest, fraction) = opt(preceded(
        alt((tag("点"), tag("點"))),
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

/// Arabic digits mixed with place words: `5万6000`, `2千零3`, `5万4千6百`, `2千零30万`, `3万5千`.
/// Only integers; a run with no digits after its first place word (`30万`, `1.5亿`) is left to
/// [`arabic`] and its scale word.
pub fn mixed(input: &str) -> IResult<&str, Numeral> {
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let is_place = |c: char| {
        matches!(
            chinese_piece(c),
            Some(Piece::Zero | Piece::Place(_) | Piece::Group(_))
        )
    };
    // Most figures have no place word after their digits: settled without more work.
    let (after_digits, _) = take_while1(is_arabic_digit).parse(input)?;
    if !after_digits.starts_with(is_place) {
        return Err(fail());
    }
    // On the stack: the scanner tries this at every Arabic figure.
    const MAX_PIECES: usize = 24;
    let mut pieces = [Piece::Zero; MAX_PIECES];
    let mut len = 0;
    let mut rest = input;
    let mut arabic_digits = 0usize;
    let mut digits_after_place = false;
    while let Some(c) = rest.chars().next() {
        let piece = if is_arabic_digit(c) {
            let (after, run) = take_while1(is_arabic_digit).parse(rest)?;
            let n = arabic_numeral(run, "").ok_or_else(fail)?;
            digits_after_place |= len > 0;
            arabic_digits += n.int_digits;
            rest = after;
            Piece::Digit {
                value: n.mantissa.mantissa(),
                digits: u32::try_from(n.int_digits).map_err(|_| fail())?,
            }
        } else if is_place(c) {
            rest = &rest[c.len_utf8()..];
            chinese_piece(c).ok_or_else(fail)?
        } else {
            break;
        };
        if len == MAX_PIECES {
            return Err(fail());
        }
        pieces[len] = piece;
        len += 1;
    }
    // `1.5万`, `30万件`, `2020年`: not mixed. A trailing 零 belongs to what follows (`1千零部件`).
    while len > 0 && pieces[len - 1] == Piece::Zero {
        len -= 1;
        rest = &input[input.len() - rest.len() - '零'.len_utf8()..];
    }
    if !digits_after_place || rest.starts_with(['.', '．']) {
        return Err(fail());
    }
    let pieces = pieces[..len].iter().copied().map(Some);
    let (value, magnitude_inside) = place_value(pieces, false).ok_or_else(fail)?;
    let mantissa = Decimal::try_from_i128_with_scale(value, 0).map_err(|_| fail())?;
    Ok((
        rest,
        Numeral {
            mantissa,
            decimals: 0,
            chinese: false,
            digit_string: false,
            int_digits: arabic_digits,
            magnitude_inside,
            lone_yi: false,
        },
    ))
}

/// A figure that opens with its place or group word, counting one: `百万`, `千亿`, `万`, `亿`,
/// `万亿`. Whether it is a figure at all (`百万吨`, `万余人`) or part of a word (`百姓`, `万一`,
/// `千万不能`) is for the caller to decide from what follows.
pub fn leading_unit(input: &str) -> IResult<&str, Numeral> {
    let (rest, run) = take_while1(is_leading_unit).parse(input)?;
    let fail = || nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify));
    let (value, magnitude_inside) =
        place_value(run.chars().map(chinese_piece), true).ok_or_else(fail)?;
    let mantissa = Decimal::try_from_i128_with_scale(value, 0).map_err(|_| fail())?;
    Ok((
        rest,
        Numeral {
            mantissa,
            decimals: 0,
            chinese: true,
            digit_string: false,
            int_digits: run.chars().count(),
            magnitude_inside,
            lone_yi: false,
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
    let (value, magnitude) = place_value(s.chars().map(chinese_piece), false)?;
    Some((value, magnitude, false))
}

/// One written piece of an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// A digit: one Chinese digit (`digits` 0), or a run of Arabic digits in a numeral that
    /// mixes them with place words (`5万6000`, `2千零3`), `digits` long.
    Digit {
        value: i128,
        digits: u32,
    },
    Zero,
    /// 十, 百, 千.
    Place(i128),
    /// 万, 亿.
    Group(i128),
    /// 廿, 卅: twenty and thirty in one character.
    Tens(i128),
}

fn chinese_piece(c: char) -> Option<Piece> {
    Some(match c {
        '廿' => Piece::Tens(20),
        '卅' => Piece::Tens(30),
        _ => match chinese_digit(c) {
            Some(0) => Piece::Zero,
            Some(d) => Piece::Digit {
                value: d.into(),
                digits: 0,
            },
            None => match (chinese_place(c), chinese_group(c)) {
                (Some(p), _) => Piece::Place(p),
                (_, Some(g)) => Piece::Group(g),
                _ => return None,
            },
        },
    })
}

/// The value of an integer written with place words, and whether 万 or 亿 is inside.
///
/// Places fall within each group below 万 (`三千零六十`); 零 stands for skipped places. A single
/// Chinese digit right after 百, 千, 万 or 亿 is the next place down, as it is read: `九百九` is
/// 990, `一万三` 13000, `两千四百五` 2450 (an elided tail). An Arabic run after a place word fills
/// the places below it: all of them (`3万4000`), or, after 零, fewer (`2千零3`). With
/// `bare_lead`, a numeral may open with a place or group word that counts one (`百万`, `千亿`).
/// A piece that is `None` is a character of no numeral: the whole is none.
fn place_value(
    pieces: impl IntoIterator<Item = Option<Piece>>,
    bare_lead: bool,
) -> Option<(i128, bool)> {
    let mut total: i128 = 0; // completed 亿 groups
    let mut wan: i128 = 0; // completed 万 group inside the current 亿 group
    let mut section: i128 = 0; // below 万
    let mut digit: Option<(i128, u32)> = None;
    let mut last_place: i128 = i128::MAX;
    let mut magnitude = false;
    // The piece before the pending digit, and whether 零 came between.
    let mut before_digit: Option<Piece> = None;
    let mut zero_before_digit = false;
    let mut previous: Option<Piece> = None;
    let mut zero_since_previous = false;
    for (i, piece) in pieces.into_iter().enumerate() {
        let piece = piece?;
        match piece {
            Piece::Zero => {
                if digit.is_some() {
                    return None;
                }
                zero_since_previous = true;
                continue;
            }
            Piece::Digit { value, digits } => {
                if digit.is_some() {
                    return None;
                }
                digit = Some((value, digits));
                before_digit = previous;
                zero_before_digit = zero_since_previous;
            }
            Piece::Place(place) => {
                let n = match digit.take() {
                    // An Arabic run before 十, 百 or 千 is one digit: `5万4千6百`.
                    Some((n, digits)) if digits <= 1 => n,
                    Some(_) => return None,
                    // 十二 = 12 and 一百一十 = 110: a bare 十 counts one ten.
                    None if place == 10 => 1,
                    None if bare_lead && i == 0 => 1,
                    None => return None,
                };
                if place >= last_place {
                    return None;
                }
                last_place = place;
                section = section.checked_add(n.checked_mul(place)?)?;
            }
            Piece::Tens(tens) => {
                if i != 0 {
                    return None;
                }
                section = tens;
                last_place = 10;
            }
            Piece::Group(group) => {
                if let Some((n, digits)) = digit.take() {
                    section = section.checked_add(fill(
                        n,
                        digits,
                        last_place,
                        zero_before_digit,
                        false,
                    )?)?;
                } else if bare_lead && i == 0 {
                    section = 1;
                }
                if group == 10_000 {
                    if section == 0 || wan != 0 {
                        return None;
                    }
                    wan = section;
                } else {
                    let whole = wan.checked_mul(10_000)?.checked_add(section)?;
                    if whole == 0 {
                        return None;
                    }
                    total = total.checked_add(whole)?.checked_mul(group)?;
                    wan = 0;
                }
                section = 0;
                last_place = group;
                magnitude = true;
            }
        }
        previous = Some(piece);
        zero_since_previous = false;
    }
    if let Some((n, digits)) = digit {
        let elided = match before_digit {
            Some(Piece::Place(p) | Piece::Group(p))
                if digits == 0 && !zero_before_digit && p >= 100 =>
            {
                Some(p / 10)
            }
            _ => None,
        };
        match elided {
            Some(unit) => {
                let tail = n.checked_mul(unit)?;
                if unit >= 10_000 {
                    wan = wan.checked_add(tail / 10_000)?;
                } else {
                    section = section.checked_add(tail)?;
                }
            }
            None => {
                section =
                    section.checked_add(fill(n, digits, last_place, zero_before_digit, true)?)?
            }
        }
    }
    let value = total
        .checked_add(wan.checked_mul(10_000)?)?
        .checked_add(section)?;
    Some((value, magnitude))
}

/// A digit, or Arabic run, after the last place word written: it must fit under that place
/// (or, before a group word, under 万). A trailing Arabic run written with no 零 before it
/// fills every place below (`3万4000`, `1千200`): `3万4` is refused, since some read it as
/// 34000 and some as 30004.
fn fill(n: i128, digits: u32, last_place: i128, zero_before: bool, trailing: bool) -> Option<i128> {
    if last_place == i128::MAX {
        return Some(n);
    }
    let limit = if last_place >= 10_000 && !trailing {
        10_000
    } else {
        last_place
    };
    if n >= limit {
        return None;
    }
    let fills = trailing || last_place < 10_000;
    if fills && digits > 0 && !zero_before && 10i128.checked_pow(digits)? != limit {
        return None;
    }
    Some(n)
}

/// A trailing multiplier after Arabic digits, and what it multiplies by: `万`, `亿`, `万亿`,
/// `千万`, `百万`, `十万`, `千亿`, `百亿`, `十亿`, `千`, `百`, with 萬 and 億 read as 万 and 亿.
pub fn scale_word(input: &str) -> IResult<&str, (&'static str, Decimal)> {
    // 万万 is an old 亿 (`四万万同胞`).
    const WORDS: [&str; 12] = [
        "万亿", "万万", "千亿", "百亿", "十亿", "千万", "百万", "十万", "亿", "万", "千", "百",
    ];
    let simplified = |c: char| match c {
        '萬' => '万',
        '億' => '亿',
        c => c,
    };
    // Most calls find no scale word: settled on the first character.
    if !input.starts_with(['万', '亿', '千', '百', '十', '萬', '億']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            input,
            nom::error::ErrorKind::Tag,
        )));
    }
    for word in WORDS {
        let mut rest = input;
        let matched = word.chars().all(|w| {
            let mut chars = rest.chars();
            let ok = chars.next().is_some_and(|c| simplified(c) == w);
            rest = chars.as_str();
            ok
        });
        if matched {
            return Ok((rest, (word, scale_factor(word))));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Tag,
    )))
}

/// What a scale word multiplies by: `万亿` 10^12.
pub fn scale_factor(word: &str) -> Decimal {
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
            // Elided tails: the last digit is the next place down.
            ("一万三", dec!(13000)),
            ("九百九", dec!(990)),
            ("两千四百五", dec!(2450)),
            ("九十二万四", dec!(924000)),
            ("一亿三", dec!(130000000)),
            ("一千陆", dec!(1600)),
            ("十二", dec!(12)),
            ("一千零十二", dec!(1012)),
            ("四千万零六千", dec!(40006000)),
            ("拾亿零六万零五百零六", dec!(1000060506)),
            // Traditional characters and 廿/卅 with a digit.
            ("貳拾參", dec!(23)),
            ("三萬", dec!(30000)),
            ("兩億", dec!(200000000)),
            ("廿八", dec!(28)),
            ("卅六", dec!(36)),
            ("十五點七", dec!(15.7)),
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
    fn mixed_values() {
        let cases = [
            ("5万6000人", dec!(56000), "人"),
            ("2千零3", dec!(2003), ""),
            ("5万4千6百", dec!(54600), ""),
            ("5亿1万4千6百", dec!(500014600), ""),
            ("2千零30万元", dec!(20300000), "元"),
            ("3万5千人", dec!(35000), "人"),
            ("1千零1", dec!(1001), ""),
            ("3万零5百件", dec!(30500), "件"),
        ];
        for (s, v, rest) in cases {
            let (r, n) = mixed(s).unwrap();
            assert_eq!((n.mantissa, r), (v, rest), "{s}");
        }
        // Not mixed: a scale word alone, decimals, 3万4 (34000 or 30004?), 1万万.
        for s in [
            "30万件",
            "1.5万",
            "3万4",
            "3万45",
            "1万万",
            "2020年",
            "5万4千67",
            "1千零部件",
        ] {
            assert!(mixed(s).is_err(), "{s}");
        }
    }

    #[test]
    fn leading_units() {
        let lead = |s| leading_unit(s).ok().map(|(r, n)| (n.mantissa, r));
        assert_eq!(lead("百万吨"), Some((dec!(1000000), "吨")));
        assert_eq!(lead("千亿级"), Some((dec!(100000000000), "级")));
        assert_eq!(lead("万亿元"), Some((dec!(1000000000000), "元")));
        assert_eq!(lead("万余人"), Some((dec!(10000), "余人")));
        assert_eq!(lead("亿万人民"), None);
        assert_eq!(lead("千千万万"), None);
        assert_eq!(lead("十万"), None);
        assert_eq!(lead("三万"), None);
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
        assert_eq!(
            scale_word("萬億元").unwrap(),
            ("元", ("万亿", dec!(1000000000000)))
        );
        assert!(scale_word("元").is_err());
    }
}
