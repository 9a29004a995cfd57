//! `hedui.toml`: every key, discovery, `extend`, `--config`, `--isolated`, `hedui init`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn project(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("archive")).unwrap();
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(
        dir.join("rate.txt"),
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("list.txt"),
        "一审、二审、再审案件分别为56.8万件、145.5万件。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("archive/list.txt"),
        "一审、二审、再审案件分别为56.8万件、145.5万件。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sub/double.txt"),
        "全市社区食堂数量由2021年的214个增加到2023年的398个，实现翻一番。\n",
    )
    .unwrap();
    dir
}

fn hedui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn codes(out: &Output) -> Vec<String> {
    let j: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
    let mut v: Vec<String> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let path = f["path"]
                .as_str()
                .unwrap()
                .trim_start_matches("./")
                .to_string();
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |d| {
                    format!(
                        "{path}:{}:{}",
                        d["code"].as_str().unwrap(),
                        d["severity"].as_str().unwrap()
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    v.sort();
    v
}

#[test]
fn without_settings_everything_runs() {
    let dir = project("none");
    let out = hedui(&dir, &["check", "--format", "json", "."]);
    assert_eq!(
        codes(&out),
        [
            "archive/list.txt:list-arity:error",
            "list.txt:list-arity:error",
            "rate.txt:rate-mismatch:error",
            "sub/double.txt:multiple-mismatch:error"
        ]
    );
}

#[test]
fn every_key_takes_effect() {
    let dir = project("keys");
    std::fs::create_dir_all(dir.join("house")).unwrap();
    std::fs::write(
        dir.join("house/lexicon.toml"),
        "[units]\ncount = [\"把\"]\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("hedui.toml"),
        r#"
ignore = ["granularity"]
rules = ["house"]
[severity]
rate-mismatch = "warning"
[per-file-ignores]
"archive/**" = ["list-arity"]
[rule-params.multiple-mismatch]
doubling_tolerance = 0.1
[lexicon]
names.fixed = ["三项机制"]
"#,
    )
    .unwrap();
    // Discovered from a subdirectory too.
    let out = hedui(
        &dir.join("sub"),
        &["check", "--format", "json", "..", "double.txt"],
    );
    assert_eq!(
        codes(&out),
        [
            "../list.txt:list-arity:error",
            "../rate.txt:rate-mismatch:warning"
        ],
        "per-file-ignores spares archive/, severity lowers rate-mismatch, a 10% doubling tolerance accepts 398/214 = 1.86"
    );
    // select narrows; the command line replaces select and adds to ignore.
    let out = hedui(
        &dir,
        &["check", "--format", "json", "--select", "rate", "."],
    );
    assert_eq!(codes(&out), ["rate.txt:rate-mismatch:warning"]);
    let out = hedui(
        &dir,
        &["check", "--format", "json", "--ignore", "rate", "."],
    );
    assert_eq!(codes(&out), ["list.txt:list-arity:error"]);
    // The lexicon of hedui.toml and of the rule directory reach `numbers`.
    std::fs::write(dir.join("units.txt"), "缴获枪支35把，落实三项机制。\n").unwrap();
    let out = hedui(&dir, &["numbers", "--format", "json", "units.txt"]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = j["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["35把"]);
    // --isolated ignores the file; --config picks another.
    let out = hedui(
        &dir,
        &["check", "--format", "json", "--isolated", "rate.txt"],
    );
    assert_eq!(codes(&out), ["rate.txt:rate-mismatch:error"]);
    std::fs::write(
        dir.join("strict.toml"),
        "extend = \"hedui.toml\"\n[severity]\nrate-mismatch = \"error\"\n",
    )
    .unwrap();
    let out = hedui(
        &dir,
        &[
            "check",
            "--format",
            "json",
            "--config",
            "strict.toml",
            "rate.txt",
            "archive/list.txt",
        ],
    );
    assert_eq!(
        codes(&out),
        ["rate.txt:rate-mismatch:error"],
        "extend keeps per-file-ignores, overrides severity"
    );
}

#[test]
fn mistakes_in_settings_are_named() {
    let dir = project("bad");
    for (text, needle) in [
        ("selekt = [\"rate\"]\n", "selekt"),
        ("[severity]\nrate-mismatch = \"fatal\"\n", "fatal"),
        ("[severity]\nno-such-rule = \"error\"\n", "no-such-rule"),
        (
            "[rule-params.multiple-mismatch]\ntolerance = 1\n",
            "tolerance",
        ),
        (
            "[rule-params.prior-growth-mismatch]\nrevision_percent = -1\n",
            "revision_percent",
        ),
        ("extend = \"missing.toml\"\n", "missing.toml"),
    ] {
        std::fs::write(dir.join("hedui.toml"), text).unwrap();
        let out = hedui(&dir, &["check", "rate.txt"]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(needle) && err.contains("hedui.toml"),
            "{text}: {err}"
        );
    }
}

#[test]
fn init_writes_a_starter_that_loads() {
    let dir = project("init");
    let out = hedui(&dir, &["init"]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(dir.join("hedui.toml")).unwrap();
    assert!(text.contains("[per-file-ignores]") && text.contains("# select"));
    assert_eq!(
        hedui(&dir, &["check", "list.txt"]).status.code(),
        Some(1),
        "the starter changes nothing"
    );
    assert_eq!(
        hedui(&dir, &["init"]).status.code(),
        Some(2),
        "an existing file is kept"
    );
    assert!(hedui(&dir, &["init", "--force"]).status.success());
}

/// Every setting of the starter, uncommented, loads and takes effect: a commented line sits in
/// the table it belongs to.
#[test]
fn init_settings_work_when_uncommented() {
    let root = project("init-all");
    let dir = root.join("proj");
    std::fs::create_dir_all(dir.join("house-rules")).unwrap();
    std::fs::create_dir_all(dir.join("2023")).unwrap();
    std::fs::create_dir_all(dir.join("2024")).unwrap();
    std::fs::write(root.join("hedui.toml"), "").unwrap();
    std::fs::write(
        dir.join("2023/report.txt"),
        "全年受理案件35217件，审结33108件。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("2024/report.txt"),
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    assert!(hedui(&dir, &["init"]).status.success());
    let starter = std::fs::read_to_string(dir.join("hedui.toml")).unwrap();
    fn setting(line: &str) -> Option<&str> {
        line.strip_prefix("# ").filter(|rest| {
            *rest == "[[pair]]"
                || rest
                    .split_once(" = ")
                    .is_some_and(|(key, _)| !key.contains(' ') && key.is_ascii())
        })
    }
    let mut uncommented = 0;
    let text: String = starter
        .lines()
        .map(|line| match setting(line) {
            Some(rest) => {
                uncommented += 1;
                format!("{rest}\n")
            }
            None => format!("{line}\n"),
        })
        .collect();
    assert!(uncommented >= 14, "{uncommented} settings in the starter");
    std::fs::write(dir.join("hedui.toml"), text).unwrap();
    let out = hedui(&dir, &["check", "--format", "json", "2024/report.txt"]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // And the selected rules run.
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json.to_string().contains("rate-mismatch"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
