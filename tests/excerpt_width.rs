//! Excerpts fit a screen: every source line the human report quotes is at most 100 display
//! columns wide (gutter included), on the fixtures, on drafts written one paragraph a line, and
//! on the real texts when they are at hand; and the labels stay under their figures.

use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_width::UnicodeWidthStr;

const BOUND: usize = 100;

fn check_full(paths: &[PathBuf]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--color", "never", "--exit-zero", "--isolated"])
        .args(paths)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The quoted source lines of a human report: `  12 │ text`.
fn source_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let digits = t.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && t[digits..].starts_with(" │ ")
        })
        .collect()
}

fn too_wide(report: &str) -> Vec<String> {
    source_lines(report)
        .into_iter()
        .filter(|l| l.replace('\t', "    ").width() > BOUND)
        .map(|l| format!("{} columns: {l}", l.width()))
        .collect()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            out.push(p);
        }
    }
}

#[test]
fn every_fixture_excerpt_fits() {
    let mut files = Vec::new();
    files_under(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .as_path(),
        &mut files,
    );
    files.sort();
    assert!(files.len() > 100, "{} fixtures", files.len());
    let report = check_full(&files);
    assert!(source_lines(&report).len() > 100);
    let wide = too_wide(&report);
    assert!(wide.is_empty(), "{}", wide.join("\n"));
}

/// The real texts, read in place where they are (`scripts/corpus` reads them from there too).
#[test]
fn every_real_text_excerpt_fits() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut files = Vec::new();
    files_under(&dir, &mut files);
    if files.is_empty() {
        return;
    }
    files.sort();
    let wide = too_wide(&check_full(&files));
    assert!(wide.is_empty(), "{}", wide.join("\n"));
}

/// A report written one paragraph a line: the finding's clauses, with `…` between them, not the
/// 400-column paragraph; the underline still under the figure.
#[test]
fn a_paragraph_a_line_shows_the_clauses() {
    let filler = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展，";
    let paragraph = format!(
        "{filler}{filler}全年新收民商事案件41286件，{filler}{filler}审结38417件，{filler}结案率为94.6%，{filler}{filler}\n"
    );
    let dir = std::env::temp_dir().join(format!("hedui-width-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.txt");
    std::fs::write(&file, format!("{paragraph}{paragraph}")).unwrap();
    let report = check_full(std::slice::from_ref(&file));
    std::fs::remove_dir_all(&dir).unwrap();
    let lines = source_lines(&report);
    assert!(!lines.is_empty(), "{report}");
    let wide = too_wide(&report);
    assert!(wide.is_empty(), "{}", wide.join("\n"));
    let quoted = lines[0];
    assert!(quoted.contains("…"), "{quoted}");
    assert!(quoted.contains("审结38417件"), "{quoted}");
    assert!(quoted.contains("结案率为94.6%"), "{quoted}");
    assert!(!quoted.contains(filler), "{quoted}");
    // The underline of the stated rate sits under `94.6%` on screen.
    let under = report.lines().skip_while(|l| *l != quoted).nth(1).unwrap();
    let column = |s: &str, i: usize| s[..i].width();
    let at = quoted.find("94.6%").unwrap();
    let underline: Vec<usize> = under
        .char_indices()
        .filter(|(_, c)| *c == '─' || *c == '┬')
        .map(|(i, _)| column(under, i))
        .collect();
    assert!(underline.contains(&column(quoted, at)), "{quoted}\n{under}");
}
