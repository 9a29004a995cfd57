//! Throughput of `hedui numbers` (decode, layout, grammar) against `wc -m`, which only decodes.
//!
//! `cargo bench --bench numbers` reads the real reports of `../shared/corpus/` (the seed report
//! in `fixtures/real/` when that folder is absent), repeats them to at least 50 MB, and prints
//! MB/s for each stage and for `wc -m` over the same bytes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hedui::layout::Layout;
use hedui::lexicon::Lexicon;
use hedui::number;
use hedui::source::Document;

const TARGET_BYTES: usize = 50 * 1024 * 1024;
const ROUNDS: usize = 5;

fn corpus() -> (String, Vec<u8>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    let files: Vec<PathBuf> = if shared.is_dir() {
        let mut f: Vec<PathBuf> = std::fs::read_dir(&shared)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        f.sort();
        f
    } else {
        vec![root.join("fixtures/real/spc-2021-part1.txt")]
    };
    let mut one = Vec::new();
    for f in &files {
        one.extend(std::fs::read(f).unwrap());
        one.push(b'\n');
    }
    let mut all = Vec::with_capacity(TARGET_BYTES + one.len());
    while all.len() < TARGET_BYTES {
        all.extend_from_slice(&one);
    }
    let label = if shared.is_dir() {
        format!("../shared/corpus ({} files)", files.len())
    } else {
        "fixtures/real/spc-2021-part1.txt".into()
    };
    (label, all)
}

fn best<T>(mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (best, out.unwrap())
}

fn mbps(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn main() {
    let (label, bytes) = corpus();
    let n = bytes.len();
    println!(
        "input: {label}, repeated to {:.1} MB; best of {ROUNDS} rounds",
        n as f64 / 1e6
    );
    let lexicon = Lexicon::builtin();

    let (t_decode, doc) = best(|| Document::from_bytes("bench", &bytes).unwrap());
    let (t_layout, layout) = best(|| Layout::new(&doc.text));
    let (t_scan, quantities) = best(|| number::scan(&layout, lexicon));
    let (t_all, _) = best(|| {
        let doc = Document::from_bytes("bench", &bytes).unwrap();
        let layout = Layout::new(&doc.text);
        number::scan(&layout, lexicon).len()
    });

    let wc = wc_m(&bytes);
    println!("{:<28} {:>10} {:>10}", "stage", "ms", "MB/s");
    for (name, t) in [
        ("decode", t_decode),
        ("layout", t_layout),
        ("grammar (scan)", t_scan),
        ("numbers end to end", t_all),
    ] {
        println!(
            "{:<28} {:>10.1} {:>10.1}",
            name,
            t.as_secs_f64() * 1e3,
            mbps(n, t)
        );
    }
    if let Some(t) = wc {
        println!(
            "{:<28} {:>10.1} {:>10.1}",
            "wc -m (same bytes)",
            t.as_secs_f64() * 1e3,
            mbps(n, t)
        );
        println!(
            "numbers / wc -m = {:.2}×",
            t.as_secs_f64() / t_all.as_secs_f64()
        );
    }
    println!("{} quantities", quantities.len());
}

/// Best time of `wc -m` over the same bytes, in a UTF-8 locale so it decodes characters.
fn wc_m(bytes: &[u8]) -> Option<Duration> {
    let path = std::env::temp_dir().join(format!("hedui-bench-{}.txt", std::process::id()));
    std::fs::write(&path, bytes).ok()?;
    let locale = ["C.UTF-8", "C.utf8", "en_US.UTF-8"].into_iter().find(|l| {
        std::process::Command::new("wc")
            .arg("-m")
            .arg(&path)
            .env("LC_ALL", l)
            .output()
            .is_ok_and(|o| o.status.success())
    })?;
    let mut best_time = Duration::MAX;
    for _ in 0..ROUNDS {
        let t = Instant::now();
        let out = std::process::Command::new("wc")
            .arg("-m")
            .arg(&path)
            .env("LC_ALL", locale)
            .output()
            .ok()?;
        best_time = best_time.min(t.elapsed());
        if !out.status.success() {
            return None;
        }
    }
    let _ = std::fs::remove_file(&path);
    Some(best_time)
}
