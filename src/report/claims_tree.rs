//! `hedui claims --tree`: the shape of each sentence that holds figures, with the figures and
//! scope words in each part and the claims read from it, so that a rule author sees why a claim
//! bound the figures it did.
//!
//! A sentence here runs to its full stop. The claim layer reads a `；` chain one clause at a
//! time, so each of those is parsed on its own, as `claim::extract` parses it, and shown as a
//! major node: the shape shown is the shape the claims were read from. A figure or scope word
//! is listed once, at the innermost node holding it.
//!
//! JSON: `"sentences": [{"span", "tree": [{"kind", "span", "text", "figures": [span],
//! "scope_words": [word], "children": […]}]}]`, next to `claims`.

use std::ops::Range;

use serde::Serialize;
use serde_json::Value;

use super::claims;
use crate::claim::{Claim, Facts};
use crate::layout::{Layout, SentenceRef};
use crate::source::Document;
use crate::span::Span;
use crate::structure::{Node, Part, Tree};

/// Words that decide what a figure is bound to: a part of a whole, a bracketed breakdown, a list,
/// a total, a sum, a change against last year.
pub(super) const SCOPE_WORDS: &[&str] = &[
    "其中",
    "含",
    "包括",
    "分别",
    "合计",
    "共计",
    "总计",
    "加上",
    "比上年",
    "同比",
];

/// Characters kept at each end of an abridged text, and the length shown whole.
const HEAD: usize = 8;
const TAIL: usize = 8;
const WHOLE: usize = HEAD + TAIL + 4;

/// A sentence to its full stop, with its figures and scope words, each as (offset, what),
/// in text order.
struct Sentence {
    /// From the first sentence start to the last end, blanks included, for placing claims.
    reach: Range<usize>,
    /// Without surrounding blanks, for showing.
    range: Range<usize>,
    nodes: Vec<Node>,
    figures: Vec<(usize, usize)>,
    words: Vec<(usize, &'static str)>,
}

/// The sentences of the text that hold figures.
fn sentences(layout: &Layout, facts: &Facts, refs: &[SentenceRef]) -> Vec<Sentence> {
    let text = layout.text.as_str();
    let mut chains: Vec<Range<usize>> = Vec::new();
    for (i, s) in refs.iter().enumerate() {
        let chained = i > 0
            && refs[i - 1].paragraph == s.paragraph
            && text[refs[i - 1].range.clone()]
                .trim_end()
                .ends_with(['；', ';']);
        match chains.last_mut() {
            Some(last) if chained => last.end = s.range.end,
            _ => chains.push(s.range.clone()),
        }
    }
    let mut parts = refs.iter().peekable();
    let mut out = Vec::new();
    for reach in chains {
        let mut nodes = Vec::new();
        while let Some(s) = parts.next_if(|s| s.range.start < reach.end) {
            nodes.extend(Tree::parse(text, s.range.clone()).outline(text));
        }
        let from = facts
            .quantities
            .partition_point(|q| q.span.start < reach.start);
        let figures: Vec<(usize, usize)> = facts.quantities[from..]
            .iter()
            .enumerate()
            .take_while(|(_, q)| q.span.start < reach.end)
            .map(|(k, q)| (q.span.start, from + k))
            .collect();
        if figures.is_empty() {
            continue;
        }
        let mut words: Vec<(usize, &'static str)> = SCOPE_WORDS
            .iter()
            .flat_map(|&w| {
                text[reach.clone()]
                    .match_indices(w)
                    .map(move |(at, _)| (reach.start + at, w))
            })
            .collect();
        words.sort_unstable();
        let s = &text[reach.clone()];
        let start = reach.start + (s.len() - s.trim_start().len());
        let range = start..(reach.start + s.trim_end().len()).max(start);
        out.push(Sentence {
            reach,
            range,
            nodes,
            figures,
            words,
        });
    }
    out
}

/// What of `items` (sorted by offset) lies in `node` and in none of its children.
fn own<'a, T>(node: &Node, items: &'a [(usize, T)]) -> impl Iterator<Item = &'a T> {
    let from = items.partition_point(|(at, _)| *at < node.range.start);
    let upto = items.partition_point(|(at, _)| *at < node.range.end);
    let children = &node.children;
    items[from..upto.max(from)]
        .iter()
        .filter(move |(at, _)| {
            let k = children.partition_point(|c| c.range.start <= *at);
            !k.checked_sub(1)
                .is_some_and(|k| children[k].range.contains(at))
        })
        .map(|(_, item)| item)
}

fn kind(part: Part) -> &'static str {
    match part {
        Part::Major => "major",
        Part::Clause => "clause",
        Part::Item => "item",
        Part::Bracket => "bracket",
    }
}

/// The first and last few characters of `s`, on one line.
fn abridge(s: &str) -> String {
    let chars: Vec<char> = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if chars.len() <= WHOLE {
        return chars.into_iter().collect();
    }
    let mut out: String = chars[..HEAD].iter().collect();
    out.push('…');
    out.extend(&chars[chars.len() - TAIL..]);
    out
}

/// Where the tree and the claims' kinds start, after the `line:column` column.
const INDENT: &str = "         ";

/// `  [其中] ⟨60人⟩`: the scope words and figures of a node, or nothing.
fn marks(layout: &Layout, facts: &Facts, sentence: &Sentence, node: &Node) -> String {
    let tags = own(node, &sentence.words).map(|w| format!("[{w}]"));
    let figures = own(node, &sentence.figures)
        .map(|&q| format!("⟨{}⟩", &layout.text[facts.quantities[q].span.clone()]));
    let marks: Vec<String> = tags.chain(figures).collect();
    if marks.is_empty() {
        String::new()
    } else {
        format!("  {}", marks.join(" "))
    }
}

