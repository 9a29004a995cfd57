//! `hedui check PATH...`: the findings of each file, and an exit code for CI.

use std::io::IsTerminal;

use rayon::prelude::*;

use super::pairs;
use super::walk::{self, Input};
use super::{
    CheckArgs, ColorChoice, Outcome, load_config, print, report_error, report_source_error,
};
use crate::baseline::Baseline;
use crate::check::check_against;
use crate::messages;
use crate::prior::Prior;
use crate::report::diagnostic::{Diagnostic, Report};
use crate::report::human;
use crate::rules::Severity;
use crate::source::{Document, SourceError};
use crate::span::Span;

use crate::rules::notice_codes::INTERNAL_ERROR;

/// A file that could not be checked, as a finding of its own at the start of the file:
/// `io-error`, `decode-error` or `internal-error`. Counted in the summary and shown in every
/// format; the run still exits 2.
fn failure(path: &str, code: &str, message: String, help: &str) -> Report {
    let span = Span {
        offset: 0,
        length: 0,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
    };
    Report {
        path: path.to_string(),
        diagnostics: vec![Diagnostic {
            code: code.to_string(),
            severity: Severity::Error,
            message,
            help: help.to_string(),
            span,
            labels: Vec::new(),
            primary_label: String::new(),
            decoded: 0..0,
            excerpt: Default::default(),
            related: Vec::new(),
            suggestion: None,
        }],
    }
}

fn source_error_report(e: &SourceError) -> Report {
    failure(e.name(), e.code(), e.reason(), e.help())
}

/// What a panic said.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into())
}

fn e_kind(e: &SourceError) -> std::io::ErrorKind {
    match e {
        SourceError::Io { source, .. } => source.kind(),
        SourceError::Undecodable { .. } => std::io::ErrorKind::InvalidData,
    }
}

