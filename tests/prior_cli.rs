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

/// Last year's figures as the real court report's changes give them: 1059.2 ÷ 1.017, 995.8 ÷
/// 1.043, 1.9 ÷ 1.081 (万件, 万件, 万亿元), and the two changes stated alone (46.6 ÷ 1.117万件,
/// 3557 ÷ 1.821件), written here in the shape of the year before's report.
const COURT_PRIOR: &str = "二、2020年工作回顾\n审结一审知识产权案件41.7万件。审结环境公益诉讼案件1953件。\n受理执行案件1041.5万件，执结954.7万件，执行到位金额1.76万亿元。\n";

const COURT: &str = "fixtures/real/spc-2021-part1.txt";

/// The real report against a prior text: the offsets of the prior findings it draws.
fn court_findings(prior: &str, name: &str) -> Vec<(String, String, u64)> {
    let d = dir(name, &[("prior.txt", prior)]);
    let court = Path::new(env!("CARGO_MANIFEST_DIR")).join(COURT);
    let out = hedui(
        &d,
        &[
            "check",
            "--isolated",
            "--format",
            "json",
            "--prior",
            "prior.txt",
            court.to_str().unwrap(),
        ],
    );
    json(&out)["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("prior-"))
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
                d["span"]["offset"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn the_court_report_against_a_prior_text_that_agrees_and_one_that_does_not() {
    // Each of the three metrics of `同比分别上升1.7%、4.3%和8.1%` gets its own change.
    assert_eq!(court_findings(COURT_PRIOR, "court-agrees"), []);
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(COURT)).unwrap();
    let offset = |figure: &str| text.find(figure).unwrap() as u64;
    // The stated changes, each found by the text after it.
    for (old, new, stated) in [
        ("1041.5万件", "1002.4万件", "1.7%、4.3%"),
        ("954.7万件", "921.3万件", "4.3%和"),
        ("1.76万亿元", "1.68万亿元", "8.1%。"),
    ] {
        let prior = COURT_PRIOR.replace(old, new);
        let found = court_findings(&prior, "court-differs");
        assert_eq!(found.len(), 1, "{old} → {new}: {found:?}");
        let (severity, message, at) = &found[0];
        assert_eq!(severity, "warning");
        assert!(message.contains(new), "{message}");
        assert_eq!(*at, offset(stated), "{message}");
    }
}

#[test]
fn several_prior_files_each_change_against_the_first_that_states_its_metric() {
    let d = dir(
        "several",
        &[
            (
                "report-2023.txt",
                "一、2022年工作回顾\n全年粮食产量6.69亿吨。\n",
            ),
            (
                "communique-2022.txt",
                "某省2022年国民经济和社会发展统计公报\n某省统计局\n\n全年粮食产量6.71亿吨。年末常住人口5024万人。\n",
            ),
            (
                "draft.txt",
                "一、2023年工作回顾\n全年粮食产量6.87亿吨，比上年增长2.7%。年末常住人口5058万人，比上年末增长1.9%。\n",
            ),
        ],
    );
    let out = hedui(
        &d,
        &[
            "claims",
            "--format",
            "json",
            "--prior",
            "report-2023.txt",
            "--prior",
            "communique-2022.txt",
            "draft.txt",
        ],
    );
    let j = json(&out);
    let changes = j["against_prior"].as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:?}");
    // 粮食产量 from last year's report, given first; 常住人口 only the communiqué states.
    assert_eq!(changes[0]["prior_file"], "report-2023.txt");
    assert_eq!(changes[0]["metric"], "粮食产量");
    assert_eq!(changes[0]["prior_metric"], "粮食产量");
    assert_eq!(changes[0]["consistent"], true);
    assert_eq!(changes[1]["prior_file"], "communique-2022.txt");
    assert_eq!(changes[1]["consistent"], false);
    // 5058 ÷ 1.019 = 4963.7: 1.2% below the communiqué's 5024, within what revision explains,
    // and the communiqué's figures are revised ones by practice.
    assert_eq!(changes[1]["revised"], true);

    // The one finding of `check` against both files, with or without hedui.toml.
    let only_finding = |settings: &str| {
        let j = json(&hedui(
            &d,
            &[
                "check",
                settings,
                "--format",
                "json",
                "--prior",
                "report-2023.txt",
                "--prior",
                "communique-2022.txt",
                "draft.txt",
            ],
        ));
        let diags = j["files"][0]["diagnostics"].as_array().unwrap().clone();
        assert_eq!(diags.len(), 1, "{diags:?}");
        diags
    };
    let diags = only_finding("--isolated");
    assert_eq!(diags[0]["severity"], "advice");
    assert!(
        diags[0]["message"]
            .as_str()
            .unwrap()
            .contains("上年公报数据可能已修订"),
        "{diags:?}"
    );
    assert_eq!(diags[0]["related"][0]["path"], "communique-2022.txt");

    // With no revision allowed (hedui.toml), the same miss is a warning.
    std::fs::write(
        d.join("hedui.toml"),
        "[rule-params.prior-growth-mismatch]\nrevision_percent = 0\n",
    )
    .unwrap();
    assert_eq!(only_finding("--exit-zero")[0]["severity"], "warning");
}
