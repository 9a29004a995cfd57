//! Across documents: this year's changes against last year's report (`check --prior`).
//!
//! A report's `比上年增长2.8%` is only as true as last year's figure, which lives in last
//! year's report. The figures of the prior report are indexed by the core of their metric
//! phrase (scope and link words dropped, as for restatements); a change claim of the current
//! report whose base the text does not state ([`Claim::AgainstPrior`]) is checked against the
//! prior figure of the same metric, unit and scope, with the same interval arithmetic as within
//! one report.
//!
//! Not compared: real growth (at constant prices: GDP, value added, `实际增长`), changes stated
//! on a new basis (`口径`, `可比`), targets and plans of the prior report (`预期`, `目标`, `今年`),
//! cumulative and average figures (`累计`, `年均`), and metrics the prior report states twice
//! with different values.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::claim::{self, Claim, Direction, Facts};
use crate::config::Config;
use crate::interval::Interval;
use crate::layout::Layout;
use crate::number::{self, Kind, Quantity};
use crate::report::diagnostic::{Diagnostic, LabelSpan, Related};
use crate::report::excerpt::Excerpt;
use crate::rules::verdict::{self, Verdict};
use crate::rules::{Severity, percent_change};
use crate::source::Document;
use crate::span::Span;

// At their old paths too, for library users.
pub use crate::rules::notice_codes::{PRIOR_GROWTH_MISMATCH, PRIOR_RESTATEMENT_MISMATCH};

/// Scope words that tell metrics apart: two phrases holding different words of one group are
/// different metrics however alike the rest (`一审` and `二审` cases, `出口` and `进口`).
const SCOPES: &[&[&str]] = &[
    &["一审", "二审", "再审", "执行", "申诉"],
    &["最高人民法院", "最高人民检察院", "地方各级", "全国"],
    &["城镇", "农村", "城乡"],
    &["中央", "地方"],
    &["进出口", "出口", "进口"],
    &["民事", "刑事", "行政"],
    &["货物", "服务"],
];

/// Words of a prior report's sentence that make its figures targets or plans, not results.
const PLANNED: &[&str] = &["今年", "明年", "目标", "预期", "力争", "计划", "拟", "确保"];

/// Words of a figure's clause that make it a sum or average over years, not last year's.
const NOT_A_YEAR: &[&str] = &["累计", "年均", "平均", "以来", "五年", "十年", "多年"];

/// The current report's sentence says its base is not last year's published figure.
const NEW_BASIS: &[&str] = &["口径", "可比", "调整后", "修订后"];

/// Notes anywhere in a report that say its figures are preliminary, revised or on a comparable
/// basis: growth may then be computed on figures other than last year's published ones.
/// (`修订后` alone is not one: `修订后的对外贸易法` revises a law; `可比价` is real growth, never
/// compared at all.)
const REVISION_NOTES: &[&str] = &[
    "按可比口径",
    "可比口径",
    "最终核实",
    "核实数",
    "数据修订",
    "修订数",
    "初步核算",
    "初步统计",
];

/// Words of a report's head that make it a statistical communiqué (or a statistics office's
/// report), whose growth rates are computed on revised, comparable figures by practice.
const COMMUNIQUE_HEAD: &[&str] = &["统计公报", "统计局", "调查队"];

/// How far into a report its head runs, in bytes (a title, a publisher, a date).
const HEAD_BYTES: usize = 600;

/// Whether a report's figures may be revised ones: a statistical communiqué, or a report that
/// notes preliminary, revised or comparable figures.
pub fn may_be_revised(text: &str) -> bool {
    let mut head_end = HEAD_BYTES.min(text.len());
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    COMMUNIQUE_HEAD.iter().any(|w| text[..head_end].contains(w))
        || REVISION_NOTES.iter().any(|w| text.contains(w))
}

/// How much last year's published figure would have to be revised for the stated change to
/// hold, in percent of that figure (`None` when not computable): the current value over the
/// stated growth factor, against the prior figure.
fn revision_needed(
    prior: &Interval,
    value: &Interval,
    stated: &Interval,
    direction: Direction,
) -> Option<Interval> {
    let hundredth = Decimal::new(1, 2);
    let step = match direction {
        Direction::Up => stated.scale(hundredth)?,
        Direction::Down => stated.scale(hundredth)?.neg(),
    };
    let factor = step.shift(Decimal::ONE)?;
    let implied = value.div(&factor)?;
    implied
        .div(prior)?
        .shift(-Decimal::ONE)?
        .scale(Decimal::ONE_HUNDRED)
}

