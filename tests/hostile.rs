//! Hostile inputs: each is refused with a reason or checked quietly; none panics.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    // The reasons below are checked in English (tests/gate_cli.rs checks the Chinese ones).
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .arg("--isolated")
        .arg("--lang=en")
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

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn absurd_numbers_are_reported_whole_not_misread() {
    let text = format!(
        "共计{}件，9999万亿亿亿元，万万万万，1{}%，增长0.{}1%，另有39347件。\n",
        "9".repeat(200),
        "0".repeat(60),
        "0".repeat(40)
    );
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &file("huge.txt", text.as_bytes()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "warnings do not fail the check");
    no_panic(&out);
    let j = json(&out);
    let d = j["files"][0]["diagnostics"].as_array().unwrap();
    let codes: Vec<&str> = d.iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["figure-out-of-range"; 4]);
    assert!(d[0]["message"].as_str().unwrap().contains("（共 200 字）"));
    assert!(d[1]["message"].as_str().unwrap().contains("“9999万亿亿亿”"));
    assert_eq!(d[0]["span"]["length"], 200);

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
    let j = json(&out);
    let texts: Vec<&str> = j["out_of_range"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 4);
    assert_eq!(texts[1], "9999万亿亿亿");
    // No tail of an absurd figure is read as a figure of its own; 万万万万 has no digit and is
    // not a quantity; the ordinary figure after them is read.
    let values: Vec<&str> = j["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["39347"]);
}

/// Figures near the largest value a decimal holds, in the shapes read across a document (a
/// ratio of parts, a table cell scaled by its unit, a bound loosened by its rounding): every
/// sum and product is checked, none overflows.
#[test]
fn the_largest_figures_in_document_wide_readings() {
    let big = "9999999999999999万亿";
    let ratio = [big; 9].join("∶");
    let cell = "999999999999999999";
    let text = format!(
        "三次产业结构为{ratio}。\n\n\
         全年进出口总额{cell}万亿元，增长3%。\n表1 进出口情况\n指标\t金额（万亿元）\t增长（%）\n\
         进出口总额\t{cell}\t3\n\n\
         全市政府债务限额{big}元。\n全市政府债务余额{big}元。全市政府债务余额控制在政府债务限额之内。\n\n\
         五年来，全市经济总量超过{big}元。\n"
    );
    for args in [&["check"][..], &["claims"][..]] {
        let mut all = args.to_vec();
        let path = file("largest.txt", text.as_bytes());
        all.push(&path);
        let out = run(&all, None);
        no_panic(&out);
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    }
}

