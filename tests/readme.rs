//! What README shows works as shown: the house-rule example reports its finding once.

use std::process::Command;

use serde_json::Value;

/// The fenced block of README.md that opens with `first_line`.
fn readme_block(first_line: &str) -> String {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find(&format!("```toml\n{first_line}\n"))
        .expect("README has the block");
    let body = &readme[start + "```toml\n".len()..];
    body[..body.find("```").unwrap()].to_string()
}

#[test]
fn the_house_rule_example_reports_once() {
    let dir = std::env::temp_dir().join(format!("hedui-readme-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("house-rules")).unwrap();
    let rule = readme_block("# house-rules/mediation-rate.toml");
    std::fs::write(dir.join("house-rules/mediation-rate.toml"), &rule).unwrap();
    let parsed: toml::Table = toml::from_str(&rule).unwrap();
    let examples = parsed["examples"].as_table().unwrap();
    for (kind, expected) in [("fire", 1), ("silent", 0)] {
        let text = examples[kind].as_array().unwrap()[0].as_str().unwrap();
        std::fs::write(dir.join("draft.txt"), format!("{text}\n")).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
            .args([
                "check",
                "--isolated",
                "--rules",
                "house-rules",
                "--format",
                "json",
            ])
            .arg("draft.txt")
            .current_dir(&dir)
            .output()
            .unwrap();
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let codes: Vec<&str> = json["files"][0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes.len(), expected, "{kind}: {codes:?}");
        if expected == 1 {
            assert_eq!(codes, ["mediation-rate"]);
        }
    }
}
