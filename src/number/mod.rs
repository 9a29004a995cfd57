//! Numeric expressions in logical text, parsed into exact quantities.
//!
//! [`scan`] finds every quantity in a [`Layout`]: Arabic and Chinese numerals with 万/亿,
//! percentages, per-mille, 个百分点, fractions, 成, 倍 and 翻番, approximation words and ranges,
//! each with the exact interval its written digits allow. Years, dates, ordinals, names,
//! slogans, and codes such as telephone numbers, hotlines, clock times and standard numbers are
//! recognised and left out.

mod candidates;
mod codes;
mod context;
mod expression;
pub mod numeral;
mod oversize;
mod vague;

use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::interval::Interval;
use crate::layout::{Layout, SentenceRef};
use crate::lexicon::Lexicon;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Discrete things: 件, 人, 个.
    Count,
    /// Money, physical measures and lengths of time: 元, 公里, 天.
    Amount,
    /// A share written per hundred (`%`, `百分之`, `成`), value on the percent scale.
    Percent,
    /// Per thousand (`‰`, `千分之`).
    Permille,
    /// A difference of percentages (`个百分点`).
    Points,
    /// `2/3`, `三分之二`, `一半`: the decimal value.
    Fraction,
    /// `2.5倍`, `翻一番`: the factor.
    Multiple,
    /// A number with no unit.
    Number,
}

/// How an approximation word bounds the true value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApproxKind {
    /// 约, 大约, 左右, 上下: rounded, no direction.
    About,
    /// 余, 多, 逾, 超过: above the figure, by less than one unit of its last digit.
    Over,
    /// 以上, 至少, 不少于: the figure or more.
    AtLeast,
    /// 近, 将近, 接近: below the figure, by less than one unit of its last digit.
    Near,
    /// 不足, 不到: below the figure.
    Under,
    /// 以下, 以内, 不超过: the figure or less.
    AtMost,
}

/// An approximation word and its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Approx {
    pub word: &'static str,
    pub kind: ApproxKind,
}

/// Which ends of a quantity's interval the wording leaves out: `4万余件` is (40000, 50000),
/// `近4万件` (30000, 40000], `不足3%` [0, 3), `几百万` [1000000, 10000000). The interval itself
/// stays closed, so arithmetic is lenient by a single point; this says what was written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Open {
    pub lower: bool,
    pub upper: bool,
}

impl Open {
    pub const CLOSED: Open = Open {
        lower: false,
        upper: false,
    };

    /// The ends an approximation word leaves out (RULEBOOK R6): 余/多/逾/超过 both (X < true <
    /// X + u), 近 the lower (X − u < true ≤ X), 不足/不到 the upper (true < X); an unbounded
    /// end is open too.
    pub fn of(kind: ApproxKind) -> Open {
        match kind {
            ApproxKind::About | ApproxKind::AtMost => Open::CLOSED,
            ApproxKind::Over => Open {
                lower: true,
                upper: true,
            },
            ApproxKind::AtLeast => Open {
                lower: false,
                upper: true,
            },
            ApproxKind::Near => Open {
                lower: true,
                upper: false,
            },
            ApproxKind::Under => Open {
                lower: false,
                upper: true,
            },
        }
    }

    /// The same ends, for the figure negated (`−4万余` is (−50000, −40000)).
    pub fn swapped(self) -> Open {
        Open {
            lower: self.upper,
            upper: self.lower,
        }
    }
}

/// The unit a quantity is stated in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    None,
    /// A symbol fixed by the kind: `%`, `‰`, `个百分点`, `倍`.
    Symbol(&'static str),
    /// A measure word from the lexicon, as a range of the logical text.
    Word(Range<usize>),
}

/// One numeric expression of the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Logical byte range of the whole expression, approximation words included.
    pub span: Range<usize>,
    /// The stated value in base units (万 and 亿 applied); for a range, its lower end.
    pub value: Decimal,
    /// Every value the wording allows: the rounding interval of the last written digit,
    /// widened or bounded by approximation words, or the two ends of a range.
    pub interval: Interval,
    /// One unit of the last significant written digit, in base units: rules widen by it.
    pub step: Decimal,
    /// An integer count or sum with no scale word and no approximation: exact as written.
    pub exact: bool,
    pub kind: Kind,
    pub unit: Unit,
    /// The scale word written (`万`, `亿`, `万亿` …), already applied to `value`.
    pub scale: Option<&'static str>,
    pub approx: Option<Approx>,
    /// Written as a range (`3至5万`, `百分之五到六`, `七八万`, `十几亿`).
    pub range: bool,
    /// Which ends of `interval` the wording excludes.
    pub open: Open,
}

impl Quantity {
    /// The measure word or symbol, without the scale: `件`, `元`, `%`.
    pub fn unit_text<'a>(&self, text: &'a str) -> Option<&'a str> {
        match &self.unit {
            Unit::None => None,
            Unit::Symbol(s) => Some(s),
            Unit::Word(r) => text.get(r.clone()),
        }
    }
}

