//! From quantities to claims: what the text asserts about its figures.
//!
//! A claim ties quantities together the way a reader does: `受理39347件，审结35773件，结案率99.4%`
//! is a rate with its numerator and denominator; `由A增至B，增长X%` a change with its base;
//! `分别为a、b、c` a list with one value per subject; `W，其中P` a part of a whole. Claims only
//! say what is asserted; whether it holds is for the rules.

mod annual;
mod balance;
mod change;
mod count;
mod list;
mod metric;
mod named;
mod per_capita;
mod rate;
mod repeat;
mod sentence;
mod shares;
mod table;
mod threshold;
mod transition;
pub mod vocabulary;
mod whole;

use std::borrow::Cow;
use std::ops::Range;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::layout::{Layout, SentenceRef};
use crate::lexicon::Lexicon;
use crate::number::{Kind, Quantity, Scan};
use crate::structure::Tree;

pub(crate) use change::year_before;
pub use metric::{clause_opening, metric_phrase, without_qizhong};
pub(crate) use repeat::{core as metric_core, core_of as phrase_core, years as metric_years};
pub use sentence::Sentence;
pub use vocabulary::Vocabulary;
pub(crate) use whole::last_names_the_rest;

/// Which way a change word points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    pub fn reversed(self) -> Direction {
        match self {
            Direction::Up => Direction::Down,
            Direction::Down => Direction::Up,
        }
    }
}

/// What a stated change measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeMeasure {
    /// `增长12.7%`: (B − A) / A in percent.
    Percent,
    /// `提高5.5个百分点`: B − A of two percentages.
    Points,
    /// `增长2倍`: B / A − 1 by editorial convention (×3).
    IncreaseBy,
    /// `是…的2倍`, `增长到2倍`: B / A.
    Ratio,
    /// `翻一番`, `翻两番`: B / A = 2^times.
    Doubling { times: u32 },
    /// `年均增长11.0%` over `years` years: (B / A)^(1/years) − 1.
    Annual { years: u32 },
    /// `比上年增加2653件`: B − A in the unit of the figures.
    Difference,
    /// `平均每年增加2053亿元` over `years` years: (B − A) / years in the unit of the figures.
    AnnualDifference { years: u32 },
}

/// Which steps of a list a trend word speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrendSteps {
    /// `逐年增长`: every step.
    Every,
    /// `连续3年下降`: the last n steps.
    Last(u32),
    /// `首次下降`: the last step, and none before it.
    FirstTurn,
}

/// What a threshold word says of a figure against its bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// 突破, 超过, 迈上: above the bound.
    Above,
    /// 不少于, 以上: the bound or above.
    AtLeast,
    /// 低于, 不足: below the bound.
    Below,
    /// 不超过, 以下: the bound or below.
    AtMost,
}

/// Why a figure cannot pass 100%.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    /// A rate or share (`覆盖率`, `占比`) is a part of a whole.
    Share { name: Range<usize> },
    /// A fall (`下降`, `减少`) cannot take away more than all.
    Decline { word: Range<usize> },
}

