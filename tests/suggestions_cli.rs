//! Every finding proposes the value that would make it hold (#14 item 13), through the binary:
//! the suggestion of `multiple`, `composition` and the `%`/个百分点 readings of `points`, and the
//! alternative (the input a stated rate, share, growth or total rests on, or the other wording
//! of a change) in every output format, in Chinese and with `--lang en`.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

/// One finding a paragraph, each of a kind this test is about.
const DRAFT: &str = "\
全县快递业务量达到8.47亿件，是2019年2.36亿件的4.2倍。

在全区规模以上服务业企业4.73万名从业人员中，专业技术人员占31.6%，经营管理人员占18.2%，其他人员占46.9%。

全市一审服判息诉率由87.3%提高到89.6%，提高2.3%。

全省森林覆盖率由58.6%提高到61.3%，提高4.6个百分点。

全年共受理各类案件48215件，审结45632件，结案率为96.1%。

全市社会消费品零售总额1863.4亿元，比上年的1712.8亿元增长6.3%。

全年完成外贸出口826.5亿元，占全市进出口总额1451.7亿元的59.3%。

全县共有中小学校137所，其中小学82所，初级中学39所，其他学校19所。

全市城镇登记失业率由3.82%下降到3.41%，下降2.6%。
";

/// Per finding, in the order of the text: its line, rule, the suggested value with its text,
/// and the alternative's value and text (empty where there is none) and the figure it changes.
const EXPECTED: &[(u64, &str, &str, &str, &str, &str, &str)] = &[
    (1, "multiple-mismatch", "3.6倍", "应为 3.6倍", "", "", ""),
    (3, "composition-mismatch", "50.2%", "应为 50.2%", "", "", ""),
    (
        5,
        "points-mismatch",
        "2.3个百分点",
        "应为 2.3个百分点",
        "2.6%",
        "若指相对变化，应为 2.6%",
        "2.3%",
    ),
    (
        7,
        "points-mismatch",
        "2.7个百分点",
        "应为 2.7个百分点",
        "4.6%",
        "若指相对变化，应为 4.6%",
        "4.6个百分点",
    ),
    (
        9,
        "rate-mismatch",
        "94.6%",
        "应为 94.6%",
        "46335件",
        "若结案率为 96.1%，审结应约为 46335件",
        "45632件",
    ),
    (
        11,
        "growth-mismatch",
        "8.8%",
        "应为 8.8%",
        "1820.7亿元",
        "若增长 6.3%，全市社会消费品零售总额应约为 1820.7亿元",
        "1863.4亿元",
    ),
    (
        13,
        "share-mismatch",
        "56.9%",
        "应为 56.9%",
        "860.9亿元",
        "若占比为 59.3%，全年完成外贸出口应约为 860.9亿元",
        "826.5亿元",
    ),
    (
        15,
        "sum-mismatch",
        "140所",
        "应为 140所",
        "16所",
        "若合计为 137所，其他学校应为 16所",
        "19所",
    ),
    (
        17,
        "points-mismatch",
        "10.7%",
        "应为 10.7%",
        "0.4个百分点",
        "若指两个比率之差，应为 0.4个百分点",
        "2.6%",
    ),
];

/// A draft in a directory of its own: the tests run in parallel, and one writing a file another
/// is checking would hand it a truncated text.
fn draft(name: &str, text: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("hedui-suggestions-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn check(path: &PathBuf, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--isolated", "--color", "never"])
        .args(args)
        .arg(path)
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The bytes of the draft a JSON span covers.
fn at(text: &str, span: &Value) -> String {
    let o = span["offset"].as_u64().unwrap() as usize;
    let l = span["length"].as_u64().unwrap() as usize;
    text[o..o + l].to_string()
}

