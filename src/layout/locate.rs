//! Locating logical ranges in the user's original file.
//!
//! These build a [`Span`] but live here, not in `span`: locating needs the layout's offset map
//! and the document's source map, and `span` sits below both in the pipeline.

use std::ops::Range;

use super::Layout;
use crate::source::Document;
use crate::span::Span;

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
