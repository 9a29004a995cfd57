//! `hedui numbers` end to end: the built binary on real and hostile input.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn hedui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("hedui runs")
}

fn hedui_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("hedui starts");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hedui-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const SEED: &str = "fixtures/real/spc-2021-part1.txt";

fn seed_json() -> Value {
    let out = hedui(&["numbers", "--format", "json", SEED]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn find<'a>(json: &'a Value, text: &str) -> Vec<&'a Value> {
    json["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["text"] == text)
        .collect()
}

/// The figures named in issue #2's "done when", checked one by one on the seed report.
#[test]
fn seed_report_figures() {
    let json = seed_json();
    assert_eq!(json["version"], 1);
    assert_eq!(json["path"], SEED);
    let raw = std::fs::read(SEED).unwrap();

    let q = find(&json, "39347件")[0];
    assert_eq!(
        (
            q["value"].as_str(),
            q["lower"].as_str(),
            q["upper"].as_str()
        ),
        (Some("39347"), Some("39347"), Some("39347"))
    );

    let q = find(&json, "3080.5万件")[0];
    assert_eq!(q["value"], "30805000");
    assert_eq!(
        (q["lower"].as_str(), q["upper"].as_str()),
        (Some("30804500"), Some("30805500"))
    );
    assert_eq!(
        (q["kind"].as_str(), q["unit"].as_str()),
        (Some("count"), Some("件"))
    );

    let q = find(&json, "424万件")[0];
    let (off, len) = (
        q["span"]["offset"].as_u64().unwrap() as usize,
        q["span"]["length"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        std::str::from_utf8(&raw[off..off + len]).unwrap(),
        "424\n\n万件",
        "span covers the line break"
    );

    let q = find(&json, "2.6万人")[0];
    assert_eq!(q["value"], "26000");
    let q = find(&json, "1.9万亿元")[0];
    assert_eq!(
        (q["value"].as_str(), q["unit"].as_str(), q["kind"].as_str()),
        (Some("1900000000000"), Some("元"), Some("amount"))
    );
    let q = find(&json, "99.4%")[0];
    assert_eq!(
        (
            q["value"].as_str(),
            q["lower"].as_str(),
            q["upper"].as_str(),
            q["kind"].as_str()
        ),
        (Some("99.4"), Some("99.35"), Some("99.45"), Some("percent"))
    );
    let q = find(&json, "2/3")[0];
    assert_eq!(q["kind"], "fraction");
    let q = find(&json, "1万多个")[0];
    assert_eq!(
        (
            q["approx"].as_str(),
            q["lower"].as_str(),
            q["upper"].as_str()
        ),
        (Some("多"), Some("10000"), Some("20000"))
    );
    assert_eq!(find(&json, "17.5%").len(), 1);
    assert_eq!(find(&json, "24.9%").len(), 1);

    // Every span points at the bytes it names, line breaks aside.
    for q in json["quantities"].as_array().unwrap() {
        let (off, len) = (
            q["span"]["offset"].as_u64().unwrap() as usize,
            q["span"]["length"].as_u64().unwrap() as usize,
        );
        let original: String = std::str::from_utf8(&raw[off..off + len])
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        assert_eq!(original, q["text"].as_str().unwrap(), "span of {q}");
    }
}

#[test]
fn seed_report_non_quantities() {
    let json = seed_json();
    let raw = String::from_utf8(std::fs::read(SEED).unwrap()).unwrap();
    let texts: Vec<&str> = json["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    for absent in ["2020", "2018", "12368", "1", "五", "十九", "五中全会"] {
        assert!(!texts.contains(&absent), "{absent} must not be a quantity");
    }
    // `2019年“1号文件”` and `下转第五版`: no span starts inside them.
    for phrase in ["2019年“1", "下转第五版", "十九届二中、三中、四中、"] {
        let at = raw
            .find(phrase)
            .unwrap_or_else(|| panic!("{phrase} in the seed"));
        let end = at + phrase.len();
        for q in json["quantities"].as_array().unwrap() {
            let off = q["span"]["offset"].as_u64().unwrap() as usize;
            assert!(
                !(at..end).contains(&off),
                "{} at {off} inside {phrase}",
                q["text"]
            );
        }
    }
}

#[test]
fn table_snapshot_of_the_seed_report() {
    let out = hedui(&["numbers", SEED]);
    assert!(out.status.success());
    insta::assert_snapshot!(
        "numbers_table_spc_2021_part1",
        String::from_utf8(out.stdout).unwrap()
    );
}

#[test]
fn json_snapshot_of_a_small_draft() {
    let path = temp_file("small.txt", "　　全年受理案件39347\n\n件，审结35773件，结案率99.4%，\n\n约占全国的三分之一，4万余件。\n".as_bytes());
    let out = hedui(&["numbers", "--format", "json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let mut json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["path"] = "small.txt".into();
    insta::assert_json_snapshot!("numbers_json_small", json);
}

#[test]
fn stdin_and_encodings_give_the_same_quantities() {
    let text = "受理案件3080.5万件，结案率99.4%。";
    let utf8 = hedui_stdin(&["numbers", "--format", "json", "-"], text.as_bytes());
    let (gb, _, _) = encoding_rs::GB18030.encode(text);
    let gb = hedui_stdin(&["numbers", "--format", "json", "-"], &gb);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16 = hedui_stdin(&["numbers", "--format", "json", "-"], &utf16);
    let values = |o: &Output| -> Vec<(String, u64, u64)> {
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let j: Value = serde_json::from_slice(&o.stdout).unwrap();
        j["quantities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| {
                (
                    q["value"].as_str().unwrap().to_string(),
                    q["span"]["offset"].as_u64().unwrap(),
                    q["span"]["length"].as_u64().unwrap(),
                )
            })
            .collect()
    };
    let (u, g, w) = (values(&utf8), values(&gb), values(&utf16));
    assert_eq!(
        u.iter().map(|v| &v.0).collect::<Vec<_>>(),
        ["30805000", "99.4"]
    );
    assert_eq!(
        g.iter().map(|v| &v.0).collect::<Vec<_>>(),
        ["30805000", "99.4"]
    );
    // Offsets are bytes of each original file: 受理案件 is 12 bytes in UTF-8, 8 in GB18030,
    // 2 (BOM) + 8 in UTF-16.
    assert_eq!((u[0].1, g[0].1, w[0].1), (12, 8, 10));
    assert_eq!((u[0].2, g[0].2, w[0].2), (12, 10, 16));
}

#[test]
fn refusals_name_the_file_and_exit_2() {
    let binary = temp_file("binary.bin", b"\x00\x01\x02hello");
    let out = hedui(&["numbers", binary.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("binary.bin") && err.contains("NUL"), "{err}");

    let bad = temp_file("bad.txt", b"\xFF\xFF\xFF\x80\x80");
    let out = hedui(&["numbers", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不是有效的 GB18030"));

    let out = hedui(&["numbers", "does-not-exist.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does-not-exist.txt"));

    let out = hedui(&["numbers", "fixtures"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("这是一个目录"));

    let out = hedui(&["numbers"]);
    assert_eq!(out.status.code(), Some(2), "usage error");
}

#[test]
fn user_lexicon_directory() {
    let dir = std::env::temp_dir().join(format!("hedui-cli-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("lexicon.toml"),
        "[units]\ncount = [\"把\"]\n[names]\nfixed = [\"12把\"]\n",
    )
    .unwrap();
    let draft = temp_file("lex.txt", "收缴枪支35把，另有12把。".as_bytes());
    let out = hedui(&[
        "numbers",
        "--format",
        "json",
        "--rules",
        dir.to_str().unwrap(),
        draft.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = j["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["35把"]);
}
