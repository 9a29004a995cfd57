//! The same metric stated twice: `审结一审刑事案件1.37万件` … `在审结的1.73万件一审刑事案件中`.
//!
//! Two mentions are of one metric when they have the same unit, the same years (or none), and
//! the core of one's phrase (the words before the figure and the noun after it, without scope
//! and link words) contains the other's, which must be specific: four characters or more.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::change::{year_digits_before, years_in};
use super::sentence::Sentence;
use super::{Claim, Vocabulary};
use crate::number::{Kind, Quantity};

/// Words that set scope or time, or link a phrase to its figure, but do not name a metric.
const NOISE: &[&str] = &[
    "全年", "全市", "全省", "全区", "全县", "全国", "全体", "全", "年末", "年底", "当年", "在",
    "的", "共", "累计", "达到", "达", "为", "是", "有", "了", "其中", "总计", "合计", "实现",
    "完成", "，", "、", "约", "各类", "上述",
];

/// Words of a plan or target (`拟安排`, `今年…要`, `预期目标`): such figures are not restatements
/// of the results reported around them.
const PLANNED: &[&str] = &[
    "拟",
    "要",
    "今年",
    "目标",
    "预期",
    "力争",
    "计划",
    "将",
    "再",
    "控制在",
    "新增",
    "确保",
];

/// `words` speak of a plan or target.
pub(crate) fn planned(words: &str) -> bool {
    static PLANNED_WORDS: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(PLANNED).expect("a small word list"));
    // 要 of a word that is no plan: 必要, 重要, 主要, 需要, 只要.
    PLANNED_WORDS.find_iter(words).any(|m| {
        &words[m.range()] != "要"
            || !["必", "重", "主", "需", "只", "纲"]
                .iter()
                .any(|w| words[..m.start()].ends_with(w))
    })
}

/// The figure points back at one stated before: `在审结的1.73万件一审刑事案件中`, `上述…`.
fn refers_back(text: &str, quantities: &[Quantity], metrics: &[Range<usize>], i: usize) -> bool {
    let q = &quantities[i];
    let metric = &text[metrics[i].clone()];
    let rest = &text[q.span.end..];
    // A bracket after the figure is its breakdown (`79.4亿元（其中：…）`), not `在…中`.
    let after = &rest[..rest
        .find(['，', '。', '；', '：', '、', '\n', '（', '('])
        .unwrap_or(rest.len())];
    metric.starts_with('在')
        || metric.contains("上述")
        || metric.starts_with('这')
        || (after.ends_with('中') && !after.ends_with("其中"))
        || after.ends_with("之中")
}

/// The core phrase of quantity `i`: its metric phrase and the noun right after it.
pub(crate) fn core(
    text: &str,
    quantities: &[Quantity],
    metrics: &[Range<usize>],
    i: usize,
) -> String {
    let q = &quantities[i];
    // The noun after the figure: up to punctuation, 中 or a digit, at most 64 characters.
    let rest = &text[q.span.end..];
    let after_end = rest
        .char_indices()
        .take(64)
        .find(|&(_, c)| {
            matches!(c, '，' | '。' | '；' | '：' | '、' | '中' | '\n' | '（') || c.is_ascii_digit()
        })
        .map(|(k, _)| k)
        .unwrap_or_else(|| rest.char_indices().nth(64).map_or(rest.len(), |(k, _)| k))
        + q.span.end;
    let after_end = quantities
        .get(i + 1)
        .map_or(after_end, |n| after_end.min(n.span.start));
    let (name, noun) = (&text[metrics[i].clone()], &text[q.span.end..after_end]);
    let mut phrase = String::with_capacity(name.len() + noun.len());
    phrase.push_str(name);
    phrase.push_str(noun);
    core_of(phrase)
}

/// A metric phrase without its years and its scope and link words.
pub(crate) fn core_of(mut phrase: String) -> String {
    // Years are scope, compared separately.
    while let Some((start, y)) = phrase
        .find('年')
        .and_then(|k| year_digits_before(&phrase[..k]).map(|(start, _)| (start, k)))
    {
        phrase.replace_range(start..y + '年'.len_utf8(), "");
    }
    // Words that hold a noise word and are kept whole (`公共` holds `共`), matched first.
    const KEPT: &[&str] = &["公共"];
    static NOISE_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(KEPT.iter().chain(NOISE))
            .expect("a small word list")
    });
    static REPLACEMENTS: LazyLock<Vec<&str>> = LazyLock::new(|| {
        KEPT.iter()
            .copied()
            .chain(NOISE.iter().map(|_| ""))
            .collect()
    });
    NOISE_WORDS.replace_all(&phrase, &REPLACEMENTS)
}

/// Four-digit years in the clause of quantity `i`.
pub(crate) fn years(text: &str, metrics: &[Range<usize>], i: usize) -> Vec<i32> {
    years_in(&text[metrics[i].clone()])
}

/// The figure names a class of what its clause measures (`144平方米以上住宅价格下降1%`,
/// `1000Mbps及以上接入速率的宽带用户`): a name and the clause's own figure follow it before any
/// punctuation.
pub(super) fn attributive(
    text: &str,
    quantities: &[Quantity],
    sentence: &[usize],
    i: usize,
) -> bool {
    let after = sentence.partition_point(|&j| j <= i);
    let Some(&next) = sentence.get(after) else {
        return false;
    };
    let gap = &text[quantities[i].span.end..quantities[next].span.start];
    !gap.is_empty()
        && !gap.contains(['，', '。', '；', '：', '、', ',', ';', '（', '('])
        && gap.chars().count() >= 2
        && !["和", "及", "与", "至", "到", "比", "较"]
            .iter()
            .any(|w| gap.starts_with(w))
}

