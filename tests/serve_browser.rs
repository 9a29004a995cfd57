//! The `hedui serve` page in headless Chromium (Debian's `chromium`, driven by playwright-core;
//! `.ci/run` installs both): the seed report with one figure changed is dropped on the page,
//! its broken growth claim is marked and chosen, the annotated copy is downloaded, and the page
//! is saved as a screenshot (`target/serve-page.png`) to look at.
//!
//! Skipped when Chromium or playwright-core is missing, unless `HEDUI_REQUIRE_BROWSER=1` (CI).

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Where playwright-core is installed: `HEDUI_PLAYWRIGHT_DIR`, else `target/browser`.
fn playwright_dir() -> PathBuf {
    std::env::var_os("HEDUI_PLAYWRIGHT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/browser"))
}

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"))
}

fn ready() -> bool {
    let found = chromium().exists()
        && playwright_dir()
            .join("node_modules/playwright-core/package.json")
            .exists()
        && Command::new("node").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("HEDUI_REQUIRE_BROWSER").is_none(),
            "HEDUI_REQUIRE_BROWSER is set but Chromium, node or playwright-core is missing"
        );
        eprintln!("skipped: Chromium, node or playwright-core not installed (see .ci/run)");
    }
    found
}

fn part(docx: &Path, name: &str) -> String {
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// A `hedui serve` with `args`, and the URL it printed.
fn serve(args: &[&str]) -> (std::process::Child, String) {
    let mut server = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["serve", "--bind", "127.0.0.1:0", "--isolated"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find_map(|w| w.find("http://").map(|i| &w[i..]))
        .map(|w| w.split('（').next().unwrap().to_string())
        .unwrap();
    (server, url)
}

fn node(script: &str, args: &[&Path]) -> serde_json::Value {
    let out = Command::new("node")
        .arg(root().join("tests/browser").join(script))
        .args(args)
        .env("PLAYWRIGHT_DIR", playwright_dir())
        .env("CHROMIUM", chromium())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{stdout}");
    serde_json::from_str(stdout.trim()).unwrap()
}

#[test]
fn a_file_past_the_limit_is_refused_on_the_page_without_sending_it() {
    if !ready() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("hedui-browser-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("big.txt");
    std::fs::write(&big, "全年受理案件39347件。\n".repeat(80_000)).unwrap();
    let (mut server, url) = serve(&["--max-upload-mib", "1"]);
    let seen = node("too-large.mjs", &[Path::new(&url), &big]);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(seen["url"], url.as_str(), "the page stays");
    assert!(
        seen["message"].as_str().unwrap().contains("1 MiB"),
        "{seen}"
    );
    assert_eq!(seen["posts"], serde_json::json!([]), "nothing is sent");
}

#[test]
fn an_editor_drops_the_changed_seed_report_and_sees_the_broken_growth_claim() {
    if !ready() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("hedui-browser-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // The seed report with 424万件 changed to 410万件: the stated 191% no longer follows.
    let seed = std::fs::read_to_string(root().join("fixtures/real/spc-2021-part1.txt")).unwrap();
    let at = seed.find("145.5万件、424").unwrap() + "145.5万件、".len();
    let mut draft = seed.clone();
    draft.replace_range(at..at + 3, "410");
    let draft_path = dir.join("spc-2021-part1.txt");
    std::fs::write(&draft_path, draft).unwrap();

    let (mut server, url) = serve(&[]);
    let screenshot = root().join("target/serve-page.png");
    let download = dir.join("download.docx");
    let seen = node(
        "page.mjs",
        &[Path::new(&url), &draft_path, &screenshot, &download],
    );
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(seen["findings"], 1);
    assert!(
        seen["summary"]
            .as_str()
            .unwrap()
            .contains("1 个错误（error）")
    );
    assert!(
        seen["finding"]
            .as_str()
            .unwrap()
            .contains("(410万件 − 145.5万件) ÷ 145.5万件 ≈ 181.79%")
    );
    // Choosing the finding marks its three figures (410 and 万件 stand on two lines, marked apart).
    assert_eq!(seen["stated"], "191%");
    let active: Vec<&str> = seen["active_texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        active.contains(&"191%") && active.contains(&"145.5万件"),
        "{active:?}"
    );
    assert!(
        active.contains(&"410") && active.contains(&"万件"),
        "{active:?}"
    );
    assert_eq!(
        seen["stated_in_view"], true,
        "the stated figure is scrolled into view"
    );
    assert_ne!(seen["stated_background"], "rgba(0, 0, 0, 0)");
    assert_eq!(
        seen["outside"],
        serde_json::json!([]),
        "no request leaves the server"
    );
    assert_eq!(
        seen["errors"],
        serde_json::json!([]),
        "no script or CSP error"
    );
    assert_eq!(seen["download_name"], "spc-2021-part1.hedui.docx");
    let comments = part(&download, "word/comments.xml");
    assert!(comments.contains("(410万件 − 145.5万件) ÷ 145.5万件 ≈ 181.79%"));
    assert!(std::fs::metadata(&screenshot).unwrap().len() > 20_000);
}