pub fn run(args: &CheckArgs) -> Outcome {
    let Some(mut config) = load_config(&args.settings, &args.rules) else {
        return Outcome::Error;
    };
    for (place, names) in [("--select", &args.select), ("--ignore", &args.ignore)] {
        if let Err(e) = config.check_selectors(place, names) {
            report_error(e);
            return Outcome::Error;
        }
    }
    if !args.select.is_empty() {
        config.select = args.select.clone();
    }
    config.ignore.extend(args.ignore.iter().cloned());
    if let Some(n) = args.threads {
        // Only fails when the global pool exists already, which it does not at this point.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.get())
            .build_global();
    }
    let (inputs, walk_errors) = walk::inputs(&args.paths, &args.glob);
    if inputs.is_empty() && walk_errors.is_empty() && !args.allow_no_files {
        let paths: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("{}", messages::no_files(&paths.join(" ")));
        return Outcome::Error;
    }
    // Each prior report is read once, however many files are held against it.
    let prior_paths = pairs::prior_paths(
        &inputs,
        if args.prior.is_empty() {
            config.prior.as_slice()
        } else {
            &args.prior
        },
        &config.pairs,
        args.pair_by_year || config.pair_by_year,
    );
    let mut priors: Vec<(std::path::PathBuf, Prior)> = Vec::new();
    for (_, path) in prior_paths.iter().flatten() {
        if priors.iter().any(|(p, _)| p == path) {
            continue;
        }
        match Document::read(path) {
            Ok(doc) => priors.push((path.clone(), Prior::new(doc, &config))),
            Err(e) => {
                report_source_error(&e);
                return Outcome::Error;
            }
        }
    }
    let earlier: Vec<Vec<(u32, &Prior)>> = prior_paths
        .iter()
        .map(|paths| {
            paths
                .iter()
                .filter_map(|(back, path)| {
                    let prior = priors.iter().find(|(p, _)| p == path)?;
                    Some((*back, &prior.1))
                })
                .collect()
        })
        .collect();
    let mut input_error = !walk_errors.is_empty();
    for e in walk_errors {
        eprintln!("{}", messages::walk_error(&e));
    }
    // Stdin is read before the files are checked in parallel; results keep the input order.
    let stdin = inputs.contains(&Input::Stdin).then(|| {
        let name = args.stdin_filename.clone().unwrap_or_else(|| "-".into());
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)
            .map_err(|source| SourceError::Io {
                name: name.clone(),
                source,
            })
            .map(|_| (name, bytes))
    });
    // Each file is checked apart: a file that cannot be read or decoded, or whose check
    // panics, becomes a finding of its own and the others are still checked.
    let results: Vec<Result<Report, Report>> = inputs
        .par_iter()
        .enumerate()
        .map(|(k, input)| {
            let doc = match input {
                Input::File(path) => Document::read(path),
                Input::Stdin => match stdin.as_ref().expect("read above") {
                    Ok((name, bytes)) => Document::from_bytes(name.clone(), bytes),
                    Err(e) => Err(SourceError::Io {
                        name: e.name().to_string(),
                        source: std::io::Error::new(e_kind(e), e.reason()),
                    }),
                },
            };
            let doc = doc.map_err(|e| {
                report_source_error(&e);
                source_error_report(&e)
            })?;
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::check::forced_failure(&doc.name);
                check_against(&doc, &earlier[k], &config)
            }))
            .map_err(|payload| {
                let detail = panic_text(payload.as_ref());
                let message = messages::internal_error(&detail);
                eprintln!(
                    "{}",
                    messages::error_line(&format!("{}: {message}", doc.name))
                );
                failure(
                    &doc.name,
                    INTERNAL_ERROR,
                    message,
                    messages::internal_error_help(),
                )
            })
        })
        .collect();
    let mut reports: Vec<Report> = Vec::new();
    // Where each input error goes among the reports, to keep the input order in the output.
    let mut failed: Vec<(usize, Report)> = Vec::new();
    for r in results {
        match r {
            Ok(report) => reports.push(report),
            Err(report) => {
                failed.push((reports.len() + failed.len(), report));
                input_error = true;
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(&reports, path);
        return match baseline.write(path) {
            Ok(()) => {
                eprintln!(
                    "{}",
                    messages::baseline_wrote(baseline.entries.len(), &path.display().to_string())
                );
                if input_error {
                    Outcome::Error
                } else {
                    Outcome::Clean
                }
            }
            Err(e) => {
                eprintln!("{}", messages::baseline_cannot_write(&e));
                Outcome::Error
            }
        };
    }
    if let Some(path) = &args.baseline {
        match Baseline::read(path) {
            Ok(baseline) => {
                let (suppressed, stale) = baseline.apply(&mut reports, path);
                if suppressed > 0 {
                    eprintln!(
                        "{}",
                        messages::baseline_suppressed(suppressed, &path.display().to_string())
                    );
                }
                for e in &stale {
                    eprintln!("{}", messages::baseline_stale(&e.path, &e.code, &e.message));
                }
            }
            Err(e) => {
                eprintln!("{}", messages::baseline_error(&e));
                return Outcome::Error;
            }
        }
    }
    for (at, report) in failed {
        reports.insert(at, report);
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
                eprintln!(
                    "{}",
                    messages::cannot_write(&path.display().to_string(), &e)
                );
                return Outcome::Error;
            }
            // The CI log shows the result even when the report goes to a file.
            eprintln!("{}", human::summary(&reports).trim_end());
        }
        None => print(&out),
    }
    if let Some(out_path) = &args.annotate
        && !annotate(&inputs, &reports, out_path)
    {
        return Outcome::Error;
    }
    let count = |s: Severity| reports.iter().map(|r| r.count(s)).sum::<usize>();
    // Input errors are counted in the summary but decide the exit code on their own (2).
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

/// `--annotate OUT`: the one draft checked, copied to OUT as a .docx with a comment on each
/// finding. The draft itself is never written. Whether it went well.
fn annotate(inputs: &[Input], reports: &[Report], out_path: &std::path::Path) -> bool {
    let (Some(Input::File(path)), 1, [report]) = (inputs.first(), inputs.len(), reports) else {
        eprintln!("{}", messages::error_line(&messages::annotate_one_file()));
        return false;
    };
    let same = |a: &std::path::Path, b: &std::path::Path| match (
        std::fs::canonicalize(a),
        std::fs::canonicalize(b),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    };
    if same(path, out_path) {
        eprintln!(
            "{}",
            messages::error_line(&messages::annotate_over_draft(&path.display().to_string()))
        );
        return false;
    }
    let copy = std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            if crate::source::docx::looks_like_zip(&bytes) {
                crate::report::annotate::docx(&bytes, report)
            } else {
                let doc = Document::from_bytes(path.display().to_string(), &bytes)
                    .map_err(|e| e.to_string())?;
                crate::report::annotate::text_to_docx(&doc.text, report)
            }
        });
    let written = copy.and_then(|bytes| std::fs::write(out_path, bytes).map_err(|e| e.to_string()));
    match written {
        Ok(()) => {
            eprintln!(
                "{}",
                messages::annotated(&out_path.display().to_string(), report.diagnostics.len())
            );
            true
        }
        Err(e) => {
            eprintln!(
                "{}",
                messages::error_line(&format!("{}: {e}", out_path.display()))
            );
            false
        }
    }
}
