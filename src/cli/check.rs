//! `hedui check PATH...`: the findings of each file, and an exit code for CI.

use std::io::IsTerminal;

use rayon::prelude::*;

use super::pairs;
use super::walk::{self, Input};
use super::{CheckArgs, ColorChoice, Outcome, load_config, print, report_error};
use crate::baseline::Baseline;
use crate::check::check_against;
use crate::prior::Prior;
use crate::report::diagnostic::Report;
use crate::report::human;
use crate::rules::Severity;
use crate::source::{Document, SourceError};

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
    // Each prior report is read once, however many files are held against it.
    let prior_paths = pairs::prior_paths(
        &inputs,
        args.prior.as_deref().or(config.prior.as_deref()),
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
                report_error(e);
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
        eprintln!("hedui: {e}");
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
    let results: Vec<Result<Report, SourceError>> = inputs
        .par_iter()
        .enumerate()
        .map(|(k, input)| {
            let doc = match input {
                Input::File(path) => Document::read(path)?,
                Input::Stdin => match stdin.as_ref().expect("read above") {
                    Ok((name, bytes)) => Document::from_bytes(name.clone(), bytes)?,
                    Err(e) => {
                        return Err(SourceError::Io {
                            name: "-".into(),
                            source: std::io::Error::new(e_kind(e), e.to_string()),
                        });
                    }
                },
            };
            Ok(check_against(&doc, &earlier[k], &config))
        })
        .collect();
    let mut reports: Vec<Report> = Vec::new();
    for r in results {
        match r {
            Ok(report) => reports.push(report),
            Err(e) => {
                report_error(e);
                input_error = true;
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        let baseline = Baseline::of(&reports, path);
        return match baseline.write(path) {
            Ok(()) => {
                eprintln!(
                    "hedui: wrote {} findings to {}",
                    baseline.entries.len(),
                    path.display()
                );
                if input_error {
                    Outcome::Error
                } else {
                    Outcome::Clean
                }
            }
            Err(e) => {
                eprintln!("hedui: cannot write baseline {e}");
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
                        "hedui: {suppressed} findings left out by baseline {}",
                        path.display()
                    );
                }
                for e in &stale {
                    eprintln!(
                        "hedui: stale baseline entry: {} {} ({}) matches no finding any more",
                        e.path, e.code, e.message
                    );
                }
            }
            Err(e) => {
                eprintln!("hedui: baseline {e}");
                return Outcome::Error;
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
            // The CI log shows the result even when the report goes to a file.
            eprintln!("{}", human::summary(&reports).trim_end());
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
