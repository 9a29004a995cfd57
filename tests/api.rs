//! The library API as rule authors use it: check a paragraph, snapshot the report.

use hedui::{Config, check_text};

#[test]
fn a_report_snapshots_as_yaml() {
    let config = Config::default();
    let report = check_text("全年受理案件39347件，审结35773件，结案率99.4%。", &config);
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn reports_are_ordered_and_stable() {
    let config = Config::default();
    let text = "一审、二审、再审案件分别为56.8万件、145.5万件。全年受理案件39347件，审结35773件，结案率99.4%。";
    let a = check_text(text, &config);
    let b = check_text(text, &config);
    assert_eq!(a.diagnostics, b.diagnostics);
    let offsets: Vec<usize> = a.diagnostics.iter().map(|d| d.span.offset).collect();
    let mut sorted = offsets.clone();
    sorted.sort();
    assert_eq!(offsets, sorted);
    assert_eq!(a.diagnostics.len(), 2);
}

#[test]
fn select_and_ignore_by_id_or_prefix() {
    let text = "一审、二审、再审案件分别为56.8万件、145.5万件。全年受理案件39347件，审结35773件，结案率99.4%。";
    let mut config = Config {
        select: vec!["rate".into()],
        ..Config::default()
    };
    let codes: Vec<String> = check_text(text, &config)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["rate-mismatch"]);
    config.select.clear();
    config.ignore = vec!["rate-mismatch".into()];
    let codes: Vec<String> = check_text(text, &config)
        .diagnostics
        .into_iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["list-arity"]);
}

/// A rule author adds a rate of their own in a rule directory and snapshot-tests it.
#[test]
fn a_custom_rule_directory() {
    let dir = std::env::temp_dir().join(format!("hedui-api-rules-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("mediation-rate.toml"),
        r#"
id = "mediation-rate"
kind = "ratio"
severity = "warning"
summary = "诉前调解成功率与所列数字不符"
explanation = "诉前调解成功率 = 调解成功 ÷ 委派调解。"

[examples]
fire = ["委派调解案件1200件，调解成功900件，诉前调解成功率80%。"]
silent = ["委派调解案件1200件，调解成功900件，诉前调解成功率75%。"]

[[params.rates]]
name = "成功率"
numerator = ["调解成功"]
denominator = ["委派调解"]
"#,
    )
    .unwrap();
    let config = Config::with_rule_dirs(&[&dir]).unwrap();
    let report = check_text(
        "委派调解案件1200件，调解成功900件，诉前调解成功率80%。",
        &config,
    );
    let custom: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "mediation-rate")
        .collect();
    assert_eq!(custom.len(), 1);
    assert_eq!(custom[0].severity, hedui::rules::Severity::Warning);
    insta::assert_yaml_snapshot!(custom);

    std::fs::write(dir.join("broken.toml"), "id = \"x\"\nkind = \"nope\"\n").unwrap();
    let err = Config::with_rule_dirs(&[&dir]).unwrap_err();
    assert!(err.origin.ends_with("broken.toml"), "{}", err.origin);
    std::fs::remove_dir_all(&dir).unwrap();
}
