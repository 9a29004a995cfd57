//! `hedui check --format json`: the version-1 schema.
//!
//! ```json
//! {"version": 1,
//!  "files": [{"path": "report.txt",
//!             "diagnostics": [{"code": "rate-mismatch", "severity": "error",
//!                              "message": "…", "help": "…",
//!                              "span": {"offset": 120, "length": 5, "line": 3, "column": 18},
//!                              "labels": [{"span": {…}, "label": "分母（受理案件）"}]}]}],
//!  "summary": {"files": 1, "errors": 1, "warnings": 0, "advice": 0}}
//! ```
//!
//! `offset`/`length` are bytes of the original file; `line` is 1-based; `column` is 1-based in
//! characters. `severity` is `error`, `warning` or `advice`. The primary span is the stated
//! figure the message is about. These fields are stable; new fields may be added.
//!
//! Optional fields, present only when they apply: `related` (figures in other files, each with
//! `path`, `span`, `label`) and `suggestion`, the value that would make the finding hold:
//! `{"text": "应为 90.9%", "value": "90.9%", "span": {…}}`, where `span` is the figure to change
//! and `value` what to write in its place, in the figure's own scale, unit and precision. Rules
//! where no single value makes the finding hold (a list's arity, a direction word, a ranking)
//! never carry one. Inside it, `alternative` (same fields), present where one other edit would
//! also make the finding hold: the input the stated result rests on, `{"text": "若结案率为
//! 99.4%，审结应约为 39111件", "value": "39111件", "span": {…}}` with `span` that input's figure,
//! or the stated figure in the other wording (`若指相对变化，应为 2.0%`).

use serde::Serialize;

use super::diagnostic::Report;
use crate::rules::Severity;

#[derive(Debug, Serialize)]
struct CheckJson<'a> {
    version: u32,
    files: &'a [Report],
    summary: Summary,
}

/// Counts over all files.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub advice: usize,
}

impl Summary {
    pub fn of(reports: &[Report]) -> Summary {
        let count = |s| reports.iter().map(|r| r.count(s)).sum();
        Summary {
            files: reports.len(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            advice: count(Severity::Advice),
        }
    }
}

pub fn render(reports: &[Report]) -> String {
    let doc = CheckJson {
        version: 1,
        files: reports,
        summary: Summary::of(reports),
    };
    serde_json::to_string_pretty(&doc).expect("plain data serializes") + "\n"
}
