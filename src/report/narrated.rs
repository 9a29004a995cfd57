//! `--screen-reader`: each finding as sentences, one a line, with no drawing. Positions are
//! lines and character columns of the original file, the same as in every other format.

use super::diagnostic::{Diagnostic, Report};
use super::excerpt::Excerpt;
use crate::rules::Severity;
use crate::span::Span;

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Advice => "提示",
    }
}

/// `第 1 行第 7–11 列`: the characters a span covers, its last one included.
fn position(span: &Span) -> String {
    let last = span.end_column.saturating_sub(1).max(1);
    if span.end_line == span.line {
        if last <= span.column {
            format!("第 {} 行第 {} 列", span.line, span.column)
        } else {
            format!("第 {} 行第 {}–{} 列", span.line, span.column, last)
        }
    } else {
        format!(
            "第 {} 行第 {} 列至第 {} 行第 {} 列",
            span.line, span.column, span.end_line, last
        )
    }
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
        severity(d.severity),
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
            "  {}，{}：{}，{}\n",
            r.path,
            position(&r.span),
            quoted(&r.excerpt, &r.decoded),
            r.label
        ));
    }
    for line in d.help.lines() {
        out.push_str(&format!("  说明：{line}\n"));
    }
    out.push_str(&format!("  详见 hedui explain {}\n", d.code));
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
