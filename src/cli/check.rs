//! `hedui check PATH...`: the findings of each file, and an exit code for CI.

use std::io::IsTerminal;

use super::{CheckArgs, ColorChoice, Outcome, print, report_error};
use crate::check::{Config, check_document};
use crate::report::diagnostic::Report;
use crate::report::human;
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
    let to_terminal = args.output_file.is_none() && std::io::stdout().is_terminal();
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none() && to_terminal,
    };
    let style = human::Style {
        color,
        width: 100,
        narrate: args.screen_reader,
    };
    let mut out = args.format.render(&reports, &config.rules, style);
    if args.format.is_human() {
        if args.statistics {
            out.push_str(&human::statistics(&reports));
        }
        out.push_str(&human::summary(&reports));
    }
    match &args.output_file {
        Some(path) => {
            if let Err(e) = std::fs::write(path, &out) {
                eprintln!("hedui: cannot write {}: {e}", path.display());
                return Outcome::Error;
            }
        }
        None => print(&out),
    }
    let count = |s: Severity| reports.iter().map(|r| r.count(s)).sum::<usize>();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let failing = errors > 0
        || (args.deny_warnings && warnings > 0)
        || args.max_warnings.is_some_and(|max| warnings > max);
    if input_error {
        Outcome::Error
    } else if failing && !args.exit_zero {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
