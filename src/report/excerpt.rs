//! The part of a file a diagnostic quotes: the clauses that hold its labels, each shown line
//! at most [`COLUMNS`] display columns wide, with `…` where text is left out.
//!
//! A report keeps excerpts instead of the whole text, so checking a thousand files does not
//! hold a thousand texts until the output is written. On a hard-wrapped text (short lines) an
//! excerpt is the labelled lines with a line of context either side, as written; on a report
//! written one paragraph a line, it is the clause around each labelled figure, with `…` between
//! clauses far apart, never the whole paragraph (nor a 50 MB line of OCR output).
//!
//! The shown text is made of pieces copied from the file; labels are handed to miette at their
//! offsets in the shown text ([`Excerpt::shown`]), while every other format keeps byte ranges
//! of the original file.

use std::ops::Range;

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use unicode_width::UnicodeWidthChar;

use crate::source::Document;

/// Display columns a shown line takes at most (a CJK character takes two).
pub const COLUMNS: usize = 92;

/// Where a figure's underline may be centred at most, by the width of its label and that of the
/// line numbers: miette draws the label to the right of it (`╰── 分母（受理案件）`), after the
/// gutter (` 12 │ `, the digits and 4 columns) and 4 columns of its own, and the label, broken
/// over lines where it must, should have its width there up to [`LABEL_ROOM`] columns on a
/// 100-column screen. A figure further right is shown with less of the text before it, as on a
/// long line.
fn label_limit(label_width: usize, digits: usize) -> usize {
    100usize.saturating_sub(digits + 8 + label_width.min(LABEL_ROOM))
}

/// The columns a label is given at least before it is broken over lines.
pub const LABEL_ROOM: usize = 10;

/// How much is kept around a label on a long line, tried in turn until every shown line fits in
/// [`COLUMNS`]: its sentence, then its clause, at most so many characters before and after it.
/// The words before a figure name it, so they are kept longest.
const WINDOWS: [(Reach, usize, usize); 7] = [
    (Reach::Sentence, 60, 60),
    (Reach::Clause, 40, 40),
    (Reach::Clause, 20, 4),
    (Reach::Clause, 12, 0),
    (Reach::Clause, 8, 0),
    (Reach::Clause, 4, 0),
    (Reach::Clause, 0, 0),
];

/// Where a window around a label stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// At the end of a sentence (`。`, `；`, …).
    Sentence,
    /// At the end of a clause (`，` too).
    Clause,
}

/// What stands for text left out.
const ELLIPSIS: &str = "…";

/// A run of the file's text copied into the excerpt.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Piece {
    /// Decoded offset of the run in the file.
    from: usize,
    /// Byte offset of the run in the excerpt's text.
    at: usize,
    len: usize,
    /// 0-based line and character column of `from`.
    line: usize,
    column: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Excerpt {
    /// Decoded offset of the first piece: offsets in the shown text count from here.
    pub start: usize,
    /// The shown text: pieces of the file joined by `…` where text is left out.
    pub text: String,
    /// 0-based line and character column where the shown text starts.
    pub line: usize,
    pub column: usize,
    pieces: Vec<Piece>,
}

/// The display width of `s` (a tab as 4 columns, as miette draws it), counted only up to
/// `limit + 1`, so a 50 MB line costs no more than a short one.
fn width_upto(s: &str, limit: usize) -> usize {
    let mut w = 0;
    for c in s.chars() {
        w += if c == '\t' { 4 } else { c.width().unwrap_or(0) };
        if w > limit {
            break;
        }
    }
    w
}

/// The display width of `s`.
pub fn width(s: &str) -> usize {
    width_upto(s, usize::MAX - 4)
}

/// Characters that end a clause (`reach` Clause) or a sentence.
fn is_end(c: char, reach: Reach) -> bool {
    match reach {
        Reach::Sentence => matches!(c, '。' | '；' | '！' | '？' | ';'),
        Reach::Clause => matches!(
            c,
            '，' | '。' | '；' | '！' | '？' | '：' | '、' | ',' | ';'
        ),
    }
}

/// The line of `text` holding byte `at`: its start and its end (newline left out).
fn line_of(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[at..]).map_or(text.len(), |i| at + i);
    start..end
}

/// The line fits a screen as written.
fn fits(text: &str, line: &Range<usize>) -> bool {
    width_upto(&text[line.clone()], COLUMNS) <= COLUMNS
}