/// The smallest revision, in percent, an interval of revisions allows (0 when it holds none).
fn smallest(revision: &Interval) -> Option<Decimal> {
    let (lo, hi) = revision.ends()?;
    Some(if lo <= Decimal::ZERO && hi >= Decimal::ZERO {
        Decimal::ZERO
    } else {
        lo.abs().min(hi.abs())
    })
}

/// One figure of the prior report that a change may be measured from.
struct Mention {
    quantity: usize,
    key: String,
    unit: Option<String>,
    /// Years its phrase states (`2021年粮食产量`).
    years: Vec<i32>,
}

/// The prior report, read once and indexed by metric.
pub struct Prior {
    doc: Document,
    layout: Layout,
    quantities: Vec<Quantity>,
    mentions: Vec<Mention>,
    /// Its figures may be revised later (see [`may_be_revised`]).
    revised: bool,
    /// The year-on-year changes it states: the figure's index, the change and its direction.
    changes: Vec<(usize, Quantity, Direction)>,
}

impl std::fmt::Debug for Prior {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Prior({})", self.doc.name)
    }
}

impl Prior {
    pub fn new(doc: Document, config: &Config) -> Prior {
        let layout = Layout::with_mode(&doc.prose(), doc.line_mode());
        let sentences = layout.all_sentences();
        let scan = number::scan_sentences(
            &layout.text,
            &sentences,
            &config.lexicon,
            claim::MAX_FIGURES_PER_SENTENCE,
        );
        // The year-on-year changes the earlier report states of its own figures: when a draft
        // is given the same year's communiqué, the figures are alike and only these compare.
        let changes: Vec<(usize, Quantity, Direction)> = {
            let facts = claim::extract(
                &layout,
                &sentences,
                &scan,
                &config.vocabulary,
                &config.lexicon,
            );
            facts
                .claims
                .iter()
                .filter_map(|c| match c {
                    Claim::AgainstPrior {
                        stated,
                        value,
                        direction,
                        years: 1,
                        ..
                    } => Some((*value, facts.quantities[*stated].clone(), *direction)),
                    _ => None,
                })
                .collect()
        };
        let quantities = scan.quantities;
        let text = layout.text.as_str();
        let metrics: Vec<Range<usize>> = (0..quantities.len())
            .map(|i| claim::metric_phrase(text, &quantities, i))
            .collect();
        let mut mentions = Vec::new();
        let mut next = 0;
        for s in &sentences {
            let sentence = &text[s.range.clone()];
            let planned = PLANNED.iter().any(|w| sentence.contains(w));
            let mut start_key: Option<String> = None;
            while next < quantities.len() && quantities[next].span.start < s.range.end {
                let i = next;
                next += 1;
                let q = &quantities[i];
                if planned || !matches!(q.kind, Kind::Count | Kind::Amount) || q.range {
                    continue;
                }
                // The clause up to the figure: `五年累计…`, and `从3.16万亿元增加到…`, whose
                // first figure is where a span of years started.
                let before = &text[s.range.start..q.span.start];
                let clause = before
                    .rfind(['，', '；', '：', ','])
                    .map_or(before, |k| &before[k..]);
                if NOT_A_YEAR.iter().any(|w| clause.contains(w)) {
                    continue;
                }
                let key = claim::metric_core(text, &quantities, &metrics, i);
                if before.ends_with('从') || before.ends_with('由') {
                    let phrase = text[metrics[i].clone()].trim_end_matches(['从', '由']);
                    start_key = Some(claim::phrase_core(phrase.to_string()));
                    continue;
                }
                // `财政收入从3.16万亿元增加到8.31万亿元`: the end figure is of the metric named
                // before the start figure.
                let key = match start_key.take() {
                    Some(k) if key.chars().count() < 4 => k,
                    _ => key,
                };
                if key.chars().count() >= 2 {
                    mentions.push(Mention {
                        quantity: i,
                        key,
                        unit: q.unit_text(text).map(str::to_string),
                        years: claim::metric_years(text, &metrics, i),
                    });
                }
            }
        }
        let revised = may_be_revised(text);
        Prior {
            doc,
            layout,
            quantities,
            mentions,
            revised,
            changes,
        }
    }

