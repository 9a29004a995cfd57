//! Spans as users see them: byte ranges of the original file, with line and column.
//!
//! A plain value every layer may carry. It is made in `layout` (`Span::locate`), where the maps
//! back to the original bytes are, so that this module needs nothing above it.

use serde::Serialize;

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
