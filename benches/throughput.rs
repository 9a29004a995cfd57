//! Throughput, scaling, parallelism and peak memory, printed as one table.
//!
//! `cargo bench --bench throughput` reads the real reports of `../shared/corpus/` in place (the
//! seed report in `fixtures/real/` when that folder is absent), repeats them to 100 MB
//! (`HEDUI_BENCH_MB` changes that) and measures, single-threaded and in process unless noted:
//!
//! - decode, layout, `numbers` and `check` in MB/s, against `wc -m` over the same bytes;
//! - the annotated copy (`check --annotate`) of the first megabyte as a .docx;
//! - the page `hedui serve` answers an upload of that megabyte with;
//! - `check` on 1 MB, 10 MB and 100 MB prefixes, to show time grows linearly;
//! - the `hedui` binary on a directory of 1000 report files with 1 and 2 threads;
//! - the binary's peak resident memory against the size of its input.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hedui::layout::Layout;
use hedui::lexicon::Lexicon;
use hedui::source::Document;
use hedui::{Config, check_document, number};

const ROUNDS: usize = 5;
const DIRECTORY_FILES: usize = 1000;

fn reports() -> (String, Vec<Vec<u8>>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/corpus");
    if shared.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&shared)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        let label = format!("../shared/corpus ({} reports)", files.len());
        (
            label,
            files.iter().map(|f| std::fs::read(f).unwrap()).collect(),
        )
    } else {
        let seed = root.join("fixtures/real/spc-2021-part1.txt");
        (
            "fixtures/real/spc-2021-part1.txt".into(),
            vec![std::fs::read(seed).unwrap()],
        )
    }
}

/// The first `size` bytes, cut after a line.
fn prefix(bytes: &[u8], size: usize) -> &[u8] {
    let cut = memchr_back(&bytes[..size.min(bytes.len())]).map_or(size, |i| i + 1);
    &bytes[..cut]
}

fn memchr_back(bytes: &[u8]) -> Option<usize> {
    bytes.iter().rposition(|&b| b == b'\n')
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

/// Runs a command to completion: wall time and peak resident memory in bytes.
fn measure(cmd: &mut Command) -> (Duration, u64, bool) {
    let t = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child, writing into locals; `child` is not waited on again.
    let rc = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(rc, pid);
    let elapsed = t.elapsed();
    std::mem::forget(child);
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) <= 1;
    (elapsed, usage.ru_maxrss as u64 * 1024, ok)
}

fn best_run(mut make: impl FnMut() -> Command) -> (Duration, u64) {
    let mut best = Duration::MAX;
    let mut peak = 0;
    for _ in 0..ROUNDS {
        let (t, rss, ok) = measure(&mut make());
        assert!(ok, "hedui failed");
        best = best.min(t);
        peak = peak.max(rss);
    }
    (best, peak)
}

/// Best time of `wc -m` over a file, in a UTF-8 locale so it decodes characters.
fn wc_m(path: &Path) -> Option<Duration> {
    let locale = ["C.UTF-8", "C.utf8", "en_US.UTF-8"].into_iter().find(|l| {
        Command::new("wc")
            .arg("-m")
            .arg(path)
            .env("LC_ALL", l)
            .output()
            .is_ok_and(|o| o.status.success())
    })?;
    Some(
        best_run(|| {
            let mut c = Command::new("wc");
            c.arg("-m").arg(path).env("LC_ALL", locale);
            c
        })
        .0,
    )
}

fn row(name: &str, bytes: usize, t: Duration, note: &str) {
    println!(
        "{:<34} {:>9.1} {:>9.1}  {}",
        name,
        t.as_secs_f64() * 1e3,
        mbps(bytes, t),
        note
    );
}

