//! `--output-format concise`: one line per finding, `path:line:col: severity[code] message`.

use super::diagnostic::Report;

pub fn render(reports: &[Report]) -> String {
    let mut out = String::new();
    for r in reports {
        for d in &r.diagnostics {
            out.push_str(&format!(
                "{}:{}:{}: {}[{}] {}\n",
                r.path,
                d.span.line,
                d.span.column,
                d.severity.as_str(),
                d.code,
                d.message
            ));
        }
    }
    out
}
