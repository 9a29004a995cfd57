//! The map from logical text back to the decoded text it was built from.

use std::ops::Range;

/// Maps byte offsets of the logical text to byte offsets of the decoded text.
///
/// The logical text is a sequence of runs copied from the decoded text; each run is one
/// segment `(logical start, decoded start)`, and a byte inside a run maps linearly. Runs are
/// long (a line, or a paragraph when nothing was removed), so the map stays small and lookups
/// are a binary search.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    segments: Vec<(usize, usize)>,
}

impl OffsetMap {
    /// Records that the logical text at `logical` continues with decoded text from `decoded`.
    pub(crate) fn push(&mut self, logical: usize, decoded: usize) {
        if let Some(&(l, d)) = self.segments.last() {
            if d + (logical - l) == decoded {
                return; // the run simply continues
            }
            if l == logical {
                self.segments.pop();
            }
        }
        self.segments.push((logical, decoded));
    }

    /// Decoded offset of the logical byte at `at`.
    pub fn decoded(&self, at: usize) -> usize {
        let i = self.segments.partition_point(|&(l, _)| l <= at);
        match i.checked_sub(1).map(|i| self.segments[i]) {
            Some((l, d)) => d + (at - l),
            None => at,
        }
    }

    /// Decoded byte range of the logical range `range` of `logical`, which must lie on char
    /// boundaries. The end maps through the last char of the range, so a range that ends where two
    /// runs meet (`424` + `万件` across a line break) still ends right after its own last char.
    pub fn decoded_range(&self, logical: &str, range: Range<usize>) -> Range<usize> {
        let start = self.decoded(range.start);
        if range.is_empty() {
            return start..start;
        }
        let last = logical[..range.end]
            .chars()
            .next_back()
            .map_or(1, char::len_utf8);
        let end = self.decoded(range.end - last) + last;
        start..end
    }
}