    pub fn name(&self) -> &str {
        &self.doc.name
    }

    /// The text of one of its quantities.
    pub fn text_of(&self, q: &Quantity) -> &str {
        &self.layout.text[q.span.clone()]
    }

    /// The change this report states of its figure `q`, if it states one.
    fn change_of(&self, q: &Quantity) -> Option<(&Quantity, Direction)> {
        self.changes
            .iter()
            .find(|(i, _, _)| self.quantities[*i].span == q.span)
            .map(|(_, stated, direction)| (stated, *direction))
    }

    /// The prior figure of a metric, of the given year when one is given (the prior report
    /// must then state that year with it).
    fn figure_in(&self, key: &str, unit: Option<&str>, year: Option<i32>) -> Option<&Quantity> {
        self.figure_keyed(key, unit, year).map(|(q, _)| q)
    }

    /// [`Prior::figure_in`], with the words of the prior report's metric that matched.
    fn figure_keyed(
        &self,
        key: &str,
        unit: Option<&str>,
        year: Option<i32>,
    ) -> Option<(&Quantity, &str)> {
        let mut found: Option<(&Quantity, &str)> = None;
        for m in self.mentions.iter().filter(|m| {
            m.unit.as_deref() == unit
                && same_metric(&m.key, key)
                && year.is_none_or(|y| m.years.contains(&y))
        }) {
            let q = &self.quantities[m.quantity];
            match found {
                None => found = Some((q, m.key.as_str())),
                // Stated twice alike (a summary and a detail): the first will do.
                Some((f, _)) if f.interval.meets(&q.interval) => {}
                // Two different values for one metric: which year or scope is unclear.
                Some(_) => return None,
            }
        }
        found
    }
}

/// Whether two metric cores name one metric: one holds the other and is not much longer,
/// with no scope word that tells them apart.
fn same_metric(a: &str, b: &str) -> bool {
    let (n1, n2) = (a.chars().count(), b.chars().count());
    let contained = a == b || (n1.min(n2) >= 4 && (a.contains(b) || b.contains(a)));
    contained && n1.min(n2) * 5 >= n1.max(n2) * 3 && scopes(a) == scopes(b)
}

/// The scope words of a phrase, per group; a longer word hides the shorter ones inside it.
fn scopes(phrase: &str) -> Vec<Vec<&'static str>> {
    SCOPES
        .iter()
        .map(|group| {
            let mut rest = phrase.to_string();
            let mut found = Vec::new();
            let mut words: Vec<&str> = group.to_vec();
            words.sort_by_key(|w| std::cmp::Reverse(w.len()));
            for w in words {
                if rest.contains(w) {
                    found.push(w);
                    rest = rest.replace(w, "|");
                }
            }
            found.sort_unstable();
            found
        })
        .collect()
}

/// Earlier reports of a draft, each with how many years before the draft it is: last year's
/// is 1. An annual rate over N years is held against the report N years earlier.
pub type Earlier<'p> = [(u32, &'p Prior)];

/// A change of the current report held against an earlier report.
#[derive(Debug, Clone)]
pub struct Comparison<'p> {
    pub stated: usize,
    pub value: usize,
    pub direction: Direction,
    pub word: Range<usize>,
    /// 1 for a year-on-year change, N for an annual rate over N years.
    pub years: u32,
    /// The report held against, and its figure of the same metric, when one was found.
    pub report: Option<&'p Prior>,
    pub prior: Option<&'p Quantity>,
    /// The change from the prior figure to the value, in percent, and whether the stated
    /// change meets it.
    pub computed: Option<Interval>,
    pub consistent: Option<bool>,
    /// Why the claim was not compared (`口径`, a missing figure).
    pub note: &'static str,
    /// For a year-on-year change that misses: the revision of the prior figure, in percent,
    /// that the stated change implies (`implied ÷ prior − 1`).
    pub revision: Option<Interval>,
    /// The miss is one that revised data explains: either report may hold revised figures
    /// (see [`may_be_revised`]), the direction holds, and the revision is within the bound.
    pub revised: bool,
    /// The words of each metric that matched: the current one's and the prior one's.
    pub keys: Option<(String, String)>,
    /// The earlier file states this very figure (a report of the same year, such as that
    /// year's communiqué): the change it states of it, compared instead of the figures.
    pub same_year: Option<(&'p Quantity, Direction)>,
}

