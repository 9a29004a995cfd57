//! Real text: every report of `../shared/corpus/` and mutations of it (cut, edited,
//! re-encoded) go through what the `check`, `layout` and `grammar` fuzz targets do, with the
//! same assertions, so each report is a seed none of them fails on. The reports are read in
//! place, never copied into the repository; without that folder the tests say so and pass.
//!
//! Mutations are drawn from a fixed-seed generator, so a failure names its file, the kind of
//! mutation and the byte offset, and the next run meets the same input.

use std::cell::{Cell, RefCell};
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::{Once, OnceLock};

use hedui::layout::Layout;
use hedui::lexicon::Lexicon;
use hedui::number::{Found, Scanner};
use hedui::report::human::{Style, render};
use hedui::source::Document;
use hedui::{Config, check_document};
use proptest::prelude::RngExt;
use proptest::test_runner::{RngAlgorithm, TestRng};

/// Every `.txt` of the corpus, by name, or `None` (with a note) when the folder is absent.
fn corpus() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        // Past the test harness's capture, so a passing run still says what it skipped.
        let _ = writeln!(
            std::io::stderr(),
            "note: {} is absent; corpus seeds skipped",
            dir.display()
        );
        return None;
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} holds no .txt", dir.display());
    Some(
        files
            .iter()
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read(p).unwrap())
            })
            .collect(),
    )
}

/// The `check` target: decode, check, every span inside the input, the human drawing.
fn check(bytes: &[u8]) -> Result<(), String> {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config = CONFIG.get_or_init(Config::default);
    let Ok(doc) = Document::from_bytes("seed.txt", bytes) else {
        return Ok(());
    };
    let report = check_document(&doc, config);
    for d in &report.diagnostics {
        for span in std::iter::once(&d.span).chain(d.labels.iter().map(|l| &l.span)) {
            if span.offset + span.length > bytes.len() {
                return Err(format!(
                    "{} span {}+{} past the {} bytes",
                    d.code,
                    span.offset,
                    span.length,
                    bytes.len()
                ));
            }
        }
    }
    let style = Style {
        color: false,
        width: 80,
        narrate: false,
    };
    let _ = render(&report, style);
    Ok(())
}

/// The `layout` target: every logical character maps back to itself (a joint to a break).
fn layout(text: &str) -> Result<(), String> {
    let layout = Layout::new(text);
    for (i, c) in layout.text.char_indices() {
        let r = layout.decoded_range(i..i + c.len_utf8());
        if r.end > text.len() || !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
            return Err(format!("logical {i} maps to {r:?}, off the text"));
        }
        let back = &text[r.clone()];
        let joint = (c == '\n' || c == ' ') && (back == "\n" || back == " ");
        if back != c.to_string() && !joint {
            return Err(format!("logical {i} maps to {r:?}, another character"));
        }
    }
    Ok(())
}

/// The `grammar` target: finds in order, on char boundaries, intervals ordered.
fn grammar(text: &str) -> Result<(), String> {
    let mut last_end = 0;
    for found in Scanner::new(text, Lexicon::builtin()) {
        let span = match &found {
            Found::Quantity(q) => {
                if let (Some(lo), Some(hi)) = (q.interval.lo, q.interval.hi)
                    && lo > hi
                {
                    return Err(format!("quantity at {:?} has lo > hi", q.span));
                }
                q.span.clone()
            }
            Found::OutOfRange(r) => r.clone(),
        };
        if span.start >= span.end
            || !text.is_char_boundary(span.start)
            || !text.is_char_boundary(span.end)
            || span.start < last_end
        {
            return Err(format!(
                "find {span:?} after {last_end}: empty, split or overlapping"
            ));
        }
        last_end = span.end;
    }
    Ok(())
}

fn pipeline(bytes: &[u8]) -> Result<(), String> {
    check(bytes)?;
    // The text targets take only valid UTF-8, as libFuzzer hands them.
    if let Ok(text) = std::str::from_utf8(bytes) {
        layout(text)?;
        grammar(text)?;
    }
    Ok(())
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static PANIC_AT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// A panic message can quote its input (slicing off a char boundary does), and the input is a
/// real report that must not reach a log: inside a case only where it panicked is kept.
fn quiet_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.get() {
                PANIC_AT.set(info.location().map_or("?".into(), |l| l.to_string()));
            } else {
                default(info);
            }
        }));
    });
}

fn guarded(bytes: &[u8]) -> Result<(), String> {
    QUIET.set(true);
    let outcome = panic::catch_unwind(AssertUnwindSafe(|| pipeline(bytes)));
    QUIET.set(false);
    outcome.unwrap_or_else(|_| Err(format!("panicked at {}", PANIC_AT.take())))
}

/// A generator of the report's own, seeded by its name (FNV-1a): the same mutations on every
/// run, other ones for each report.
fn generator(name: &str) -> TestRng {
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let mut seed = [0; 32];
    seed[..8].copy_from_slice(&hash.to_le_bytes());
    TestRng::from_seed(RngAlgorithm::ChaCha, &seed)
}

/// Runs one mutated input, described by the kind of mutation and where it was made.
type Run<'a> = &'a mut dyn FnMut(String, &[u8]);

