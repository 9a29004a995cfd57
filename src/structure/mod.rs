//! The shape of a sentence: brackets, clauses and enumeration items.
//!
//! Claims bind figures by where they stand in this shape, not by how near they are: the whole of
//! a `其中` is the figure of the clause it follows at its own bracket depth, a bracketed
//! breakdown (`义务754113人（小学449319人，初中304794人）`) belongs to the figure before it, and a
//! list of parts is the `、` items of one clause. The tree knows punctuation only; what words
//! mean is for the claim layer.

use std::ops::Range;

mod outline;
#[cfg(test)]
mod tests;

pub use outline::{Node, Part};

/// A bracketed stretch of a sentence: `（…）`, `(…)`, `【…】`, `[…]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bracket {
    /// From the opening bracket to just after the closing one (or the sentence end when the
    /// bracket is never closed).
    pub range: Range<usize>,
    /// 1 for a bracket in the sentence itself, 2 for one inside it, and so on.
    pub depth: u32,
    /// The bracket holding this one.
    pub parent: Option<usize>,
}

impl Bracket {
    /// The text inside, without the brackets.
    pub fn inner(&self, text: &str) -> Range<usize> {
        let open = text[self.range.clone()]
            .chars()
            .next()
            .map_or(0, char::len_utf8);
        let close = text[self.range.clone()]
            .chars()
            .next_back()
            .filter(|&c| is_close(c))
            .map_or(0, char::len_utf8);
        self.range.start + open..(self.range.end - close).max(self.range.start + open)
    }
}

/// Where a separator stands: the bracket it is in (`None` for the sentence itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    at: usize,
    len: usize,
    container: Option<usize>,
}

/// One sentence's brackets and separators, each placed in the bracket that holds it.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    pub range: Range<usize>,
    pub brackets: Vec<Bracket>,
    /// `，；：` (and ASCII) at each depth.
    clause_marks: Vec<Mark>,
    /// `；` only: the larger clauses.
    major_marks: Vec<Mark>,
    /// `、`: enumeration items.
    item_marks: Vec<Mark>,
}

fn is_open(c: char) -> bool {
    matches!(c, '（' | '(' | '【' | '[' | '〔' | '［')
}

fn is_close(c: char) -> bool {
    matches!(c, '）' | ')' | '】' | ']' | '〕' | '］')
}

/// Brackets opened less brackets closed in `text`: above zero, a position after `text` is
/// inside a bracket. For text no [`Tree`] was parsed for (a sentence before the one read).
pub fn bracket_balance(text: &str) -> i64 {
    punctuation(text)
        .map(|(_, c)| i64::from(is_open(c)) - i64::from(is_close(c)))
        .sum()
}

/// The characters of `text` that can be brackets or separators, with their offsets: ASCII, and
/// the three-byte characters led by 0xE3 (`、。【】〔〕`) or 0xEF (`（）［］，；：！？`). Other
/// characters, the ideographs between, are stepped over by their lead byte, undecoded: sentences
/// are read this way for every figure, and decoding each character cost several times more.
fn punctuation(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(&b) = bytes.get(i) {
            let at = i;
            match b {
                0x00..=0x7F => {
                    i += 1;
                    return Some((at, char::from(b)));
                }
                0xE3 | 0xEF => {
                    i += 3;
                    // `text` is UTF-8: a lead byte is followed by its two continuation bytes.
                    let code = (u32::from(b & 0x0F) << 12)
                        | (u32::from(bytes[at + 1] & 0x3F) << 6)
                        | u32::from(bytes[at + 2] & 0x3F);
                    if let Some(c) = char::from_u32(code) {
                        return Some((at, c));
                    }
                }
                0xC0..=0xDF => i += 2,
                0xE0..=0xEF => i += 3,
                0xF0..=0xFF => i += 4,
                _ => i += 1,
            }
        }
        None
    })
}

fn is_clause_mark(c: char) -> bool {
    matches!(c, '，' | '；' | '：' | ',' | ';' | ':' | '。' | '！' | '？')
}

