//! Vague Chinese numerals, read as the range of values they allow, and the place words that an
//! approximation word turns into a number.
//!
//! - Two neighbouring digits say "one or the other": `七八万` [70000, 80000], `五六十` [50, 60],
//!   `十七八` [17, 18], `一百二三十` [120, 130], `两三个`, and `一两`, `两三` with 两.
//! - `几` as the last digit says "some digit": `十几` [11, 19], `二十几万` [210000, 290000],
//!   `一百零几` [101, 109]; before a place word, that digit and all below it: `一百几十`
//!   [110, 200).
//! - `几`, `数` or `上` before a place word say "some of them": `几百万`, `数百万` and `上百万`
//!   [1000000, 10000000), `几十` [10, 100), `上千` [1000, 10000).
//! - A place word alone stands for one of itself (`千` = 1000, `万亿` = 10^12); only an
//!   approximation word makes it a figure (`近万`, `千余人`, `逾万亿元`, `不足千人`), which the
//!   expression grammar checks.
//!
//! This module only reads the numeral; units, forms and the decision whether the result is a
//! quantity belong to `expression`. No arithmetic here can overflow: the values are at most a
//! 16-character numeral times 万亿.

use rust_decimal::Decimal;

use super::numeral::{self, Numeral, chinese_digit};

/// A vague numeral: its span and the two ends of what it allows, before the scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Vague {
    /// Where it starts: before `at` when a 几, 数 or 上 opens it.
    pub start: usize,
    /// Where the numeral ends (the scale word included).
    pub end: usize,
    pub lo: Numeral,
    pub hi: Numeral,
    /// A trailing 万, 亿 or 万亿, applied to both ends.
    pub scale: Option<(&'static str, Decimal)>,
    /// `几百` reaches up to, not including, the next place: [100, 1000).
    pub upper_open: bool,
}

/// Longest run read: no report writes a vague numeral longer than this.
const MAX_CHARS: usize = 16;

fn place(c: char) -> Option<i64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

fn scale_at(rest: &str) -> Option<(&'static str, Decimal)> {
    if rest.starts_with("万亿") {
        Some(("万亿", Decimal::from(1_000_000_000_000i64)))
    } else if rest.starts_with('亿') {
        Some(("亿", Decimal::from(100_000_000)))
    } else if rest.starts_with('万') {
        Some(("万", Decimal::from(10_000)))
    } else {
        None
    }
}

/// Two neighbouring digits, which say "this or the next": 七八, 两三, 一两 (三五 and the like of
/// idioms are not read).
fn pair(a: char, b: char) -> bool {
    matches!((chinese_digit(a), chinese_digit(b)), (Some(x), Some(y)) if x >= 1 && y == x + 1)
}

/// `数` counts things only when it is not the noun "number" of a compound (`人数`, `总数`,
/// `指数`): the characters that make it one.
const NOT_SEVERAL_BEFORE: &[char] = &[
    '人', '总', '件', '户', '次', '位', '指', '分', '函', '倍', '系', '基', '少', '多', '半', '无',
    '有', '岁', '票', '字', '页', '天', '个', '家', '条', '项', '名', '台', '参', '变', '常', '整',
    '小', '大', '点', '例', '笔', '额', '所', '场', '批', '床', '座', '股', '本', '算', '礼', '术',
    '代', '复', '奇', '偶', '质', '实', '虚', '约', '均', '级', '序', '读', '历', '劫', '定', '度',
];

/// `上` means "reaching" only where it is not the end of a word of place or time (`以上`,
/// `线上`, `会上`, `马上`, `早上`), nor in 成千上万 and 成百上千.
const NOT_REACHING_BEFORE: &[char] = &[
    '以', '之', '线', '网', '马', '向', '往', '身', '路', '会', '面', '台', '场', '海', '早', '晚',
    '加', '赶', '跟', '登', '至', '际', '质', '度', '史', '式', '本', '北', '世', '天', '地', '楼',
    '手', '街', '市', '车', '山', '头', '心', '口', '顶', '桌', '墙', '岸', '架', '报', '书', '纸',
    '图', '表', '单', '条', '法', '理', '策', '上', '论', '义', '治', '济', '化', '术', '构', '体',
    '千', '百',
];

