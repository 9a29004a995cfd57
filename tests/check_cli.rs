//! `hedui check`, `rules` and `explain` end to end, through the built binary.

use std::process::{Command, Output};

use serde_json::Value;

fn hedui(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("hedui runs")
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("hedui-check-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().to_string()
}

const SEED: &str = "fixtures/real/spc-2021-part1.txt";

#[test]
fn the_seed_report_is_clean() {
    let out = hedui(&["check", "--format", "json", SEED]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["summary"]["errors"], 0);
    assert_eq!(j["summary"]["warnings"], 0);
}

/// Issue #3: `424万件` changed to `464万件` fires on `191%` with labels on both figures.
#[test]
fn a_changed_figure_in_the_seed_report_fires() {
    let original = std::fs::read_to_string(SEED).unwrap();
    assert!(original.contains("424\n\n万件"));
    let mutated = original.replace("424\n\n万件", "464\n\n万件");
    let path = temp("spc-464.txt", &mutated);
    let out = hedui(&["check", "--format", "json", &path]);
    assert_eq!(out.status.code(), Some(1));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diags = j["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:?}");
    let d = &diags[0];
    assert_eq!(d["code"], "growth-mismatch");
    assert_eq!(d["severity"], "error");
    let at = |span: &Value| {
        let o = span["offset"].as_u64().unwrap() as usize;
        let l = span["length"].as_u64().unwrap() as usize;
        mutated.as_bytes()[o..o + l].to_vec()
    };
    assert_eq!(at(&d["span"]), "191%".as_bytes());
    let labelled: Vec<String> = d["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| String::from_utf8(at(&l["span"])).unwrap())
        .collect();
    assert!(labelled.contains(&"145.5万件".to_string()), "{labelled:?}");
    assert!(
        labelled.contains(&"464\n\n万件".to_string()),
        "{labelled:?}"
    );
    assert!(d["help"].as_str().unwrap().contains("190.5%–191.5%"));
}

#[test]
fn exit_codes_and_human_output() {
    let clean = temp(
        "clean.txt",
        "全年受理案件36000件，审结35773件，结案率99.4%。\n",
    );
    let bad = temp(
        "bad.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    );
    assert_eq!(hedui(&["check", &clean]).status.code(), Some(0));
    let out = hedui(&["check", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("rate-mismatch") && text.contains("35773件 ÷ 39347件 = 90.92%"),
        "{text}"
    );
    assert!(text.contains("1 个错误"), "{text}");
    // A missing file among good ones: the good ones are still checked, exit 2.
    let out = hedui(&["check", "--format", "json", &bad, "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The missing file is a finding of its own (`io-error`), counted in the summary.
    assert_eq!(j["summary"]["files"], 2);
    assert_eq!(j["summary"]["errors"], 2);
    assert_eq!(j["files"][1]["diagnostics"][0]["code"], "io-error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
    // --output-format is the same flag.
    assert_eq!(
        hedui(&["check", "--output-format", "json", &clean])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn rules_and_explain() {
    let out = hedui(&["rules"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for id in [
        "rate-mismatch",
        "growth-mismatch",
        "list-arity",
        "impossible-percent",
        "sum-mismatch",
    ] {
        assert!(text.contains(id), "{id} in {text}");
    }
    let out = hedui(&["explain", "rate-mismatch"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("会报告") && text.contains("结案率99.4%"),
        "{text}"
    );
    // The table its text refers to (`比率名称在下表中`) is printed.
    assert!(
        text.contains("比率定义") && text.contains("结案率 = 审结、结案"),
        "{text}"
    );
    let out = hedui(&["explain", "sum-mismatch"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("第一产业、第二产业、第三产业"), "{text}");
    let out = hedui(&["explain", "no-such-rule"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("rate-mismatch"));
}

/// No rule text cites a document users do not have (`RULEBOOK R6`, a DESIGN section).
#[test]
fn explain_cites_no_document_users_lack() {
    let out = hedui(&["rules", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<String> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.len() > 20);
    for id in ids {
        let out = hedui(&["explain", &id]);
        assert!(out.status.success(), "{id}");
        let text = String::from_utf8(out.stdout).unwrap();
        for cited in ["RULEBOOK", "DESIGN", "STYLE.md", "R6", "§"] {
            assert!(!text.contains(cited), "{id} cites {cited}:\n{text}");
        }
    }
}

#[test]
fn claims_lists_what_rules_read() {
    let path = temp(
        "claims.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    );
    let out = hedui(&["claims", "--format", "json", &path]);
    assert!(out.status.success());
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rate = j["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["claim"] == "rate")
        .expect("a rate claim");
    assert_eq!(rate["rate"]["text"], "99.4%");
    assert_eq!(rate["numerator"]["text"], "35773件");
    assert_eq!(rate["denominator"]["text"], "39347件");
}

/// A communiqué paragraph with each shape `claims --tree` shows: a 其中 sentence of `；`
/// clauses, a bracketed part (`（含…）`), `、` items inside a bracket and a 分别 list.
const TREE_FIXTURE: &str = "　　全年全县地区生产总值2846.37亿元，比上年增长5.2%。其中，第一产业增加值213.58亿元，增长3.6%；第二产业增加值1120.44亿元，增长4.8%；第三产业增加值1512.35亿元，增长5.9%。
　　年末全县常住人口186.42万人（含城镇常住人口121.09万人），比上年末增加0.73万人。全县各级各类学校合计312所（其中小学168所、初中96所、高中48所）。全年城镇、农村居民人均可支配收入分别为48215元、25630元，比上年分别增长4.6%、6.8%。
";

/// Issue: "`hedui claims` shows the tree and each claim's evidence."
#[test]
fn claims_tree_shows_each_sentence_and_its_claims() {
    let path = temp("tree.txt", TREE_FIXTURE);
    let out = hedui(&["claims", "--tree", &path]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout)
        .unwrap()
        .replace(&path, "tree.txt");
    insta::assert_snapshot!("claims_tree_table", table);

    let out = hedui(&["claims", "--tree", "--format", "json", &path]);
    assert!(out.status.success());
    // The text as printed, so that the order of fields is pinned too.
    let printed = String::from_utf8(out.stdout)
        .unwrap()
        .replace(&path, "tree.txt");
    insta::assert_snapshot!("claims_tree_json", printed);
    // `--tree` only adds: the rest of the document is that of plain `claims`.
    let mut json: Value = serde_json::from_str(&printed).unwrap();
    json.as_object_mut().unwrap().remove("sentences");
    let plain = hedui(&["claims", "--format", "json", &path]);
    let plain = String::from_utf8(plain.stdout)
        .unwrap()
        .replace(&path, "tree.txt");
    assert_eq!(json, serde_json::from_str::<Value>(&plain).unwrap());
}

#[test]
fn exit_code_options() {
    // One warning (a rate no whole numerator gives over the count stated) and no error.
    let warn = temp("warn.txt", "全年共审结案件37件，调解结案率43.7%。\n");
    let out = hedui(&["check", "--format", "json", &warn]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            j["summary"]["errors"].as_u64(),
            j["summary"]["warnings"].as_u64()
        ),
        (Some(0), Some(1)),
        "{j}"
    );
    assert_eq!(out.status.code(), Some(0), "warnings alone do not fail");
    assert_eq!(
        hedui(&["check", "--deny-warnings", &warn]).status.code(),
        Some(1)
    );
    assert_eq!(
        hedui(&["check", "--max-warnings", "0", &warn])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        hedui(&["check", "--max-warnings", "1", &warn])
            .status
            .code(),
        Some(0)
    );
    let bad = temp(
        "bad2.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    );
    assert_eq!(
        hedui(&["check", "--exit-zero", &bad]).status.code(),
        Some(0)
    );
    assert_eq!(
        hedui(&["check", "--exit-zero", &bad, "missing.txt"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn output_file_and_statistics() {
    let bad = temp(
        "bad3.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    );
    let out_path = temp("out.sarif", "");
    let out = hedui(&[
        "check",
        "--output-format",
        "sarif",
        "--output-file",
        &out_path,
        &bad,
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    // The CI log still shows the result.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("已检查 1 个文件") && err.contains("1 个错误"),
        "{err}"
    );
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "rate-mismatch");
    // An absolute path is a file URI, percent-encoded.
    let uri = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"]
        .as_str()
        .unwrap();
    assert!(
        uri.starts_with("file:///") && uri.ends_with("/bad3.txt"),
        "{uri}"
    );
    let out = hedui(&["check", "--statistics", "--output-format", "concise", &bad]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("    1  rate-mismatch"), "{text}");
    // Machine formats carry no footer.
    let out = hedui(&["check", "--statistics", "--output-format", "github", &bad]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
}

#[test]
fn directories_globs_and_stdin_name() {
    let root = std::env::temp_dir().join(format!("hedui-dir-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("drafts/old")).unwrap();
    std::fs::write(
        root.join("drafts/a.txt"),
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    std::fs::write(
        root.join("drafts/b.md"),
        "全年受理案件36000件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    std::fs::write(
        root.join("drafts/old/c.txt"),
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    std::fs::write(
        root.join("drafts/notes.log"),
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    std::fs::write(root.join("drafts/.gitignore"), "old/\n").unwrap();
    let dir = root.join("drafts");
    let out = hedui(&["check", "--format", "json", dir.to_str().unwrap()]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let paths: Vec<String> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths.len(),
        2,
        "{paths:?}: .gitignore and non-draft extensions are skipped"
    );
    assert!(
        paths[0].ends_with("a.txt") && paths[1].ends_with("b.md"),
        "sorted: {paths:?}"
    );
    assert_eq!(out.status.code(), Some(1));
    let out = hedui(&[
        "check",
        "--format",
        "json",
        "--glob",
        "*.md",
        dir.to_str().unwrap(),
    ]);
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["summary"]["files"], 1);
    assert_eq!(out.status.code(), Some(0));

    let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "报告.txt",
            "-",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("全年受理案件39347件，审结35773件，结案率99.4%。\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .starts_with("报告.txt:1:26: error[rate-mismatch]")
    );
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_gb18030_draft_is_checked_with_byte_offsets_of_the_file() {
    let text = "全年受理案件39347件，审结35773件，结案率99.4%。\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let dir = std::env::temp_dir().join(format!("hedui-gb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("gb.txt");
    std::fs::write(&path, &bytes).unwrap();
    let out = hedui(&["check", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &j["files"][0]["diagnostics"][0];
    assert_eq!(d["code"], "rate-mismatch");
    let (o, l) = (
        d["span"]["offset"].as_u64().unwrap() as usize,
        d["span"]["length"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &bytes[o..o + l],
        b"99.4%",
        "offsets are bytes of the GB18030 file"
    );
    assert_eq!(d["span"]["column"], 26, "columns are characters");
}

/// Every output format through the binary: the exit code does not depend on the format, and
/// each output is what its consumers parse.
#[test]
fn every_format_end_to_end() {
    let bad = temp(
        "formats.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    );
    for format in [
        "full",
        "human",
        "concise",
        "json",
        "json-lines",
        "github",
        "sarif",
        "rdjson",
        "junit",
    ] {
        let out = hedui(&["check", "--output-format", format, &bad]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        match format {
            "json" | "sarif" | "rdjson" => {
                serde_json::from_str::<Value>(&text).unwrap_or_else(|e| panic!("{format}: {e}"));
            }
            "json-lines" => {
                assert_eq!(text.lines().count(), 1);
                serde_json::from_str::<Value>(text.lines().next().unwrap()).unwrap();
            }
            "junit" => assert!(
                text.starts_with("<?xml") && text.contains("<failure"),
                "{text}"
            ),
            "github" => assert!(text.starts_with("::error file="), "{text}"),
            "concise" => assert!(text.contains(":1:26: error[rate-mismatch]"), "{text}"),
            _ => assert!(
                text.contains("rate-mismatch") && text.contains("╭─"),
                "{text}"
            ),
        }
    }
}

/// Each claim names the words of the text that bind its figures: the 其中 of a part, the whole a
/// share names.
#[test]
fn claims_name_the_words_that_bind_their_figures() {
    let path = temp(
        "evidence.txt",
        "全市货物进出口总额820.4亿元，其中出口500.2亿元，进口320.2亿元。\
         民营企业进出口410.2亿元，占全市进出口总额的50.0%。\n",
    );
    let out = hedui(&["claims", "--format", "json", &path]);
    assert!(out.status.success());
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = json["claims"].as_array().unwrap();
    let of = |kind: &str| {
        claims
            .iter()
            .find(|c| c["claim"] == kind)
            .unwrap_or_else(|| panic!("no {kind} claim in {json}"))["evidence"]
            .clone()
    };
    assert_eq!(of("parts"), serde_json::json!(["其中"]));
    assert_eq!(of("share"), serde_json::json!(["占全市进出口总额的"]));
}

/// SARIF paths are URI references relative to `%SRCROOT%`, percent-encoded.
#[test]
fn sarif_uris_are_relative_and_encoded() {
    let dir = std::env::temp_dir().join(format!("hedui-sarif-uri-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("初稿")).unwrap();
    std::fs::write(
        dir.join("初稿/工作报告 2024.txt"),
        "全年受理案件39347件，审结35773件，结案率99.4%。\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--isolated", "--output-format", "sarif", "./初稿/"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let artifact =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(
        artifact["uri"],
        "%E5%88%9D%E7%A8%BF/%E5%B7%A5%E4%BD%9C%E6%8A%A5%E5%91%8A%202024.txt"
    );
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");
}

/// `--screen-reader` gives the same lines and character columns as the JSON output.
#[test]
fn screen_reader_columns_are_characters() {
    let bad = temp(
        "narrated.txt",
        "前言。\n全年受理案件39347件，审结35773件，结案率99.4%。\n",
    );
    let narrated = String::from_utf8(hedui(&["check", "--screen-reader", &bad]).stdout).unwrap();
    let json: Value =
        serde_json::from_slice(&hedui(&["check", "--format", "json", &bad]).stdout).unwrap();
    let d = &json["files"][0]["diagnostics"][0];
    let spans = std::iter::once(&d["span"])
        .chain(d["labels"].as_array().unwrap().iter().map(|l| &l["span"]));
    let mut n = 0;
    for s in spans {
        let at = format!(
            "第 {} 行第 {}–{} 列",
            s["line"],
            s["column"],
            s["end_column"].as_u64().unwrap() - 1
        );
        assert!(narrated.contains(&at), "{at} not in\n{narrated}");
        n += 1;
    }
    assert_eq!(n, 3);
    assert!(
        narrated.contains("第 2 行第 7–12 列：“39347件”"),
        "{narrated}"
    );
}
