//! Physical lines and the profile that decides which line breaks end a paragraph.

use std::ops::Range;

/// One physical line of the decoded text.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line without its indentation, trailing white space and line break.
    pub content: Range<usize>,
    /// Offset of the `\n` that ends the line (the text length for the last line).
    pub newline: usize,
    /// The line starts with an ideographic space, a tab or two spaces: a paragraph opening.
    pub indented: bool,
    /// Characters of content.
    pub chars: usize,
    /// The line holds only zero-width characters: markup debris, neither text nor spacing.
    pub debris: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.content.is_empty()
    }

    pub fn newline_at(&self) -> usize {
        self.newline
    }
}

/// Zero-width characters that web and OCR text leave between the characters of a word or
/// number; they carry nothing and are dropped from the logical text.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Spaces that may stand inside a line of text (tabs are left alone: they separate table cells):
/// the ASCII, ideographic and no-break spaces, and the fixed-width spaces of typesetting (en, em,
/// thin, hair, narrow no-break …) that PDF extraction leaves.
pub fn is_inline_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}'
    )
}

/// A thin or narrow no-break space: what typesetting puts between groups of digits
/// (`12 372`), never between two numbers.
fn is_digit_group_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}')
}

/// Ideographs and the full-width punctuation set with them.
fn is_chinese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF01}'..='\u{FF60}')
}

/// A run of spaces `run` between `a` and `b` is extraction layout, not text: Chinese on one side
/// and Chinese, a digit or a percent sign on the other (`长  3`, `5 万`, `3.7 %`), or thin spaces
/// grouping digits (`12 372`). Other spaces between digits (`12 372` may be two table columns)
/// and between Latin words stay.
pub fn closes_up(a: char, b: char, run: &str) -> bool {
    let figure_end = |c: char| c.is_ascii_digit() || matches!(c, '%' | '％');
    (is_chinese(a) && (is_chinese(b) || b.is_ascii_digit()))
        || (figure_end(a) && is_chinese(b))
        || (a.is_ascii_digit() && matches!(b, '%' | '％'))
        || (a.is_ascii_digit() && b.is_ascii_digit() && run.chars().all(is_digit_group_space))
}

fn is_layout_space(c: char) -> bool {
    c.is_whitespace() || is_zero_width(c)
}

pub fn split(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    loop {
        let newline =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        let raw = &text[start..newline];
        let trimmed_start = raw.trim_start_matches(is_layout_space);
        let lead = &raw[..raw.len() - trimmed_start.len()];
        let indented = lead.contains(['\u{3000}', '\t']) || lead.starts_with("  ");
        let content_start = start + lead.len();
        let trimmed = trimmed_start.trim_end_matches(is_layout_space);
        let content = content_start..content_start + trimmed.len();
        let chars = trimmed.chars().count();
        let debris = trimmed.is_empty() && raw.contains(is_zero_width);
        lines.push(Line {
            content,
            newline,
            indented,
            chars,
            debris,
        });
        if newline >= text.len() {
            break;
        }
        start = newline + 1;
    }
    lines
}

/// How a document is laid out, measured over all its lines.
#[derive(Debug, Clone)]
pub struct LineProfile {
    /// Most lines end mid-sentence: the text is wrapped at a column width (newspaper, OCR).
    wrapped: bool,
    /// Most lines are followed by one blank line, so a single blank line is not a paragraph break.
    double_spaced: bool,
    /// In wrapped text, a line ending a sentence that is shorter than this ends its paragraph.
    short_line: usize,
    /// Every line break ends a paragraph.
    every_line: bool,
    /// An indented line opens a paragraph; not so when nearly every line is indented (text
    /// extracted with a tab before each line of a column).
    indent_opens: bool,
}

impl LineProfile {
    pub fn of(text: &str, lines: &[Line]) -> Self {
        let filled: Vec<&Line> = lines.iter().filter(|l| !l.is_blank()).collect();
        if filled.is_empty() {
            return Self::one_paragraph_per_line();
        }
        let sentence_ends = filled
            .iter()
            .filter(|l| ends_sentence(&text[l.content.clone()]))
            .count();
        let followed_by_blank = lines
            .windows(2)
            .filter(|w| !w[0].is_blank() && w[1].is_blank() && !w[1].debris)
            .count();
        let mut widths: Vec<usize> = filled.iter().map(|l| l.chars).collect();
        let k = widths.len() * 3 / 4;
        let typical = *widths.select_nth_unstable(k).1;
        let indented = filled.iter().filter(|l| l.indented).count();
        Self {
            indent_opens: indented * 10 < filled.len() * 9 || filled.len() < 10,
            wrapped: sentence_ends * 2 < filled.len(),
            double_spaced: followed_by_blank * 5 >= (filled.len() - 1).max(1) * 4,
            short_line: typical * 4 / 5,
            every_line: false,
        }
    }

