//! Limits: a 50 MB file of one line is checked and listed in memory under 4× its size (the bound
//! README states), without a quadratic step. Its own test binary, so the peak memory of the
//! children it measures is theirs alone.

use std::io::{Read, Seek, SeekFrom};
use std::process::Command;

const SIZE: usize = 50_000_000;

/// Peak resident memory, in bytes, of the largest child this process has waited for.
fn children_peak_rss() -> u64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes into the struct it is given and reads nothing else.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(rc, 0);
    u64::try_from(usage.ru_maxrss).unwrap() * 1024
}

fn one_line(unit: &str) -> std::path::PathBuf {
    let text = unit.repeat(SIZE / unit.len());
    let path = std::env::temp_dir().join(format!(
        "hedui-limits-{}-{}.txt",
        std::process::id(),
        unit.len()
    ));
    std::fs::write(&path, &text).unwrap();
    path
}

fn hedui(args: &[&str], path: &std::path::Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(args)
        .arg("--isolated")
        .arg(path)
        .output()
        .unwrap()
}

#[test]
fn fifty_megabytes_on_one_line() {
    // Prose: 1.5 million sentences of claims, each read and checked.
    let prose = one_line("全年受理案件39347件，审结35773件，结案率90.9%。");
    let out = hedui(&["check", "--output-format", "concise"], &prose);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "已检查 1 个文件，未发现数字不一致。\n"
    );
    // Three million figures, streamed into a file (held here, a gigabyte of JSON would count
    // against the next child, which starts as a copy of this process).
    let listing = prose.with_extension("json");
    let status = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["numbers", "--isolated", "--format", "json"])
        .arg(&prose)
        .stdout(std::fs::File::create(&listing).unwrap())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    let mut tail = [0u8; 21];
    let mut f = std::fs::File::open(&listing).unwrap();
    f.seek(SeekFrom::End(-(tail.len() as i64))).unwrap();
    f.read_exact(&mut tail).unwrap();
    assert_eq!(&tail, b"\"out_of_range\": []\n}\n");
    std::fs::remove_file(&listing).unwrap();

    // A dump without a sentence end: one sentence of three million figures.
    let unit = "受理案件17612件审结74607件结案率84.7%";
    let dump = one_line(unit);
    let out = hedui(&["check", "--output-format", "concise"], &dump);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let figures = 3 * (SIZE / unit.len());
    assert!(
        stdout.contains(&format!("advice[too-many-figures] 此句含 {figures} 个数字")),
        "{stdout}"
    );

    let peak = children_peak_rss();
    eprintln!("peak RSS of the checks: {} MB", peak >> 20);
    assert!(
        peak < 4 * SIZE as u64,
        "peak RSS {} MB for a {} MB file",
        peak >> 20,
        SIZE >> 20
    );
    std::fs::remove_file(prose).unwrap();
    std::fs::remove_file(dump).unwrap();
}