/// How the cross-year check treats revised data: the largest revision of last year's figure, in
/// percent, that revised data is taken to explain (`[params] revision_percent`), and whether the
/// draft itself says its figures may be revised.
#[derive(Debug, Clone, Copy)]
pub struct Revision {
    pub bound: Decimal,
    pub draft_revised: bool,
}

/// The revision bound in force (the `prior-growth-mismatch` rule's `revision_percent`, 3% by
/// default) for a draft of the given text: read once per document, not per run of sentences.
pub fn revision(config: &Config, draft: &str) -> Revision {
    let bound = config
        .rules
        .get(PRIOR_GROWTH_MISMATCH)
        .and_then(|r| crate::rules::revision_percent(&r.file.params))
        .unwrap_or(Decimal::new(3, 0));
    Revision {
        bound,
        draft_revised: may_be_revised(draft),
    }
}

/// Every claim of `facts` against an earlier report: year-on-year changes against last year's,
/// annual rates over N years against the report N years earlier.
pub fn compare<'p>(
    facts: &Facts,
    earlier: &Earlier<'p>,
    revision: Revision,
) -> Vec<Comparison<'p>> {
    let text = facts.text;
    let mut out = Vec::new();
    for c in &facts.claims {
        let Claim::AgainstPrior {
            stated,
            value,
            direction,
            word,
            years,
        } = c
        else {
            continue;
        };
        let mut comparison = Comparison {
            stated: *stated,
            value: *value,
            direction: *direction,
            word: word.clone(),
            years: *years,
            report: None,
            prior: None,
            computed: None,
            consistent: None,
            note: "",
            revision: None,
            revised: false,
            keys: None,
            same_year: None,
        };
        let (s, v) = (&facts.quantities[*stated], &facts.quantities[*value]);
        let sentence_start = text[..v.span.start]
            .char_indices()
            .rev()
            .find(|&(_, c)| matches!(c, '。' | '！' | '？' | '；' | '\n'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let sentence = &text[sentence_start.min(s.span.start)..s.span.end];
        let key = claim::metric_core(text, &facts.quantities, &facts.metrics, *value);
        if NEW_BASIS.iter().any(|w| sentence.contains(w)) {
            comparison.note = "stated on a new basis";
        } else if key.chars().count() < 2 {
            comparison.note = "metric not named";
        } else if !earlier.iter().any(|(back, _)| back == years) {
            comparison.note = "no report that many years earlier";
        } else {
            // Several reports of that year (last year's report and its communiqué): the first,
            // in the order given, that states the metric.
            let found = earlier
                .iter()
                .filter(|(back, _)| back == years)
                .find_map(|&(_, prior)| {
                    prior
                        .figure_keyed(&key, v.unit_text(text), None)
                        .map(|(p, k)| (prior, p, k))
                });
            match found {
                None => comparison.note = "no figure of the metric in the earlier report",
                Some((prior, p, prior_key)) => {
                    comparison.report = Some(prior);
                    comparison.prior = Some(p);
                    comparison.keys = Some((key.clone(), prior_key.to_string()));
                    comparison.computed = if *years == 1 {
                        growth(&p.interval, &v.interval, *direction)
                    } else {
                        annual(&p.interval, &v.interval, *years, *direction)
                    };
                    comparison.consistent = comparison
                        .computed
                        .as_ref()
                        .map(|c| verdict::judge(c, s) != Verdict::Inconsistent);
                    // The same figure in both: a report of the same year (the year's
                    // communiqué given beside last year's report), not last year's figure.
                    if *years == 1
                        && comparison.consistent == Some(false)
                        && p.interval.meets(&v.interval)
                    {
                        match prior.change_of(p) {
                            Some((change, d)) => {
                                comparison.same_year = Some((change, d));
                                comparison.consistent =
                                    Some(d == *direction && change.interval.meets(&s.interval));
                            }
                            None => {
                                comparison.consistent = None;
                                comparison.note = "the earlier file states the same figure";
                            }
                        }
                        comparison.computed = None;
                    } else if *years == 1 && comparison.consistent == Some(false) {
                        comparison.revision =
                            revision_needed(&p.interval, &v.interval, &s.interval, *direction);
                        let flipped = comparison
                            .computed
                            .and_then(|c| c.hi)
                            .is_some_and(|hi| hi < Decimal::ZERO);
                        let within = comparison
                            .revision
                            .as_ref()
                            .and_then(smallest)
                            .is_some_and(|r| r <= revision.bound);
                        comparison.revised =
                            (revision.draft_revised || prior.revised) && !flipped && within;
                    }
                }
            }
        }
        out.push(comparison);
    }
    out
}

/// Checks the changes of one run of the current report against the prior report.
pub fn check(
    doc: &Document,
    layout: &Layout,
    facts: &Facts,
    earlier: &Earlier,
    (severity, revision): (Option<Severity>, Revision),
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some(severity) = severity else {
        return;
    };
    let text = facts.text;
    for c in compare(facts, earlier, revision) {
        if let (Some(prior), Some(p), Some((change, d)), Some(false)) =
            (c.report, c.prior, c.same_year, c.consistent)
        {
            let (s, v) = (&facts.quantities[c.stated], &facts.quantities[c.value]);
            let said = |d: Direction| match d {
                Direction::Up => "增长",
                Direction::Down => "下降",
            };
            let p_text = &prior.layout.text[p.span.clone()];
            let change_text = &prior.layout.text[change.span.clone()];
            let at = locate(prior, change);
            diagnostics.push(finding(
                PRIOR_GROWTH_MISMATCH,
                severity,
                format!(
                    "{}{} 与 {} 不符：该文件所载同一数字 {p_text} {}{change_text}",
                    &text[c.word.clone()],
                    &text[s.span.clone()],
                    prior.doc.name,
                    said(d),
                ),
                format!(
                    "{} 与此处的 {} 是同一年的同一数字，其增减见 {}:{}:{}；两处应一致",
                    prior.doc.name,
                    &text[v.span.clone()],
                    prior.doc.name,
                    at.line,
                    at.column,
                ),
                (doc, layout),
                (s, "所述增减"),
                v,
                (prior, change, "同年文件中的增减"),
            ));
            continue;
        }
        let (Some(prior), Some(p), Some(computed), Some(false)) =
            (c.report, c.prior, c.computed, c.consistent)
        else {
            continue;
        };
        let (stated, value, direction, word) = (&c.stated, &c.value, &c.direction, &c.word);
        let (s, v) = (&facts.quantities[*stated], &facts.quantities[*value]);
        let prior_text = &prior.layout.text[p.span.clone()];
        let stated_text = &text[s.span.clone()];
        let value_text = &text[v.span.clone()];
        let word_text = &text[word.clone()];
        let prior_span = Span::locate(&prior.doc, &prior.layout, p.span.clone());
        let computed_text = verdict::show_computed(&computed, 2, "%");
        let (minuend, subtrahend) = match direction {
            Direction::Up => (value_text, prior_text),
            Direction::Down => (prior_text, value_text),
        };
        let (report, arithmetic) = if c.years == 1 {
            (
                "上年报告".to_string(),
                format!("({minuend} − {subtrahend}) ÷ {prior_text} {computed_text}"),
            )
        } else {
            let (high, low) = match direction {
                Direction::Up => (value_text, prior_text),
                Direction::Down => (prior_text, value_text),
            };
            (
                format!("{}年前的报告", c.years),
                format!("({high} ÷ {low})^(1/{}) − 1 {computed_text}", c.years),
            )
        };
        let message = format!(
            "{word_text}{stated_text} 与{report}不符：{report}为 {prior_text}，{arithmetic}"
        );
        // What the stated change says last year's figure was, as a revision of the published one.
        let implied = c.revision.map(|r| {
            format!(
                "所述 {stated_text} 意味着上年数字比{report}所载{}",
                revision_words(&r)
            )
        });
        let (severity, message, help) = if c.revised {
            (
                Severity::Advice,
                format!("{message}；上年公报数据可能已修订"),
                format!(
                    "{}，在修订可以解释的 {}% 以内，且增减方向一致：统计部门按修订后的可比数据计算\
                     增速。{report}的数字见 {}:{}:{}",
                    implied.unwrap_or_default(),
                    revision.bound.normalize(),
                    prior.doc.name,
                    prior_span.line,
                    prior_span.column,
                ),
            )
        } else {
            (
                severity,
                message,
                format!(
                    "{report}的数字见 {}:{}:{}；所述 {stated_text} 即 {}{}。若该数字已修订或口径\
                     调整，请在句中注明（如“按可比口径”），或核对今年的数字",
                    prior.doc.name,
                    prior_span.line,
                    prior_span.column,
                    verdict::show_interval(&s.interval, 2, "%"),
                    implied.map_or(String::new(), |t| format!("；{t}")),
                ),
            )
        };
        diagnostics.push(finding(
            PRIOR_GROWTH_MISMATCH,
            severity,
            message,
            help,
            (doc, layout),
            (s, "所述增减"),
            v,
            (prior, p, "上年报告中的数字"),
        ));
    }
}

/// Last year's figure as the current report restates it (`…1186万人，上年为1352万人`), held
/// against the figure of the same metric in the prior report.
#[derive(Debug, Clone)]
pub struct Restatement<'p> {
    /// The restated figure and the current figure whose metric it is of.
    pub restated: usize,
    pub of: usize,
    pub prior: &'p Quantity,
    pub consistent: bool,
    /// The year written with the restated figure (`2021年为…`); `None` for `上年为…`.
    pub year: Option<i32>,
}

