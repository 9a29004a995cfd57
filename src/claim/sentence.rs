//! Sentences with their quantities, and the questions every claim pattern asks of them.

use std::ops::Range;

use super::Vocabulary;
use crate::layout::SentenceRef;
use crate::number::{Kind, Quantity};

/// A sentence of the logical text and the quantities inside it.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub range: Range<usize>,
    pub paragraph: usize,
    /// Indices into the document's quantities, in order.
    pub quantities: Vec<usize>,
}

pub fn split(sentences: &[SentenceRef], quantities: &[Quantity]) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut next = 0;
    for s in sentences {
        let range = s.range.clone();
        let mut qs = Vec::new();
        while next < quantities.len() && quantities[next].span.start < range.end {
            if quantities[next].span.start >= range.start {
                qs.push(next);
            }
            next += 1;
        }
        out.push(Sentence {
            range,
            paragraph: s.paragraph,
            quantities: qs,
        });
    }
    out
}

/// What a claim pattern sees: one sentence, the one before it in the same paragraph, and the
/// document's quantities and metric phrases.
pub struct Context<'a> {
    pub text: &'a str,
    pub quantities: &'a [Quantity],
    pub metrics: &'a [Range<usize>],
    pub vocab: &'a Vocabulary,
    pub sentence: &'a Sentence,
    pub previous: Option<&'a Sentence>,
    /// The word families the sentence holds (`vocabulary::family` bits).
    pub families: u8,
}

impl Context<'_> {
    pub fn q(&self, i: usize) -> &Quantity {
        &self.quantities[i]
    }

    pub fn metric(&self, i: usize) -> &str {
        &self.text[self.metrics[i].clone()]
    }

    /// Start of the clause (after `，；：`) that holds offset `at`.
    pub fn clause_start(&self, at: usize) -> usize {
        // A figure of the previous sentence (the whole of a sentence-opening 其中) has its
        // clause there.
        let s = if at >= self.sentence.range.start {
            self.sentence.range.start
        } else {
            self.previous.map_or(0, |p| p.range.start).min(at)
        };
        self.text[s..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '，' | '；' | '：' | ',' | ';' | ':'))
            .map_or(s, |(i, c)| s + i + c.len_utf8())
    }

    /// The text of the clause holding quantity `i`, up to the quantity.
    pub fn clause_before(&self, i: usize) -> &str {
        let at = self.q(i).span.start;
        &self.text[self.clause_start(at)..at]
    }

    /// Two figures measure the same thing in the same unit and can be added or divided.
    pub fn comparable(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.q(a), self.q(b));
        x.kind == y.kind
            && matches!(x.kind, Kind::Count | Kind::Amount | Kind::Percent)
            && x.unit_text(self.text) == y.unit_text(self.text)
            && !x.range
            && !y.range
    }

    /// A count or amount (not a share, change or bare number).
    pub fn is_measure(&self, i: usize) -> bool {
        matches!(self.q(i).kind, Kind::Count | Kind::Amount) && !self.q(i).range
    }

    /// Quantities of the sentence that start before offset `at`.
    pub fn before(&self, at: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        self.sentence
            .quantities
            .iter()
            .copied()
            .filter(move |&i| self.q(i).span.end <= at)
    }

    /// The text between two offsets.
    pub fn between(&self, from: usize, to: usize) -> &str {
        if from <= to { &self.text[from..to] } else { "" }
    }
}
