//! Every output format of `hedui check`, snapshotted on the same two drafts, and SARIF checked
//! against the official SARIF 2.1.0 schema.

use std::path::{Path, PathBuf};
use std::process::Command;

use hedui::report::{Format, human};
use hedui::source::Document;
use hedui::{Config, Report, check_document};

fn reports() -> (Vec<Report>, Config) {
    let config = Config::default();
    let drafts = [
        (
            "draft.txt",
            "全年受理案件39347件，审结35773件，结案率99.4%。\n市人民检察院全年受理提请逮捕犯罪嫌疑人3.42万人，批准逮捕2.31万人，逮捕率71.5%。\n结案率由95.2%提高到97.1%，提高1.9%。\n",
        ),
        (
            "clean.txt",
            "全年受理案件36000件，审结35773件，结案率99.4%。\n",
        ),
    ];
    let reports = drafts
        .iter()
        .map(|(name, text)| check_document(&Document::from_text(*name, *text), &config))
        .collect();
    (reports, config)
}

fn render(format: Format) -> String {
    let (reports, config) = reports();
    let style = human::Style {
        color: false,
        width: 100,
        narrate: false,
    };
    format.render(&reports, &config.rules, style)
}

#[test]
fn each_format_is_snapshotted() {
    let (reports, _) = reports();
    let severities: Vec<&str> = reports[0]
        .diagnostics
        .iter()
        .map(|d| d.severity.as_str())
        .collect();
    assert_eq!(
        severities,
        ["error", "warning", "advice"],
        "the drafts cover every severity"
    );
    for (name, format) in [
        ("full", Format::Full),
        ("concise", Format::Concise),
        ("json", Format::Json),
        ("json_lines", Format::JsonLines),
        ("github", Format::Github),
        ("sarif", Format::Sarif),
        ("rdjson", Format::Rdjson),
        ("junit", Format::Junit),
    ] {
        insta::assert_snapshot!(format!("format_{name}"), render(format));
    }
    let style = human::Style {
        color: false,
        width: 100,
        narrate: true,
    };
    insta::assert_snapshot!("format_full_narrated", human::render(&reports[0], style));
}

#[test]
fn machine_formats_parse() {
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["summary"]["files"], 2);
    for line in render(Format::JsonLines).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["path"].is_string() && v["code"].is_string() && v["span"]["offset"].is_number());
    }
    let rd: serde_json::Value = serde_json::from_str(&render(Format::Rdjson)).unwrap();
    assert_eq!(rd["diagnostics"].as_array().unwrap().len(), 3);
}

#[test]
fn github_commands_escape_their_data() {
    let out = render(Format::Github);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=draft.txt,line=1,col=26,"),
        "{first}"
    );
    // `%` and line breaks in the message are escaped; `:` and `,` in properties too.
    assert!(first.contains("99.4%25") && first.contains("%0A") && !first.contains('\n'));
    assert!(out.contains("::notice "), "advice becomes a notice");
}

/// The official SARIF 2.1.0 schema, from the npm package that ships it.
fn sarif_schema() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sarif-schema");
    let schema = dir.join("package/lib/schemas/sarif-2.1.0-rtm.5.json");
    if schema.exists() {
        return schema;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let pack = Command::new("npm")
        .args([
            "pack",
            "@microsoft/jest-sarif@1.0.0-beta.0",
            "--silent",
            "--pack-destination",
        ])
        .arg(&dir)
        .output()
        .expect("npm is needed to fetch the SARIF schema");
    assert!(
        pack.status.success(),
        "npm pack failed: {}",
        String::from_utf8_lossy(&pack.stderr)
    );
    let tarball = dir.join(String::from_utf8(pack.stdout).unwrap().trim());
    let untar = Command::new("tar")
        .arg("xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&dir)
        .arg("package/lib/schemas/sarif-2.1.0-rtm.5.json")
        .status()
        .unwrap();
    assert!(untar.success());
    schema
}

fn drop_pattern(v: &mut serde_json::Value, pattern: &str) -> usize {
    match v {
        serde_json::Value::Object(o) => {
            let mut n = 0;
            if o.get("pattern").and_then(|p| p.as_str()) == Some(pattern) {
                o.remove("pattern");
                n += 1;
            }
            n + o
                .values_mut()
                .map(|c| drop_pattern(c, pattern))
                .sum::<usize>()
        }
        serde_json::Value::Array(a) => a.iter_mut().map(|c| drop_pattern(c, pattern)).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(sarif_schema()).unwrap()).unwrap();
    // The published schema's `language` patterns are not valid regexes (an unmatched `]`),
    // which the validator refuses to compile. hedui writes no `language`, so those patterns
    // are dropped and everything else is checked as published.
    let dropped = drop_pattern(&mut schema, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$");
    assert!(dropped > 0, "the schema changed; revisit this workaround");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let log: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 3);
    // A broken log is refused, so the check above can fail.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

/// The value that would make a finding hold is proposed in every format that carries help: the
/// stated rate of the draft, 99.4%, should read 90.9% (35773 ÷ 39347), at its own precision.
#[test]
fn the_suggested_value_in_every_format() {
    for format in [
        Format::Full,
        Format::Json,
        Format::JsonLines,
        Format::Github,
        Format::Sarif,
        Format::Rdjson,
        Format::Junit,
    ] {
        let out = render(format);
        assert!(out.contains("90.9%"), "{format:?}: {out}");
        assert!(out.contains("应为 90.9%"), "{format:?}: {out}");
    }
    // JSON: a documented field with the value and the span of the figure to change.
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    let rate = &json["files"][0]["diagnostics"][0];
    assert_eq!(rate["code"], "rate-mismatch");
    assert_eq!(rate["suggestion"]["value"], "90.9%");
    assert_eq!(rate["suggestion"]["text"], "应为 90.9%");
    assert_eq!(rate["suggestion"]["span"], rate["span"]);
    // SARIF: a fix replacing the figure's bytes.
    let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0];
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "90.9%");
    assert_eq!(replacement["deletedRegion"]["byteLength"], 5);
    // rdjson: reviewdog's suggestion.
    let rdjson: serde_json::Value = serde_json::from_str(&render(Format::Rdjson)).unwrap();
    assert_eq!(rdjson["diagnostics"][0]["suggestions"][0]["text"], "90.9%");
}
