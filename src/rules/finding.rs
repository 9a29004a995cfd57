//! What a rule reports: a finding with its labels, before it is located in the user's file.

use std::ops::Range;

use serde::Serialize;

/// How bad a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Advice,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// How sure a rule kind is of one finding; the rule's configured severity is the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Certainty {
    /// Every reading the text allows fails (RULEBOOK R3, R4): the rule's own severity.
    Proven,
    /// One plausible reading fails: at most a warning.
    Plausible,
    /// Explained by truncation instead of rounding: advice.
    Truncated,
    /// Consistent under rounding, but the wording is likely a slip: advice.
    Hint,
}

impl Certainty {
    pub fn severity(self, rule: Severity) -> Severity {
        match self {
            Certainty::Proven => rule,
            Certainty::Plausible => rule.min(Severity::Warning),
            Certainty::Truncated | Certainty::Hint => Severity::Advice,
        }
    }
}

/// A range of the logical text with what it is to the finding (`受理`, `分项`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub range: Range<usize>,
    pub text: String,
}

impl Label {
    pub fn new(range: Range<usize>, text: impl Into<String>) -> Self {
        Self {
            range,
            text: text.into(),
        }
    }
}

/// One inconsistency found by a rule kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub certainty: Certainty,
    pub message: String,
    pub help: String,
    /// The stated figure the message is about.
    pub primary: Label,
    /// Every other figure involved, with its role.
    pub labels: Vec<Label>,
    /// The value that would make the finding hold, where a single value does.
    pub suggestion: Option<Suggestion>,
}

/// The value a stated figure would need for a finding to hold, written in the figure's own scale,
/// unit and precision (`应为 90.9%`, `应为 3.2亿元`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The figure to change.
    pub range: Range<usize>,
    /// The proposal as a reader reads it: `应为 90.9%`.
    pub text: String,
    /// The value to write in place of the figure: `90.9%`.
    pub value: String,
}