    pub fn one_paragraph_per_line() -> Self {
        Self {
            wrapped: false,
            double_spaced: false,
            short_line: 0,
            every_line: true,
            indent_opens: true,
        }
    }

    /// Whether a paragraph ends between `prev` and `next`, which have `blanks` blank lines between.
    pub fn breaks_between(&self, text: &str, prev: &Line, next: &Line, blanks: usize) -> bool {
        let gap = if self.double_spaced {
            blanks.saturating_sub(1)
        } else {
            blanks
        };
        let prev_text = &text[prev.content.clone()];
        let next_text = &text[next.content.clone()];
        let gap = if gap == 1 && self.page_break(prev, prev_text, next_text) {
            0
        } else {
            gap
        };
        if self.every_line || gap > 0 || (next.indented && self.indent_opens) {
            return true;
        }
        // A table row is a paragraph of its own: joined, its cells would run into the next
        // row's and the columns could no longer be read.
        if is_table_row(prev_text) || is_table_row(next_text) {
            return true;
        }
        if self.wrapped {
            // A heading line (`七、对外经济和旅游`) is its own paragraph even in wrapped text:
            // joined, it would carry the table or text before it into the next sentence.
            // A heading may wrap too: it ends where prose (a line with punctuation) begins.
            // A numbered section opening a line after a finished sentence (`…四个方面要求：` /
            // `（一）落实…，…`) starts a paragraph even when the line before is full.
            (ends_sentence(prev_text) && prev.chars < self.short_line)
                || (is_heading(prev_text) && next_text.contains(['，', '。', '；']))
                || is_heading(next_text)
                || (ends_sentence(prev_text) && opens_section(next_text))
        } else {
            ends_sentence(prev_text) || is_heading(prev_text) || starts_heading(next_text)
        }
    }

    /// In wrapped text a blank line after a full line that stops mid-sentence (`…54522万人，其`
    /// / blank / `中实际领取…`) is a page break of the extraction, not a paragraph end.
    fn page_break(&self, prev: &Line, prev_text: &str, next_text: &str) -> bool {
        self.wrapped
            && !self.every_line
            // A full line, or one of prose (a comma): not a caption or a table row.
            && (prev.chars >= self.short_line.max(10) || prev_text.contains(['，', ',']))
            && !ends_sentence(prev_text)
            && !is_heading(prev_text)
            && !starts_heading(next_text)
    }
}

/// A line of table cells: a tab between two of them (leading tabs are indentation, trimmed).
fn is_table_row(line: &str) -> bool {
    line.contains('\t')
}

/// The line ends with sentence-final punctuation, possibly followed by closing quotes or brackets.
fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(['”', '’', '」', '』', '）', ')', '》', '】', '"']);
    core.ends_with(['。', '！', '？', '!', '?', '；', ';', '：', ':', '…'])
}

/// A whole line that is a heading: a marker and a phrase with no sentence punctuation.
fn is_heading(line: &str) -> bool {
    // A marker alone (`——` before emphasised text) is not a heading: the sentence goes on.
    starts_heading(line) && line.chars().count() > 3 && !line.contains(['。', '，', '；', ',', ';'])
}

/// The line opens with a numbered section (`（二）`, `二、`, `3.`, `——`), not an inline item
/// (`二是`, which goes on its paragraph).
fn opens_section(line: &str) -> bool {
    starts_heading(line)
        && !line
            .trim_start_matches(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
            .starts_with('是')
}

/// The line opens with a heading or list marker: `一、`, `（二）`, `3.`, `3、`, `——`, `第五章`.
fn starts_heading(line: &str) -> bool {
    const NUMERALS: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    if line.starts_with("——") {
        return true;
    }
    let body = line.trim_start_matches(['（', '(']);
    let after_numeral = body.trim_start_matches(NUMERALS);
    if after_numeral.len() < body.len() {
        return after_numeral.starts_with(['、', '）', ')', '是']);
    }
    let after_digits = body.trim_start_matches(|c: char| c.is_ascii_digit());
    if after_digits.len() < body.len() {
        // `．` is three bytes: strip the point itself, not its first byte.
        return after_digits.starts_with(['、', '）', ')'])
            || after_digits
                .strip_prefix(['.', '．'])
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_digit()));
    }
    body.starts_with('第')
        && body
            .trim_start_matches('第')
            .trim_start_matches(NUMERALS)
            .starts_with(['章', '节', '部', '篇'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        for h in [
            "一、坚决维护",
            "（二）推动",
            "3、加强",
            "3.加强",
            "——经济",
            "第五章 总则",
            "六是加强",
            "3．加强",
        ] {
            assert!(starts_heading(h), "{h}");
        }
        for h in [
            "一审案件",
            "3.5万件",
            "3．5万件",
            "2020年",
            "十九届五中全会",
            "第五版",
        ] {
            assert!(!starts_heading(h), "{h}");
        }
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("态势。"));
        assert!(ends_sentence("目标。”"));
        assert!(!ends_sentence("审结一审刑事案件"));
    }
}
