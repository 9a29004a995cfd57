//! Where a numeric expression may begin, found without decoding the text char by char.
//!
//! This is the hot loop of `hedui numbers`: it looks at each lead byte once, and for the
//! three-byte CJK characters tests one bit of a table built at compile time. The grammar runs
//! only where this returns.

/// Characters other than ASCII digits and `-` that can open an expression: Chinese digits and
/// 十 (and their financial and traditional forms), 廿 and 卅, full-width digits, the place words
/// that open a figure counting one (百, 千, 万, 亿: `百万吨`, `近万`, `万分之三`, also the first
/// characters of 百分之 and 千分之), the first characters of 过半 and 翻番, and those below.
/// Must agree with `expression::may_start`.
const OPENERS: &[char] = &[
    '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '廿', '卅', '壹',
    '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾', '兩', '貳', '參', '陸', '百', '佰', '千',
    '仟', '万', '萬', '亿', '億', '过', '翻', '０', '１', '２', '３', '４', '５', '６', '７', '８',
    '９', // 半 (半个月, 半成), minus signs (－2.1％, −0.8%, 负1.5%).
    '半', '－', '−', '负',
];

static TABLE: [u64; 1024] = build();

const fn build() -> [u64; 1024] {
    let mut table = [0u64; 1024];
    let mut i = 0;
    while i < OPENERS.len() {
        let c = OPENERS[i] as u32;
        table[(c >> 6) as usize] |= 1 << (c & 63);
        i += 1;
    }
    table
}

/// The byte offset of the next possible opener at or after `from` (a char boundary).
pub fn next(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'0'..=b'9' | b'-' => return Some(i),
            0x00..=0x7F => i += 1,
            0xE0..=0xEF if i + 2 < bytes.len() => {
                let c = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[i + 1] & 0x3F) << 6)
                    | u32::from(bytes[i + 2] & 0x3F);
                if TABLE[(c >> 6) as usize] & (1 << (c & 63)) != 0 {
                    return Some(i);
                }
                i += 3;
            }
            0xF0..=0xFF => i += 4,
            0xC0..=0xDF => i += 2,
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_grammar() {
        for c in OPENERS {
            assert!(super::super::expression::may_start(*c), "{c}");
        }
        let text = "受理案件39347件，审结三万件，PM。百分之五";
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(i) = next(text.as_bytes(), at) {
            found.push(text[i..].chars().next().unwrap());
            at = i + text[i..].chars().next().unwrap().len_utf8();
        }
        assert_eq!(found.iter().collect::<String>(), "39347三万百五");
    }

    #[test]
    fn every_char_that_may_start_is_found() {
        for cp in 0..0x1_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf);
            assert_eq!(
                next(s.as_bytes(), 0).is_some(),
                super::super::expression::may_start(c),
                "{c:?}"
            );
        }
    }
}
