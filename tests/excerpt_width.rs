//! Excerpts fit a screen: every line of the human report, the source lines it quotes (gutter
//! included) and the label lines drawn under them (`╰── 分项（…）`) alike, is at most 100 display
//! columns wide (East Asian wide characters count two), on the fixtures, on drafts written one
//! paragraph a line, and on the real texts when they are at hand; and the labels stay under
//! their figures, whole.

use std::path::{Path, PathBuf};
use std::process::Command;

use unicode_width::UnicodeWidthStr;

const BOUND: usize = 100;

/// The graphical report, run from the repository with paths relative to it where they are
/// inside it (the header line names the file: a deep checkout should not make it wide).
fn check_full(paths: &[PathBuf]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--color", "never", "--exit-zero", "--isolated"])
        .args(paths.iter().map(|p| p.strip_prefix(root).unwrap_or(p)))
        .current_dir(root)
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

/// Every line of the report wider than the bound.
fn too_wide(report: &str) -> Vec<String> {
    report
        .lines()
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

/// Figures at the end of long clauses, with long names: the labels drawn to the right of their
/// underlines still fit, broken over lines where they must, and say their whole text.
#[test]
fn labels_right_of_far_figures_fit_and_stay_whole() {
    let filler = "深入实施创新驱动发展战略，持续优化营商环境，";
    let paragraph = format!(
        "{filler}{filler}全市城乡居民基本养老保险参保人数达到286.47万人，其中年末全区参加城乡居民基本养老保险实际领取待遇人数为83.62万人，\
         占全市城乡居民基本养老保险参保人数的31.9%。{filler}\n"
    );
    let dir = std::env::temp_dir().join(format!("hedui-labels-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.txt");
    std::fs::write(&file, &paragraph).unwrap();
    let report = check_full(std::slice::from_ref(&file));
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(report.contains("share-mismatch"), "{report}");
    let wide = too_wide(&report);
    assert!(wide.is_empty(), "{}", wide.join("\n"));
    // Each label, read down its lines (`╰─┤ 部分（年末全区参加` then `│ 城乡居民…`), is whole.
    let label_text: String = report
        .lines()
        .filter(|l| l.trim_start().starts_with('·'))
        .filter_map(|l| {
            l.rsplit_once(['┤', '─', '│'])
                .map(|(_, t)| t.trim().to_string())
        })
        .collect();
    for name in ["全市城乡居民基本养老保险参保人数", "实际领取待遇人数"] {
        assert!(label_text.contains(name), "{name}: {report}");
    }
}