/// One assertion of the text. Numbers are indices into the document's quantities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "claim", rename_all = "kebab-case")]
pub enum Claim {
    /// `结案率99.4%` with the counts it is a ratio of.
    Rate {
        rate: usize,
        name: Range<usize>,
        numerator: usize,
        denominator: usize,
    },
    /// `占出口总额的64.9%`: part / whole.
    Share {
        share: usize,
        part: usize,
        whole: usize,
        /// The whole is named by the text (`占出口总额的`, `其中`) rather than guessed.
        named: bool,
    },
    /// A stated change from `from` to `to`.
    Change {
        stated: usize,
        from: usize,
        to: usize,
        direction: Direction,
        measure: ChangeMeasure,
        /// The change word (`增长`, `下降`, `翻番`).
        word: Range<usize>,
    },
    /// `城东、城西、高新3个园区`, `三件事：一是…二是…三是…`: a stated number of items and the
    /// items the text lists.
    Enumeration {
        /// The count as written (`3个`, `三大`, `十个方面`): not always a figure.
        stated: Range<usize>,
        count: u32,
        items: Vec<Range<usize>>,
        /// The number of items had the last one's `和` not split it.
        unsplit: Option<usize>,
        /// `等` closes the list: it may name fewer items than it counts.
        at_least: bool,
    },
    /// `由620亿元增加到698亿元`: a move from one figure to another said to rise or fall, with
    /// no change stated.
    Transition {
        from: usize,
        to: usize,
        direction: Direction,
        /// The change word (`增加`, `降`).
        word: Range<usize>,
    },
    /// `城镇居民人均可支配收入52730元，增长4.6%；农村…27185元，增长6.3%。城乡居民收入比缩小`:
    /// a ratio of `[rate] definitions` said to move, with the growths of its two terms; it
    /// narrows only if the numerator grew less.
    RatioMove {
        /// The ratio's name as written.
        name: Range<usize>,
        numerator: usize,
        denominator: usize,
        direction: Direction,
        word: Range<usize>,
    },
    /// `会员210万人，比上年增加10万人，增长5.0%`: a change in percent whose base is the value
    /// less its stated increment (or plus its decrease): 10 ÷ (210 − 10).
    Increment {
        stated: usize,
        value: usize,
        increment: usize,
        direction: Direction,
    },
    /// `2005年与2000年相比，X增长57.3%，年均增长9.5%`: an annual rate over the years between
    /// two stated years, of the total change stated with it: (1 + P)^(1/years) − 1.
    Compound {
        stated: usize,
        total: usize,
        /// What the total measures: a percent, `增长k倍` or `是…的k倍`.
        measure: ChangeMeasure,
        total_direction: Direction,
        /// The annual rate's direction.
        direction: Direction,
        years: u32,
        /// The annual rate's change word.
        word: Range<usize>,
    },
    /// `分别`: one value per subject.
    Respectively {
        keyword: Range<usize>,
        subjects: Vec<Range<usize>>,
        /// When the last subject was split at 和/及/与, the count had it been one subject
        /// (`软件和信息服务业` is one industry).
        unsplit: Option<usize>,
        values: Vec<usize>,
        /// A number of periods stated instead of a list (`由前三年分别上升…`): `subjects` is
        /// then that phrase alone.
        #[serde(skip_serializing_if = "Option::is_none")]
        periods: Option<usize>,
        /// The members one word stands for (`城乡`: 城镇, 农村), from `[list] implied`: `subjects`
        /// is then that word alone.
        #[serde(skip_serializing_if = "Option::is_none")]
        implied: Option<Vec<String>>,
    },
    /// `分别为56.8万件、145.5万件、424万件` over the years 2018–2020.
    Series { values: Vec<usize>, years: Vec<i32> },
    /// `W，其中P1、P2`: parts of a whole, not necessarily all of them. `listed` when the parts
    /// are the `、` items of one enumeration (then they are read as disjoint, and their sum too
    /// cannot pass the whole).
    Parts {
        whole: usize,
        parts: Vec<usize>,
        listed: bool,
    },
    /// `合计T，分为…三类，分别为a、b、c`: the parts are all of the total. `over_years` when the
    /// parts are the values of successive years (`五年来共…，各年分别为…`).
    Total {
        total: usize,
        parts: Vec<usize>,
        over_years: bool,
        /// The total is an average and the parts its components (`人均可支配收入` and its four
        /// sources), each a mean rounded to its last digit even when written as a whole number.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        rounded: bool,
    },
    /// `人均支出1732元`: an average, with the total and the head count it divides.
    PerCapita {
        value: usize,
        total: usize,
        heads: usize,
    },
    /// `逐年下降` said of a list of values.
    Trend {
        values: Vec<usize>,
        direction: Direction,
        word: Range<usize>,
        steps: TrendSteps,
    },
    /// The same metric, scope and period stated twice. `refers_back` when the second mention
    /// points at the first (`在审结的1.73万件…中`).
    Repeat {
        first: usize,
        second: usize,
        refers_back: bool,
    },
    /// One metric's name stated with a figure in two paragraphs (`全年园林水果产量7.16万吨` in
    /// the summary and again in its section): `name` as the two share it, scope and link words
    /// left out.
    Restated {
        first: usize,
        second: usize,
        name: String,
        /// What the second figure is multiplied by to be in the first's unit: 1 in prose, 10⁸
        /// for a table cell under `金额（亿元）`.
        scale: Decimal,
    },
    /// A rate stated with its denominator, a count, but not its numerator.
    Granular { rate: usize, denominator: usize },
    /// `分别占62.4%、25.1%、13.8%`: shares of one whole. `exhaustive` when the text says the
    /// parts are all of it (`构成`, `结构`).
    Composition {
        keyword: Range<usize>,
        values: Vec<usize>,
        exhaustive: bool,
    },
    /// `刑事案件居首位`: the subject claimed largest (or smallest) among the figures compared.
    Ranking {
        word: Range<usize>,
        claimed: usize,
        others: Vec<usize>,
        highest: bool,
    },
    /// `五年间` said of a span of years the text also states.
    Period {
        word: Range<usize>,
        said: u32,
        /// The first and last year stated, and where.
        first: i32,
        last: i32,
        years: Range<usize>,
        /// Yearly values listed for the span, if any.
        values: usize,
    },
    /// A figure that cannot pass 100%.
    Bounded { value: usize, bound: Bound },
    /// `突破3000亿元、达到3047亿元`: an exact figure said to pass (or stay under) a bound.
    Threshold {
        value: usize,
        /// The bound as written (`5万亿元` is 5000000000000, not its rounding interval: a
        /// threshold is a round figure said exactly).
        bound: Decimal,
        bound_span: Range<usize>,
        /// The bound carries its own 约, 近 or 左右 (`低于3%左右的预期目标`).
        approximate: bool,
        /// How far a bound that is itself a rounded figure (`政府债务限额78.2亿元`) may stand
        /// from what is written: half its last digit's step; zero for a round threshold.
        rounding: Decimal,
        relation: Relation,
        /// The threshold word (`突破`, `低于`, `双过万`).
        word: Range<usize>,
    },
    /// `粮食产量6.87亿吨，比上年增长2.8%` with no base in the text: a change against last
    /// year's figure, which last year's report states (checked with `--prior`); or an annual
    /// rate over years whose first figure an earlier report states.
    AgainstPrior {
        stated: usize,
        value: usize,
        direction: Direction,
        word: Range<usize>,
        /// 1 for a change against last year; the span of an annual rate (`五年来年均增长`),
        /// whose base is in the report that many years earlier.
        years: u32,
    },
}

