//! Word drafts: read as published (tracked insertions in, deletions out), reported by paragraph.

use std::process::Command;

use serde_json::Value;

fn check_json(path: &str) -> (Option<i32>, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--format", "json", path])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null),
    )
}

fn found(j: &Value) -> Vec<(String, u64)> {
    j["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["span"]["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn tracked_changes_are_read_as_published() {
    let text = hedui::source::docx::text(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/docx/tracked-changes.docx"
        ))
        .unwrap(),
    )
    .unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[1], "全年受理各类案件39347件，审结35773件，结案率99.4%。",
        "insertion in, deletion out"
    );
    assert_eq!(lines[2], "", "an empty paragraph keeps its number");
    assert_eq!(lines[4], "一审、二审、再审案件分别为56.8万件、145.5万件。");
    let (code, j) = check_json("fixtures/docx/tracked-changes.docx");
    assert_eq!(code, Some(1));
    // Line N is paragraph N: the broken rate is in paragraph 2, the short list in paragraph 5.
    assert_eq!(
        found(&j),
        [
            ("rate-mismatch".to_string(), 2),
            ("list-arity".to_string(), 5)
        ]
    );
}

#[test]
fn a_file_saved_by_libreoffice() {
    let (code, j) = check_json("fixtures/docx/libreoffice.docx");
    assert_eq!(code, Some(1));
    assert_eq!(
        found(&j),
        [
            ("rate-mismatch".to_string(), 2),
            ("list-arity".to_string(), 5)
        ]
    );
}

#[test]
fn broken_word_files_are_refused_with_a_reason() {
    let dir = std::env::temp_dir().join(format!("hedui-docx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "truncated.docx",
            b"PK\x03\x04\x14\x00\x00\x00",
            "not a valid .docx",
        ),
        (
            "encrypted.docx",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            "encrypted",
        ),
        ("empty.docx", b"", "not a valid .docx"),
    ];
    for (name, bytes, reason) in cases {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
            .args(["check"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(name) && err.contains(reason), "{name}: {err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
