//! Hostile inputs: each is refused with a reason or checked quietly; none panics.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .arg("--isolated")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdin = child.stdin.take().unwrap();
    if let Some(bytes) = input {
        let mut stdin = stdin;
        stdin.write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn file(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("hedui-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().to_string()
}

fn no_panic(out: &Output) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn empty_and_blank_files_are_clean() {
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", "  \n\u{3000}\n\t\n\u{200B}\n".as_bytes()),
    ] {
        let out = run(&["check", "--format", "json", &file(name, bytes)], None);
        assert_eq!(out.status.code(), Some(0), "{name}");
        no_panic(&out);
        let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(j["summary"]["files"], 1);
    }
}

#[test]
fn absurd_numbers_do_not_overflow() {
    let text = format!(
        "{}件，9999万亿亿亿元，万万万万，1{}%，增长{}%。\n",
        "9".repeat(200),
        "0".repeat(60),
        "9".repeat(40)
    );
    let out = run(&["check", &file("huge.txt", text.as_bytes())], None);
    assert_eq!(out.status.code(), Some(0));
    no_panic(&out);
    let out = run(
        &[
            "numbers",
            "--format",
            "json",
            &file("huge2.txt", text.as_bytes()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    no_panic(&out);
}

#[test]
fn a_truncated_gb18030_file_is_refused() {
    let (bytes, _, _) = encoding_rs::GB18030.encode("受理案件39347件，审结35773件。");
    let cut = &bytes[..bytes.len() - 1]; // half of the last 。
    let out = run(&["check", &file("cut.txt", cut)], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid GB18030"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let text = "全年受理案件39347件，审结35773件，结案率99.4%。\n".repeat(2000);
    let path = file("many.txt", text.as_bytes());
    let script = format!(
        "{} check --isolated --output-format concise {path} | head -1",
        env!("CARGO_BIN_EXE_hedui")
    );
    let out = Command::new("sh").args(["-c", &script]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_symlink_loop_under_a_directory_is_walked_once() {
    let dir = std::env::temp_dir().join(format!("hedui-loop-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(
        dir.join("a/draft.txt"),
        "全年受理案件36000件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&dir, dir.join("a/loop")).unwrap();
    let out = run(&["check", "--format", "json", dir.to_str().unwrap()], None);
    no_panic(&out);
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["summary"]["files"], 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_sentence_of_many_figures_is_listed_and_said_to_be_skipped() {
    let text = "受理案件1件审结2件".repeat(300) + "\n";
    let path = file("dump.txt", text.as_bytes());
    let out = run(&["check", "--format", "json", &path], None);
    assert_eq!(out.status.code(), Some(0), "advice does not fail");
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &j["files"][0]["diagnostics"][0];
    assert_eq!(
        (d["code"].as_str(), d["severity"].as_str()),
        (Some("too-many-figures"), Some("advice"))
    );
    assert!(d["message"].as_str().unwrap().contains("600 个数字"));
    let out = run(&["numbers", "--format", "json", &path], None);
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["quantities"].as_array().unwrap().len(), 600);
}

#[test]
fn spaces_inside_numbers_do_not_break_anything() {
    // Zero-width space, NBSP, narrow NBSP and an ideographic space inside figures.
    let text =
        "受理案件39\u{200B}347件，审结35\u{00A0}773件，结案率99\u{202F}.4%，共计1\u{3000}234件。\n";
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &file("spaces.txt", text.as_bytes()),
        ],
        None,
    );
    no_panic(&out);
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let out = run(
        &[
            "numbers",
            "--format",
            "json",
            &file("spaces2.txt", text.as_bytes()),
        ],
        None,
    );
    let j: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The zero-width space is dropped by layout: 39347件 reads whole.
    assert!(
        j["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["value"] == "39347")
    );
}