/// A candidate's core phrase and years, or `None` when the core is too short to name a metric.
type Named = Option<(String, Vec<i32>)>;

/// How many earlier figures a possible restatement is compared with.
const WINDOW: usize = 200;

/// Figures that state a level of their metric as the text's own result: not in brackets after
/// another figure, not naming a class (`144平方米以上`), not a change, not a plan or target.
pub(crate) fn standing(
    text: &str,
    quantities: &[Quantity],
    metrics: &[Range<usize>],
    sentences: &[Sentence],
    vocab: &Vocabulary,
) -> Vec<usize> {
    let change_words = &vocab.automata().change;
    sentences
        .iter()
        .filter(|s| s.quantities.len() <= super::MAX_FIGURES_PER_SENTENCE)
        .flat_map(|s| {
            // A figure in brackets breaks down the figure the bracket follows
            // (`实际完成37.9亿元（其中：开发区5.9亿元）`): it is of that figure's stage and scope,
            // which its own words do not say.
            // Bracket depth is counted once along the sentence, figure after figure.
            let (mut depth, mut scanned) = (0i64, s.range.start);
            s.quantities
                .iter()
                .copied()
                .filter(move |&i| {
                    let at = quantities[i].span.start.max(scanned);
                    depth += crate::structure::bracket_balance(&text[scanned..at]);
                    scanned = at;
                    depth <= 0
                })
                .filter(|&i| !attributive(text, quantities, &s.quantities, i))
        })
        .filter(|&i| {
            let q = &quantities[i];
            matches!(q.kind, Kind::Count | Kind::Amount | Kind::Percent) && !q.range
        })
        .filter(|&i| {
            // A change or a value after a change word (`增长12%`, `提高到47.3%`) is a new figure,
            // not a restatement.
            let m = &text[metrics[i].clone()];
            // A phrase ending in 比 opens a comparison (`比`), unless it names a share (`占比`).
            !change_words.is_match(m)
                && (!m.ends_with("比") || m.ends_with("占比"))
                && !m.contains("上年")
        })
        .filter(|&i| !planned(&text[metrics[i].clone()]))
        .collect()
}

/// Restatements within a paragraph among the `candidates`, the [`standing`] figures.
pub fn repeats(
    text: &str,
    quantities: &[Quantity],
    metrics: &[Range<usize>],
    sentences: &[Sentence],
    candidates: &[usize],
    claims: &mut Vec<Claim>,
) {
    // Built when a pair first passes the cheap tests: most figures never meet another of their
    // kind and unit in their paragraph.
    let mut named: Vec<Option<Named>> = vec![None; candidates.len()];
    let name = |k: usize, named: &mut [Option<Named>]| {
        if named[k].is_none() {
            let i = candidates[k];
            let c = core(text, quantities, metrics, i);
            named[k] = Some((c.chars().count() >= 4).then(|| (c, years(text, metrics, i))));
        }
    };
    // Paragraph and clause of every quantity, in one pass.
    let mut place = vec![(0usize, 0usize); quantities.len()];
    for s in sentences
        .iter()
        .filter(|s| s.quantities.len() <= super::MAX_FIGURES_PER_SENTENCE)
    {
        // The clause start moves forward with the figures: one pass over the sentence.
        let (mut clause, mut scanned) = (s.range.start, s.range.start);
        for &i in &s.quantities {
            let at = quantities[i].span.start;
            if let Some(k) = text[scanned..at].rfind(['，', '；', '：']) {
                clause = scanned + k;
            }
            scanned = at;
            place[i] = (s.paragraph, clause);
        }
    }
    for (k, &second) in candidates.iter().enumerate() {
        let back = refers_back(text, quantities, metrics, second);
        let (paragraph2, clause2) = place[second];
        let b = &quantities[second];
        // Restatements stand near what they restate: the last WINDOW candidates are compared,
        // which keeps a document with a million figures linear. Candidates run in document
        // order, so without a pointing-back word the search stops at the paragraph's start.
        let mut earlier = None;
        for j in (k.saturating_sub(WINDOW)..k).rev() {
            let first = candidates[j];
            let a = &quantities[first];
            let (paragraph1, clause1) = place[first];
            if !back && paragraph1 != paragraph2 {
                break;
            }
            if clause1 == clause2 || a.kind != b.kind || a.unit_text(text) != b.unit_text(text) {
                continue;
            }
            name(k, &mut named);
            name(j, &mut named);
            let Some(Some((core2, years2))) = &named[k] else {
                break;
            };
            let Some(Some((core1, years1))) = &named[j] else {
                continue;
            };
            if years1 != years2 {
                continue;
            }
            // A restatement names the metric as the first mention did, give or take a scope
            // word: one core holds the other and is not much longer.
            // A later figure that puts a qualifier before the first one's name is of a
            // subset (`留学人员创业园370多家，省部共建留学人员创业园54家`); a restatement
            // drops words (`法院受理案件…在受理的…案件中`), it does not add them.
            let (n1, n2) = (core1.chars().count(), core2.chars().count());
            let qualified = n2 > n1 && core2.ends_with(core1.as_str());
            if n1.min(n2) * 5 >= n1.max(n2) * 3
                && (core1.contains(core2.as_str()) || core2.contains(core1.as_str()))
                && !qualified
            {
                earlier = Some(first);
                break;
            }
        }
        if let Some(first) = earlier {
            claims.push(Claim::Repeat {
                first,
                second,
                refers_back: back,
            });
        }
    }
}
