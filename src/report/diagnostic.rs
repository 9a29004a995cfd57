//! Diagnostics, built in one place: a finding located in the user's file.
//!
//! Every output format renders these; none builds its own. Spans are original-file byte
//! ranges with line and column; the decoded ranges used by the graphical renderer travel beside
//! them and are not serialized.

use std::ops::Range;

use serde::Serialize;

use super::excerpt::Excerpt;
use crate::layout::Layout;
use crate::rules::{Proposed, RuleFile, Severity};
use crate::source::Document;
use crate::span::Span;

/// A labelled span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LabelSpan {
    pub span: Span,
    pub label: String,
    #[serde(skip)]
    pub decoded: Range<usize>,
}

/// One finding, located.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule id.
    pub code: String,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// The stated figure the message is about.
    pub span: Span,
    pub labels: Vec<LabelSpan>,
    /// The primary span's role (`所述比率`).
    #[serde(skip)]
    pub primary_label: String,
    #[serde(skip)]
    pub decoded: Range<usize>,
    /// What the diagnostic quotes of the decoded text; filled in by [`Report::new`].
    #[serde(skip)]
    pub excerpt: Excerpt,
    /// Figures in other files the finding rests on (last year's report).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// The value that would make the finding hold, where a single value does: absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<SuggestionSpan>,
}

/// A proposed value for a figure (`应为 90.9%`), in the figure's own scale and precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuggestionSpan {
    /// The proposal as a reader reads it: `应为 90.9%`.
    pub text: String,
    /// What to write in place of the figure: `90.9%`.
    pub value: String,
    /// The figure to change (bytes of the original file, as every span).
    pub span: Span,
    /// Another edit that would make the finding hold, where one figure determines it: the input
    /// the stated result rests on (`若结案率为 99.4%，审结应约为 39111件`, the span that of
    /// 审结's figure), or the same figure worded otherwise (`若指相对变化，应为 2.0%`). Absent
    /// otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative: Option<AlternativeSpan>,
}

/// The alternative to a suggestion: the same fields, for another figure or wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlternativeSpan {
    /// As a reader reads it: `若结案率为 99.4%，审结应约为 39111件`.
    pub text: String,
    /// What to write in place of the figure: `39111件`.
    pub value: String,
    /// The figure to change.
    pub span: Span,
}

/// A labelled span in another file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub span: Span,
    pub label: String,
    #[serde(skip)]
    pub excerpt: Excerpt,
    /// The span in the other file's decoded text.
    #[serde(skip)]
    pub decoded: Range<usize>,
}

impl Diagnostic {
    /// The help, and the proposed value on a line of its own where there is one, its
    /// alternative on the next: what every format that carries help shows (`…；所述 99.4% 即
    /// 99.35%–99.45%` / `应为 90.9%` / `若结案率为 99.4%，审结应约为 39111件`).
    pub fn help_text(&self) -> String {
        let mut text = self.help.clone();
        if let Some(s) = &self.suggestion {
            text.push('\n');
            text.push_str(&s.text);
            if let Some(a) = &s.alternative {
                text.push('\n');
                text.push_str(&a.text);
            }
        }
        text
    }

    pub fn new(
        doc: &Document,
        layout: &Layout,
        rule: &RuleFile,
        proposed: impl Into<Proposed>,
    ) -> Diagnostic {
        let Proposed {
            finding,
            alternative,
        } = proposed.into();
        let locate = |r: &Range<usize>| {
            (
                Span::locate(doc, layout, r.clone()),
                layout.decoded_range(r.clone()),
            )
        };
        let (span, decoded) = locate(&finding.primary.range);
        let suggestion = finding.suggestion.map(|s| SuggestionSpan {
            span: locate(&s.range).0,
            text: s.text,
            value: s.value,
            alternative: alternative.map(|a| AlternativeSpan {
                span: locate(&a.range).0,
                text: a.text,
                value: a.value,
            }),
        });
        let labels = finding
            .labels
            .iter()
            .map(|l| {
                let (span, decoded) = locate(&l.range);
                LabelSpan {
                    span,
                    label: l.text.clone(),
                    decoded,
                }
            })
            .collect();
        Diagnostic {
            code: rule.id.clone(),
            severity: finding.certainty.severity(rule.severity),
            message: finding.message,
            help: finding.help,
            span,
            labels,
            primary_label: finding.primary.text,
            decoded,
            excerpt: Excerpt::default(),
            related: Vec::new(),
            suggestion,
        }
    }
}

/// The diagnostics of one file, in the order of the text.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub path: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn new(doc: &Document, mut diagnostics: Vec<Diagnostic>) -> Report {
        diagnostics.sort_by(|a, b| {
            (a.span.offset, &a.code, &a.message).cmp(&(b.span.offset, &b.code, &b.message))
        });
        diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span && a.message == b.message);
        // Reports outlive their documents: each diagnostic keeps only what it quotes.
        for d in &mut diagnostics {
            let width = unicode_width::UnicodeWidthStr::width;
            let spans = std::iter::once((d.decoded.clone(), width(d.primary_label.as_str())))
                .chain(
                    d.labels
                        .iter()
                        .map(|l| (l.decoded.clone(), width(l.label.as_str()))),
                );
            d.excerpt = Excerpt::around_labels(doc, spans);
        }
        Report {
            path: doc.name.clone(),
            diagnostics,
        }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}
