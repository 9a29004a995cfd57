//! Suppression directives, `hedui strip`, Markdown prose and baselines, end to end.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("hedui-suppress-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn hedui(cwd: &PathBuf, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hedui"));
    cmd.args(args).current_dir(cwd);
    if args[0] == "check" {
        cmd.arg("--isolated");
    }
    cmd.output().unwrap()
}

fn codes(out: &Output) -> Vec<String> {
    let j: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    j["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| format!("{}@{}", d["code"].as_str().unwrap(), d["span"]["line"]))
                .collect::<Vec<_>>()
        })
        .collect()
}

const BAD_RATE: &str = "全年受理案件39347件，审结35773件，结案率99.4%。";
const BAD_LIST: &str = "一审、二审、再审案件分别为56.8万件、145.5万件。";

#[test]
fn text_directives_next_line_ranges_and_unused() {
    let d = dir("txt");
    let text = format!(
        "%% hedui-disable-next-line rate-mismatch -- 口径为审结/(旧存+新收)\n{BAD_RATE}\n%% hedui-disable list\n{BAD_LIST}\n{BAD_LIST}\n%% hedui-enable list\n{BAD_LIST}\n%% hedui-disable-next-line growth-mismatch\n{BAD_RATE}\n"
    );
    std::fs::write(d.join("draft.txt"), text).unwrap();
    let out = hedui(&d, &["check", "--format", "json", "draft.txt"]);
    assert_eq!(
        codes(&out),
        ["list-arity@7", "unused-suppression@8", "rate-mismatch@9"],
        "line 2 and lines 4-5 suppressed; the growth directive covered nothing"
    );
    // Unused-suppression reports can themselves be turned off.
    let out = hedui(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--ignore",
            "unused-suppression",
            "draft.txt",
        ],
    );
    assert_eq!(codes(&out), ["list-arity@7", "rate-mismatch@9"]);
    // strip removes the four directive lines and nothing else.
    let out = hedui(&d, &["strip", "draft.txt"]);
    let stripped = String::from_utf8(out.stdout).unwrap();
    assert!(!stripped.contains("hedui-"));
    assert_eq!(stripped.lines().count(), 5);
    let out = hedui(&d, &["strip", "draft.txt", "-o", "clean.txt"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_to_string(d.join("clean.txt")).unwrap(),
        stripped
    );
}

#[test]
fn markdown_directives_code_front_matter_and_tables() {
    let d = dir("md");
    let text = format!(
        "---\ntitle: 结案率99.4%\n---\n# 报告\n\n<!-- hedui-disable-next-line rate-mismatch -- 口径不同 -->\n{BAD_RATE}\n\n```text\n{BAD_RATE}\n```\n\n<!-- {BAD_RATE} -->\n\n| 项目 | 数值 |\n|---|---|\n| 受理 | 39347件 |\n| 审结 | 35773件 |\n\n{BAD_LIST}\n"
    );
    std::fs::write(d.join("draft.md"), &text).unwrap();
    let out = hedui(&d, &["check", "--format", "json", "draft.md"]);
    assert_eq!(
        codes(&out),
        ["list-arity@20"],
        "directive, code block, comment and front matter all quiet"
    );
    // The same text as .txt reads everything but the directive line.
    std::fs::write(d.join("draft.txt"), &text).unwrap();
    let out = hedui(&d, &["check", "--format", "json", "draft.txt"]);
    let found = codes(&out);
    assert!(found.contains(&"rate-mismatch@10".to_string()), "{found:?}");
}

#[test]
fn baseline_round_trip() {
    let d = dir("baseline");
    std::fs::write(d.join("a.txt"), format!("{BAD_RATE}\n")).unwrap();
    let out = hedui(
        &d,
        &["check", "--write-baseline", "hedui-baseline.json", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(0));
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("hedui-baseline.json")).unwrap())
            .unwrap();
    assert_eq!(base["entries"][0]["code"], "rate-mismatch");
    // Known findings stay quiet, wherever they move in the draft.
    std::fs::write(d.join("a.txt"), format!("前言。\n\n{BAD_RATE}\n")).unwrap();
    let out = hedui(&d, &["check", "--baseline", "hedui-baseline.json", "a.txt"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // A new finding fails.
    std::fs::write(d.join("a.txt"), format!("{BAD_RATE}\n{BAD_LIST}\n")).unwrap();
    let out = hedui(
        &d,
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "hedui-baseline.json",
            "a.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(codes(&out), ["list-arity@2"]);
    // A fixed finding leaves a stale entry, which is reported.
    std::fs::write(
        d.join("a.txt"),
        "全年受理案件36000件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    let out = hedui(&d, &["check", "--baseline", "hedui-baseline.json", "a.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("过期的基线条目：a.txt rate-mismatch"));
}

#[test]
fn baselines_match_however_the_path_is_typed() {
    let d = dir("baseline-paths");
    std::fs::create_dir_all(d.join("drafts/part")).unwrap();
    std::fs::write(d.join("drafts/part/a.txt"), format!("{BAD_RATE}\n")).unwrap();
    let out = hedui(
        &d,
        &[
            "check",
            "--write-baseline",
            "hedui-baseline.json",
            "drafts/",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("hedui-baseline.json")).unwrap())
            .unwrap();
    // Relative to the baseline's folder, whatever was typed.
    assert_eq!(base["entries"][0]["path"], "drafts/part/a.txt");
    let absolute = d.join("drafts").display().to_string();
    let baseline_abs = d.join("hedui-baseline.json").display().to_string();
    for (cwd, baseline, input) in [
        (d.clone(), "hedui-baseline.json", "./drafts/"),
        (d.clone(), "hedui-baseline.json", "drafts/part/a.txt"),
        (d.clone(), "./hedui-baseline.json", absolute.as_str()),
        (d.join("drafts"), "../hedui-baseline.json", "part/a.txt"),
        (d.join("drafts/part"), baseline_abs.as_str(), "a.txt"),
    ] {
        let out = hedui(&cwd, &["check", "--baseline", baseline, input]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "from {} with {baseline} {input}: {}{}",
            cwd.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("stale"),
            "from {} with {input}",
            cwd.display()
        );
    }
    // A baseline written before paths were anchored (as typed from the project root) still
    // matches the same path typed the same way.
    let legacy = std::fs::read_to_string(d.join("hedui-baseline.json")).unwrap();
    std::fs::create_dir_all(d.join("ci")).unwrap();
    std::fs::write(d.join("ci/old-baseline.json"), legacy).unwrap();
    let out = hedui(
        &d,
        &[
            "check",
            "--baseline",
            "ci/old-baseline.json",
            "drafts/part/a.txt",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
