//! The rule engine: rule files as data, rule kinds as code.
//!
//! A rule file in `rules/` names a rule (its id is the code users see), its kind, its default
//! severity, its documentation with a firing and a silent example, and the parameters of its
//! kind. A rule kind (`kinds/<kind>.rs`) holds the arithmetic: it reads claims and returns
//! findings. Built-in rule files are compiled in; `--rules DIR` adds or replaces rules.

pub mod finding;
mod kinds;
pub(crate) use kinds::notice::revision_percent;
pub mod notice_codes;

pub(crate) use kinds::percent_change;
pub mod verdict;

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::claim::Facts;
use crate::lexicon::LexiconError;

pub use finding::{Certainty, Finding, Label, Proposed, Severity, Suggestion};

/// Built-in rule files, compiled into the binary.
const BUILTIN: &[(&str, &str)] = &[
    (
        "rate-mismatch",
        include_str!("../../rules/rate-mismatch.toml"),
    ),
    (
        "share-mismatch",
        include_str!("../../rules/share-mismatch.toml"),
    ),
    (
        "growth-mismatch",
        include_str!("../../rules/growth-mismatch.toml"),
    ),
    (
        "annual-growth-mismatch",
        include_str!("../../rules/annual-growth-mismatch.toml"),
    ),
    (
        "direction-mismatch",
        include_str!("../../rules/direction-mismatch.toml"),
    ),
    (
        "points-mismatch",
        include_str!("../../rules/points-mismatch.toml"),
    ),
    (
        "multiple-mismatch",
        include_str!("../../rules/multiple-mismatch.toml"),
    ),
    (
        "sum-mismatch",
        include_str!("../../rules/sum-mismatch.toml"),
    ),
    (
        "part-exceeds-whole",
        include_str!("../../rules/part-exceeds-whole.toml"),
    ),
    ("list-arity", include_str!("../../rules/list-arity.toml")),
    (
        "count-mismatch",
        include_str!("../../rules/count-mismatch.toml"),
    ),
    (
        "impossible-percent",
        include_str!("../../rules/impossible-percent.toml"),
    ),
    (
        "per-capita-mismatch",
        include_str!("../../rules/per-capita-mismatch.toml"),
    ),
    (
        "trend-mismatch",
        include_str!("../../rules/trend-mismatch.toml"),
    ),
    (
        "repeat-mismatch",
        include_str!("../../rules/repeat-mismatch.toml"),
    ),
    (
        "approx-direction",
        include_str!("../../rules/approx-direction.toml"),
    ),
    (
        "threshold-mismatch",
        include_str!("../../rules/threshold-mismatch.toml"),
    ),
    (
        "difference-mismatch",
        include_str!("../../rules/difference-mismatch.toml"),
    ),
    (
        "granularity-mismatch",
        include_str!("../../rules/granularity-mismatch.toml"),
    ),
    (
        "composition-mismatch",
        include_str!("../../rules/composition-mismatch.toml"),
    ),
    (
        "magnitude-slip",
        include_str!("../../rules/magnitude-slip.toml"),
    ),
    (
        "share-wording-mismatch",
        include_str!("../../rules/share-wording-mismatch.toml"),
    ),
    (
        "cumulative-mismatch",
        include_str!("../../rules/cumulative-mismatch.toml"),
    ),
    (
        "ranking-mismatch",
        include_str!("../../rules/ranking-mismatch.toml"),
    ),
    (
        "period-mismatch",
        include_str!("../../rules/period-mismatch.toml"),
    ),
    (
        "figure-out-of-range",
        include_str!("../../rules/figure-out-of-range.toml"),
    ),
    (
        "too-many-figures",
        include_str!("../../rules/too-many-figures.toml"),
    ),
    (
        "unused-suppression",
        include_str!("../../rules/unused-suppression.toml"),
    ),
    (
        "prior-growth-mismatch",
        include_str!("../../rules/prior-growth-mismatch.toml"),
    ),
    (
        "prior-restatement-mismatch",
        include_str!("../../rules/prior-restatement-mismatch.toml"),
    ),
    ("io-error", include_str!("../../rules/io-error.toml")),
    (
        "decode-error",
        include_str!("../../rules/decode-error.toml"),
    ),
    (
        "internal-error",
        include_str!("../../rules/internal-error.toml"),
    ),
];

/// A rule file.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The code users see, select and ignore: kebab-case, naming the bad pattern.
    pub id: String,
    /// The rule kind that checks it (`ratio`, `change`, `sum` …).
    pub kind: String,
    /// Severity when every reading of the text fails.
    pub severity: Severity,
    /// One line: what is wrong.
    pub summary: String,
    /// What it checks, why it matters, how rounding is allowed for.
    pub explanation: String,
    pub examples: Examples,
    /// Parameters of the kind (keyword lists, tolerances).
    #[serde(default)]
    pub params: toml::Table,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Paragraphs the rule must fire on.
    pub fire: Vec<String>,
    /// Paragraphs it must stay silent on.
    pub silent: Vec<String>,
}

/// The arithmetic of one kind of rule.
pub trait RuleKind: Send + Sync + std::fmt::Debug {
    fn check(&self, facts: &Facts) -> Vec<Finding>;

    /// The findings, each with an alternative to its suggestion where the kind has one (see
    /// [`Proposed`]); none by default.
    fn propose(&self, facts: &Facts) -> Vec<Proposed> {
        self.check(facts).into_iter().map(Proposed::from).collect()
    }
}

/// A rule ready to run.
#[derive(Debug)]
pub struct Rule {
    pub file: RuleFile,
    pub check: Box<dyn RuleKind>,
    /// Where the rule came from: `built-in` or a path.
    pub origin: String,
}