impl Tree {
    /// Reads the sentence `range` of `text`.
    pub fn parse(text: &str, range: Range<usize>) -> Tree {
        let mut tree = Tree {
            range: range.clone(),
            ..Tree::default()
        };
        let mut open: Vec<usize> = Vec::new();
        for (i, c) in punctuation(&text[range.clone()]) {
            let at = range.start + i;
            let container = open.last().copied();
            if is_open(c) {
                tree.brackets.push(Bracket {
                    range: at..range.end,
                    depth: open.len() as u32 + 1,
                    parent: container,
                });
                open.push(tree.brackets.len() - 1);
            } else if is_close(c) {
                if let Some(b) = open.pop() {
                    tree.brackets[b].range.end = at + c.len_utf8();
                }
            } else {
                let mark = Mark {
                    at,
                    len: c.len_utf8(),
                    container,
                };
                if is_clause_mark(c) {
                    tree.clause_marks.push(mark);
                    if matches!(c, '；' | ';') {
                        tree.major_marks.push(mark);
                    }
                } else if c == '、' {
                    tree.item_marks.push(mark);
                }
            }
        }
        tree
    }

    /// The innermost bracket holding offset `at`. Brackets are in order of their opening, and a
    /// bracket holding `at` opens before it, so the last such is the innermost.
    pub fn bracket_of(&self, at: usize) -> Option<usize> {
        let upto = self.brackets.partition_point(|b| b.range.start < at);
        let mut b = upto.checked_sub(1)?;
        loop {
            let r = &self.brackets[b].range;
            if r.start < at && at < r.end {
                return Some(b);
            }
            b = self.brackets[b].parent?;
        }
    }

    /// How many brackets hold `at`.
    pub fn depth(&self, at: usize) -> u32 {
        self.bracket_of(at).map_or(0, |b| self.brackets[b].depth)
    }

    /// The stretch the separators around `at` can reach: its bracket's inside, or the sentence.
    fn container_range(&self, text: &str, container: Option<usize>) -> Range<usize> {
        container.map_or(self.range.clone(), |b| self.brackets[b].inner(text))
    }

    fn around(&self, text: &str, marks: &[Mark], at: usize) -> Range<usize> {
        let container = self.bracket_of(at);
        let bounds = self.container_range(text, container);
        let split = marks.partition_point(|m| m.at < at);
        let start = marks[..split]
            .iter()
            .rev()
            .find(|m| m.container == container && m.at >= bounds.start)
            .map_or(bounds.start, |m| m.at + m.len);
        let end = marks[split..]
            .iter()
            .find(|m| m.container == container && m.at < bounds.end)
            .map_or(bounds.end, |m| m.at);
        start.max(bounds.start)..end.min(bounds.end).max(start)
    }

    /// The `，` clause holding `at`, at `at`'s own depth: separators inside a bracket bound
    /// clauses inside it only.
    pub fn clause(&self, text: &str, at: usize) -> Range<usize> {
        self.around(text, &self.clause_marks, at)
    }

    /// The `；` clause holding `at`, at its own depth.
    pub fn major(&self, text: &str, at: usize) -> Range<usize> {
        self.around(text, &self.major_marks, at)
    }

    /// The `、` item holding `at`, within its clause.
    pub fn item(&self, text: &str, at: usize) -> Range<usize> {
        let clause = self.clause(text, at);
        let item = self.around(text, &self.item_marks, at);
        item.start.max(clause.start)..item.end.min(clause.end)
    }

    /// The clauses at the depth of `at`, from the one holding `at` up to offset `end`.
    pub fn clauses_from(&self, text: &str, at: usize, end: usize) -> Vec<Range<usize>> {
        let container = self.bracket_of(at);
        let bounds = self.container_range(text, container);
        let end = end.min(bounds.end);
        let first = self.clause(text, at);
        let mut out = vec![first.clone()];
        for m in &self.clause_marks {
            if m.at < first.end || m.container != container {
                continue;
            }
            if m.at >= end {
                break;
            }
            let next = m.at + m.len;
            let c = next..self.clause(text, next).end.max(next);
            if c.start < end {
                out.push(c.start..c.end.min(end));
            }
        }
        out
    }
}
