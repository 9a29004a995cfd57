//! Across documents, end to end: `check --prior`, `--pair-by-year`, hedui.toml pairs and
//! `claims --prior`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn hedui(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("hedui runs")
}

/// The JSON a run printed.
fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// A fresh directory with the given files.
fn dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let d = std::env::temp_dir().join(format!("hedui-prior-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    for (f, text) in files {
        std::fs::write(d.join(f), text).unwrap();
    }
    d
}

const PRIOR: &str = "一、2021年工作回顾\n全年粮食产量6.69亿吨，比上年增长2.0%。城镇新增就业1269万人。\n今年发展主要预期目标是：城镇新增就业1100万人以上。\n";
const CURRENT: &str = "一、2022年工作回顾\n全年粮食产量6.87亿吨，比上年增长5.8%。城镇新增就业1206万人，上年为1296万人。\n";
const CONSISTENT: &str = "一、2022年工作回顾\n全年粮食产量6.87亿吨，比上年增长2.7%。城镇新增就业1206万人，上年为1269万人。\n";

const LAST_AND_THIS: &[(&str, &str)] = &[("report-2022.txt", PRIOR), ("report-2023.txt", CURRENT)];

fn codes(j: &Value) -> Vec<String> {
    j["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap().iter())
        .map(|d| format!("{}@{}", d["code"].as_str().unwrap(), d["span"]["offset"]))
        .collect()
}

#[test]
fn a_change_and_a_restatement_against_last_years_report() {
    let d = dir("one", LAST_AND_THIS);
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "--prior",
            "report-2022.txt",
            "report-2023.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "warnings do not fail the check");
    let j = json(&out);
    let at = |s: &str| CURRENT.find(s).unwrap();
    assert_eq!(
        codes(&j),
        [
            format!("prior-growth-mismatch@{}", at("5.8%")),
            format!("prior-restatement-mismatch@{}", at("1296")),
        ]
    );
    // The prior figure is named as a related location: its file and its bytes there.
    let related = &j["files"][0]["diagnostics"][0]["related"][0];
    assert_eq!(related["path"], "report-2022.txt");
    assert_eq!(related["span"]["offset"], PRIOR.find("6.69").unwrap());
    let message = j["files"][0]["diagnostics"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("(6.87亿吨 − 6.69亿吨) ÷ 6.69亿吨 ≈ 2.69%"),
        "{message}"
    );

    // People see last year's line drawn under the finding.
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--prior",
            "report-2022.txt",
            "report-2023.txt",
        ],
    );
    let human = String::from_utf8_lossy(&out.stdout);
    assert!(human.contains("╭─[report-2022.txt:2:7]"), "{human}");
    assert!(human.contains("上年报告中的数字"), "{human}");

    // Consistent figures draw nothing; without --prior nothing is compared.
    std::fs::write(d.join("report-2023.txt"), CONSISTENT).unwrap();
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--prior",
            "report-2022.txt",
            "report-2023.txt",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "已检查 1 个文件，未发现数字不一致。\n"
    );
    std::fs::write(d.join("report-2023.txt"), CURRENT).unwrap();
    let out = hedui(&d, &["check", "--isolated", "report-2023.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("未发现数字不一致"));

    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--prior",
            "missing.txt",
            "report-2023.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}

#[test]
fn pairs_by_year_and_by_settings() {
    let d = dir(
        "pairs",
        &[
            ("report-2022.txt", PRIOR),
            ("report-2023.txt", CURRENT),
            // Another series of the same years is not paired with this one.
            ("other-2023.txt", CURRENT),
        ],
    );
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "--pair-by-year",
            ".",
        ],
    );
    let j = json(&out);
    let flagged: Vec<&str> = j["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| !f["diagnostics"].as_array().unwrap().is_empty())
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(flagged, ["./report-2023.txt"]);

    std::fs::write(d.join("hedui.toml"), "pair-by-year = true\n").unwrap();
    let out = hedui(&d, &["check", "--format", "json", "."]);
    let j = json(&out);
    assert_eq!(codes(&j).len(), 2);

    std::fs::write(
        d.join("hedui.toml"),
        "[[pair]]\ncurrent = \"other-2023.txt\"\nprior = \"report-2022.txt\"\n",
    )
    .unwrap();
    let out = hedui(&d, &["check", "--format", "json", "other-2023.txt"]);
    let j = json(&out);
    assert_eq!(codes(&j).len(), 2, "{j}");

    std::fs::write(d.join("hedui.toml"), "prior = \"report-2022.txt\"\n").unwrap();
    let out = hedui(
        &d,
        &[
            "check",
            "--format",
            "json",
            "other-2023.txt",
            "report-2023.txt",
        ],
    );
    let j = json(&out);
    assert_eq!(
        codes(&j).len(),
        4,
        "both held against the one prior report: {j}"
    );
}

#[test]
fn claims_lists_what_was_held_against_what() {
    let d = dir("claims", LAST_AND_THIS);
    let out = hedui(
        &d,
        &[
            "claims",
            "--isolated",
            "--format",
            "json",
            "report-2023.txt",
            "--prior",
            "report-2022.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let j = json(&out);
    let c = &j["against_prior"][0];
    assert_eq!(
        (
            c["stated"].as_str(),
            c["value"].as_str(),
            c["consistent"].as_bool()
        ),
        (Some("5.8%"), Some("6.87亿吨"), Some(false))
    );
    assert_eq!(c["prior_span"]["offset"], PRIOR.find("6.69").unwrap());
    let out = hedui(
        &d,
        &[
            "claims",
            "--isolated",
            "report-2023.txt",
            "--prior",
            "report-2022.txt",
        ],
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("1 year-on-year changes, 1 matched to a prior figure, 1 inconsistent"),
        "{table}"
    );
}

/// Lines that end their sentences, so the layout reads the short lines above as headings.
const MORE: &str = "各项工作扎实推进。\n民生保障持续加强。\n";

/// Files whose names hold no year are dated by their opening lines and paired in their folder.
#[test]
fn pairs_by_the_year_in_the_opening_lines() {
    let d = dir(
        "opening",
        &[
            ("last.txt", &format!("——2022年3月5日\n{PRIOR}{MORE}")),
            ("this.txt", &format!("——2023年3月5日\n{CURRENT}{MORE}")),
        ],
    );
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "--pair-by-year",
            ".",
        ],
    );
    let j = json(&out);
    assert_eq!(codes(&j).len(), 2, "{j}");
    assert_eq!(j["files"][1]["path"], "./this.txt");
}

/// An annual rate over five years is held against the report five years earlier.
#[test]
fn an_annual_rate_against_the_report_five_years_earlier() {
    let d = dir(
        "annual",
        &[
            (
                "report-2018.txt",
                "一、2017年工作回顾\n全年对外直接投资1200亿美元，比上年下降29.4%。\n各项工作扎实推进。\n",
            ),
            (
                "report-2023.txt",
                "一、过去五年工作回顾\n五年来，对外直接投资达到1600亿美元，年均增长9.5%。\n各项工作扎实推进。\n",
            ),
        ],
    );
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "--pair-by-year",
            ".",
        ],
    );
    let j = json(&out);
    let d0 = &j["files"][1]["diagnostics"][0];
    assert_eq!(d0["code"], "prior-growth-mismatch");
    let message = d0["message"].as_str().unwrap();
    assert!(
        message.contains("(1600亿美元 ÷ 1200亿美元)^(1/5) − 1 ≈ 5.94%"),
        "{message}"
    );
    assert_eq!(d0["related"][0]["path"], "./report-2018.txt");
}