#[test]
fn json_carries_each_suggestion_and_alternative_with_its_span() {
    let path = draft("kinds.txt", DRAFT);
    let j: Value = serde_json::from_str(&check(&path, &["--format", "json"])).unwrap();
    let diags = j["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), EXPECTED.len(), "{diags:#?}");
    for (d, (line, code, value, text, alt_value, alt_text, alt_figure)) in
        diags.iter().zip(EXPECTED)
    {
        assert_eq!(d["span"]["line"], *line, "{d:#}");
        assert_eq!(d["code"], *code, "{d:#}");
        let s = &d["suggestion"];
        assert_eq!(s["value"], *value, "{d:#}");
        assert_eq!(s["text"], *text, "{d:#}");
        // The suggestion replaces the stated figure, the one the message is about.
        assert_eq!(s["span"], d["span"], "{d:#}");
        let alt = &s["alternative"];
        if alt_value.is_empty() {
            assert!(alt.is_null(), "{d:#}");
            continue;
        }
        assert_eq!(alt["value"], *alt_value, "{d:#}");
        assert_eq!(alt["text"], *alt_text, "{d:#}");
        assert_eq!(at(DRAFT, &alt["span"]), *alt_figure, "{d:#}");
    }
    // The documented fields are as they were: the alternative is a new field inside.
    let mut keys: Vec<&String> = diags[4]["suggestion"].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["alternative", "span", "text", "value"]);
}

#[test]
fn human_github_junit_and_narrated_show_them_on_lines_of_the_help() {
    let path = draft("kinds.txt", DRAFT);
    let full = check(&path, &[]);
    let narrated = check(&path, &["--screen-reader"]);
    let github = check(&path, &["--format", "github"]);
    let junit = check(&path, &["--format", "junit"]);
    for (_, code, _, text, _, alt_text, _) in EXPECTED {
        // The help's lines, one each, in the graphical report and in sentences.
        for (name, out) in [("full", &full), ("narrated", &narrated)] {
            let lines: Vec<&str> = out.lines().map(str::trim).collect();
            let help = |t: &str| {
                lines.iter().any(|l| {
                    *l == t || l.ends_with(&format!("：{t}")) || l.ends_with(&format!(": {t}"))
                })
            };
            assert!(help(text), "{name} {code}: {text}\n{out}");
            assert!(
                alt_text.is_empty() || help(alt_text),
                "{name} {code}: {alt_text}\n{out}"
            );
        }
        // GitHub annotations escape `%`; JUnit carries the help as it is.
        let escaped = |t: &str| t.replace('%', "%25");
        assert!(github.contains(&escaped(text)), "{code}: {github}");
        assert!(github.contains(&escaped(alt_text)), "{code}: {github}");
        assert!(
            junit.contains(text) && junit.contains(alt_text),
            "{code}: {junit}"
        );
    }
    // The alternative comes right after the suggestion.
    assert!(
        full.contains("应为 94.6%\n        若结案率为 96.1%，审结应约为 46335件\n"),
        "{full}"
    );
}

#[test]
fn sarif_and_rdjson_have_a_second_fix_for_the_alternative() {
    let path = draft("kinds.txt", DRAFT);
    let sarif: Value = serde_json::from_str(&check(&path, &["--format", "sarif"])).unwrap();
    let rdjson: Value = serde_json::from_str(&check(&path, &["--format", "rdjson"])).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let diagnostics = rdjson["diagnostics"].as_array().unwrap();
    assert_eq!(results.len(), EXPECTED.len());
    for (i, (line, code, value, text, alt_value, alt_text, alt_figure)) in
        EXPECTED.iter().enumerate()
    {
        let r = &results[i];
        assert_eq!(r["ruleId"], *code);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            *line
        );
        let fixes = r["fixes"].as_array().unwrap();
        let inserted = |k: usize| {
            fixes[k]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"].clone()
        };
        let deleted = |k: usize| {
            let region = &fixes[k]["artifactChanges"][0]["replacements"][0]["deletedRegion"];
            let o = region["byteOffset"].as_u64().unwrap() as usize;
            let l = region["byteLength"].as_u64().unwrap() as usize;
            DRAFT[o..o + l].to_string()
        };
        assert_eq!(fixes[0]["description"]["text"], *text);
        assert_eq!(inserted(0), *value);
        // Each fix names its file as the results do: a URI relative to %SRCROOT% or file://.
        assert_eq!(
            fixes[0]["artifactChanges"][0]["artifactLocation"],
            r["locations"][0]["physicalLocation"]["artifactLocation"]
        );
        let suggestions = diagnostics[i]["suggestions"].as_array().unwrap();
        assert_eq!(suggestions[0]["text"], *value);
        if alt_value.is_empty() {
            assert_eq!(fixes.len(), 1, "{r:#}");
            assert_eq!(suggestions.len(), 1);
            continue;
        }
        assert_eq!(fixes.len(), 2, "{r:#}");
        assert_eq!(fixes[1]["description"]["text"], *alt_text);
        assert_eq!(inserted(1), *alt_value);
        assert_eq!(deleted(1), *alt_figure);
        assert_eq!(suggestions[1]["text"], *alt_value);
        assert_eq!(
            suggestions[1]["range"]["start"]["line"], *line,
            "{suggestions:?}"
        );
    }
}

#[test]
fn the_wording_is_english_with_lang_en() {
    let path = draft("kinds.txt", DRAFT);
    let j: Value =
        serde_json::from_str(&check(&path, &["--format", "json", "--lang", "en"])).unwrap();
    let d = &j["files"][0]["diagnostics"];
    assert_eq!(d[0]["suggestion"]["text"], "should be 3.6倍");
    assert_eq!(
        d[4]["suggestion"]["alternative"]["text"],
        "if 结案率 is 96.1%, 审结 should be about 46335件"
    );
    assert_eq!(
        d[2]["suggestion"]["alternative"]["text"],
        "if a relative change is meant, it should be 2.6%"
    );
    assert_eq!(
        d[8]["suggestion"]["alternative"]["text"],
        "if the difference of the two rates is meant, it should be 0.4个百分点"
    );
    // The values themselves are written as in the draft either way.
    assert_eq!(d[4]["suggestion"]["alternative"]["value"], "46335件");
    let full = check(&path, &["--lang", "en"]);
    assert!(full.contains("if 增长 is 6.3%, 全市社会消费品零售总额 should be about 1820.7亿元"));
}

#[test]
fn none_where_no_single_figure_determines_it() {
    let text = "\
全县三次产业结构为6.3%、39.5%和51.8%。

全年受理申诉案件21件，审结20件，结案率为99.4%。
";
    let path = draft("none.txt", text);
    let j: Value = serde_json::from_str(&check(&path, &["--format", "json"])).unwrap();
    let d = j["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(d.len(), 2, "{d:#?}");
    // Three industries, none named the rest: any share may be the wrong one.
    assert_eq!(d[0]["code"], "composition-mismatch");
    assert!(d[0]["suggestion"].is_null(), "{:#}", d[0]);
    // 99.4% of 21 cases is 20.87: no whole number of cases gives 99.4%, so no numerator is
    // proposed, while the rate itself is.
    assert_eq!(d[1]["code"], "rate-mismatch");
    assert_eq!(d[1]["suggestion"]["value"], "95.2%");
    assert!(d[1]["suggestion"]["alternative"].is_null(), "{:#}", d[1]);
}
