//! Spans as users see them: byte ranges of the original file, with line and column.

use std::ops::Range;

use serde::Serialize;

use crate::layout::Layout;
use crate::source::Document;

/// A located range of the user's original file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset in the original file.
    pub offset: usize,
    /// Length in bytes of the original file (line breaks inside the range included).
    pub length: usize,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in characters.
    pub column: usize,
    /// 1-based line of the end (the last character of the range).
    pub end_line: usize,
    /// 1-based column just past the last character, in characters.
    pub end_column: usize,
}

impl Span {
    /// Locates the logical range `range` of `layout` in the original bytes of `doc`.
    pub fn locate(doc: &Document, layout: &Layout, range: Range<usize>) -> Span {
        Self::of_decoded(doc, layout.decoded_range(range))
    }

    /// Locates a byte range of the document's decoded text.
    pub fn of_decoded(doc: &Document, decoded: Range<usize>) -> Span {
        let (start, end) = doc.original_range(decoded.start, decoded.end);
        let (line, column) = doc.line_col(decoded.start);
        let (end_line, end_column) = doc.line_col(decoded.end);
        Span {
            offset: start,
            length: end - start,
            line,
            column,
            end_line,
            end_column,
        }
    }
}
