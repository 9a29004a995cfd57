//! `--output-format rdjson`: reviewdog's diagnostic format, for review comments.

use serde_json::{Value, json};

use super::diagnostic::Report;
use crate::rules::Severity;
use crate::span::Span;

fn range(span: &Span) -> Value {
    json!({
        "start": {"line": span.line, "column": span.column},
        "end": {"line": span.end_line, "column": span.end_column},
    })
}

pub fn render(reports: &[Report]) -> String {
    let mut diagnostics = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            let severity = match d.severity {
                Severity::Error => "ERROR",
                Severity::Warning => "WARNING",
                Severity::Advice => "INFO",
            };
            let mut diagnostic = json!({
                "message": format!("{}\n{}", d.message, d.help_text()),
                "location": {"path": r.path, "range": range(&d.span)},
                "severity": severity,
                "source": {"name": "hedui"},
                "code": {"value": d.code},
                "related_locations": d.labels.iter().map(|l| json!({
                    "message": l.label,
                    "location": {"path": r.path, "range": range(&l.span)},
                })).collect::<Vec<_>>(),
            });
            // reviewdog's suggestions: the figure's range replaced by the proposed value, then
            // the alternative's figure by its value.
            if let Some(s) = &d.suggestion {
                let mut suggestions = vec![json!({"range": range(&s.span), "text": s.value})];
                if let Some(a) = &s.alternative {
                    suggestions.push(json!({"range": range(&a.span), "text": a.value}));
                }
                diagnostic["suggestions"] = json!(suggestions);
            }
            diagnostics.push(diagnostic);
        }
    }
    let doc = json!({"source": {"name": "hedui"}, "diagnostics": diagnostics});
    serde_json::to_string_pretty(&doc).expect("plain data serializes") + "\n"
}
