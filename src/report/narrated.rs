//! `--screen-reader`: each finding as sentences, one a line, with no drawing. Positions are
//! lines and character columns of the original file, the same as in every other format.

use super::diagnostic::{Diagnostic, Report};
use super::excerpt::Excerpt;
use crate::messages;
use crate::span::Span;

/// `第 1 行第 7–11 列`: the characters a span covers, its last one included.
fn position(span: &Span) -> String {
    let last = span.end_column.saturating_sub(1).max(1);
    messages::position(span.line, span.column, span.end_line, last)
}

/// The figure as written, from the excerpt the diagnostic quotes.
fn quoted(excerpt: &Excerpt, decoded: &std::ops::Range<usize>) -> String {
    let text: String = excerpt
        .get(decoded.clone())
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        String::new()
    } else {
        format!("“{text}”")
    }
}

fn finding(path: &str, d: &Diagnostic, out: &mut String) {
    out.push_str(&format!(
        "{} {}：{}\n",
        messages::severity_word(d.severity.as_str()),
        d.code,
        d.message
    ));
    out.push_str(&format!(
        "  {}，{}：{}，{}\n",
        path,
        position(&d.span),
        quoted(&d.excerpt, &d.decoded),
        d.primary_label
    ));
    for l in &d.labels {
        out.push_str(&format!(
            "  {}：{}，{}\n",
            position(&l.span),
            quoted(&d.excerpt, &l.decoded),
            l.label
        ));
    }
    for r in &d.related {
        out.push_str(&format!(
            "  {}{}，{}：{}，{}\n",
            messages::related_heading(),
            r.path,
            position(&r.span),
            quoted(&r.excerpt, &r.decoded),
            r.label
        ));
    }
    for line in d.help_text().lines() {
        out.push_str(&format!("  {}{line}\n", messages::help_word()));
    }
    out.push_str(&format!("  {}\n", messages::see_explain(&d.code)));
}

/// Every finding of a report, narrated.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        finding(&report.path, d, &mut out);
        out.push('\n');
    }
    out
}
