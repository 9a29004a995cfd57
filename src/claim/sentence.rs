//! Sentences with their quantities, and the questions every claim pattern asks of them.

use std::ops::Range;

use super::vocabulary::ends_with_any;
use super::{Direction, Vocabulary};
use crate::layout::SentenceRef;
use crate::lexicon::{Lexicon, UnitClass};
use crate::number::{Kind, Quantity};
use crate::structure::Tree;

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

/// Whether each quantity's unit is a length of time or an age, computed once per text because
/// `comparable` asks it of every pair.
pub fn durations(text: &str, quantities: &[Quantity]) -> Vec<bool> {
    quantities
        .iter()
        .map(|q| {
            q.unit_text(text).is_some_and(|u| {
                Lexicon::builtin()
                    .unit_at(u)
                    .is_some_and(|(w, class)| w == u && class == UnitClass::Duration)
            })
        })
        .collect()
}

/// How many sentences back a named whole is looked for.
const EARLIER_SENTENCES: usize = 3;

/// What a claim pattern sees: one sentence, the one before it in the same paragraph, and the
/// document's quantities and metric phrases.
pub struct Context<'a> {
    pub text: &'a str,
    pub quantities: &'a [Quantity],
    pub metrics: &'a [Range<usize>],
    /// Whether each quantity is a length of time (`durations`), parallel to `quantities`.
    pub durations: &'a [bool],
    pub vocab: &'a Vocabulary,
    /// The words the grammar knows: fixed expressions whose numerals count nothing.
    pub lexicon: &'a crate::lexicon::Lexicon,
    pub sentence: &'a Sentence,
    pub previous: Option<&'a Sentence>,
    /// The sentences of the paragraph before this one.
    pub earlier: &'a [Sentence],
    /// The sentences after this one (of any paragraph).
    pub later: &'a [Sentence],
    /// The sentence's brackets, clauses and items.
    pub tree: &'a Tree,
    /// The previous sentence's, when it is in the same paragraph and holds figures.
    pub previous_tree: Option<&'a Tree>,
    /// The word families the sentence holds (`vocabulary::family` bits).
    pub families: u8,
    /// For each quantity of the sentences before this one, the whole it is a part of (`其中`,
    /// a breakdown), parallel to `quantities`.
    pub part_of: &'a [Option<usize>],
    /// End offsets of the document's clause marks (`clause_marks`), sorted.
    pub clause_marks: &'a [usize],
    /// Those of `clause_marks` that end within the sentence, past its start.
    pub sentence_marks: &'a [usize],
}

/// End offsets of every `，；：,;:` of `text` within `range`. `clause_start` is asked for nearly every figure,
/// and scanning back over a long clause each time cost more than reading the claims.
pub fn clause_marks(text: &str, range: Range<usize>) -> Vec<usize> {
    // Byte scans: `，；：` are EF BC 8C / 9B / 9A in UTF-8 and no other character holds those
    // bytes in that order, so no decoding is needed.
    let from = range.start;
    let bytes = &text.as_bytes()[range];
    let ascii = memchr::memchr3_iter(b',', b';', b':', bytes).map(move |i| from + i + 1);
    let full = memchr::memchr_iter(0xEF, bytes)
        .filter(|&i| matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x8C | 0x9B | 0x9A])))
        .map(move |i| from + i + 3);
    // Both runs are in order: merged, not sorted.
    let (mut ascii, mut full) = (ascii.peekable(), full.peekable());
    let mut marks = Vec::new();
    loop {
        let next = match (ascii.peek(), full.peek()) {
            (Some(&a), Some(&f)) if a < f => ascii.next(),
            (_, Some(_)) => full.next(),
            (Some(_), None) => ascii.next(),
            (None, None) => break,
        };
        marks.extend(next);
    }
    marks
}