fn main() {
    let mb: usize = std::env::var("HEDUI_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let (label, reports) = reports();
    let dir = std::env::temp_dir().join(format!("hedui-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let big = dir.join("all.txt");
    let n = write_repeated(&big, &reports, mb * 1_000_000);
    println!(
        "input: {label}, repeated to {:.1} MB; best of {ROUNDS}; single thread unless noted",
        n as f64 / 1e6
    );
    // The binary first, while this process is small: a spawned child shares the parent's
    // memory until it execs, and that would count in its peak.
    binary(&dir, &big, n, &reports);
    let bytes = std::fs::read(&big).unwrap();
    in_process(&bytes, &big);
    scaling(&dir, &bytes, mb);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Writes the reports one after another until `size` bytes, without holding them: the size.
fn write_repeated(path: &Path, reports: &[Vec<u8>], size: usize) -> usize {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut n = 0;
    while n < size {
        for r in reports {
            out.write_all(r).unwrap();
            out.write_all(b"\n").unwrap();
            n += r.len() + 1;
        }
    }
    out.flush().unwrap();
    n
}

fn binary(dir: &Path, big: &Path, n: usize, reports: &[Vec<u8>]) {
    let hedui = env!("CARGO_BIN_EXE_hedui");
    println!();
    println!(
        "{:<34} {:>9} {:>9} {:>9}",
        "the hedui binary", "ms", "MB/s", "peak RSS"
    );
    let files = dir.join("files");
    std::fs::create_dir_all(&files).unwrap();
    let mut dir_bytes = 0;
    for k in 0..DIRECTORY_FILES {
        let r = &reports[k % reports.len()];
        dir_bytes += r.len();
        std::fs::write(files.join(format!("report-{k:04}.txt")), r).unwrap();
    }
    let mut one_thread = Duration::ZERO;
    for threads in [1, 2] {
        let (t, rss) = best_run(|| {
            let mut c = Command::new(hedui);
            c.args(["check", "--isolated", "--output-format", "concise", "-j"])
                .arg(threads.to_string())
                .arg(&files);
            c
        });
        if threads == 1 {
            one_thread = t;
        }
        println!(
            "{:<34} {:>9.1} {:>9.1} {:>6.0} MB  {}",
            format!("check {DIRECTORY_FILES} files, {threads} thread(s)"),
            t.as_secs_f64() * 1e3,
            mbps(dir_bytes, t),
            rss as f64 / 1e6,
            if threads == 2 {
                format!(
                    "{:.2}× one thread",
                    one_thread.as_secs_f64() / t.as_secs_f64()
                )
            } else {
                format!("{:.1} MB in all", dir_bytes as f64 / 1e6)
            }
        );
    }
    for (name, args) in [
        (
            "check one file",
            vec!["check", "--isolated", "--output-format", "concise"],
        ),
        (
            "numbers --format json, one file",
            vec!["numbers", "--isolated", "--format", "json"],
        ),
    ] {
        let (t, rss) = best_run(|| {
            let mut c = Command::new(hedui);
            c.args(&args).arg(big);
            c
        });
        println!(
            "{:<34} {:>9.1} {:>9.1} {:>6.0} MB  {:.2}× the input",
            name,
            t.as_secs_f64() * 1e3,
            mbps(n, t),
            rss as f64 / 1e6,
            rss as f64 / n as f64
        );
    }
}

fn in_process(bytes: &[u8], big: &Path) {
    let n = bytes.len();
    println!();
    println!("{:<34} {:>9} {:>9}", "in process", "ms", "MB/s");
    let lexicon = Lexicon::builtin();
    let config = Config::default();
    let (t_decode, doc) = best(|| Document::from_bytes("bench", bytes).unwrap());
    let (t_layout, layout) = best(|| Layout::new(&doc.text));
    let (t_scan, quantities) = best(|| number::scan(&layout, lexicon));
    drop((doc, layout));
    let (t_numbers, _) = best(|| {
        let doc = Document::from_bytes("bench", bytes).unwrap();
        let layout = Layout::new(&doc.text);
        number::scan(&layout, lexicon).len()
    });
    let (t_check, findings) = best(|| {
        let doc = Document::from_bytes("bench", bytes).unwrap();
        check_document(&doc, &config).diagnostics.len()
    });
    row("decode", n, t_decode, "");
    row("layout", n, t_layout, "");
    row("grammar (scan)", n, t_scan, "");
    row(
        "numbers (decode+layout+scan)",
        n,
        t_numbers,
        &format!("{} quantities", quantities.len()),
    );
    row(
        "check (whole pipeline)",
        n,
        t_check,
        &format!("{findings} findings"),
    );
    // The annotated copy (`check --annotate`) of the first megabyte, as a new .docx: the XML
    // rewrite and the zip, after the check.
    let small = prefix(bytes, 1_000_000);
    let doc = Document::from_bytes("bench", small).unwrap();
    let report = check_document(&doc, &config);
    let (t_annotate, docx_bytes) = best(|| {
        hedui::report::annotate::text_to_docx(&doc.text, &report)
            .unwrap()
            .len()
    });
    row(
        "annotate (1 MB text → .docx)",
        small.len(),
        t_annotate,
        &format!(
            "{} comments, {} KB",
            report.diagnostics.len(),
            docx_bytes / 1000
        ),
    );
    // One upload to `hedui serve`, without the socket: decode, check, annotated copy, JSON and
    // the page with its marks and data: downloads, for the same megabyte.
    let (t_serve, page_bytes) = best(|| {
        let file = hedui::serve::File {
            name: "bench.txt".into(),
            bytes: small.to_vec(),
        };
        let checked = hedui::serve::checked(file, &config).unwrap();
        hedui::serve::page(&checked, &hedui::serve::Options::default()).len()
    });
    row(
        "serve page (1 MB upload → page)",
        small.len(),
        t_serve,
        &format!("{} KB page", page_bytes / 1000),
    );
    if let Some(t) = wc_m(big) {
        row("wc -m (same file)", n, t, "");
        println!(
            "numbers / wc -m = {:.2}×    check / wc -m = {:.2}×",
            t.as_secs_f64() / t_numbers.as_secs_f64(),
            t.as_secs_f64() / t_check.as_secs_f64()
        );
    }
}

/// `check` by the binary on 1, 10 and 100 MB, each a fresh process as users run it (an
/// in-process loop would reuse memory the allocator already holds, which flatters small
/// inputs); the start-up time, measured on an empty file, is subtracted.
fn scaling(dir: &Path, bytes: &[u8], mb: usize) {
    let hedui = env!("CARGO_BIN_EXE_hedui");
    let run = |path: &Path| {
        best_run(|| {
            let mut c = Command::new(hedui);
            c.args(["check", "--isolated", "--output-format", "concise"])
                .arg(path);
            c
        })
        .0
    };
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let startup = run(&empty);
    println!();
    println!(
        "{:<34} {:>5} {:>9} {:>9}  time per MB against the largest (start-up {:.1} ms taken off)",
        "check by the binary",
        "MB",
        "ms",
        "MB/s",
        startup.as_secs_f64() * 1e3
    );
    let mut per_mb = Vec::new();
    for size in [1, 10, mb].into_iter().filter(|&s| s <= mb) {
        let part = prefix(bytes, size * 1_000_000);
        let path = dir.join(format!("part-{size}.txt"));
        std::fs::write(&path, part).unwrap();
        let t = run(&path).saturating_sub(startup);
        per_mb.push((part.len(), t));
    }
    let (last_len, last_t) = *per_mb.last().unwrap();
    let last_rate = last_t.as_secs_f64() / last_len as f64;
    for (len, t) in &per_mb {
        let rate = t.as_secs_f64() / *len as f64;
        println!(
            "{:<34} {:>5.0} {:>9.1} {:>9.1}  {:+.1}%",
            "",
            *len as f64 / 1e6,
            t.as_secs_f64() * 1e3,
            mbps(*len, *t),
            (rate / last_rate - 1.0) * 100.0
        );
    }
}
