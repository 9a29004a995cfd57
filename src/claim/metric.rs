//! The metric phrase of a quantity: the words that say what it counts.

use std::ops::Range;

use crate::number::Quantity;

/// Characters that end the phrase before a quantity: clause punctuation and list separators.
fn is_phrase_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '、'
            | ','
            | ';'
            | ':'
            | '\n'
            | '（'
            | '）'
            | '('
            | ')'
    )
}

/// A bracketed gloss of words (`（种植业）`): two characters or more, no figure, no numbered
/// heading (`（一）`).
fn is_gloss(bracketed: &str) -> bool {
    let inner = bracketed.trim_start_matches(['（', '(']);
    inner.chars().count() >= 2
        && !inner.contains(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation() && c != '-')
        && !inner.chars().all(|c| "零一二三四五六七八九十".contains(c))
        && !inner.contains(|c: char| is_phrase_break(c))
}

/// The opening clause of `rest`, the text after a figure: what names a figure that has no name
/// before it (`有52种产品产量实现增长`).
pub fn clause_opening(rest: &str) -> &str {
    rest.split(['，', '；', '。', ',', ';', '\n'])
        .next()
        .unwrap_or("")
}

/// `name` without the 其中 (one or more) it opens with: `trim_start_matches("其中")` without
/// a substring searcher built for each name.
pub fn without_qizhong(mut name: &str) -> &str {
    while let Some(rest) = name.strip_prefix("其中") {
        name = rest;
    }
    name
}

/// Link words between a metric and its figure that are not part of the metric.
const LINKS: [&str; 13] = [
    "达到", "保持", "共计", "合计", "总计", "高达", "为", "达", "是", "有", "到", "计", "了",
];

/// The phrase without a reference to a note at its end (`地区生产总值[2]`).
fn note_mark_stripped(phrase: &str) -> Option<&str> {
    let inner = phrase.strip_suffix([']', '］', '〕'])?;
    let open = inner.rfind(['[', '［', '〔'])?;
    inner[open..]
        .chars()
        .skip(1)
        .all(|c| c.is_ascii_digit())
        .then(|| &inner[..open])
}

/// The phrase naming what quantity `i` measures: the text since the previous figure or
/// punctuation, without link words (`审结35773件` → `审结`, `结案率为99.4%` → `结案率`).
pub fn metric_phrase(text: &str, quantities: &[Quantity], i: usize) -> Range<usize> {
    let end = quantities[i].span.start;
    let floor = i
        .checked_sub(1)
        .map_or(0, |p| quantities[p].span.end.min(end));
    let before = &text[floor..end];
    let mut start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_phrase_break(c))
        .map_or(floor, |(at, c)| floor + at + c.len_utf8());
    // `地区生产总值（GDP）2637.67亿元`: a gloss in brackets right before the figure belongs to
    // the name before it.
    if start == end
        && let Some(gloss) = before.strip_suffix(['）', ')'])
        && let Some(open) = gloss.rfind(['（', '('])
        && !gloss[open..].contains(|c: char| c.is_ascii_digit())
    {
        let name = &gloss[..open];
        start = name
            .char_indices()
            .rev()
            .find(|&(_, c)| is_phrase_break(c))
            .map_or(floor, |(at, c)| floor + at + c.len_utf8());
    }
    // `农业（种植业）实现产值285.10亿元`: a gloss inside a name joins the words before it to the
    // words after it, as one name.
    if start > floor
        && start < end
        && let Some(name) = text[floor..start].strip_suffix(['）', ')'])
        && let Some(open) = name.rfind(['（', '('])
        && is_gloss(&name[open..])
    {
        let head = &name[..open];
        let head_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| is_phrase_break(c))
            .map_or(floor, |(at, c)| floor + at + c.len_utf8());
        if head_start < floor + open {
            start = head_start;
        }
    }
    let mut phrase = &text[start..end];
    loop {
        let trimmed = LINKS
            .iter()
            .find_map(|l| phrase.strip_suffix(l))
            .or_else(|| note_mark_stripped(phrase))
            .unwrap_or(phrase);
        if trimmed.len() == phrase.len() {
            break;
        }
        phrase = trimmed;
    }
    start..start + phrase.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::number::scan_text;

    fn metrics(text: &str) -> Vec<String> {
        let qs = scan_text(text, Lexicon::builtin());
        (0..qs.len())
            .map(|i| text[metric_phrase(text, &qs, i)].to_string())
            .collect()
    }

    #[test]
    fn phrases() {
        assert_eq!(
            metrics("全年新收案件6218件，办结5674件，结案率为95.3%。"),
            ["全年新收案件", "办结", "结案率"]
        );
        assert_eq!(metrics("审结案件2.2万件2.6万人"), ["审结案件", ""]);
        assert_eq!(metrics("分别为56.8万件、145.5万件"), ["分别", ""]);
        assert_eq!(
            metrics("全年地区生产总值（GDP）2637.67亿元"),
            ["全年地区生产总值（GDP）"]
        );
        assert_eq!(
            metrics("全年地区生产总值[2]18500.81亿元"),
            ["全年地区生产总值"]
        );
        // A gloss inside a name is part of it; a numbered heading or a figure in brackets is not.
        assert_eq!(
            metrics("分行业看，农业（种植业）实现产值221.53亿元"),
            ["农业（种植业）实现产值"]
        );
        assert_eq!(metrics("（二）受理案件4217件"), ["受理案件"]);
        assert_eq!(
            metrics("医院（含分院）38个（公立27个）"),
            ["医院（含分院）", "公立"]
        );
    }
}