impl Context<'_> {
    pub fn q(&self, i: usize) -> &Quantity {
        &self.quantities[i]
    }

    pub fn metric(&self, i: usize) -> &str {
        &self.text[self.metrics[i].clone()]
    }

    /// The clause before the one that starts at `clause_start`: from its start up to the
    /// separator between the two.
    pub fn previous_clause(&self, clause_start: usize) -> Option<std::ops::Range<usize>> {
        let separator = self.text[..clause_start].char_indices().next_back()?.0;
        Some(self.clause_start(separator)..separator)
    }

    /// Start of the clause (after `，；：`) that holds offset `at`.
    pub fn clause_start(&self, at: usize) -> usize {
        let sentence = &self.sentence.range;
        if sentence.start <= at && at <= sentence.end {
            // Only the sentence's own marks can end between its start and `at`: a search of
            // those few rather than of the run's, for nearly every figure.
            let n = self.sentence_marks.partition_point(|&e| e <= at);
            return n
                .checked_sub(1)
                .map_or(sentence.start, |k| self.sentence_marks[k]);
        }
        // A figure of the previous sentence (the whole of a sentence-opening 其中) has its
        // clause there.
        let s = if at >= self.sentence.range.start {
            self.sentence.range.start
        } else {
            self.previous.map_or(0, |p| p.range.start).min(at)
        };
        // A mark ending after `s` lies wholly after it: `s` is a character boundary.
        let n = self.clause_marks.partition_point(|&e| e <= at);
        match n.checked_sub(1).map(|k| self.clause_marks[k]) {
            Some(e) if e > s => e,
            _ => s,
        }
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
            && !self.is_duration(a)
    }

    /// A length of time or an age (`五年`, `60周岁`): when or how long, not how much.
    pub fn is_duration(&self, i: usize) -> bool {
        self.durations[i]
    }

    /// A count or amount (not a share, change or bare number), and not a length of time or an
    /// age (`五年`, `60周岁`), which is when or how long, not how much.
    pub fn is_measure(&self, i: usize) -> bool {
        let q = self.q(i);
        matches!(q.kind, Kind::Count | Kind::Amount) && !q.range && !self.is_duration(i)
    }

    /// What the figure states about its metric: a level, or a change of it (`增加1651万辆`,
    /// `新增1.91万亿元`, `比上年增产0.94万吨`), read from the words just before it in its clause.
    pub fn is_change(&self, i: usize) -> bool {
        self.change_direction(i).is_some()
    }

    /// The way the change word right before figure `i` goes (`增加X` up, `减少X` down).
    pub fn change_direction(&self, i: usize) -> Option<Direction> {
        if ends_with_any(self.clause_before(i), &self.vocab.change.emphasis).is_some() {
            return None;
        }
        let before = super::rate::strip_fillers(self.clause_before(i), &self.vocab.change.fillers);
        let written = if ends_with_any(before, &self.vocab.change.up).is_some() {
            Direction::Up
        } else if ends_with_any(before, &self.vocab.change.down).is_some() {
            Direction::Down
        } else {
            return None;
        };
        // `增加-0.5万人` is a decrease (see `change::change_word`).
        Some(if self.q(i).value < rust_decimal::Decimal::ZERO {
            written.reversed()
        } else {
            written
        })
    }

    /// A bound rather than a level: a threshold word stands right before the figure
    /// (`增加287亿元，突破4000亿元`): the level is past it by an amount not stated.
    pub fn is_bound(&self, i: usize) -> bool {
        let before = self.clause_before(i);
        let t = &self.vocab.threshold;
        ends_with_any(before, &t.above).is_some() || ends_with_any(before, &t.below).is_some()
    }

    /// An average or a value per unit (`人均`, `年均`, `户均`, `每千人`): never a part or a whole.
    pub fn is_average(&self, i: usize) -> bool {
        let metric = self.metric(i);
        // 均 marks an average per head, per year or per day (`人均`, `年均超收`, `日均`).
        metric.contains('均') || metric.contains('每') || self.clause_before(i).ends_with('均')
    }

    /// Figures before offset `at`, nearest first: this sentence's, then the sentences before it
    /// in the paragraph (a few at most, so a long paragraph stays linear).
    pub fn earlier_figures(&self, at: usize) -> impl Iterator<Item = usize> + '_ {
        let here = self.before(at).rev();
        let before = self
            .earlier_sentences()
            .flat_map(|s| s.quantities.iter().rev().copied());
        here.chain(before)
    }

    /// The sentences before this one in its paragraph, nearest first, back to the third full
    /// stop: a `；` ends a major clause, so `…；…；…。` counts as one.
    pub fn earlier_sentences(&self) -> impl Iterator<Item = &Sentence> + '_ {
        let mut stops = 0;
        self.earlier.iter().rev().take_while(move |s| {
            let within = stops < EARLIER_SENTENCES;
            if !self.text[..s.range.end].ends_with(['；', ';']) {
                stops += 1;
            }
            within
        })
    }

    /// Two names hold different classes of one partition of `[whole] partitions`
    /// (`中央财政赤字` and `代发地方债`, `城镇常住人口` and `乡村常住人口`).
    pub fn sibling_classes(&self, a: &str, b: &str) -> bool {
        let automata = self.vocab.automata();
        let (x, y) = (automata.classes_named(a), automata.classes_named(b));
        x.iter()
            .any(|&(p, k)| !automata.table_only[p] && y.iter().any(|&(q, j)| p == q && k != j))
    }

    /// Figure `i` stands outside brackets in its sentence (`实际完成37.9亿元` rather than the
    /// `（其中：开发区5.9亿元）` after it).
    pub fn at_top_level(&self, i: usize) -> bool {
        let start = self.q(i).span.start;
        if self.sentence.range.contains(&start) {
            return self.tree.depth(start) == 0;
        }
        let sentence_start = self
            .earlier
            .iter()
            .find(|s| s.range.contains(&start))
            .map_or(start, |s| s.range.start);
        crate::structure::bracket_balance(&self.text[sentence_start..start]) <= 0
    }

    /// Figure `i` stands after a `其中` of its sentence: a part of something, never a base or a
    /// total of its own.
    /// A `；` does not end a 其中's reach: `其中，出口…；进口…。` holds both under it.
    pub fn under_qizhong(&self, i: usize) -> bool {
        let start = self.q(i).span.start;
        let sentences: Vec<&Sentence> = self
            .earlier
            .iter()
            .chain(std::iter::once(self.sentence))
            .collect();
        let Some(mut k) = sentences.iter().position(|s| s.range.contains(&start)) else {
            return false;
        };
        while k > 0 && self.text[..sentences[k - 1].range.end].ends_with(['；', ';']) {
            k -= 1;
        }
        // A 其中 in a bracket that closed before the figure (`高等学校50所（其中普通高校46所），
        // 毕业生21.6万人`) breaks down the figure the bracket follows, not the ones after it.
        let before = self.between(sentences[k].range.start, start);
        before
            .match_indices("其中")
            .any(|(at, _)| !closes_before(&before[at..]))
    }

    /// Quantities of this sentence or the ones after it that start within `range`.
    pub fn quantities_in(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.sentence)
            .chain(self.later.iter())
            .take_while(move |s| s.range.start < range.end)
            .flat_map(|s| s.quantities.iter().copied())
            .filter(move |&i| {
                let q = self.q(i);
                q.span.start >= range.start && q.span.end <= range.end
            })
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

/// A bracket open at the start of `text` closes within it.
fn closes_before(text: &str) -> bool {
    let mut depth = 0i64;
    text.char_indices().any(|(k, c)| {
        depth += crate::structure::bracket_balance(&text[k..k + c.len_utf8()]);
        depth < 0
    })
}
