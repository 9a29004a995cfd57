//! `--output-format junit`: JUnit XML, one test suite per file and one failing test case per
//! finding (a file without findings is one passing case), for CI test dashboards.

use super::diagnostic::Report;
use crate::rules::Severity;

fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

pub fn render(reports: &[Report]) -> String {
    let failing = |r: &Report| {
        r.diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning)
            .count()
    };
    let tests: usize = reports.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures: usize = reports.iter().map(failing).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<testsuites name=\"hedui\" tests=\"{tests}\" failures=\"{failures}\">\n"
    ));
    for r in reports {
        out.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n",
            xml(&r.path),
            r.diagnostics.len().max(1),
            failing(r)
        ));
        if r.diagnostics.is_empty() {
            out.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"hedui\"/>\n",
                xml(&r.path)
            ));
        }
        for d in &r.diagnostics {
            let name = format!("{}:{}:{} {}", r.path, d.span.line, d.span.column, d.code);
            out.push_str(&format!(
                "    <testcase name=\"{}\" classname=\"hedui.{}\">\n",
                xml(&name),
                xml(&d.code)
            ));
            let tag = if d.severity >= Severity::Warning {
                "failure"
            } else {
                "system-out"
            };
            if tag == "failure" {
                out.push_str(&format!(
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                    xml(&d.message),
                    d.severity.as_str(),
                    xml(&d.help_text())
                ));
            } else {
                out.push_str(&format!(
                    "      <system-out>{}</system-out>\n",
                    xml(&format!("{}\n{}", d.message, d.help_text()))
                ));
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}