/// Every restatement of last year's figure in `facts` that the prior report states too.
pub fn restatements<'p>(
    facts: &Facts,
    prior: &'p Prior,
    vocab: &crate::claim::Vocabulary,
) -> Vec<Restatement<'p>> {
    let text = facts.text;
    let mut out = Vec::new();
    for from in 0..facts.quantities.len() {
        let a = &facts.quantities[from];
        let before = text[..a.span.start].trim_end_matches('的');
        // `上年为X`, or a year written out: `2021年为X`, `比2021年的X`.
        let last_year = vocab
            .change
            .previous
            .iter()
            .any(|w| before.ends_with(w.as_str()));
        let stated_year = before
            .trim_end_matches('为')
            .strip_suffix('年')
            .and_then(|b| claim::year_before(b, b.len()));
        if !last_year && stated_year.is_none() {
            continue;
        }
        // The figure restated: the nearest one before, of the same kind and unit, in the
        // same sentence.
        let Some(to) = (0..from).rev().find(|&i| {
            let q = &facts.quantities[i];
            q.kind == a.kind
                && matches!(q.kind, Kind::Count | Kind::Amount)
                && !q.range
                && q.unit_text(text) == a.unit_text(text)
        }) else {
            continue;
        };
        let current = &facts.quantities[to];
        let between = &text[current.span.start..a.span.end];
        if between.contains(['。', '；', '！', '？'])
            || NEW_BASIS.iter().any(|w| between.contains(w))
        {
            continue;
        }
        let key = claim::metric_core(text, &facts.quantities, &facts.metrics, to);
        if key.chars().count() < 2 {
            continue;
        }
        let year = if last_year { None } else { stated_year };
        let Some(p) = prior.figure_in(&key, current.unit_text(text), year) else {
            continue;
        };
        out.push(Restatement {
            restated: from,
            of: to,
            prior: p,
            consistent: a.interval.meets(&p.interval),
            year,
        });
    }
    out
}