/// Hands `mutate` each report with its own fixed-seed generator; every input it passes on is
/// run and described by the file, the kind of mutation and where it was made.
fn over_corpus(mutate: fn(&[u8], &mut TestRng, Run)) {
    let Some(files) = corpus() else { return };
    quiet_panics();
    let mut cases = 0;
    let mut failures = Vec::new();
    for (name, bytes) in &files {
        let mut rng = generator(name);
        mutate(bytes, &mut rng, &mut |what, input| {
            cases += 1;
            if let Err(why) = guarded(input) {
                failures.push(format!("{name}: {what}: {why}"));
            }
        });
    }
    eprintln!("{} reports, {cases} inputs", files.len());
    assert!(
        failures.is_empty(),
        "{} of {cases} inputs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// How many of each mutation a report gets: enough to reach every part of the pipeline, few
/// enough that the whole file runs well inside a minute of a debug `cargo test` on two cores.
/// `HEDUI_SEED_DEPTH=n` makes it n times as many, for a deeper search by hand.
fn times(n: usize) -> usize {
    let depth = std::env::var("HEDUI_SEED_DEPTH").map_or(1, |d| d.parse().expect("a number"));
    n * depth
}

/// A random offset in `bytes` moved back to the start of its character.
fn char_start(bytes: &[u8], rng: &mut TestRng) -> usize {
    let mut at = rng.random_range(0..bytes.len());
    while at > 0 && (bytes[at] as i8) < -0x40 {
        at -= 1;
    }
    at
}

/// The start of the line `at` is in, and the end of it with its break.
fn line_around(bytes: &[u8], at: usize) -> (usize, usize) {
    let start = bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let end = bytes[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |i| at + i + 1);
    (start, end)
}

#[test]
fn every_report_whole_and_cut_short() {
    over_corpus(|bytes, rng, run| {
        run("whole".into(), bytes);
        // Half of the cuts inside a character: the decoder refuses them or reads them some
        // other way, without a panic.
        for i in 0..times(12) {
            let mut at = char_start(bytes, rng);
            if i % 2 == 1 {
                while at < bytes.len() && bytes[at] < 0xC0 {
                    at += 1;
                }
                at = (at + 1).min(bytes.len());
            }
            run(format!("cut at byte {at}"), &bytes[..at]);
        }
    });
}

/// Transcoded input maps every span back through a table rather than a shift.
#[test]
fn every_report_in_gb18030_and_utf16() {
    over_corpus(|bytes, rng, run| {
        // A report in another encoding gets only the mutations of its bytes.
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        let (gb, _, _) = encoding_rs::GB18030.encode(text);
        run("whole, in GB18030".into(), &gb);
        // Anywhere, so some cuts halve a two-byte character.
        for _ in 0..times(2) {
            let at = rng.random_range(0..gb.len());
            run(format!("in GB18030, cut at byte {at}"), &gb[..at]);
        }
        let mut utf16 = b"\xFF\xFE".to_vec();
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        run("whole, in UTF-16LE".into(), &utf16);
    });
}

#[test]
fn every_report_with_a_line_break_or_a_span_taken_out() {
    over_corpus(|bytes, rng, run| {
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', bytes).collect();
        for _ in 0..times(4).min(breaks.len()) {
            let at = breaks[rng.random_range(0..breaks.len())];
            // A CRLF goes as a whole.
            let from = if at > 0 && bytes[at - 1] == b'\r' {
                at - 1
            } else {
                at
            };
            let input = [&bytes[..from], &bytes[at + 1..]].concat();
            run(format!("line break at byte {from} taken out"), &input);
        }
        for _ in 0..times(4) {
            let from = char_start(bytes, rng);
            let mut to = (from + rng.random_range(1..400)).min(bytes.len());
            while to < bytes.len() && (bytes[to] as i8) < -0x40 {
                to += 1;
            }
            let input = [&bytes[..from], &bytes[to..]].concat();
            run(format!("bytes {from}..{to} taken out"), &input);
        }
    });
}

#[test]
fn every_report_with_a_paragraph_twice() {
    over_corpus(|bytes, rng, run| {
        for _ in 0..times(4) {
            let (start, end) = line_around(bytes, char_start(bytes, rng));
            let input = [&bytes[..end], &bytes[start..end], &bytes[end..]].concat();
            run(format!("paragraph at byte {start} repeated"), &input);
        }
    });
}

#[test]
fn every_report_with_other_digits() {
    over_corpus(|bytes, rng, run| {
        for _ in 0..times(2) {
            let by = rng.random_range(1..10u8);
            let input: Vec<u8> = bytes
                .iter()
                .map(|&b| {
                    if b.is_ascii_digit() {
                        b'0' + (b - b'0' + by) % 10
                    } else {
                        b
                    }
                })
                .collect();
            run(format!("every digit d as d+{by} mod 10"), &input);
        }
    });
}

#[test]
fn every_report_with_full_and_half_width_punctuation_swapped() {
    over_corpus(|bytes, rng, run| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        // From the start, then from a random point on, so both kinds meet in one text.
        let points: Vec<usize> = (0..times(1)).map(|_| char_start(bytes, rng)).collect();
        for from in std::iter::once(0).chain(points) {
            let mut input = text[..from].to_string();
            for c in text[from..].chars() {
                input.push(match c {
                    '，' => ',',
                    ',' => '，',
                    '％' => '%',
                    '%' => '％',
                    '．' => '.',
                    '.' => '．',
                    c => c,
                });
            }
            run(
                format!("punctuation swapped from byte {from}"),
                input.as_bytes(),
            );
        }
    });
}

#[test]
fn every_report_with_a_line_letter_spaced() {
    over_corpus(|bytes, rng, run| {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return;
        };
        for _ in 0..times(4) {
            let (start, end) = line_around(bytes, char_start(bytes, rng));
            let line = text[start..end].trim_end_matches(['\r', '\n']);
            let spaced: Vec<String> = line.chars().map(String::from).collect();
            let input = [
                &text[..start],
                &spaced.join(" "),
                &text[start + line.len()..],
            ]
            .concat();
            run(
                format!("line at byte {start} letter-spaced"),
                input.as_bytes(),
            );
        }
    });
}