/// `r` widened to its clause (or sentence) on its line, at most `before` and `after` characters:
/// back to just after the end before it, on to the end after it (kept).
fn clause_around(
    text: &str,
    r: &Range<usize>,
    (reach, before, after): (Reach, usize, usize),
) -> Range<usize> {
    let mut start = r.start;
    for (n, (at, c)) in text[..r.start].char_indices().rev().enumerate() {
        if n == before || c == '\n' || is_end(c, reach) {
            break;
        }
        start = at;
    }
    let mut end = r.end;
    for (n, (at, c)) in text[r.end..].char_indices().enumerate() {
        if n == after || c == '\n' {
            break;
        }
        end = r.end + at + c.len_utf8();
        if is_end(c, reach) {
            break;
        }
    }
    // A cut never falls inside a figure (`分别为8…` for `8.2%`): it moves out of the figure,
    // towards the label.
    let in_figure =
        |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c) || ".%％‰．".contains(c);
    let splits = |at: usize| {
        text[..at].chars().next_back().is_some_and(in_figure)
            && text[at..].chars().next().is_some_and(in_figure)
    };
    if splits(end) {
        while end > r.end && text[..end].chars().next_back().is_some_and(in_figure) {
            end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    if splits(start) {
        while start < r.start && text[start..].chars().next().is_some_and(in_figure) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    start..end
}

impl Excerpt {
    /// The excerpt of `doc` that shows every range of `spans` (decoded offsets), each leaving
    /// room for a label of [`LABEL_ROOM`] columns.
    pub fn around(doc: &Document, spans: impl IntoIterator<Item = Range<usize>>) -> Excerpt {
        Self::around_labels(doc, spans.into_iter().map(|r| (r, LABEL_ROOM)))
    }

    /// The excerpt of `doc` that shows every range of `spans` (decoded offsets), each with the
    /// display width of the label drawn beside it.
    pub fn around_labels(
        doc: &Document,
        spans: impl IntoIterator<Item = (Range<usize>, usize)>,
    ) -> Excerpt {
        let text = doc.text.as_str();
        let mut spans: Vec<(Range<usize>, usize)> = spans
            .into_iter()
            .map(|(r, label)| {
                let (mut s, mut e) = (r.start.min(text.len()), r.end.min(text.len()));
                while !text.is_char_boundary(s) {
                    s -= 1;
                }
                while !text.is_char_boundary(e) {
                    e += 1;
                }
                (s..e.max(s), label)
            })
            .collect();
        // The widest line number shown: the line after the last label's, at most.
        let last = spans.iter().map(|(r, _)| r.end).max().unwrap_or(0);
        let digits = (doc.line_col(last).0 + 1).to_string().len();
        for (_, label) in &mut spans {
            *label = label_limit(*label, digits);
        }
        if spans.is_empty() {
            return Excerpt::default();
        }
        spans.sort_by_key(|(r, _)| (r.start, r.end));
        let mut built = Excerpt::default();
        for window in WINDOWS {
            built = Self::build(doc, &spans, window);
            if built
                .text
                .split('\n')
                .all(|l| width_upto(l, COLUMNS) <= COLUMNS)
                && spans
                    .iter()
                    .all(|(r, limit)| built.centre(r).is_none_or(|c| c <= *limit))
            {
                break;
            }
        }
        built
    }

    /// The display column of the shown text at which the underline of decoded range `r` is
    /// centred; None when the excerpt does not hold it or it spans lines.
    fn centre(&self, r: &Range<usize>) -> Option<usize> {
        let p = self.piece_of(r)?;
        let at = p.at + (r.start - p.from);
        let shown = self.text.get(at..at + r.len())?;
        if shown.contains('\n') {
            return None;
        }
        let opening = self.text[..at].rfind('\n').map_or(0, |i| i + 1);
        Some(width(&self.text[opening..at]) + width(shown) / 2)
    }

    /// The excerpt keeping `window` either side of each label on long lines.
    fn build(
        doc: &Document,
        spans: &[(Range<usize>, usize)],
        window: (Reach, usize, usize),
    ) -> Excerpt {
        let text = doc.text.as_str();
        let first = spans.iter().map(|(r, _)| r.start).min().unwrap_or(0);
        let last = spans.iter().map(|(r, _)| r.end).max().unwrap_or(0);
        // What is kept: each label with its clause, or its lines when they fit; the short lines
        // between labelled ones; a short line of context either side.
        // Lines that fit, but with a label's figure too far right to leave its label room: cut
        // like long lines.
        let crowded: Vec<usize> = spans
            .iter()
            .filter(|(r, limit)| {
                let line = line_of(text, r.start);
                r.end <= line.end
                    && width_upto(&text[line.start..r.start], COLUMNS)
                        + width(&text[r.start..r.end]) / 2
                        > *limit
            })
            .map(|(r, _)| line_of(text, r.start).start)
            .collect();
        let shown_whole = |line: &Range<usize>| fits(text, line) && !crowded.contains(&line.start);
        let mut keep: Vec<Range<usize>> = Vec::new();
        for (r, _) in spans {
            let (a, b) = (line_of(text, r.start), line_of(text, r.end));
            if shown_whole(&a) && shown_whole(&b) {
                keep.push(a.start..b.end);
            } else {
                keep.push(clause_around(text, r, window));
            }
        }
        let mut at = line_of(text, first).end;
        let end_line = line_of(text, last);
        while at < end_line.start {
            let line = line_of(text, at + 1);
            if shown_whole(&line) {
                keep.push(line.clone());
            }
            at = line.end;
        }
        let first_line = line_of(text, first);
        if first_line.start > 0 {
            let before = line_of(text, first_line.start - 1);
            if fits(text, &before) && !before.is_empty() {
                keep.push(before);
            }
        }
        if end_line.end < text.len() {
            let after = line_of(text, end_line.end + 1);
            if fits(text, &after) && !after.is_empty() {
                keep.push(after);
            }
        }
        keep.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::new();
        for r in keep {
            match merged.last_mut() {
                // Runs that touch, or with less between them than an ellipsis saves.
                Some(m)
                    if r.start <= m.end
                        || (r.start - m.end <= 3 && !text[m.end..r.start].contains('\n')) =>
                {
                    m.end = m.end.max(r.end);
                }
                _ => merged.push(r),
            }
        }
        let mut out = Excerpt {
            start: merged[0].start,
            ..Excerpt::default()
        };
        let opening = line_of(text, merged[0].start).start;
        if merged[0].start > opening {
            out.text.push_str(ELLIPSIS);
        }
        let (line, column) = doc.line_col(opening);
        (out.line, out.column) = (line - 1, column - 1);
        if merged[0].start == opening {
            out.column = doc.line_col(merged[0].start).1 - 1;
        }
        for (i, r) in merged.iter().enumerate() {
            if i > 0 {
                // The text between two runs: each part of a line left out is one ellipsis, and
                // every line break stays, so line numbers stay those of the file.
                let gap = &text[merged[i - 1].end..r.start];
                for (j, part) in gap.split('\n').enumerate() {
                    if j > 0 {
                        out.text.push('\n');
                    }
                    if !part.is_empty() {
                        out.text.push_str(ELLIPSIS);
                    }
                }
            }
            let (line, column) = doc.line_col(r.start);
            out.pieces.push(Piece {
                from: r.start,
                at: out.text.len(),
                len: r.len(),
                line: line - 1,
                column: column - 1,
            });
            out.text.push_str(&text[r.clone()]);
        }
        let tail = merged.last().map_or(0, |r| r.end);
        if tail < line_of(text, tail).end {
            out.text.push_str(ELLIPSIS);
        }
        out
    }

    fn piece_of(&self, r: &Range<usize>) -> Option<&Piece> {
        self.pieces
            .iter()
            .find(|p| p.from <= r.start && r.end <= p.from + p.len)
    }

    /// The text of a decoded range inside the excerpt.
    pub fn get(&self, r: Range<usize>) -> Option<&str> {
        let p = self.piece_of(&r)?;
        let at = p.at + (r.start - p.from);
        self.text.get(at..at + r.len())
    }

    /// Where a decoded range is in the shown text, as an offset from [`Excerpt::start`]: what
    /// miette is handed for a label. A range the excerpt does not hold is returned as is.
    pub fn shown(&self, r: Range<usize>) -> Range<usize> {
        match self.piece_of(&r) {
            Some(p) => {
                let at = self.start + p.at + (r.start - p.from);
                at..at + r.len()
            }
            None => r,
        }
    }

    /// 0-based line and character column in the file of an offset of the shown text.
    fn position(&self, at: usize) -> (usize, usize) {
        let idx = at - self.start;
        let Some(p) = self
            .pieces
            .iter()
            .rev()
            .find(|p| p.at <= idx && idx <= p.at + p.len)
        else {
            return (self.line, self.column);
        };
        let before = &self.text[p.at..idx];
        match before.rfind('\n') {
            Some(nl) => (
                p.line + before.matches('\n').count(),
                before[nl + 1..].chars().count(),
            ),
            None => (p.line, p.column + before.chars().count()),
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
        // Offsets of the shown text (see [`Excerpt::shown`]).
        let Some(quoted) = r
            .start
            .checked_sub(e.start)
            .and_then(|from| e.text.get(from..from + r.len()))
        else {
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
        assert!(width(&e.text) <= COLUMNS, "{}", e.text);
        assert_eq!(e.get(at..at + 5), Some("39347"));
        let shown = e.shown(at..at + 5);
        assert_eq!(&e.text[shown.start - e.start..shown.end - e.start], "39347");
        assert_eq!(e.position(shown.start), (0, 100_002));
    }

    #[test]
    fn distant_clauses_are_joined_by_an_ellipsis() {
        let filler = "加快构建新发展格局，着力推动高质量发展，".repeat(6);
        let text = format!("{filler}全年受理案件39347件，{filler}审结35773件，{filler}\n");
        let doc = Document::from_text("t", text.clone());
        let a = text.find("39347").unwrap();
        let b = text.find("35773").unwrap();
        let e = Excerpt::around(&doc, [a..a + 5, b..b + 5]);
        assert_eq!(e.text, "…全年受理案件39347件，…审结35773件，…");
        assert_eq!(e.get(b..b + 5), Some("35773"));
        let shown = e.shown(b..b + 5);
        assert_eq!(&e.text[shown.start - e.start..shown.end - e.start], "35773");
        assert_eq!(e.position(shown.start).1, text[..b].chars().count());
    }
}