/// What the scanner finds at one place of the text.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Quantity(Quantity),
    /// A numeral too large or too finely written for exact arithmetic (see `oversize`).
    OutOfRange(Range<usize>),
}

impl Found {
    pub fn quantity(self) -> Option<Quantity> {
        match self {
            Found::Quantity(q) => Some(q),
            Found::OutOfRange(_) => None,
        }
    }
}

/// Finds quantities one at a time, left to right, so callers can stream them or keep only
/// what they need.
pub struct Scanner<'a> {
    text: &'a str,
    lexicon: &'a Lexicon,
    at: usize,
    /// Where the last find ended: a quantity read with a word before it (`约`, `几` of 几百万)
    /// never reaches back into it, so finds never overlap.
    last_end: usize,
}

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str, lexicon: &'a Lexicon) -> Self {
        Self {
            text,
            lexicon,
            at: 0,
            last_end: 0,
        }
    }

    /// The next find that starts before `end`, or `None`; either way the scanner stays past
    /// what it skipped, so the next call goes on from there.
    pub fn next_before(&mut self, end: usize) -> Option<Found> {
        let text = self.text;
        let bytes = text.as_bytes();
        let end = end.min(bytes.len());
        loop {
            let found = candidates::next(&bytes[..end], self.at)?;
            let mut at = found;
            let mut result = None;
            if let Some(fixed) = self.lexicon.fixed_expression_at(text, at) {
                at = fixed.end;
            } else {
                match expression::parse_at(text, at, self.lexicon) {
                    expression::Outcome::Quantity(q, next) => {
                        at = next;
                        if !is_note_mark(text, &q) && q.span.start >= self.last_end {
                            result = Some(Found::Quantity(q));
                        }
                    }
                    expression::Outcome::Skip(next) => at = next.max(at + 1),
                    expression::Outcome::OutOfRange(r) => {
                        at = r.end.max(at + 1);
                        result = Some(Found::OutOfRange(r));
                    }
                }
            }
            // Resume on a char boundary.
            while at < bytes.len() && !text.is_char_boundary(at) {
                at += 1;
            }
            self.at = at;
            if result.is_some() {
                self.last_end = at;
                return result;
            }
        }
    }
}

impl Iterator for Scanner<'_> {
    type Item = Found;

    fn next(&mut self) -> Option<Found> {
        self.next_before(self.text.len())
    }
}

/// `地区生产总值[2]18500.81亿元`, `增长5.3%<sup>1</sup>`, `[^2]`, `^3^`: a bare number in square
/// brackets or set as a superscript is a reference to a note, not a figure.
fn is_note_mark(text: &str, q: &Quantity) -> bool {
    let (before, after) = (&text[..q.span.start], &text[q.span.end..]);
    let marked = (before.ends_with(['[', '［', '〔']) && after.starts_with([']', '］', '〕']))
        || (before.ends_with("<sup>") && after.starts_with("</sup>"))
        || (before.ends_with('^') && after.starts_with(['^', ']']));
    q.kind == Kind::Number && marked
}

/// Every quantity of the laid-out text, in text order.
pub fn scan(layout: &Layout, lexicon: &Lexicon) -> Vec<Quantity> {
    scan_text(&layout.text, lexicon)
}

/// Every quantity of a logical text, in text order.
pub fn scan_text(text: &str, lexicon: &Lexicon) -> Vec<Quantity> {
    Scanner::new(text, lexicon)
        .filter_map(Found::quantity)
        .collect()
}

/// A sentence with more figures than the cap: its first figure and how many there were.
#[derive(Debug, Clone, PartialEq)]
pub struct Crowded {
    pub first: Range<usize>,
    pub count: usize,
}

/// The quantities of a text read for claims, sentence by sentence.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// In text order, without those of crowded sentences.
    pub quantities: Vec<Quantity>,
    pub out_of_range: Vec<Range<usize>>,
    pub crowded: Vec<Crowded>,
}

/// Scans `sentences` one by one, keeping at most `cap` quantities of a sentence: a sentence
/// with more is a table or a dump, and its figures are counted, not kept, so memory stays
/// proportional to the figures that claims are read from.
pub fn scan_sentences(
    text: &str,
    sentences: &[SentenceRef],
    lexicon: &Lexicon,
    cap: usize,
) -> Scan {
    let mut scan = Scan::default();
    let mut scanner = Scanner::new(text, lexicon);
    let mut kept = Vec::new();
    for s in sentences {
        scanner.at = scanner.at.max(s.range.start);
        let (mut count, mut first) = (0, None);
        while let Some(found) = scanner.next_before(s.range.end) {
            match found {
                Found::OutOfRange(r) => scan.out_of_range.push(r),
                Found::Quantity(q) => {
                    count += 1;
                    if count == 1 {
                        first = Some(q.span.clone());
                    }
                    if count <= cap {
                        kept.push(q);
                    } else {
                        kept.clear();
                    }
                }
            }
        }
        if count > cap {
            scan.crowded.push(Crowded {
                first: first.unwrap_or_default(),
                count,
            });
        } else {
            scan.quantities.append(&mut kept);
        }
    }
    scan
}
