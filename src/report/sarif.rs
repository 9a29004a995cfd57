//! `--output-format sarif`: SARIF 2.1.0, for code-scanning dashboards.
//!
//! Each rule in force is listed under `tool.driver.rules` with its documentation; each finding
//! is a result whose location is the stated figure and whose `relatedLocations` are the other
//! figures involved, with their roles as messages, last year's report's included. Paths are
//! URI references relative to `%SRCROOT%`, percent-encoded.

use serde_json::{Value, json};

use super::diagnostic::Report;
use crate::rules::{RuleSet, Severity};
use crate::span::Span;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

fn region(span: &Span) -> Value {
    json!({
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": span.end_column,
        "byteOffset": span.offset,
        "byteLength": span.length,
    })
}

fn location(path: &str, span: &Span) -> Value {
    json!({"physicalLocation": {"artifactLocation": artifact(path), "region": region(span)}})
}

/// A path as SARIF wants it: a URI reference, percent-encoded (`%E8%8D%89%E7%A8%BF.txt` for
/// `草稿.txt`), relative to `%SRCROOT%` (the folder hedui ran in: the repository root in CI), or
/// a `file://` URI when the path was given absolute.
fn artifact(path: &str) -> Value {
    let path = path.trim_start_matches("./");
    if path.starts_with('/') {
        json!({"uri": format!("file://{}", percent_encoded(path))})
    } else {
        json!({"uri": percent_encoded(path), "uriBaseId": "%SRCROOT%"})
    }
}

/// RFC 3986: every byte but the unreserved characters and `/` as `%XX`.
fn percent_encoded(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn render(reports: &[Report], rules: &RuleSet) -> String {
    let descriptors: Vec<Value> = rules
        .rules
        .iter()
        .map(|r| {
            json!({
                "id": r.file.id,
                "name": r.file.id,
                "shortDescription": {"text": r.file.summary},
                "fullDescription": {"text": r.file.explanation.trim()},
                "help": {"text": format!("hedui explain {}", r.file.id)},
                "defaultConfiguration": {"level": level(r.file.severity)},
                "properties": {"kind": r.file.kind},
            })
        })
        .collect();
    let index_of = |code: &str| rules.rules.iter().position(|r| r.file.id == code);
    let mut results = Vec::new();
    for r in reports {
        for d in &r.diagnostics {
            // The other figures of this file, then those of other files (last year's report).
            let related: Vec<Value> = d
                .labels
                .iter()
                .map(|l| (r.path.as_str(), &l.span, &l.label))
                .chain(
                    d.related
                        .iter()
                        .map(|x| (x.path.as_str(), &x.span, &x.label)),
                )
                .enumerate()
                .map(|(i, (path, span, label))| {
                    let mut loc = location(path, span);
                    loc["id"] = json!(i);
                    loc["message"] = json!({"text": label});
                    loc
                })
                .collect();
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": {"text": format!("{}\n{}", d.message, d.help_text())},
                "locations": [location(&r.path, &d.span)],
                "relatedLocations": related,
            });
            if let Some(i) = index_of(&d.code) {
                result["ruleIndex"] = json!(i);
            }
            // The proposed value as a SARIF fix: the figure's bytes replaced by it; the
            // alternative, where there is one, as a second fix.
            if let Some(s) = &d.suggestion {
                let fix = |text: &str, span: &Span, value: &str| {
                    json!({
                        "description": {"text": text},
                        "artifactChanges": [{
                            "artifactLocation": artifact(&r.path),
                            "replacements": [{
                                "deletedRegion": {
                                    "byteOffset": span.offset,
                                    "byteLength": span.length,
                                },
                                "insertedContent": {"text": value},
                            }],
                        }],
                    })
                };
                let mut fixes = vec![fix(&s.text, &s.span, &s.value)];
                if let Some(a) = &s.alternative {
                    fixes.push(fix(&a.text, &a.span, &a.value));
                }
                result["fixes"] = json!(fixes);
            }
            results.push(result);
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "hedui",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://crates.io/crates/hedui",
                "rules": descriptors,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).expect("plain data serializes") + "\n"
}