/// Everything claim extraction knows about one text.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub text: &'a str,
    /// The document's quantities, with a change stated negative (`增长-4.7%`) given as its
    /// magnitude: its claim carries the reversed direction (see [`magnitudes`]).
    pub quantities: Cow<'a, [Quantity]>,
    /// The metric phrase of each quantity (`审结`, `受理案件`), parallel to `quantities`.
    pub metrics: Vec<Range<usize>>,
    pub claims: Vec<Claim>,
    /// Sentences not read for claims because they hold more than
    /// [`MAX_FIGURES_PER_SENTENCE`] figures: the range of their first figure, and the count.
    pub skipped: Vec<(Range<usize>, usize)>,
}

impl<'a> Facts<'a> {
    pub fn metric(&self, q: usize) -> &'a str {
        &self.text[self.metrics[q].clone()]
    }

    /// The change claims, with their parts borrowed: what most rule kinds iterate over.
    pub fn changes(&self) -> impl Iterator<Item = ChangeRef<'_>> {
        self.claims.iter().filter_map(|c| match c {
            Claim::Change {
                stated,
                from,
                to,
                direction,
                measure,
                word,
            } => Some(ChangeRef {
                stated,
                from,
                to,
                direction,
                measure,
                word,
            }),
            _ => None,
        })
    }
}

/// The parts of a [`Claim::Change`], borrowed.
#[derive(Debug, Clone, Copy)]
pub struct ChangeRef<'a> {
    pub stated: &'a usize,
    pub from: &'a usize,
    pub to: &'a usize,
    pub direction: &'a Direction,
    pub measure: &'a ChangeMeasure,
    pub word: &'a Range<usize>,
}

