//! Figures too large or too finely written for exact arithmetic.
//!
//! `Decimal` holds 28 significant digits (about 7.9 × 10²⁸). A figure beyond that (`9999万亿亿亿`,
//! a 200-digit number, `0.` followed by 40 digits) cannot be parsed into a value; left to the
//! grammar, its last 28 digits would be read as a different, smaller figure. The scanner asks
//! here first and reports such a run whole, so it is neither misread nor silently dropped.

use super::numeral::{self, is_arabic_digit};

/// Figures of this many integer digits or more (10²⁸) are out of range. The limit sits one
/// digit below `Decimal`'s so that scale factors applied later cannot overflow either.
const MAX_INTEGER_DIGITS: u32 = 28;
/// Written decimals beyond `Decimal`'s scale.
const MAX_DECIMALS: u32 = 28;

/// Orders of magnitude of the place and scale characters.
fn place(c: char) -> Option<u32> {
    Some(match c {
        '十' | '拾' => 1,
        '百' | '佰' => 2,
        '千' | '仟' => 3,
        '万' => 4,
        '亿' => 8,
        _ => return None,
    })
}

/// If the numeral starting at `at` is out of range, the end of its run (digits, separators,
/// decimal point, Chinese numerals, place and scale characters).
pub fn out_of_range(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    // Most numerals are short: a run that cannot reach 28 digits or places is in range.
    let mut integer_digits = 0u32;
    let mut decimals = 0u32;
    let mut chinese_run = 0u32;
    let mut longest_chinese_run = 0u32;
    let mut places = 0u32;
    let mut longest_places = 0u32;
    let mut in_fraction = false;
    let mut significant = false;
    let mut end = rest.len();
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|&(_, n)| is_arabic_digit(n));
        if is_arabic_digit(c) {
            if in_fraction {
                decimals += 1;
            } else if significant || !matches!(c, '0' | '０') {
                significant = true;
                integer_digits += 1;
            }
            places = 0;
        } else if let Some(p) = place(c) {
            if in_fraction {
                // `1.5万亿`: the scale applies to the whole figure; decimals stay as written.
                in_fraction = false;
                integer_digits += 1;
            }
            places += p;
            longest_places = longest_places.max(places);
            chinese_run = 0;
        } else if numeral::chinese_digit(c).is_some() {
            if in_fraction {
                decimals += 1;
                continue;
            }
            chinese_run += 1;
            longest_chinese_run = longest_chinese_run.max(chinese_run);
            places = 0;
        } else if matches!(c, '.' | '．') && next_is_digit && !in_fraction {
            in_fraction = true;
        } else if c == ',' && !in_fraction && integer_digits > 0 && thousands_group(&rest[i + 1..])
        {
        } else if c == '点'
            && !in_fraction
            && chars
                .peek()
                .is_some_and(|&(_, n)| numeral::chinese_digit(n).is_some())
        {
            in_fraction = true;
        } else {
            end = i;
            break;
        }
    }
    let magnitude = integer_digits.max(longest_chinese_run) + longest_places;
    (magnitude > MAX_INTEGER_DIGITS || decimals > MAX_DECIMALS).then_some(at + end)
}

/// `,` followed by exactly three digits: a thousands separator, not a list of figures.
fn thousands_group(after: &str) -> bool {
    let b = after.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::out_of_range;

    fn run(s: &str) -> Option<&str> {
        out_of_range(s, 0).map(|end| &s[..end])
    }

    #[test]
    fn in_range_figures_pass() {
        for s in [
            "39347件",
            "3080.5万件",
            "1.9万亿元",
            "九千九百九十九万亿",
            "千千万万",
            "1,234,567,890,123,456,789,012,345,678",
            "9999999999999999999999999999",
            "0.0000000000000000000000000001",
            "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30",
            "三点一四一五九二六五三五",
        ] {
            assert_eq!(run(s), None, "{s}");
        }
    }

    #[test]
    fn out_of_range_runs_are_whole() {
        let long = "9".repeat(200);
        assert_eq!(run(&format!("{long}元")), Some(long.as_str()));
        assert_eq!(run("9999万亿亿亿人"), Some("9999万亿亿亿"));
        assert_eq!(
            run("九千九百九十九万亿亿亿元"),
            Some("九千九百九十九万亿亿亿")
        );
        assert_eq!(
            run("10000000000000000000000000000"),
            Some("10000000000000000000000000000")
        );
        let pi = "三点一四一五九二六五三五八九七九三二三八四六二六四三三八三二七九五";
        assert_eq!(run(pi), Some(pi));
        let tiny = format!("0.{}1%", "0".repeat(40));
        assert_eq!(run(&tiny), Some(&tiny[..tiny.len() - 1]));
    }
}
