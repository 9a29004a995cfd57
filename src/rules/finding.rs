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
/// unit and precision (`应为 90.9%`, `应为 3.2亿元`). The same shape serves an alternative edit
/// (see [`Proposed`]): another figure and its value, or the same figure worded otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The figure to change.
    pub range: Range<usize>,
    /// The proposal as a reader reads it: `应为 90.9%`.
    pub text: String,
    /// The value to write in place of the figure: `90.9%`.
    pub value: String,
}

/// A finding as a rule kind proposes it: besides the suggestion for the stated figure, an
/// alternative edit that would also make it hold, where one exists. For a rate, a share, a growth
/// rate or a total that is the stated result, the input it rests on (`若结案率为 99.4%，审结应约为
/// 39111件`: the numerator, given the denominator); for a change in `%` that is the difference of
/// two rates, the other wording (`若指相对变化，应为 2.0%`). Only where one figure determines it
/// cleanly, and only beside a suggestion.
///
/// Kept beside the finding rather than in [`Suggestion`], so kinds that never propose one build
/// their findings and suggestions as before ([`RuleKind::propose`](super::RuleKind::propose)
/// defaults to none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposed {
    pub finding: Finding,
    pub alternative: Option<Suggestion>,
}

impl Proposed {
    /// A finding with `alternative`, kept only when the finding has a suggestion.
    pub fn new(finding: Finding, alternative: Option<Suggestion>) -> Proposed {
        let alternative = alternative.filter(|_| finding.suggestion.is_some());
        Proposed {
            finding,
            alternative,
        }
    }
}

impl From<Finding> for Proposed {
    fn from(finding: Finding) -> Proposed {
        Proposed {
            finding,
            alternative: None,
        }
    }
}
