//! The part of a file a diagnostic quotes: its labels with a line of context either side,
//! each line cut to a margin around the labels.
//!
//! A report keeps excerpts instead of the whole text, so checking a thousand files does not
//! hold a thousand texts until the output is written, and a finding on a 50 MB line of OCR
//! output shows a few hundred characters of it, not the line.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::Document;

/// Bytes of context kept before the first label and after the last one.
const MARGIN: usize = 240;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Excerpt {
    /// Byte offset of the excerpt in the decoded text.
    pub start: usize,
    pub text: String,
    /// 0-based line and character column of `start`.
    pub line: usize,
    pub column: usize,
}

impl Excerpt {
    /// The excerpt of `doc` that shows every range of `spans` (decoded offsets).
    pub fn around(doc: &Document, spans: impl IntoIterator<Item = Range<usize>>) -> Excerpt {
        let text = doc.text.as_str();
        let (mut first, mut last) = (usize::MAX, 0);
        for r in spans {
            first = first.min(r.start);
            last = last.max(r.end);
        }
        if first > last {
            return Excerpt::default();
        }
        let last = last.min(text.len());
        let first = first.min(last);
        let bytes = text.as_bytes();
        // Start of the line before the first label's line.
        let line_start = memchr::memrchr(b'\n', &bytes[..first]).map_or(0, |i| i + 1);
        let context_start = line_start.checked_sub(1).map_or(0, |nl| {
            memchr::memrchr(b'\n', &bytes[..nl]).map_or(0, |i| i + 1)
        });
        let mut start = context_start.max(first.saturating_sub(MARGIN));
        while !text.is_char_boundary(start) {
            start += 1;
        }
        // End of the line after the last label's line, newline left out.
        let line_end = memchr::memchr(b'\n', &bytes[last..]).map_or(text.len(), |i| last + i);
        let context_end = if line_end < text.len() {
            memchr::memchr(b'\n', &bytes[line_end + 1..]).map_or(text.len(), |i| line_end + 1 + i)
        } else {
            line_end
        };
        let mut end = context_end.min(last.saturating_add(MARGIN)).max(last);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let (line, column) = doc.line_col(start);
        Excerpt {
            start,
            text: text[start..end].to_string(),
            line: line - 1,
            column: column - 1,
        }
    }

    /// The text of a decoded range inside the excerpt.
    pub fn get(&self, r: Range<usize>) -> Option<&str> {
        let from = r.start.checked_sub(self.start)?;
        let to = r.end.checked_sub(self.start)?;
        self.text.get(from..to)
    }

    /// 0-based line and character column of a decoded offset inside the excerpt.
    fn position(&self, at: usize) -> (usize, usize) {
        let before = &self.text[..at - self.start];
        match before.rfind('\n') {
            Some(nl) => (
                self.line + before.matches('\n').count(),
                before[nl + 1..].chars().count(),
            ),
            None => (self.line, self.column + before.chars().count()),
        }
    }
}

/// An excerpt as miette reads it.
pub struct Source<'a> {
    pub name: &'a str,
    pub excerpt: &'a Excerpt,
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_before: usize,
        context_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let e = self.excerpt;
        let r = span.offset()..span.offset() + span.len();
        let Some(quoted) = e.get(r.clone()) else {
            return Err(MietteError::OutOfBounds);
        };
        let name = self.name.to_string();
        if context_before == 0 && context_after == 0 {
            // Where the span itself starts: miette's location header. Columns are characters,
            // as in every other output format.
            let (line, column) = e.position(r.start);
            return Ok(Box::new(MietteSpanContents::new_named(
                name,
                quoted.as_bytes(),
                *span,
                line,
                column,
                quoted.matches('\n').count() + 1,
            )));
        }
        Ok(Box::new(MietteSpanContents::new_named(
            name,
            e.text.as_bytes(),
            (e.start, e.text.len()).into(),
            e.line,
            e.column,
            e.text.matches('\n').count() + 1,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_context_either_side() {
        let doc = Document::from_text("t", "一\n二\n受理39347件\n四\n五\n");
        let at = doc.text.find("39347").unwrap();
        let e = Excerpt::around(&doc, std::iter::once(at..at + 5));
        assert_eq!(e.text, "二\n受理39347件\n四");
        assert_eq!((e.line, e.column), (1, 0));
        assert_eq!(e.get(at..at + 5), Some("39347"));
        assert_eq!(e.position(at), (2, 2));
    }

    #[test]
    fn a_long_line_is_cut_around_the_labels() {
        let long = "审".repeat(100_000);
        let text = format!("{long}受理39347件{long}");
        let doc = Document::from_text("t", text.clone());
        let at = text.find("39347").unwrap();
        let e = Excerpt::around(&doc, std::iter::once(at..at + 5));
        assert!(e.text.len() <= 5 + 2 * MARGIN, "{}", e.text.len());
        assert_eq!(e.get(at..at + 5), Some("39347"));
        assert_eq!(e.position(at), (0, 100_002));
    }
}
