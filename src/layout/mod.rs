//! Hard-wrapped text to logical paragraphs, with a map back to every byte.
//!
//! Real drafts come wrapped: a newspaper column with a blank line after every line and a number
//! split from its unit (`424` / `万件`), or web text with stray breaks inside a sentence
//! (`新建` / `高速铁路` / `投产里程`). Layout joins the lines of a paragraph, drops indentation,
//! line breaks and zero-width characters, and records in an [`OffsetMap`] where every logical
//! byte came from. It decides only where paragraphs, sentences and clauses are; it does not look
//! at numbers.

mod lines;
mod locate;
mod offset_map;

use std::ops::Range;

pub use crate::source::LineMode;
pub use offset_map::OffsetMap;

use lines::{Line, LineProfile};

/// The logical text of a document: its paragraphs, each joined into one line, separated by `\n`.
#[derive(Debug, Clone)]
pub struct Layout {
    pub text: String,
    pub map: OffsetMap,
    pub paragraphs: Vec<Range<usize>>,
}

impl Layout {
    /// Lays out decoded text, measuring how it is wrapped.
    pub fn new(decoded: &str) -> Self {
        Self::with_mode(decoded, LineMode::Auto)
    }

    /// Lays out decoded text whose line structure is known or measured.
    pub fn with_mode(decoded: &str, mode: LineMode) -> Self {
        let lines = lines::split(decoded);
        let mut profile = LineProfile::of(decoded, &lines);
        if mode == LineMode::Paragraphs {
            profile = LineProfile::one_paragraph_per_line();
        }
        let mut builder = Builder::with_capacity(decoded.len());
        let mut previous: Option<&Line> = None;
        let mut blanks = 0usize;
        for line in &lines {
            if line.debris {
                continue;
            }
            if line.is_blank() {
                blanks += 1;
                continue;
            }
            if let Some(prev) = previous {
                if profile.breaks_between(decoded, prev, line, blanks) {
                    builder.end_paragraph(prev.newline_at());
                } else {
                    builder.join(decoded, prev, line);
                }
            }
            builder.push_line(decoded, line);
            previous = Some(line);
            blanks = 0;
        }
        builder.finish()
    }

    /// Decoded byte range of a logical range.
    pub fn decoded_range(&self, range: Range<usize>) -> Range<usize> {
        self.map.decoded_range(&self.text, range)
    }

    /// Every sentence of the text with its paragraph, in runs of at least `bytes` of text that
    /// end at a sentence end: a large document is read a run at a time, so what is kept of it
    /// while reading does not grow with its length.
    pub fn sentence_runs(&self, bytes: usize) -> SentenceRuns<'_> {
        SentenceRuns {
            layout: self,
            bytes,
            paragraph: 0,
            pending: Vec::new(),
            next: 0,
        }
    }

    /// Every sentence of the text, as one run.
    pub fn all_sentences(&self) -> Vec<SentenceRef> {
        self.sentence_runs(usize::MAX).flatten().collect()
    }

    /// Sentences of the logical range `within` (a paragraph), each ending after its 。！？；.
    pub fn sentences(&self, within: Range<usize>) -> Vec<Range<usize>> {
        // Every sentence end is `!`, `?`, `;` or a three-byte character led by 0xE3 or 0xEF,
        // bytes that are rare in Chinese text (ideographs lead with 0xE4–0xE9): memchr finds
        // them without decoding characters.
        let bytes = &self.text.as_bytes()[..within.end];
        let body = &bytes[within.start..];
        let mut ends: Vec<usize> = memchr::memchr3_iter(0xE3, 0xEF, b';', body)
            .chain(memchr::memchr2_iter(b'!', b'?', body))
            .filter_map(|k| {
                let i = within.start + k;
                let len = match bytes[i] {
                    b'!' | b'?' | b';' => 1,
                    0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => 3,
                    0xEF if bytes.get(i + 1) == Some(&0xBC)
                        && matches!(bytes.get(i + 2), Some(0x81 | 0x9F | 0x9B)) =>
                    {
                        3
                    }
                    _ => return None,
                };
                Some(i + len)
            })
            .collect();
        ends.sort_unstable();
        let mut out = Vec::with_capacity(ends.len() + 1);
        let mut start = within.start;
        for end in ends {
            out.push(start..end);
            start = end;
        }
        if start < within.end {
            out.push(start..within.end);
        }
        debug_assert_eq!(out, split_after(&self.text, within, is_sentence_end));
        out
    }

    /// Clauses of the logical range `within` (a sentence), each ending after its ，：；.
    pub fn clauses(&self, within: Range<usize>) -> Vec<Range<usize>> {
        split_after(&self.text, within, is_clause_end)
    }
}

/// A sentence of the logical text and the paragraph that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRef {
    pub paragraph: usize,
    pub range: Range<usize>,
}

/// See [`Layout::sentence_runs`].
pub struct SentenceRuns<'a> {
    layout: &'a Layout,
    bytes: usize,
    /// The next paragraph to split.
    paragraph: usize,
    /// Sentences of the paragraph being read, from `next` on.
    pending: Vec<Range<usize>>,
    next: usize,
}

