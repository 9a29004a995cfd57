//! The graphical report for people: miette's renderer, with every number involved underlined.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::diagnostic::{Diagnostic, Related, Report};
use super::excerpt::Source;
use crate::rules::Severity;

/// A diagnostic as miette sees it, with the excerpt it quotes.
struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Source<'a>,
    related: Vec<RelatedRendered<'a>>,
    wraps: &'a Wraps,
}

/// A figure in another file, drawn under the diagnostic with that file's excerpt.
struct RelatedRendered<'a> {
    related: &'a Related,
    source: Source<'a>,
    wraps: &'a Wraps,
}

/// Labels that would run past the report's width where miette draws them, each with the display
/// columns left for it there: drawn on several lines (miette's multi-line labels) that fit.
#[derive(Debug, Default)]
struct Wraps(Vec<(String, usize)>);

impl Wraps {
    /// The label as drawn: on lines of at most the columns left for it, as it is when it fits.
    /// A role before its metric (`分项（转移净收入）`) breaks before the bracket when the metric
    /// then fits a line; otherwise lines break between characters (Chinese has no spaces to
    /// break at), never with a closing mark opening a line.
    fn label(&self, text: &str) -> String {
        let Some(&(_, room)) = self.0.iter().find(|(t, _)| t == text) else {
            return text.to_string();
        };
        let room = room.max(2);
        if let Some(at) = text.find('（')
            && at > 0
            && text[..at].width() <= room
            && text[at..].width() <= room
        {
            return format!("{}\n{}", &text[..at], &text[at..]);
        }
        let mut lines: Vec<String> = vec![String::new()];
        for c in text.chars() {
            let line = lines.last_mut().expect("one line at least");
            if line.width() + c.width().unwrap_or(0) > room && !line.is_empty() {
                // `）` does not open a line: the character before it goes down with it.
                let carried = if CLOSING.contains(c) && line.chars().count() > 1 {
                    line.pop()
                } else {
                    None
                };
                lines.push(carried.into_iter().collect());
            }
            lines.last_mut().expect("one line at least").push(c);
        }
        lines.join("\n")
    }

    /// From a report drawn without colour: every label on a line wider than `width`, with the
    /// columns left after the `╰── ` that leads to it (the least, when it is drawn twice).
    fn of(drawn: &str, width: usize) -> Wraps {
        let mut wraps: Vec<(String, usize)> = Vec::new();
        for line in drawn.lines() {
            if line.width() <= width {
                continue;
            }
            let Some(at) = line.rfind(LABEL_LEAD) else {
                continue;
            };
            let (lead, label) = line.split_at(at + LABEL_LEAD.len());
            let room = width.saturating_sub(lead.width());
            match wraps.iter_mut().find(|(t, _)| t == label) {
                Some(entry) => entry.1 = entry.1.min(room),
                None => wraps.push((label.to_string(), room)),
            }
        }
        Wraps(wraps)
    }
}

/// Marks that close what comes before them: never at the start of a line.
const CLOSING: &str = "）)」』”’、，。；：！？…";

/// What miette draws before a label's text.
const LABEL_LEAD: &str = "╰── ";

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
                Some(self.wraps.label(&self.related.label)),
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
        let wraps = self.wraps;
        let primary = LabeledSpan::new_primary_with_span(
            Some(wraps.label(&d.primary_label)),
            shown(&d.decoded),
        );
        let others = d.labels.iter().map(move |l| {
            LabeledSpan::new_with_span(Some(wraps.label(&l.label)), shown(&l.decoded))
        });
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
    // Drawn once without colour to find labels that run past the width, then again with them
    // on several lines.
    let measure = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
        .with_width(style.width);
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        let draw = |handler: &GraphicalReportHandler, wraps: &Wraps, out: &mut String| {
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
                        wraps,
                    })
                    .collect(),
                wraps,
            };
            handler.render_report(out, &rendered).is_ok()
        };
        let mut drawn = String::new();
        let wraps = if draw(&measure, &Wraps::default(), &mut drawn) {
            Wraps::of(&drawn, style.width)
        } else {
            Wraps::default()
        };
        if !draw(&graphical, &wraps, &mut out) {
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