/// The quantities with every change stated negative replaced by its magnitude. Its claim
/// reads `增长-4.7%` as a fall of 4.7% (the direction reversed where the change word was
/// read), so the rules see a fall of 4.7% and check it as one. Borrowed when there is none.
fn magnitudes<'a>(quantities: &'a [Quantity], claims: &[Claim]) -> Cow<'a, [Quantity]> {
    let mut changes = Vec::new();
    for c in claims {
        match c {
            Claim::Change { stated, .. } | Claim::AgainstPrior { stated, .. } => {
                changes.push(*stated);
            }
            Claim::Increment {
                stated, increment, ..
            } => changes.extend([*stated, *increment]),
            Claim::Compound { stated, total, .. } => changes.extend([*stated, *total]),
            _ => {}
        }
    }
    changes.retain(|&i| {
        let q = &quantities[i];
        q.value < Decimal::ZERO
            && matches!(
                q.kind,
                Kind::Count | Kind::Amount | Kind::Percent | Kind::Points
            )
    });
    if changes.is_empty() {
        return Cow::Borrowed(quantities);
    }
    let mut owned = quantities.to_vec();
    for i in changes {
        let q = &mut owned[i];
        if q.value < Decimal::ZERO {
            q.value = -q.value;
            q.interval = q.interval.neg();
            q.open = q.open.swapped();
        }
    }
    Cow::Owned(owned)
}

/// Sentences with more figures than this are not read for claims.
pub const MAX_FIGURES_PER_SENTENCE: usize = 256;