impl Iterator for SentenceRuns<'_> {
    type Item = Vec<SentenceRef>;

    fn next(&mut self) -> Option<Vec<SentenceRef>> {
        let mut run = Vec::new();
        let mut size = 0usize;
        while size < self.bytes {
            if self.next == self.pending.len() {
                let Some(para) = self.layout.paragraphs.get(self.paragraph) else {
                    break;
                };
                self.pending = self.layout.sentences(para.clone());
                self.next = 0;
                self.paragraph += 1;
                continue;
            }
            let range = self.pending[self.next].clone();
            self.next += 1;
            size += range.len();
            run.push(SentenceRef {
                paragraph: self.paragraph - 1,
                range,
            });
        }
        (!run.is_empty()).then_some(run)
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

fn is_clause_end(c: char) -> bool {
    is_sentence_end(c) || matches!(c, '，' | '：' | ':')
}

fn split_after(text: &str, within: Range<usize>, is_end: fn(char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = within.start;
    for (i, c) in text[within.clone()].char_indices() {
        if is_end(c) {
            let end = within.start + i + c.len_utf8();
            out.push(start..end);
            start = end;
        }
    }
    if start < within.end {
        out.push(start..within.end);
    }
    out
}

/// Accumulates logical text and its offset map.
struct Builder {
    text: String,
    map: OffsetMap,
    paragraphs: Vec<Range<usize>>,
    paragraph_start: usize,
}

impl Builder {
    fn with_capacity(n: usize) -> Self {
        Self {
            text: String::with_capacity(n),
            map: OffsetMap::default(),
            paragraphs: Vec::new(),
            paragraph_start: 0,
        }
    }

    /// Copies the content of `line`, leaving out zero-width characters and the spaces that PDF
    /// and Word extraction put between characters of Chinese text (`增  长  3.7 %`, `97.5 万人`):
    /// Chinese sets no spaces, so a space beside an ideograph or a full-width mark is layout; so
    /// is a thin space between groups of digits (`12 372`).
    fn push_line(&mut self, decoded: &str, line: &Line) {
        let content = &decoded[line.content.clone()];
        let bytes = content.as_bytes();
        let mut run_start = 0;
        // Zero-width characters and U+3000 are three bytes led by 0xE2, 0xE3 or 0xEF, U+00A0
        // is led by 0xC2: only those bytes and ASCII spaces are looked at.
        // Each search keeps its next hit until passed, so no stretch is scanned twice.
        let find_a =
            |from: usize| memchr::memchr3(0xE2, 0xEF, b' ', &bytes[from..]).map(|k| from + k);
        let find_b = |from: usize| memchr::memchr2(0xE3, 0xC2, &bytes[from..]).map(|k| from + k);
        let (mut next_a, mut next_b) = (find_a(0), find_b(0));
        while let Some(i) = next_a.into_iter().chain(next_b).min() {
            // Most hits are the lead bytes of full-width punctuation: passed over unread.
            let candidate = matches!(
                &bytes[i..],
                [b' ', ..]
                    | [0xC2, 0xA0, ..]
                    | [0xE3, 0x80, 0x80, ..]
                    | [0xE2, 0x80 | 0x81, ..]
                    | [0xEF, 0xBB, 0xBF, ..]
            );
            let c = candidate.then(|| content[i..].chars().next()).flatten();
            let mut from = i + c.map_or(1, char::len_utf8);
            let c = c.unwrap_or_default();
            if lines::is_zero_width(c) {
                self.copy(
                    decoded,
                    line.content.start + run_start..line.content.start + i,
                );
                run_start = from;
            } else if lines::is_inline_space(c) {
                let rest = &content[i..];
                let run = rest.len() - rest.trim_start_matches(lines::is_inline_space).len();
                let end = i + run;
                let before = content[..i].chars().next_back();
                let after = content[end..].chars().next();
                if let (Some(a), Some(b)) = (before, after)
                    && lines::closes_up(a, b, &content[i..end])
                {
                    self.copy(
                        decoded,
                        line.content.start + run_start..line.content.start + i,
                    );
                    run_start = end;
                }
                from = end;
            }
            if next_a.is_some_and(|a| a < from) {
                next_a = find_a(from);
            }
            if next_b.is_some_and(|b| b < from) {
                next_b = find_b(from);
            }
        }
        self.copy(decoded, line.content.start + run_start..line.content.end);
    }

    fn copy(&mut self, decoded: &str, range: Range<usize>) {
        if range.is_empty() {
            return;
        }
        self.map.push(self.text.len(), range.start);
        self.text.push_str(&decoded[range]);
    }

    /// Joins two lines of one paragraph. Nothing is inserted between CJK text or digits (a break
    /// there is only layout); two Latin words get a space, mapped to the line break.
    fn join(&mut self, decoded: &str, prev: &Line, next: &Line) {
        let before = decoded[prev.content.clone()].chars().next_back();
        let after = decoded[next.content.clone()].chars().next();
        if let (Some(a), Some(b)) = (before, after)
            && a.is_ascii_alphabetic()
            && b.is_ascii_alphabetic()
        {
            self.map.push(self.text.len(), prev.newline_at());
            self.text.push(' ');
        }
    }

    fn end_paragraph(&mut self, newline_at: usize) {
        if self.text.len() > self.paragraph_start {
            self.paragraphs.push(self.paragraph_start..self.text.len());
            self.map.push(self.text.len(), newline_at);
            self.text.push('\n');
            self.paragraph_start = self.text.len();
        }
    }

    fn finish(mut self) -> Layout {
        if self.text.len() > self.paragraph_start {
            self.paragraphs.push(self.paragraph_start..self.text.len());
        }
        Layout {
            text: self.text,
            map: self.map,
            paragraphs: self.paragraphs,
        }
    }
}

#[cfg(test)]
mod tests;
