//! Every rule against its fixtures: `fixtures/<rule-id>/fire-*.txt` must fire that rule,
//! `silent-*.txt` must draw nothing at all, and `fixtures/traps/` nothing at warning or above.
//! A case `X.txt` with a sibling `X.prior.txt` is checked against it as last year's report, and
//! with `X.prior-N.txt` against the report N years earlier.
//! Each case is snapshotted (`<rule-id>__<case>`): the graphical report an editor sees, without
//! colour at a fixed width, and the JSON a script reads.

use std::path::{Path, PathBuf};

use hedui::Config;
use hedui::check::check_against;
use hedui::prior::Prior;
use hedui::report::{human, json};
use hedui::rules::Severity;
use hedui::source::Document;

fn cases() -> Vec<(String, String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let rule = dir.file_name().unwrap().to_string_lossy().to_string();
        if !dir.is_dir() || rule == "real" {
            continue;
        }
        for file in std::fs::read_dir(&dir).unwrap() {
            let path = file.unwrap().path();
            // `fire-1.prior.txt` is last year's report for `fire-1.txt`, `fire-1.prior-5.txt`
            // the one five years earlier: not cases.
            let prior = path.to_string_lossy().contains(".prior");
            if !prior
                && matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("txt" | "md")
                )
            {
                let case = path.file_stem().unwrap().to_string_lossy().to_string();
                out.push((rule.clone(), case, path));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_rule_has_five_firing_and_five_silent_fixtures() {
    let config = Config::default();
    let cases = cases();
    for rule in &config.rules.rules {
        let id = &rule.file.id;
        // Files that could not be checked: no text raises them (tests/gate_cli.rs shows them).
        if hedui::rules::notice_codes::INPUT_CODES.contains(&id.as_str()) {
            continue;
        }
        let fire = cases
            .iter()
            .filter(|(r, c, _)| r == id && c.starts_with("fire-"))
            .count();
        let silent = cases
            .iter()
            .filter(|(r, c, _)| r == id && c.starts_with("silent-"))
            .count();
        assert!(
            fire >= 5 && silent >= 5,
            "{id}: {fire} firing and {silent} silent fixtures"
        );
    }
}

#[test]
fn fixtures_fire_and_stay_silent() {
    let config = Config::default();
    let mut failures = Vec::new();
    for (rule, case, path) in cases() {
        let rel = path
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap()
            .to_string_lossy()
            .to_string();
        let mut doc = Document::read(&path).unwrap();
        doc.name = rel.clone();
        let priors: Vec<(u32, Prior)> = (1..=10)
            .filter_map(|back| {
                let suffix = if back == 1 {
                    "prior.txt".to_string()
                } else {
                    format!("prior-{back}.txt")
                };
                let prior_path = path.with_extension(&suffix);
                prior_path.exists().then(|| {
                    let mut prior = Document::read(&prior_path).unwrap();
                    prior.name = format!("{}.{suffix}", rel.trim_end_matches(".txt"));
                    (back, Prior::new(prior, &config))
                })
            })
            .collect();
        let earlier: Vec<(u32, &Prior)> = priors.iter().map(|(b, p)| (*b, p)).collect();
        let report = check_against(&doc, &earlier, &config);
        let codes: Vec<String> = report
            .diagnostics
            .iter()
            .map(|d| format!("{}:{}", d.code, d.severity.as_str()))
            .collect();
        let ok = if rule == "traps" {
            report
                .diagnostics
                .iter()
                .all(|d| d.severity < Severity::Warning)
        } else if case.starts_with("fire-") {
            report.diagnostics.iter().any(|d| d.code == rule)
        } else {
            report.diagnostics.is_empty()
        };
        if !ok {
            failures.push(format!("{rel}: {codes:?}"));
        }
        let style = human::Style {
            color: false,
            width: 100,
            narrate: false,
        };
        let snapshot = format!(
            "{}\n{}",
            human::render(&report, style),
            json::render(std::slice::from_ref(&report))
        );
        insta::with_settings!({snapshot_path => "snapshots/fixtures", prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!(format!("{rule}__{case}"), snapshot);
        });
    }
    assert!(
        failures.is_empty(),
        "fixtures that did not behave:\n{}",
        failures.join("\n")
    );
}

/// Each rule's own examples (shown by `hedui explain`) behave as documented.
#[test]
fn rule_examples_fire_and_stay_silent() {
    let config = Config::default();
    for rule in &config.rules.rules {
        let f = &rule.file;
        for text in &f.examples.fire {
            let report = hedui::check_text(text, &config);
            assert!(
                report.diagnostics.iter().any(|d| d.code == f.id),
                "{}: example does not fire: {text}",
                f.id
            );
        }
        for text in &f.examples.silent {
            let report = hedui::check_text(text, &config);
            assert!(
                report.diagnostics.is_empty(),
                "{}: example is not silent: {text}: {:?}",
                f.id,
                report.diagnostics
            );
        }
    }
}
