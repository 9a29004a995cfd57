//! A gate that cannot pass by accident, and its messages in the editor's language (issue #14
//! items 1-4 and 8), through the built binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// Runs hedui in `dir` with the locale given (`None`: no locale variable at all).
fn run_in(dir: &Path, lang: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hedui"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("HEDUI_FORCE_PANIC");
    if let Some(l) = lang {
        cmd.env("LANG", l);
    }
    cmd.output().expect("hedui runs")
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, None, args)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{}", stdout(out), stderr(out)))
}

/// A fresh directory with the given files.
fn dir(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let d = std::env::temp_dir().join(format!("hedui-gate-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for (f, bytes) in files {
        let p = d.join(f);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    d
}

/// Written for these tests: a rate that does not follow from its parts, and one that does.
const WRONG: &str = "全年受理案件41263件，审结37518件，结案率93.7%。\n";
const RIGHT: &str = "全年受理案件41263件，审结37518件，结案率90.9%。\n";

fn codes(j: &Value) -> Vec<(String, String)> {
    j["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            let path = f["path"].as_str().unwrap().to_string();
            f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |d| (path.clone(), d["code"].as_str().unwrap().to_string()))
        })
        .collect()
}

#[test]
fn a_rule_name_with_a_typo_is_a_usage_error_naming_the_closest_rule() {
    let d = dir("typo", &[("r.txt", WRONG.as_bytes())]);
    for flag in ["--select", "--ignore"] {
        let out = run(&d, &["check", "--isolated", flag, "rate-mismach", "r.txt"]);
        assert_eq!(out.status.code(), Some(2), "{flag}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains("rate-mismach") && err.contains("rate-mismatch") && err.contains(flag),
            "{flag}: {err}"
        );
        assert!(stdout(&out).is_empty(), "nothing was checked");
    }
    // In a list, after a good name; in English.
    let out = run_in(
        &d,
        Some("en_US.UTF-8"),
        &[
            "check",
            "--isolated",
            "--select",
            "rate,growht-mismatch",
            "r.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `growth-mismatch`"),
        "{}",
        stderr(&out)
    );
    // Ids and prefixes the selector syntax accepts keep working.
    for select in ["rate-mismatch", "rate", "prior", "growth-mismatch,rate"] {
        let out = run(&d, &["check", "--isolated", "--select", select, "r.txt"]);
        assert_ne!(out.status.code(), Some(2), "{select}: {}", stderr(&out));
    }
    let out = run(&d, &["check", "--isolated", "--select", "rate", "r.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = run(&d, &["check", "--isolated", "--ignore", "rate", "r.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_rule_name_with_a_typo_in_hedui_toml_is_a_usage_error() {
    for (toml, key) in [
        ("select = [\"rate-mismach\"]\n", "select"),
        ("ignore = [\"rate\", \"rate-mismach\"]\n", "ignore"),
        (
            "[per-file-ignores]\n\"old/**\" = [\"rate-mismach\"]\n",
            "per-file-ignores",
        ),
        ("[severity]\nrate-mismach = \"warning\"\n", "rate-mismach"),
        (
            "[rule-params.rate-mismach]\ntolerance = 0.1\n",
            "rate-mismach",
        ),
    ] {
        let d = dir(
            "typo-toml",
            &[("r.txt", WRONG.as_bytes()), ("hedui.toml", toml.as_bytes())],
        );
        let out = run(&d, &["check", "r.txt"]);
        assert_eq!(out.status.code(), Some(2), "{toml}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains("hedui.toml") && err.contains(key) && err.contains("`rate-mismatch`"),
            "{toml}: {err}"
        );
    }
    // A prefix in the file is fine.
    let d = dir(
        "prefix-toml",
        &[
            ("r.txt", WRONG.as_bytes()),
            (
                "hedui.toml",
                b"select = [\"rate\"]\n[per-file-ignores]\n\"old/**\" = [\"growth\"]\n",
            ),
        ],
    );
    let out = run(&d, &["check", "r.txt"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn nothing_to_check_is_an_error_unless_allowed() {
    let d = dir(
        "empty",
        &[
            ("drafts/notes.png", b"x"),
            ("other/a.txt", RIGHT.as_bytes()),
        ],
    );
    for args in [
        &["check", "--isolated", "drafts"][..],
        &["check", "--isolated", "--glob", "*.md", "other"],
        &["check", "--isolated", "--glob", "!*.txt", "other"],
    ] {
        let out = run(&d, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("没有要检查的文件") && stderr(&out).contains("--allow-no-files"),
            "{args:?}: {}",
            stderr(&out)
        );
        let mut allowed = args.to_vec();
        allowed.insert(1, "--allow-no-files");
        let out = run(&d, &allowed);
        assert_eq!(out.status.code(), Some(0), "{allowed:?}: {}", stderr(&out));
        assert!(stdout(&out).contains("已检查 0 个文件"), "{}", stdout(&out));
    }
    let out = run_in(&d, Some("en_US.UTF-8"), &["check", "--isolated", "drafts"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no files to check"),
        "{}",
        stderr(&out)
    );
    // A directory with drafts is checked as before.
    let out = run(&d, &["check", "--isolated", "other"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_unreadable_file_is_a_finding_in_every_format_and_the_summary() {
    let d = dir("unreadable", &[("a.txt", WRONG.as_bytes())]);
    let args = |format: &'static str| {
        vec![
            "check",
            "--isolated",
            "--format",
            format,
            "a.txt",
            "missing.txt",
        ]
    };
    let out = run(&d, &args("json"));
    assert_eq!(out.status.code(), Some(2));
    let j = json(&out);
    assert_eq!(
        codes(&j),
        [
            ("a.txt".into(), "rate-mismatch".into()),
            ("missing.txt".into(), "io-error".into())
        ]
    );
    assert_eq!(j["summary"]["files"], 2);
    assert_eq!(j["summary"]["errors"], 2);
    let d1 = &j["files"][1]["diagnostics"][0];
    assert_eq!(d1["severity"], "error");
    assert_eq!(d1["span"]["line"], 1);
    assert!(
        d1["message"].as_str().unwrap().contains("文件不存在"),
        "{d1}"
    );
    assert!(stderr(&out).contains("missing.txt"), "still on stderr too");

    let out = run(&d, &args("sarif"));
    assert_eq!(out.status.code(), Some(2));
    let s = json(&out);
    let results = s["runs"][0]["results"].as_array().unwrap();
    let io = results
        .iter()
        .find(|r| r["ruleId"] == "io-error")
        .expect("io-error result");
    assert_eq!(io["level"], "error");
    assert!(
        s["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "io-error"),
        "io-error is a listed rule"
    );

    let out = run(&d, &args("junit"));
    assert_eq!(out.status.code(), Some(2));
    let x = stdout(&out);
    assert!(x.contains("tests=\"2\" failures=\"2\""), "{x}");
    assert!(x.contains("missing.txt") && x.contains("io-error"), "{x}");

    let out = run(&d, &args("github"));
    assert_eq!(out.status.code(), Some(2));
    let g = stdout(&out);
    assert!(
        g.lines()
            .any(|l| l.starts_with("::error file=missing.txt,line=1")
                && l.contains("hedui io-error")),
        "{g}"
    );

    for format in ["json-lines", "rdjson", "concise"] {
        let out = run(&d, &args(format));
        assert_eq!(out.status.code(), Some(2), "{format}");
        assert!(
            stdout(&out).contains("io-error"),
            "{format}: {}",
            stdout(&out)
        );
    }

    let out = run(&d, &args("full"));
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("io-error") && text.contains("missing.txt"),
        "{text}"
    );
    assert!(
        text.contains("已检查 2 个文件：2 个错误（error）"),
        "the summary counts it: {text}"
    );
    // --exit-zero does not hide a file that was not checked.
    let out = run(
        &d,
        &["check", "--isolated", "--exit-zero", "a.txt", "missing.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    // `hedui explain` knows the code.
    let out = run(&d, &["explain", "io-error"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn legacy_office_pdf_and_big5_files_are_refused_with_what_to_do() {
    let mut ole2 = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole2.extend_from_slice(&[0u8; 504]);
    // Written for this test: a traditional-Chinese report sentence, in Big5 and in GB18030.
    let sentence = "本年度受理各類案件41263件，審結37518件，結案率93.7%，較上年提高1.6個百分點。\n";
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(sentence);
    assert!(!unmappable);
    let (gb, _, unmappable) = encoding_rs::GB18030.encode(sentence);
    assert!(!unmappable);
    let (gb_simplified, _, _) = encoding_rs::GB18030.encode(WRONG);
    let d = dir(
        "legacy",
        &[
            ("report.doc", &ole2),
            ("report.wps", &ole2),
            ("report.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n"),
            ("big5.txt", &big5),
            ("gb.txt", &gb_simplified),
            ("gb-traditional.txt", &gb),
        ],
    );
    let out = run(
        &d,
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "report.doc",
            "report.wps",
            "report.pdf",
            "big5.txt",
            "gb.txt",
            "gb-traditional.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let j = json(&out);
    let message = |k: usize| {
        let d = &j["files"][k]["diagnostics"][0];
        assert_eq!(d["code"], "decode-error", "{d}");
        d["message"].as_str().unwrap().to_string()
    };
    for k in 0..3 {
        let m = message(k);
        assert!(m.contains(".docx") && m.contains("文本"), "{m}");
        assert!(!m.contains("UTF-8"), "not an encoding problem: {m}");
    }
    assert!(message(0).contains(".doc/.wps/.xls"));
    assert!(message(2).contains("PDF"));
    let m = message(3);
    assert!(m.contains("Big5") && m.contains("UTF-8"), "{m}");
    // The GB18030 file is still read, and its wrong rate found.
    assert_eq!(j["files"][4]["path"], "gb.txt");
    assert_eq!(j["files"][4]["diagnostics"][0]["code"], "rate-mismatch");
    // Traditional characters written in GB18030 are GB18030 still, and read.
    assert_eq!(j["files"][5]["path"], "gb-traditional.txt");
    assert!(
        j["files"][5]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "decode-error"),
        "{}",
        j["files"][5]
    );
    assert_eq!(j["summary"]["errors"], 5);

    let out = run_in(
        &d,
        Some("en_US.UTF-8"),
        &["check", "--isolated", "report.doc", "big5.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("save it as .docx") && text.contains("looks like Big5"),
        "{text}"
    );
}

#[test]
fn a_panic_in_one_file_does_not_take_the_run_down() {
    let d = dir(
        "panic",
        &[
            ("a.txt", WRONG.as_bytes()),
            ("b.txt", RIGHT.as_bytes()),
            ("c.txt", WRONG.as_bytes()),
        ],
    );
    for threads in ["1", "3"] {
        for victim in ["a.txt", "b.txt", "c.txt"] {
            let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
                .args(["check", "--isolated", "--format", "json", "-j", threads])
                .args(["a.txt", "b.txt", "c.txt"])
                .current_dir(&d)
                .env("HEDUI_FORCE_PANIC", victim)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{victim} -j{threads}");
            let j = json(&out);
            let expected: Vec<(String, String)> =
                [("a.txt", "rate-mismatch"), ("c.txt", "rate-mismatch")]
                    .iter()
                    .chain(std::iter::once(&(victim, "internal-error")))
                    .filter(|(p, c)| *c == "internal-error" || *p != victim)
                    .map(|(p, c)| (p.to_string(), c.to_string()))
                    .collect();
            let mut got = codes(&j);
            got.sort();
            let mut expected = expected;
            expected.sort();
            assert_eq!(got, expected, "{victim} -j{threads}");
            assert_eq!(j["summary"]["files"], 3);
            let paths: Vec<&str> = j["files"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["path"].as_str().unwrap())
                .collect();
            assert_eq!(paths, ["a.txt", "b.txt", "c.txt"], "input order kept");
        }
    }
}

#[test]
fn messages_are_chinese_unless_the_locale_or_lang_asks_for_english() {
    let d = dir("lang", &[("r.txt", WRONG.as_bytes())]);
    for (lang, flag, chinese) in [
        (None, None, true),
        (Some("C.UTF-8"), None, true),
        (Some("zh_CN.UTF-8"), None, true),
        (Some("en_US.UTF-8"), None, false),
        (Some("en_US.UTF-8"), Some("zh"), true),
        (None, Some("en"), false),
    ] {
        let mut args = vec!["check", "--isolated", "r.txt"];
        if let Some(f) = flag {
            args.extend(["--lang", f]);
        }
        let out = run_in(&d, lang, &args);
        assert_eq!(out.status.code(), Some(1));
        let text = stdout(&out);
        let summary = text.lines().last().unwrap();
        assert_eq!(
            summary.contains("已检查 1 个文件"),
            chinese,
            "{lang:?} {flag:?}: {summary}"
        );
        assert_eq!(
            summary.contains("Checked 1 files"),
            !chinese,
            "{lang:?} {flag:?}: {summary}"
        );
        // The rule's own message stays Chinese either way.
        assert!(text.contains("结案率"), "{text}");
    }
    // LC_ALL wins over LANG, LC_MESSAGES over LANG.
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--isolated", "r.txt"])
        .current_dir(&d)
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("已检查"));
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--isolated", "r.txt"])
        .current_dir(&d)
        .env_remove("LC_ALL")
        .env("LANG", "zh_CN.UTF-8")
        .env("LC_MESSAGES", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Checked 1 files"));
    // Usage errors of the command line itself.
    let out = run(&d, &["check", "--output-format", "yaml", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("无效") && stderr(&out).contains("用法："),
        "{}",
        stderr(&out)
    );
    let out = run(&d, &["chek", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("是否想用 `check`"),
        "{}",
        stderr(&out)
    );
    let out = run_in(&d, Some("en_US.UTF-8"), &["chek", "r.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unrecognized subcommand"),
        "{}",
        stderr(&out)
    );
    // I/O errors.
    let out = run(&d, &["numbers", "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("无法读取：文件不存在"),
        "{}",
        stderr(&out)
    );
    let out = run_in(&d, Some("en_US.UTF-8"), &["numbers", "missing.txt"]);
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
}

/// Figures of last year's report that a finding rests on are headed as what they are, so an
/// editor does not count them as findings.
#[test]
fn related_figures_are_headed_as_not_findings() {
    let prior = "一、2021年工作回顾\n全年粮食产量6.69亿吨，比上年增长2.0%。\n";
    let current = "一、2022年工作回顾\n全年粮食产量6.87亿吨，比上年增长5.8%。\n";
    let d = dir(
        "related",
        &[
            ("report-2022.txt", prior.as_bytes()),
            ("report-2023.txt", current.as_bytes()),
        ],
    );
    let args = [
        "check",
        "--isolated",
        "--prior",
        "report-2022.txt",
        "report-2023.txt",
    ];
    let out = run(&d, &args);
    let text = stdout(&out);
    assert!(!text.contains("Advice:"), "{text}");
    assert_eq!(text.matches("相关数字（非问题）").count(), 1, "{text}");
    assert!(text.contains("1 个警告"), "{text}");
    let mut narrated = args.to_vec();
    narrated.insert(2, "--screen-reader");
    let text = stdout(&run(&d, &narrated));
    assert!(
        !text.contains("Advice:") && text.contains("相关数字（非问题）"),
        "{text}"
    );
    let text = stdout(&run_in(&d, Some("en_US.UTF-8"), &args));
    assert!(text.contains("Related figure (not a finding)"), "{text}");
}

/// `--help` of every command, in both languages, as a user sees it.
#[test]
fn help_of_every_command_in_both_languages() {
    let d = std::env::temp_dir();
    for (lang, locale) in [("zh", None), ("en", Some("en_US.UTF-8"))] {
        for command in [
            "", "check", "numbers", "claims", "rules", "explain", "init", "strip", "serve",
        ] {
            let mut args: Vec<&str> = command.split_whitespace().collect();
            args.push("--help");
            let out = run_in(&d, locale, &args);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let text = stdout(&out);
            let name = if command.is_empty() { "hedui" } else { command };
            // Headings end with the language's own colon: `选项：` in Chinese, `Options:` in
            // English; never clap's ASCII colon after Chinese words.
            let headings: Vec<&str> = text
                .lines()
                .filter(|l| !l.starts_with(' ') && (l.ends_with(':') || l.ends_with('：')))
                .collect();
            assert!(!headings.is_empty(), "{args:?}: {text}");
            for h in headings {
                let colon = if lang == "zh" { '：' } else { ':' };
                assert!(h.ends_with(colon), "{lang} {args:?}: heading `{h}`");
            }
            if lang == "zh" {
                assert!(text.contains("\n选项：\n"), "{args:?}: {text}");
                assert!(text.contains("\n用法："), "{args:?}: {text}");
            }
            insta::assert_snapshot!(format!("help_{lang}_{name}"), text);
        }
    }
    let zh = stdout(&run(&d, &["check", "--help"]));
    assert!(zh.contains("用法：") && zh.contains("选项") && !zh.contains("Options"));
    // `help check` and `-h` say the same.
    assert_eq!(stdout(&run(&d, &["help", "check"])), zh);
    assert_eq!(stdout(&run(&d, &["check", "-h"])), zh);
    let en = stdout(&run(&d, &["--lang", "en", "check", "--help"]));
    assert_eq!(
        en,
        stdout(&run_in(&d, Some("en_US.UTF-8"), &["check", "--help"]))
    );
    // `help --help` is the help, and a usage error after `help` points at a command that works.
    let help = run(&d, &["help", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert_eq!(stdout(&help), stdout(&run(&d, &["--help"])));
    let wrong = run(&d, &["help", "nosuch"]);
    assert_eq!(wrong.status.code(), Some(2));
    let said = String::from_utf8_lossy(&wrong.stderr).to_string();
    assert!(said.contains("`hedui --help`"), "{said}");
}
