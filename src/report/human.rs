//! The graphical report for people: miette's renderer, with every number involved underlined.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::diagnostic::{Diagnostic, Related, Report};
use super::excerpt::Source;
use crate::rules::Severity;

/// A diagnostic as miette sees it, with the excerpt it quotes.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Source<'a>,
    related: Vec<RelatedRendered<'a>>,
}

/// A figure in another file, drawn under the diagnostic with that file's excerpt.
struct RelatedRendered<'a> {
    related: &'a Related,
    source: Source<'a>,
}

impl fmt::Debug for RelatedRendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.label)
    }
}

impl fmt::Display for RelatedRendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}（{}）", self.related.label, self.related.path)
    }
}

impl std::error::Error for RelatedRendered<'_> {}

impl miette::Diagnostic for RelatedRendered<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(self.related.label.clone()),
                self.source.excerpt.shown(self.related.decoded.clone()),
            ),
        )))
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Without a quote (a file that could not be read) there is no header naming the file.
        if self.diagnostic.excerpt.text.is_empty() {
            write!(f, "{}: ", self.source.name)?;
        }
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{}\n{}",
            self.diagnostic.help_text(),
            crate::messages::see_explain(&self.diagnostic.code)
        )))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        // A file that could not be read (`io-error` …) has nothing to quote.
        (!self.diagnostic.excerpt.text.is_empty()).then_some(&self.source as &dyn SourceCode)
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        if d.excerpt.text.is_empty() {
            return None;
        }
        // Labels sit at their offsets in the excerpt's shown text.
        let shown = |r: &std::ops::Range<usize>| self.source.excerpt.shown(r.clone());
        let primary =
            LabeledSpan::new_primary_with_span(Some(d.primary_label.clone()), shown(&d.decoded));
        let others = d
            .labels
            .iter()
            .map(move |l| LabeledSpan::new_with_span(Some(l.label.clone()), shown(&l.decoded)));
        Some(Box::new(std::iter::once(primary).chain(others)))
    }
}

/// How the graphical report looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    /// Sentences instead of drawings, for screen readers (see `narrated`).
    pub narrate: bool,
}

/// Renders every diagnostic of a report.
pub fn render(report: &Report, style: Style) -> String {
    if style.narrate {
        return super::narrated::render(report);
    }
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let graphical = GraphicalReportHandler::new_themed(theme).with_width(style.width);
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let rendered = Rendered {
            diagnostic,
            source: Source {
                name: &report.path,
                excerpt: &diagnostic.excerpt,
            },
            related: diagnostic
                .related
                .iter()
                .map(|related| RelatedRendered {
                    related,
                    source: Source {
                        name: &related.path,
                        excerpt: &related.excerpt,
                    },
                })
                .collect(),
        };
        let written = graphical.render_report(&mut out, &rendered);
        if written.is_err() {
            out.push_str(&diagnostic.message);
        }
        out.push('\n');
    }
    // miette heads figures of other files `Advice:`, which reads as one more finding: they are
    // the figures a finding rests on, and say so.
    out.replace(
        "\nAdvice: ",
        &format!("\n{}", crate::messages::related_heading()),
    )
}

/// `--statistics`: findings per rule, most frequent first.
pub fn statistics(reports: &[Report]) -> String {
    let mut counts: Vec<(String, &'static str, usize)> = Vec::new();
    for d in reports.iter().flat_map(|r| &r.diagnostics) {
        match counts.iter_mut().find(|(code, _, _)| *code == d.code) {
            Some(entry) => entry.2 += 1,
            None => counts.push((d.code.clone(), d.severity.as_str(), 1)),
        }
    }
    counts.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    let mut out = String::new();
    for (code, severity, n) in counts {
        out.push_str(&format!("{n:>5}  {code:<26} {severity}\n"));
    }
    out
}

/// The closing line: how many of each severity in how many files.
pub fn summary(reports: &[Report]) -> String {
    let count = |s| reports.iter().map(|r| r.count(s)).sum::<usize>();
    crate::messages::summary(
        reports.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Advice),
    )
}