#[test]
fn a_million_numbers_in_one_paragraph() {
    // One sentence of 10^6 figures: counted, not kept, and said to be skipped.
    let list: Vec<String> = (0..1_000_000)
        .map(|i| format!("{}件", i % 9000 + 1000))
        .collect();
    let text = format!("各地受理案件依次为{}。\n", list.join("，"));
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &file("million.txt", text.as_bytes()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let d = &json(&out)["files"][0]["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d[0]["code"], "too-many-figures");
    assert!(d[0]["message"].as_str().unwrap().contains("1000000 个数字"));

    // 10^6 figures in short sentences of one paragraph: every sentence is read, and a slip in
    // the last one is still found.
    let mut text = "受理案件39347件，审结35773件，结案率90.9%。".repeat(333_333);
    text.push_str("受理案件39347件，审结35773件，结案率99.4%。\n");
    let out = run(
        &[
            "check",
            "--format",
            "json",
            &file("million2.txt", text.as_bytes()),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let d = &json(&out)["files"][0]["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d[0]["code"], "rate-mismatch");
    assert_eq!(d[0]["span"]["offset"], text.len() - "99.4%。\n".len());
}

/// Text with miette's line wrapping (and every other space) taken out.
fn unwrapped(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '│')
        .collect()
}

#[test]
fn unreadable_inputs_are_named_and_the_good_ones_still_checked() {
    let good = file(
        "good.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。\n".as_bytes(),
    );
    let mut odd = b"\xFF\xFE".to_vec();
    odd.extend("受理".encode_utf16().flat_map(u16::to_le_bytes));
    odd.push(0x35);
    let cases = [
        (file("nul.txt", b"abc\0def"), "NUL byte"),
        (
            file("latin1.txt", b"\xFF\xFF\xFF\x80\x80"),
            "not valid GB18030",
        ),
        (file("odd.txt", &odd), "odd number of bytes"),
        (
            std::env::temp_dir().to_string_lossy().to_string(),
            "is a directory",
        ),
        ("no-such-draft.txt".to_string(), "No such file"),
    ];
    for (path, reason) in &cases {
        let target = if reason.contains("directory") {
            // A directory given as a file is walked; `numbers` takes exactly one file.
            run(&["numbers", path], None)
        } else {
            run(&["check", "--format", "json", &good, path], None)
        };
        assert_eq!(target.status.code(), Some(2), "{path}");
        no_panic(&target);
        let err = String::from_utf8_lossy(&target.stderr);
        assert!(
            unwrapped(&err).contains(&unwrapped(reason)),
            "{path}: {err}"
        );
        if !reason.contains("directory") {
            assert!(unwrapped(&err).contains(&unwrapped(path)), "{path}: {err}");
            let j = json(&target);
            assert_eq!(
                j["files"][0]["diagnostics"][0]["code"], "rate-mismatch",
                "{path}"
            );
        }
    }
}

/// A file the user may not read: the run goes on and names it. Sessions and CI run as root,
/// which reads anything, so there the check runs as `nobody` through `setpriv`.
#[test]
fn a_file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = std::env::temp_dir().join(format!("hedui-perm-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    let good = dir.join("good.txt");
    let locked = dir.join("locked.txt");
    std::fs::write(&good, "全年受理案件39347件，审结35773件，结案率99.4%。\n").unwrap();
    std::fs::write(&locked, "受理案件1件。\n").unwrap();
    std::fs::set_permissions(&good, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let uid = Command::new("id").arg("-u").output().unwrap();
    let root = String::from_utf8_lossy(&uid.stdout).trim() == "0";
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]);
        c.arg(env!("CARGO_BIN_EXE_hedui"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_hedui"))
    };
    let out = cmd
        .args(["check", "--isolated", "--format", "json"])
        .arg(&good)
        .arg(&locked)
        .current_dir(&dir)
        .output()
        .expect("setpriv (util-linux) runs the check as an unprivileged user");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        unwrapped(&err).contains("locked.txt") && unwrapped(&err).contains("Permissiondenied"),
        "{err}"
    );
    let j = json(&out);
    assert_eq!(j["files"][0]["diagnostics"][0]["code"], "rate-mismatch");
    std::fs::remove_dir_all(&dir).unwrap();
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
    for command in [
        "check --output-format concise",
        "numbers",
        "numbers --format json",
    ] {
        closed_pipe(command);
    }
}

fn closed_pipe(command: &str) {
    let text = "全年受理案件39347件，审结35773件，结案率99.4%。\n".repeat(2000);
    let path = file("many.txt", text.as_bytes());
    let script = format!(
        "{} {command} --isolated {path} | head -1",
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

/// Found by `cargo fuzz run check`: `1111111年` read as the span of an annual rate took a
/// millionth root by a million multiplications per bisection step (16 s for 1.2 KB). Roots are
/// now taken by squaring and spans over 100 years are not annual rates; the check must end
/// well inside the deadline.
#[test]
fn an_absurd_span_of_years_does_not_hang() {
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fuzz/seeds/regressions/annual-rate-over-a-million-years.txt"
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--isolated", "--output-format", "concise", seed])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            // Findings or none: what matters is that it ends, without a panic (exit 101).
            assert!(matches!(status.code(), Some(0 | 1)), "{status:?}");
            return;
        }
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("hedui check did not finish in 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Every input that once crashed or hung a fuzz target is checked again, quickly and without a
/// panic (an undecodable one is refused, exit 2).
#[test]
fn fuzz_regression_seeds_run_clean() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/seeds/regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let out = run(
            &[
                "check",
                "--output-format",
                "concise",
                path.to_str().unwrap(),
            ],
            None,
        );
        no_panic(&out);
        assert!(
            matches!(out.status.code(), Some(0..=2)),
            "{}",
            path.display()
        );
        seen += 1;
    }
    assert!(seen >= 4, "the regression seeds are there");
    // Found by `cargo fuzz run check`: an ASCII comma before a respectively clause was taken
    // for a three-byte `，` and the clause before was cut inside a character.
    let text = "设施分为甲、乙、丙三类，,分别为63个、138个和304个。\n";
    let out = run(
        &[
            "check",
            "--output-format",
            "concise",
            &file("comma.txt", text.as_bytes()),
        ],
        None,
    );
    no_panic(&out);
    assert_eq!(out.status.code(), Some(0));
}

/// Found by `cargo fuzz run check`: a metric ending in a three-byte character and 年 made the
/// year-stripping of a label slice inside that character.
#[test]
fn label_of_a_metric_ending_in_a_wide_char_and_nian() {
    let text = std::str::from_utf8(include_bytes!(
        "../fuzz/seeds/regressions/label-year-slice.txt"
    ))
    .unwrap();
    let report = hedui::check_text(text, &hedui::Config::default());
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.labels.is_empty() || d.code != "sum-mismatch")
    );
}
