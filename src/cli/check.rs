//! `hedui check PATH...`: the findings of each file, and an exit code for CI.

use std::io::IsTerminal;

use super::{CheckArgs, CheckFormat, ColorChoice, Outcome, print, report_error};
use crate::check::{Config, check_document};
use crate::report::diagnostic::Report;
use crate::report::{human, json};
use crate::rules::Severity;
use crate::source::Document;

pub fn run(args: &CheckArgs) -> Outcome {
    let mut config = match Config::with_rule_dirs(&args.rules) {
        Ok(c) => c,
        Err(e) => {
            report_error(e);
            return Outcome::Error;
        }
    };
    config.select = args.select.clone();
    config.ignore = args.ignore.clone();
    let mut reports: Vec<Report> = Vec::new();
    let mut input_error = false;
    for path in &args.paths {
        match Document::read(path) {
            Ok(doc) => reports.push(check_document(&doc, &config)),
            Err(e) => {
                report_error(e);
                input_error = true;
            }
        }
    }
    match args.format {
        CheckFormat::Json => print(&json::render(&reports)),
        CheckFormat::Human => {
            let color = match args.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
                }
            };
            let style = human::Style { color, width: 100 };
            let mut out = String::new();
            for r in &reports {
                out.push_str(&human::render(r, style));
            }
            out.push_str(&human::summary(&reports));
            print(&out);
        }
    }
    let failing = reports
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= Severity::Warning);
    if input_error {
        Outcome::Error
    } else if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