/// The vague numeral at `at`, if one is written there.
pub fn vague(text: &str, at: usize) -> Option<Vague> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    if first.is_ascii() {
        return None;
    }
    // 几, 数 or 上 before a place or scale word opens it.
    let before = text[..at].chars().next_back();
    let lead = match before {
        Some(c @ ('几' | '数' | '上')) if place(first).is_some() || scale_at(rest).is_some() => {
            let lead_at = at - c.len_utf8();
            let word_before = text[..lead_at].chars().next_back();
            let ok = match c {
                '数' => !word_before.is_some_and(|w| NOT_SEVERAL_BEFORE.contains(&w)),
                '上' => !word_before.is_some_and(|w| NOT_REACHING_BEFORE.contains(&w)),
                _ => !matches!(word_before, Some('茶' | '无')),
            };
            ok.then_some((c, lead_at))
        }
        _ => None,
    };
    if let Some((_, start)) = lead {
        return led(text, at, start);
    }
    if chinese_digit(first).is_none() && first != '十' {
        return None;
    }
    // The run of numeral characters, 几 included (on the stack: this runs at every Chinese
    // numeral of the text).
    let mut run = [(0usize, '\0'); MAX_CHARS];
    let mut len = 0;
    for (i, c) in rest.char_indices() {
        if !(chinese_digit(c).is_some() || place(c).is_some() || matches!(c, '万' | '亿' | '几'))
        {
            break;
        }
        if len == MAX_CHARS {
            return None;
        }
        run[len] = (at + i, c);
        len += 1;
    }
    let chars = &run[..len];
    let k = chars
        .iter()
        .enumerate()
        .position(|(i, &(_, c))| c == '几' || chars.get(i + 1).is_some_and(|&(_, d)| pair(c, d)))?;
    let ji = chars[k].1 == '几';
    let head_end = chars[k].0;
    let head = &text[at..head_end];
    let (head_value, head_place, head_magnitude) = if head.is_empty() {
        (0i64, None, false)
    } else {
        let (left, n) = numeral::chinese(head).ok()?;
        if !left.is_empty() || n.digit_string || n.decimals > 0 {
            return None;
        }
        let last = head.chars().next_back()?;
        if !matches!(last, '十' | '百' | '千' | '万' | '亿' | '零') {
            return None;
        }
        let value = i64::try_from(n.mantissa.mantissa()).ok()?;
        (value, Some(last), n.magnitude_inside)
    };
    // `几` with nothing before it is `几个`: too vague to be a figure.
    if ji && head.is_empty() {
        return None;
    }
    let mut j = k + if ji { 1 } else { 2 };
    let tail_place = chars.get(j).and_then(|&(_, c)| place(c));
    if tail_place.is_some() {
        j += 1;
    }
    let run_end = chars.last().map_or(at, |&(i, c)| i + c.len_utf8());
    let offset = |j: usize| chars.get(j).map_or(run_end, |&(i, _)| i);
    let scale = scale_at(&text[offset(j)..]);
    if let Some((word, _)) = scale {
        j += word.chars().count();
    }
    // Nothing but the scale may follow (`一二三` is a list, `三万七八` an elided tail).
    if j != chars.len() {
        return None;
    }
    let end = run_end;
    let unit = match (tail_place, head_place) {
        // 一百二三十, 三万七八千: the place after the digits, below the head's last place.
        (Some(p), None) => p,
        (Some(p), Some(h)) => {
            let h_value = match h {
                '万' => 10_000,
                '亿' => 100_000_000,
                _ => place(h).unwrap_or(0),
            };
            if p >= h_value {
                return None;
            }
            p
        }
        // 十七八, 一百零几: the units.
        (None, None) => 1,
        (None, Some('十' | '零')) => 1,
        (None, Some(_)) => return None,
    };
    if scale.is_some() && head_magnitude {
        return None;
    }
    let (lo, hi, upper_open) = if ji {
        if tail_place.is_some() {
            (head_value + unit, head_value + 10 * unit, true)
        } else {
            (head_value + 1, head_value + 9, false)
        }
    } else {
        let d = |c: char| i64::from(chinese_digit(c).unwrap_or(0));
        (
            head_value + d(chars[k].1) * unit,
            head_value + d(chars[k + 1].1) * unit,
            false,
        )
    };
    Some(Vague {
        start: at,
        end,
        lo: integer(lo, head_magnitude),
        hi: integer(hi, head_magnitude),
        scale,
        upper_open,
    })
}

/// `几百万`, `数十`, `上千`: a place word after 几/数/上, up to the next place.
fn led(text: &str, at: usize, start: usize) -> Option<Vague> {
    let rest = &text[at..];
    let first = rest.chars().next()?;
    let (unit, mut end) = match place(first) {
        Some(p) => (p, at + first.len_utf8()),
        None => (1, at),
    };
    let scale = scale_at(&text[end..]);
    if let Some((word, _)) = scale {
        end += word.len();
    }
    if unit == 1 && scale.is_none() {
        return None;
    }
    // 几百零五, 上千三百: a numeral goes on; not this form.
    if text[end..].starts_with(|c: char| {
        chinese_digit(c).is_some() || place(c).is_some() || matches!(c, '万' | '亿' | '几')
    }) {
        return None;
    }
    Some(Vague {
        start,
        end,
        lo: integer(unit, false),
        hi: integer(unit * 10, false),
        scale,
        upper_open: true,
    })
}

