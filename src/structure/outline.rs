//! A tree's shape as nested nodes, for showing it (`hedui claims --tree`).
//!
//! The queries of [`Tree`] answer "what holds this offset"; a reader wants the other direction,
//! every part of the sentence at once. Levels that would hold one child only are left out, so
//! a short clause does not show as a clause holding an item holding the same text.

use std::ops::Range;

use super::{Mark, Tree, is_clause_mark};

/// What a node of an outline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// Between `；`: always shown, even alone, since it is what the claim layer reads as one.
    Major,
    /// Between `，`, `：` or `；` at one depth.
    Clause,
    /// Between `、` within a clause.
    Item,
    /// A bracket with its brackets.
    Bracket,
}

/// One part of a sentence and the parts inside it, in text order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub part: Part,
    pub range: Range<usize>,
    pub children: Vec<Node>,
}

/// Brackets deeper than this are left inside their parent's text: real prose nests two or three
/// deep, and a hostile run of `（（（…` would otherwise recurse once per bracket.
const MAX_DEPTH: u32 = 8;

/// The marks and brackets of a tree grouped by the bracket holding them (slot 0 for the
/// sentence itself), so that each level is split in time linear in its own marks.
struct Index {
    clauses: Vec<Vec<Mark>>,
    majors: Vec<Vec<Mark>>,
    items: Vec<Vec<Mark>>,
    brackets: Vec<Vec<usize>>,
}

fn slot(container: Option<usize>) -> usize {
    container.map_or(0, |b| b + 1)
}

impl Index {
    fn new(tree: &Tree) -> Index {
        let group = |marks: &[Mark]| {
            let mut out = vec![Vec::new(); tree.brackets.len() + 1];
            for m in marks {
                out[slot(m.container)].push(*m);
            }
            out
        };
        let mut brackets = vec![Vec::new(); tree.brackets.len() + 1];
        for (i, b) in tree.brackets.iter().enumerate() {
            brackets[slot(b.parent)].push(i);
        }
        Index {
            clauses: group(&tree.clause_marks),
            majors: group(&tree.major_marks),
            items: group(&tree.item_marks),
            brackets,
        }
    }
}

/// `range` cut at `marks` (sorted, of one container), each piece without surrounding blanks
/// and punctuation; empty pieces are dropped.
fn pieces(text: &str, range: Range<usize>, marks: &[Mark]) -> Vec<Range<usize>> {
    let from = marks.partition_point(|m| m.at < range.start);
    let mut cuts = marks[from..].iter().take_while(|m| m.at < range.end);
    let mut out = Vec::new();
    let mut start = range.start;
    loop {
        let next = cuts.next();
        let end = next.map_or(range.end, |m| m.at);
        let piece = trim(text, start..end.max(start));
        if !piece.is_empty() {
            out.push(piece);
        }
        match next {
            Some(m) => start = m.at + m.len,
            None => return out,
        }
    }
}

fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let blank = |c: char| c.is_whitespace() || is_clause_mark(c);
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start_matches(blank).len());
    let end = range.start + s.trim_end_matches(blank).len();
    start..end.max(start)
}

/// One level of the outline read from a range of a container.
type Level = fn(&Tree, &str, &Index, Option<usize>, Range<usize>) -> Vec<Node>;

impl Tree {
    /// The sentence as nodes: its `；` clauses, within them the `，` clauses and `、` items
    /// when there are several, and each bracket under the innermost of them holding it.
    pub fn outline(&self, text: &str) -> Vec<Node> {
        let index = Index::new(self);
        pieces(text, self.range.clone(), &index.majors[0])
            .into_iter()
            .map(|range| Node {
                part: Part::Major,
                children: self.clauses(text, &index, None, range.clone()),
                range,
            })
            .collect()
    }

    fn clauses(
        &self,
        text: &str,
        index: &Index,
        container: Option<usize>,
        range: Range<usize>,
    ) -> Vec<Node> {
        let marks = &index.clauses[slot(container)];
        self.split(
            text,
            index,
            container,
            range,
            (Part::Clause, marks),
            Tree::items,
        )
    }

    fn items(
        &self,
        text: &str,
        index: &Index,
        container: Option<usize>,
        range: Range<usize>,
    ) -> Vec<Node> {
        let marks = &index.items[slot(container)];
        self.split(
            text,
            index,
            container,
            range,
            (Part::Item, marks),
            Tree::bracket_nodes,
        )
    }

    /// `range` cut at one level's marks into nodes of that part, each holding what `inner`
    /// reads of it; a range the marks do not cut is read by `inner` as it is.
    fn split(
        &self,
        text: &str,
        index: &Index,
        container: Option<usize>,
        range: Range<usize>,
        (part, marks): (Part, &[Mark]),
        inner: Level,
    ) -> Vec<Node> {
        let cut = pieces(text, range.clone(), marks);
        if cut.len() < 2 {
            return inner(self, text, index, container, range);
        }
        cut.into_iter()
            .map(|range| Node {
                part,
                children: inner(self, text, index, container, range.clone()),
                range,
            })
            .collect()
    }

    /// The brackets of `container` opening within `range`.
    fn bracket_nodes(
        &self,
        text: &str,
        index: &Index,
        container: Option<usize>,
        range: Range<usize>,
    ) -> Vec<Node> {
        let held = &index.brackets[slot(container)];
        let from = held.partition_point(|&b| self.brackets[b].range.start < range.start);
        held[from..]
            .iter()
            .take_while(|&&b| self.brackets[b].range.start < range.end)
            .filter(|&&b| self.brackets[b].depth <= MAX_DEPTH)
            .map(|&b| Node {
                part: Part::Bracket,
                range: self.brackets[b].range.clone(),
                children: self.clauses(text, index, Some(b), self.brackets[b].inner(text)),
            })
            .collect()
    }
}