/// Reports restatements of last year's figures that differ from the prior report.
pub fn check_restatements(
    doc: &Document,
    layout: &Layout,
    facts: &Facts,
    priors: &[&Prior],
    vocab: &crate::claim::Vocabulary,
    severity: Severity,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let text = facts.text;
    // Each restated figure against the first report, in the order given, that states it.
    let mut seen = Vec::new();
    let found = priors.iter().flat_map(|&prior| {
        restatements(facts, prior, vocab)
            .into_iter()
            .map(move |r| (prior, r))
    });
    for (prior, r) in found {
        if seen.contains(&r.restated) {
            continue;
        }
        seen.push(r.restated);
        if r.consistent {
            continue;
        }
        let (a, current) = (&facts.quantities[r.restated], &facts.quantities[r.of]);
        let p = r.prior;
        let prior_text = &prior.layout.text[p.span.clone()];
        let a_text = &text[a.span.clone()];
        let prior_span = locate(prior, p);
        diagnostics.push(finding(
            PRIOR_RESTATEMENT_MISMATCH,
            severity,
            format!(
                "{}数字 {a_text} 与上年报告所载 {prior_text} 不符",
                r.year.map_or("上年".to_string(), |y| format!("{y}年"))
            ),
            format!(
                "上年报告 {}:{}:{} 为 {prior_text}，即 {}；此处 {a_text} 即 {}。若上年数字已修订，\
                 请注明“修订后”或“按可比口径”",
                prior.doc.name,
                prior_span.line,
                prior_span.column,
                verdict::show_interval(&p.interval, 2, ""),
                verdict::show_interval(&a.interval, 2, ""),
            ),
            (doc, layout),
            (a, "所述上年数字"),
            current,
            (prior, p, "上年报告中的数字"),
        ));
    }
}