/// A rule file that could not be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{origin}: {message}")]
#[diagnostic(
    code(hedui::settings),
    help("rule files: `hedui explain RULE` shows one; hedui.toml: see README")
)]
pub struct RuleError {
    pub origin: String,
    pub message: String,
}

impl From<LexiconError> for RuleError {
    fn from(e: LexiconError) -> Self {
        RuleError {
            origin: e.path,
            message: e.message,
        }
    }
}

/// The rules in force, ordered by id.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
}

impl RuleSet {
    pub fn builtin() -> RuleSet {
        let rules = BUILTIN
            .iter()
            .map(|(id, text)| {
                parse(text, "built-in")
                    .unwrap_or_else(|e| panic!("built-in rule {id}: {}", e.message))
            })
            .collect();
        RuleSet::ordered(rules)
    }

    /// The built-in rules plus the rule files (`*.toml` other than `lexicon.toml` and
    /// `claims.toml`) of each directory; a user rule with a built-in id replaces it.
    pub fn with_dirs(dirs: &[impl AsRef<Path>]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet::builtin();
        for dir in dirs {
            let dir = dir.as_ref();
            let entries = std::fs::read_dir(dir).map_err(|e| RuleError {
                origin: dir.display().to_string(),
                message: e.to_string(),
            })?;
            let mut paths: Vec<_> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .filter(|p| {
                    !matches!(
                        p.file_name().and_then(|n| n.to_str()),
                        Some("lexicon.toml" | "claims.toml")
                    )
                })
                .collect();
            paths.sort();
            for path in paths {
                let origin = path.display().to_string();
                let text = std::fs::read_to_string(&path).map_err(|e| RuleError {
                    origin: origin.clone(),
                    message: e.to_string(),
                })?;
                let rule = parse(&text, &origin)?;
                set.rules.retain(|r| r.file.id != rule.file.id);
                set.rules.push(rule);
            }
        }
        Ok(RuleSet::ordered(set.rules))
    }

    fn ordered(mut rules: Vec<Rule>) -> RuleSet {
        rules.sort_by(|a, b| a.file.id.cmp(&b.file.id));
        RuleSet { rules }
    }

    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.file.id == id)
    }

    fn get_mut(&mut self, id: &str, origin: &str) -> Result<&mut Rule, RuleError> {
        let known: Vec<String> = self.rules.iter().map(|r| r.file.id.clone()).collect();
        self.rules
            .iter_mut()
            .find(|r| r.file.id == id)
            .ok_or_else(|| RuleError {
                origin: origin.to_string(),
                message: crate::messages::unknown_rule(
                    "",
                    id,
                    closest_id(id, known.iter().map(String::as_str)),
                ),
            })
    }

    /// Overrides a rule's default severity (`[severity]` in hedui.toml).
    pub fn set_severity(
        &mut self,
        id: &str,
        severity: Severity,
        origin: &str,
    ) -> Result<(), RuleError> {
        self.get_mut(id, origin)?.file.severity = severity;
        Ok(())
    }

    /// Overrides some parameters of a rule (`[rule-params.ID]` in hedui.toml) and recompiles it.
    pub fn set_params(
        &mut self,
        id: &str,
        params: &toml::Table,
        origin: &str,
    ) -> Result<(), RuleError> {
        let rule = self.get_mut(id, origin)?;
        let mut merged = rule.file.params.clone();
        for (k, v) in params {
            merged.insert(k.clone(), v.clone());
        }
        rule.check = kinds::compile(&rule.file.kind, &merged).map_err(|m| RuleError {
            origin: origin.to_string(),
            message: format!("rule-params.{id}: {m}"),
        })?;
        rule.file.params = merged;
        Ok(())
    }
}

/// Parses and compiles one rule file.
pub fn parse(text: &str, origin: &str) -> Result<Rule, RuleError> {
    let error = |message: String| RuleError {
        origin: origin.to_string(),
        message,
    };
    let file: RuleFile = toml::from_str(text).map_err(|e| error(format!("invalid rule: {e}")))?;
    if file.id.is_empty()
        || !file
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(error(format!("id `{}` must be kebab-case ASCII", file.id)));
    }
    if file.kind == "notice" && !notice_codes::CODES.contains(&file.id.as_str()) {
        return Err(error(format!(
            "rule `{}`: kind `notice` is reserved for the engine's own codes ({})",
            file.id,
            notice_codes::CODES.join(", ")
        )));
    }
    let check = kinds::compile(&file.kind, &file.params)
        .map_err(|m| error(format!("rule `{}`: {m}", file.id)))?;
    Ok(Rule {
        file,
        check,
        origin: origin.to_string(),
    })
}

/// The rule id nearest to a mistyped `name` by edit distance (or whose start it is nearest
/// to), when near enough to be a typo.
pub fn closest_id<'a>(name: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let name: Vec<char> = name.chars().collect();
    ids.map(|id| {
        let id_chars: Vec<char> = id.chars().collect();
        // A mistyped prefix (`rat-`) is as near as its distance to the same length of the id.
        let whole = edit_distance(&name, &id_chars);
        let prefix = edit_distance(&name, &id_chars[..name.len().min(id_chars.len())]);
        (whole.min(prefix + 1), id)
    })
    .filter(|&(d, _)| d <= (name.len() / 3).max(2))
    .min_by_key(|&(d, id)| (d, id.len()))
    .map(|(_, id)| id)
}

/// Levenshtein distance, a transposition of neighbours counting once.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The names of the rule kinds, for `hedui rules` and error messages.
pub fn kind_names() -> &'static [&'static str] {
    kinds::NAMES
}