fn node_lines(
    layout: &Layout,
    facts: &Facts,
    sentence: &Sentence,
    nodes: &[Node],
    prefix: &str,
    out: &mut String,
) {
    for (i, node) in nodes.iter().enumerate() {
        let last = i + 1 == nodes.len();
        out.push_str(&format!(
            "{INDENT}{prefix}{}{:<8}{}{}\n",
            if last { "└─ " } else { "├─ " },
            kind(node.part),
            abridge(&layout.text[node.range.clone()]),
            marks(layout, facts, sentence, node)
        ));
        let inner = format!("{prefix}{}", if last { "   " } else { "│  " });
        node_lines(layout, facts, sentence, &node.children, &inner, out);
    }
}

/// The claims table with each sentence's tree before the claims shown at its figures.
pub fn to_table(doc: &Document, layout: &Layout, facts: &Facts, refs: &[SentenceRef]) -> String {
    let sentences = sentences(layout, facts, refs);
    let mut held: Vec<Vec<String>> = vec![Vec::new(); sentences.len()];
    let mut elsewhere = Vec::new();
    // In text order under their sentence, as a reader goes through it; claims are extracted
    // pattern by pattern.
    let mut shown: Vec<(usize, &Claim)> = facts
        .claims
        .iter()
        .map(|c| (claims::describe(layout, facts, c).0.start, c))
        .collect();
    shown.sort_by_key(|&(at, _)| at);
    for (at, c) in shown {
        let k = sentences.partition_point(|s| s.reach.start <= at);
        let line = claims::line(doc, layout, facts, c);
        match k
            .checked_sub(1)
            .filter(|&k| sentences[k].reach.contains(&at))
        {
            Some(k) => held[k].push(line),
            None => elsewhere.push(line),
        }
    }
    let mut out = String::new();
    for (s, lines) in sentences.iter().zip(held) {
        let at = Span::locate(doc, layout, s.range.clone());
        // The sentence line stands for a lone major clause, which would only repeat it.
        let (own_marks, nodes) = match s.nodes.as_slice() {
            [major] => (marks(layout, facts, s, major), major.children.as_slice()),
            nodes => (String::new(), nodes),
        };
        out.push_str(&format!(
            "{:<9}{}{own_marks}\n",
            format!("{}:{}", at.line, at.column),
            abridge(&layout.text[s.range.clone()])
        ));
        node_lines(layout, facts, s, nodes, "", &mut out);
        out.extend(lines);
        out.push('\n');
    }
    // A claim shown at a figure outside every sentence that holds figures would be lost.
    if !elsewhere.is_empty() {
        out.extend(elsewhere);
        out.push('\n');
    }
    out.push_str(&claims::summary(doc, facts));
    out
}

/// A sentence of the `sentences` array.
#[derive(Debug, Serialize)]
pub struct SentenceJson<'a> {
    /// The sentence to its full stop, without surrounding blanks.
    pub span: Span,
    /// Its `；` clauses, one for each sentence the claim layer reads.
    pub tree: Vec<NodeJson<'a>>,
}

/// A node of a sentence's tree.
#[derive(Debug, Serialize)]
pub struct NodeJson<'a> {
    /// `major`, `clause`, `item` or `bracket`.
    pub kind: &'static str,
    pub span: Span,
    /// Whole, as in the logical text (wrapped lines joined).
    pub text: &'a str,
    /// The figures in this node and in none of its children.
    pub figures: Vec<Span>,
    /// The scope words (`其中`, `含`, `分别`, `比上年`, …) likewise, in text order.
    pub scope_words: Vec<&'static str>,
    pub children: Vec<NodeJson<'a>>,
}

/// The claims document with `sentences` added: typed rather than a `Value`, since a sentence
/// of many clauses makes many nodes.
#[derive(Debug, Serialize)]
pub struct WithSentences<'a> {
    #[serde(flatten)]
    pub claims: Value,
    pub sentences: Vec<SentenceJson<'a>>,
}

fn node_json<'a>(
    doc: &Document,
    layout: &'a Layout,
    facts: &Facts,
    s: &Sentence,
    node: &Node,
) -> NodeJson<'a> {
    NodeJson {
        kind: kind(node.part),
        span: Span::locate(doc, layout, node.range.clone()),
        text: &layout.text[node.range.clone()],
        figures: own(node, &s.figures)
            .map(|&q| Span::locate(doc, layout, facts.quantities[q].span.clone()))
            .collect(),
        scope_words: own(node, &s.words).copied().collect(),
        children: node
            .children
            .iter()
            .map(|c| node_json(doc, layout, facts, s, c))
            .collect(),
    }
}

/// The `sentences` array of `hedui claims --format json --tree`.
pub fn to_json<'a>(
    doc: &Document,
    layout: &'a Layout,
    facts: &Facts,
    refs: &[SentenceRef],
) -> Vec<SentenceJson<'a>> {
    sentences(layout, facts, refs)
        .iter()
        .map(|s| SentenceJson {
            span: Span::locate(doc, layout, s.range.clone()),
            tree: s
                .nodes
                .iter()
                .map(|n| node_json(doc, layout, facts, s, n))
                .collect(),
        })
        .collect()
}
