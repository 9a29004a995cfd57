//! `--output-format json-lines`: one JSON object per finding, the version-1 diagnostic with
//! its `path`, for streaming into log tools.

use serde::Serialize;

use super::diagnostic::{Diagnostic, Report};

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    diagnostic: &'a Diagnostic,
}

pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            let line = Line {
                path: &r.path,
                diagnostic: d,
            };
            out.push_str(&serde_json::to_string(&line).expect("plain data serializes"));
            out.push('\n');
        }
    }
    out
}