/// Extracts the claims of sentences of a laid-out text, from their scan
/// ([`number::scan_sentences`](crate::number::scan_sentences) of the same sentences).
pub fn extract<'a>(
    layout: &'a Layout,
    sentences: &[SentenceRef],
    scan: &'a Scan,
    vocab: &Vocabulary,
    lexicon: &Lexicon,
) -> Facts<'a> {
    let text = layout.text.as_str();
    let quantities = scan.quantities.as_slice();
    let metrics: Vec<Range<usize>> = (0..quantities.len())
        .map(|i| metric_phrase(text, quantities, i))
        .collect();
    let durations = sentence::durations(text, quantities);
    // Claims are read a run of sentences at a time (`check` hands over about 1 MiB each): what
    // is computed over the text is computed over the run, or a long file turns quadratic.
    let run =
        sentences.first().map_or(0, |s| s.range.start)..sentences.last().map_or(0, |s| s.range.end);
    let clause_marks = sentence::clause_marks(text, run.clone());
    let mut claims = Vec::new();
    let mut skipped: Vec<(Range<usize>, usize)> = scan
        .crowded
        .iter()
        .map(|c| (c.first.clone(), c.count))
        .collect();
    let sentences = sentence::split(sentences, quantities);
    // The previous sentence's shape, kept for a sentence that opens with 其中.
    let mut previous_tree: Option<(usize, Tree)> = None;
    let mut paragraph_start = 0;
    let mut part_of: Vec<Option<usize>> = vec![None; quantities.len()];
    let (mut open_bounds, mut bounds) = (Vec::new(), Vec::new());
    for (i, s) in sentences.iter().enumerate() {
        if i > 0 && sentences[i - 1].paragraph != s.paragraph {
            paragraph_start = i;
        }
        // A "sentence" with hundreds of figures is a table or a dump, not prose: its figures
        // are listed by `numbers` but no claim is read from it, so no pattern turns quadratic.
        // `scan_sentences` already leaves such sentences out; a scan made otherwise is capped
        // here.
        if s.quantities.len() > MAX_FIGURES_PER_SENTENCE {
            skipped.push((quantities[s.quantities[0]].span.clone(), s.quantities.len()));
            continue;
        }
        let previous = i
            .checked_sub(1)
            .map(|p| &sentences[p])
            .filter(|p| p.paragraph == s.paragraph);
        let tree = if s.quantities.is_empty() {
            Tree::default()
        } else {
            Tree::parse(text, s.range.clone())
        };
        let ctx = sentence::Context {
            lexicon,
            text,
            quantities,
            metrics: &metrics,
            durations: &durations,
            vocab,
            sentence: s,
            previous,
            earlier: &sentences[paragraph_start..i],
            later: &sentences[i + 1..],
            tree: &tree,
            previous_tree: previous_tree
                .as_ref()
                .filter(|(p, _)| i.checked_sub(1) == Some(*p))
                .map(|(_, t)| t),
            families: vocab.automata().families(&text[s.range.clone()]),
            part_of: &part_of,
            clause_marks: &clause_marks,
            sentence_marks: &clause_marks[clause_marks.partition_point(|&e| e <= s.range.start)
                ..clause_marks.partition_point(|&e| e <= s.range.end)],
        };
        // Patterns see the claims of their own sentence only, so extraction stays linear.
        let mut local = Vec::new();
        // Every claim but a ranking (`居全国首位`, checked against figures stated elsewhere) and
        // a count of listed names (`改革、开放、创新三大动力`: its count is a word, not a
        // quantity) states a figure of its sentence.
        if s.quantities.is_empty() {
            list::ranking(&ctx, &mut local);
            count::counts(&ctx, &mut local);
            rate::ratio_moves(&ctx, &mut local);
            claims.append(&mut local);
            continue;
        }
        let series = list::series(&ctx, &mut local);
        list::respectively(&ctx, &mut local);
        rate::rates(&ctx, &mut local);
        rate::defined_rates(&ctx, &mut local);
        rate::ratio_moves(&ctx, &mut local);
        rate::defined_differences(&ctx, &mut local);
        rate::completions(&ctx, &mut local);
        change::changes(&ctx, series.as_ref(), &mut local);
        annual::compounds(&ctx, &mut local);
        whole::totals(&ctx, &mut local);
        whole::parts(&ctx, &mut local);
        whole::breakdowns(&ctx, &mut local);
        balance::balances(&ctx, &mut local);
        change::adjustments(&ctx, &mut local);
        transition::transitions(&ctx, &mut local);
        count::counts(&ctx, &mut local);
        rate::shares(&ctx, &mut local);
        rate::bounded(&ctx, &mut local);
        threshold::thresholds(&ctx, &mut local, &mut open_bounds, &mut bounds);
        rate::granular(&ctx, &mut local);
        per_capita::per_capita(&ctx, &mut local);
        per_capita::per_unit(&ctx, &mut local);
        list::trend(&ctx, &mut local);
        list::composition(&ctx, &mut local);
        list::ratio_parts(&ctx, &mut local);
        shares::parallel_shares(&ctx, &mut local);
        list::period(&ctx, series.as_ref(), &mut local);
        list::ranking(&ctx, &mut local);
        for c in &local {
            if let Claim::Parts { whole, parts, .. } = c {
                for &p in parts {
                    part_of[p].get_or_insert(*whole);
                }
            }
        }
        claims.append(&mut local);
        previous_tree = Some((i, tree));
    }
    skipped.sort_by_key(|(first, _)| first.start);
    let paragraphs = &layout.paragraphs;
    let first = paragraphs.partition_point(|p| p.start < run.start);
    let last = paragraphs.partition_point(|p| p.start < run.end);
    table::totals(
        text,
        &paragraphs[first..last],
        quantities,
        vocab,
        &mut claims,
    );
    let table_cells = table::cells(text, &paragraphs[first..last], quantities);
    // Figures that state a level as the text's own result: found once, read by both the
    // restatements within a paragraph and those across the document.
    let standing = repeat::standing(text, quantities, &metrics, &sentences, vocab);
    repeat::repeats(
        text,
        quantities,
        &metrics,
        &sentences,
        &standing,
        &mut claims,
    );
    bounds.sort_unstable();
    let doc = named::Document {
        text,
        quantities,
        metrics: &metrics,
        sentences: &sentences,
        durations: &durations,
        table_cells: &table_cells,
        standing: &standing,
        vocab,
    };
    named::resolve(&doc, &open_bounds, &bounds, &mut claims);
    Facts {
        text,
        quantities: magnitudes(quantities, &claims),
        metrics,
        claims,
        skipped,
    }
}
