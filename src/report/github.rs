//! `--output-format github`: GitHub Actions workflow commands, shown as annotations on the
//! changed lines of a pull request.

use super::diagnostic::Report;
use crate::rules::Severity;

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=…`, `title=…`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Advice => "notice",
            };
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&r.path),
                d.span.line,
                d.span.column,
                d.span.end_line,
                d.span.end_column,
                property(&format!("hedui {}", d.code)),
                data(&format!("{}\n{}", d.message, d.help_text()))
            ));
        }
    }
    out
}
