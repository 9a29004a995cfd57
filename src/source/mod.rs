//! Reading a draft: bytes from a path or stdin, decoded to text, with a map back to the bytes.
//!
//! Everything hedui reports is a byte range in the user's *original* file, so decoding keeps a
//! [`SourceMap`] from each byte of the decoded UTF-8 text to the byte it came from. This module
//! only decodes; it knows nothing of lines, paragraphs or numbers.

mod decode;
pub mod docx;
pub mod view;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::{Encoding, SourceMap};

/// A decoded input file.
#[derive(Debug, Clone)]
pub struct Document {
    /// The name shown to the user: the path as given, or `-` / a `--stdin-filename`.
    pub name: String,
    /// The decoded text (without a byte-order mark).
    pub text: String,
    pub encoding: Encoding,
    /// Maps offsets in `text` to offsets in the original bytes.
    pub map: SourceMap,
    /// Byte offset in `text` where each line starts (line 1 at index 0).
    line_starts: Vec<usize>,
    /// Every ~4 KiB of text, `(byte offset, characters since its line start)`: columns of a
    /// very long line are counted from the nearest checkpoint, not from the line start.
    checkpoints: Vec<(usize, usize)>,
}

/// How the lines of a text map to paragraphs. The source's to say, since only the format knows
/// (a .docx paragraph is one line); layout acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineMode {
    /// Measured from the text: newspaper columns, stray breaks, one paragraph per line.
    #[default]
    Auto,
    /// Every line is a paragraph (text extracted from a .docx).
    Paragraphs,
}

const CHECKPOINT_BYTES: usize = 4096;

fn checkpoints(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // Characters are counted as the bytes that are not UTF-8 continuation bytes, a count the
    // compiler vectorises.
    let chars = |b: &[u8]| b.iter().filter(|&&x| (x as i8) >= -0x40).count();
    let mut out = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
    let mut column = 0usize;
    let mut from = 0usize;
    let mut at = CHECKPOINT_BYTES;
    while at < bytes.len() {
        while !text.is_char_boundary(at) {
            at += 1;
        }
        let block = &bytes[from..at];
        column = match memchr::memrchr(b'\n', block) {
            Some(nl) => chars(&block[nl + 1..]),
            None => column + chars(block),
        };
        out.push((at, column));
        from = at;
        at += CHECKPOINT_BYTES;
    }
    out
}

/// The code of the finding for an input that could not be read.
pub const IO_ERROR: &str = "io-error";

/// The code of the finding for an input that is no text hedui reads.
pub const DECODE_ERROR: &str = "decode-error";

/// Why an input could not be read. Every variant names the input, so a CI log says which file
/// was refused and why; `check` reports it as a finding of its own ([`SourceError::code`]).
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{}", crate::messages::cannot_read(.name, &crate::messages::io_reason(.source)))]
    Io {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", crate::messages::undecodable(.name, .reason))]
    Undecodable { name: String, reason: String },
}

impl SourceError {
    /// The code of the finding that reports it: `io-error` or `decode-error`.
    pub fn code(&self) -> &'static str {
        match self {
            SourceError::Io { .. } => IO_ERROR,
            SourceError::Undecodable { .. } => DECODE_ERROR,
        }
    }

    /// The name of the input.
    pub fn name(&self) -> &str {
        match self {
            SourceError::Io { name, .. } | SourceError::Undecodable { name, .. } => name,
        }
    }

    /// Why, without the name.
    pub fn reason(&self) -> String {
        match self {
            SourceError::Io { source, .. } => crate::messages::io_reason(source),
            SourceError::Undecodable { reason, .. } => reason.clone(),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            SourceError::Io { .. } => crate::messages::io_error_help(),
            SourceError::Undecodable { .. } => crate::messages::undecodable_help(),
        }
    }
}