/// A finding on `stated`, with the current figure `value` and the prior figure `p` in its file.
#[allow(clippy::too_many_arguments)]
fn finding(
    code: &str,
    severity: Severity,
    message: String,
    help: String,
    (doc, layout): (&Document, &Layout),
    (stated, role): (&Quantity, &str),
    value: &Quantity,
    (prior, p, related): (&Prior, &Quantity, &str),
) -> Diagnostic {
    let decoded_prior = prior.layout.decoded_range(p.span.clone());
    Diagnostic {
        code: code.to_string(),
        severity,
        message,
        help,
        span: Span::locate(doc, layout, stated.span.clone()),
        labels: vec![LabelSpan {
            span: Span::locate(doc, layout, value.span.clone()),
            label: "今年的数字".into(),
            decoded: layout.decoded_range(value.span.clone()),
        }],
        primary_label: role.into(),
        decoded: layout.decoded_range(stated.span.clone()),
        excerpt: Excerpt::default(),
        related: vec![Related {
            path: prior.doc.name.clone(),
            span: locate(prior, p),
            label: related.into(),
            excerpt: Excerpt::around(&prior.doc, std::iter::once(decoded_prior.clone())),
            decoded: decoded_prior,
        }],
        // The rate the prior figure gives is in the message; the stated rate may as well be
        // right and the prior figure restated, so no single value is proposed.
        suggestion: None,
    }
}

/// Where a prior figure is in the prior report's file.
pub fn locate(prior: &Prior, q: &Quantity) -> Span {
    Span::locate(&prior.doc, &prior.layout, q.span.clone())
}

/// Where a prior figure is, and its text, for listings.
pub fn describe(prior: &Prior, q: &Quantity) -> String {
    let span = Span::locate(&prior.doc, &prior.layout, q.span.clone());
    format!(
        "{} ({}:{}:{})",
        &prior.layout.text[q.span.clone()],
        prior.doc.name,
        span.line,
        span.column
    )
}

/// `高 2.3%` or `低 1.5%`: a revision in percent of the published figure, said as a direction
/// and the smallest size the interval allows.
fn revision_words(r: &Interval) -> String {
    let size = smallest(r).unwrap_or_default();
    let places = if size >= Decimal::TEN { 0 } else { 1 };
    let shown = size
        .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::AwayFromZero)
        .normalize();
    let higher = r.lo.is_some_and(|lo| lo > Decimal::ZERO);
    format!("{}约 {shown}%", if higher { "高" } else { "低" })
}

/// The annual rate from `from` to `to` over `years`, in percent: (to ÷ from)^(1/years) − 1.
fn annual(from: &Interval, to: &Interval, years: u32, direction: Direction) -> Option<Interval> {
    percent_change(&to.div(from)?.root(years)?, direction)
}

/// The change from `from` to `to` in percent, in the direction of the word.
fn growth(from: &Interval, to: &Interval, direction: Direction) -> Option<Interval> {
    percent_change(&to.div(from)?, direction)
}