fn integer(v: i64, magnitude_inside: bool) -> Numeral {
    Numeral {
        mantissa: Decimal::from(v),
        decimals: 0,
        chinese: true,
        digit_string: false,
        int_digits: 1,
        magnitude_inside,
        lone_yi: false,
    }
}

/// A place or scale word standing for one of itself (`千` 1000, `万` 10^4, `万亿` 10^12) at
/// `at`, where no numeral precedes it: the end, and the scale. Only an approximation word makes
/// it a figure; the caller checks for one.
pub fn bare_place(text: &str, at: usize) -> Option<(usize, (&'static str, Decimal))> {
    let before = text[..at].chars().next_back();
    if before.is_some_and(|c| {
        chinese_digit(c).is_some() || place(c).is_some() || matches!(c, '万' | '亿' | '几' | '数')
    }) || before.is_some_and(numeral::is_arabic_digit)
    {
        return None;
    }
    let (rest, scale) = numeral::scale_word(&text[at..]).ok()?;
    Some((text.len() - rest.len(), scale))
}

/// One, as the numeral of a bare place word.
pub fn one() -> Numeral {
    integer(1, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn read(s: &str) -> Option<(String, Decimal, Decimal, bool)> {
        let v = vague(s, 0)?;
        let f = v.scale.map_or(Decimal::ONE, |(_, f)| f);
        Some((
            s[v.start..v.end].to_string(),
            v.lo.mantissa * f,
            v.hi.mantissa * f,
            v.upper_open,
        ))
    }

    #[test]
    fn pairs_and_ji() {
        let cases = [
            ("七八万人", "七八万", dec!(70000), dec!(80000), false),
            ("五六十人", "五六十", dec!(50), dec!(60), false),
            ("三四百万", "三四百万", dec!(3000000), dec!(4000000), false),
            ("两三个", "两三", dec!(2), dec!(3), false),
            ("一两年", "一两", dec!(1), dec!(2), false),
            ("四五十万", "四五十万", dec!(400000), dec!(500000), false),
            ("十七八岁", "十七八", dec!(17), dec!(18), false),
            ("一百二三十", "一百二三十", dec!(120), dec!(130), false),
            ("三万七八千", "三万七八千", dec!(37000), dec!(38000), false),
            (
                "十几亿",
                "十几亿",
                dec!(1100000000),
                dec!(1900000000),
                false,
            ),
            ("二十几万", "二十几万", dec!(210000), dec!(290000), false),
            (
                "一百零几万",
                "一百零几万",
                dec!(1010000),
                dec!(1090000),
                false,
            ),
            ("一百几十", "一百几十", dec!(110), dec!(200), true),
        ];
        for (s, text, lo, hi, open) in cases {
            assert_eq!(read(s), Some((text.to_string(), lo, hi, open)), "{s}");
        }
    }

    #[test]
    fn led_by_ji_shu_shang() {
        let at = |s: &str, c: &str| s.find(c).unwrap();
        let cases = [
            ("几百万", "百", "几百万", dec!(1000000), dec!(10000000)),
            ("数百万", "百", "数百万", dec!(1000000), dec!(10000000)),
            (
                "涉及数十亿元",
                "十",
                "数十亿",
                dec!(1000000000),
                dec!(10000000000),
            ),
            ("上千人", "千", "上千", dec!(1000), dec!(10000)),
            ("惠及几万人", "万", "几万", dec!(10000), dec!(100000)),
        ];
        for (s, c, text, lo, hi) in cases {
            let v = vague(s, at(s, c)).unwrap_or_else(|| panic!("{s}"));
            let f = v.scale.map_or(Decimal::ONE, |(_, f)| f);
            assert_eq!(
                (&s[v.start..v.end], v.lo.mantissa * f, v.hi.mantissa * f),
                (text, lo, hi),
                "{s}"
            );
            assert!(v.upper_open);
        }
    }

    #[test]
    fn not_vague() {
        for (s, c) in [
            ("三三两两", "三"),
            ("三五成群", "三"),
            ("一二三", "一"),
            ("二〇二〇", "二"),
            ("几个方面", "几"),
            ("三万七八", "三"),
            ("十二", "十"),
            ("参保人数百万", "百"),
            ("以上千人", "千"),
            ("线上千场", "千"),
        ] {
            assert_eq!(vague(s, s.find(c).unwrap()), None, "{s}");
        }
    }
}