impl Document {
    /// Reads `path`, or standard input when `path` is `-`.
    pub fn read(path: &Path) -> Result<Self, SourceError> {
        let name = path.display().to_string();
        let bytes = if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .lock()
                .read_to_end(&mut buf)
                .map_err(|source| SourceError::Io {
                    name: name.clone(),
                    source,
                })?;
            buf
        } else {
            if path.is_dir() {
                return Err(SourceError::Io {
                    name,
                    source: std::io::Error::new(
                        std::io::ErrorKind::IsADirectory,
                        crate::messages::is_a_directory(),
                    ),
                });
            }
            std::fs::read(path).map_err(|source| SourceError::Io {
                name: name.clone(),
                source,
            })?
        };
        Self::from_vec(name, bytes)
    }

    /// Decodes bytes that came from `name`: a .docx (by its zip signature) or text.
    pub fn from_bytes(name: impl Into<String>, bytes: &[u8]) -> Result<Self, SourceError> {
        Self::from_vec(name, bytes.to_vec())
    }

    /// [`Document::from_bytes`] taking the buffer, which becomes the text of UTF-8 input.
    pub fn from_vec(name: impl Into<String>, bytes: Vec<u8>) -> Result<Self, SourceError> {
        Self::from_vec_within(name, bytes, docx::MAX_XML_BYTES)
    }

    /// [`Document::from_vec`], refusing a .docx whose text part inflates past `xml_limit` bytes
    /// (the server reads many drafts at once, each within a smaller bound than one file's).
    pub fn from_vec_within(
        name: impl Into<String>,
        bytes: Vec<u8>,
        xml_limit: u64,
    ) -> Result<Self, SourceError> {
        let name = name.into();
        if let Some(reason) = decode::not_text(&bytes) {
            return Err(SourceError::Undecodable { name, reason });
        }
        if docx::looks_like_zip(&bytes) || name.to_ascii_lowercase().ends_with(".docx") {
            let text = docx::text_within(&bytes, xml_limit).map_err(|reason| {
                SourceError::Undecodable {
                    name: name.clone(),
                    reason,
                }
            })?;
            return Ok(Self::new(name, text, Encoding::Docx, SourceMap::Shifted(0)));
        }
        let (text, encoding, map) =
            decode::decode_owned(bytes).map_err(|reason| SourceError::Undecodable {
                name: name.clone(),
                reason,
            })?;
        Ok(Self::new(name, text, encoding, map))
    }

    /// A document made from text that is already UTF-8 (tests, the library API).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        Self::new(
            name.into(),
            text.into(),
            Encoding::Utf8,
            SourceMap::Shifted(0),
        )
    }

    fn new(name: String, text: String, encoding: Encoding, map: SourceMap) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let checkpoints = if text.len() > CHECKPOINT_BYTES {
            checkpoints(&text)
        } else {
            Vec::new()
        };
        Self {
            name,
            text,
            encoding,
            map,
            line_starts,
            checkpoints,
        }
    }

    pub fn path(&self) -> PathBuf {
        PathBuf::from(&self.name)
    }

    /// The text to read for figures: the document with non-prose (Markdown code, comments,
    /// front matter; suppression directives) blanked out, offsets unchanged.
    pub fn prose(&self) -> std::borrow::Cow<'_, str> {
        let markdown = view::is_markdown(&self.name);
        // Plain text without directives is its own prose view: no second copy of a large file.
        if !markdown && memchr::memmem::find(self.text.as_bytes(), b"hedui-").is_none() {
            return std::borrow::Cow::Borrowed(&self.text);
        }
        std::borrow::Cow::Owned(view::prose(&self.text, markdown))
    }

    /// How lines of the text relate to paragraphs.
    pub fn line_mode(&self) -> LineMode {
        if self.encoding == Encoding::Docx {
            LineMode::Paragraphs
        } else {
            LineMode::Auto
        }
    }

    /// 1-based line and 1-based column (in characters) of a byte offset in `text`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let k = self.checkpoints.partition_point(|&(at, _)| at <= offset);
        let (from, chars) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((at, column)) if at >= start => (at, column),
            _ => (start, 0),
        };
        let column = chars + self.text[from..offset].chars().count() + 1;
        (line + 1, column)
    }

    /// The original byte range of the text range `start..end` (both char boundaries of `text`).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        (self.map.original(start), self.map.original(end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(text: &str, offset: usize) -> (usize, usize) {
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, text[start..offset].chars().count() + 1)
    }

    #[test]
    fn columns_of_long_lines_match_a_plain_count() {
        let line: String = "受理39347件，".repeat(900);
        let text = format!("{line}\n短行\n{line}{line}\n");
        let doc = Document::from_text("t", text.clone());
        assert!(!doc.checkpoints.is_empty());
        for (offset, _) in text.char_indices().step_by(97) {
            assert_eq!(
                doc.line_col(offset),
                naive(&text, offset),
                "offset {offset}"
            );
        }
        assert_eq!(doc.line_col(text.len()), naive(&text, text.len()));
    }
}
